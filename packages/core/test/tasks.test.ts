import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import { setClock } from "../src/clock";
import { db } from "../src/db/entities";
import * as Plan from "../src/plan";
import * as Lifecycle from "../src/plan/lifecycle";
import type { PlanContent } from "../src/plan/schema";
import { seed } from "../src/seed";
import { issuableSeedPlan } from "../src/seed/issuable";
import * as Task from "../src/task/index";
import { taskStatus } from "../src/task/schema";
import { as, qnLeader, qnStaff, statusOf, tkOverseer } from "./helpers";

// Đại Hợp's people in this file: its own commune keeps these tests apart from the others.
const staffVP: Actor = {
  username: "daihop.canbo",
  displayName: "Công chức Văn phòng",
  role: "commune_staff",
  unitId: "dai-hop",
  officeId: "van-phong",
  communeIds: ["dai-hop"],
};
const staffVH: Actor = { ...staffVP, username: "daihop.vanhoa", officeId: "van-hoa" };
const staffTP: Actor = { ...staffVP, username: "daihop.tuphap", officeId: "tu-phap" };
const leader: Actor = { ...staffVP, username: "daihop.chutich", role: "commune_leader" };
delete (leader as { officeId?: string }).officeId;

/** The seed plan, its errors fixed, with deadlines: a date, one relative to the event, a request. */
function seedLike(subject: string, eventDate = "2026-06-20"): PlanContent {
  const c = issuableSeedPlan(eventDate);
  c.subject = subject;
  const [a1, a2, a3] = c.assignments;
  if (!a1 || !a2 || !a3 || !a1.tasks[0] || !a1.tasks[1] || !a2.tasks[0] || !a3.tasks[1])
    throw new Error("seed shape");
  a1.tasks[0].deadline = { kind: "date", date: "2026-06-15" };
  a1.tasks[1].deadline = { kind: "relative_to_event", days: -5 };
  a2.tasks[0].deadline = { kind: "date", date: "2026-06-18" };
  a3.tasks[1].deadline = { kind: "relative_to_event", days: 1 };
  c.assignments.push({
    id: "a5",
    unit: "MTTQ và các đoàn thể",
    tasks: [
      {
        id: "a5-t1",
        description: "Đề nghị Ủy ban MTTQ xã tuyên truyền kết quả Hội nghị.",
        leadUnit: "MTTQ và các đoàn thể",
        partnerUnits: [],
        kind: "de_nghi",
        deadline: { kind: "date", date: "2026-06-01" },
        status: "not_started",
        progress: 0,
        evidence: [],
      },
    ],
  });
  return c;
}

async function issued(content: PlanContent, opts: { taskStep?: boolean } = {}) {
  const p = await as(staffVP, () => Plan.createDraft({ content }));
  await as(staffVP, () => Lifecycle.transition(p.id, { action: "submit", version: 1 }));
  await as(leader, () => Lifecycle.transition(p.id, { action: "approve", version: 2 }));
  return as(leader, () => Lifecycle.transition(p.id, { action: "issue", version: 3 }, opts));
}

const at = (iso: string) => setClock(() => new Date(iso));

beforeAll(() => seed());
afterEach(() => setClock(undefined));

