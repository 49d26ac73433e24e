import { TASK_STATUS_LABELS, type TaskStatus } from "@kehoach/core/task/schema";
import { createMessages, useI18n, useMessages } from "../i18n";

/**
 * Pieces every task screen shares (the board, the task page, the plan page, the plan list):
 * the QĐ 42 status badge and a plan's task progress. Vietnamese first, like the rest.
 */
const messages = createMessages(
  {
    "progress.label": "Tiến độ nhiệm vụ",
    "progress.done": "{done}/{total} hoàn thành",
    "progress.overdue": "{count} quá hạn",
    "progress.doneLate": "{count} hoàn thành quá hạn",
    "progress.none": "Chưa có nhiệm vụ",
    "progress.percent": "Tiến độ {percent}%",
  },
  {
    "progress.label": "Task progress",
    "progress.done": "{done}/{total} done",
    "progress.overdue": "{count} overdue",
    "progress.doneLate": "{count} done late",
    "progress.none": "No tasks",
    "progress.percent": "Progress {percent}%",
  },
);

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { lang } = useI18n();
  return (
    <span className={`badge task-status task-status-${status}`}>{TASK_STATUS_LABELS[status][lang]}</span>
  );
}

/** A bar with its percentage written beside it (the number is the accessible value). */
export function ProgressBar({ percent }: { percent: number }) {
  const { t } = useMessages(messages);
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <span className="progress">
      <span
        className="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p}
        aria-label={t("progress.percent", { percent: p })}
      >
        <span className="progress-fill" style={{ width: `${p}%` }} />
      </span>
      <span className="progress-value">{p}%</span>
    </span>
  );
}

export type TaskProgress = { total: number; done: number; doneLate: number; overdue: number };

/** "3/7 hoàn thành · 1 quá hạn": a plan's tasks in one line (list cell or plan page). */
export function TaskProgressSummary({ progress, bar = false }: { progress: TaskProgress; bar?: boolean }) {
  const { t } = useMessages(messages);
  if (!progress.total) return <span className="muted">{t("progress.none")}</span>;
  return (
    <span className="task-progress">
      {bar ? <ProgressBar percent={(progress.done / progress.total) * 100} /> : null}
      <span className="task-progress-done">{t("progress.done", progress)}</span>
      {progress.overdue ? (
        <span className="badge badge-overdue">{t("progress.overdue", { count: progress.overdue })}</span>
      ) : null}
      {progress.doneLate ? (
        <span className="muted task-progress-late">
          {t("progress.doneLate", { count: progress.doneLate })}
        </span>
      ) : null}
    </span>
  );
}

export const taskProgressLabel = (lang: "vi" | "en") => messages.translate(lang, "progress.label");
