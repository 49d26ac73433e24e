import { randomUUID } from "node:crypto";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { actor } from "./actor";
import { now } from "./clock";
import { dynamo, tableName } from "./db/client";
import { db } from "./db/entities";
import { boundChanges, type FieldChange } from "./plan/diff";
import type { PlanStatus } from "./plan/schema";

/**
 * The one write path. Every change to a plan or a task is one DynamoDB transaction holding
 * the item's write, the writes that must land with it (counter, register entry, tasks),
 * its audit record and the commune's running summary. Callers build their item writes
 * with ElectroDB (`.params()`) and read the outcome from `write()`.
 */

export type Op = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

type Params = Record<string, unknown> & { TableName?: string };

/** An ElectroDB `put`/`create` params object as a transaction action. */
export const put = (p: Params): Op => ({ Put: strip(p) as NonNullable<Op["Put"]> });
/** An ElectroDB `patch`/`update` params object as a transaction action. */
export const update = (p: Params): Op => ({ Update: strip(p) as NonNullable<Op["Update"]> });
export const remove = (p: Params): Op => ({ Delete: strip(p) as NonNullable<Op["Delete"]> });

function strip(p: Params) {
  const { ReturnValues: _r, ...rest } = p;
  return rest;
}

/** A raw update of the table: ADD counters, SET map entries — what ElectroDB cannot express. */
export function rawUpdate(
  key: Record<string, unknown>,
  parts: { set?: string[]; add?: string[]; remove?: string[]; delete?: string[] },
  names: Record<string, string>,
  values: Record<string, unknown>,
  condition?: string,
): Op {
  const clauses = [
    parts.set?.length ? `SET ${parts.set.join(", ")}` : "",
    parts.add?.length ? `ADD ${parts.add.join(", ")}` : "",
    parts.remove?.length ? `REMOVE ${parts.remove.join(", ")}` : "",
    parts.delete?.length ? `DELETE ${parts.delete.join(", ")}` : "",
  ].filter(Boolean);
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: clauses.join(" "),
      ExpressionAttributeNames: names,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      ...(condition ? { ConditionExpression: condition } : {}),
    },
  };
}

export type AuditFields = {
  action: string;
  fromStatus?: string;
  toStatus?: string;
  version?: number;
  note?: string;
  changes?: FieldChange[];
};

/** Who or what the audit record belongs to: a plan, or a task of a plan series. */
export type Subject =
  | { communeId: string; planId: string }
  | { communeId: string; seriesId: string; taskId: string };

/** The audit key of a subject: a plan's id, or `<seriesId>/<taskId>` for a task. */
export function auditKey(s: Subject) {
  return "taskId" in s ? `${s.seriesId}/${s.taskId}` : s.planId;
}

/** Changes to the commune's running summary (entity communeSummary) and its board rows. */
export type SummaryDelta = {
  plans?: Partial<Record<PlanStatus, number>>;
  tasks?: Partial<Record<"total" | "done" | "done_late" | "cancelled", number>>;
  /** Open tasks by due date (YYYY-MM-DD): +1 when a task becomes open with that deadline, -1 when it leaves. */
  due?: Record<string, number>;
  /** A periodic report issued for a period (key as in report/period.ts), on time or late. */
  reports?: Record<string, "on_time" | "late">;
  pendingAdd?: string;
  pendingRemove?: string;
  /** Open revision requests from overseers (+1 when one is made, -1 when the commune resolves it). */
  requestsOpen?: number;
};

/** The additive figures of a delta, by attribute name (what board rows add up). */
export function figuresOf(delta: SummaryDelta): Record<string, number> {
  const f: Record<string, number> = {};
  const add = (attr: string, n: number | undefined) => {
    if (n) f[attr] = (f[attr] ?? 0) + n;
  };
  for (const [status, n] of Object.entries(delta.plans ?? {})) add(`plans_${status}`, n);
  for (const [what, n] of Object.entries(delta.tasks ?? {})) add(`tasks_${what}`, n);
  for (const [day, n] of Object.entries(delta.due ?? {})) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) add(`due_${day}`, n);
  }
  for (const [key, when] of Object.entries(delta.reports ?? {})) {
    add(`rpt_${key}_${when === "on_time" ? "ontime" : "late"}`, 1);
  }
  add("requests_open", delta.requestsOpen);
  return f;
}

