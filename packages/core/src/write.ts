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

/** Changes to the commune's running summary (entity communeSummary). */
export type SummaryDelta = {
  plans?: Partial<Record<PlanStatus, number>>;
  tasks?: Partial<Record<"total" | "done" | "done_late" | "cancelled", number>>;
  pendingAdd?: string;
  pendingRemove?: string;
  /** Open revision requests from overseers (+1 when one is made, -1 when the commune resolves it). */
  requestsOpen?: number;
};

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

function summaryOp(communeId: string, delta: SummaryDelta, at: string): Op {
  const key = db().communeSummary.get({ communeId }).params().Key as Record<string, unknown>;
  const names: Record<string, string> = {
    "#e": "__edb_e__",
    "#v": "__edb_v__",
    "#c": "communeId",
    "#l": "lastActivityAt",
  };
  const values: Record<string, unknown> = { ":e": "communeSummary", ":v": "1", ":c": communeId, ":l": at };
  const add: string[] = [];
  const counter = (attr: string, n: number | undefined) => {
    if (!n) return;
    const i = add.length;
    names[`#n${i}`] = attr;
    values[`:n${i}`] = n;
    add.push(`#n${i} :n${i}`);
  };
  for (const [status, n] of Object.entries(delta.plans ?? {})) counter(`plans_${status}`, n);
  for (const [what, n] of Object.entries(delta.tasks ?? {})) counter(`tasks_${what}`, n);
  counter("requests_open", delta.requestsOpen);
  const parts: { set: string[]; add: string[]; delete?: string[] } = {
    set: ["#e = :e", "#v = :v", "#c = :c", "#l = :l"],
    add,
  };
  if (delta.pendingAdd) {
    names["#p"] = "pendingTaskPlans";
    values[":pa"] = new Set([delta.pendingAdd]);
    add.push("#p :pa");
  }
  if (delta.pendingRemove) {
    names["#p"] = "pendingTaskPlans";
    values[":pr"] = new Set([delta.pendingRemove]);
    parts.delete = ["#p :pr"];
  }
  return rawUpdate(key, parts, names, values);
}

/** Send one change: item + also + audit + summary, all or nothing. */
export async function write(change: Change): Promise<WriteResult> {
  const at = now().toISOString();
  const items: Op[] = [
    change.item,
    ...(change.also ?? []),
    auditOp(change, at),
    summaryOp(change.subject.communeId, change.summary ?? {}, at),
  ];
  return send(items, at);
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
/** Actions `write()` adds to a change's own: the audit record and the summary. */
export const WRITE_OVERHEAD = 2;

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
