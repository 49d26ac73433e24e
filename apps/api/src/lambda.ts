import { assertConfig } from "@kehoach/core/config";
import { handle } from "hono/aws-lambda";
import { app } from "./app";

// A function deployed without its links stops here, at init, saying which link is missing.
assertConfig();

/** AWS Lambda entry (function URL behind the SST Router, which keeps the /api prefix). */
export const handler = handle(app);
