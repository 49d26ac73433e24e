import { z } from "zod";
import { isCommuneWriter } from "../plan/transitions";
import { mayUpdate } from "../task/schema";
import { cleanText, hasVisibleText } from "../text";

/**
 * Browser-safe: comments (góp ý) and revision requests (yêu cầu chỉnh sửa) from an overseer on a
 * plan or a task, the commune's answers, and who may do what — the server enforces these rules
 * in board/comments.ts, the dashboard uses the same functions to choose which forms to show.
 */

export const COMMENT_KINDS = ["comment", "revision_request"] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** A revision request is open until the commune resolves it; a plain comment has no state. */
export const REQUEST_STATES = ["open", "resolved"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const COMMENT_MAX_LENGTH = 4000;

/**
 * A comment's id begins with the time it was made (UTC, to the millisecond), so the ids of a
 * subject's comments sort by time: `20260610T030000123Z-1f2e3d4c5b6a`.
 */
export const COMMENT_ID = /^\d{8}T\d{9}Z-[0-9a-f]{12}$/;

export const commentId = z
  .string({ message: "Thiếu mã góp ý / Missing the comment id" })
  .regex(COMMENT_ID, { message: "Mã góp ý không hợp lệ / Invalid comment id" });

/** Free text of a comment or a resolution note: composed (NFC), trimmed, 1–4000 characters shown. */
const commentText = (required: string) =>
  z
    .string({ message: required })
    .transform((s) => cleanText(s).trim())
    .pipe(
      z
        .string()
        .max(COMMENT_MAX_LENGTH, {
          message: `Tối đa ${COMMENT_MAX_LENGTH} ký tự / At most ${COMMENT_MAX_LENGTH} characters`,
        })
        .refine(hasVisibleText, { message: required }),
    );

export const commentInput = z
  .object({
    /** A new thread: a comment or a revision request (overseers). A reply is always a comment. */
    kind: z
      .enum(COMMENT_KINDS, {
        message: "Chọn Góp ý hoặc Yêu cầu chỉnh sửa / Choose a comment or a revision request",
      })
      .default("comment"),
    body: commentText("Nhập nội dung góp ý / Write the comment"),
    /** The thread answered (its first comment; an answer to an answer joins the same thread). */
    replyTo: commentId.optional(),
  })
  .refine((c) => !(c.replyTo && c.kind === "revision_request"), {
    path: ["kind"],
    message:
      "Trả lời trong một mục là góp ý, không phải yêu cầu mới / An answer in a thread is a comment, not a new request",
  });
export type CommentInput = z.input<typeof commentInput>;

export const resolveInput = z.object({
  note: commentText(
    "Ghi rõ đã chỉnh sửa gì hoặc vì sao không cần sửa / Say what was revised, or why no revision is needed",
  ),
});
export type ResolveInput = z.input<typeof resolveInput>;

const person = z.object({ username: z.string(), displayName: z.string() });

/** A comment, a revision request or an answer, as the API returns it. */
export const commentOut = z
  .object({
    id: z.string(),
    communeId: z.string(),
    planId: z.string(),
    seriesId: z.string().optional(),
    taskId: z.string().optional(),
    kind: z.enum(COMMENT_KINDS),
    body: z.string(),
    at: z.string(),
    author: person.extend({ role: z.string() }),
    /** The thread's first comment, for an answer. */
    replyTo: z.string().optional(),
    /** Revision requests only. */
    state: z.enum(REQUEST_STATES).optional(),
    resolvedBy: person.optional(),
    resolvedAt: z.string().optional(),
    /** The commune's note on resolving: what was revised, or why nothing needed to be. */
    resolution: z.string().optional(),
  })
  .meta({ id: "Comment" });
export type CommentOut = z.infer<typeof commentOut>;

export const commentThread = commentOut
  .extend({ replies: z.array(commentOut) })
  .meta({ id: "CommentThread" });
export type CommentThread = z.infer<typeof commentThread>;

/** A plan's or a task's threads: open requests first, then the newest first. */
export const commentBoard = z
  .object({
    threads: z.array(commentThread),
    /** Revision requests of this plan or task still open. */
    open: z.number(),
    /** True when only the latest comments are listed (the subject has more than the read limit). */
    truncated: z.boolean(),
  })
  .meta({ id: "CommentBoard" });
export type CommentBoard = z.infer<typeof commentBoard>;

/** An open request in the commune's list: what it is about, so the list reads on its own. */
export const openRequest = commentOut.extend({ subjectTitle: z.string() }).meta({ id: "OpenRequest" });
export type OpenRequest = z.infer<typeof openRequest>;

export const requestsQuery = z.object({
  /** The id of the last request of the previous page. */
  cursor: commentId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type RequestsQuery = z.input<typeof requestsQuery>;

export const requestPage = z
  .object({
    items: z.array(openRequest),
    cursor: z.string().nullable(),
    /** The commune's open requests in all, from its running summary. */
    open: z.number(),
  })
  .meta({ id: "OpenRequestPage" });
export type RequestPage = z.infer<typeof requestPage>;

type Me = {
  role: string;
  unitId?: string | undefined;
  officeId?: string | undefined;
  communeIds: readonly string[];
  /** Communes an overseer reads only as history (an ended scope): no new threads there. */
  historyCommuneIds?: readonly string[] | undefined;
};

/** Overseers whose scope covers the commune open threads: comments and revision requests. */
export function mayStartThread(me: Me, communeId: string) {
  return (
    me.role === "overseer" &&
    me.communeIds.includes(communeId) &&
    !(me.historyCommuneIds ?? []).includes(communeId)
  );
}

/** The commune's staff and leaders answer; the overseer answers back in the same threads. */
export function mayReply(me: Me, communeId: string) {
  return isCommuneWriter(me, communeId) || mayStartThread(me, communeId);
}

/**
 * Who resolves an open request: a leader of the commune; for a request on a task also the staff
 * who may update that task (its lead or partner office — task/schema.ts `mayUpdate`). Never the
 * overseer: the commune answers for its plan.
 */
export function mayResolve(
  me: Me,
  subject: {
    communeId: string;
    task?: { communeId: string; leadOfficeId?: string | undefined; partnerOfficeIds: string[] } | undefined;
  },
) {
  if (me.role === "commune_leader" && me.unitId === subject.communeId) return true;
  return subject.task ? mayUpdate(me, subject.task) : false;
}
