import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

type LambdaEnv = { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } };

/**
 * The network address this request came from — on Lambda the event's source IP, on the local
 * Node server the socket's peer — never a header the client could write (X-Forwarded-For).
 * Undefined when the request came through neither (e.g. `app.request` in a test).
 */
export function clientAddress(c: Context): string | undefined {
  const env = c.env as (LambdaEnv & { incoming?: unknown }) | undefined;
  if (env?.requestContext) return env.requestContext.http?.sourceIp ?? env.requestContext.identity?.sourceIp;
  if (env?.incoming) return getConnInfo(c).remote.address;
  return undefined;
}