describe("task statuses (QĐ 42/2014/QĐ-TTg), computed for today in Asia/Ho_Chi_Minh", () => {
  const base = { kind: "giao" as const, deadline: "2026-06-15", progress: 0 };
  it("covers every status", () => {
    expect(taskStatus({ ...base, state: "open" }, "2026-06-10")).toBe("not_started");
    expect(taskStatus({ ...base, state: "open", progress: 40 }, "2026-06-15")).toBe("in_progress");
    expect(taskStatus({ ...base, state: "open", progress: 40 }, "2026-06-16")).toBe("overdue");
    expect(taskStatus({ ...base, state: "done", completedOn: "2026-06-15" }, "2026-07-01")).toBe(
      "done_on_time",
    );
    expect(taskStatus({ ...base, state: "done", completedOn: "2026-06-16" }, "2026-07-01")).toBe("done_late");
    expect(taskStatus({ ...base, state: "cancelled" }, "2026-07-01")).toBe("cancelled");
    // A đề nghị is a request: never overdue, with or without a deadline.
    expect(taskStatus({ ...base, kind: "de_nghi", state: "open" }, "2027-01-01")).toBe("not_started");
    expect(taskStatus({ kind: "giao", state: "open", progress: 0 }, "2099-01-01")).toBe("not_started");
  });

  it("23:30 on the deadline day is on time; 00:30 the next day is overdue, and done then is done late", async () => {
    at("2026-06-10T03:00:00Z");
    const plan = await issued(seedLike("Ranh giới ngày"));
    const tasks = await as(leader, () => Task.planTasks(plan.id));
    const t = tasks.find((x) => x.taskId === "a1-t1");
    expect(t?.deadline).toBe("2026-06-15");
    at("2026-06-15T16:30:00Z"); // 23:30 on 15/6 in Hà Nội
    expect((await as(leader, () => Task.getTask(plan.seriesId ?? plan.id, "a1-t1"))).status).toBe(
      "not_started",
    );
    at("2026-06-15T17:30:00Z"); // 00:30 on 16/6 in Hà Nội
    const late = await as(leader, () => Task.getTask(plan.seriesId ?? plan.id, "a1-t1"));
    expect(late.status).toBe("overdue");
    const done = await as(staffVP, () =>
      Task.updateTask(late.seriesId, late.taskId, {
        version: late.version,
        state: "done",
        note: "Đã chuẩn bị xong",
      }),
    );
    expect(done.status).toBe("done_late");
    expect(done.completedOn).toBe("2026-06-16");

    at("2026-06-15T16:30:00Z");
    const other = (await as(leader, () => Task.planTasks(plan.id))).find((x) => x.taskId === "a2-t1");
    expect(other?.deadline).toBe("2026-06-18");
    at("2026-06-18T16:59:00Z"); // 23:59 on 18/6
    const onTime = await as(leader, () =>
      Task.updateTask(other?.seriesId ?? "", "a2-t1", {
        version: other?.version ?? 0,
        progress: 100,
        note: "Xong",
      }),
    );
    expect(onTime.status).toBe("done_on_time");
  });
});

