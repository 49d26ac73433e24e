import { lineageQuery, unitsQuery } from "@kehoach/client/admin";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { DataTable } from "../../../components/data-table";
import { SuccessNote } from "../../../components/error-alert";
import { formatDate } from "../../../lib/format";
import { useAdminI18n } from "../lib/messages";
import { AdminPage } from "./admin-page";
import { LineageForm, type LineageKind } from "./lineage-form";

/** /admin/lineage: why lineage matters, the events recorded so far, and the form to record one. */
export function LineagePage() {
  const { t } = useAdminI18n();
  const units = useSuspenseQuery(unitsQuery()).data;
  const events = useSuspenseQuery(lineageQuery()).data;
  const [saved, setSaved] = useState<{ kind: LineageKind; date: string } | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const formHeadingId = useId();

  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const rows = useMemo(
    () => [...events].sort((a, b) => b.date.localeCompare(a.date) || a.eventId.localeCompare(b.eventId)),
    [events],
  );
  const names = (ids: string[]) => (
    <ul className="admin-inline-list">
      {ids.map((id) => (
        <li key={id}>{byId.get(id)?.name ?? id}</li>
      ))}
    </ul>
  );

  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  return (
    <AdminPage title={t("lineage.title")}>
      <div className="admin-why" role="note">
        <p>{t("lineage.why")}</p>
      </div>
      <div className="stack">
        <DataTable
          className="admin-table"
          caption={t("lineage.tableCaption")}
          columns={[
            t("lineage.col.date"),
            t("lineage.col.kind"),
            t("lineage.col.from"),
            t("lineage.col.to"),
            t("lineage.col.basis"),
          ]}
          empty={rows.length ? undefined : t("lineage.empty")}
        >
          {rows.map((e) => (
            <tr key={e.eventId} data-event-id={e.eventId}>
              <td className="nowrap">{formatDate(e.date)}</td>
              <td>
                <span className={`badge admin-lineage-${e.kind}`}>{t(`lineage.kind.${e.kind}`)}</span>
              </td>
              <td>{names(e.fromUnitIds)}</td>
              <td>{names(e.toUnitIds)}</td>
              <td>{e.legalBasis ?? t("common.none")}</td>
            </tr>
          ))}
        </DataTable>
        <section className="card" aria-labelledby={formHeadingId}>
          <h2 id={formHeadingId} className="card-title">
            {t("lineage.form")}
          </h2>
          {saved ? (
            <div ref={savedRef} tabIndex={-1}>
              <SuccessNote>
                {t("lineage.saved", { kind: t(`lineage.kind.${saved.kind}`), date: formatDate(saved.date) })}
              </SuccessNote>
            </div>
          ) : null}
          <LineageForm units={units} onSaved={setSaved} />
        </section>
      </div>
    </AdminPage>
  );
}
