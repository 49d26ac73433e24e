import type { BoardRow, ReportState } from "@kehoach/client/board";
import { foldVietnamese } from "@kehoach/core/text";
import { z } from "zod";

/** The columns a board sorts by. */
export const SORT_KEYS = [
  "name",
  "issued",
  "in_progress",
  "completed",
  "cancelled",
  "doneOnTime",
  "doneLate",
  "overdue",
  "open",
  "previous",
  "next",
  "requests",
  "activity",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

/** Which rows to show: all, or only those behind in one way. */
export const SHOW = ["lagging", "overdue", "missing", "requests"] as const;
export type Show = (typeof SHOW)[number];

/** The board's state in the address: ?q=tu+ky&show=overdue&sort=overdue&dir=desc&charts=1 */
export type BoardSearch = {
  q?: string | undefined;
  show?: Show | undefined;
  sort?: SortKey | undefined;
  dir?: SortDir | undefined;
  charts?: 1 | undefined;
};

/** Each parameter on its own: a bad or missing one is dropped, leaving the others. */
const boardSearchSchema = z.object({
  // Kept as typed (spaces and all) while the search box writes it; a blank one is none.
  q: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).slice(0, 100))
    .transform((q) => (q.trim() ? q : undefined))
    .optional()
    .catch(undefined),
  show: z.enum(SHOW).optional().catch(undefined),
  sort: z.enum(SORT_KEYS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  charts: z
    .union([z.literal(1), z.literal("1")])
    .transform(() => 1 as const)
    .optional()
    .catch(undefined),
});

export function boardSearch(s: Record<string, unknown>): BoardSearch {
  const parsed = boardSearchSchema.safeParse(s);
  return parsed.success ? parsed.data : {};
}

/** A report state from worst to best, so that ascending puts the communes to chase first. */
const REPORT_RANK: Record<ReportState, number> = { missing: 0, late: 1, pending: 2, on_time: 3 };

const VALUE: Record<SortKey, (r: BoardRow) => number | string> = {
  name: (r) => r.name,
  issued: (r) => r.plans.issued,
  in_progress: (r) => r.plans.in_progress,
  completed: (r) => r.plans.completed,
  cancelled: (r) => r.plans.cancelled,
  doneOnTime: (r) => r.tasks.doneOnTime,
  doneLate: (r) => r.tasks.doneLate,
  overdue: (r) => r.tasks.overdue,
  open: (r) => r.tasks.open,
  previous: (r) => REPORT_RANK[r.reports.previous],
  next: (r) => REPORT_RANK[r.reports.next],
  requests: (r) => r.requestsOpen,
  activity: (r) => r.lastActivityAt ?? "",
};

/** The direction a first click sorts in: names A→Z, figures and dates largest first. */
export const firstDir = (key: SortKey): SortDir =>
  key === "name" || key === "previous" || key === "next" ? "asc" : "desc";

/** Behind: overdue tasks, or the last period's report not sent (what a chase-up letter is about). */
export const isLagging = (r: BoardRow) => r.tasks.overdue > 0 || r.reports.previous === "missing";

const MATCH: Record<Show, (r: BoardRow) => boolean> = {
  lagging: isLagging,
  overdue: (r) => r.tasks.overdue > 0,
  missing: (r) => r.reports.previous === "missing",
  requests: (r) => r.requestsOpen > 0,
};

/** The rows as the address asks: searched without diacritics on the row's folded name, filtered, sorted. */
export function visibleRows(rows: BoardRow[], s: BoardSearch): BoardRow[] {
  const q = s.q ? foldVietnamese(s.q) : "";
  const show = s.show ? MATCH[s.show] : undefined;
  const out = rows.filter((r) => (!q || r.search.includes(q)) && (!show || show(r)));
  const key = s.sort ?? "name";
  const sign = (s.dir ?? firstDir(key)) === "asc" ? 1 : -1;
  const get = VALUE[key];
  return out.sort((a, b) => {
    const x = get(a);
    const y = get(b);
    const c =
      typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "vi");
    return sign * c || a.name.localeCompare(b.name, "vi");
  });
}

export type Totals = Pick<BoardRow, "plans" | "tasks" | "requestsOpen"> & {
  reports: Record<"previous" | "next", Record<ReportState, number>>;
};

/** The totals of the rows shown (the API's own totals when nothing is filtered out). */
export function totalsOf(rows: BoardRow[]): Totals {
  const states = (): Record<ReportState, number> => ({ on_time: 0, late: 0, missing: 0, pending: 0 });
  const t: Totals = {
    plans: { issued: 0, in_progress: 0, completed: 0, cancelled: 0 },
    tasks: { total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0 },
    requestsOpen: 0,
    reports: { previous: states(), next: states() },
  };
  for (const r of rows) {
    for (const k of Object.keys(t.plans) as (keyof Totals["plans"])[]) t.plans[k] += r.plans[k];
    for (const k of Object.keys(t.tasks) as (keyof Totals["tasks"])[]) t.tasks[k] += r.tasks[k];
    t.requestsOpen += r.requestsOpen;
    t.reports.previous[r.reports.previous]++;
    t.reports.next[r.reports.next]++;
  }
  return t;
}
