import { useId, useMemo, useState } from "react";
import { describedBy, TextField } from "../../../components/field";
import { keepEnter } from "../lib/forms";
import { useAdminI18n } from "../lib/messages";
import { type AdminUnit, ancestry, KIND_ORDER, matches, validityOf } from "../lib/units";

/** How many unchosen units are listed at once; the filter narrows the rest. */
const SHOWN = 200;

type Props = {
  legend: string;
  /** The units that may be chosen. */
  candidates: readonly AdminUnit[];
  /** Every unit, to say where each candidate sits. */
  units: readonly AdminUnit[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
};

/**
 * Several units chosen with checkboxes in a fieldset: a filter (diacritics optional) that keeps
 * chosen units in view, a count, "choose all shown" and "clear". Enter in the filter does not submit.
 */
export function UnitChecklist({ legend, candidates, units, selected, onChange, name, hint, error }: Props) {
  const { t } = useAdminI18n();
  const id = useId();
  const [filter, setFilter] = useState("");
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const chosen = useMemo(() => new Set(selected), [selected]);

  const rows = useMemo(() => {
    const all = candidates.map((u) => ({ unit: u, where: ancestry(byId, u) }));
    all.sort(
      (a, b) =>
        KIND_ORDER[a.unit.kind] - KIND_ORDER[b.unit.kind] ||
        a.unit.name.localeCompare(b.unit.name, "vi") ||
        a.where.localeCompare(b.where, "vi"),
    );
    return all;
  }, [candidates, byId]);
  const visible = rows.filter(
    (r) =>
      chosen.has(r.unit.id) ||
      matches(filter, r.unit.name, r.unit.shortName, r.unit.id, r.unit.officialCode, r.where),
  );
  // In the list's own order (a checked box does not jump away from the keyboard); chosen units always
  // listed, the others up to SHOWN.
  let others = 0;
  const listed = visible.filter((r) => chosen.has(r.unit.id) || others++ < SHOWN);
  const hidden = Math.max(0, others - SHOWN);
  // Ids chosen but not among the candidates (e.g. a unit since deleted) stay visible and removable.
  const strays = selected.filter((s) => !rows.some((r) => r.unit.id === s));

  const toggle = (unitId: string, on: boolean) =>
    onChange(on ? [...selected, unitId] : selected.filter((s) => s !== unitId));

  const { hintId, errorId, "aria-describedby": described } = describedBy(id, hint, error);

  return (
    <fieldset
      className={`admin-checklist${error ? " field-invalid" : ""}`}
      aria-describedby={described}
      data-field={name}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="admin-checklist-tools">
        <TextField
          label={t("checklist.filter")}
          className="field-grow"
          type="search"
          value={filter}
          placeholder={t("checklist.filterPlaceholder")}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={keepEnter}
        />
        <div className="admin-checklist-buttons">
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              onChange([...selected, ...listed.map((r) => r.unit.id).filter((unitId) => !chosen.has(unitId))])
            }
          >
            {t("checklist.selectShown")}
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={selected.length === 0}
            onClick={() => onChange([])}
          >
            {t("checklist.clear")}
          </button>
        </div>
      </div>
      <p className="admin-checklist-count" aria-live="polite">
        {t("checklist.selected", { count: selected.length })}
      </p>
      {/* The error sits by the list; focus goes to the first checkbox, which names it. */}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <ul className="admin-checklist-list">
        {strays.map((s) => (
          <li key={s}>
            <label>
              <input
                type="checkbox"
                name={name}
                value={s}
                checked
                onChange={() => toggle(s, false)}
                aria-invalid={error ? true : undefined}
              />
              <span>{s}</span>
            </label>
          </li>
        ))}
        {listed.map(({ unit, where }, i) => (
          <li key={unit.id}>
            <label>
              <input
                type="checkbox"
                name={name}
                value={unit.id}
                checked={chosen.has(unit.id)}
                onChange={(e) => toggle(unit.id, e.target.checked)}
                aria-invalid={error && i === 0 && strays.length === 0 ? true : undefined}
                aria-describedby={error && i === 0 ? errorId : undefined}
              />
              <span>
                {unit.name}
                {where ? <span className="muted"> · {where}</span> : null}
                {validityOf(unit) === "ended" ? (
                  <span className="muted"> · {t("common.ended").toLowerCase()}</span>
                ) : null}
              </span>
            </label>
          </li>
        ))}
        {listed.length === 0 && strays.length === 0 ? (
          <li className="empty">{t("checklist.noMatch")}</li>
        ) : null}
      </ul>
      {hidden > 0 ? <p className="field-hint">{t("checklist.more", { count: hidden })}</p> : null}
    </fieldset>
  );
}
