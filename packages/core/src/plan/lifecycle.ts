import { z } from "zod";
import { actor, canRead } from "../actor";
import { now, todayInVietnam } from "../clock";
import { db } from "../db/entities";
import { DomainError, notFound, versionConflict } from "../errors";
import { submissionOnIssue } from "../report/submission";
import { completeTasks, planIssueTasks, seriesOf, statsDelta, type TaskStats } from "../task/index";
import { cleanText, visibleLength } from "../text";
import { parse } from "../validate";
import { type Op, put, rejected, update, write } from "../write";
import { issueBlockers } from "./checker";
import { signerLines } from "./document-text";
import { insertPlan, type PlanItem, planOut, requireWrite, searchTextOf, toPlan } from "./index";
import { formatSymbol, type Plan, type PlanContent, type PlanStatus } from "./schema";
import { ACTIONS, TRANSITIONS } from "./transitions";

export { ACTIONS, TRANSITIONS };

export const transitionInput = z
  .object({
    action: z.enum(ACTIONS),
    version: z.number({ message: "Thiếu phiên bản đã đọc / Missing the version you read" }).int().min(1),
    reason: z
      .string()
      .trim()
      .max(1000, { message: "Tối đa 1000 ký tự / At most 1000 characters" })
      .transform((s) => cleanText(s).trim())
      .optional(),
  })
  .refine((t) => t.action !== "cancel" || visibleLength(t.reason ?? "") >= 3, {
    path: ["reason"],
    message: "Nhập lý do hủy (ít nhất 3 ký tự) / Give a reason for cancelling (at least 3 characters)",
  });

const STATUS_VI: Record<PlanStatus, string> = {
  draft: "dự thảo",
  submitted: "đã trình",
  approved: "đã duyệt",
  issued: "đã ban hành",
  in_progress: "đang thực hiện",
  completed: "hoàn thành",
  cancelled: "đã hủy",
};

function refuse(action: string, status: PlanStatus) {
  return new DomainError(409, "invalid_transition", {
    vi: `Không thể thực hiện "${action}" khi kế hoạch ở trạng thái ${STATUS_VI[status]}.`,
    en: `Cannot ${action} a plan that is ${status.replace("_", " ")}.`,
  });
}

async function loadForWrite(planId: string) {
  const item = (await db().plan.get({ planId }).go({ consistent: true })).data as PlanItem | null;
  if (!item || !canRead(item.communeId)) throw notFound();
  requireWrite(item.communeId);
  return item;
}

/**
 * Checker errors block issuing (Decree 30: a document goes out complete and correct), checked on
 * the very plan being issued, dated and numbered as it would be today, before anything is written.
 */
function blockOnCheckerErrors(plan: Plan) {
  const errors = issueBlockers(plan);
  if (!errors.length) return;
  throw new DomainError(
    422,
    "checker_errors",
    {
      vi: `Còn ${errors.length} lỗi thể thức phải sửa trước khi ban hành.`,
      en: `${errors.length} checker error(s) must be fixed before issuing.`,
    },
    { issues: errors.map((f) => ({ path: ["content", ...f.location.path], message: f.message })) },
  );
}

/** Move a plan along its lifecycle. `issue` assigns the number; `amend` opens a linked new draft. */
export async function transition(
  planId: string,
  input: z.input<typeof transitionInput>,
  opts: {
    /** false: stop after the issuing transaction, as a crash there would (tests of the retry). */
    taskStep?: boolean;
  } = {},
): Promise<Plan> {
  const t = parse(transitionInput, input);
  const item = await loadForWrite(planId);
  if (item.version !== t.version) throw versionConflict(toPlan(item));
  const rule = TRANSITIONS[t.action];
  const a = actor();
  if (!rule.roles.includes(a.role)) {
    throw new DomainError(403, "forbidden", {
      vi: "Vai trò của bạn không được thực hiện bước này.",
      en: "Your role may not take this step.",
    });
  }
  if (!rule.from.includes(item.status)) throw refuse(t.action, item.status);
  if (t.action === "amend") return amend(item);
  if (t.action === "issue") {
    blockOnCheckerErrors(toPlan(item));
    return issue(item, opts);
  }
  const to = rule.to ?? item.status;

  const closesTasks = to === "cancelled" && Boolean(item.issuedAt);
  const at = now().toISOString();
  const res = await write({
    subject: { communeId: item.communeId, planId },
    item: update(
      db()
        .plan.patch({ planId })
        .composite({ communeId: item.communeId })
        .set({
          status: to,
          version: t.version + 1,
          updatedAt: at,
          ...(t.action === "cancel" && t.reason ? { cancelReason: t.reason } : {}),
          ...(closesTasks ? { tasksPending: true } : {}),
        })
        .where((attr, op) => `${op.eq(attr.version, t.version)} AND ${op.eq(attr.status, item.status)}`)
        .params(),
    ),
    audit: {
      action: t.action,
      fromStatus: item.status,
      toStatus: to,
      version: t.version + 1,
      ...(t.reason ? { note: t.reason } : {}),
    },
    summary: {
      ...(to === item.status ? {} : { plans: { [item.status]: -1, [to]: 1 } }),
      ...(closesTasks ? { pendingAdd: planId } : {}),
    },
  });
  if (!res.ok) throw versionConflict(null);
  // Cancelling a plan in force calls off its open tasks, in the same resumable step as issuing.
  if (closesTasks) await completeTasks(planId);
  return planOut({
    ...item,
    status: to,
    version: t.version + 1,
    updatedAt: at,
    ...(t.action === "cancel" && t.reason ? { cancelReason: t.reason } : {}),
  });
}

