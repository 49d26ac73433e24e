import type { ExportKind } from "@kehoach/core/schedule/schema";
import { useExportsI18n } from "../lib/i18n";

/** "Loại báo cáo": the export kinds a unit (a commune or a scope) can have, by name. */
export function KindSelect({
  id,
  kinds,
  value,
  onChange,
}: {
  id: string;
  kinds: readonly ExportKind[];
  value: ExportKind;
  onChange: (kind: ExportKind) => void;
}) {
  const { xt } = useExportsI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{xt("exports.kind")}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ExportKind)}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {xt(`kind.${k}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
