import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import { setClock } from "../src/clock";
import { db } from "../src/db/entities";
import { DomainError } from "../src/errors";
import * as Plan from "../src/plan";
import * as Lifecycle from "../src/plan/lifecycle";
import { planContent } from "../src/plan/schema";
import { copyToNextPeriod, nextPeriod, templates } from "../src/plan/templates";
import { seed } from "../src/seed";
import { issuableSeedPlan } from "../src/seed/issuable";
import { SEED_PLAN } from "../src/seed/seed-plan";
import { as, qnLeader, qnStaff, statusOf } from "./helpers";

const tkStaff: Actor = {
  username: "tanky.canbo",
  displayName: "Công chức xã Tân Kỳ",
  role: "commune_staff",
  unitId: "tan-ky",
  communeIds: ["tan-ky"],
};
const tkLeader: Actor = { ...tkStaff, username: "tanky.chutich", role: "commune_leader" };

// Issuable on each of this file's clock days (5/1/2026 to 1/1/2027): its event on 20/1/2027.
const content = (subject: string) => ({ ...issuableSeedPlan("2027-01-20", "2025-12-30"), subject });

async function approvedPlan(staff: Actor, leader: Actor, subject: string) {
  const p = await as(staff, () => Plan.createDraft({ content: content(subject) }));
  await as(staff, () => Lifecycle.transition(p.id, { action: "submit", version: 1 }));
  await as(leader, () => Lifecycle.transition(p.id, { action: "approve", version: 2 }));
  return p.id;
}

beforeAll(() => seed());
afterEach(() => setClock(undefined));

