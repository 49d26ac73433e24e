import { planQuery } from "@kehoach/client/plans";
import { formatSymbol, type Plan } from "@kehoach/core/plan/schema";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { PlanDocument } from "../../components/plan-document";
import { PlanCheckerPanel } from "../../features/checker/components/plan-checker-panel";
import { PlanDocxLink } from "../../features/checker/components/plan-docx-link";
import { CommentsCard } from "../../features/comments/components/comments-card";
import { PlanSource } from "../../features/import/components/plan-source";
import { LifecycleActions } from "../../features/lifecycle/components/lifecycle-actions";
import { EventCard } from "../../features/plans/components/event-card";
import { PlanHistory } from "../../features/plans/components/plan-history";
import { PlanStatusBadge } from "../../features/plans/components/plan-status-badge";
import { ReportAnnexLink } from "../../features/reports/components/report-annex-link";
import { PlanTasks } from "../../features/tasks/components/plan-tasks";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";

const route = getRouteApi("/_app/plans/$planId");

/** One plan as its printed page, with status, version, event summary and history beside it. */
export function PlanPage() {
  const { t } = useI18n();
  const { planId } = route.useParams();
  // Hono's JSON typing flattens the recursive SectionItem to JSONValue; the API returns a Plan.
  const plan = useSuspenseQuery(planQuery(planId)).data as unknown as Plan;
  const { me } = route.useRouteContext();
  const commune = me.communes.find((c) => c.id === plan.communeId);
  useDocumentTitle(plan.subject);

  return (
    <div className="plan-page">
      <div className="plan-toolbar no-print">
        <Link to="/communes/$communeId/plans" params={{ communeId: plan.communeId }} className="back-link">
          ← {t("plan.backToList")}
          {commune ? ` · ${commune.name}` : ""}
        </Link>
        <div className="plan-toolbar-right">
          <PlanStatusBadge status={plan.status} />
          <span className="version">{t("plan.version", { version: plan.version })}</span>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => window.print()}
            title={t("plan.printHint")}
          >
            {t("plan.print")}
          </button>
          <PlanDocxLink planId={plan.id} />
          <ReportAnnexLink plan={plan} />
        </div>
      </div>
      <LifecycleActions plan={plan} me={me} />
      <div className="plan-layout">
        <div className="paper">
          <PlanDocument plan={plan} annotate />
        </div>
        <aside className="plan-side no-print" aria-label={t("plan.details")}>
          <section className="card" aria-labelledby="plan-details-title">
            <h2 id="plan-details-title" className="card-title">
              {t("plan.details")}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t("plans.col.status")}</dt>
                <dd>
                  <PlanStatusBadge status={plan.status} />
                </dd>
              </div>
              <div>
                <dt>{t("plans.col.symbol")}</dt>
                <dd>{formatSymbol(plan.documentNumber) ?? "—"}</dd>
              </div>
              {plan.category ? (
                <div>
                  <dt>{t("plan.category")}</dt>
                  <dd>{plan.category}</dd>
                </div>
              ) : null}
              {plan.period ? (
                <div>
                  <dt>{t("plan.period")}</dt>
                  <dd>{plan.period}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t("plan.createdAt")}</dt>
                <dd>{formatDateTime(plan.createdAt)}</dd>
              </div>
              <div>
                <dt>{t("plan.updatedAt")}</dt>
                <dd>{formatDateTime(plan.updatedAt)}</dd>
              </div>
              {plan.cancelReason ? (
                <div>
                  <dt>{t("plan.cancelReason")}</dt>
                  <dd>{plan.cancelReason}</dd>
                </div>
              ) : null}
            </dl>
          </section>
          <CommentsCard subject={{ planId: plan.id }} communeId={plan.communeId} me={me} />
          {plan.taskProgress && plan.issuedAt ? (
            <PlanTasks planId={plan.id} progress={plan.taskProgress} />
          ) : null}
          <PlanCheckerPanel plan={plan} />
          {plan.event ? <EventCard event={plan.event} /> : null}
          <PlanSource source={plan.source} />
          <PlanHistory planId={plan.id} plan={plan} />
        </aside>
      </div>
    </div>
  );
}
