import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import { resolveActor } from "../src/auth";
import { nationalBoard, scopeBoard } from "../src/board";
import { addDays, todayInVietnam } from "../src/clock";
import { db } from "../src/db/entities";
import * as Plan from "../src/plan";
import * as Lifecycle from "../src/plan/lifecycle";
import { type PlanContent, planContent } from "../src/plan/schema";
import { seed } from "../src/seed";
import { issuableSeedPlanToday } from "../src/seed/issuable";
import * as Task from "../src/task/index";
import { taskStatus } from "../src/task/schema";
import { as, statusOf } from "./helpers";

const admin: Actor = { username: "admin", displayName: "Admin", role: "admin", communeIds: [] };
let province: Actor;
let district: Actor;

const leaderOf = (communeId: string): Actor => ({
  username: `${communeId.replace(/-/g, "")}.chutich`,
  displayName: "Chủ tịch",
  role: "commune_leader",
  unitId: communeId,
  communeIds: [communeId],
});

function content(subject: string, deadlines: string[]): PlanContent {
  return planContent.parse({
    ...issuableSeedPlanToday(),
    subject,
    recipients: ["Sở Nội vụ thành phố Hải Phòng", "Lưu: VT"],
    assignments: deadlines.map((d, i) => ({
      id: `a${i}`,
      label: String(i + 1),
      unit: "Văn phòng HĐND và UBND",
      tasks: [
        {
          id: `a${i}-t1`,
          description: `Nhiệm vụ ${i + 1}`,
          leadUnit: "Văn phòng HĐND và UBND",
          kind: "giao",
          deadline: { kind: "date", date: d },
        },
      ],
    })),
  });
}

async function issue(communeId: string, subject: string, deadlines: string[]) {
  return as(leaderOf(communeId), async () => {
    let p = await Plan.createDraft({ content: content(subject, deadlines) });
    for (const action of ["submit", "approve", "issue"] as const) {
      p = await Lifecycle.transition(p.id, { action, version: p.version });
    }
    return p;
  });
}

/** A commune's figures counted from its plan and task items (what the summary must equal). */
async function recount(communeId: string) {
  const today = todayInVietnam();
  const plans = (await db().plan.query.byCommune({ communeId }).go({ pages: "all" })).data;
  const tasks = (await db().task.query.byCommune({ communeId }).go({ pages: "all" })).data as Task.TaskItem[];
  const plansBy: Record<string, number> = {};
  for (const p of plans) plansBy[p.status] = (plansBy[p.status] ?? 0) + 1;
  const live = tasks.filter((t) => t.state !== "cancelled");
  const done = live.filter((t) => t.state === "done");
  const open = live.filter((t) => t.state === "open" && t.dueKey !== "9999-12-31");
  return {
    plans: {
      issued: plansBy.issued ?? 0,
      in_progress: plansBy.in_progress ?? 0,
      completed: plansBy.completed ?? 0,
      cancelled: plansBy.cancelled ?? 0,
    },
    total: live.length,
    done: done.length,
    doneLate: done.filter((t) => taskStatus(t, today) === "done_late").length,
    overdue: open.filter((t) => t.dueKey < today).length,
  };
}

beforeAll(async () => {
  await seed({ demoActivity: true });
  province = await resolveActor({
    username: "sonoivu.haiphong",
    displayName: "Sở Nội vụ",
    role: "overseer",
    unitId: "hai-phong",
  });
  district = await resolveActor({
    username: "tuky.noivu",
    displayName: "Phòng Nội vụ",
    role: "overseer",
    unitId: "tu-ky",
  });
}, 300_000);

