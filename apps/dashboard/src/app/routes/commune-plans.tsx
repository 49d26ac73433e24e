import { getRouteApi } from "@tanstack/react-router";
import { OpenRequests } from "../../features/comments/components/open-requests";
import { NewPlanLink } from "../../features/editor/components/new-plan";
import { ImportLink } from "../../features/import/components/import-page";
import { PlanList } from "../../features/plans/components/plan-list";
import { useI18n } from "../../i18n";
import { useDocumentTitle } from "../../lib/use-document-title";

const route = getRouteApi("/_app/communes/$communeId/plans");

export function CommunePlansPage() {
  const { t } = useI18n();
  const { communeId } = route.useParams();
  const filters = route.useSearch();
  const { me } = route.useRouteContext();
  const navigate = route.useNavigate();
  const commune = me.communes.find((c) => c.id === communeId);
  const title = commune ? t("plans.of", { commune: commune.name }) : t("plans.title");
  useDocumentTitle(title);

  return (
    <section className="page">
      <h1>{title}</h1>
      <NewPlanLink communeId={communeId} />
      <ImportLink communeId={communeId} />
      <OpenRequests communeId={communeId} />
      <PlanList
        communeId={communeId}
        filters={filters}
        onFiltersChange={(next) => void navigate({ search: next })}
      />
    </section>
  );
}
