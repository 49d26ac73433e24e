import { boardQuery, overdueQuery } from "@kehoach/client/tasks";
import type { TaskOut } from "@kehoach/core/task/schema";
import { officeName } from "@kehoach/core/unit/offices";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { BOARD_PAGE, BOARD_VIEWS, type BoardFilters, type BoardGroup } from "../lib/board";
import { type TasksKey, useTasksI18n } from "../lib/i18n";
import { BUCKETS, type Bucket, bucketOf, leadOf, vnToday } from "../lib/task-text";
import { type Me, TaskCard } from "./task-card";
import "./tasks.css";

/** The overdue count of a commune (one bounded query; 200+ when there are more). */
export function useOverdueCount(communeId: string) {
  const q = useQuery({
    ...overdueQuery(communeId),
    select: (d) => ({ count: d.items.length, more: Boolean(d.cursor) }),
  });
  return q.data;
}

/**
 * The commune's task board: open, overdue or done tasks, grouped by office or by deadline with
 * overdue work first, "my office" for staff, and "Tải thêm" for the next page of the API's cursor.
 */
export function TaskBoard({
  communeId,
  me,
  filters,
  onFiltersChange,
}: {
  communeId: string;
  me: Me;
  filters: BoardFilters;
  onFiltersChange: (f: BoardFilters) => void;
}) {
  const { tt } = useTasksI18n();
  const query = useInfiniteQuery(boardQuery({ communeId, view: filters.view, limit: BOARD_PAGE }));
  const overdue = useOverdueCount(communeId);
  const myOffice = me.officeId ? officeName(me.officeId) : undefined;
  const ids = { view: useId(), group: useId() };
  const [saved, setSaved] = useState<string | null>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const onSaved = (message: string) => {
    setSaved(message);
    // The card may be gone from this view (done, or no longer overdue): continue from the message.
    requestAnimationFrame(() => savedRef.current?.focus());
  };

  // "My office": the tasks it leads or partners on — the ones its staff may update (the API's
  // office view lists only those it leads).
  const mine = (t: TaskOut) =>
    !filters.mine ||
    !me.officeId ||
    t.leadOfficeId === me.officeId ||
    t.partnerOfficeIds.includes(me.officeId);
  const items = (query.data?.pages ?? []).flatMap((p) => p.items).filter(mine);

  return (
    <div className="stack task-board">
      <p className="task-overdue-line" aria-live="polite">
        {overdue === undefined ? null : overdue.count ? (
          <span className="badge badge-overdue task-overdue-count">
            {tt("tasks.overdueCount", { count: `${overdue.count}${overdue.more ? "+" : ""}` })}
          </span>
        ) : (
          <span className="muted">{tt("tasks.noOverdue")}</span>
        )}
      </p>
      <search>
        <form className="filters task-filters" onSubmit={(e) => e.preventDefault()}>
          <fieldset className="segmented">
            <legend id={ids.view}>{tt("tasks.view")}</legend>
            {BOARD_VIEWS.map((v) => (
              <label key={v} className="segmented-option">
                <input
                  type="radio"
                  name="view"
                  value={v}
                  checked={filters.view === v}
                  onChange={() => onFiltersChange({ ...filters, view: v })}
                />
                <span>{tt(`tasks.view.${v}`)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="segmented">
            <legend id={ids.group}>{tt("tasks.group")}</legend>
            {(["office", "deadline"] as const).map((g) => (
              <label key={g} className="segmented-option">
                <input
                  type="radio"
                  name="group"
                  value={g}
                  checked={filters.group === g}
                  onChange={() => onFiltersChange({ ...filters, group: g })}
                />
                <span>{tt(`tasks.group.${g}`)}</span>
              </label>
            ))}
          </fieldset>
          {myOffice ? (
            <label className="check task-mine">
              <input
                type="checkbox"
                name="mine"
                checked={filters.mine}
                onChange={(e) => onFiltersChange({ ...filters, mine: e.target.checked })}
              />
              <span>
                {tt("tasks.mine")} <span className="muted">({myOffice})</span>
              </span>
            </label>
          ) : null}
        </form>
      </search>

      <p
        ref={savedRef}
        tabIndex={-1}
        role="status"
        className={saved ? "alert alert-success" : "visually-hidden"}
      >
        {saved}
      </p>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} />
      ) : items.length === 0 ? (
        <p className="empty">{filters.mine && myOffice ? tt("tasks.emptyMine") : tt("tasks.empty")}</p>
      ) : (
        <Groups items={items} group={filters.group} me={me} onSaved={onSaved} />
      )}

      {query.hasNextPage ? (
        <p className="task-more">
          <button
            type="button"
            className="btn"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {query.isFetchingNextPage ? tt("tasks.loading") : tt("tasks.loadMore")}
          </button>
        </p>
      ) : null}
    </div>
  );
}

type Group = { key: string; title: string; items: TaskOut[]; first: string };

const rank = (t: TaskOut) => (t.status === "overdue" ? 0 : 1);
const due = (t: TaskOut) => (t.kind === "giao" && t.deadline ? t.deadline : "9999-12-31");
const byUrgency = (a: TaskOut, b: TaskOut) => rank(a) - rank(b) || due(a).localeCompare(due(b));

function Groups({
  items,
  group,
  me,
  onSaved,
}: {
  items: TaskOut[];
  group: BoardGroup;
  me: Me;
  onSaved: (message: string) => void;
}) {
  const { tt } = useTasksI18n();
  const base = useId();
  const today = vnToday();
  const groups = new Map<string, Group>();
  for (const t of items) {
    const key = group === "office" ? (t.leadOfficeId ?? `unit:${leadOf(t)}`) : bucketOf(t, today);
    const title = group === "office" ? leadOf(t) : tt(`tasks.bucket.${key as Bucket}` as TasksKey);
    const g = groups.get(key) ?? { key, title, items: [], first: "" };
    g.items.push(t);
    groups.set(key, g);
  }
  const list = [...groups.values()].map((g) => {
    g.items.sort(byUrgency);
    const head = g.items[0];
    g.first = head ? `${rank(head)}${due(head)}` : "";
    return g;
  });
  // Offices with overdue work first, then by their nearest deadline; deadline groups in time order.
  if (group === "office")
    list.sort((a, b) => a.first.localeCompare(b.first) || a.title.localeCompare(b.title, "vi"));
  else list.sort((a, b) => BUCKETS.indexOf(a.key as Bucket) - BUCKETS.indexOf(b.key as Bucket));

  return (
    <div className="task-groups">
      {list.map((g, i) => (
        <section key={g.key} className="task-group" aria-labelledby={`${base}-${i}`}>
          <h2 id={`${base}-${i}`} className="task-group-title">
            {g.title}{" "}
            <span className="muted task-group-count">({tt("tasks.count", { count: g.items.length })})</span>
          </h2>
          <ul className="task-list">
            {g.items.map((t) => (
              <TaskCard key={`${t.seriesId}/${t.taskId}`} task={t} me={me} onSaved={onSaved} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
