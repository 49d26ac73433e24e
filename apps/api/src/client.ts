import { hc } from "hono/client";
import type { AppType } from "./app";

/**
 * Compiled to dist/client.d.ts (npm run build) so editors of the client and dashboard
 * do not re-infer the whole route tree — Hono's advice for monorepos.
 */
export type Client = ReturnType<typeof hc<AppType>>;
export const hcWithType = (...args: Parameters<typeof hc>): Client => hc<AppType>(...args);
