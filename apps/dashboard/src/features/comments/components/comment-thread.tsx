import { type CommentSubject, usePostComment, useResolveRequest } from "@kehoach/client/comments";
import type { CommentOut, CommentThread } from "@kehoach/core/board/schema";
import { useId, useRef, useState } from "react";
import { formatDateTime } from "../../../lib/format";
import { useCommentsI18n } from "../lib/i18n";
import { TextForm } from "./text-form";

function Head({ c, id }: { c: CommentOut; id?: string }) {
  return (
    <p className="comment-head" id={id}>
      <strong className="comment-author">{c.author.displayName}</strong>{" "}
      <time className="muted" dateTime={c.at}>
        {formatDateTime(c.at)}
      </time>
    </p>
  );
}

/**
 * One thread: the overseer's comment or request (its state marked), the answers under it, and the
 * forms the reader may use — answer, or resolve an open request with a note. Each toggle button
 * opens its form with the focus in the text box; closing puts the focus back on the button.
 */
export function CommentThreadItem({
  thread,
  subject,
  communeId,
  canReply,
  canResolve,
  onDone,
}: {
  thread: CommentThread;
  subject: CommentSubject;
  communeId: string;
  canReply: boolean;
  canResolve: boolean;
  /** Told what happened, in words, for the card's status line. */
  onDone: (message: string) => void;
}) {
  const { ct } = useCommentsI18n();
  const [mode, setMode] = useState<"reply" | "resolve" | null>(null);
  const post = usePostComment(subject, communeId);
  const resolve = useResolveRequest(subject, communeId);
  const replyButton = useRef<HTMLButtonElement>(null);
  const resolveButton = useRef<HTMLButtonElement>(null);
  const headId = useId();
  const formId = useId();
  const open = thread.state === "open";

  const close = (back: React.RefObject<HTMLButtonElement | null>) => {
    setMode(null);
    post.reset();
    resolve.reset();
    requestAnimationFrame(() => back.current?.focus());
  };
  const toggle = (m: "reply" | "resolve") => {
    post.reset();
    resolve.reset();
    setMode((x) => (x === m ? null : m));
  };

  return (
    <li
      id={`comment-${thread.id}`}
      tabIndex={-1}
      className={`comment-thread comment-thread-${thread.kind}${open ? " comment-thread-open" : ""}`}
      aria-labelledby={headId}
    >
      <div className="comment">
        <div className="comment-badges" id={headId}>
          <span className={`badge comment-kind comment-kind-${thread.kind}`}>
            {ct(`kind.${thread.kind}`)}
          </span>
          {thread.state ? (
            <span className={`badge comment-state comment-state-${thread.state}`}>
              {ct(`state.${thread.state}`)}
            </span>
          ) : null}
          <span className="visually-hidden">: {thread.author.displayName}</span>
        </div>
        <Head c={thread} />
        <p className="comment-body">{thread.body}</p>
        {thread.state === "resolved" ? (
          <div className="comment-resolution">
            <p className="comment-resolution-head">
              {ct("thread.resolvedBy", {
                name: thread.resolvedBy?.displayName ?? "",
                at: formatDateTime(thread.resolvedAt),
              })}
            </p>
            <p className="comment-body">{thread.resolution}</p>
          </div>
        ) : null}
      </div>
      {thread.replies.length ? (
        <ol className="comment-replies" aria-label={ct("thread.replies", { count: thread.replies.length })}>
          {thread.replies.map((r) => (
            <li key={r.id} className="comment comment-reply">
              <Head c={r} />
              <p className="comment-body">{r.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {canReply || (canResolve && open) ? (
        <div className="comment-actions">
          {canReply ? (
            <button
              ref={replyButton}
              type="button"
              className="btn btn-small"
              aria-expanded={mode === "reply"}
              aria-controls={mode === "reply" ? formId : undefined}
              aria-describedby={headId}
              onClick={() => toggle("reply")}
            >
              {ct("thread.reply")}
            </button>
          ) : null}
          {canResolve && open ? (
            <button
              ref={resolveButton}
              type="button"
              className="btn btn-small btn-primary"
              aria-expanded={mode === "resolve"}
              aria-controls={mode === "resolve" ? formId : undefined}
              aria-describedby={headId}
              onClick={() => toggle("resolve")}
            >
              {ct("thread.resolve")}
            </button>
          ) : null}
        </div>
      ) : null}
      <div id={formId}>
        {mode === "reply" ? (
          <TextForm
            name="reply"
            label={ct("thread.replyBody")}
            requiredMessage={ct("error.bodyRequired")}
            submitLabel={ct("thread.replySubmit")}
            field="body"
            pending={post.isPending}
            error={post.error}
            autoFocus
            onCancel={() => close(replyButton)}
            onSubmit={async (body) => {
              try {
                await post.mutateAsync({ body, replyTo: thread.id });
              } catch {
                return false;
              }
              onDone(ct("thread.replySent"));
              close(replyButton);
              return true;
            }}
          />
        ) : mode === "resolve" ? (
          <TextForm
            name="resolution"
            label={ct("thread.resolveNote")}
            hint={ct("thread.resolveHint")}
            requiredMessage={ct("error.noteRequired")}
            submitLabel={ct("thread.resolveSubmit")}
            field="note"
            pending={resolve.isPending}
            error={resolve.error}
            autoFocus
            onCancel={() => close(resolveButton)}
            onSubmit={async (note) => {
              try {
                await resolve.mutateAsync({ commentId: thread.id, note });
              } catch {
                return false;
              }
              onDone(ct("thread.resolved"));
              setMode(null);
              // The resolve button is gone with the open state: the thread itself takes the focus.
              requestAnimationFrame(() => document.getElementById(`comment-${thread.id}`)?.focus());
              return true;
            }}
          />
        ) : null}
      </div>
    </li>
  );
}
