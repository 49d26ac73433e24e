import { evidenceUrl, taskQuery } from "@kehoach/client/tasks";
import { mayUpdate, type TaskOut } from "@kehoach/core/task/schema";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { TaskStatusBadge } from "../../../components/task-bits";
import { formatDate, formatDateTime } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useTasksI18n } from "../lib/i18n";
import type { Me } from "./task-card";
import { TaskHistory } from "./task-history";
import { TaskMeta } from "./task-meta";
import { TaskUpdateForm } from "./task-update-form";
import "./tasks.css";

const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** /tasks/{seriesId}/{taskId}: the task, its evidence, the update form (if allowed) and its history. */
export function TaskDetails({
  seriesId,
  taskId,
  me,
  after,
}: {
  seriesId: string;
  taskId: string;
  me: Me;
  /** What the page composes below the task's own cards (the comment board). */
  after?: (task: TaskOut) => ReactNode;
}) {
  const { tt } = useTasksI18n();
  const task = useSuspenseQuery(taskQuery(seriesId, taskId)).data as TaskOut;
  useDocumentTitle(task.description.slice(0, 60));
  const canUpdate =
    task.state !== "cancelled" &&
    mayUpdate({ role: me.role, unitId: me.unit?.id, officeId: me.officeId }, task);

  return (
    <div className="page task-page stack">
      <p className="no-print">
        <Link to="/communes/$communeId/tasks" params={{ communeId: task.communeId }} className="back-link">
          ← {tt("task.backToBoard")}
        </Link>
      </p>
      <header className="task-page-head">
        <TaskStatusBadge status={task.status} />
        <h1 className="task-page-title">{task.description}</h1>
      </header>
      <div className="task-page-layout">
        <div className="stack">
          <section className="card" aria-labelledby="task-facts-title">
            <h2 id="task-facts-title" className="card-title">
              {tt("task.details")}
            </h2>
            <TaskMeta task={task} />
            <dl className="task-meta">
              <div>
                <dt>{tt("task.assignment")}</dt>
                <dd>{task.assignmentUnit}</dd>
              </div>
              <div>
                <dt>{tt("task.kind")}</dt>
                <dd>{tt(`task.kind.${task.kind}`)}</dd>
              </div>
              {task.completedOn ? (
                <div>
                  <dt>{tt("task.completedOn")}</dt>
                  <dd>{formatDate(task.completedOn)}</dd>
                </div>
              ) : null}
              {task.lastNote ? (
                <div>
                  <dt>{tt("task.lastNote")}</dt>
                  <dd>{task.lastNote}</dd>
                </div>
              ) : null}
            </dl>
          </section>
          <section className="card" aria-labelledby="task-evidence-title">
            <h2 id="task-evidence-title" className="card-title">
              {tt("evidence.title")}
            </h2>
            {task.evidence.length === 0 ? (
              <p className="empty">{tt("evidence.empty")}</p>
            ) : (
              <ul className="evidence-list">
                {task.evidence.map((e) => (
                  <li key={e.evidenceId}>
                    <a href={evidenceUrl(task.seriesId, task.taskId, e.evidenceId)} download={e.name}>
                      {e.name}
                    </a>{" "}
                    <span className="muted">
                      ({size(e.size)}) · {tt("evidence.by", { by: e.by, at: formatDateTime(e.at) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="task-update-title">
            <h2 id="task-update-title" className="card-title">
              {tt("task.update")}
            </h2>
            {canUpdate ? (
              <TaskUpdateForm key={task.taskId} task={task} />
            ) : (
              <p className="muted">{tt("task.readOnly")}</p>
            )}
          </section>
          {after?.(task)}
        </div>
        <TaskHistory seriesId={task.seriesId} taskId={task.taskId} />
      </div>
    </div>
  );
}
