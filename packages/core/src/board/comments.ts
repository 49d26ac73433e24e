import { randomUUID } from "node:crypto";
import { actor, canRead } from "../actor";
import { now, todayInVietnam } from "../clock";
import { tableName } from "../db/client";
import { db } from "../db/entities";
import { DomainError, forbidden, notFound } from "../errors";
import type { NotificationKind } from "../notifications";
import { getPlan } from "../plan/index";
import { getTask } from "../task/index";
import { NOTIFICATION_TTL_DAYS } from "../task/reminders";
import type { TaskOut } from "../task/schema";
import { parse, validationError } from "../validate";
import { auditKey, type Op, put, rejected, type Subject, update, write } from "../write";
import {
  type CommentBoard,
  type CommentInput,
  type CommentKind,
  type CommentOut,
  type CommentThread,
  commentId as commentIdSchema,
  commentInput,
  mayReply,
  mayResolve,
  mayStartThread,
  type OpenRequest,
  type RequestPage,
  type RequestState,
  type RequestsQuery,
  type ResolveInput,
  requestsQuery,
  resolveInput,
} from "./schema";

/**
 * Comments and revision requests from an overseer on a plan or a task, and the commune's
 * answers. Every post and every resolution is one `write()`: the comment item, its audit record
 * on the plan or task, and the commune's running count of open requests, all or nothing.
 */

/** What a thread is about: a plan, or a task of a plan series. */
export type CommentSubject = { planId: string } | { seriesId: string; taskId: string };

/** How many of a subject's latest comments one read lists. */
export const COMMENTS_READ_LIMIT = 500;

type CommentItem = {
  subjectKey: string;
  commentId: string;
  at: string;
  communeId: string;
  planId: string;
  seriesId?: string;
  taskId?: string;
  subjectTitle: string;
  kind: CommentKind;
  state: RequestState | "-";
  body: string;
  authorUsername: string;
  authorName: string;
  authorRole: string;
  replyTo?: string;
  resolvedBy?: string;
  resolvedByName?: string;
  resolvedAt?: string;
  resolution?: string;
};

type Target = {
  subject: Subject;
  key: string;
  communeId: string;
  planId: string;
  title: string;
  task?: TaskOut;
  /** The plan's or task's own item key: a comment is only written while it exists. */
  itemKey: Record<string, unknown>;
};

const excerpt = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The plan or task, as the caller may see it (404 outside their communes). */
async function target(s: CommentSubject): Promise<Target> {
  if ("taskId" in s) {
    const t = await getTask(s.seriesId, s.taskId);
    return {
      subject: { communeId: t.communeId, seriesId: t.seriesId, taskId: t.taskId },
      key: auditKey({ communeId: t.communeId, seriesId: t.seriesId, taskId: t.taskId }),
      communeId: t.communeId,
      planId: t.planId,
      title: excerpt(t.description, 300),
      task: t,
      itemKey: db().task.get({ seriesId: t.seriesId, taskId: t.taskId }).params().Key,
    };
  }
  const p = await getPlan(s.planId);
  return {
    subject: { communeId: p.communeId, planId: p.id },
    key: p.id,
    communeId: p.communeId,
    planId: p.id,
    title: excerpt(p.subject, 300),
    itemKey: db().plan.get({ planId: p.id }).params().Key,
  };
}

/** A transaction action that holds only while the item exists (a draft may be deleted meanwhile). */
function stillExists(key: Record<string, unknown>): Op {
  return {
    ConditionCheck: {
      TableName: tableName(),
      Key: key,
      ConditionExpression: "attribute_exists(#pk)",
      ExpressionAttributeNames: { "#pk": "pk" },
    },
  };
}

/** A new id: the time to the millisecond, then 48 random bits. */
function newCommentId(at: string) {
  return `${at.replace(/[-:.]/g, "")}-${randomUUID().replace(/-/g, "").slice(0, 12)}`;
}

function toOut(c: CommentItem): CommentOut {
  return {
    id: c.commentId,
    communeId: c.communeId,
    planId: c.planId,
    ...(c.seriesId ? { seriesId: c.seriesId } : {}),
    ...(c.taskId ? { taskId: c.taskId } : {}),
    kind: c.kind,
    body: c.body,
    at: c.at,
    author: { username: c.authorUsername, displayName: c.authorName, role: c.authorRole },
    ...(c.replyTo ? { replyTo: c.replyTo } : {}),
    ...(c.state !== "-" ? { state: c.state } : {}),
    ...(c.resolvedBy ? { resolvedBy: { username: c.resolvedBy, displayName: c.resolvedByName ?? "" } } : {}),
    ...(c.resolvedAt ? { resolvedAt: c.resolvedAt } : {}),
    ...(c.resolution ? { resolution: c.resolution } : {}),
  };
}

