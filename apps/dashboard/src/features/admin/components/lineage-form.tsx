import { useRecordLineage } from "@kehoach/client/admin";
import { useId, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { DateField, TextField } from "../../../components/field";
import { useFieldErrors, useSubmitCycle } from "../lib/forms";
import { type AdminMessageKey, useAdminI18n } from "../lib/messages";
import { type AdminUnit, optional } from "../lib/units";
import { UnitChecklist } from "./unit-checklist";

export const LINEAGE_KINDS = ["merge", "split", "rename"] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

/** How many old and successor units each kind of event takes. */
function countProblems(kind: LineageKind, from: number, to: number) {
  const need: { from?: AdminMessageKey; to?: AdminMessageKey } = {};
  if (kind === "merge" && from < 2) need.from = "lineage.need.fromMany";
  if (kind !== "merge" && from !== 1) need.from = "lineage.need.fromOne";
  if (kind === "split" && to < 2) need.to = "lineage.need.toMany";
  if (kind !== "split" && to !== 1) need.to = "lineage.need.toOne";
  return need;
}

/** Record a merge, split or rename: old units, successors, effective date and legal basis. */
export function LineageForm({
  units,
  onSaved,
}: {
  units: readonly AdminUnit[];
  onSaved: (e: { kind: LineageKind; date: string }) => void;
}) {
  const { t } = useAdminI18n();
  const record = useRecordLineage();
  const form = useSubmitCycle();
  const id = useId();
  const [kind, setKind] = useState<LineageKind>("merge");
  const [from, setFrom] = useState<string[]>([]);
  const [to, setTo] = useState<string[]>([]);
  const [date, setDate] = useState("2025-07-01");
  const [basis, setBasis] = useState("");

  const need = countProblems(kind, from.length, to.length);
  const local = {
    fromUnitIds: form.checked && need.from ? t(need.from) : undefined,
    toUnitIds: form.checked && need.to ? t(need.to) : undefined,
  };
  const err = useFieldErrors(record.error, local);

  return (
    <form
      ref={form.ref}
      className="form admin-form admin-form-wide"
      noValidate
      onSubmit={form.onSubmit(!need.from && !need.to, () =>
        record.mutate(
          { kind, fromUnitIds: from, toUnitIds: to, date, legalBasis: optional(basis) },
          {
            onSuccess: () => {
              setFrom([]);
              setTo([]);
              setBasis("");
              form.restart();
              onSaved({ kind, date });
            },
            onError: form.failed,
          },
        ),
      )}
    >
      <p className="field-hint">{t("lineage.formIntro")}</p>
      <ErrorAlert error={record.error} />
      <fieldset className="admin-radios">
        <legend>{t("lineage.field.kind")}</legend>
        {LINEAGE_KINDS.map((k) => (
          <div key={k} className="admin-radio">
            <input
              type="radio"
              id={`${id}-${k}`}
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
              aria-describedby={`${id}-${k}-hint`}
            />
            <label htmlFor={`${id}-${k}`}>{t(`lineage.kind.${k}`)}</label>
            <span className="field-hint" id={`${id}-${k}-hint`}>
              {t(`lineage.kindHint.${k}`)}
            </span>
          </div>
        ))}
      </fieldset>
      <div className="admin-form-row admin-form-row-top">
        <UnitChecklist
          legend={t("lineage.field.from")}
          name="fromUnitIds"
          candidates={units}
          units={units}
          selected={from}
          onChange={setFrom}
          error={err("fromUnitIds")}
        />
        <UnitChecklist
          legend={t("lineage.field.to")}
          name="toUnitIds"
          candidates={units}
          units={units}
          selected={to}
          onChange={setTo}
          error={err("toUnitIds")}
        />
      </div>
      <div className="admin-form-row">
        <DateField
          label={t("lineage.field.date")}
          name="date"
          value={date}
          onChange={setDate}
          error={err("date")}
        />
        <TextField
          label={`${t("lineage.field.basis")} (${t("common.optional")})`}
          name="legalBasis"
          value={basis}
          maxLength={300}
          placeholder={t("lineage.field.basisPlaceholder")}
          onChange={(e) => setBasis(e.target.value)}
          error={err("legalBasis")}
          className="field-grow"
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={record.isPending}>
        {record.isPending ? t("common.saving") : t("lineage.submit")}
      </button>
    </form>
  );
}
