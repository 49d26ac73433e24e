import { connect } from "node:net";
import { freePort } from "@kehoach/core/db/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../src/local/server";
import { ensureSeed } from "./helpers";

/** Clients that vanish, lie or speak garbage must not take the local server down. */
let server: Awaited<ReturnType<typeof startServer>>;
let port: number;

beforeAll(async () => {
  await ensureSeed();
  port = await freePort();
  server = await startServer({ port, host: "127.0.0.1", dist: "/nonexistent" });
});
afterAll(() => server?.close());

/** Open a socket, write these chunks, then do `then` when the first answer byte (or a delay) comes. */
function hostile(chunks: (string | Buffer)[], then: "destroy" | "reset" | "end", afterMs = 50) {
  return new Promise<void>((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.on("error", () => resolve());
    s.on("close", () => resolve());
    s.on("connect", () => {
      for (const c of chunks) s.write(c);
      const act = () => (then === "reset" ? s.resetAndDestroy() : then === "end" ? s.end() : s.destroy());
      s.once("data", act);
      setTimeout(act, afterMs);
    });
  });
}

describe("socket faults", () => {
  it("survives clients that reset mid-response, abandon bodies, or send garbage", async () => {
    const big = "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n";
    const login = (len: number) =>
      `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${len}\r\n\r\n{"username":"a`;
    const faults = [
      ...Array.from({ length: 10 }, () => hostile([big], "reset", 5)),
      ...Array.from({ length: 10 }, () => hostile([big], "destroy", 1)),
      hostile([login(1_000_000)], "reset"),
      hostile([login(1_000_000)], "destroy"),
      hostile([login(5)], "end"),
      hostile([Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x01, 0x00])], "end"), // a TLS hello
      hostile(["GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"], "end"),
      hostile(["GET /api/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"], "end"),
      hostile(["GET /api/health HTTP/1.1\r\n", "X: \u0000\r\n\r\n"], "reset"),
      hostile(["GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"], "reset", 0),
    ];
    await Promise.all(faults);
    await new Promise((r) => setTimeout(r, 300));
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
  });
});
