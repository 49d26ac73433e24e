import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { formatDateTime } from "../lib/format";
import { ErrorAlert } from "./error-alert";
import { Loading } from "./loading";

/** What every entry of an audit trail (a plan's, a task's) carries. */
export type HistoryEntry = {
  at: string;
  action: string;
  version?: number | undefined;
  actor: string;
  actorName?: string | undefined;
};

/**
 * An audit trail as a card, newest first: loading, its error, "nothing yet", or one list item per
 * entry, whose content the caller writes (`children`), usually a head line, `<HistoryMeta>` and
 * what changed.
 */
export function HistoryCard<E extends HistoryEntry>({
  id,
  title,
  empty,
  history,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  history: UseQueryResult<E[], Error>;
  children: (entry: E) => ReactNode;
}) {
  return (
    <section className="card history" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {title}
      </h2>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorAlert error={history.error} />
      ) : history.data.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ol className="history-list">
          {[...history.data].reverse().map((h) => (
            <li key={`${h.at}-${h.action}-${h.version ?? ""}`} className="history-entry">
              {children(h)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** When, and who (by name, with the account in brackets). */
export function HistoryMeta({ entry }: { entry: HistoryEntry }) {
  return (
    <p className="history-meta">
      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {entry.actorName ?? entry.actor}
      {entry.actorName ? <span className="muted"> ({entry.actor})</span> : null}
    </p>
  );
}
