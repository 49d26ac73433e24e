import { useCreateUser } from "@kehoach/client/admin";
import { OFFICES, type OfficeId } from "@kehoach/core/unit/offices";
import type { UnitKind } from "@kehoach/core/unit/schema";
import { useState } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { SelectField, TextField } from "../../../components/field";
import { useFieldErrors, useFormValues, useSubmitCycle } from "../lib/forms";
import { useAdminI18n } from "../lib/messages";
import type { AdminUnit } from "../lib/units";
import { UnitSelect } from "./unit-bits";

export const ROLES = ["commune_staff", "commune_leader", "overseer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type AdminUser = {
  username: string;
  displayName: string;
  role: Role;
  unitId?: string | undefined;
  officeId?: string | undefined;
  disabled: boolean;
  createdAt: string;
};

export type UserDraft = {
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  /** Commune staff: their office ("" = none yet). */
  officeId: OfficeId | "";
};

export const emptyUserDraft = (): UserDraft => ({
  username: "",
  displayName: "",
  role: "commune_staff",
  unitId: "",
  officeId: "",
});

const UNIT_KINDS_FOR: Record<Role, readonly UnitKind[]> = {
  commune_staff: ["commune"],
  commune_leader: ["commune"],
  overseer: ["province", "district"],
  admin: ["province", "district", "commune"],
};

type Props = {
  initial: UserDraft;
  users: readonly AdminUser[];
  units: readonly AdminUnit[];
  /** Start in the password field (the "reset password" button of a row). */
  focusPassword?: boolean;
  onSaved: (result: { username: string; reset: boolean }) => void;
};

/**
 * Provision an account, or — the same POST with an existing username — reset its password
 * (overwriting its name, role and unit with the form's values, which the row pre-fills).
 */
export function UserForm({ initial, users, units, focusPassword, onSaved }: Props) {
  const { t, tApp } = useAdminI18n();
  const create = useCreateUser();
  const form = useSubmitCycle();
  const [d, set] = useFormValues(initial);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");

  const existing = users.find((u) => u.username === d.username.trim());
  const mismatch = confirm !== password;
  const unitMissing = d.role !== "admin" && !d.unitId;
  const local = {
    unitId: form.checked && unitMissing ? t("users.field.unitRequired") : undefined,
    confirm: form.checked && mismatch ? t("users.field.mismatch") : undefined,
  };
  const err = useFieldErrors(create.error, local);
  const unitHint =
    d.role === "overseer"
      ? t("users.field.unitHint.overseer")
      : d.role === "admin"
        ? t("users.field.unitHint.admin")
        : t("users.field.unitHint.commune");

  return (
    <form
      ref={form.ref}
      className="form admin-form"
      noValidate
      onSubmit={form.onSubmit(!mismatch && !unitMissing, () => {
        const reset = Boolean(existing);
        create.mutate(
          {
            username: d.username.trim(),
            displayName: d.displayName,
            role: d.role,
            ...(d.unitId ? { unitId: d.unitId } : {}),
            ...(d.role === "commune_staff" && d.officeId ? { officeId: d.officeId } : {}),
            password,
          },
          {
            onSuccess: () => onSaved({ username: d.username.trim(), reset }),
            onError: form.failed,
          },
        );
      })}
    >
      <p className="field-hint">{t("users.formIntro")}</p>
      <ErrorAlert error={create.error} />
      <TextField
        label={t("users.field.username")}
        name="username"
        value={d.username}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        hint={t("users.field.usernameHint")}
        onChange={(e) => set("username", e.target.value)}
        error={err("username")}
      />
      {existing ? (
        <p className="admin-notice" role="status">
          {t("users.exists", { username: existing.username })}
        </p>
      ) : null}
      <TextField
        label={t("users.field.displayName")}
        name="displayName"
        value={d.displayName}
        autoComplete="off"
        onChange={(e) => set("displayName", e.target.value)}
        error={err("displayName")}
      />
      <SelectField
        label={t("users.field.role")}
        name="role"
        value={d.role}
        onChange={(e) => set("role", e.target.value as Role)}
        error={err("role")}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {tApp(`role.${r}`)}
          </option>
        ))}
      </SelectField>
      <UnitSelect
        label={
          d.role === "admin" ? `${t("users.field.unit")} (${t("common.optional")})` : t("users.field.unit")
        }
        name="unitId"
        units={units}
        kinds={UNIT_KINDS_FOR[d.role]}
        value={d.unitId}
        onChange={(v) => set("unitId", v)}
        emptyLabel={t("common.selectPlaceholder")}
        hint={unitHint}
        error={err("unitId")}
        required={d.role !== "admin"}
      />
      {d.role === "commune_staff" ? (
        <SelectField
          label={`${t("users.field.office")} (${t("common.optional")})`}
          name="officeId"
          value={d.officeId}
          hint={t("users.field.officeHint")}
          onChange={(e) => set("officeId", e.target.value as OfficeId | "")}
          error={err("officeId")}
        >
          <option value="">{t("common.selectPlaceholder")}</option>
          {OFFICES.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        label={existing ? t("users.field.passwordReset") : t("users.field.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        autoFocus={focusPassword}
        value={password}
        hint={t("users.field.passwordHint")}
        onChange={(e) => setPassword(e.target.value)}
        error={err("password")}
      />
      <TextField
        label={t("users.field.confirm")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={err("confirm")}
      />
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {create.isPending ? t("common.saving") : existing ? t("users.submitReset") : t("users.submitNew")}
      </button>
    </form>
  );
}
