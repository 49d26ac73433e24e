import { handle } from "hono/aws-lambda";
import { app } from "./app";

/** AWS Lambda entry (function URL behind the SST Router, which keeps the /api prefix). */
export const handler = handle(app);
