import { request } from "node:http";
import { withActor } from "@kehoach/core/actor";
import { createUser } from "@kehoach/core/admin";
import { THROTTLE_RULES } from "@kehoach/core/auth/throttle";
import { setClock } from "@kehoach/core/clock";
import { freePort } from "@kehoach/core/db/local";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { handler } from "../src/lambda";
import { startServer } from "../src/local/server";
import { call, ensureSeed, login, PASSWORD } from "./helpers";

/**
 * Sign-in throttling over real sockets: the local server reads the client's address from the
 * socket, and each test speaks from its own loopback address (127.0.0.x), like two offices.
 */
let server: Awaited<ReturnType<typeof startServer>>;
let admin: string;
let t = new Date("2026-03-02T08:00:00Z").getTime();
const advance = (seconds: number) => {
  t += seconds * 1000;
};

type Answer = {
  status: number;
  retryAfter: number;
  body: { error?: { code: string; message: { vi: string; en: string } } };
};

/** POST /api/auth/login from a given local address, with an X-Forwarded-For the server must ignore. */
function signIn(from: string, username: string, password: string): Promise<Answer> {
  const url = new URL("/api/auth/login", server.url);
  const payload = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        localAddress: from,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          origin: server.url,
          "x-forwarded-for": "198.51.100.99",
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          text += d;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: Number(res.headers["retry-after"] ?? 0),
            body: text ? JSON.parse(text) : {},
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

async function account(username: string) {
  await withActor({ username: "test", displayName: "test", role: "admin", communeIds: [] }, () =>
    createUser({
      username,
      displayName: `Thử ${username}`,
      role: "commune_leader",
      unitId: "dai-hop",
      password: PASSWORD,
    }),
  );
}

async function throttles() {
  const res = await call("GET", "/api/admin/throttles", { cookie: admin });
  expect(res.status, res.text).toBe(200);
  return res.body as { kind: string; subject: string; failures: number; retryAfter: number }[];
}

beforeAll(async () => {
  await ensureSeed();
  admin = await login("admin");
  server = await startServer({ port: await freePort(), host: "127.0.0.1", dist: "/nonexistent" });
  setClock(() => new Date(t));
});
afterAll(async () => {
  setClock(undefined);
  await server?.close();
});
afterEach(() => advance(3600)); // each test starts past every window of the last

describe("sign-in throttling: growing delays per account and per address, never a lockout", () => {
  it("after 5 wrong passwords the next attempt waits 2 s, then 4, 8, 16, capped at 30 s; then the right password works", async () => {
    await account("thu.tre.dan");
    const from = "127.0.0.11";
    for (let i = 0; i < THROTTLE_RULES.account.free; i++) {
      expect((await signIn(from, "thu.tre.dan", `sai-${i}`)).status).toBe(401);
    }
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const refused = await signIn(from, "thu.tre.dan", PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.body.error?.code).toBe("too_many_attempts");
      expect(refused.body.error?.message.vi).toContain(`chờ ${refused.retryAfter} giây`);
      expect(refused.body.error?.message.en).toContain(`wait ${refused.retryAfter} seconds`);
      waits.push(refused.retryAfter);
      advance(refused.retryAfter);
      expect((await signIn(from, "thu.tre.dan", `sai-lan-${i}`)).status).toBe(401);
    }
    expect(waits).toEqual([2, 4, 8, 16, 30, 30]);
    advance(30);
    expect((await signIn(from, "thu.tre.dan", PASSWORD)).status).toBe(200);
    // A success starts the account afresh.
    expect((await signIn(from, "thu.tre.dan", "sai-nua")).status).toBe(401);
  });

  it("an attacker's address is slowed to 2 minutes while the owner, elsewhere, waits at most the account's 30 s", async () => {
    await account("chu.tich.thu");
    const attacker = "127.0.0.21";
    const owner = "127.0.0.22";
    let guesses = 0;
    while (guesses < THROTTLE_RULES.address.free + 8) {
      const r = await signIn(attacker, "chu.tich.thu", `doan-${guesses}`);
      if (r.status === 429) advance(r.retryAfter);
      else {
        expect(r.status).toBe(401);
        guesses++;
      }
    }
    const rightAway = await signIn(owner, "chu.tich.thu", PASSWORD);
    expect(rightAway.status).toBe(429);
    expect(rightAway.retryAfter).toBeLessThanOrEqual(THROTTLE_RULES.account.maxDelay);
    advance(rightAway.retryAfter);
    // The attacker's address is still waiting, even with a right password of another account…
    const stillBlocked = await signIn(attacker, "daihop.canbo", PASSWORD);
    expect(stillBlocked.status).toBe(429);
    expect(stillBlocked.retryAfter).toBeGreaterThan(60);
    // …while the owner signs in from their office.
    expect((await signIn(owner, "chu.tich.thu", PASSWORD)).status).toBe(200);

    const list = await throttles();
    const byAddress = list.find((x) => x.kind === "address" && x.subject === attacker);
    expect(byAddress?.retryAfter).toBeGreaterThan(60);
    expect(list.some((x) => x.subject === "198.51.100.99")).toBe(false); // X-Forwarded-For is not trusted
  });

  it("answers an unknown account exactly like an existing one, attempt after attempt", async () => {
    const run = async (from: string, username: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await signIn(from, username, `sai-${i}`);
        out.push([r.status, r.retryAfter, r.body]);
        if (i === 6) advance(2);
      }
      return out;
    };
    await account("thu.ton.tai");
    const start = t;
    const real = await run("127.0.0.31", "thu.ton.tai");
    t = start;
    const ghost = await run("127.0.0.32", "khong.ton.tai.2");
    expect(ghost).toEqual(real);
  });

  it("a burst of parallel guesses gets no more than the free attempts checked", async () => {
    await account("thu.dong.loat");
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn("127.0.0.41", "thu.dong.loat", `sai-${i}`)),
    );
    const checked = answers.filter((a) => a.status === 401).length;
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    expect(checked).toBeLessThanOrEqual(THROTTLE_RULES.account.free);
    const counter = (await throttles()).find((x) => x.kind === "account" && x.subject === "thu.dong.loat");
    expect(counter?.failures).toBe(checked);
  });

  it("an admin sees the delays and lifts one; the account signs in at once", async () => {
    await account("thu.go.han");
    for (let i = 0; i < THROTTLE_RULES.account.free; i++)
      await signIn("127.0.0.51", "thu.go.han", `sai-${i}`);
    expect((await signIn("127.0.0.51", "thu.go.han", PASSWORD)).status).toBe(429);
    const listed = (await throttles()).find((x) => x.kind === "account" && x.subject === "thu.go.han");
    expect(listed).toMatchObject({ failures: THROTTLE_RULES.account.free, retryAfter: 2 });
    expect((await throttles()).find((x) => x.kind === "address" && x.subject === "127.0.0.51")).toBeDefined();

    const lifted = await call("DELETE", "/api/admin/throttles/account/thu.go.han", { cookie: admin });
    expect(lifted.status, lifted.text).toBe(200);
    expect((await throttles()).some((x) => x.kind === "account" && x.subject === "thu.go.han")).toBe(false);
    expect((await signIn("127.0.0.51", "thu.go.han", PASSWORD)).status).toBe(200);
    const again = await call("DELETE", "/api/admin/throttles/account/thu.go.han", { cookie: admin });
    expect(again.status).toBe(404);
    expect(again.body.error.message.vi).toBeTruthy();
  });

  it("on Lambda the address is the event's source IP (IPv6 counted by its /64)", async () => {
    const event = (sourceIp: string) => ({
      version: "2.0",
      routeKey: "$default",
      rawPath: "/api/auth/login",
      rawQueryString: "",
      headers: {
        "content-type": "application/json",
        host: "example.org",
        "x-forwarded-for": "198.51.100.98",
      },
      requestContext: {
        accountId: "123",
        apiId: "x",
        domainName: "example.org",
        domainPrefix: "example",
        http: { method: "POST", path: "/api/auth/login", protocol: "HTTP/1.1", sourceIp, userAgent: "test" },
        requestId: "r",
        routeKey: "$default",
        stage: "$default",
        time: "",
        timeEpoch: 0,
      },
      body: JSON.stringify({ username: "khong.ai.ca", password: "sai" }),
      isBase64Encoded: false,
    });
    // biome-ignore lint/suspicious/noExplicitAny: the adapter's event union is wider than this test needs
    const invoke = (ip: string) => (handler as any)(event(ip), {}) as Promise<{ statusCode: number }>;
    expect((await invoke("203.0.113.7")).statusCode).toBe(401);
    expect((await invoke("2001:db8:1:2:aaaa::1")).statusCode).toBe(401);
    expect((await invoke("2001:db8:1:2:bbbb::2")).statusCode).toBe(401);
    const list = await throttles();
    expect(list.find((x) => x.kind === "address" && x.subject === "203.0.113.7")?.failures).toBe(1);
    expect(list.find((x) => x.kind === "address" && x.subject === "2001:db8:1:2::/64")?.failures).toBe(2);
    expect(list.some((x) => x.subject === "198.51.100.98")).toBe(false);
  });
});