describe("issuing makes tasks", () => {
  it("links offices, resolves deadlines relative to the event, keeps the text as written", async () => {
    at("2026-06-01T03:00:00Z");
    const plan = await issued(seedLike("Nhiệm vụ theo bộ phận"));
    const tasks = await as(staffVP, () => Task.planTasks(plan.id));
    expect(tasks).toHaveLength(8);
    const byId = new Map(tasks.map((t) => [t.taskId, t]));
    expect(byId.get("a1-t1")?.leadUnit).toBe("Văn phòng -thống kê");
    expect(byId.get("a1-t1")?.leadOfficeId).toBe("van-phong");
    expect(byId.get("a1-t3")?.partnerOfficeIds).toEqual(["tai-chinh"]);
    expect(byId.get("a3-t1")?.partnerOfficeIds).toEqual(["van-hoa"]);
    expect(byId.get("a1-t2")?.deadline).toBe("2026-06-15"); // 5 days before 20/6
    expect(byId.get("a1-t2")?.deadlineDaysFromEvent).toBe(-5);
    expect(byId.get("a5-t1")?.kind).toBe("de_nghi");
    const p = await as(staffVP, () => Plan.getPlan(plan.id));
    expect(p.taskProgress).toEqual({ total: 8, done: 0, doneLate: 0, overdue: 0 });
    at("2026-06-17T03:00:00Z");
    // a1-t1 (15/6) and a1-t2 (15/6) lapsed; the đề nghị of 1/6 never counts as overdue.
    expect((await as(staffVP, () => Plan.getPlan(plan.id))).taskProgress?.overdue).toBe(2);
    // The list reads only what it shows, and shows what the whole plan says.
    const listed = await as(staffVP, () => Plan.listPlans({ communeId: "dai-hop", limit: 100 }));
    const whole = await as(staffVP, () => Plan.getPlan(plan.id));
    expect(listed.items.find((x) => x.id === plan.id)).toStrictEqual(Plan.toSummary(whole));
  });

  it("150 tasks: exactly 150, also when the task step is interrupted after the issue transaction and retried", async () => {
    at("2026-03-02T03:00:00Z");
    const big = (subject: string) => {
      const c = seedLike(subject);
      c.assignments = Array.from({ length: 3 }, (_, a) => ({
        id: `b${a}`,
        unit: "Văn phòng - Thống kê",
        tasks: Array.from({ length: 50 }, (_, i) => ({
          id: `b${a}-t${i}`,
          description: `Nhiệm vụ ${a}.${i}`,
          partnerUnits: [],
          kind: "giao" as const,
          deadline: { kind: "date" as const, date: "2026-09-30" },
          status: "not_started" as const,
          progress: 0,
          evidence: [],
        })),
      }));
      return c;
    };
    const whole = await issued(big("150 nhiệm vụ"));
    expect(await as(leader, () => Task.planTasks(whole.id))).toHaveLength(150);
    expect((await as(leader, () => Plan.getPlan(whole.id))).taskProgress?.total).toBe(150);

    // Interrupted right after the issuing transaction: the plan is issued, its tasks pending.
    const cut = await issued(big("150 nhiệm vụ, bị ngắt"), { taskStep: false });
    const raw = (await db().plan.get({ planId: cut.id }).go()).data;
    expect(raw?.tasksPending).toBe(true);
    // Interrupted again after one chunk of the step …
    expect(await as(leader, () => Task.completeTasks(cut.id, { maxChunks: 1 }))).toBe(false);
    const partial = await db()
      .task.query.bySeries({ seriesId: cut.seriesId ?? cut.id })
      .go({ pages: "all" });
    expect(partial.data.length).toBe(100);
    // … and a reader never sees the partial set: reading finishes the step first.
    const seen = await as(leader, () => Task.planTasks(cut.id));
    expect(seen).toHaveLength(150);
    expect(new Set(seen.map((t) => t.taskId)).size).toBe(150);
    // Retrying again changes nothing.
    expect(await as(leader, () => Task.completeTasks(cut.id))).toBe(true);
    const all = await db()
      .task.query.bySeries({ seriesId: cut.seriesId ?? cut.id })
      .go({ pages: "all" });
    expect(all.data.length).toBe(150);
    expect((await db().plan.get({ planId: cut.id }).go()).data?.tasksPending).toBeUndefined();
    const summary = (await db().communeSummary.get({ communeId: "dai-hop" }).go()).data;
    expect(summary?.pendingTaskPlans ?? []).not.toContain(cut.id);
  }, 120_000);

  it("an issued amendment that moves the event moves relative deadlines and keeps progress", async () => {
    at("2026-06-01T03:00:00Z");
    const plan = await issued(seedLike("Sửa đổi dời ngày"));
    const series = plan.seriesId ?? plan.id;
    const t2 = await as(staffVP, () => Task.getTask(series, "a1-t2"));
    await as(staffVP, () =>
      Task.updateTask(series, "a1-t2", { version: t2.version, progress: 60, note: "Đã phân công" }),
    );
    const draft = await as(staffVP, () =>
      Lifecycle.transition(plan.id, { action: "amend", version: plan.version }),
    );
    // The event moved, in its facts and in the text that states its day.
    const moved = JSON.parse(
      JSON.stringify({ ...draft, event: { ...draft.event, date: "2026-07-10" } }).replaceAll(
        "20/06/2026",
        "10/07/2026",
      ),
    ) as PlanContent;
    moved.assignments = moved.assignments.map((a) => ({
      ...a,
      tasks: a.tasks.filter((t) => t.id !== "a4-t1"),
    }));
    await as(staffVP, () => Plan.updateDraft(draft.id, { version: 1, content: moved }));
    await as(staffVP, () => Lifecycle.transition(draft.id, { action: "submit", version: 2 }));
    await as(leader, () => Lifecycle.transition(draft.id, { action: "approve", version: 3 }));
    const amended = await as(leader, () => Lifecycle.transition(draft.id, { action: "issue", version: 4 }));
    expect(amended.seriesId).toBe(series);
    const tasks = await as(staffVP, () => Task.planTasks(amended.id));
    const carried = tasks.find((t) => t.taskId === "a1-t2");
    expect(carried?.deadline).toBe("2026-07-05");
    expect(carried?.progress).toBe(60);
    expect(carried?.planId).toBe(amended.id);
    expect(tasks.find((t) => t.taskId === "a4-t1")).toBeUndefined();
    expect((await as(staffVP, () => Task.getTask(series, "a4-t1"))).state).toBe("cancelled");
    expect((await as(staffVP, () => Plan.getPlan(amended.id))).taskProgress?.total).toBe(7);
  });
});

