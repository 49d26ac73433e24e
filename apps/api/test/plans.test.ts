import { SEED_PLAN, SEED_PLAN_ID } from "@kehoach/core/seed/seed-plan";
import { beforeAll, describe, expect, it } from "vitest";
import { call, ensureSeed, login } from "./helpers";

let staff: string;
beforeAll(async () => {
  await ensureSeed();
  staff = await login("quangnghiep.canbo");
});

const content = (subject = "Kế hoạch kiểm tra API") => ({ ...SEED_PLAN, subject });

describe("plan routes", () => {
  it("lists and reads the seed plan", async () => {
    const list = await call("GET", "/api/plans?communeId=quang-nghiep", { cookie: staff });
    expect(list.status).toBe(200);
    expect(list.body.items.some((p: { id: string }) => p.id === SEED_PLAN_ID)).toBe(true);
    const one = await call("GET", `/api/plans/${SEED_PLAN_ID}`, { cookie: staff });
    expect(one.status).toBe(200);
    expect(one.body.subject).toBe(SEED_PLAN.subject);
    expect(one.body.signer).toMatchObject({ authority: "TM.", title: "CHỦ TỊCH", name: "Vũ Chí Mạnh" });
  });

  it("refuses invalid drafts with 400, field paths in vi and en, and writes nothing", async () => {
    const before = await call("GET", "/api/plans?communeId=quang-nghiep&limit=100", { cookie: staff });
    const bad = await call("POST", "/api/plans", {
      cookie: staff,
      json: {
        content: { ...content(), subject: "", signer: { title: "CHỦ TỊCH", name: "X", authority: "XX." } },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
    const paths = bad.body.error.issues.map((i: { path: string[] }) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["content.subject", "content.signer.authority"]));
    for (const i of bad.body.error.issues) {
      expect(i.message.vi).toBeTruthy();
      expect(i.message.en).toBeTruthy();
      expect(i.message.vi).not.toBe(i.message.en);
    }
    const after = await call("GET", "/api/plans?communeId=quang-nghiep&limit=100", { cookie: staff });
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const res = await call("POST", "/api/plans", {
      cookie: staff,
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message.vi).toBeTruthy();
  });

  it("saves at the read version and answers a stale save with 409 and the current plan", async () => {
    const created = await call("POST", "/api/plans", { cookie: staff, json: { content: content() } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const first = await call("PUT", `/api/plans/${id}`, {
      cookie: staff,
      json: { version: 1, content: content("A") },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await call("PUT", `/api/plans/${id}`, {
      cookie: staff,
      json: { version: 1, content: content("B") },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.subject).toBe("A");
    const del = await call("DELETE", `/api/plans/${id}?version=2`, { cookie: staff });
    expect(del.status).toBe(200);
    expect((await call("GET", `/api/plans/${id}`, { cookie: staff })).status).toBe(404);
  });

  it("no stack traces to clients on unknown routes", async () => {
    const res = await call("GET", "/api/nope", { cookie: staff });
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });
});