/** Attribute names that hold additive figures on summaries and board rows. */
export const FIGURE_ATTR =
  /^(plans_[a-z_]+|tasks_[a-z_]+|due_\d{4}-\d{2}-\d{2}|rpt_[0-9A-Z-]+_(ontime|late)|requests_open)$/;

export type Change = {
  subject: Subject;
  /** The subject item's own write; index 0 of the transaction, so its failure is `reasons[0]`. */
  item: Op;
  also?: Op[];
  audit: AuditFields & {
    /** Overwrite this earlier record instead of adding one (an editing session's saves coalesced). */
    replace?: { at: string; auditId: string };
  };
  summary?: SummaryDelta;
};

export type WriteResult =
  | { ok: true; at: string }
  | { ok: false; reasons: { Code?: string | undefined }[]; at: string };

function auditOp(change: Change, at: string): Op {
  const a = actor();
  const { replace, changes, ...fields } = change.audit;
  const record = {
    planId: auditKey(change.subject),
    communeId: change.subject.communeId,
    at: replace?.at ?? at,
    auditId: replace?.auditId ?? randomUUID(),
    actor: a.username,
    actorName: a.displayName,
    ...fields,
    ...(changes ? { changes: boundChanges(changes) } : {}),
  };
  const entity = db().audit;
  return put((replace ? entity.put(record) : entity.create(record)).params() as Params);
}

/** ADD the figures to an item, SET its entity markers and last activity. */
function addFigures(
  key: Record<string, unknown>,
  markers: Record<string, string>,
  figures: Record<string, number>,
  at: string,
  extra: {
    add?: string[];
    delete?: string[];
    names?: Record<string, string>;
    values?: Record<string, unknown>;
  } = {},
): Op {
  const names: Record<string, string> = { "#l": "lastActivityAt", ...extra.names };
  const values: Record<string, unknown> = { ":l": at, ...extra.values };
  const set = ["#l = :l"];
  Object.entries(markers).forEach(([attr, v], i) => {
    names[`#m${i}`] = attr;
    values[`:m${i}`] = v;
    set.push(`#m${i} = :m${i}`);
  });
  const add = [...(extra.add ?? [])];
  Object.entries(figures).forEach(([attr, n], i) => {
    names[`#n${i}`] = attr;
    values[`:n${i}`] = n;
    add.push(`#n${i} :n${i}`);
  });
  return rawUpdate(key, { set, add, ...(extra.delete ? { delete: extra.delete } : {}) }, names, values);
}

/** The key of a board row. */
export function boardRowKey(scopeKey: string, rowId: string) {
  return db().boardRow.get({ scopeKey, rowId }).params().Key as Record<string, unknown>;
}

/** A board row target "<scopeKey>|<rowId>" split. */
export function splitTarget(target: string) {
  const i = target.lastIndexOf("|");
  return { scopeKey: target.slice(0, i), rowId: target.slice(i + 1) };
}

/** The commune summary's and board rows' writes for a delta, and the check of the membership read. */
function summaryOps(communeId: string, delta: SummaryDelta, at: string, m: Membership | null): Op[] {
  const figures = figuresOf(delta);
  const key = db().communeSummary.get({ communeId }).params().Key as Record<string, unknown>;
  const extra: Parameters<typeof addFigures>[4] = {
    add: ["#rev :one"],
    names: { "#rev": "rev" },
    values: { ":one": 1 },
  };
  if (delta.pendingAdd) {
    extra.names = { ...extra.names, "#p": "pendingTaskPlans" };
    extra.values = { ...extra.values, ":pa": new Set([delta.pendingAdd]) };
    extra.add?.push("#p :pa");
  }
  if (delta.pendingRemove) {
    extra.names = { ...extra.names, "#p": "pendingTaskPlans" };
    extra.values = { ...extra.values, ":pr": new Set([delta.pendingRemove]) };
    extra.delete = ["#p :pr"];
  }
  const ops = [
    addFigures(key, { __edb_e__: "communeSummary", __edb_v__: "1", communeId }, figures, at, extra),
  ];
  for (const target of m?.targets ?? []) {
    const { scopeKey, rowId } = splitTarget(target);
    ops.push(
      addFigures(
        boardRowKey(scopeKey, rowId),
        { __edb_e__: "boardRow", __edb_v__: "1", scopeKey, rowId },
        figures,
        at,
      ),
    );
  }
  ops.push(membershipCheck(communeId, m));
  return ops;
}

