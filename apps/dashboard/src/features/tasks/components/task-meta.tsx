import type { TaskOut } from "@kehoach/core/task/schema";
import { Link } from "@tanstack/react-router";
import { ProgressBar } from "../../../components/task-bits";
import { useTasksI18n } from "../lib/i18n";
import { deadlineText, leadOf, partnersOf } from "../lib/task-text";

/** What a task is about at a glance: its plan, lead, partners, deadline and progress. */
export function TaskMeta({ task, showPlan = true }: { task: TaskOut; showPlan?: boolean }) {
  const { tt } = useTasksI18n();
  const partners = partnersOf(task);
  return (
    <dl className="task-meta">
      {showPlan ? (
        <div className="task-meta-plan">
          <dt>{tt("task.plan")}</dt>
          <dd>
            <Link to="/plans/$planId" params={{ planId: task.planId }}>
              {task.planSymbol ? `${task.planSymbol} · ` : ""}
              {task.planSubject}
            </Link>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{tt("task.lead")}</dt>
        <dd>{leadOf(task)}</dd>
      </div>
      {partners ? (
        <div>
          <dt>{tt("task.partners")}</dt>
          <dd>{partners}</dd>
        </div>
      ) : null}
      <div>
        <dt>{tt("task.deadline")}</dt>
        <dd className={task.status === "overdue" ? "task-late" : undefined}>
          {deadlineText(task, tt)}
          {task.kind === "de_nghi" ? (
            <span className="chip chip-de_nghi">{tt("task.kind.de_nghi")}</span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{tt("task.progress")}</dt>
        <dd>
          <ProgressBar percent={task.progress} />
        </dd>
      </div>
    </dl>
  );
}