/** A plan's or a task's threads: open requests first, then the newest first; answers oldest first. */
export async function listComments(s: CommentSubject): Promise<CommentBoard> {
  const t = await target(s);
  const res = await db()
    .comment.query.bySubject({ subjectKey: t.key })
    .go({ order: "desc", limit: COMMENTS_READ_LIMIT + 1, count: COMMENTS_READ_LIMIT + 1 });
  const items = (res.data as CommentItem[]).slice(0, COMMENTS_READ_LIMIT).reverse();
  const threads = new Map<string, CommentThread>();
  for (const c of items) if (!c.replyTo) threads.set(c.commentId, { ...toOut(c), replies: [] });
  // An answer whose thread began before the read limit is left out with its thread.
  for (const c of items) if (c.replyTo) threads.get(c.replyTo)?.replies.push(toOut(c));
  const isOpen = (x: CommentThread) => (x.state === "open" ? 0 : 1);
  const list = [...threads.values()].sort((a, b) => isOpen(a) - isOpen(b) || b.id.localeCompare(a.id));
  return {
    threads: list,
    open: list.filter((x) => x.state === "open").length,
    truncated: res.data.length > COMMENTS_READ_LIMIT,
  };
}

/** The thread an answer joins: the comment answered, or that comment's own thread. */
async function threadRoot(key: string, replyTo: string): Promise<CommentItem> {
  const answered = (await db().comment.get({ subjectKey: key, commentId: replyTo }).go({ consistent: true }))
    .data as CommentItem | null;
  const root = answered?.replyTo
    ? ((await db().comment.get({ subjectKey: key, commentId: answered.replyTo }).go({ consistent: true }))
        .data as CommentItem | null)
    : answered;
  if (!root) {
    throw validationError([
      {
        path: ["replyTo"],
        message: {
          vi: "Không có góp ý này trên kế hoạch hoặc nhiệm vụ",
          en: "No such comment on this plan or task",
        },
      },
    ]);
  }
  return root;
}

const busy = () =>
  new DomainError(409, "busy", { vi: "Hệ thống đang bận, vui lòng thử lại.", en: "Busy, please retry." });

/**
 * Post on a plan or a task: an overseer in scope opens a thread (a comment or a revision request);
 * the commune's staff and leaders, and the overseer, answer in a thread (`replyTo`).
 */
export async function postComment(s: CommentSubject, input: CommentInput): Promise<CommentOut> {
  const inp = parse(commentInput, input);
  const t = await target(s);
  const me = actor();
  let root: CommentItem | undefined;
  if (inp.replyTo) {
    if (!mayReply(me, t.communeId)) {
      throw forbidden(
        "Chỉ cán bộ, lãnh đạo xã và cơ quan theo dõi trả lời được góp ý.",
        "Only the commune's staff and leaders and its overseer may answer.",
      );
    }
    root = await threadRoot(t.key, inp.replyTo);
  } else if (!mayStartThread(me, t.communeId)) {
    throw forbidden(
      "Xã trả lời trong từng góp ý; chỉ cơ quan theo dõi mở góp ý hoặc yêu cầu chỉnh sửa mới.",
      "The commune answers in a thread; only an overseer starts a comment or a revision request.",
    );
  }
  const at = now().toISOString();
  const isRequest = inp.kind === "revision_request";
  const item: CommentItem = {
    subjectKey: t.key,
    commentId: newCommentId(at),
    at,
    communeId: t.communeId,
    planId: t.planId,
    ...("taskId" in t.subject ? { seriesId: t.subject.seriesId, taskId: t.subject.taskId } : {}),
    subjectTitle: t.title,
    kind: inp.kind,
    state: isRequest ? "open" : "-",
    body: inp.body,
    authorUsername: me.username,
    authorName: me.displayName,
    authorRole: me.role,
    ...(root ? { replyTo: root.commentId } : {}),
  };
  const res = await write({
    subject: t.subject,
    item: put(db().comment.create(item).params()),
    also: [stillExists(t.itemKey)],
    audit: { action: isRequest ? "revision_requested" : "comment", note: inp.body },
    summary: isRequest ? { requestsOpen: 1 } : {},
  });
  if (!res.ok) {
    if (rejected(res, 1)) throw notFound("taskId" in s ? "task" : "plan");
    throw busy();
  }
  await notifyPost(item, root);
  return toOut(item);
}

/**
 * Resolve an open revision request with a note: a leader of the commune, or for a task's request
 * the staff who may update the task. The request's key is in the address: the commune, the plan
 * or task, and the comment's id.
 */
