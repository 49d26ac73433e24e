import { usePutScope } from "@kehoach/client/admin";
import type { ScopeHeader } from "@kehoach/core/board/membership";
import { useMemo } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { TextField } from "../../../components/field";
import { useFieldErrors, useFormValues, useSubmitCycle } from "../lib/forms";
import { useAdminI18n } from "../lib/messages";
import { type AdminUnit, datesOutOfOrder, optional, todayVn } from "../lib/units";
import { UnitSelect, ValidityFields } from "./unit-bits";
import { UnitChecklist } from "./unit-checklist";

/** A scope as the admin API lists it. */
export type AdminScope = ScopeHeader;

export type ScopeDraft = {
  scopeId: string;
  name: string;
  overseerUnitId: string;
  unitIds: string[];
  validFrom: string;
  validTo: string;
};

export const scopeDraftOf = (s: AdminScope): ScopeDraft => ({
  scopeId: s.scopeId,
  name: s.name,
  overseerUnitId: s.overseerUnitId,
  unitIds: [...s.unitIds],
  validFrom: s.validFrom,
  validTo: s.validTo ?? "",
});

export const emptyScopeDraft = (): ScopeDraft => ({
  scopeId: "",
  name: "",
  overseerUnitId: "",
  unitIds: [],
  validFrom: todayVn(),
  validTo: "",
});

type Props = {
  mode: "create" | "edit";
  initial: ScopeDraft;
  units: readonly AdminUnit[];
  scopes: readonly AdminScope[];
  onSaved: (scope: { name: string }) => void;
};

/** Create or edit an oversight scope: who oversees, which communes, from when until when. */
export function ScopeForm({ mode, initial, units, scopes, onSaved }: Props) {
  const { t } = useAdminI18n();
  const put = usePutScope();
  const form = useSubmitCycle();
  const [d, set] = useFormValues(initial);

  const communes = useMemo(
    () => units.filter((u) => u.kind === "commune" || d.unitIds.includes(u.id)),
    [units, d.unitIds],
  );
  const dateOrderBad = datesOutOfOrder(d.validFrom, d.validTo);
  const local = {
    scopeId:
      mode === "create" && scopes.some((s) => s.scopeId === d.scopeId.trim())
        ? t("scopes.field.idTaken")
        : undefined,
    validTo: form.checked && dateOrderBad ? t("common.dateOrder") : undefined,
  };
  const err = useFieldErrors(put.error, local);

  return (
    <form
      ref={form.ref}
      className="form admin-form"
      noValidate
      onSubmit={form.onSubmit(!local.scopeId && !dateOrderBad, () =>
        put.mutate(
          {
            scopeId: d.scopeId.trim(),
            name: d.name,
            overseerUnitId: d.overseerUnitId,
            unitIds: d.unitIds,
            validFrom: d.validFrom,
            validTo: optional(d.validTo),
          },
          {
            onSuccess: () => onSaved({ name: d.name.trim() }),
            onError: form.failed,
          },
        ),
      )}
    >
      <ErrorAlert error={put.error} />
      <TextField
        label={t("scopes.field.id")}
        name="scopeId"
        value={d.scopeId}
        readOnly={mode === "edit"}
        autoComplete="off"
        spellCheck={false}
        hint={t("scopes.field.idHint")}
        onChange={(e) => set("scopeId", e.target.value)}
        error={err("scopeId")}
      />
      <TextField
        label={t("scopes.field.name")}
        name="name"
        value={d.name}
        placeholder={t("scopes.field.namePlaceholder")}
        onChange={(e) => set("name", e.target.value)}
        error={err("name")}
      />
      <UnitSelect
        label={t("scopes.field.overseer")}
        name="overseerUnitId"
        units={units}
        kinds={["province", "district"]}
        value={d.overseerUnitId}
        onChange={(v) => set("overseerUnitId", v)}
        emptyLabel={t("common.selectPlaceholder")}
        hint={t("scopes.field.overseerHint")}
        error={err("overseerUnitId")}
      />
      <UnitChecklist
        legend={t("scopes.field.units")}
        name="unitIds"
        candidates={communes}
        units={units}
        selected={d.unitIds}
        onChange={(ids) => set("unitIds", ids)}
        error={err("unitIds")}
      />
      <ValidityFields
        fromLabel={t("common.from")}
        toLabel={t("common.to")}
        value={d}
        onChange={set}
        error={err}
      />
      <button type="submit" className="btn btn-primary" disabled={put.isPending}>
        {put.isPending
          ? t("common.saving")
          : mode === "edit"
            ? t("scopes.submitEdit")
            : t("scopes.submitNew")}
      </button>
    </form>
  );
}
