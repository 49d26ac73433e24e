import type { BoardQuery, TaskUpdateInput } from "@kehoach/core/task/schema";
import {
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import { ApiError, api, unwrap } from "./api";
import { planKeys } from "./plans";

/** The board's filter: a view of the commune's tasks (open, overdue, done, an office's open ones). */
export type BoardParams = { communeId: string } & Pick<BoardQuery, "view" | "officeId" | "limit">;

export const taskKeys = {
  all: ["tasks"] as const,
  boards: ["tasks", "board"] as const,
  board: (p: BoardParams) => ["tasks", "board", p] as const,
  plan: (planId: string) => ["tasks", "plan", planId] as const,
  detail: (seriesId: string, taskId: string) => ["tasks", "detail", seriesId, taskId] as const,
  history: (seriesId: string, taskId: string) => ["tasks", "history", seriesId, taskId] as const,
  calendar: (communeId: string) => ["tasks", "calendar", communeId] as const,
};

/** The commune's board, page by page ("Tải thêm" asks for the next cursor). */
export const boardQuery = (p: BoardParams) =>
  infiniteQueryOptions({
    queryKey: taskKeys.board(p),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.api.communes[":communeId"].tasks.$get({
          param: { communeId: p.communeId },
          query: {
            ...(p.view ? { view: p.view } : {}),
            ...(p.officeId ? { officeId: p.officeId } : {}),
            ...(p.limit ? { limit: String(p.limit) } : {}),
            ...(pageParam ? { cursor: pageParam } : {}),
          } as never,
        }),
      ),
    getNextPageParam: (last) => last.cursor ?? undefined,
  });

/** A commune's overdue open tasks, first 200 (the count the leader sees; the cursor says "more"). */
export const overdueQuery = (communeId: string) =>
  queryOptions({
    queryKey: [...taskKeys.boards, "overdue-count", communeId] as const,
    queryFn: () =>
      unwrap(
        api.api.communes[":communeId"].tasks.$get({
          param: { communeId },
          query: { view: "overdue", limit: "200" } as never,
        }),
      ),
  });

export const planTasksQuery = (planId: string) =>
  queryOptions({
    queryKey: taskKeys.plan(planId),
    queryFn: () => unwrap(api.api.plans[":id"].tasks.$get({ param: { id: planId } })),
  });

export const taskQuery = (seriesId: string, taskId: string) =>
  queryOptions({
    queryKey: taskKeys.detail(seriesId, taskId),
    queryFn: () => unwrap(api.api.tasks[":seriesId"][":taskId"].$get({ param: { seriesId, taskId } })),
  });

export const taskHistoryQuery = (seriesId: string, taskId: string) =>
  queryOptions({
    queryKey: taskKeys.history(seriesId, taskId),
    queryFn: () =>
      unwrap(api.api.tasks[":seriesId"][":taskId"].history.$get({ param: { seriesId, taskId } })),
  });

/** Where a piece of evidence downloads from (same origin; the session cookie goes along). */
export const evidenceUrl = (seriesId: string, taskId: string, evidenceId: string) =>
  `/api/tasks/${encodeURIComponent(seriesId)}/${encodeURIComponent(taskId)}/evidence/${encodeURIComponent(evidenceId)}`;

/** After a task changed: its page, its history, every board, its plan's task list and progress. */
function invalidateTask(qc: QueryClient, seriesId: string, taskId: string, planId?: string) {
  void qc.invalidateQueries({ queryKey: taskKeys.detail(seriesId, taskId) });
  void qc.invalidateQueries({ queryKey: taskKeys.history(seriesId, taskId) });
  void qc.invalidateQueries({ queryKey: taskKeys.boards });
  if (planId) void qc.invalidateQueries({ queryKey: taskKeys.plan(planId) });
  void qc.invalidateQueries({ queryKey: planKeys.all });
}

/** The task someone else saved since it was read (a 409 answer carries it), or undefined. */
export function conflictOf(e: unknown) {
  return e instanceof ApiError && e.status === 409 && e.code === "version_conflict" ? e : undefined;
}

/**
 * A progress update (with its note) at the version read. A 409 `version_conflict` rejects with an
 * ApiError whose `current` is the task as stored: `conflictOf(error)` tells the UI to explain it.
 */
export function useUpdateTask(seriesId: string, taskId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskUpdateInput) =>
      unwrap(
        api.api.tasks[":seriesId"][":taskId"].$patch({ param: { seriesId, taskId }, json: body as never }),
      ),
    onSuccess: (t) => {
      qc.setQueryData(taskKeys.detail(seriesId, taskId), t);
      invalidateTask(qc, seriesId, taskId, t.planId);
    },
    onError: (e) => {
      const conflict = conflictOf(e);
      if (!conflict) return;
      if (conflict.current) qc.setQueryData(taskKeys.detail(seriesId, taskId), conflict.current as never);
      invalidateTask(qc, seriesId, taskId);
    },
  });
}

export function useAddEvidence(seriesId: string, taskId: string) {
  const qc = useQueryClient();
  return useMutation({
    // DOM File vs Node File types differ only in stream typings; the value is the same.
    mutationFn: (file: File) =>
      unwrap(
        api.api.tasks[":seriesId"][":taskId"].evidence.$post({
          param: { seriesId, taskId },
          form: { file: file as never },
        }),
      ),
    onSuccess: (t) => {
      qc.setQueryData(taskKeys.detail(seriesId, taskId), t);
      invalidateTask(qc, seriesId, taskId, t.planId);
    },
  });
}

/** The commune's secret iCalendar feed: whether one is active. */
export const calendarQuery = (communeId: string) =>
  queryOptions({
    queryKey: taskKeys.calendar(communeId),
    queryFn: () => unwrap(api.api.communes[":communeId"].calendar.$get({ param: { communeId } })),
  });

/** A new secret URL (the old one stops working); the URL is only ever shown in this answer. */
export function useCreateCalendar(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.api.communes[":communeId"].calendar.$post({ param: { communeId } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: taskKeys.calendar(communeId) }),
  });
}

export function useRevokeCalendar(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.api.communes[":communeId"].calendar.$delete({ param: { communeId } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: taskKeys.calendar(communeId) }),
  });
}
