import type { BoardPeriods, BoardRow } from "@kehoach/client/board";
import { lazy, type ReactNode, Suspense, useDeferredValue, useEffect, useId, useRef, useState } from "react";
import { SelectField, TextField } from "../../../components/field";
import { Loading } from "../../../components/loading";
import { useBoardI18n } from "../lib/i18n";
import { type BoardSearch, firstDir, SHOW, type Show, type SortKey, visibleRows } from "../lib/view";
import { BoardTable, type Selection } from "./board-table";
import "../board.css";

// recharts is large: its chunk is fetched the first time the charts are shown, never before.
const BoardCharts = lazy(() => import("./board-charts"));

type Props = {
  rows: BoardRow[];
  periods: BoardPeriods;
  unit: "commune" | "province";
  search: BoardSearch;
  onSearchChange: (next: BoardSearch) => void;
  selection?: Selection | undefined;
  canOpen?: ((id: string) => boolean) | undefined;
  /** Buttons beside the count (export, print). */
  actions?: ReactNode;
  /** Just above the table (picking communes for a chase-up letter). */
  beforeTable?: ReactNode;
  /** The scope's first day (the report chart starts there). */
  since?: string | undefined;
};

/**
 * A board with its controls: search without diacritics, "show only" filters, sortable columns,
 * the charts on demand — all of it in the address, so a link or a reload shows the same view.
 */
export function BoardView({
  rows,
  periods,
  unit,
  search,
  onSearchChange,
  selection,
  canOpen,
  actions,
  beforeTable,
  since,
}: Props) {
  const { bt, pick } = useBoardI18n();
  const chartsId = useId();
  // The box keeps what is typed (an input method composing "Tứ" must not be interrupted); the
  // address follows it.
  const [q, setQ] = useState(search.q ?? "");
  // What was typed and sent to the address, not yet seen back from it.
  const sent = useRef<(string | undefined)[]>([]);
  useEffect(() => {
    const echo = sent.current.indexOf(search.q);
    if (echo >= 0) sent.current.splice(0, echo + 1);
    else setQ(search.q ?? ""); // a change from elsewhere: the back button, "Xóa bộ lọc"
  }, [search.q]);
  const deferredQ = useDeferredValue(q);
  const shown = visibleRows(rows, { ...search, q: deferredQ });
  const sort = search.sort ?? "name";
  const dir = search.dir ?? firstDir(sort);
  const unitWord = unit === "commune" ? bt("col.commune").toLowerCase() : bt("col.province").toLowerCase();
  const filtered = Boolean(search.q || search.show);

  const onSort = (key: SortKey) => {
    const next = sort === key ? (dir === "asc" ? "desc" : "asc") : firstDir(key);
    const byDefault = key === "name" && next === "asc";
    onSearchChange({ ...search, sort: byDefault ? undefined : key, dir: byDefault ? undefined : next });
  };

  return (
    <div className="stack board-view">
      <search className="no-print">
        <form className="filters board-filters" onSubmit={(e) => e.preventDefault()}>
          <TextField
            label={bt("board.search")}
            hint={bt("board.searchHint")}
            className="field-grow"
            type="search"
            name="q"
            value={q}
            autoComplete="off"
            onChange={(e) => {
              const value = e.target.value.trim() ? e.target.value : undefined;
              setQ(e.target.value);
              sent.current.push(value);
              onSearchChange({ ...search, q: value });
            }}
          />
          <SelectField
            label={bt("board.show")}
            name="show"
            value={search.show ?? ""}
            onChange={(e) =>
              onSearchChange({ ...search, show: (e.target.value || undefined) as Show | undefined })
            }
          >
            <option value="">{bt("board.show.all")}</option>
            {SHOW.map((s) => (
              <option key={s} value={s}>
                {bt(`board.show.${s}`, { period: pick(periods.previous.label) })}
              </option>
            ))}
          </SelectField>
          {filtered ? (
            <div className="filters-actions">
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => {
                  setQ("");
                  sent.current = [];
                  onSearchChange({ ...search, q: undefined, show: undefined });
                }}
              >
                {bt("board.clear")}
              </button>
            </div>
          ) : null}
        </form>
      </search>

      <div className="board-actions no-print">
        <p className="board-count" aria-live="polite">
          {bt("board.shown", { shown: shown.length, total: rows.length, unit: unitWord })}
        </p>
        <div className="board-buttons">
          {actions}
          <button
            type="button"
            className="btn"
            aria-expanded={Boolean(search.charts)}
            aria-controls={chartsId}
            onClick={() => onSearchChange({ ...search, charts: search.charts ? undefined : 1 })}
          >
            {search.charts ? bt("charts.hide") : bt("charts.show")}
          </button>
        </div>
      </div>

      <div id={chartsId}>
        {search.charts ? (
          <Suspense fallback={<Loading />}>
            <BoardCharts rows={shown} periods={periods} unit={unit} since={since} />
          </Suspense>
        ) : null}
      </div>

      {beforeTable}
      {shown.length ? (
        <BoardTable
          rows={shown}
          periods={periods}
          unit={unit}
          sort={sort}
          dir={dir}
          onSort={onSort}
          selection={selection}
          canOpen={canOpen ?? (() => false)}
        />
      ) : (
        <p className="empty">{bt("board.empty")}</p>
      )}
    </div>
  );
}
