import { scopesQuery, unitsQuery, usersQuery } from "@kehoach/client/admin";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { SuccessNote } from "../../../components/error-alert";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useAdminI18n } from "../lib/messages";
import { validityOf } from "../lib/units";
import { emptyScopeDraft, type ScopeDraft, ScopeForm, scopeDraftOf } from "./scope-form";
import { ValidityText } from "./unit-bits";

type FormState = { mode: "create" | "edit"; draft: ScopeDraft; key: number };

/** /admin/scopes: which oversight body reads which communes, and the form to change that. */
export function ScopesPage() {
  const { t } = useAdminI18n();
  useDocumentTitle(t("scopes.title"));
  const units = useSuspenseQuery(unitsQuery()).data;
  const scopes = useSuspenseQuery(scopesQuery()).data;
  const users = useQuery(usersQuery()).data;
  const [form, setForm] = useState<FormState>({ mode: "create", draft: emptyScopeDraft(), key: 0 });
  const [saved, setSaved] = useState<{ name: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

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

  useEffect(() => {
    if (form.key > 0) headingRef.current?.focus();
  }, [form.key]);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const open = (mode: FormState["mode"], draft: ScopeDraft) => {
    setSaved(null);
    setForm((f) => ({ mode, draft, key: f.key + 1 }));
  };

  return (
    <section className="page" aria-labelledby={`${headingId}-page`}>
      <h1 id={`${headingId}-page`}>{t("scopes.title")}</h1>
      <p className="admin-intro">{t("scopes.intro")}</p>
      <div className="admin-split">
        <div className="admin-split-main">
          {rows.length === 0 ? (
            <p className="empty">{t("scopes.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table admin-table">
                <caption className="visually-hidden">{t("scopes.tableCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("scopes.col.name")}</th>
                    <th scope="col">{t("scopes.col.overseer")}</th>
                    <th scope="col">{t("scopes.col.units")}</th>
                    <th scope="col">{t("common.validity")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("common.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
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
                            onClick={() => open("edit", scopeDraftOf(s))}
                          >
                            {t("common.edit")}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <aside className="admin-split-side card" aria-labelledby={headingId}>
          <div className="admin-form-head">
            <h2 id={headingId} tabIndex={-1} ref={headingRef} className="card-title">
              {form.mode === "edit" ? `${t("scopes.editing")}: ${form.draft.scopeId}` : t("scopes.new")}
            </h2>
            {form.mode === "edit" ? (
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => open("create", emptyScopeDraft())}
              >
                {t("common.cancelEdit")}
              </button>
            ) : null}
          </div>
          {saved ? (
            <div ref={savedRef} tabIndex={-1}>
              <SuccessNote>{t("scopes.saved", saved)}</SuccessNote>
            </div>
          ) : null}
          <ScopeForm
            key={form.key}
            mode={form.mode}
            initial={form.draft}
            units={units}
            scopes={scopes}
            onSaved={(s) => {
              setForm((f) => ({ mode: "create", draft: emptyScopeDraft(), key: f.key + 1 }));
              setSaved(s);
            }}
          />
        </aside>
      </div>
    </section>
  );
}
