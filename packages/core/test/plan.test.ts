import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../src/db/entities";
import * as Plan from "../src/plan";
import { planContent } from "../src/plan/schema";
import { seed } from "../src/seed";
import { SEED_PLAN, SEED_PLAN_ID } from "../src/seed/seed-plan";
import { as, dhStaff, qnStaff, statusOf, tkOverseer } from "./helpers";

const draft = () => ({ ...planContent.parse(SEED_PLAN), subject: "Kế hoạch thử nghiệm lưu nháp" });

beforeAll(async () => {
  await seed();
  await seed(); // idempotent
});

describe("plans in DynamoDB Local", () => {
  it("lists the seed plan for its commune; the overseer sees it only once issued", async () => {
    const mine = await as(qnStaff, () => Plan.listPlans({ communeId: "quang-nghiep" }));
    expect(mine.items.map((p) => p.id)).toContain(SEED_PLAN_ID);
    const own = await as(qnStaff, () => Plan.getPlan(SEED_PLAN_ID));
    expect(own.signer.name).toBe("Vũ Chí Mạnh");
    expect(own.assignments).toHaveLength(4);
    // A draft is the commune's own: its overseer neither reads nor lists it.
    expect(await statusOf(as(tkOverseer, () => Plan.getPlan(SEED_PLAN_ID)))).toBe(404);
    const over = await as(tkOverseer, () => Plan.listPlans({ communeId: "quang-nghiep" }));
    expect(over.items.map((p) => p.id)).not.toContain(SEED_PLAN_ID);
  });

  it("hides another commune's plans (404, not 403, so ids are not probed)", async () => {
    expect(await statusOf(as(dhStaff, () => Plan.getPlan(SEED_PLAN_ID)))).toBe(404);
    expect(await statusOf(as(dhStaff, () => Plan.listPlans({ communeId: "quang-nghiep" })))).toBe(404);
  });

  it("an overseer may read but not write", async () => {
    expect(
      await statusOf(as(tkOverseer, () => Plan.createDraft({ communeId: "quang-nghiep", content: draft() }))),
    ).toBe(403);
  });

  it("creates, updates at the read version, refuses a stale version with 409", async () => {
    const created = await as(qnStaff, () => Plan.createDraft({ content: draft() }));
    expect(created.version).toBe(1);
    const saved = await as(qnStaff, () =>
      Plan.updateDraft(created.id, { version: 1, content: { ...draft(), subject: "Tiêu đề mới" } }),
    );
    expect(saved.version).toBe(2);
    expect(
      await statusOf(as(qnStaff, () => Plan.updateDraft(created.id, { version: 1, content: draft() }))),
    ).toBe(409);
    const hist = await as(qnStaff, () => Plan.history(created.id));
    expect(hist.map((h) => h.action)).toEqual(["create", "edit"]);
    expect(hist[1]?.changes).toContainEqual({
      path: "subject",
      from: "Kế hoạch thử nghiệm lưu nháp",
      to: "Tiêu đề mới",
    });
  });

  it("20 concurrent saves at one version: exactly one wins, 19 get 409, the stored plan is the winner's", async () => {
    const created = await as(qnStaff, () => Plan.createDraft({ content: draft() }));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as(qnStaff, () =>
          Plan.updateDraft(created.id, { version: 1, content: { ...draft(), subject: `Phiên bản ${i}` } }),
        ).then(
          (p) => ({ ok: true as const, subject: p.subject }),
          (e: { status?: number }) => ({ ok: false as const, status: e.status }),
        ),
      ),
    );
    const wins = results.filter((r) => r.ok);
    expect(wins).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.status === 409)).toHaveLength(19);
    const stored = await as(qnStaff, () => Plan.getPlan(created.id));
    expect(stored.version).toBe(2);
    expect(stored.subject).toBe(wins[0]?.ok ? wins[0].subject : "");
  });

  it("rejects bad input with field paths and writes nothing", async () => {
    const before = await as(qnStaff, () => Plan.listPlans({ communeId: "quang-nghiep", limit: 100 }));
    const bad = { ...draft(), subject: "", basis: [{ type: "Kế hoạch", date: "2023-02-30" }] };
    try {
      await as(qnStaff, () => Plan.createDraft({ content: bad }));
      expect.unreachable();
    } catch (e) {
      const err = e as { status: number; details: { issues: { path: (string | number)[] }[] } };
      expect(err.status).toBe(400);
      const paths = err.details.issues.map((i) => i.path.join("."));
      expect(paths).toContain("content.subject");
      expect(paths).toContain("content.basis.0.date");
    }
    const after = await as(qnStaff, () => Plan.listPlans({ communeId: "quang-nghiep", limit: 100 }));
    expect(after.items.length).toBe(before.items.length);
  });

  it("search ignores diacritics and đ/d", async () => {
    const hit = await as(qnStaff, () =>
      Plan.listPlans({ communeId: "quang-nghiep", q: "cai cach hanh chinh" }),
    );
    expect(hit.items.map((p) => p.id)).toContain(SEED_PLAN_ID);
    const none = await as(qnStaff, () =>
      Plan.listPlans({ communeId: "quang-nghiep", q: "phong chong lut bao" }),
    );
    expect(none.items).toHaveLength(0);
  });

  it("lists each plan as the summary of the whole plan", async () => {
    const list = await as(qnStaff, () => Plan.listPlans({ communeId: "quang-nghiep", limit: 100 }));
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      const whole = await as(qnStaff, () => Plan.getPlan(item.id));
      expect(item).toStrictEqual(Plan.toSummary(whole));
    }
  });

  it("paginates by cursor without repeats", async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await as(qnStaff, () =>
        Plan.listPlans({ communeId: "quang-nghiep", limit: 2, ...(cursor ? { cursor } : {}) }),
      );
      for (const p of page.items) {
        expect(seen.has(p.id)).toBe(false);
        seen.add(p.id);
      }
      cursor = page.cursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});

describe("items that always fit", () => {
  it("an imported source of 500,000 characters lives in the file store; the plan saves again and again", async () => {
    const text = "Ủy ban nhân dân xã Quảng Nghiệp tổ chức hội nghị. ".repeat(10_000).slice(0, 500_000);
    const content = { ...draft(), source: { kind: "import-text" as const, filename: "ke-hoach.txt", text } };
    const created = await as(qnStaff, () => Plan.createDraft({ content }));
    expect(created.source?.text).toBe(text);
    const item = (await db().plan.get({ planId: created.id }).go()).data;
    expect(JSON.stringify(item).length).toBeLessThan(60_000);
    // Saved again as the editor sends it (with the text), and by a client holding no text.
    const saved = await as(qnStaff, () =>
      Plan.updateDraft(created.id, { version: 1, content: { ...content, subject: "Lần lưu thứ hai" } }),
    );
    expect(saved.version).toBe(2);
    const again = await as(qnStaff, () =>
      Plan.updateDraft(created.id, {
        version: 2,
        content: { ...content, subject: "Lần lưu thứ ba", source: { kind: "import-text", text: "" } },
      }),
    );
    expect(again.source?.text).toBe(text);
    expect((await as(qnStaff, () => Plan.getPlan(created.id))).source?.text).toBe(text);
    const hist = await as(qnStaff, () => Plan.history(created.id));
    expect(JSON.stringify(hist).length).toBeLessThan(20_000);
  });
});
