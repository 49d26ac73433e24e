import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import { resolveActor } from "../src/auth";
import { scopeBoard } from "../src/board";
import { setClock } from "../src/clock";
import { ensureTable } from "../src/db/bootstrap";
import { db } from "../src/db/entities";
import * as Plan from "../src/plan";
import * as Lifecycle from "../src/plan/lifecycle";
import { type PlanContentInput, planContent } from "../src/plan/schema";
import { draftReport, draftReportOutcome, listReports, REPORT_PLAN_CAP, reportData } from "../src/report";
import { seed } from "../src/seed";
import * as Task from "../src/task/index";
import { as, statusOf } from "./helpers";

const leaderOf = (communeId: string): Actor => ({
  username: `${communeId.replace(/-/g, "")}.chutich`,
  displayName: "Chủ tịch",
  role: "commune_leader",
  unitId: communeId,
  communeIds: [communeId],
});
let province: Actor;

/** 09:00 in Asia/Ho_Chi_Minh on `day`. */
const at = (day: string) => setClock(() => new Date(`${day}T02:00:00Z`));
afterEach(() => setClock(undefined));

function planInput(communeId: string, subject: string, deadlines: string[]): PlanContentInput {
  return {
    issuer: { name: "UBND xã Thử", headerLines: ["ỦY BAN NHÂN DÂN", "XÃ THỬ"], code: "UBND" },
    documentNumber: { typeCode: "KH", issuerCode: "UBND" },
    place: communeId,
    subject,
    category: "CCHC",
    sections: [{ id: "s1", label: "I", heading: "MỤC ĐÍCH, YÊU CẦU", paragraphs: ["Bảo đảm tiến độ."] }],
    assignments: [
      {
        id: "a1",
        label: "1",
        unit: "Văn phòng HĐND và UBND",
        tasks: deadlines.map((date, i) => ({
          id: `t${i + 1}`,
          description: `Nhiệm vụ ${i + 1} của ${subject}`,
          leadUnit: "Văn phòng HĐND và UBND",
          kind: "giao" as const,
          deadline: { kind: "date" as const, date },
        })),
      },
    ],
    recipients: ["Sở Nội vụ thành phố Hải Phòng", "Lưu: VT"],
    signer: { authority: "TM.", onBehalfOf: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Trần Văn Bình" },
  };
}

/** A plan drafted, approved and issued on `day` by the commune's leader. */
async function issuePlan(communeId: string, day: string, subject: string, deadlines: string[] = []) {
  at(day);
  return as(leaderOf(communeId), async () => {
    let p = await Plan.createDraft({ content: planContent.parse(planInput(communeId, subject, deadlines)) });
    for (const action of ["submit", "approve", "issue"] as const) {
      p = await Lifecycle.transition(p.id, { action, version: p.version });
    }
    return p;
  });
}

/** The report's gaps (…) and its signer's name written in, as the leader does before issuing. */
async function writeGaps(id: string) {
  const p = await Plan.getPlan(id);
  const text = JSON.stringify(p)
    .replaceAll('"…"', '"Đã đánh giá trong kỳ."')
    .replaceAll("(Họ và tên người ký)", "Trần Văn Bình");
  return Plan.updateDraft(id, { version: p.version, content: planContent.parse(JSON.parse(text)) });
}

/** Write the gaps of a draft, submit, approve and issue it on `day`. */
async function issueDraft(communeId: string, id: string, day: string) {
  at(day);
  return as(leaderOf(communeId), async () => {
    let p = await writeGaps(id);
    for (const action of ["submit", "approve", "issue"] as const) {
      p = await Lifecycle.transition(p.id, { action, version: p.version });
    }
    return p;
  });
}

async function boardRow(communeId: string, day: string) {
  at(day);
  const board = await as(province, () => scopeBoard("hai-phong-communes"));
  const row = board.rows.find((r) => r.id === communeId);
  if (!row) throw new Error(`no row for ${communeId}`);
  return row;
}

/** Every BC document of a commune, read from its plans (what "one report" means in the table). */
async function reportsInTable(communeId: string, period: string) {
  const items = (await db().plan.query.byCommune({ communeId }).go({ pages: "all" })).data;
  return items.filter((p) => p.content.type === "BC" && p.content.period === period);
}

beforeAll(async () => {
  // A table of this file's own: the board rows it checks see no other file's writes.
  process.env.KEHOACH_TABLE = "kehoach-reports";
  await ensureTable("kehoach-reports");
  await seed();
  province = await resolveActor({
    username: "sonoivu.haiphong",
    displayName: "Sở Nội vụ",
    role: "overseer",
    unitId: "hai-phong",
  });
}, 120_000);

describe("report data of a period", () => {
  it("takes the plans issued in the window: 14/6 is in 2026-H1, 15/6 is in 2026-Q3", async () => {
    const c = "xa-chi-minh";
    const before = await issuePlan(c, "2025-12-14", "Kế hoạch ngày 14/12/2025");
    const first = await issuePlan(c, "2025-12-15", "Kế hoạch ngày 15/12/2025");
    const last = await issuePlan(c, "2026-06-14", "Kế hoạch ngày 14/6/2026", [
      "2026-06-30",
      "2026-06-12",
      "2026-07-10",
    ]);
    const after = await issuePlan(c, "2026-06-15", "Kế hoạch ngày 15/6/2026");
    // Done on the window's last day; left open past its deadline; done only after the window.
    const tasks = await as(leaderOf(c), () => Task.planTasks(last.id));
    const [t1, , t3] = tasks;
    if (!t1 || !t3) throw new Error("tasks");
    at("2026-06-14");
    await as(leaderOf(c), () =>
      Task.updateTask(t1.seriesId, t1.taskId, { version: t1.version, state: "done", note: "Xong trong kỳ" }),
    );
    at("2026-06-20");
    await as(leaderOf(c), () =>
      Task.updateTask(t3.seriesId, t3.taskId, { version: t3.version, state: "done", note: "Xong sau kỳ" }),
    );

    at("2026-06-25");
    const h1 = await as(leaderOf(c), () => reportData(c, "2026-H1"));
    expect(h1.period).toMatchObject({
      key: "2026-H1",
      from: "2025-12-15",
      to: "2026-06-14",
      due: "2026-06-20",
    });
    expect(h1.plans.map((p) => p.planId)).toEqual([first.id, last.id]);
    expect(h1.asOf).toBe("2026-06-14");
    const statuses = h1.plans[1]?.tasks.map((t) => t.status);
    expect(statuses).toEqual(["done_on_time", "overdue", "in_progress"]);
    expect(h1.figures).toEqual({
      plansIssued: 2,
      plansCompleted: 0,
      tasks: { total: 3, doneOnTime: 1, doneLate: 0, overdue: 1, open: 1, cancelled: 0 },
    });
    expect(h1.truncated).toBe(false);

    const q3 = await as(leaderOf(c), () => reportData(c, "2026-Q3"));
    expect(q3.plans.map((p) => p.planId)).toEqual([after.id]);
    expect(q3.asOf).toBe("2026-06-25"); // the window is still open: as of today
    const y2025 = await as(leaderOf(c), () => reportData(c, "2025"));
    expect(y2025.plans.map((p) => p.planId)).toEqual([before.id]);
  });

  it("caps a commune with more than the cap's plans in a window, and says so in the draft", async () => {
    const c = "xa-ha-bac";
    // Issued plans written as items (the cap is about reading them, not issuing them).
    const base = planContent.parse(planInput(c, "Kế hoạch", []));
    const items = Array.from({ length: REPORT_PLAN_CAP + 5 }, (_, i) => ({
      planId: `ha-bac-cap-${String(i).padStart(3, "0")}`,
      communeId: c,
      status: "issued" as const,
      version: 2,
      content: {
        ...base,
        subject: `Kế hoạch số ${i + 1}`,
        documentNumber: { number: i + 1, typeCode: "KH", issuerCode: "UBND" },
        date: "2026-02-02",
      },
      searchText: "ke hoach",
      year: "2026",
      createdAt: "2026-02-01T02:00:00.000Z",
      updatedAt: "2026-02-02T02:00:00.000Z",
      issuedAt: "2026-02-02T02:00:00.000Z",
      tasksTotal: 0,
      tasksDone: 0,
      tasksDoneLate: 0,
      tasksCancelled: 0,
      openDue: {},
    }));
    await db().plan.put(items).go();
    at("2026-03-16");
    const data = await as(leaderOf(c), () => reportData(c, "2026-Q1"));
    expect(data.plans).toHaveLength(REPORT_PLAN_CAP);
    expect(data.truncated).toBe(true);
    const draft = await as(leaderOf(c), () => draftReport(c, "2026-Q1"));
    const overall = draft.sections[1]?.children[0]?.paragraphs.join(" ") ?? "";
    expect(overall).toContain(`nhiều hơn ${REPORT_PLAN_CAP} kế hoạch`);
  });
});

describe("one report per commune and period", () => {
  it("two concurrent drafts give one report, with the outline of a 6-month CCHC report", async () => {
    const c = "xa-tu-ky";
    await issuePlan(c, "2026-03-10", "Kiểm tra công tác cải cách hành chính", ["2026-04-15", "2026-09-30"]);
    at("2026-06-16");
    const [a, b] = await Promise.all([
      as(leaderOf(c), () => draftReportOutcome(c, "2026-H1")),
      as(leaderOf(c), () => draftReportOutcome(c, "2026-H1")),
    ]);
    expect(a?.plan.id).toBe(b?.plan.id);
    expect([a?.created, b?.created].sort()).toEqual([false, true]);
    expect(await reportsInTable(c, "2026-H1")).toHaveLength(1);
    const again = await as(leaderOf(c), () => draftReport(c, "2026-H1"));
    expect(again.id).toBe(a?.plan.id);

    const r = again;
    expect(r).toMatchObject({
      type: "BC",
      category: "CCHC",
      period: "2026-H1",
      status: "draft",
      subject: "Kết quả công tác cải cách hành chính 6 tháng đầu năm 2026",
      documentNumber: { typeCode: "BC", issuerCode: "UBND" },
      issuer: { name: "UBND xã Tứ Kỳ", headerLines: ["ỦY BAN NHÂN DÂN", "XÃ TỨ KỲ"] },
      place: "Tứ Kỳ",
      recipients: ["Sở Nội vụ thành phố Hải Phòng", "Lưu: VT"],
    });
    // The signer of the commune's latest plan signs the report too.
    expect(r.signer.name).toBe("Trần Văn Bình");
    expect(r.sections.map((s) => `${s.label}. ${s.heading}`)).toEqual([
      "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
      "II. KẾT QUẢ THỰC HIỆN",
      "III. ƯU ĐIỂM, TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
      "IV. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026",
      "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]);
    const text = JSON.stringify(r.sections);
    expect(text).toContain("Kiểm tra công tác cải cách hành chính");
    expect(text).toContain("Tổng số 2 nhiệm vụ");
    // The task due in April and still open is carried into the next half, marked overdue.
    const carried = r.sections[3]?.children[0]?.children.map((x) => x.paragraphs.join(" ")) ?? [];
    expect(carried.some((l) => l.includes("Nhiệm vụ 1") && l.includes("đã quá hạn"))).toBe(true);
    expect(carried.some((l) => l.includes("Nhiệm vụ 2") && !l.includes("đã quá hạn"))).toBe(true);

    const slots = await as(leaderOf(c), () => listReports(c, { year: "2026" }));
    expect(slots.map((s) => [s.period, s.state])).toEqual([
      ["2026-Q1", "none"],
      ["2026-H1", "draft"],
      ["2026-Q3", "none"],
      ["2026", "none"],
    ]);
    // Overseers see a report from issue onward, never the commune's draft.
    const seen = await as(province, () => listReports(c, { year: "2026" }));
    expect(seen.find((s) => s.period === "2026-H1")).toMatchObject({ state: "none" });
    expect(seen.find((s) => s.period === "2026-H1")?.report).toBeUndefined();
  });

  it("issued on the due date (20/6) it counts on time; an amendment issued later does not count again", async () => {
    const c = "xa-tu-ky";
    at("2026-06-17");
    const draft = await as(leaderOf(c), () => draftReport(c, "2026-H1"));
    const issued = await issueDraft(c, draft.id, "2026-06-20");
    expect(issued.documentNumber.symbol).toBe("01/BC-UBND");
    expect(issued.date).toBe("2026-06-20");
    const row = await boardRow(c, "2026-06-20");
    expect(row.reportHistory["2026-H1"]).toEqual({ onTime: 1, late: 0 });
    expect(row.reports.next).toBe("on_time");

    at("2026-06-25");
    const amendment = await as(leaderOf(c), async () => {
      const p = await Plan.getPlan(issued.id);
      return Lifecycle.transition(p.id, { action: "amend", version: p.version });
    });
    const reissued = await issueDraft(c, amendment.id, "2026-06-25");
    expect(reissued.documentNumber.symbol).toBe("02/BC-UBND");
    const after = await boardRow(c, "2026-06-25");
    expect(after.reportHistory["2026-H1"]).toEqual({ onTime: 1, late: 0 });
    expect(after.reports.previous).toBe("on_time");

    // The period's report is now the amendment; asking again drafts nothing new.
    at("2026-06-26");
    const again = await as(leaderOf(c), () => draftReport(c, "2026-H1"));
    expect(again.id).toBe(reissued.id);
    const slot = (await as(province, () => listReports(c, {}))).find((s) => s.period === "2026-H1");
    expect(slot).toMatchObject({
      state: "on_time",
      submittedOn: "2026-06-20",
      report: { id: reissued.id, symbol: "02/BC-UBND", status: "issued" },
    });
  });

  it("issued the day after the due date (21/6) it counts late", async () => {
    const c = "xa-lac-phuong";
    at("2026-06-16");
    const draft = await as(leaderOf(c), () => draftReport(c, "2026-H1"));
    const issued = await issueDraft(c, draft.id, "2026-06-21");
    expect(issued.documentNumber.symbol).toBe("01/BC-UBND");
    const row = await boardRow(c, "2026-06-21");
    expect(row.reportHistory["2026-H1"]).toEqual({ onTime: 0, late: 1 });
    expect(row.reports.previous).toBe("late");
    const slot = (await as(leaderOf(c), () => listReports(c, { year: "2026" }))).find(
      (s) => s.period === "2026-H1",
    );
    expect(slot).toMatchObject({ state: "late", submittedOn: "2026-06-21" });
  });

  it("two reports of one period issued at once: both are numbered, the board counts one", async () => {
    const c = "xa-ninh-giang";
    at("2026-03-20");
    const leader = leaderOf(c);
    const report = await as(leader, () => draftReport(c, "2026-Q1"));
    // A second BC of the same period written by hand (not through the reports page).
    const {
      id: _id,
      communeId: _c,
      status: _s,
      version: _v,
      createdAt: _ca,
      updatedAt: _u,
      createdBy: _b,
      seriesId: _sr,
      ...content
    } = report;
    const other = await as(leader, () =>
      Plan.createDraft({ content: { ...content, subject: "Báo cáo bổ sung quý I năm 2026" } }),
    );
    const approved = await as(leader, async () => {
      const out = [];
      for (const id of [report.id, other.id]) {
        let p = await writeGaps(id);
        for (const action of ["submit", "approve"] as const)
          p = await Lifecycle.transition(id, { action, version: p.version });
        out.push(p);
      }
      return out;
    });
    at("2026-03-25");
    const issued = await as(leader, () =>
      Promise.all(approved.map((p) => Lifecycle.transition(p.id, { action: "issue", version: p.version }))),
    );
    expect(issued.map((p) => p.documentNumber.symbol).sort()).toEqual(["01/BC-UBND", "02/BC-UBND"]);
    const row = await boardRow(c, "2026-03-25");
    expect(row.reportHistory["2026-Q1"]).toEqual({ onTime: 0, late: 1 });
  });

  it("a cancelled draft gives way to a new one; bad periods and other people are refused", async () => {
    const c = "xa-nguyen-giap";
    at("2026-03-02");
    const first = await as(leaderOf(c), () => draftReport(c, "2026-Q1"));
    await as(leaderOf(c), () =>
      Lifecycle.transition(first.id, { action: "cancel", version: first.version, reason: "Lập lại" }),
    );
    const second = await as(leaderOf(c), () => draftReport(c, "2026-Q1"));
    expect(second.id).not.toBe(first.id);
    expect((await reportsInTable(c, "2026-Q1")).filter((p) => p.status !== "cancelled")).toHaveLength(1);

    for (const bad of ["2026-Q2", "abc", "2026-H2"]) {
      const err = await as(leaderOf(c), () => draftReport(c, bad)).catch((e) => e);
      expect(err.status).toBe(400);
      expect(err.details.issues[0].path).toEqual(["period"]);
      expect(err.messages.vi).toContain("Kỳ báo cáo");
    }
    // Quarter III's data start on 15/6: nothing to report on 2/3.
    const early = await as(leaderOf(c), () => draftReport(c, "2026-Q3")).catch((e) => e);
    expect(early.status).toBe(400);
    expect(early.details.issues[0].path).toEqual(["period"]);
    expect(await statusOf(as(leaderOf("xa-ha-bac"), () => draftReport(c, "2026-Q1")))).toBe(404);
    expect(await statusOf(as(province, () => draftReport(c, "2026-Q1")))).toBe(403);
    expect(await reportsInTable(c, "2026-Q3")).toHaveLength(0);
  });
});
