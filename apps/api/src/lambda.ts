import { assertConfig } from "@kehoach/core/config";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import type { app as App } from "./app";
import { checkHealth } from "./health-check";
import { securityHeaders } from "./security-headers";

// A function deployed without its links stops here, at init, saying which link is missing.
assertConfig();

let full: Promise<typeof App> | undefined;
/** The whole API (apps/api/src/app.ts), loaded by the first request that needs it. */
const api = () => {
  full ??= import("./app").then((m) => m.app);
  return full;
};

/**
 * AWS Lambda entry (a function URL behind the SST Router, which keeps the /api prefix). A health
 * check — what monitors and the Router's probes send most, often to a fresh instance — is answered
 * here with the same check and headers as `GET /api/health` of the full API, without loading it;
 * every other request goes to the full API, the same app `npm start` serves.
 */
const entry = new Hono();
entry.get("/api/health", securityHeaders, async (c) => {
  const { code, body, retryAfter } = await checkHealth();
  if (retryAfter) c.header("Retry-After", String(retryAfter));
  return c.json(body, code);
});
entry.all("*", async (c) => (await api()).fetch(c.req.raw, c.env));

export const handler = handle(entry);
