import { getRouteApi } from "@tanstack/react-router";
import { ReportsTable } from "../../features/reports/components/reports-table";
import { useReportsI18n } from "../../features/reports/lib/i18n";
import { currentYear } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";

const route = getRouteApi("/_app/communes/$communeId/reports");

export function CommuneReportsPage() {
  const { rt } = useReportsI18n();
  const { communeId } = route.useParams();
  const year = String(route.useSearch().year ?? currentYear());
  const { me } = route.useRouteContext();
  const navigate = route.useNavigate();
  const commune = me.communes.find((c) => c.id === communeId);
  const title = commune ? rt("reports.of", { commune: commune.name }) : rt("reports.title");
  const canDraft = (me.role === "commune_staff" || me.role === "commune_leader") && me.unit?.id === communeId;
  useDocumentTitle(title);
  return (
    <section className="page">
      <h1>{title}</h1>
      <p className="muted">{rt("reports.intro")}</p>
      <ReportsTable
        communeId={communeId}
        year={year}
        canDraft={canDraft}
        onYearChange={(y) => void navigate({ search: { year: Number(y) } })}
      />
    </section>
  );
}
