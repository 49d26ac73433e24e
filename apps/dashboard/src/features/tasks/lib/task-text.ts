import type { TaskOut } from "@kehoach/core/task/schema";
import { officeName, officeOf } from "@kehoach/core/unit/offices";
import { formatDate } from "../../../lib/format";
import type { TasksKey } from "./i18n";

type T = (key: TasksKey, vars?: Record<string, string | number>) => string;

/** The office as the commune's list names it, else the plan's own words. */
export const unitName = (text: string) => officeName(officeOf(text)) ?? text;

export const leadOf = (task: TaskOut) =>
  officeName(task.leadOfficeId) ?? unitName(task.leadUnit ?? task.assignmentUnit);

export const partnersOf = (task: TaskOut) => task.partnerUnits.map(unitName).join(", ");

/** dd/mm/yyyy, or how the plan put it ("3 ngày trước sự kiện") when it has no date yet. */
export function deadlineText(task: TaskOut, tt: T) {
  if (task.deadline) return formatDate(task.deadline);
  const d = task.deadlineDaysFromEvent;
  if (d === undefined) return tt("task.noDeadline");
  if (d === 0) return tt("task.relative.same");
  return d < 0 ? tt("task.relative.before", { days: -d }) : tt("task.relative.after", { days: d });
}

/** The group a task falls in on the board when grouped by deadline. */
export type Bucket = "overdue" | "week" | "later" | "none" | "done";
export const BUCKETS: Bucket[] = ["overdue", "week", "later", "none", "done"];

export function bucketOf(task: TaskOut, today: string): Bucket {
  if (task.state !== "open") return "done";
  if (task.status === "overdue") return "overdue";
  if (!task.deadline || task.kind !== "giao") return "none";
  const week = new Date(`${today}T00:00:00Z`);
  week.setUTCDate(week.getUTCDate() + 7);
  return task.deadline <= week.toISOString().slice(0, 10) ? "week" : "later";
}

/** Today in Vietnam, YYYY-MM-DD (the same day the server computes statuses for). */
export const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