export type Membership = { targets: string[]; rev: number };

/** The membership as read, for the write path (null: the commune is on no board yet). */
export async function membershipOf(communeId: string): Promise<Membership | null> {
  const m = (await db().membership.get({ communeId }).go({ consistent: true })).data;
  return m ? { targets: m.targets, rev: m.rev } : null;
}

/** A check, in the same transaction, that the membership is still the one read. */
export function membershipCheck(communeId: string, m: Membership | null): Op {
  const key = db().membership.get({ communeId }).params().Key as Record<string, unknown>;
  return {
    ConditionCheck: {
      TableName: tableName(),
      Key: key,
      ConditionExpression: m ? "#rev = :rev" : "attribute_not_exists(#pk)",
      ExpressionAttributeNames: m ? { "#rev": "rev" } : { "#pk": "pk" },
      ...(m ? { ExpressionAttributeValues: { ":rev": m.rev } } : {}),
    },
  };
}

/** Board rows a commune may count in at most (its scopes, successors' scopes, its province's total). */
export const MAX_TARGETS = 8;

/**
 * Send one change: item + also + audit + summary + board rows, all or nothing. If the commune's
 * scopes changed between reading its membership and writing, the change is sent again with the
 * new rows, so every board counts it exactly once.
 */
export async function write(change: Change): Promise<WriteResult> {
  const communeId = change.subject.communeId;
  for (let attempt = 0; ; attempt++) {
    const at = now().toISOString();
    const m = await membershipOf(communeId);
    const items: Op[] = [
      change.item,
      ...(change.also ?? []),
      auditOp(change, at),
      ...summaryOps(communeId, change.summary ?? {}, at, m),
    ];
    const res = await send(items, at);
    if (!res.ok && rejected(res, items.length - 1) && attempt < 8) continue;
    return res;
  }
}

/**
 * Item writes that carry no audit of their own, all or nothing: the chunks of a resumable step
 * (a plan's tasks) whose one audit record and summary change come with the step's last write.
 */
export function writeItems(items: Op[]): Promise<WriteResult> {
  return send(items, now().toISOString());
}

/** DynamoDB's limit on actions in one transaction. */
export const TRANSACTION_LIMIT = 100;
/** Actions `write()` adds to a change's own: audit, summary, board rows and the membership check. */
export const WRITE_OVERHEAD = 3 + MAX_TARGETS;

/**
 * Send a transaction. A conflict with another transaction on a shared item (the commune's
 * summary, a counter) is not the caller's conflict: it is retried; a failed condition is returned.
 */
async function send(items: Op[], at: string): Promise<WriteResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true, at };
    } catch (e) {
      if (
        !(e instanceof TransactionCanceledException || (e as Error).name === "TransactionCanceledException")
      ) {
        throw e;
      }
      const reasons = ((e as TransactionCanceledException).CancellationReasons ?? []).map((r) => ({
        Code: r.Code,
      }));
      const conditionFailed = reasons.some((r) => r.Code === "ConditionalCheckFailed");
      if (conditionFailed || attempt >= 8) return { ok: false, reasons, at };
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 15 * 2 ** Math.min(attempt, 5)));
    }
  }
}

/** Whether the action at `index` was the one whose condition failed. */
export function rejected(res: WriteResult, index: number) {
  return !res.ok && res.reasons[index]?.Code === "ConditionalCheckFailed";
}

export type AuditEntry = {
  at: string;
  actor: string;
  actorName?: string;
  action: string;
  fromStatus?: string;
  toStatus?: string;
  version?: number;
  note?: string;
  changes?: FieldChange[];
};

/** The audit trail of a plan or a task, oldest first: the reading side of `write()`'s records. */
export async function auditTrail(subject: Subject): Promise<AuditEntry[]> {
  const res = await db()
    .audit.query.byPlan({ planId: auditKey(subject) })
    .go({ pages: "all" });
  return res.data.map((r) => ({
    at: r.at,
    actor: r.actor,
    ...(r.actorName ? { actorName: r.actorName } : {}),
    action: r.action,
    ...(r.fromStatus ? { fromStatus: r.fromStatus } : {}),
    ...(r.toStatus ? { toStatus: r.toStatus } : {}),
    ...(r.version !== undefined ? { version: r.version } : {}),
    ...(r.note ? { note: r.note } : {}),
    ...(r.changes ? { changes: r.changes as FieldChange[] } : {}),
  }));
}
