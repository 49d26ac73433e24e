import { scopesQuery, unitsQuery, usersQuery } from "@kehoach/client/admin";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { DataTable } from "../../../components/data-table";
import { useAdminI18n } from "../lib/messages";
import { validityOf } from "../lib/units";
import { AdminPage } from "./admin-page";
import { FormPanel, useFormPanel } from "./form-panel";
import { emptyScopeDraft, type ScopeDraft, ScopeForm, scopeDraftOf } from "./scope-form";
import { ValidityText } from "./unit-bits";

/** /admin/scopes: which oversight body reads which communes, and the form to change that. */
export function ScopesPage() {
  const { t } = useAdminI18n();
  const units = useSuspenseQuery(unitsQuery()).data;
  const scopes = useSuspenseQuery(scopesQuery()).data;
  const users = useQuery(usersQuery()).data;
  const form = useFormPanel<ScopeDraft, { name: string }>(emptyScopeDraft);

  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const rows = useMemo(
    () =>
      [...scopes].sort(
        (a, b) =>
          Number(validityOf(a) === "ended") - Number(validityOf(b) === "ended") ||
          a.name.localeCompare(b.name, "vi"),
      ),
    [scopes],
  );
  const nameOf = (id: string) => byId.get(id)?.name ?? id;

  return (
    <AdminPage title={t("scopes.title")} intro={t("scopes.intro")}>
      <div className="admin-split">
        <div className="admin-split-main">
          {rows.length === 0 ? (
            <p className="empty">{t("scopes.empty")}</p>
          ) : (
            <DataTable
              className="admin-table"
              caption={t("scopes.tableCaption")}
              columns={[
                t("scopes.col.name"),
                t("scopes.col.overseer"),
                t("scopes.col.units"),
                t("common.validity"),
              ]}
              actions={t("common.actions")}
            >
              {rows.map((s) => {
                const overseerUnit = byId.get(s.overseerUnitId);
                // A scope still in force whose overseeing unit has ended (a district after 1/7/2025).
                const overseerEnded =
                  validityOf(s) !== "ended" && overseerUnit && validityOf(overseerUnit) === "ended";
                const accounts = (users ?? []).filter(
                  (u) => u.role === "overseer" && u.unitId === s.overseerUnitId,
                );
                return (
                  <tr
                    key={s.scopeId}
                    data-scope-id={s.scopeId}
                    className={
                      form.mode === "edit" && form.draft.scopeId === s.scopeId ? "row-current" : undefined
                    }
                  >
                    <th scope="row" className="admin-row-head">
                      {s.name}
                      <code className="admin-id">{s.scopeId}</code>
                    </th>
                    <td>
                      {nameOf(s.overseerUnitId)}
                      {overseerEnded ? (
                        <span className="admin-warning">{t("scopes.overseerEnded")}</span>
                      ) : null}
                      <span className="admin-sub">
                        <span className="muted">{t("scopes.col.accounts")}:</span>{" "}
                        {accounts.length
                          ? accounts.map((a) => a.username).join(", ")
                          : t("scopes.noAccounts")}
                      </span>
                    </td>
                    <td>
                      <ul className="admin-inline-list">
                        {[...s.unitIds]
                          .map(nameOf)
                          .sort((a, b) => a.localeCompare(b, "vi"))
                          .map((n) => (
                            <li key={n}>{n}</li>
                          ))}
                      </ul>
                    </td>
                    <td>
                      <ValidityText validFrom={s.validFrom} validTo={s.validTo} bare />
                    </td>
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={t("scopes.editOne", { name: s.name })}
                        onClick={() => form.open("edit", scopeDraftOf(s))}
                      >
                        {t("common.edit")}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
        </div>
        <FormPanel
          panel={form}
          title={form.mode === "edit" ? `${t("scopes.editing")}: ${form.draft.scopeId}` : t("scopes.new")}
          clear={form.mode === "edit" ? t("common.cancelEdit") : undefined}
          savedNote={form.saved && t("scopes.saved", form.saved)}
        >
          <ScopeForm
            key={form.key}
            mode={form.mode}
            initial={form.draft}
            units={units}
            scopes={scopes}
            onSaved={form.done}
          />
        </FormPanel>
      </div>
    </AdminPage>
  );
}