describe("overseer board", () => {
  it("shows today's communes of the city, each row equal to a recount of its items", async () => {
    const board = await as(province, () => scopeBoard("hai-phong-communes"));
    expect(board.rows.map((r) => r.id).sort()).toEqual(
      ["xa-chi-minh", "xa-ha-bac", "xa-lac-phuong", "xa-nguyen-giap", "xa-ninh-giang", "xa-tu-ky"].sort(),
    );
    for (const row of board.rows) {
      // The merged commune's row holds its predecessors' past too.
      const ids = [row.id, ...row.includes.map((u) => u.id)];
      const counts = await Promise.all(ids.map(recount));
      const sum = (f: (c: Awaited<ReturnType<typeof recount>>) => number) =>
        counts.reduce((n, c) => n + f(c), 0);
      expect(row.plans.issued + row.plans.in_progress + row.plans.completed + row.plans.cancelled).toBe(
        sum((c) => c.plans.issued + c.plans.in_progress + c.plans.completed + c.plans.cancelled),
      );
      expect(row.tasks.total).toBe(sum((c) => c.total));
      expect(row.tasks.doneLate).toBe(sum((c) => c.doneLate));
      expect(row.tasks.doneOnTime).toBe(sum((c) => c.done - c.doneLate));
      expect(row.tasks.overdue).toBe(sum((c) => c.overdue));
    }
    const story = board.totals.tasks;
    expect(story.doneOnTime).toBeGreaterThan(0);
    expect(story.doneLate).toBeGreaterThan(0);
    expect(story.overdue).toBeGreaterThan(0);
    expect(board.totals.plans.issued + board.totals.plans.in_progress).toBeGreaterThan(0);
    const tuKy = board.rows.find((r) => r.id === "xa-tu-ky");
    expect(tuKy?.includes.map((u) => u.id).sort()).toEqual(["dai-hop", "quang-nghiep", "tan-ky"]);
  });

  it("counts a merged commune's past once: under its successor today, beside nothing", async () => {
    const before = await as(province, () => scopeBoard("hai-phong-communes"));
    const hist = await as(district, () => scopeBoard("tu-ky-communes"));
    const national = await as(admin, () => nationalBoard());
    const p = await issue("quang-nghiep", "Kế hoạch lịch sử của xã cũ", ["2025-05-30"]);
    const after = await as(province, () => scopeBoard("hai-phong-communes"));
    const histAfter = await as(district, () => scopeBoard("tu-ky-communes"));
    const nationalAfter = await as(admin, () => nationalBoard());
    const row = (b: typeof before, id: string) => b.rows.find((r) => r.id === id);
    expect((row(after, "xa-tu-ky")?.plans.issued ?? 0) - (row(before, "xa-tu-ky")?.plans.issued ?? 0)).toBe(
      1,
    );
    expect(after.totals.plans.issued - before.totals.plans.issued).toBe(1);
    expect(histAfter.totals.plans.issued - hist.totals.plans.issued).toBe(1);
    expect(hist.scope.historical).toBe(true);
    // The national view lists today's provinces only; Hải Dương's past is in Hải Phòng, once.
    expect(national.rows.map((r) => r.id)).toEqual(["hai-phong"]);
    expect(nationalAfter.totals.plans.issued - national.totals.plans.issued).toBe(1);
    expect(nationalAfter.totals.tasks.total - national.totals.tasks.total).toBe(1);
    expect(p.status).toBe("issued");
  });

  it("keeps every summary exact under concurrent issues and task updates across communes", async () => {
    const communes = ["xa-ninh-giang", "xa-ha-bac", "xa-chi-minh"];
    const plans = await Promise.all(
      communes.flatMap((c) =>
        [1, 2, 3].map((n) =>
          issue(c, `Kế hoạch đồng thời ${n}`, [
            "2026-01-10",
            "2026-02-10",
            addDays(todayInVietnam(), 5 * 365),
          ]),
        ),
      ),
    );
    const tasks = (
      await Promise.all(plans.map((p) => as(leaderOf(p.communeId), () => Task.planTasks(p.id))))
    ).flat();
    await Promise.all(
      tasks.map((t, i) =>
        as(leaderOf(t.communeId), () =>
          i % 3 === 2
            ? Promise.resolve(null)
            : Task.updateTask(t.seriesId, t.taskId, {
                version: t.version,
                state: "done",
                note: "Đã xong việc",
              }),
        ),
      ),
    );
    const board = await as(province, () => scopeBoard("hai-phong-communes"));
    for (const c of communes) {
      const row = board.rows.find((r) => r.id === c);
      const n = await recount(c);
      expect(row?.plans).toEqual(n.plans);
      expect(row?.tasks.total).toBe(n.total);
      expect(row?.tasks.doneOnTime).toBe(n.done - n.doneLate);
      expect(row?.tasks.doneLate).toBe(n.doneLate);
      expect(row?.tasks.overdue).toBe(n.overdue);
      const summary = (await db().communeSummary.get({ communeId: c }).go({ consistent: true })).data;
      expect(summary?.tasks_total).toBe(n.total);
      expect(summary?.tasks_done).toBe(n.done);
    }
  }, 120_000);

  it("shows a scope only to its overseeing body (and the admin)", async () => {
    expect(await statusOf(as(district, () => scopeBoard("hai-phong-communes")))).toBe(404);
    expect(await statusOf(as(leaderOf("xa-tu-ky"), () => scopeBoard("hai-phong-communes")))).toBe(404);
    expect(await statusOf(as(province, () => scopeBoard("no-such-scope")))).toBe(404);
    expect(await statusOf(as(province, () => nationalBoard()))).toBe(403);
  });

  it("shows overseers plans from issue onward, never a commune's drafts", async () => {
    const draft = await as(leaderOf("xa-tu-ky"), () =>
      Plan.createDraft({ content: content("Dự thảo riêng của xã", ["2026-12-30"]) }),
    );
    expect(await statusOf(as(province, () => Plan.getPlan(draft.id)))).toBe(404);
    const list = await as(province, () => Plan.listPlans({ communeId: "xa-tu-ky", limit: 100 }));
    expect(list.items.some((p) => p.id === draft.id)).toBe(false);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((p) => p.status !== "draft")).toBe(true);
  });
});
