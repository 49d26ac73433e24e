import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Socket } from "node:net";
import { join, relative, resolve } from "node:path";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { app as api, noSuchRoute } from "../app";
import { securityHeaders } from "../edge";

export const DASHBOARD_DIST = resolve(fileURLToPath(import.meta.url), "../../../../dashboard/dist");

/** As CloudFront serves the dashboard's hashed files: a name changes whenever its content does. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** One origin, like the SST Router on AWS: the API at /api, the dashboard everywhere else. */
export function localApp(dist = DASHBOARD_DIST) {
  const root = relative(process.cwd(), dist) || ".";
  const web = new Hono();
  // The same headers on the dashboard's HTML and assets as on the API's answers.
  web.use(securityHeaders);
  web.route("/", api);
  // A path under /api that no route matched is an API 404, whatever the method, never the SPA.
  web.all("/api", noSuchRoute);
  web.all("/api/*", noSuchRoute);
  // Source maps are not published (the build writes none; an old one left in dist stays private).
  web.get("*", async (c, next) => (c.req.path.endsWith(".map") ? c.notFound() : next()));
  // Hashed assets: brotli or gzip as the browser accepts (copies written at build), cached for good.
  // A missing one is a 404, never the SPA shell (which would then be cached as that asset).
  web.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.status === 200 || c.res.status === 206) c.res.headers.set("Cache-Control", IMMUTABLE);
  });
  web.use("/assets/*", serveStatic({ root, precompressed: true }));
  web.get("/assets/*", (c) => c.notFound());
  // Anything else (index.html): asked for again on each visit, since it names the current assets.
  web.get("*", async (c, next) => {
    await next();
    c.res.headers.set("Cache-Control", "no-cache");
  });
  web.get("*", serveStatic({ root, precompressed: true }));
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
    let started = false;
    const server = serve(
      { fetch: localApp(opts.dist).fetch, port: opts.port, hostname: opts.host },
      (info) => {
        started = true;
        resolveStart({
          url: `http://${opts.host}:${info.port}`,
          close: () => new Promise<void>((r) => server.close(() => r())),
        });
      },
    );
    // Keep idle connections longer than clients keep them (Node's default is 5 s): a client that
    // reuses a socket the server has just closed gets ECONNRESET instead of an answer.
    (server as import("node:http").Server).keepAliveTimeout = 65_000;
    (server as import("node:http").Server).headersTimeout = 66_000;
    server.on("error", (err) => {
      if (!started) return reject(err);
      console.error(JSON.stringify({ level: "error", msg: "server error", err: String(err) }));
    });
    // A client's broken request or dropped socket is its own problem: answer if the socket can
    // still be written, else drop it — never let it reach the process as an unhandled 'error'.
    server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
      if (err.code === "ECONNRESET" || err.code === "EPIPE" || !socket.writable) {
        socket.destroy();
        return;
      }
      const status =
        err.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    });
    server.on("connection", (socket: Socket) => {
      socket.on("error", () => socket.destroy());
    });
  });
}
