import { openRequestsQuery } from "@kehoach/client/comments";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId } from "react";
import { formatDateTime } from "../../../lib/format";
import { useCommentsI18n } from "../lib/i18n";
import "./comments.css";

const excerpt = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * What the commune still has to answer: its open revision requests, the longest waiting first,
 * each linking to its thread. Shows nothing while there are none.
 */
export function OpenRequests({ communeId }: { communeId: string }) {
  const { ct } = useCommentsI18n();
  const query = useQuery(openRequestsQuery(communeId));
  const titleId = useId();
  const page = query.data;
  if (!page || page.items.length === 0) return null;
  return (
    <section className="open-requests" aria-labelledby={titleId}>
      <h2 id={titleId} className="open-requests-title">
        {ct("requests.title", { count: page.open })}
      </h2>
      <ul className="open-requests-list">
        {page.items.map((r) => (
          <li key={r.id}>
            <Link
              {...(r.seriesId && r.taskId
                ? { to: "/tasks/$seriesId/$taskId", params: { seriesId: r.seriesId, taskId: r.taskId } }
                : { to: "/plans/$planId", params: { planId: r.planId } })}
              hash={`comment-${r.id}`}
            >
              {excerpt(r.body)}
            </Link>
            <span className="muted">
              {" "}
              · {ct("requests.on", { title: excerpt(r.subjectTitle, 120) })} ·{" "}
              {ct("requests.by", { name: r.author.displayName, at: formatDateTime(r.at) })}
            </span>
          </li>
        ))}
      </ul>
      {page.cursor ? <p className="muted">{ct("requests.more")}</p> : null}
    </section>
  );
}
