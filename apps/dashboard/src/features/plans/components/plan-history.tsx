import { planHistoryQuery } from "@kehoach/client/plans";
import { locationLabel } from "@kehoach/core/plan/locations";
import type { PlanContent } from "@kehoach/core/plan/schema";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { useI18n } from "../../../i18n";
import { formatDateTime } from "../../../lib/format";

function shortValue(v: unknown, empty: string): string {
  if (v === undefined || v === null || v === "") return empty;
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 140 ? `${s.slice(0, 139)}…` : s;
}

/** The audit trail: who did what and when, with the fields each edit changed. Newest first. */
export function PlanHistory({ planId, plan }: { planId: string; plan?: Partial<PlanContent> | undefined }) {
  const { t, tryT, pick } = useI18n();
  const history = useQuery(planHistoryQuery(planId));

  return (
    <section className="card history" aria-labelledby="history-title">
      <h2 id="history-title" className="card-title">
        {t("history.title")}
      </h2>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorAlert error={history.error} />
      ) : history.data.length === 0 ? (
        <p className="empty">{t("history.empty")}</p>
      ) : (
        <ol className="history-list">
          {[...history.data].reverse().map((h) => {
            const to = h.toStatus ? (tryT(`status.${h.toStatus}`) ?? h.toStatus) : undefined;
            const from = h.fromStatus ? (tryT(`status.${h.fromStatus}`) ?? h.fromStatus) : undefined;
            const statusChange = to ? (from ? `${from} → ${to}` : to) : undefined;
            return (
              <li key={`${h.at}-${h.action}-${h.version ?? ""}`} className="history-entry">
                <p className="history-head">
                  <strong>{tryT(`action.${h.action}`) ?? h.action}</strong>
                  {h.version !== undefined ? (
                    <span className="muted"> · {t("history.version", { version: h.version })}</span>
                  ) : null}
                </p>
                <p className="history-meta">
                  <time dateTime={h.at}>{formatDateTime(h.at)}</time> · {h.actorName ?? h.actor}
                  {h.actorName ? <span className="muted"> ({h.actor})</span> : null}
                </p>
                {statusChange ? <p className="history-status">{statusChange}</p> : null}
                {h.note ? <p className="history-note">{h.note}</p> : null}
                {h.changes?.length ? (
                  <details className="history-changes">
                    <summary>{t("history.changes", { count: h.changes.length })}</summary>
                    <ul>
                      {h.changes.map((c) => (
                        <li key={c.path}>
                          <span className="change-where">{pick(locationLabel(plan, c.path))}</span>
                          <span className="change-from">{shortValue(c.from, t("history.empty.value"))}</span>
                          <span aria-hidden="true"> → </span>
                          <span className="change-to">{shortValue(c.to, t("history.empty.value"))}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
