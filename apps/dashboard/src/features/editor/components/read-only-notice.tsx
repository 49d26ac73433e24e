import type { Plan } from "@kehoach/core/plan/schema";
import { Link } from "@tanstack/react-router";
import { PlanDocument } from "../../../components/plan-document";
import { useI18n } from "../../../i18n";
import { useEditorI18n } from "../lib/i18n";
import "../editor.css";

/** /plans/:id/edit for a plan that is not a draft, or for someone who may only read it. */
export function ReadOnlyNotice({ plan, reason }: { plan: Plan; reason: "not_draft" | "no_right" }) {
  const { et } = useEditorI18n();
  const { t } = useI18n();
  return (
    <section className="page stack">
      <Link to="/plans/$planId" params={{ planId: plan.id }} className="back-link">
        ← {et("editor.backToPlan")}
      </Link>
      <h1>{et("editor.readOnly.title")}</h1>
      <div className="alert alert-info editor-readonly" role="status">
        <span>
          {reason === "not_draft"
            ? et("editor.readOnly.notDraft", { status: t(`status.${plan.status}`) })
            : et("editor.readOnly.noRight")}
        </span>
        {reason === "not_draft" && plan.status !== "submitted" && plan.status !== "approved" ? (
          <span>{et("editor.readOnly.amendHint")}</span>
        ) : null}
      </div>
      <div className="paper">
        <PlanDocument plan={plan} titleAs="h2" />
      </div>
    </section>
  );
}