export async function resolveRequest(
  communeId: string,
  s: CommentSubject,
  commentId: string,
  input: ResolveInput,
): Promise<CommentOut> {
  const { note } = parse(resolveInput, input);
  const id = parse(commentIdSchema, commentId);
  if (!canRead(communeId)) throw notFound("comment");
  const t = await target(s);
  const c = (await db().comment.get({ subjectKey: t.key, commentId: id }).go({ consistent: true }))
    .data as CommentItem | null;
  if (!c || c.communeId !== communeId || t.communeId !== communeId) throw notFound("comment");
  if (c.kind !== "revision_request") {
    throw new DomainError(409, "not_a_request", {
      vi: "Đây là góp ý, không phải yêu cầu chỉnh sửa: không cần đánh dấu đã giải quyết.",
      en: "This is a comment, not a revision request: there is nothing to resolve.",
    });
  }
  const me = actor();
  if (!mayResolve(me, { communeId, task: t.task })) {
    throw forbidden(
      "Chỉ lãnh đạo UBND xã (với nhiệm vụ: cả bộ phận chủ trì, phối hợp) đánh dấu yêu cầu đã giải quyết.",
      "Only a commune leader (for a task: also its lead or partner office) may resolve a revision request.",
    );
  }
  const alreadyResolved = (current: CommentItem) =>
    new DomainError(
      409,
      "already_resolved",
      { vi: "Yêu cầu này đã được giải quyết.", en: "This request has already been resolved." },
      { current: toOut(current) },
    );
  if (c.state !== "open") throw alreadyResolved(c);
  const at = now().toISOString();
  const next: CommentItem = {
    ...c,
    state: "resolved",
    resolvedBy: me.username,
    resolvedByName: me.displayName,
    resolvedAt: at,
    resolution: note,
  };
  const res = await write({
    subject: t.subject,
    item: update(
      db()
        .comment.patch({ subjectKey: c.subjectKey, commentId: c.commentId })
        // The commune's id is set again so that the index key follows the state.
        .set({
          state: "resolved",
          communeId: c.communeId,
          resolvedBy: me.username,
          resolvedByName: me.displayName,
          resolvedAt: at,
          resolution: note,
        })
        .where((a, op) => op.eq(a.state, "open"))
        .params(),
    ),
    audit: { action: "revision_resolved", note },
    summary: { requestsOpen: -1 },
  });
  if (!res.ok) {
    if (rejected(res, 0)) {
      const latest = (
        await db().comment.get({ subjectKey: c.subjectKey, commentId: c.commentId }).go({
          consistent: true,
        })
      ).data as CommentItem;
      throw alreadyResolved(latest);
    }
    throw busy();
  }
  await notify([c.authorUsername], "resolved", next, note);
  return toOut(next);
}

/**
 * The commune's open revision requests, the longest waiting first: one bounded query on the
 * requests index, a page at a time (the cursor is the last request's id).
 */
export async function openRequests(communeId: string, query: RequestsQuery): Promise<RequestPage> {
  const q = parse(requestsQuery, query);
  if (!canRead(communeId)) throw notFound("commune");
  const base = db().comment.query.byCommuneState({ communeId, state: "open" });
  const page = q.cursor ? base.gt({ commentId: q.cursor }) : base;
  const res = await page.go({ order: "asc", limit: q.limit + 1, count: q.limit + 1 });
  const items = (res.data as CommentItem[]).filter((c) => c.communeId === communeId);
  const shown = items.slice(0, q.limit);
  const summary = (await db().communeSummary.get({ communeId }).go()).data;
  return {
    items: shown.map((c): OpenRequest => ({ ...toOut(c), subjectTitle: c.subjectTitle })),
    cursor: items.length > q.limit ? (shown.at(-1)?.commentId ?? null) : null,
    open: summary?.requests_open ?? 0,
  };
}

// ---- Notifications: the commune hears of an overseer's thread, an author of the answers to it.

/** The commune's staff and leaders with an active account. */
async function communeAccounts(communeId: string) {
  const res = await db().user.query.byUnit({ unitId: communeId }).go({ pages: "all" });
  return res.data
    .filter((u) => !u.disabled && (u.role === "commune_staff" || u.role === "commune_leader"))
    .map((u) => u.username);
}

async function notifyPost(item: CommentItem, root: CommentItem | undefined) {
  const byOverseer = item.authorRole === "overseer";
  if (!root) {
    await notify(await communeAccounts(item.communeId), item.kind, item, item.body);
    return;
  }
  // An answer reaches the thread's author; the overseer's answers reach the commune as well.
  const to = [root.authorUsername, ...(byOverseer ? await communeAccounts(item.communeId) : [])];
  await notify(to, "reply", item, item.body);
}

/**
 * Leave a notice for each account (never for the writer), linked to the plan or task. The change
 * is saved by then: a notice that fails to be written is logged, not reported as a failed post.
 */
async function notify(usernames: string[], kind: NotificationKind, c: CommentItem, text: string) {
  const me = actor();
  const to = [...new Set(usernames)].filter((u) => u !== me.username);
  if (!to.length) return;
  const at = now();
  const notices = to.map((username) => ({
    username,
    notificationId: `${kind}:${c.commentId}`,
    day: todayInVietnam(at),
    kind,
    communeId: c.communeId,
    planId: c.planId,
    ...(c.seriesId && c.taskId ? { seriesId: c.seriesId, taskId: c.taskId } : {}),
    commentId: c.replyTo ?? c.commentId,
    description: excerpt(text, 300),
    actorName: me.displayName,
    subjectTitle: c.subjectTitle,
    read: false,
    createdAt: at.toISOString(),
    expiresAt: Math.floor(at.getTime() / 1000) + NOTIFICATION_TTL_DAYS * 86400,
  }));
  try {
    await db().notification.put(notices).go();
  } catch (e) {
    console.error(
      JSON.stringify({
        level: "error",
        what: "comment notification",
        commentId: c.commentId,
        err: String(e),
      }),
    );
  }
}
