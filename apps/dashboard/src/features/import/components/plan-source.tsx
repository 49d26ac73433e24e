import type { Plan } from "@kehoach/core/plan/schema";
import { useImportI18n } from "../lib/i18n";
import "./import.css";

/** "Văn bản gốc": the text an imported plan was read from, folded away on the plan page. */
export function PlanSource({ source }: { source: Plan["source"] }) {
  const { it } = useImportI18n();
  if (!source) return null;
  return (
    <details className="card plan-source">
      <summary className="card-title">{it("review.original")}</summary>
      <p className="muted plan-source-meta">
        {source.filename ? it("review.from.file", { name: source.filename }) : it("review.from.text")}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="original-text" tabIndex={0} aria-label={it("review.original")}>
        <pre>{source.text}</pre>
      </section>
    </details>
  );
}
