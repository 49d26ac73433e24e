import { getRouteApi } from "@tanstack/react-router";
import { canCreatePlans, NewPlanForm } from "../../features/editor/components/new-plan";
import { useEditorI18n } from "../../features/editor/lib/i18n";
import { useDocumentTitle } from "../../lib/use-document-title";

const route = getRouteApi("/_app/communes/$communeId/plans/new");

export function PlanNewPage() {
  const { et } = useEditorI18n();
  const { communeId } = route.useParams();
  const { me } = route.useRouteContext();
  const commune = me.communes.find((c) => c.id === communeId);
  useDocumentTitle(et("new.title"));
  return (
    <section className="page page-narrow stack">
      <h1>
        {et("new.title")}
        {commune ? <span className="title-other-lang"> · {commune.name}</span> : null}
      </h1>
      {canCreatePlans(me, communeId) ? (
        <NewPlanForm communeId={communeId} />
      ) : (
        <p className="alert alert-error">{et("new.noRight")}</p>
      )}
    </section>
  );
}