type Item = PlanItem;

/**
 * Taking a number: the counter moves from `current` (null: none yet) to the next value, and the
 * register of outgoing documents gets its entry — two actions of the issuing transaction. A lost
 * race on the counter fails the transaction; the caller reads the counter again.
 */
export function numberOps(
  key: { issuerId: string; year: string; typeCode: string },
  current: number | null,
  entry: {
    communeId: string;
    symbol: string;
    issuedDate: string;
    subject: string;
    signer: string;
    planId: string;
  },
): Op[] {
  const number = (current ?? 0) + 1;
  return [
    current !== null
      ? update(
          db()
            .counter.patch(key)
            .set({ value: number })
            .where((attr, op) => op.eq(attr.value, current))
            .params(),
        )
      : put(
          db()
            .counter.create({ ...key, value: number })
            .params(),
        ),
    put(
      db()
        .registerEntry.create({ ...entry, year: key.year, typeCode: key.typeCode, number })
        .params(),
    ),
  ];
}

/**
 * Issue: take the next number for (issuer, year, type) and freeze the content, in ONE
 * transaction with the register entry and the audit record. A lost race on the counter
 * retries with the new value, so numbers stay unique and gap-free.
 */
async function issue(item: Item, opts: { taskStep?: boolean }): Promise<Plan> {
  const typeCode = item.content.type;
  for (let attempt = 0; attempt < 200; attempt++) {
    const at = now();
    const today = todayInVietnam(at);
    const year = today.slice(0, 4);
    const key = { issuerId: item.communeId, year, typeCode };
    const counter = (await db().counter.get(key).go({ consistent: true })).data;
    const current = counter?.value ?? 0;
    const number = current + 1;
    const issuerCode = item.content.documentNumber.issuerCode ?? item.content.issuer.code ?? "UBND";
    const documentNumber = { number, typeCode, issuerCode, symbol: "" };
    documentNumber.symbol = formatSymbol(documentNumber) ?? "";
    const content: PlanContent = { ...item.content, documentNumber, date: today };
    const iso = at.toISOString();
    const signer = signerLines(item.content).concat(item.content.signer.name).join(" ");
    // A periodic report's first issue is its period's submission on the overseer's board.
    const submission = await submissionOnIssue(item, today, iso);
    const base: Op[] = [
      ...numberOps(key, counter ? current : null, {
        communeId: item.communeId,
        symbol: documentNumber.symbol,
        issuedDate: today,
        subject: content.subject,
        signer,
        planId: item.planId,
      }),
      // An issued amendment supersedes the plan it replaces, in the same transaction.
      ...(item.amends
        ? [
            update(
              db()
                .plan.patch({ planId: item.amends })
                .set({ amendedBy: item.planId, updatedAt: iso })
                .params(),
            ),
          ]
        : []),
      ...(submission ? [submission.op] : []),
    ];
    // The plan's tasks come to life with it: in this transaction when they fit, else in a step
    // that the plan's `tasksPending` flag makes every reader (and any retry) finish.
    const tasks = await planIssueTasks(item, content, 1 + base.length);
    const before = item.amends
      ? statsFromItem((await db().plan.get({ planId: item.amends }).go()).data)
      : ZERO;
    const res = await write({
      subject: { communeId: item.communeId, planId: item.planId },
      item: update(
        db()
          .plan.patch({ planId: item.planId })
          .composite({ communeId: item.communeId })
          .set({
            status: "issued",
            version: item.version + 1,
            content,
            updatedAt: iso,
            issuedAt: iso,
            year,
            searchText: searchTextOf(content),
            seriesId: seriesOf(item),
            ...(tasks.inline
              ? {
                  tasksTotal: tasks.stats.tasksTotal,
                  tasksDone: tasks.stats.tasksDone,
                  tasksDoneLate: tasks.stats.tasksDoneLate,
                  tasksCancelled: tasks.stats.tasksCancelled,
                  openDue: tasks.stats.openDue,
                }
              : { tasksPending: true, openDue: {} }),
          })
          .where((attr, op) => `${op.eq(attr.version, item.version)} AND ${op.eq(attr.status, "approved")}`)
          .params(),
      ),
      also: [...base, ...(tasks.inline ? tasks.ops : [])],
      audit: {
        action: "issue",
        fromStatus: "approved",
        toStatus: "issued",
        version: item.version + 1,
        note: documentNumber.symbol,
      },
      summary: {
        plans: { approved: -1, issued: 1 },
        ...(tasks.inline ? statsDelta(before, tasks.stats) : { pendingAdd: item.planId }),
        ...(submission ? { reports: submission.reports } : {}),
      },
    });
    if (res.ok) {
      if (!tasks.inline && opts.taskStep !== false) await completeTasks(item.planId);
      return getPlanAfterIssue(item.planId);
    }
    // (a rejected patch of the amended original means it was deleted: treated as a conflict below)
    if (rejected(res, 0)) {
      const latest = (await db().plan.get({ planId: item.planId }).go()).data;
      throw versionConflict(latest ? toPlan(latest as PlanItem) : null);
    }
    if (rejected(res, 2) && !rejected(res, 1)) {
      throw new DomainError(409, "number_taken", {
        vi: `Số ${documentNumber.symbol} đã có trong sổ đăng ký văn bản đi; không cấp số trùng.`,
        en: `Number ${documentNumber.symbol} is already in the register; no duplicate is issued.`,
      });
    }
    // Another report of the period was counted first: issue again, counting nothing this time.
    if (submission && rejected(res, base.length)) continue;
    if (!rejected(res, 1) && res.reasons.some((r) => r.Code === "ConditionalCheckFailed")) {
      // A task or the replaced plan changed under us: the caller reads again.
      throw versionConflict(null);
    }
    // Lost the race for the counter (or a transaction conflict): back off and take the next value.
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * Math.min(attempt + 1, 10)));
  }
  throw new DomainError(409, "busy", {
    vi: "Hệ thống đang bận cấp số, vui lòng thử lại.",
    en: "Numbering is busy, please retry.",
  });
}