describe("a cancelled plan", () => {
  it("calls off its open tasks, keeps the finished ones, and takes no more updates", async () => {
    at("2026-06-01T03:00:00Z");
    const plan = await issued(seedLike("Hủy kế hoạch đang thực hiện"));
    const s = plan.seriesId ?? plan.id;
    const t = await as(staffVP, () => Task.getTask(s, "a1-t1"));
    await as(staffVP, () =>
      Task.updateTask(s, "a1-t1", { version: t.version, state: "done", note: "Xong trước khi hủy" }),
    );
    await as(leader, () =>
      Lifecycle.transition(plan.id, {
        action: "cancel",
        version: plan.version,
        reason: "Thay bằng kế hoạch khác",
      }),
    );
    const tasks = await as(leader, () => Task.planTasks(plan.id));
    expect(tasks.find((x) => x.taskId === "a1-t1")?.status).toBe("done_on_time");
    expect(tasks.filter((x) => x.taskId !== "a1-t1").every((x) => x.status === "cancelled")).toBe(true);
    const open = await as(leader, () => Task.board("dai-hop", { view: "open", limit: 200 }));
    expect(open.items.some((x) => x.planId === plan.id)).toBe(false);
    const t2 = await as(leader, () => Task.getTask(s, "a2-t1"));
    expect(
      await statusOf(
        as(leader, () => Task.updateTask(s, "a2-t1", { version: t2.version, progress: 10, note: "thử lại" })),
      ),
    ).toBe(409);
  });
});

describe("who may update a task", () => {
  it("staff of the lead or partner office, leaders of the commune; others read or nothing", async () => {
    at("2026-06-01T03:00:00Z");
    const plan = await issued(seedLike("Quyền cập nhật"));
    const s = plan.seriesId ?? plan.id;
    const t = await as(staffVP, () => Task.getTask(s, "a3-t1")); // lead Văn phòng, partner Văn hóa
    expect(
      await statusOf(
        as(staffTP, () => Task.updateTask(s, "a3-t1", { version: t.version, progress: 10, note: "thử" })),
      ),
    ).toBe(403);
    expect(
      await statusOf(
        as(tkOverseer, () => Task.updateTask(s, "a3-t1", { version: t.version, progress: 10, note: "thử" })),
      ),
    ).toBe(403);
    expect(await statusOf(as(qnLeader, () => Task.getTask(s, "a3-t1")))).toBe(404);
    expect(
      await statusOf(
        as(qnStaff, () => Task.updateTask(s, "a3-t1", { version: t.version, progress: 10, note: "thử" })),
      ),
    ).toBe(404);
    const byPartner = await as(staffVH, () =>
      Task.updateTask(s, "a3-t1", { version: t.version, progress: 30, note: "Đã bố trí hội trường" }),
    );
    expect(byPartner.status).toBe("in_progress");
    // The version read is stale now: 409, never a lost update.
    expect(
      await statusOf(
        as(staffVP, () => Task.updateTask(s, "a3-t1", { version: t.version, progress: 50, note: "bản cũ" })),
      ),
    ).toBe(409);
    expect(
      await statusOf(
        as(staffVP, () =>
          Task.updateTask(s, "a3-t1", { version: byPartner.version, state: "cancelled", note: "hủy" }),
        ),
      ),
    ).toBe(403);
    expect(
      await statusOf(
        as(staffVP, () =>
          Task.updateTask(s, "a3-t1", { version: byPartner.version, progress: 50, note: "" }),
        ),
      ),
    ).toBe(400);
    at("2026-06-01T04:00:00Z");
    const cancelled = await as(leader, () =>
      Task.updateTask(s, "a3-t1", { version: byPartner.version, state: "cancelled", note: "Không cần nữa" }),
    );
    expect(cancelled.status).toBe("cancelled");
    const hist = await as(tkOverseer, () => Task.taskHistory(s, "a3-t1"));
    expect(hist.map((h) => [h.action, h.actor, h.note])).toEqual([
      ["task_update", "daihop.vanhoa", "Đã bố trí hội trường"],
      ["task_update", "daihop.chutich", "Không cần nữa"],
    ]);
  });
});

