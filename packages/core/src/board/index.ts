import { BatchGetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { actor } from "../actor";
import { todayInVietnam } from "../clock";
import { dynamo, tableName } from "../db/client";
import { db } from "../db/entities";
import { forbidden, notFound } from "../errors";
import { ISSUED_PLAN_STATUSES } from "../plan/schema";
import { boardPeriods, type Period, recentPeriods } from "../report/period";
import { foldVietnamese } from "../text";
import { boardRowKey } from "../write";
import { SCOPE_HEADER, type ScopeHeader, totalScope } from "./membership";

/** Plan statuses an overseer sees counted (from issue onward; drafts are the commune's own). */
export const BOARD_PLAN_STATUSES = ISSUED_PLAN_STATUSES;

export type ReportState = "on_time" | "late" | "missing" | "pending";

export type BoardFigures = {
  plans: Record<(typeof BOARD_PLAN_STATUSES)[number], number>;
  tasks: {
    /** Tasks in force (not cancelled). */
    total: number;
    doneOnTime: number;
    doneLate: number;
    /** Open and past their deadline today (Asia/Ho_Chi_Minh). */
    overdue: number;
    /** Open, deadline not passed (or no deadline). */
    open: number;
  };
  /** Open revision requests from overseers. */
  requestsOpen: number;
};

export type BoardRow = BoardFigures & {
  id: string;
  name: string;
  /** Folded name for search without diacritics ("dai hop" finds "Đại Hợp"). */
  search: string;
  /** Units whose past is counted in this row (merged into it), with names. */
  includes: { id: string; name: string }[];
  reports: { previous: ReportState; next: ReportState };
  /** Report submissions per period key (for the chart): on time and late. */
  reportHistory: Record<string, { onTime: number; late: number }>;
  lastActivityAt: string | null;
};

export type BoardPeriod = { key: string; label: { vi: string; en: string }; due: string };

export type Board = {
  scope: { id: string; name: string; validFrom: string; validTo?: string; historical: boolean };
  today: string;
  periods: { previous: BoardPeriod; next: BoardPeriod; history: BoardPeriod[] };
  rows: BoardRow[];
  totals: BoardFigures & { reports: Record<"previous" | "next", Record<ReportState, number>> };
};

type RawRow = Record<string, unknown>;

const num = (r: RawRow, k: string) => (typeof r[k] === "number" ? (r[k] as number) : 0);

function figures(r: RawRow, today: string): BoardFigures {
  let overdue = 0;
  for (const [k, v] of Object.entries(r)) {
    if (!k.startsWith("due_") || typeof v !== "number") continue;
    if (k.slice(4) < today) overdue += v;
  }
  const total = num(r, "tasks_total");
  const done = num(r, "tasks_done");
  const doneLate = num(r, "tasks_done_late");
  return {
    plans: {
      issued: num(r, "plans_issued"),
      in_progress: num(r, "plans_in_progress"),
      completed: num(r, "plans_completed"),
      cancelled: num(r, "plans_cancelled"),
    },
    tasks: {
      total,
      doneOnTime: done - doneLate,
      doneLate,
      overdue,
      open: Math.max(0, total - done - overdue),
    },
    requestsOpen: num(r, "requests_open"),
  };
}

function reportState(r: RawRow, p: Period, today: string): ReportState {
  if (num(r, `rpt_${p.key}_ontime`) > 0) return "on_time";
  if (num(r, `rpt_${p.key}_late`) > 0) return "late";
  return p.due < today ? "missing" : "pending";
}

function toRow(r: RawRow, today: string, periods: { previous: Period; next: Period }): BoardRow {
  const id = String(r.rowId);
  const name = typeof r.name === "string" ? r.name : id;
  const includes = Object.entries(r)
    .filter(([k, v]) => k.startsWith("name_") && k.slice(5) !== id && typeof v === "string")
    .map(([k, v]) => ({ id: k.slice(5), name: v as string }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const reportHistory: BoardRow["reportHistory"] = {};
  for (const [k, v] of Object.entries(r)) {
    const m = /^rpt_(.+)_(ontime|late)$/.exec(k);
    if (!m || typeof v !== "number") continue;
    const key = m[1] as string;
    const h = reportHistory[key] ?? { onTime: 0, late: 0 };
    reportHistory[key] = h;
    if (m[2] === "ontime") h.onTime += v;
    else h.late += v;
  }
  return {
    id,
    name,
    search: foldVietnamese(name),
    includes,
    ...figures(r, today),
    reports: { previous: reportState(r, periods.previous, today), next: reportState(r, periods.next, today) },
    reportHistory,
    lastActivityAt: typeof r.lastActivityAt === "string" ? r.lastActivityAt : null,
  };
}

function emptyFigures(): BoardFigures {
  return {
    plans: { issued: 0, in_progress: 0, completed: 0, cancelled: 0 },
    tasks: { total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 },
    requestsOpen: 0,
  };
}

function sum(rows: BoardRow[]): Board["totals"] {
  const t = emptyFigures();
  const states = (): Record<ReportState, number> => ({ on_time: 0, late: 0, missing: 0, pending: 0 });
  const reports = { previous: states(), next: states() };
  for (const r of rows) {
    for (const k of BOARD_PLAN_STATUSES) t.plans[k] += r.plans[k];
    for (const k of Object.keys(t.tasks) as (keyof BoardFigures["tasks"])[]) t.tasks[k] += r.tasks[k];
    t.requestsOpen += r.requestsOpen;
    reports.previous[r.reports.previous]++;
    reports.next[r.reports.next]++;
  }
  return { ...t, reports };
}

const asPeriod = (p: Period): BoardPeriod => ({ key: p.key, label: p.label, due: p.due });

/** The scopes an overseer's body holds, current first, then the historical ones. */
export async function myScopes() {
  const a = actor();
  if (a.role !== "overseer" || !a.unitId) throw forbidden("Chỉ cơ quan theo dõi.", "Overseers only.");
  const today = todayInVietnam();
  const res = await db().scope.query.byOverseer({ overseerUnitId: a.unitId }).go({ pages: "all" });
  return res.data
    .map((s) => ({
      id: s.scopeId,
      name: s.name,
      validFrom: s.validFrom,
      ...(s.validTo ? { validTo: s.validTo } : {}),
      historical: Boolean(s.validTo && s.validTo < today),
      communes: s.unitIds.length,
    }))
    .sort((x, y) => Number(x.historical) - Number(y.historical) || x.name.localeCompare(y.name, "vi"));
}

/**
 * An overseer's board for one of their scopes: one row per commune the scope lists (with the past
 * of the communes merged into it), read from the scope's board rows — two requests (the scope,
 * its rows) whatever the number of plans and tasks.
 */
export async function scopeBoard(scopeId: string): Promise<Board> {
  const a = actor();
  const raw = await queryRows(scopeId);
  const headerRow = raw.find((r) => r.rowId === SCOPE_HEADER);
  const scope = (headerRow?.header as ScopeHeader | undefined) ?? (await legacyHeader(scopeId));
  if (!scope || !(a.role === "admin" || (a.role === "overseer" && a.unitId === scope.overseerUnitId))) {
    throw notFound("scope");
  }
  const today = todayInVietnam();
  const members = new Set(scope.unitIds);
  const periods = boardPeriods(today);
  const rows = raw
    .filter((r) => members.has(String(r.rowId)))
    .map((r) => toRow(r, today, periods))
    .sort((x, y) => x.name.localeCompare(y.name, "vi"));
  // Communes of the scope with no row yet (nothing recorded) still show, with zeros.
  const seen = new Set(rows.map((r) => r.id));
  const missing = scope.unitIds.filter((id) => !seen.has(id));
  if (missing.length) {
    const units = await db()
      .unit.get(missing.map((unitId) => ({ unitId })))
      .go();
    for (const u of units.data) rows.push(toRow({ rowId: u.unitId, name: u.name }, today, periods));
    rows.sort((x, y) => x.name.localeCompare(y.name, "vi"));
  }
  return {
    scope: {
      id: scope.scopeId,
      name: scope.name,
      validFrom: scope.validFrom,
      ...(scope.validTo ? { validTo: scope.validTo } : {}),
      historical: Boolean(scope.validTo && scope.validTo < today),
    },
    today,
    periods: {
      previous: asPeriod(periods.previous),
      next: asPeriod(periods.next),
      history: recentPeriods(today, 8).map(asPeriod),
    },
    rows,
    totals: sum(rows),
  };
}

/** A scope written before headers were kept beside its rows. */
async function legacyHeader(scopeId: string): Promise<ScopeHeader | null> {
  const s = (await db().scope.get({ scopeId }).go()).data;
  return s ? { ...s, ...(s.validTo ? { validTo: s.validTo } : {}) } : null;
}

/** Every row under a scope key, by its partition (one request up to 1 MB of rows). */
async function queryRows(scopeKey: string): Promise<RawRow[]> {
  const key = boardRowKey(scopeKey, "x");
  const out: RawRow[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "#pk = :pk",
        ExpressionAttributeNames: { "#pk": "pk" },
        ExpressionAttributeValues: { ":pk": key.pk },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    out.push(...((res.Items ?? []) as RawRow[]));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * The national view (admin): one row per province in force today, each its province's total
 * (communes merged across provinces counted once, under today's province). Two requests: the
 * provinces (the top of the tree), their totals in one batch.
 */
export async function nationalBoard(): Promise<Omit<Board, "scope">> {
  if (actor().role !== "admin") throw forbidden("Chỉ quản trị viên.", "Admins only.");
  const today = todayInVietnam();
  const periods = boardPeriods(today);
  const provinces = (await db().unit.query.byParent({ parentId: "-" }).go({ pages: "all" })).data.filter(
    (u) => u.kind === "province" && (!u.validTo || u.validTo >= today),
  );
  const raw: RawRow[] = [];
  for (let i = 0; i < provinces.length; i += 100) {
    let keys = provinces.slice(i, i + 100).map((p) => boardRowKey(totalScope(p.unitId), p.unitId));
    for (let round = 0; keys.length && round < 10; round++) {
      const res = await dynamo().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }),
      );
      raw.push(...((res.Responses?.[tableName()] ?? []) as RawRow[]));
      keys = (res.UnprocessedKeys?.[tableName()]?.Keys ?? []) as typeof keys;
    }
  }
  const byId = new Map(raw.map((r) => [String(r.rowId), r]));
  const rows = provinces
    .map((p) => toRow({ ...(byId.get(p.unitId) ?? {}), rowId: p.unitId, name: p.name }, today, periods))
    .sort((x, y) => x.name.localeCompare(y.name, "vi"));
  return {
    today,
    periods: {
      previous: asPeriod(periods.previous),
      next: asPeriod(periods.next),
      history: recentPeriods(today, 8).map(asPeriod),
    },
    rows,
    totals: sum(rows),
  };
}
