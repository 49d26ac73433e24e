import { randomUUID } from "node:crypto";
import { actor, canRead, canSeePlan } from "../actor";
import { addDays, now, todayInVietnam } from "../clock";
import { db } from "../db/entities";
import { badCursor, DomainError, forbidden, notFound } from "../errors";
import { files } from "../files";
import type { PlanItem } from "../plan/index";
import { formatSymbol, type PlanContent } from "../plan/schema";
import { officeOf } from "../unit/offices";
import { parse } from "../validate";
import {
  type AuditEntry,
  auditTrail,
  type Op,
  put,
  rawUpdate,
  rejected,
  TRANSACTION_LIMIT,
  update,
  WRITE_OVERHEAD,
  write,
  writeItems,
} from "../write";
import {
  type BoardQuery,
  boardQuery,
  dueKey,
  mayUpdate,
  type TaskOut,
  type TaskState,
  type TaskUpdateInput,
  taskStatus,
  taskUpdateInput,
} from "./schema";

/** Browser-safe rule, re-exported where the server code has always found it. */
export { mayUpdate };

export type Evidence = TaskOut["evidence"][number] & { fileKey: string };

export type TaskItem = {
  seriesId: string;
  taskId: string;
  planId: string;
  communeId: string;
  planSubject: string;
  planSymbol?: string;
  assignmentUnit: string;
  assignmentOfficeId?: string;
  leadUnit?: string;
  leadOfficeId: string;
  partnerUnits: string[];
  partnerOfficeIds: string[];
  kind: "giao" | "de_nghi";
  description: string;
  deadline?: string;
  deadlineDaysFromEvent?: number;
  state: TaskState;
  dueKey: string;
  progress: number;
  completedOn?: string;
  lastNote?: string;
  evidence?: Evidence[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** The plan series a plan's tasks live under: the first plan of its amendment chain. */
export const seriesOf = (p: { planId: string; seriesId?: string | undefined }) => p.seriesId ?? p.planId;

/** A plan holds at most this many tasks (100 assignments × 100 tasks would not fit any item). */
export const MAX_TASKS_PER_PLAN = 1000;

type Spec = Omit<
  TaskItem,
  "state" | "progress" | "version" | "createdAt" | "updatedAt" | "evidence" | "completedOn" | "lastNote"
>;

/** The tasks a plan's content states, deadlines resolved against its event date. */
export function taskSpecs(
  plan: { planId: string; seriesId?: string; communeId: string },
  content: PlanContent,
) {
  const seriesId = seriesOf(plan);
  const planSymbol = formatSymbol(content.documentNumber);
  const specs: Spec[] = [];
  for (const a of content.assignments) {
    for (const t of a.tasks) {
      const lead = t.leadUnit ?? a.unit;
      const leadOfficeId = officeOf(lead) ?? "-";
      const assignmentOfficeId = officeOf(a.unit);
      const partnerOfficeIds = t.partnerUnits.map(officeOf).filter((o): o is NonNullable<typeof o> => !!o);
      let deadline: string | undefined;
      let deadlineDaysFromEvent: number | undefined;
      if (t.deadline?.kind === "date") deadline = t.deadline.date;
      if (t.deadline?.kind === "relative_to_event") {
        deadlineDaysFromEvent = t.deadline.days;
        if (content.event?.date) deadline = addDays(content.event.date, t.deadline.days);
      }
      specs.push({
        seriesId,
        taskId: t.id,
        planId: plan.planId,
        communeId: plan.communeId,
        planSubject: content.subject,
        ...(planSymbol ? { planSymbol } : {}),
        assignmentUnit: a.unit,
        ...(assignmentOfficeId ? { assignmentOfficeId } : {}),
        ...(t.leadUnit ? { leadUnit: t.leadUnit } : {}),
        leadOfficeId,
        partnerUnits: t.partnerUnits,
        partnerOfficeIds,
        kind: t.kind,
        description: t.description,
        ...(deadline ? { deadline } : {}),
        ...(deadlineDaysFromEvent !== undefined ? { deadlineDaysFromEvent } : {}),
        dueKey: dueKey({ kind: t.kind, deadline }),
      });
    }
  }
  if (specs.length > MAX_TASKS_PER_PLAN) {
    throw new DomainError(413, "too_many_tasks", {
      vi: `Kế hoạch có ${specs.length} nhiệm vụ; tối đa ${MAX_TASKS_PER_PLAN}.`,
      en: `The plan has ${specs.length} tasks; at most ${MAX_TASKS_PER_PLAN}.`,
    });
  }
  const seen = new Set<string>();
  for (const s of specs) {
    if (seen.has(s.taskId)) {
      throw new DomainError(422, "duplicate_task_id", {
        vi: `Hai nhiệm vụ cùng mã "${s.taskId}".`,
        en: `Two tasks share the id "${s.taskId}".`,
      });
    }
    seen.add(s.taskId);
  }
  return specs;
}

const SPEC_FIELDS = [
  "planId",
  "planSubject",
  "planSymbol",
  "assignmentUnit",
  "assignmentOfficeId",
  "leadUnit",
  "leadOfficeId",
  "partnerUnits",
  "partnerOfficeIds",
  "kind",
  "description",
  "deadline",
  "deadlineDaysFromEvent",
  "dueKey",
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The task writes that bring a series' items in line with the content: create, update, cancel. */
export function syncOps(specs: Spec[], existing: TaskItem[], at: string) {
  const byId = new Map(existing.map((t) => [t.taskId, t]));
  const wanted = new Set(specs.map((s) => s.taskId));
  const ops: Op[] = [];
  const final: TaskItem[] = [];
  for (const s of specs) {
    const old = byId.get(s.taskId);
    if (!old) {
      const item: TaskItem = { ...s, state: "open", progress: 0, version: 1, createdAt: at, updatedAt: at };
      ops.push(put(db().task.create(item).params()));
      final.push(item);
      continue;
    }
    // Carried over by id: the plan's words and dates change, progress and evidence stay.
    const changed = SPEC_FIELDS.filter((f) => !same(old[f], s[f]));
    const reopen = old.state === "cancelled";
    if (!changed.length && !reopen) {
      final.push(old);
      continue;
    }
    const next: TaskItem = {
      ...old,
      ...s,
      state: reopen ? "open" : old.state,
      version: old.version + 1,
      updatedAt: at,
    };
    for (const f of SPEC_FIELDS) if (s[f] === undefined) delete next[f];
    ops.push(patchTask(old, next));
    final.push(next);
  }
  for (const old of existing) {
    if (wanted.has(old.taskId) || old.state === "cancelled") {
      if (!wanted.has(old.taskId)) final.push(old);
      continue;
    }
    const next: TaskItem = {
      ...old,
      state: "cancelled",
      dueKey: old.dueKey,
      version: old.version + 1,
      updatedAt: at,
    };
    ops.push(patchTask(old, next));
    final.push(next);
  }
  return { ops, final };
}

/** An update of a task item to `next`, at the version read (its GSI keys follow state and due date). */
function patchTask(old: TaskItem, next: TaskItem): Op {
  const { seriesId, taskId, createdAt: _c, ...fields } = next;
  const removed = (Object.keys(old) as (keyof TaskItem)[]).filter(
    (k) => next[k] === undefined && old[k] !== undefined,
  );
  // Every GSI composite (commune, lead office, state, due date) is set, so ElectroDB rebuilds the keys.
  let q = db()
    .task.patch({ seriesId, taskId })
    .set({ ...fields, communeId: next.communeId });
  if (removed.length) q = q.remove(removed as never);
  return update(q.where((a, op) => op.eq(a.version, old.version)).params());
}

function cancelOpen(existing: TaskItem[], at: string) {
  const ops: Op[] = [];
  const final = existing.map((t) => {
    if (t.state !== "open") return t;
    const next: TaskItem = { ...t, state: "cancelled", version: t.version + 1, updatedAt: at };
    ops.push(patchTask(t, next));
    return next;
  });
  return { ops, final };
}

export type TaskStats = {
  tasksTotal: number;
  tasksDone: number;
  tasksDoneLate: number;
  tasksCancelled: number;
  openDue: Record<string, string>;
};

/** A plan's task figures from its task items, as stored on the plan item. */
export function statsOf(tasks: TaskItem[]): TaskStats {
  const s: TaskStats = { tasksTotal: 0, tasksDone: 0, tasksDoneLate: 0, tasksCancelled: 0, openDue: {} };
  for (const t of tasks) {
    if (t.state === "cancelled") {
      s.tasksCancelled++;
      continue;
    }
    s.tasksTotal++;
    if (t.state === "done") {
      s.tasksDone++;
      if (taskStatus(t, "0000-00-00") === "done_late") s.tasksDoneLate++;
    } else if (t.dueKey !== "9999-12-31") s.openDue[t.taskId] = t.dueKey;
  }
  return s;
}

/** The task figures a plan list shows, overdue counted for today. */
export function progressOf(p: Partial<TaskStats>, today = todayInVietnam()) {
  return {
    total: p.tasksTotal ?? 0,
    done: p.tasksDone ?? 0,
    doneLate: p.tasksDoneLate ?? 0,
    overdue: Object.values(p.openDue ?? {}).filter((d) => d < today).length,
  };
}

/** Every task item of a series (bounded by MAX_TASKS_PER_PLAN). */
export async function seriesTasks(seriesId: string): Promise<TaskItem[]> {
  const res = await db().task.query.bySeries({ seriesId }).go({ pages: "all" });
  return res.data as TaskItem[];
}

/**
 * The planning of an issue: the task writes for the content as issued, and whether they fit in
 * the issuing transaction (`inline`), or must follow in the idempotent step (`completeTasks`).
 */
export async function planIssueTasks(plan: PlanItem, content: PlanContent, otherActions: number) {
  const specs = taskSpecs(plan, content);
  const existing = plan.seriesId && plan.seriesId !== plan.planId ? await seriesTasks(plan.seriesId) : [];
  const { ops, final } = syncOps(specs, existing, now().toISOString());
  const inline = ops.length + otherActions + WRITE_OVERHEAD <= TRANSACTION_LIMIT;
  return { inline, ops, stats: statsOf(final), count: specs.length };
}

/**
 * Finish the task step of an issued plan: create (or carry over) every task, then clear the
 * plan's `tasksPending` in one write with the figures. Idempotent: a retry, a reader or the daily
 * job may run it at any time, and it never duplicates a task.
 */
export async function completeTasks(planId: string, opts: { maxChunks?: number } = {}): Promise<boolean> {
  for (let round = 0; round < 20; round++) {
    const plan = (await db().plan.get({ planId }).go({ consistent: true })).data as PlanItem | null;
    if (!plan?.tasksPending) return true;
    const seriesId = seriesOf(plan);
    const existing = await seriesTasks(seriesId);
    // A cancelled plan calls off its open tasks; otherwise the items follow the content as issued.
    const { ops, final } =
      plan.status === "cancelled"
        ? cancelOpen(existing, now().toISOString())
        : syncOps(taskSpecs(plan, plan.content), existing, now().toISOString());
    let chunks = 0;
    let lost = false;
    for (let i = 0; i < ops.length; i += TRANSACTION_LIMIT) {
      if (opts.maxChunks !== undefined && chunks >= opts.maxChunks) return false;
      chunks++;
      const res = await writeItems(ops.slice(i, i + TRANSACTION_LIMIT));
      if (!res.ok) {
        lost = true; // someone else wrote some of these: read again and carry on from there
        break;
      }
    }
    if (lost) continue;
    const stats = statsOf(final);
    // The commune's totals move from what the series held before this issue: nothing for a first
    // issue, the replaced plan's figures for an amendment (partial earlier runs wrote no totals).
    const before =
      plan.status === "cancelled"
        ? (plan as Partial<TaskStats>)
        : plan.amends
          ? ((await db().plan.get({ planId: plan.amends }).go()).data as Partial<TaskStats> | null)
          : null;
    const planKey = db().plan.get({ planId }).params().Key as Record<string, unknown>;
    const res = await write({
      subject: { communeId: plan.communeId, planId },
      item: rawUpdate(
        planKey,
        {
          set: ["#tt = :tt", "#td = :td", "#tl = :tl", "#tc = :tc", "#od = :od"],
          remove: ["#tp"],
        },
        {
          "#tt": "tasksTotal",
          "#td": "tasksDone",
          "#tl": "tasksDoneLate",
          "#tc": "tasksCancelled",
          "#od": "openDue",
          "#tp": "tasksPending",
        },
        {
          ":tt": stats.tasksTotal,
          ":td": stats.tasksDone,
          ":tl": stats.tasksDoneLate,
          ":tc": stats.tasksCancelled,
          ":od": stats.openDue,
          ":true": true,
        },
        "#tp = :true",
      ),
      audit: {
        action: plan.status === "cancelled" ? "tasks_cancelled" : "tasks_created",
        note: String(plan.status === "cancelled" ? stats.tasksCancelled : stats.tasksTotal),
      },
      summary: {
        ...statsDelta(
          { tasksTotal: 0, tasksDone: 0, tasksDoneLate: 0, tasksCancelled: 0, openDue: {}, ...before },
          stats,
        ),
        pendingRemove: planId,
      },
    });
    if (res.ok || rejected(res, 0)) return true; // rejected: another run finished first
  }
  throw new DomainError(409, "busy", {
    vi: "Đang tạo nhiệm vụ của kế hoạch, vui lòng thử lại.",
    en: "The plan's tasks are being created, please retry.",
  });
}

/** How the commune's task totals change from one set of a series' items to another. */
export function taskDelta(before: TaskItem[], after: TaskItem[]) {
  return statsDelta(statsOf(before), statsOf(after));
}

/** How the commune's task figures move between two sets of a series' figures: totals and open tasks by due date. */
export function statsDelta(a: TaskStats, b: TaskStats) {
  const due: Record<string, number> = {};
  for (const d of Object.values(a.openDue ?? {})) due[d] = (due[d] ?? 0) - 1;
  for (const d of Object.values(b.openDue ?? {})) due[d] = (due[d] ?? 0) + 1;
  for (const d of Object.keys(due)) if (due[d] === 0) delete due[d];
  return {
    tasks: {
      total: b.tasksTotal - a.tasksTotal,
      done: b.tasksDone - a.tasksDone,
      done_late: b.tasksDoneLate - a.tasksDoneLate,
      cancelled: b.tasksCancelled - a.tasksCancelled,
    },
    due,
  };
}

export function toTaskOut(t: TaskItem, today = todayInVietnam()): TaskOut {
  return {
    seriesId: t.seriesId,
    taskId: t.taskId,
    planId: t.planId,
    communeId: t.communeId,
    planSubject: t.planSubject,
    ...(t.planSymbol ? { planSymbol: t.planSymbol } : {}),
    assignmentUnit: t.assignmentUnit,
    ...(t.assignmentOfficeId ? { assignmentOfficeId: t.assignmentOfficeId } : {}),
    ...(t.leadUnit ? { leadUnit: t.leadUnit } : {}),
    ...(t.leadOfficeId !== "-" ? { leadOfficeId: t.leadOfficeId } : {}),
    partnerUnits: t.partnerUnits,
    partnerOfficeIds: t.partnerOfficeIds,
    kind: t.kind,
    description: t.description,
    ...(t.deadline ? { deadline: t.deadline } : {}),
    ...(t.deadlineDaysFromEvent !== undefined ? { deadlineDaysFromEvent: t.deadlineDaysFromEvent } : {}),
    state: t.state,
    status: taskStatus(t, today),
    progress: t.progress,
    ...(t.completedOn ? { completedOn: t.completedOn } : {}),
    ...(t.lastNote ? { lastNote: t.lastNote } : {}),
    evidence: (t.evidence ?? []).map(({ fileKey: _k, ...e }) => e),
    version: t.version,
    updatedAt: t.updatedAt,
  };
}

async function loadPlan(planId: string) {
  const plan = (await db().plan.get({ planId }).go()).data as PlanItem | null;
  if (!plan || !canSeePlan(plan)) throw notFound();
  return plan;
}

/** A plan's tasks in the plan's order (assignment, then task). */
export async function planTasks(planId: string): Promise<TaskOut[]> {
  let plan = await loadPlan(planId);
  if (plan.tasksPending) {
    await completeTasks(planId);
    plan = await loadPlan(planId);
  }
  if (!["issued", "in_progress", "completed", "cancelled"].includes(plan.status) || !plan.issuedAt) return [];
  const items = await seriesTasks(seriesOf(plan));
  const order = new Map(taskSpecs(plan, plan.content).map((s, i) => [s.taskId, i]));
  const today = todayInVietnam();
  return items
    .filter((t) => t.planId === planId || order.has(t.taskId))
    .sort((a, b) => (order.get(a.taskId) ?? 1e9) - (order.get(b.taskId) ?? 1e9))
    .map((t) => toTaskOut(t, today));
}

/** Finish any task step a commune's issuing left behind, so no reader sees half a plan's tasks. */
async function settleCommune(communeId: string) {
  const s = (await db().communeSummary.get({ communeId }).go()).data;
  for (const planId of s?.pendingTaskPlans ?? []) await completeTasks(planId);
}

export type TaskPage = { items: TaskOut[]; cursor: string | null };

/**
 * The commune's task board: one bounded query on a key built for it, ordered by due date so
 * overdue work comes first. `open`: open tasks; `overdue`: open tasks whose deadline has passed;
 * `done`: finished tasks; `office`: open tasks an office leads.
 */
export async function board(communeId: string, input: BoardQuery): Promise<TaskPage> {
  const q = parse(boardQuery, input);
  if (!canRead(communeId)) throw notFound("commune");
  await settleCommune(communeId);
  const today = todayInVietnam();
  const state: TaskState = q.view === "done" ? "done" : "open";
  const opts = { cursor: q.cursor ?? null, limit: q.limit, count: q.limit, pages: "all" as const };
  let res: { data: unknown[]; cursor: string | null };
  try {
    if (q.view === "office") {
      if (!q.officeId) {
        throw new DomainError(
          400,
          "validation_failed",
          { vi: "Chọn bộ phận / Choose an office", en: "Choose an office" },
          { issues: [{ path: ["officeId"], message: { vi: "Chọn bộ phận", en: "Choose an office" } }] },
        );
      }
      res = await db().task.query.byOffice({ communeId, leadOfficeId: q.officeId, state }).go(opts);
    } else if (q.view === "overdue") {
      res = await db()
        .task.query.byCommune({ communeId })
        .between({ state: "open", dueKey: "0000-00-00" }, { state: "open", dueKey: today })
        .go(opts);
    } else {
      res = await db().task.query.byCommune({ communeId, state }).go(opts);
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    if ((e as Error).name === "ElectroError" && /cursor/i.test((e as Error).message)) throw badCursor();
    throw e;
  }
  return {
    items: (res.data as TaskItem[]).filter((t) => t.communeId === communeId).map((t) => toTaskOut(t, today)),
    cursor: res.cursor ?? null,
  };
}

async function loadTask(seriesId: string, taskId: string, consistent = false) {
  const t = (await db().task.get({ seriesId, taskId }).go({ consistent })).data as TaskItem | null;
  if (!t || !canRead(t.communeId)) throw notFound("task");
  return t;
}

export async function getTask(seriesId: string, taskId: string): Promise<TaskOut> {
  return toTaskOut(await loadTask(seriesId, taskId));
}

function requireTaskWrite(t: TaskItem) {
  if (!mayUpdate(actor(), t)) {
    throw forbidden(
      "Bạn chỉ cập nhật được nhiệm vụ do bộ phận mình chủ trì hoặc phối hợp.",
      "You may update only the tasks your office leads or partners on.",
    );
  }
}

/** Refuse before a body is read: 404 outside the caller's communes, 403 without write access. */
export async function checkTaskWrite(seriesId: string, taskId: string) {
  requireTaskWrite(await loadTask(seriesId, taskId));
}

const taskConflict = (current: TaskOut) =>
  new DomainError(
    409,
    "version_conflict",
    {
      vi: "Nhiệm vụ đã được người khác cập nhật sau khi bạn mở. Hãy xem bản mới nhất.",
      en: "The task was updated by someone else after you opened it. Review the latest version.",
    },
    { current },
  );

/** A progress update with its note: progress, done (today), reopened, or cancelled (leaders). */
export async function updateTask(seriesId: string, taskId: string, input: TaskUpdateInput): Promise<TaskOut> {
  const u = parse(taskUpdateInput, input);
  const t = await loadTask(seriesId, taskId, true);
  requireTaskWrite(t);
  if (u.state === "cancelled" && actor().role !== "commune_leader") {
    throw forbidden("Chỉ lãnh đạo UBND xã được hủy nhiệm vụ.", "Only a commune leader may cancel a task.");
  }
  const plan = (await db().plan.get({ planId: t.planId }).go({ consistent: true })).data as PlanItem | null;
  if (!plan || !["issued", "in_progress"].includes(plan.status)) {
    throw new DomainError(409, "plan_closed", {
      vi: "Kế hoạch không còn được thực hiện (đã hoàn thành, đã hủy hoặc chưa ban hành).",
      en: "The plan is not being carried out (completed, cancelled or not issued).",
    });
  }
  if (t.version !== u.version) throw taskConflict(toTaskOut(t));
  const today = todayInVietnam();
  let state: TaskState =
    u.state ??
    (u.progress === 100 ? "done" : t.state === "done" && u.progress !== undefined ? "open" : t.state);
  let progress = u.progress ?? t.progress;
  if (state === "done") progress = 100;
  if (u.state === "open" && t.state === "done" && u.progress === undefined) progress = Math.min(progress, 90);
  if (state === "open" && progress === 100) state = "done";
  const next: TaskItem = {
    ...t,
    state,
    progress,
    lastNote: u.note,
    version: t.version + 1,
    updatedAt: now().toISOString(),
  };
  if (state === "done") next.completedOn = t.state === "done" && t.completedOn ? t.completedOn : today;
  else delete next.completedOn;
  const before = statsOf([t]);
  const after = statsOf([next]);
  const res = await write({
    subject: { communeId: t.communeId, seriesId, taskId },
    item: patchTask(t, next),
    also: [planStatsOp(plan, t, next, before, after)],
    audit: {
      action: "task_update",
      version: next.version,
      note: u.note,
      changes: [
        ...(t.progress !== next.progress ? [{ path: "progress", from: t.progress, to: next.progress }] : []),
        ...(t.state !== next.state ? [{ path: "state", from: t.state, to: next.state }] : []),
        ...(t.completedOn !== next.completedOn
          ? [{ path: "completedOn", from: t.completedOn, to: next.completedOn }]
          : []),
      ],
    },
    summary: taskDelta([t], [next]),
  });
  if (!res.ok) {
    if (rejected(res, 0)) throw taskConflict(toTaskOut(await loadTask(seriesId, taskId, true)));
    throw new DomainError(409, "busy", {
      vi: "Hệ thống đang bận, vui lòng thử lại.",
      en: "Busy, please retry.",
    });
  }
  return toTaskOut(next, today);
}

/** The plan item's figures follow a task's change, atomically (ADD, and the task's open due date). */
function planStatsOp(plan: PlanItem, t: TaskItem, next: TaskItem, before: TaskStats, after: TaskStats): Op {
  const key = db().plan.get({ planId: plan.planId }).params().Key as Record<string, unknown>;
  const names: Record<string, string> = { "#u": "updatedAt" };
  const values: Record<string, unknown> = { ":u": now().toISOString() };
  const add: string[] = [];
  for (const f of ["tasksTotal", "tasksDone", "tasksDoneLate", "tasksCancelled"] as const) {
    const d = after[f] - before[f];
    if (!d) continue;
    names[`#${f}`] = f;
    values[`:${f}`] = d;
    add.push(`#${f} :${f}`);
  }
  const set = ["#u = :u"];
  const remove: string[] = [];
  names["#od"] = "openDue";
  names["#t"] = t.taskId;
  const due = after.openDue[next.taskId];
  if (due) {
    values[":due"] = due;
    set.push("#od.#t = :due");
  } else remove.push("#od.#t");
  return rawUpdate(key, { set, add, remove }, names, values, "attribute_exists(#od)");
}

/** Evidence a task may carry: what offices file, checked by content, not by name alone. */
export const EVIDENCE_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpg: "image/jpeg",
  png: "image/png",
} as const;
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 20;

function sniff(bytes: Uint8Array): keyof typeof EVIDENCE_TYPES | "zip" | undefined {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf";
  if (starts(0xff, 0xd8, 0xff)) return "jpg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "zip";
  return undefined;
}

const refuseFile = (vi: string, en: string, status: 413 | 415 = 415) =>
  new DomainError(
    status,
    status === 413 ? "file_too_large" : "unsupported_file",
    { vi, en },
    {
      issues: [{ path: ["file"], message: { vi, en } }],
    },
  );

/** Attach a file to a task: pdf, docx, xlsx, jpg or png up to 20 MB; anything else writes nothing. */
export async function addEvidence(
  seriesId: string,
  taskId: string,
  file: { name: string; bytes: Uint8Array },
): Promise<TaskOut> {
  const t = await loadTask(seriesId, taskId, true);
  requireTaskWrite(t);
  if (file.bytes.byteLength > EVIDENCE_MAX_BYTES) {
    throw refuseFile("Tệp quá lớn: tối đa 20 MB.", "The file is too large: at most 20 MB.", 413);
  }
  const name =
    [...file.name.normalize("NFC")]
      .map((ch) =>
        ch === "/" || ch === "\\" || ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? "_" : ch,
      )
      .join("")
      .slice(0, 200) || "tep";
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const kind = sniff(file.bytes);
  const ok =
    (ext === "pdf" && kind === "pdf") ||
    ((ext === "jpg" || ext === "jpeg") && kind === "jpg") ||
    (ext === "png" && kind === "png") ||
    ((ext === "docx" || ext === "xlsx") && kind === "zip");
  if (!ok || !ext) {
    throw refuseFile(
      "Chỉ nhận tệp PDF, DOCX, XLSX, JPG hoặc PNG (nội dung đúng với đuôi tệp).",
      "Only PDF, DOCX, XLSX, JPG or PNG files are accepted (content matching the extension).",
    );
  }
  if ((t.evidence ?? []).length >= EVIDENCE_MAX_FILES) {
    throw refuseFile(
      `Mỗi nhiệm vụ tối đa ${EVIDENCE_MAX_FILES} tệp.`,
      `At most ${EVIDENCE_MAX_FILES} files per task.`,
      413,
    );
  }
  const contentType = EVIDENCE_TYPES[ext === "jpeg" ? "jpg" : (ext as keyof typeof EVIDENCE_TYPES)];
  const evidenceId = randomUUID();
  const fileKey = `evidence/${t.communeId}/${seriesId}/${taskId.replace(/[^a-z0-9_-]/gi, "_")}/${evidenceId}`;
  await files().put(fileKey, file.bytes, contentType);
  const a = actor();
  const ev: Evidence = {
    evidenceId,
    name,
    contentType,
    size: file.bytes.byteLength,
    at: now().toISOString(),
    by: a.displayName,
    fileKey,
  };
  const next: TaskItem = {
    ...t,
    evidence: [...(t.evidence ?? []), ev],
    version: t.version + 1,
    updatedAt: ev.at,
  };
  const res = await write({
    subject: { communeId: t.communeId, seriesId, taskId },
    item: patchTask(t, next),
    audit: { action: "evidence_added", version: next.version, note: name },
  });
  if (!res.ok) {
    await files().delete(fileKey);
    throw taskConflict(toTaskOut(await loadTask(seriesId, taskId, true)));
  }
  return toTaskOut(next);
}

export async function getEvidence(seriesId: string, taskId: string, evidenceId: string) {
  const t = await loadTask(seriesId, taskId);
  const ev = (t.evidence ?? []).find((e) => e.evidenceId === evidenceId);
  if (!ev) throw notFound("file");
  const bytes = await files().get(ev.fileKey);
  if (!bytes) throw notFound("file");
  return { ...ev, bytes };
}

export type TaskHistoryEntry = AuditEntry;

/** A task's history, oldest first. */
export async function taskHistory(seriesId: string, taskId: string): Promise<TaskHistoryEntry[]> {
  const t = await loadTask(seriesId, taskId);
  return auditTrail({ communeId: t.communeId, seriesId, taskId });
}
