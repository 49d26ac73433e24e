import { getRouteApi } from "@tanstack/react-router";
import { RegisterTable } from "../../features/register/components/register-table";
import { useRegisterI18n } from "../../features/register/lib/i18n";
import { currentYear } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";

const route = getRouteApi("/_app/communes/$communeId/register");

export function CommuneRegisterPage() {
  const { rt } = useRegisterI18n();
  const { communeId } = route.useParams();
  const year = String(route.useSearch().year ?? currentYear());
  const { me } = route.useRouteContext();
  const navigate = route.useNavigate();
  const commune = me.communes.find((c) => c.id === communeId);
  const title = commune ? rt("register.of", { commune: commune.name }) : rt("register.title");
  useDocumentTitle(title);
  return (
    <section className="page">
      <h1>{title}</h1>
      <RegisterTable
        communeId={communeId}
        year={year}
        onYearChange={(y) => void navigate({ search: { year: Number(y) } })}
      />
    </section>
  );
}
