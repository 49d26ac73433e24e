import { todayInVietnam } from "../clock";
import { db } from "../db/entities";
import { notFound } from "../errors";
import { completeTasks, type TaskItem, toTaskOut } from "../task/index";
import type { TaskOut, TaskState } from "../task/schema";

/**
 * A commune's whole task list (every view: open by due date, then done, then cancelled), a page
 * at a time from the commune's task index, for the task-list export.
 */
export const TASK_LIST_ORDER: readonly TaskState[] = ["open", "done", "cancelled"];

export async function communeName(communeId: string): Promise<string> {
  const u = (await db().unit.get({ unitId: communeId }).go()).data;
  if (!u) throw notFound("commune");
  return u.name;
}

export async function* communeTaskPages(
  communeId: string,
  onState?: (done: number, total: number) => Promise<void>,
): AsyncGenerator<TaskOut[]> {
  const summary = (await db().communeSummary.get({ communeId }).go()).data;
  for (const planId of summary?.pendingTaskPlans ?? []) await completeTasks(planId);
  const today = todayInVietnam();
  let states = 0;
  for (const state of TASK_LIST_ORDER) {
    let cursor: string | null = null;
    do {
      const res: { data: unknown[]; cursor: string | null } = await db()
        .task.query.byCommune({ communeId, state })
        .go({ cursor, limit: 500 });
      const page = (res.data as TaskItem[]).filter((t) => t.communeId === communeId && t.state === state);
      if (page.length) yield page.map((t) => toTaskOut(t, today));
      cursor = res.cursor;
    } while (cursor);
    await onState?.(++states, TASK_LIST_ORDER.length);
  }
}
