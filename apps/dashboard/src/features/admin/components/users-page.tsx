import { unitsQuery, usersQuery } from "@kehoach/client/admin";
import { meQuery } from "@kehoach/client/auth";
import { type OfficeId, officeName } from "@kehoach/core/unit/offices";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { DataTable } from "../../../components/data-table";
import { SuccessNote } from "../../../components/error-alert";
import { TextField } from "../../../components/field";
import { formatDateTime } from "../../../lib/format";
import { keepEnter } from "../lib/forms";
import { useAdminI18n } from "../lib/messages";
import { matches } from "../lib/units";
import { AccountStatusDialog } from "./account-status-dialog";
import { AdminPage } from "./admin-page";
import { FormPanel, useFormPanel } from "./form-panel";
import { ThrottlesSection } from "./throttles-section";
import { type AdminUser, emptyUserDraft, ROLES, type UserDraft, UserForm } from "./user-form";

/**
 * /admin/users: every account (disable or enable one from its row), the form that provisions one
 * or resets its password, and the sign-in delays in force.
 */
export function UsersPage() {
  const { t, tApp } = useAdminI18n();
  const users = useSuspenseQuery(usersQuery()).data;
  const units = useSuspenseQuery(unitsQuery()).data;
  const me = useSuspenseQuery(meQuery()).data;
  const [filter, setFilter] = useState("");
  const [confirming, setConfirming] = useState<AdminUser | null>(null);
  const [statusNote, setStatusNote] = useState<{ username: string; disabled: boolean } | null>(null);
  // "edit" is a password reset of the row's account: the form opens in the password field.
  const form = useFormPanel<UserDraft, { username: string; reset: boolean }>(emptyUserDraft);

  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const rows = useMemo(
    () =>
      users
        .map((u) => ({
          ...u,
          unitName: u.unitId ? (byId.get(u.unitId)?.name ?? u.unitId) : "",
          officeName: officeName(u.officeId) ?? "",
        }))
        .filter((u) =>
          matches(filter, u.username, u.displayName, u.unitName, u.officeName, tApp(`role.${u.role}`)),
        )
        .sort(
          (a, b) =>
            ROLES.indexOf(b.role) - ROLES.indexOf(a.role) ||
            a.unitName.localeCompare(b.unitName, "vi") ||
            a.username.localeCompare(b.username),
        ),
    [users, byId, filter, tApp],
  );

  return (
    <AdminPage title={t("users.title")} intro={t("users.intro")}>
      <div className="admin-split">
        <div className="admin-split-main stack">
          <search className="admin-toolbar">
            <TextField
              label={t("users.filter")}
              className="field-grow"
              type="search"
              value={filter}
              placeholder={t("users.filterPlaceholder")}
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={keepEnter}
            />
          </search>
          {statusNote ? (
            <SuccessNote>
              {t(statusNote.disabled ? "users.wasDisabled" : "users.wasEnabled", {
                username: statusNote.username,
              })}
            </SuccessNote>
          ) : null}
          <DataTable
            className="admin-table"
            caption={t("users.tableCaption")}
            columns={[
              t("users.col.username"),
              t("users.col.displayName"),
              t("users.col.role"),
              t("users.col.unit"),
              t("users.col.office"),
              t("users.col.created"),
            ]}
            actions={t("common.actions")}
            empty={rows.length ? undefined : users.length ? t("users.noMatch") : t("users.empty")}
          >
            {rows.map((u) => (
              <tr key={u.username} data-username={u.username}>
                <th scope="row" className="admin-row-head">
                  <code>{u.username}</code>
                  {u.disabled ? <span className="badge admin-badge-ended">{t("users.disabled")}</span> : null}
                </th>
                <td>{u.displayName}</td>
                <td>
                  <span className={`badge admin-role admin-role-${u.role}`}>{tApp(`role.${u.role}`)}</span>
                </td>
                <td>{u.unitName || t("common.none")}</td>
                <td>{u.officeName || t("common.none")}</td>
                <td className="nowrap">
                  <time dateTime={u.createdAt} title={formatDateTime(u.createdAt)}>
                    {formatDateTime(u.createdAt).slice(0, 10)}
                  </time>
                </td>
                <td className="cell-actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={t("users.resetOne", { username: u.username })}
                    onClick={() =>
                      form.open("edit", {
                        username: u.username,
                        displayName: u.displayName,
                        role: u.role,
                        unitId: u.unitId ?? "",
                        officeId: (u.officeId as OfficeId | undefined) ?? "",
                      })
                    }
                  >
                    {t("users.reset")}
                  </button>
                  {u.username === me.username ? null : (
                    <button
                      type="button"
                      className={`btn btn-small${u.disabled ? "" : " btn-danger"}`}
                      aria-label={t(u.disabled ? "users.enableOne" : "users.disableOne", {
                        username: u.username,
                      })}
                      onClick={() => {
                        setStatusNote(null);
                        setConfirming(u);
                      }}
                    >
                      {t(u.disabled ? "users.enable" : "users.disable")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
        <FormPanel
          panel={form}
          title={t("users.form")}
          clear={form.draft.username ? t("users.clearForm") : undefined}
          savedNote={
            form.saved &&
            t(form.saved.reset ? "users.wasReset" : "users.created", { username: form.saved.username })
          }
        >
          <UserForm
            key={form.key}
            initial={form.draft}
            users={users}
            units={units}
            focusPassword={form.mode === "edit"}
            onSaved={form.done}
          />
        </FormPanel>
      </div>
      <AccountStatusDialog
        user={confirming}
        onClose={() => setConfirming(null)}
        onDone={(r) => {
          setConfirming(null);
          setStatusNote(r);
        }}
      />
      <ThrottlesSection />
    </AdminPage>
  );
}
