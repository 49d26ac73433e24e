import { planHistoryQuery } from "@kehoach/client/plans";
import { locationLabel } from "@kehoach/core/plan/locations";
import type { PlanContent } from "@kehoach/core/plan/schema";
import { useQuery } from "@tanstack/react-query";
import { HistoryCard, HistoryMeta } from "../../../components/history";
import { useI18n } from "../../../i18n";

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
    <HistoryCard id="history-title" title={t("history.title")} empty={t("history.empty")} history={history}>
      {(h) => {
        const to = h.toStatus ? (tryT(`status.${h.toStatus}`) ?? h.toStatus) : undefined;
        const from = h.fromStatus ? (tryT(`status.${h.fromStatus}`) ?? h.fromStatus) : undefined;
        const statusChange = to ? (from ? `${from} → ${to}` : to) : undefined;
        return (
          <>
            <p className="history-head">
              <strong>{tryT(`action.${h.action}`) ?? h.action}</strong>
              {h.version !== undefined ? (
                <span className="muted"> · {t("history.version", { version: h.version })}</span>
              ) : null}
            </p>
            <HistoryMeta entry={h} />
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
          </>
        );
      }}
    </HistoryCard>
  );
}
