import type { BoardPeriods, BoardRow, ReportState } from "@kehoach/client/board";
import { ISSUED_PLAN_STATUSES } from "@kehoach/core/plan/schema";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { formatDate, formatInstantDate } from "../../../lib/format";
import { type BoardKey, useBoardI18n } from "../lib/i18n";
import { type SortDir, type SortKey, totalsOf } from "../lib/view";

const TASK_KEYS = ["doneOnTime", "doneLate", "overdue", "open"] as const;
const REPORT_STATES: readonly ReportState[] = ["on_time", "late", "missing", "pending"];

export type Selection = { selected: ReadonlySet<string>; toggle: (id: string) => void };

type Props = {
  rows: BoardRow[];
  periods: BoardPeriods;
  /** What a row is: a commune (a scope's board) or a province (the national view). */
  unit: "commune" | "province";
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
  /** Checkboxes to pick communes for a chase-up letter (current scopes, overseers only). */
  selection?: Selection | undefined;
  /** Whether the user may open this row's commune (its plans and tasks). */
  canOpen: (id: string) => boolean;
};

/**
 * The board as a table: a row per commune, plans by status, tasks by outcome, the previous and
 * next periodic report, open revision requests and the last activity; totals of the rows shown.
 * Every column heading is a sort button (aria-sort on the sorted one).
 */
export function BoardTable({ rows, periods, unit, sort, dir, onSort, selection, canOpen }: Props) {
  const { bt, pick } = useBoardI18n();
  const totals = totalsOf(rows);
  const label = (key: SortKey): string => {
    if (key === "name") return bt(unit === "commune" ? "col.commune" : "col.province");
    if (key === "previous" || key === "next") {
      const p = periods[key];
      return bt(`col.${key}`, { period: pick(p.label), due: formatDate(p.due) });
    }
    return bt(`col.${key}` as BoardKey);
  };
  const head = (key: SortKey, extra?: { rowSpan?: number; className?: string }) => (
    <SortHeader
      key={key}
      label={label(key)}
      active={sort === key}
      dir={dir}
      onSort={() => onSort(key)}
      rowSpan={extra?.rowSpan}
      className={extra?.className}
    />
  );
  const count = bt(unit === "commune" ? "board.communes" : "board.provinces", { count: rows.length });

  return (
    <div className="table-wrap board-table-wrap">
      <table className="table board-table">
        <caption className="visually-hidden">
          {bt("board.caption", { unit: unit === "commune" ? bt("col.commune") : bt("col.province") })}
        </caption>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" rowSpan={2} className="col-select no-print">
                <span className="visually-hidden">{bt("col.select")}</span>
              </th>
            ) : null}
            {head("name", { rowSpan: 2, className: "col-name" })}
            <th scope="colgroup" colSpan={4} className="col-group">
              {bt("col.plans")}
            </th>
            <th scope="colgroup" colSpan={4} className="col-group">
              {bt("col.tasks")}
            </th>
            <th scope="colgroup" colSpan={2} className="col-group">
              {bt("col.reports")}
            </th>
            {head("requests", { rowSpan: 2 })}
            {head("activity", { rowSpan: 2 })}
          </tr>
          <tr>
            {ISSUED_PLAN_STATUSES.map((s) => head(s))}
            {TASK_KEYS.map((k) => head(k))}
            {head("previous")}
            {head("next")}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-row-id={r.id} className={selection?.selected.has(r.id) ? "is-selected" : ""}>
              {selection ? (
                <td className="col-select no-print">
                  <input
                    type="checkbox"
                    aria-label={bt("row.select", { name: r.name })}
                    checked={selection.selected.has(r.id)}
                    onChange={() => selection.toggle(r.id)}
                  />
                </td>
              ) : null}
              <th scope="row" className="col-name">
                {canOpen(r.id) ? (
                  <Link
                    to="/communes/$communeId/plans"
                    params={{ communeId: r.id }}
                    className="row-link"
                    title={bt("row.openPlans", { name: r.name })}
                  >
                    {r.name}
                  </Link>
                ) : (
                  <span className="row-name">{r.name}</span>
                )}
                {r.includes.length ? (
                  <span className="board-includes">
                    {bt("row.includes", { names: r.includes.map((u) => u.name).join(", ") })}
                  </span>
                ) : null}
              </th>
              {ISSUED_PLAN_STATUSES.map((s) => (
                <Num key={s} col={s} value={r.plans[s]} />
              ))}
              <Num col="doneOnTime" value={r.tasks.doneOnTime} />
              <Num col="doneLate" value={r.tasks.doneLate} />
              <td className="num" data-col="overdue">
                {r.tasks.overdue > 0 ? (
                  canOpen(r.id) ? (
                    <Link
                      to="/communes/$communeId/tasks"
                      params={{ communeId: r.id }}
                      search={{ view: "overdue" }}
                      className="badge badge-overdue"
                      aria-label={bt("row.openOverdue", { count: r.tasks.overdue, name: r.name })}
                    >
                      {r.tasks.overdue}
                    </Link>
                  ) : (
                    <span className="badge badge-overdue">{r.tasks.overdue}</span>
                  )
                ) : (
                  0
                )}
              </td>
              <Num col="open" value={r.tasks.open} />
              <td data-col="previous">
                <ReportBadge state={r.reports.previous} />
              </td>
              <td data-col="next">
                <ReportBadge state={r.reports.next} />
              </td>
              <Num col="requests" value={r.requestsOpen} />
              <td className="nowrap" data-col="activity">
                {r.lastActivityAt ? formatInstantDate(r.lastActivityAt) : bt("row.never")}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="board-totals">
            {selection ? <td className="no-print" /> : null}
            <th scope="row">{bt("row.totals", { count })}</th>
            {ISSUED_PLAN_STATUSES.map((s) => (
              <Num key={s} col={s} value={totals.plans[s]} />
            ))}
            {TASK_KEYS.map((k) => (
              <Num key={k} col={k} value={totals.tasks[k]} />
            ))}
            <td>
              <ReportCounts counts={totals.reports.previous} />
            </td>
            <td>
              <ReportCounts counts={totals.reports.next} />
            </td>
            <Num col="requests" value={totals.requestsOpen} />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** A figure; `data-col` names its column (the sort key) for anyone reading the page's markup. */
function Num({ col, value }: { col: SortKey; value: number }) {
  return (
    <td className="num" data-col={col}>
      {value}
    </td>
  );
}

function SortHeader({
  label,
  active,
  dir,
  onSort,
  rowSpan,
  className,
}: {
  label: string;
  active: boolean;
  dir: SortDir;
  onSort: () => void;
  rowSpan?: number | undefined;
  className?: string | undefined;
}): ReactNode {
  return (
    <th
      scope="col"
      rowSpan={rowSpan}
      className={className}
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <button type="button" className="sort-button" onClick={onSort}>
        <span>{label}</span>
        <span className="sort-mark" aria-hidden="true">
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

export function ReportBadge({ state }: { state: ReportState }) {
  const { bt } = useBoardI18n();
  return <span className={`badge report-${state}`}>{bt(`report.${state}`)}</span>;
}

function ReportCounts({ counts }: { counts: Record<ReportState, number> }) {
  const { bt } = useBoardI18n();
  const parts = REPORT_STATES.filter((s) => counts[s] > 0);
  return (
    <span className="report-counts">
      {parts.map((s) => (
        <span key={s} className="nowrap">
          {counts[s]} {bt(`report.${s}`).toLowerCase()}
        </span>
      ))}
    </span>
  );
}
