import type { CommentBoard, CommentInput, CommentOut, RequestPage } from "@kehoach/core/board/schema";
import { type QueryClient, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "./api";
import { notificationKeys } from "./notifications";
import { planKeys } from "./plans";
import { taskKeys } from "./tasks";

/** What a thread is about: a plan, or a task of a plan series. */
export type CommentSubject = { planId: string } | { seriesId: string; taskId: string };

const subjectKey = (s: CommentSubject) => ("taskId" in s ? `${s.seriesId}/${s.taskId}` : s.planId);

export const commentKeys = {
  all: ["comments"] as const,
  subject: (s: CommentSubject) => ["comments", "subject", subjectKey(s)] as const,
  requests: (communeId: string) => ["comments", "requests", communeId] as const,
};

/** A plan's or a task's threads: open requests first, then the newest. */
export const commentsQuery = (s: CommentSubject) =>
  queryOptions({
    queryKey: commentKeys.subject(s),
    queryFn: async (): Promise<CommentBoard> =>
      "taskId" in s
        ? unwrap(
            api.api.tasks[":seriesId"][":taskId"].comments.$get({
              param: { seriesId: s.seriesId, taskId: s.taskId },
            }),
          )
        : unwrap(api.api.plans[":planId"].comments.$get({ param: { planId: s.planId } })),
  });

/** The commune's open revision requests, the longest waiting first (the first page). */
export const openRequestsQuery = (communeId: string) =>
  queryOptions({
    queryKey: commentKeys.requests(communeId),
    queryFn: (): Promise<RequestPage> =>
      unwrap(api.api.communes[":communeId"].requests.$get({ param: { communeId }, query: {} })),
  });

/** After a post or a resolution: the threads, the commune's requests, the subject's history, my notices. */
function invalidate(qc: QueryClient, s: CommentSubject, communeId: string) {
  void qc.invalidateQueries({ queryKey: commentKeys.subject(s) });
  void qc.invalidateQueries({ queryKey: commentKeys.requests(communeId) });
  void qc.invalidateQueries({
    queryKey: "taskId" in s ? taskKeys.history(s.seriesId, s.taskId) : planKeys.history(s.planId),
  });
  void qc.invalidateQueries({ queryKey: notificationKeys.all });
}

/** Open a thread (an overseer: a comment or a revision request) or answer in one (`replyTo`). */
export function usePostComment(s: CommentSubject, communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CommentInput): Promise<CommentOut> =>
      "taskId" in s
        ? unwrap(
            api.api.tasks[":seriesId"][":taskId"].comments.$post({
              param: { seriesId: s.seriesId, taskId: s.taskId },
              json: body as never,
            }),
          )
        : unwrap(
            api.api.plans[":planId"].comments.$post({ param: { planId: s.planId }, json: body as never }),
          ),
    onSuccess: () => invalidate(qc, s, communeId),
  });
}

/** Resolve an open revision request with a note (a 409 `already_resolved` carries it as stored). */
export function useResolveRequest(s: CommentSubject, communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, note }: { commentId: string; note: string }): Promise<CommentOut> =>
      "taskId" in s
        ? unwrap(
            api.api.comments[":communeId"][":seriesId"][":taskId"][":commentId"].resolve.$post({
              param: { communeId, seriesId: s.seriesId, taskId: s.taskId, commentId },
              json: { note },
            }),
          )
        : unwrap(
            api.api.comments[":communeId"][":planId"][":commentId"].resolve.$post({
              param: { communeId, planId: s.planId, commentId },
              json: { note },
            }),
          ),
    onSettled: () => invalidate(qc, s, communeId),
  });
}
