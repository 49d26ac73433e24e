import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { app as api } from "../app";

export const DASHBOARD_DIST = resolve(fileURLToPath(import.meta.url), "../../../../dashboard/dist");

/** One origin, like the SST Router on AWS: the API at /api, the dashboard everywhere else. */
export function localApp(dist = DASHBOARD_DIST) {
  const root = relative(process.cwd(), dist) || ".";
  const web = new Hono();
  web.route("/", api);
  web.use("/assets/*", serveStatic({ root }));
  web.get("*", serveStatic({ root }));
  // Client-side routes (/plans/…) get the SPA shell.
  web.get("*", async (c) => {
    const index = join(dist, "index.html");
    if (!existsSync(index)) {
      return c.text(
        "Chưa build dashboard: chạy `npm run build -w @kehoach/dashboard`. / Dashboard not built: run `npm run build -w @kehoach/dashboard`.",
        503,
      );
    }
    return c.html(await readFile(index, "utf8"));
  });
  return web;
}

export function startServer(opts: { port: number; host: string; dist?: string }) {
  return new Promise<{ url: string; close: () => Promise<void> }>((resolveStart, reject) => {
    const server = serve(
      { fetch: localApp(opts.dist).fetch, port: opts.port, hostname: opts.host },
      (info) => {
        resolveStart({
          url: `http://${opts.host}:${info.port}`,
          close: () => new Promise<void>((r) => server.close(() => r())),
        });
      },
    );
    server.on("error", reject);
  });
}
