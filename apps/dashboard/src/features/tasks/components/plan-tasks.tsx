import { planTasksQuery } from "@kehoach/client/tasks";
import type { TaskOut } from "@kehoach/core/task/schema";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import {
  type TaskProgress,
  TaskProgressSummary,
  TaskStatusBadge,
  taskProgressLabel,
} from "../../../components/task-bits";
import { useTasksI18n } from "../lib/i18n";
import { deadlineText, leadOf } from "../lib/task-text";
import "./tasks.css";

/** An issued plan's progress (done / total, overdue) and its tasks, each linking to its page. */
export function PlanTasks({ planId, progress }: { planId: string; progress: TaskProgress }) {
  const { tt, lang } = useTasksI18n();
  const tasks = useQuery(planTasksQuery(planId));
  return (
    <section className="card plan-tasks" aria-labelledby="plan-tasks-title">
      <h2 id="plan-tasks-title" className="card-title">
        {taskProgressLabel(lang)}
      </h2>
      <p className="plan-tasks-summary">
        <TaskProgressSummary progress={progress} bar />
      </p>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} />
      ) : (
        <ul className="plan-task-list">
          {(tasks.data as TaskOut[]).map((t) => (
            <li key={t.taskId} className="plan-task">
              <Link to="/tasks/$seriesId/$taskId" params={{ seriesId: t.seriesId, taskId: t.taskId }}>
                {t.description}
              </Link>
              <span className="plan-task-meta">
                <TaskStatusBadge status={t.status} />
                <span className="muted">
                  {leadOf(t)} · {tt("task.deadline")}: {deadlineText(t, tt)} · {t.progress}%
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