describe("the commune's board", () => {
  it("open tasks by due date, overdue ones, an office's tasks — each one query", async () => {
    at("2026-06-01T03:00:00Z");
    await issued(seedLike("Bảng nhiệm vụ"));
    at("2026-06-16T03:00:00Z");
    const open = await as(tkOverseer, () => Task.board("dai-hop", { view: "open", limit: 200 }));
    const dues = open.items.map((t) => t.deadline ?? "9999");
    expect(open.items.every((t) => t.state === "open")).toBe(true);
    const giaoDues = open.items.filter((t) => t.kind === "giao").map((t) => t.deadline ?? "9999-12-31");
    expect([...giaoDues].sort()).toEqual(giaoDues);
    expect(dues.length).toBeGreaterThan(0);
    const overdue = await as(tkOverseer, () => Task.board("dai-hop", { view: "overdue", limit: 200 }));
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((t) => t.status === "overdue")).toBe(true);
    expect(overdue.items.some((t) => t.kind === "de_nghi")).toBe(false);
    const office = await as(staffVP, () => Task.board("dai-hop", { view: "office", officeId: "tai-chinh" }));
    expect(office.items.length).toBeGreaterThan(0);
    expect(office.items.every((t) => t.leadOfficeId === "tai-chinh")).toBe(true);
    expect(await statusOf(as(qnStaff, () => Task.board("dai-hop", { view: "open" })))).toBe(404);
    expect(await statusOf(as(staffVP, () => Task.board("dai-hop", { view: "open", cursor: "abc" })))).toBe(
      400,
    );
  });
});

describe("autosave", () => {
  it("coalesces an editing session's saves into one audit record of field changes", async () => {
    at("2026-06-01T03:00:00Z");
    const p = await as(staffVP, () => Plan.createDraft({ content: seedLike("Lưu tự động") }));
    let v = 1;
    for (const subject of ["Lưu tự động 1", "Lưu tự động 2", "Lưu tự động 3"]) {
      at(`2026-06-01T03:0${v}:00Z`);
      await as(staffVP, () => Plan.updateDraft(p.id, { version: v, content: { ...seedLike(""), subject } }));
      v++;
    }
    const hist = await as(staffVP, () => Plan.history(p.id));
    const edits = hist.filter((h) => h.action === "edit");
    expect(edits).toHaveLength(1);
    expect(edits[0]?.changes).toEqual([{ path: "subject", from: "Lưu tự động", to: "Lưu tự động 3" }]);
    // Another person's save, or one after a pause of more than half an hour, starts a new record.
    at("2026-06-01T05:00:00Z");
    await as(staffVP, () =>
      Plan.updateDraft(p.id, { version: v, content: { ...seedLike(""), subject: "Sau giờ nghỉ" } }),
    );
    expect((await as(staffVP, () => Plan.history(p.id))).filter((h) => h.action === "edit")).toHaveLength(2);
  });
});
