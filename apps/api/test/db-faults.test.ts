import { ensureTable } from "@kehoach/core/db/bootstrap";
import { type LocalDynamo, startDynamoLocal } from "@kehoach/core/db/local";
import { SEED_PLAN } from "@kehoach/core/seed/seed-plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, ensureSeed, login } from "./helpers";

/**
 * A database that stops answering (DynamoDB Local paused with SIGSTOP, as a stalled network or
 * an overloaded table would look): every route answers 503 with Retry-After within seconds
 * instead of hanging, writes nothing half-done, and works again as soon as the database does —
 * without restarting anything. Its own DynamoDB Local, so the pause touches no other test file.
 */
let local: LocalDynamo;
let staff: string;
let planId: string;

beforeAll(async () => {
  delete process.env.DYNAMODB_REQUEST_TIMEOUT_MS; // the product's own deadline, not the suites' lenient one
  local = await startDynamoLocal();
  await ensureTable(process.env.KEHOACH_TABLE ?? "kehoach-test");
  await ensureSeed();
  staff = await login("quangnghiep.canbo");
  const created = await call("POST", "/api/plans", {
    cookie: staff,
    json: { content: { ...SEED_PLAN, subject: "Kế hoạch thử khi mất cơ sở dữ liệu" } },
  });
  expect(created.status, created.text).toBe(201);
  planId = created.body.id;
}, 90_000);

afterAll(async () => {
  if (local?.process.pid) process.kill(local.process.pid, "SIGCONT");
  await local?.stop();
});

const unavailable = (res: {
  status: number;
  headers: Headers;
  body: { error?: { code: string; message: { vi: string; en: string } } };
}) => {
  expect(res.status).toBe(503);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(res.body.error?.code).toBe("db_unavailable");
  expect(res.body.error?.message.vi).toMatch(/cơ sở dữ liệu/i);
  expect(res.body.error?.message.en).toMatch(/database/i);
};

describe("database stalled", () => {
  it("reads, writes and sign-ins answer 503 + Retry-After, then work again after it resumes", async () => {
    const pid = local.process.pid;
    if (!pid) throw new Error("no DynamoDB Local pid");
    const before = await call("GET", `/api/plans/${planId}`, { cookie: staff });
    expect(before.status).toBe(200);
    const version = before.body.version as number;

    process.kill(pid, "SIGSTOP");
    const started = Date.now();
    try {
      const [read, write, list, signIn] = await Promise.all([
        call("GET", `/api/plans/${planId}`, { cookie: staff }),
        call("PUT", `/api/plans/${planId}`, {
          cookie: staff,
          json: { version, content: { ...SEED_PLAN, subject: "Sửa trong lúc mất cơ sở dữ liệu" } },
        }),
        call("GET", "/api/plans?communeId=quang-nghiep", { cookie: staff }),
        call("POST", "/api/auth/login", {
          json: { username: "quangnghiep.canbo", password: "sai-mat-khau" },
        }),
      ]);
      console.log(
        "stalled:",
        [read, write, list, signIn].map((r) => `${r.status} ${r.text.slice(0, 120)}`),
      );
      unavailable(read);
      unavailable(write);
      unavailable(list);
      unavailable(signIn);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    console.log(`stalled database: 503 after ${Date.now() - started} ms`);

    // Works again, same process, same client: no restart.
    let after = await call("GET", `/api/plans/${planId}`, { cookie: staff });
    for (let i = 0; after.status !== 200 && i < 20; i++) {
      await new Promise((r) => setTimeout(r, 250));
      after = await call("GET", `/api/plans/${planId}`, { cookie: staff });
    }
    expect(after.status).toBe(200);
    // The interrupted save happened whole or not at all: version, content and history agree.
    const history = await call("GET", `/api/plans/${planId}/history`, { cookie: staff });
    expect(history.status).toBe(200);
    if (after.body.version === version) {
      expect(after.body.subject).toBe("Kế hoạch thử khi mất cơ sở dữ liệu");
    } else {
      expect(after.body.version).toBe(version + 1);
      expect(after.body.subject).toBe("Sửa trong lúc mất cơ sở dữ liệu");
    }
    const saved = await call("PUT", `/api/plans/${planId}`, {
      cookie: staff,
      json: { version: after.body.version, content: { ...SEED_PLAN, subject: "Sửa sau khi có lại" } },
    });
    expect(saved.status, saved.text).toBe(200);
  }, 30_000);
});