describe("lifecycle", () => {
  it("core itself refuses to issue a plan the checker finds errors in: 422, each error's path, nothing written", async () => {
    setClock(() => new Date("2026-06-10T02:00:00Z"));
    // The seed plan as written: its event in 2023 (before the day of issue), the cited plan dated
    // after it, and the district bodies abolished on 1/7/2025.
    const p = await as(qnStaff, () =>
      Plan.createDraft({ content: { ...planContent.parse(SEED_PLAN), subject: "Chưa sửa lỗi" } }),
    );
    await as(qnStaff, () => Lifecycle.transition(p.id, { action: "submit", version: 1 }));
    await as(qnLeader, () => Lifecycle.transition(p.id, { action: "approve", version: 2 }));
    const refused = await as(qnLeader, () =>
      Lifecycle.transition(p.id, { action: "issue", version: 3 }),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    const err = refused as DomainError;
    expect(err.status).toBe(422);
    expect(err.code).toBe("checker_errors");
    const paths = (err.details?.issues ?? []).map((i) => i.path.join("."));
    expect(paths).toContain("content.event.date");
    expect(paths).toContain("content.basis.0.date");
    expect(paths).toContain("content.recipients.0");
    const after = await as(qnLeader, () => Plan.getPlan(p.id));
    expect(after.status).toBe("approved");
    expect(after.version).toBe(3);
    expect(after.documentNumber.number).toBeUndefined();
    // No issue record (the clock stands still here, so the three records share one time).
    const actions = (await as(qnLeader, () => Plan.history(p.id))).map((h) => h.action);
    expect(actions.sort()).toEqual(["approve", "create", "submit"]);
  });

  it("follows roles: staff submits, only the leader approves and issues", async () => {
    const p = await as(qnStaff, () => Plan.createDraft({ content: content("Vai trò") }));
    await as(qnStaff, () => Lifecycle.transition(p.id, { action: "submit", version: 1 }));
    expect(
      await statusOf(as(qnStaff, () => Lifecycle.transition(p.id, { action: "approve", version: 2 }))),
    ).toBe(403);
    const approved = await as(qnLeader, () => Lifecycle.transition(p.id, { action: "approve", version: 2 }));
    expect(approved.status).toBe("approved");
    expect(
      await statusOf(as(qnStaff, () => Plan.updateDraft(p.id, { version: 3, content: content("x") }))),
    ).toBe(409);
    expect(
      await statusOf(as(qnLeader, () => Lifecycle.transition(p.id, { action: "complete", version: 3 }))),
    ).toBe(409);
    expect(
      await statusOf(as(qnLeader, () => Lifecycle.transition(p.id, { action: "cancel", version: 3 }))),
    ).toBe(400);
    const cancelled = await as(qnLeader, () =>
      Lifecycle.transition(p.id, { action: "cancel", version: 3, reason: "Trùng kế hoạch khác" }),
    );
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancelReason).toBe("Trùng kế hoạch khác");
    const hist = await as(qnStaff, () => Plan.history(p.id));
    expect(hist.map((h) => [h.action, h.actor])).toEqual([
      ["create", "quangnghiep.canbo"],
      ["submit", "quangnghiep.canbo"],
      ["approve", "quangnghiep.chutich"],
      ["cancel", "quangnghiep.chutich"],
    ]);
  });

  it("issuing assigns 01/KH-UBND, today's date, freezes content; amendment is a linked new draft", async () => {
    setClock(() => new Date("2026-01-05T03:00:00Z"));
    const id = await approvedPlan(qnStaff, qnLeader, "Ban hành thử");
    const issued = await as(qnLeader, () => Lifecycle.transition(id, { action: "issue", version: 3 }));
    expect(issued.status).toBe("issued");
    expect(issued.documentNumber.symbol).toBe("01/KH-UBND");
    expect(issued.date).toBe("2026-01-05");
    expect(
      await statusOf(as(qnStaff, () => Plan.updateDraft(id, { version: 4, content: content("đổi") }))),
    ).toBe(409);
    const amendment = await as(qnStaff, () => Lifecycle.transition(id, { action: "amend", version: 4 }));
    expect(amendment.status).toBe("draft");
    expect(amendment.amends).toBe(id);
    expect(amendment.documentNumber.number).toBeUndefined();
    const reg = await as(qnStaff, () => Lifecycle.register("quang-nghiep", "2026"));
    expect(reg.map((r) => r.symbol)).toEqual(["01/KH-UBND"]);
    // Issuing the amendment supersedes the original, which itself stays as issued.
    await as(qnStaff, () => Lifecycle.transition(amendment.id, { action: "submit", version: 1 }));
    await as(qnLeader, () => Lifecycle.transition(amendment.id, { action: "approve", version: 2 }));
    const issuedAmendment = await as(qnLeader, () =>
      Lifecycle.transition(amendment.id, { action: "issue", version: 3 }),
    );
    expect(issuedAmendment.documentNumber.symbol).toBe("02/KH-UBND");
    const original = await as(qnStaff, () => Plan.getPlan(id));
    expect(original.amendedBy).toBe(amendment.id);
    expect(original.status).toBe("issued");
    expect(original.documentNumber.symbol).toBe("01/KH-UBND");
  });

  it("numbers restart on 1 January in Asia/Ho_Chi_Minh", async () => {
    setClock(() => new Date("2026-12-31T16:30:00Z")); // 23:30 on 31/12 in Hà Nội
    const a = await approvedPlan(qnStaff, qnLeader, "Cuối năm");
    const lastOf2026 = await as(qnLeader, () => Lifecycle.transition(a, { action: "issue", version: 3 }));
    expect(lastOf2026.date).toBe("2026-12-31");
    expect(lastOf2026.documentNumber.number).toBe(3); // after 01 and its amendment 02
    setClock(() => new Date("2026-12-31T17:30:00Z")); // 00:30 on 1/1/2027 in Hà Nội
    const b = await approvedPlan(qnStaff, qnLeader, "Đầu năm");
    const first = await as(qnLeader, () => Lifecycle.transition(b, { action: "issue", version: 3 }));
    expect(first.date).toBe("2027-01-01");
    expect(first.documentNumber.symbol).toBe("01/KH-UBND");
  });

  it("50 concurrent issue requests in one commune and year yield exactly 1…50, each once", async () => {
    setClock(() => new Date("2026-06-10T02:00:00Z"));
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await approvedPlan(tkStaff, tkLeader, `Kế hoạch số ${i}`));
    const issued = await Promise.all(
      ids.map((id) => as(tkLeader, () => Lifecycle.transition(id, { action: "issue", version: 3 }))),
    );
    const numbers = issued.map((p) => p.documentNumber.number).sort((x, y) => (x ?? 0) - (y ?? 0));
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const reg = await as(tkStaff, () => Lifecycle.register("tan-ky", "2026"));
    expect(reg.map((r) => r.number)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(reg.map((r) => r.planId)).size).toBe(50);
  }, 120_000);

  it("a cancelled issue transaction leaves no audit record and no number consumed", async () => {
    setClock(() => new Date("2026-08-01T02:00:00Z"));
    const id = await approvedPlan(tkStaff, tkLeader, "Giao dịch bị hủy");
    const counterBefore = (await db().counter.get({ issuerId: "tan-ky", year: "2026", typeCode: "KH" }).go())
      .data?.value;
    // A stray register entry already holds the next number: the whole transaction must cancel.
    await db()
      .registerEntry.create({
        communeId: "tan-ky",
        year: "2026",
        typeCode: "KH",
        number: (counterBefore ?? 0) + 1,
        symbol: "x",
        issuedDate: "2026-08-01",
        subject: "x",
        signer: "x",
        planId: "other",
      })
      .go();
    const auditBefore = await as(tkStaff, () => Plan.history(id));
    expect(
      await statusOf(as(tkLeader, () => Lifecycle.transition(id, { action: "issue", version: 3 }))),
    ).toBe(409);
    const counterAfter = (await db().counter.get({ issuerId: "tan-ky", year: "2026", typeCode: "KH" }).go())
      .data?.value;
    expect(counterAfter).toBe(counterBefore);
    const after = await as(tkStaff, () => Plan.getPlan(id));
    expect(after.status).toBe("approved");
    expect(after.documentNumber.number).toBeUndefined();
    expect(await as(tkStaff, () => Plan.history(id))).toEqual(auditBefore);
  });
});

