import { usePutUnit } from "@kehoach/client/admin";
import { UNIT_KINDS, type UnitKind } from "@kehoach/core/unit/schema";
import { useMemo } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { SelectField, TextField } from "../../../components/field";
import { formatDate } from "../../../lib/format";
import { useFieldErrors, useFormValues, useSubmitCycle } from "../lib/forms";
import { useAdminI18n } from "../lib/messages";
import {
  type AdminUnit,
  datesOutOfOrder,
  optional,
  selfAndDescendants,
  todayVn,
  validityOf,
} from "../lib/units";
import { UnitSelect, ValidityFields } from "./unit-bits";

export type UnitDraft = {
  id: string;
  kind: UnitKind;
  name: string;
  shortName: string;
  parentId: string;
  validFrom: string;
  validTo: string;
  officialCode: string;
};

export function draftOf(u: AdminUnit): UnitDraft {
  return {
    id: u.id,
    kind: u.kind,
    name: u.name,
    shortName: u.shortName,
    parentId: u.parentId ?? "",
    validFrom: u.validFrom,
    validTo: u.validTo ?? "",
    officialCode: u.officialCode ?? "",
  };
}

export function emptyDraft(over: Partial<UnitDraft> = {}): UnitDraft {
  return {
    id: "",
    kind: "commune",
    name: "",
    shortName: "",
    parentId: "",
    validFrom: todayVn(),
    validTo: "",
    officialCode: "",
    ...over,
  };
}

type Props = {
  mode: "create" | "edit";
  initial: UnitDraft;
  units: readonly AdminUnit[];
  onSaved: (unit: { id: string; name: string }) => void;
};

/**
 * Create or edit a unit (PUT replaces it whole). The id is fixed once created; a new id that is
 * already taken is refused here, because the API would silently replace that unit.
 */
export function UnitForm({ mode, initial, units, onSaved }: Props) {
  const { t } = useAdminI18n();
  const put = usePutUnit();
  const form = useSubmitCycle();
  const [d, set] = useFormValues(initial);

  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const exclude = useMemo(
    () => (mode === "edit" ? selfAndDescendants(units, d.id) : undefined),
    [mode, units, d.id],
  );
  const parent = d.parentId ? byId.get(d.parentId) : undefined;

  const dateOrderBad = datesOutOfOrder(d.validFrom, d.validTo);
  const local = {
    id: mode === "create" && byId.has(d.id.trim()) ? t("units.field.idTaken") : undefined,
    validTo: form.checked && dateOrderBad ? t("common.dateOrder") : undefined,
  };
  const err = useFieldErrors(put.error, local);

  return (
    <form
      ref={form.ref}
      className="form admin-form"
      noValidate
      onSubmit={form.onSubmit(!local.id && !dateOrderBad, () =>
        put.mutate(
          {
            id: d.id.trim(),
            kind: d.kind,
            name: d.name,
            shortName: d.shortName,
            parentId: optional(d.parentId),
            validFrom: d.validFrom,
            validTo: optional(d.validTo),
            officialCode: optional(d.officialCode),
          },
          {
            onSuccess: () => onSaved({ id: d.id.trim(), name: d.name.trim() }),
            onError: form.failed,
          },
        ),
      )}
    >
      <ErrorAlert error={put.error} />
      <TextField
        label={t("units.field.id")}
        name="id"
        value={d.id}
        readOnly={mode === "edit"}
        autoComplete="off"
        spellCheck={false}
        hint={t("units.field.idHint")}
        onChange={(e) => set("id", e.target.value)}
        error={err("id")}
      />
      <SelectField
        label={t("units.field.kind")}
        name="kind"
        value={d.kind}
        onChange={(e) => set("kind", e.target.value as UnitKind)}
        error={err("kind")}
      >
        {UNIT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("units.field.name")}
        name="name"
        value={d.name}
        placeholder={t("units.field.namePlaceholder")}
        onChange={(e) => set("name", e.target.value)}
        error={err("name")}
      />
      <TextField
        label={t("units.field.shortName")}
        name="shortName"
        value={d.shortName}
        placeholder={t("units.field.shortNamePlaceholder")}
        onChange={(e) => set("shortName", e.target.value)}
        error={err("shortName")}
      />
      <UnitSelect
        label={t("units.field.parent")}
        name="parentId"
        units={units}
        kinds={["province", "district"]}
        exclude={exclude}
        value={d.parentId}
        onChange={(v) => set("parentId", v)}
        emptyLabel={t("units.field.parentNone")}
        hint={
          parent && validityOf(parent) === "ended" && parent.validTo
            ? `${t("units.field.parentHint")} ${parent.name}: ${t("common.ended").toLowerCase()} (${formatDate(parent.validTo)}).`
            : t("units.field.parentHint")
        }
        error={err("parentId")}
      />
      <ValidityFields
        fromLabel={t("units.field.validFrom")}
        toLabel={t("units.field.validTo")}
        value={d}
        onChange={set}
        error={err}
      />
      <TextField
        label={`${t("units.field.officialCode")} (${t("common.optional")})`}
        name="officialCode"
        value={d.officialCode}
        inputMode="numeric"
        hint={t("units.field.officialCodeHint")}
        onChange={(e) => set("officialCode", e.target.value)}
        error={err("officialCode")}
      />
      <button type="submit" className="btn btn-primary" disabled={put.isPending}>
        {put.isPending ? t("common.saving") : mode === "edit" ? t("units.submitEdit") : t("units.submitNew")}
      </button>
    </form>
  );
}
