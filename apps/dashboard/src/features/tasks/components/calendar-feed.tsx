import { calendarQuery, useCreateCalendar, useRevokeCalendar } from "@kehoach/client/tasks";
import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { formatDateTime } from "../../../lib/format";
import { useTasksI18n } from "../lib/i18n";

/**
 * The commune's secret iCalendar address: create (or replace) it, see it once with a copy button,
 * revoke it. Staff and leaders of the commune only; others see whether one exists.
 */
export function CalendarFeed({ communeId, canManage }: { communeId: string; canManage: boolean }) {
  const { tt } = useTasksI18n();
  const status = useQuery(calendarQuery(communeId));
  const create = useCreateCalendar(communeId);
  const revoke = useRevokeCalendar(communeId);
  const [url, setUrl] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const urlId = useId();
  const busy = create.isPending || revoke.isPending;
  const active = status.data?.active ?? false;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url ?? "");
      setNote(tt("calendar.copied"));
    } catch {
      inputRef.current?.select();
      setNote(tt("calendar.copyFailed"));
    }
  }

  return (
    <section className="card calendar-feed" aria-labelledby="calendar-title">
      <h2 id="calendar-title" className="card-title">
        {tt("calendar.title")}
      </h2>
      <p className="field-hint">{tt("calendar.intro")}</p>
      {status.data ? (
        <p>
          {active && status.data.createdAt
            ? tt("calendar.active", { at: formatDateTime(status.data.createdAt) })
            : tt("calendar.inactive")}
        </p>
      ) : null}
      <ErrorAlert error={status.error ?? create.error ?? revoke.error} />
      {url ? (
        <div className="field">
          <label htmlFor={urlId}>{tt("calendar.url")}</label>
          <div className="calendar-url">
            <input id={urlId} ref={inputRef} readOnly value={url} onFocus={(e) => e.target.select()} />
            <button type="button" className="btn" onClick={() => void copy()}>
              {tt("calendar.copy")}
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" className={note ? "calendar-note" : "visually-hidden"}>
        {note}
      </p>
      {canManage ? (
        <div className="actions calendar-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() =>
              create.mutate(undefined, {
                onSuccess: (r) => {
                  setUrl(r.url);
                  setNote(null);
                  requestAnimationFrame(() => inputRef.current?.focus());
                },
              })
            }
          >
            {active ? tt("calendar.replace") : tt("calendar.create")}
          </button>
          {active ? (
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() =>
                revoke.mutate(undefined, {
                  onSuccess: () => {
                    setUrl(null);
                    setNote(tt("calendar.revoked"));
                  },
                })
              }
            >
              {tt("calendar.revoke")}
            </button>
          ) : null}
        </div>
      ) : (
        <p className="muted">{tt("calendar.readOnly")}</p>
      )}
    </section>
  );
}
