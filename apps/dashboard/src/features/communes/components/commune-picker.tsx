import { useId } from "react";
import { useI18n } from "../../../i18n";

export type Commune = { id: string; name: string; shortName: string };

/** For an overseer: which commune of their scope to look at. Commune users never see it. */
export function CommunePicker({
  communes,
  value,
  onChange,
}: {
  communes: Commune[];
  value: string | undefined;
  onChange: (communeId: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="commune-picker">
      <label htmlFor={id}>{t("commune.picker")}</label>
      <select
        id={id}
        name="commune"
        value={value ?? ""}
        onChange={(e) => e.target.value && onChange(e.target.value)}
      >
        {value ? null : <option value="">—</option>}
        {[...communes]
          .sort((a, b) => a.name.localeCompare(b.name, "vi"))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
      </select>
    </div>
  );
}
