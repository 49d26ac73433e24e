import { type CommentSubject, commentsQuery } from "@kehoach/client/comments";
import { mayReply, mayResolve, mayStartThread } from "@kehoach/core/board/schema";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { useCommentsI18n } from "../lib/i18n";
import { CommentThreadItem } from "./comment-thread";
import { NewThreadForm } from "./new-thread-form";
import "./comments.css";

export type CommentsMe = {
  role: string;
  unit: { id: string } | null;
  officeId?: string | undefined;
  communes: { id: string; history?: boolean | undefined }[];
};

/**
 * "Góp ý và yêu cầu chỉnh sửa" on a plan or a task page: the threads (open requests first and
 * marked), the overseer's form, and for the commune the answer and resolve forms — whichever the
 * reader may use (board/schema.ts rules, the same the server enforces). A notification's link
 * (#comment-<id>) scrolls to its thread and puts the focus there.
 */
export function CommentsCard({
  subject,
  communeId,
  me,
  task,
}: {
  subject: CommentSubject;
  communeId: string;
  me: CommentsMe;
  /** On a task page: who leads and partners, for who may resolve its requests. */
  task?: { communeId: string; leadOfficeId?: string | undefined; partnerOfficeIds: string[] } | undefined;
}) {
  const { ct } = useCommentsI18n();
  const query = useQuery(commentsQuery(subject));
  const [status, setStatus] = useState("");
  const titleId = useId();
  const who = {
    role: me.role,
    unitId: me.unit?.id,
    officeId: me.officeId,
    communeIds: me.communes.map((c) => c.id),
    historyCommuneIds: me.communes.filter((c) => c.history).map((c) => c.id),
  };
  const canStart = mayStartThread(who, communeId);
  const canReply = mayReply(who, communeId);
  const canResolve = mayResolve(who, { communeId, task });
  const focused = useRef(false);

  useEffect(() => {
    if (!query.data || focused.current) return;
    const target = window.location.hash.slice(1);
    if (target !== "comments" && !target.startsWith("comment-")) return;
    const el = document.getElementById(target);
    if (!el) return;
    focused.current = true;
    el.scrollIntoView({ block: "start" });
    el.focus({ preventScroll: true });
  }, [query.data]);

  const open = query.data?.open ?? 0;
  return (
    <section id="comments" tabIndex={-1} className="card comments" aria-labelledby={titleId}>
      <div className="comments-head">
        <h2 id={titleId} className="card-title">
          {ct("comments.title")}
        </h2>
        {open ? (
          <span className="badge comment-state-open comments-open-count">
            {ct("comments.openCount", { count: open })}
          </span>
        ) : null}
      </div>
      <p className="muted comments-intro">
        {ct(canStart ? "comments.intro.overseer" : "comments.intro.commune")}
      </p>
      {canStart ? <NewThreadForm subject={subject} communeId={communeId} onSent={setStatus} /> : null}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} />
      ) : query.data.threads.length === 0 ? (
        <p className="empty">{ct("comments.empty")}</p>
      ) : (
        <ol className="comment-threads" aria-label={ct("comments.list")}>
          {query.data.threads.map((t) => (
            <CommentThreadItem
              key={t.id}
              thread={t}
              subject={subject}
              communeId={communeId}
              canReply={canReply}
              canResolve={canResolve}
              onDone={setStatus}
            />
          ))}
        </ol>
      )}
      {query.data?.truncated ? <p className="muted">{ct("comments.truncated")}</p> : null}
      <p role="status" className={status ? "comments-status" : "visually-hidden"}>
        {status}
      </p>
    </section>
  );
}