describe("templates and next period", () => {
  it("the review-conference template has the seed's structure and is a valid plan", () => {
    const t = templates({ name: "Xã Quảng Nghiệp", shortName: "Quảng Nghiệp" }).find(
      (x) => x.id === "review-conference",
    );
    const parsed = planContent.parse(t?.content);
    expect(parsed.sections.map((s) => s.label)).toEqual(["I", "II", "III"]);
    expect(parsed.issuer.headerLines).toEqual(["ỦY BAN NHÂN DÂN", "XÃ QUẢNG NGHIỆP"]);
    expect(parsed.event?.duration).toBe("½ ngày");
  });

  it("next period arithmetic", () => {
    expect(nextPeriod("2023-H1")).toEqual({ period: "2023-H2", months: 6 });
    expect(nextPeriod("2023-H2")).toEqual({ period: "2024-H1", months: 6 });
    expect(nextPeriod("2023-Q4")).toEqual({ period: "2024-Q1", months: 3 });
    expect(nextPeriod("2023")).toEqual({ period: "2024", months: 12 });
  });

  it("copy to next period moves dates, shifts wording and clears progress", async () => {
    const src = await as(qnStaff, () =>
      Plan.createDraft({
        content: {
          ...SEED_PLAN,
          assignments: [
            {
              id: "a",
              unit: "Văn phòng - Thống kê",
              tasks: [
                {
                  id: "t",
                  description: "Báo cáo 6 tháng đầu năm 2023",
                  deadline: { kind: "date", date: "2023-06-15" },
                  status: "done",
                  progress: 100,
                  evidence: ["bien-ban.pdf"],
                },
              ],
            },
          ],
        },
      }),
    );
    const next = await as(qnStaff, () => copyToNextPeriod(src.id));
    expect(next.period).toBe("2023-H2");
    expect(next.subject).toBe("Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng cuối năm 2023");
    expect(next.event?.date).toBe("2023-12-22");
    const task = next.assignments[0]?.tasks[0];
    expect(task).toMatchObject({ status: "not_started", progress: 0, evidence: [] });
    expect(task?.deadline).toEqual({ kind: "date", date: "2023-12-15" });
    expect(next.status).toBe("draft");
  });

  it("copy to the next year moves the plan's own dates and years, never a cited document's number or date", async () => {
    const src = await as(qnStaff, () =>
      Plan.createDraft({
        content: {
          ...SEED_PLAN,
          period: "2023",
          subject: "Cải cách hành chính năm 2023",
          basis: [
            { type: "Nghị định", number: 30, symbol: "30/2020/NĐ-CP", date: "2020-03-05" },
            { type: "Kế hoạch", number: 61, symbol: "61/KH-UBND", date: "2022-12-30" },
          ],
          preamble: [
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ; Kế hoạch số 61/KH-UBND ngày 30/12/2022 và Quyết định số 12/2023/QĐ-UBND; Luật số 72/2025/QH15, UBND xã xây dựng Kế hoạch năm 2023 như sau:",
          ],
        },
      }),
    );
    const next = await as(qnStaff, () => copyToNextPeriod(src.id));
    expect(next.period).toBe("2024");
    expect(next.subject).toBe("Cải cách hành chính năm 2024");
    expect(next.basis).toEqual(src.basis);
    expect(next.preamble[0]).toBe(
      "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ; Kế hoạch số 61/KH-UBND ngày 30/12/2022 và Quyết định số 12/2023/QĐ-UBND; Luật số 72/2025/QH15, UBND xã xây dựng Kế hoạch năm 2024 như sau:",
    );
    expect(next.event?.date).toBe("2024-06-22");
  });
});
