import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { SEED_PLAN } from "@kehoach/core/seed/seed-plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../src/local/server";
import { ensureSeed, login } from "./helpers";

/**
 * The real local server (@hono/node-server), not app.request: oversized bodies and broken
 * sockets are faults of the transport, and the process must outlive them.
 */
let server: Awaited<ReturnType<typeof startServer>>;
let staff: string;
let planId: string;

beforeAll(async () => {
  await ensureSeed();
  staff = await login("quangnghiep.canbo");
  server = await startServer({ port: 0, host: "127.0.0.1", dist: "/nonexistent-dashboard-dist" });
  const created = await fetch(`${server.url}/api/plans`, {
    method: "POST",
    headers: { cookie: staff, origin: server.url, "content-type": "application/json" },
    body: JSON.stringify({ content: SEED_PLAN }),
  });
  expect(created.status).toBe(201);
  planId = ((await created.json()) as { id: string }).id;
});
afterAll(async () => {
  await server?.close();
});

/** Send a body with node:http (fetch hides socket errors); resolve with the status or the socket error. */
function send(path: string, body: Buffer, headers: Record<string, string>) {
  return new Promise<{ status?: number; body?: string; error?: string }>((resolve) => {
    const url = new URL(path, server.url);
    const req = httpRequest(
      url,
      {
        method: "PUT",
        headers: { ...headers, "content-length": String(body.length), origin: server.url },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on("error", (e) => resolve({ status: res.statusCode ?? 0, error: String(e) }));
      },
    );
    req.on("error", (e) => resolve({ error: String(e) }));
    // The server may answer and close before the whole body is written: the client's own
    // socket then fails with EPIPE after the response, which node:http leaves unhandled.
    req.on("socket", (s) => s.on("error", () => {}));
    req.end(body);
  });
}

const health = async () => (await fetch(`${server.url}/api/health`)).status;

describe("the local server at the edge", () => {
  it("answers a 9.6 MB plan save with a bilingual 413 before parsing, and keeps serving", async () => {
    const huge = {
      version: 1,
      // Valid field by field (50 sections × 40 paragraphs × 4,800 characters): only its size is wrong.
      content: {
        ...SEED_PLAN,
        sections: Array.from({ length: 50 }, (_, i) => ({
          id: `s${i}`,
          paragraphs: Array.from({ length: 40 }, () => "x".repeat(4_800)),
        })),
      },
    };
    const body = Buffer.from(JSON.stringify(huge));
    expect(body.length).toBeGreaterThan(9_000_000);
    const res = await send(`/api/plans/${planId}`, body, {
      cookie: staff,
      "content-type": "application/json",
    });
    // The server may answer before it has read everything; the client may then see a reset.
    if (res.status !== undefined) {
      expect(res.status).toBe(413);
      if (res.body) {
        const parsed = JSON.parse(res.body);
        expect(parsed.error.code).toBe("too_large");
        expect(parsed.error.message.vi).toMatch(/quá lớn/);
        expect(parsed.error.message.en).toMatch(/too large/i);
      }
    }
    expect(await health()).toBe(200);
  });

  it("survives clients that lie about the length or hang up mid-body", async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve) => {
        const url = new URL(server.url);
        const s = connect(Number(url.port), url.hostname, () => {
          s.write(
            `PUT /api/plans/${planId} HTTP/1.1\r\nHost: ${url.host}\r\nCookie: ${staff}\r\nOrigin: ${server.url}\r\nContent-Type: application/json\r\nContent-Length: 9999999\r\n\r\n{"version":1,`,
          );
          setTimeout(() => {
            s.destroy();
            resolve();
          }, 20);
        });
        s.on("error", () => resolve());
      });
      // A malformed request line: the server answers 400, never crashes.
      await new Promise<void>((resolve) => {
        const url = new URL(server.url);
        const s = connect(Number(url.port), url.hostname, () => s.end("GARBAGE \x00\x01 HTTP/9\r\n\r\n"));
        s.on("error", () => resolve());
        s.on("close", () => resolve());
        s.resume();
      });
    }
    expect(await health()).toBe(200);
  });

  it("answers a 25 MB upload with 413 (the file limit is 20 MB)", async () => {
    const boundary = "----kehoach";
    const big = Buffer.alloc(25 * 1024 * 1024, 0x41);
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      big,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await new Promise<{ status?: number }>((resolve) => {
      const req = httpRequest(
        new URL("/api/documents/import", server.url),
        {
          method: "POST",
          headers: {
            cookie: staff,
            origin: server.url,
            "content-type": `multipart/form-data; boundary=${boundary}`,
            "content-length": String(body.length),
          },
        },
        (r) => {
          r.resume();
          r.on("end", () => resolve({ status: r.statusCode ?? 0 }));
        },
      );
      req.on("error", () => resolve({}));
      req.on("socket", (s) => s.on("error", () => {}));
      req.end(body);
    });
    if (res.status !== undefined) expect(res.status).toBe(413);
    expect(await health()).toBe(200);
  });
});
