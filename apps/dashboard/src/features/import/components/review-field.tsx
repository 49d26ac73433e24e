import type { ReactNode } from "react";
import { type ConfidenceMap, confidenceOf, levelOf } from "../lib/confidence";
import { useImportI18n } from "../lib/i18n";

/** The DOM id of a reviewed field, from its dotted path; findings jump to it. */
export const fieldDomId = (path: string) => `review-${path.replace(/[^\w-]+/g, "-")}`;

/** "chắc chắn / khá chắc / cần kiểm tra": a word and a symbol, the colour only repeats them. */
export function ConfidenceBadge({ value }: { value: number | undefined }) {
  const { it } = useImportI18n();
  if (value === undefined) return null;
  const level = levelOf(value);
  const pct = Math.round(value * 100);
  return (
    <span className={`conf conf-${level}`} title={it("conf.title", { pct })}>
      <span aria-hidden="true">{level === "high" ? "✓" : level === "medium" ? "≈" : "!"}</span>{" "}
      {it(`conf.${level}`)}
      <span className="conf-pct"> · {pct}%</span>
    </span>
  );
}

type FieldProps = {
  /** Dotted path of the field in the draft, e.g. "signer.name"; also the confidence key. */
  path: string;
  label: string;
  confidence: ConfidenceMap;
  /** Set for an editable field: the label points at the control. */
  htmlFor?: string;
  error?: string | undefined;
  children: ReactNode;
};

/** One field of the draft: label, the importer's confidence, the value (or its control). */
export function ReviewField({ path, label, confidence, htmlFor, error, children }: FieldProps) {
  const c = confidenceOf(confidence, path);
  const low = c !== undefined && levelOf(c) === "low";
  return (
    <div
      className={`review-field${low ? " is-low" : ""}${error ? " field-invalid" : ""}`}
      id={fieldDomId(path)}
      tabIndex={-1}
    >
      <div className="review-field-head">
        {htmlFor ? (
          <label className="review-label" htmlFor={htmlFor}>
            {label}
          </label>
        ) : (
          <span className="review-label">{label}</span>
        )}
        <ConfidenceBadge value={c} />
      </div>
      <div className="review-value">{children}</div>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}

/** A field the importer did not find in the document. */
export function NotFound() {
  const { it } = useImportI18n();
  return <span className="review-missing">{it("review.notFound")}</span>;
}