const ZERO: TaskStats = { tasksTotal: 0, tasksDone: 0, tasksDoneLate: 0, tasksCancelled: 0, openDue: {} };

function statsFromItem(p: Partial<TaskStats> | null | undefined): TaskStats {
  return { ...ZERO, ...(p ?? {}) };
}

async function getPlanAfterIssue(planId: string) {
  const latest = (await db().plan.get({ planId }).go({ consistent: true })).data as PlanItem;
  return planOut(latest);
}

/** An issued plan is changed only by an amendment: a new draft linked to the one it replaces. */
async function amend(item: Item): Promise<Plan> {
  const { date: _date, ...rest } = item.content;
  const content: PlanContent = {
    ...rest,
    documentNumber: {
      ...(item.content.documentNumber.typeCode ? { typeCode: item.content.documentNumber.typeCode } : {}),
      ...(item.content.documentNumber.issuerCode
        ? { issuerCode: item.content.documentNumber.issuerCode }
        : {}),
    },
  };
  return insertPlan({
    communeId: item.communeId,
    content,
    status: "draft",
    amends: item.planId,
    seriesId: seriesOf(item),
    action: "amend",
  });
}

export type RegisterEntry = {
  number: number;
  symbol: string;
  issuedDate: string;
  subject: string;
  signer: string;
  planId: string;
  typeCode: string;
};

/** Sổ đăng ký văn bản đi of a commune for a year, in number order. */
export async function register(communeId: string, year: string): Promise<RegisterEntry[]> {
  if (!canRead(communeId)) throw notFound("commune");
  const res = await db().registerEntry.query.byNumber({ communeId, year }).go({ pages: "all" });
  return res.data
    .map(({ number, symbol, issuedDate, subject, signer, planId, typeCode }) => ({
      number,
      symbol,
      issuedDate,
      subject,
      signer,
      planId,
      typeCode,
    }))
    .sort((x, y) => x.typeCode.localeCompare(y.typeCode) || x.number - y.number);
}
