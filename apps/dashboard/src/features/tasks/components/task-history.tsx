import { taskHistoryQuery } from "@kehoach/client/tasks";
import { useQuery } from "@tanstack/react-query";
import { HistoryCard, HistoryMeta } from "../../../components/history";
import { formatDate } from "../../../lib/format";
import { type TasksKey, useTasksI18n } from "../lib/i18n";

type Change = { path: string; from?: unknown; to?: unknown };

/** A task's history, newest first: who, when, the note, and what changed in words. */
export function TaskHistory({ seriesId, taskId }: { seriesId: string; taskId: string }) {
  const { tt } = useTasksI18n();
  const history = useQuery(taskHistoryQuery(seriesId, taskId));

  const stateWord = (v: unknown) =>
    typeof v === "string" && ["open", "done", "cancelled"].includes(v)
      ? tt(`history.state.${v}` as TasksKey)
      : "—";
  // Only the changes a person understands, in words — never the stored field names.
  const describe = (c: Change) => {
    if (c.path === "progress")
      return tt("history.change.progress", {
        from: typeof c.from === "number" ? `${c.from}%` : "—",
        to: typeof c.to === "number" ? `${c.to}%` : "—",
      });
    if (c.path === "state")
      return tt("history.change.state", { from: stateWord(c.from), to: stateWord(c.to) });
    if (c.path === "completedOn")
      return tt("history.change.completedOn", {
        from: typeof c.from === "string" ? formatDate(c.from) : "—",
        to: typeof c.to === "string" ? formatDate(c.to) : "—",
      });
    return undefined;
  };

  return (
    <HistoryCard
      id="task-history-title"
      title={tt("history.title")}
      empty={tt("history.empty")}
      history={history}
    >
      {(h) => {
        const known = [
          "task_update",
          "evidence_added",
          "tasks_created",
          "comment",
          "revision_requested",
          "revision_resolved",
        ].includes(h.action);
        const changes = (h.changes ?? []).map(describe).filter((s): s is string => Boolean(s));
        return (
          <>
            <p className="history-head">
              <strong>{known ? tt(`history.${h.action}` as TasksKey) : tt("history.other")}</strong>
            </p>
            <HistoryMeta entry={h} />
            {changes.length ? (
              <ul className="task-history-changes">
                {changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : null}
            {h.note && h.action === "evidence_added" ? (
              <p className="history-note">{tt("history.file", { name: h.note })}</p>
            ) : h.note && h.action === "task_update" ? (
              <p className="history-note">{h.note}</p>
            ) : null}
          </>
        );
      }}
    </HistoryCard>
  );
}
