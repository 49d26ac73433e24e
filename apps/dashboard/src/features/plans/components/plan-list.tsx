import { plansQuery } from "@kehoach/client/plans";
import {
  formatSymbol,
  ISSUED_PLAN_STATUSES,
  PLAN_STATUSES,
  type PlanStatus,
} from "@kehoach/core/plan/schema";
import { useQuery } from "@tanstack/react-query";
import { Link, useRouteContext } from "@tanstack/react-router";
import { useEffect, useId, useState } from "react";
import { DataTable } from "../../../components/data-table";
import { ErrorAlert } from "../../../components/error-alert";
import { SelectField, TextField } from "../../../components/field";
import { NotFoundPage } from "../../../components/not-found-page";
import { TaskProgressSummary } from "../../../components/task-bits";
import { useI18n } from "../../../i18n";
import { isNotFound } from "../../../lib/api-errors";
import { currentYear, formatDate, formatDateTime } from "../../../lib/format";
import { type PlanFilters, planListParams } from "../lib/filters";
import { PlanStatusBadge } from "./plan-status-badge";

const FIRST_YEAR = 2015;
/** Offered in the category box even when the page shows none: the category of the templates and imports. */
const KNOWN_CATEGORIES = ["CCHC"];

const isFiltered = (f: PlanFilters) => Boolean(f.q || f.status || f.year || f.category);

type Props = {
  communeId: string;
  filters: PlanFilters;
  onFiltersChange: (next: PlanFilters) => void;
};

/**
 * A commune's plans: search (diacritics-insensitive on the server), status, year and category
 * filters, and cursor pagination. Changing a filter starts again from the first page.
 */
export function PlanList({ communeId, filters, onFiltersChange }: Props) {
  const categoriesId = useId();
  return (
    <div className="stack">
      <PlanFilterForm filters={filters} onChange={onFiltersChange} categoriesId={categoriesId} />
      <PlanPages
        key={JSON.stringify([communeId, filters.q, filters.status, filters.year, filters.category])}
        communeId={communeId}
        filters={filters}
        categoriesId={categoriesId}
      />
    </div>
  );
}

function PlanFilterForm({
  filters,
  onChange,
  categoriesId,
}: {
  filters: PlanFilters;
  onChange: (f: PlanFilters) => void;
  /** The datalist of categories (the table renders it: it knows the page's plans). */
  categoriesId: string;
}) {
  const { t } = useI18n();
  const { me } = useRouteContext({ from: "/_app" });
  // Overseers see plans from issue onward: a draft or submitted filter would always be empty.
  const statuses: readonly PlanStatus[] = me.role === "overseer" ? ISSUED_PLAN_STATUSES : PLAN_STATUSES;
  const [q, setQ] = useState(filters.q ?? "");
  useEffect(() => setQ(filters.q ?? ""), [filters.q]);
  const [category, setCategory] = useState(filters.category ?? "");
  useEffect(() => setCategory(filters.category ?? ""), [filters.category]);
  const years: string[] = [];
  for (let y = currentYear() + 1; y >= FIRST_YEAR; y--) years.push(String(y));
  if (filters.year && !years.includes(filters.year)) years.push(filters.year);
  // The typed boxes (search, category) apply on submit, and go along when a list changes.
  const typed = () => ({ q: q.trim() || undefined, category: category.trim() || undefined });

  return (
    <search>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ ...filters, ...typed() });
        }}
      >
        <TextField
          label={t("plans.search")}
          className="field-grow"
          type="search"
          name="q"
          value={q}
          placeholder={t("plans.searchPlaceholder")}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          label={t("plans.status")}
          name="status"
          value={filters.status ?? ""}
          onChange={(e) =>
            onChange({
              ...filters,
              ...typed(),
              status: (e.target.value || undefined) as PlanStatus | undefined,
            })
          }
        >
          <option value="">{t("plans.allStatuses")}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("plans.year")}
          name="year"
          value={filters.year ?? ""}
          onChange={(e) => onChange({ ...filters, ...typed(), year: e.target.value || undefined })}
        >
          <option value="">{t("plans.allYears")}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("plans.category")}
          name="category"
          list={categoriesId}
          value={category}
          maxLength={80}
          placeholder={t("plans.allCategories")}
          onChange={(e) => setCategory(e.target.value)}
        />
        <div className="filters-actions">
          <button type="submit" className="btn btn-primary">
            {t("plans.searchSubmit")}
          </button>
          {isFiltered(filters) ? (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                setQ("");
                setCategory("");
                onChange({});
              }}
            >
              {t("plans.clearFilters")}
            </button>
          ) : null}
        </div>
      </form>
    </search>
  );
}

/** The table and its pager; remounted (first page again) whenever the commune or a filter changes. */
function PlanPages({
  communeId,
  filters,
  categoriesId,
}: {
  communeId: string;
  filters: PlanFilters;
  categoriesId: string;
}) {
  const { t } = useI18n();
  // Cursors of the pages visited so far; the last one is the page on screen (undefined = first page).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const query = useQuery(plansQuery(planListParams(communeId, filters, cursors[cursors.length - 1])));

  if (query.isError && isNotFound(query.error)) return <NotFoundPage />;
  if (query.isError) return <ErrorAlert error={query.error} />;

  const items = query.data?.items ?? [];
  const nextCursor = query.data?.cursor ?? null;
  const busy = query.isFetching;
  const categories = [...new Set([...items.flatMap((p) => p.category ?? []), ...KNOWN_CATEGORIES])].sort();

  return (
    <>
      <datalist id={categoriesId}>
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <DataTable
        className="plans-table"
        caption={t("plans.tableCaption")}
        columns={[
          { label: t("plans.col.symbol"), className: "col-symbol" },
          t("plans.col.subject"),
          { label: t("plans.col.status"), className: "col-status" },
          { label: t("plans.col.tasks"), className: "col-tasks" },
          { label: t("plans.col.date"), className: "col-date" },
          { label: t("plans.col.updated"), className: "col-updated" },
        ]}
        loading={query.isPending}
        empty={items.length ? undefined : isFiltered(filters) ? t("plans.emptyFiltered") : t("plans.empty")}
        busy={busy}
        stale={query.isPlaceholderData}
      >
        {items.map((p) => (
          <tr key={p.id} data-plan-id={p.id}>
            <td className="nowrap">{formatSymbol(p.documentNumber) ?? "—"}</td>
            <td>
              <Link to="/plans/$planId" params={{ planId: p.id }} className="row-link">
                {p.subject}
              </Link>
            </td>
            <td>
              <PlanStatusBadge status={p.status} />
            </td>
            <td>{p.taskProgress ? <TaskProgressSummary progress={p.taskProgress} /> : "—"}</td>
            <td className="nowrap">{formatDate(p.date)}</td>
            <td className="nowrap">{formatDateTime(p.updatedAt)}</td>
          </tr>
        ))}
      </DataTable>
      {cursors.length > 1 || nextCursor ? (
        <nav className="pager" aria-label={t("plans.pagination")}>
          <button
            type="button"
            className="btn"
            disabled={cursors.length <= 1 || busy}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            ← {t("plans.prev")}
          </button>
          <span className="pager-page" aria-live="polite">
            {t("plans.page", { page: cursors.length })}
          </span>
          <button
            type="button"
            className="btn"
            disabled={!nextCursor || busy}
            onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
          >
            {t("plans.next")} →
          </button>
        </nav>
      ) : null}
    </>
  );
}
