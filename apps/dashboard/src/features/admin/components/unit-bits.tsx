import { UNIT_KINDS, type UnitKind } from "@kehoach/core/unit/schema";
import { useMemo } from "react";
import { DateField, SelectField } from "../../../components/field";
import { formatDate } from "../../../lib/format";
import { useAdminI18n } from "../lib/messages";
import { type AdminUnit, ancestry, validityOf } from "../lib/units";

/** "Hiệu lực từ 01/01/1997 đến 30/06/2025" and, when it applies, "Đã giải thể/hết hiệu lực". */
export function ValidityText({
  validFrom,
  validTo,
  bare,
}: {
  validFrom: string;
  validTo?: string | undefined;
  /** Without the "Hiệu lực" label (in a column that has it as its header). */
  bare?: boolean;
}) {
  const { t } = useAdminI18n();
  const state = validityOf({ validFrom, validTo });
  const range = validTo
    ? t("common.validFromTo", { from: formatDate(validFrom), to: formatDate(validTo) })
    : t("common.validFrom", { from: formatDate(validFrom) });
  return (
    <span className="admin-validity">
      <span>
        {bare ? null : <span className="muted">{t("common.validity")} </span>}
        {range}
      </span>
      {state === "ended" ? (
        <span className="badge admin-badge-ended">{t("common.ended")}</span>
      ) : state === "future" ? (
        <span className="badge admin-badge-future">{t("common.future")}</span>
      ) : null}
    </span>
  );
}

type Validity = { validFrom: string; validTo: string };

/** The dates a unit or a scope is in force, side by side: from, and until (empty while still in force). */
export function ValidityFields({
  fromLabel,
  toLabel,
  value,
  onChange,
  error,
}: {
  fromLabel: string;
  toLabel: string;
  value: Validity;
  onChange: (field: keyof Validity, date: string) => void;
  error: (field: keyof Validity) => string | undefined;
}) {
  const { t } = useAdminI18n();
  return (
    <div className="admin-form-row">
      <DateField
        label={fromLabel}
        name="validFrom"
        value={value.validFrom}
        onChange={(v) => onChange("validFrom", v)}
        error={error("validFrom")}
      />
      <DateField
        label={`${toLabel} (${t("common.optional")})`}
        name="validTo"
        value={value.validTo}
        hint={t("common.toHint")}
        onChange={(v) => onChange("validTo", v)}
        error={error("validTo")}
      />
    </div>
  );
}

export function KindBadge({ kind }: { kind: UnitKind }) {
  const { t } = useAdminI18n();
  return <span className={`badge admin-kind admin-kind-${kind}`}>{t(`kindShort.${kind}`)}</span>;
}

/** A unit's name for a list: "Xã Quảng Nghiệp (Tứ Kỳ, Hải Dương)" tells same-named communes apart. */
export function unitLabel(byId: ReadonlyMap<string, AdminUnit>, u: AdminUnit, endedLabel: string): string {
  const where = ancestry(byId, u);
  const ended = validityOf(u) === "ended" ? ` — ${endedLabel}` : "";
  return `${u.name}${where ? ` (${where})` : ""}${ended}`;
}

type UnitSelectProps = {
  label: string;
  units: readonly AdminUnit[];
  /** Which levels may be chosen; the current value is always offered. */
  kinds?: readonly UnitKind[];
  exclude?: ReadonlySet<string>;
  value: string;
  onChange: (id: string) => void;
  emptyLabel: string;
  hint?: string | undefined;
  error?: string | undefined;
  name: string;
  required?: boolean;
};

/** A select of units grouped by level, each with where it sits ("Xã Đại Hợp (Tứ Kỳ, Hải Dương)"). */
export function UnitSelect({
  label,
  units,
  kinds = UNIT_KINDS,
  exclude,
  value,
  onChange,
  emptyLabel,
  hint,
  error,
  name,
  required,
}: UnitSelectProps) {
  const { t } = useAdminI18n();
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const groups = useMemo(
    () =>
      UNIT_KINDS.map((kind) => ({
        kind,
        units: units
          .filter((u) => (u.kind === kind && kinds.includes(kind) && !exclude?.has(u.id)) || u.id === value)
          .filter((u) => u.kind === kind)
          .map((u) => ({ id: u.id, label: unitLabel(byId, u, t("common.ended")) }))
          .sort((a, b) => a.label.localeCompare(b.label, "vi")),
      })).filter((g) => g.units.length > 0),
    [units, kinds, exclude, value, byId, t],
  );
  const unknown = value && !byId.has(value);
  return (
    <SelectField
      label={label}
      name={name}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      hint={hint}
      error={error}
      required={required}
    >
      <option value="">{emptyLabel}</option>
      {unknown ? <option value={value}>{value}</option> : null}
      {groups.map((g) => (
        <optgroup key={g.kind} label={t(`kind.${g.kind}`)}>
          {g.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
