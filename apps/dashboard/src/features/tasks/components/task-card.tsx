import type { TaskOut } from "@kehoach/core/task/schema";
import { mayUpdate } from "@kehoach/core/task/schema";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { TaskStatusBadge } from "../../../components/task-bits";
import { useTasksI18n } from "../lib/i18n";
import { TaskMeta } from "./task-meta";
import { TaskUpdateForm } from "./task-update-form";

export type Me = { role: string; unit: { id: string } | null; officeId?: string | undefined };

/** One task on the board: what, which plan, who, when, how far — and a quick update for those allowed. */
export function TaskCard({
  task,
  me,
  onSaved,
}: {
  task: TaskOut;
  me: Me;
  /** The board says what was saved: a task marked done leaves the open view, and its card with it. */
  onSaved: (message: string) => void;
}) {
  const { tt } = useTasksI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const canUpdate =
    task.state !== "cancelled" &&
    mayUpdate({ role: me.role, unitId: me.unit?.id, officeId: me.officeId }, task);
  return (
    <li className={`task-card task-card-${task.status}`} data-task-id={task.taskId}>
      <div className="task-card-head">
        <TaskStatusBadge status={task.status} />
        <h3 className="task-card-title">
          <Link to="/tasks/$seriesId/$taskId" params={{ seriesId: task.seriesId, taskId: task.taskId }}>
            {task.description}
          </Link>
        </h3>
      </div>
      <TaskMeta task={task} />
      {canUpdate ? (
        <div className="task-card-update">
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={tt("task.updateFor", { task: task.description.slice(0, 80) })}
            onClick={() => setOpen((o) => !o)}
          >
            {tt("task.update")} {open ? "▴" : "▾"}
          </button>
          <div id={panelId} hidden={!open}>
            {open ? (
              <TaskUpdateForm
                task={task}
                onSaved={(m) => {
                  setOpen(false);
                  onSaved(`${task.description.slice(0, 80)}: ${m}`);
                }}
              />
            ) : null}
          </div>
        </div>
      ) : null}
    </li>
  );
}
