import { throttlesQuery, useLiftThrottle } from "@kehoach/client/admin";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { DataTable } from "../../../components/data-table";
import { ErrorAlert, SuccessNote } from "../../../components/error-alert";
import { formatDateTime } from "../../../lib/format";
import { useAdminI18n } from "../lib/messages";

/** Who is being slowed down at sign-in (per account and per address), and a way to lift it. */
export function ThrottlesSection() {
  const { t } = useAdminI18n();
  const headingId = useId();
  const throttles = useQuery(throttlesQuery());
  const lift = useLiftThrottle();
  const [lifted, setLifted] = useState<string | null>(null);
  const rows = throttles.data ?? [];

  return (
    <section className="stack admin-throttles" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("throttles.title")}</h2>
      <p className="admin-intro">{t("throttles.intro")}</p>
      <ErrorAlert error={throttles.error ?? lift.error} />
      {lifted ? <SuccessNote>{t("throttles.lifted", { subject: lifted })}</SuccessNote> : null}
      <DataTable
        className="admin-table"
        caption={t("throttles.caption")}
        columns={[
          t("throttles.col.kind"),
          t("throttles.col.subject"),
          t("throttles.col.failures"),
          t("throttles.col.last"),
          t("throttles.col.wait"),
        ]}
        actions={t("common.actions")}
        loading={throttles.isPending}
        busy={throttles.isFetching}
        empty={rows.length ? undefined : t("throttles.empty")}
      >
        {rows.map((r) => (
          <tr key={`${r.kind}:${r.subject}`} data-throttle={`${r.kind}:${r.subject}`}>
            <td>{t(`throttles.kind.${r.kind}`)}</td>
            <th scope="row" className="admin-row-head">
              <code>{r.subject}</code>
            </th>
            <td>{r.failures}</td>
            <td className="nowrap">
              <time dateTime={r.lastFailureAt}>{formatDateTime(r.lastFailureAt)}</time>
            </td>
            <td>
              {r.retryAfter > 0
                ? t("throttles.waitSeconds", { seconds: r.retryAfter })
                : t("throttles.waitNone")}
            </td>
            <td className="cell-actions">
              <button
                type="button"
                className="btn btn-small"
                disabled={lift.isPending}
                aria-label={t("throttles.liftOne", { subject: r.subject })}
                onClick={() =>
                  lift.mutate({ kind: r.kind, subject: r.subject }, { onSuccess: () => setLifted(r.subject) })
                }
              >
                {t("throttles.lift")}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
