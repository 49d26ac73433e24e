import { oversightScopesQuery } from "@kehoach/client/board";
import type { Unit } from "@kehoach/client/exports";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { ExportsPanel } from "../../features/exports/components/exports-page";
import { SchedulesPanel } from "../../features/exports/components/schedules-page";
import { UnitTabs } from "../../features/exports/components/unit-tabs";
import { useExportsI18n } from "../../features/exports/lib/i18n";
import { useDocumentTitle } from "../../lib/use-document-title";

const exportsRoute = getRouteApi("/_app/exports/$unitKind/$unitId");
const schedulesRoute = getRouteApi("/_app/schedules/$unitKind/$unitId");

/** The unit's name: the commune's from the session, the scope's from the body's scopes. */
function useUnitName(unit: Unit, communes: { id: string; name: string }[]) {
  const scopes = useQuery({ ...oversightScopesQuery(), enabled: unit.unitKind === "scope" });
  if (unit.unitKind === "commune") return communes.find((c) => c.id === unit.unitId)?.name ?? unit.unitId;
  return scopes.data?.find((s) => s.id === unit.unitId)?.name ?? unit.unitId;
}

export function ExportsPage() {
  const { xt } = useExportsI18n();
  const unit = exportsRoute.useParams() as Unit;
  const { me } = exportsRoute.useRouteContext();
  const title = xt("exports.titleOf", { unit: useUnitName(unit, me.communes) });
  useDocumentTitle(title);
  return (
    <section className="page">
      <h1>{title}</h1>
      <UnitTabs unit={unit} />
      <ExportsPanel key={`${unit.unitKind}:${unit.unitId}`} unit={unit} />
    </section>
  );
}

export function SchedulesPage() {
  const { xt } = useExportsI18n();
  const unit = schedulesRoute.useParams() as Unit;
  const { me } = schedulesRoute.useRouteContext();
  const title = xt("schedules.titleOf", { unit: useUnitName(unit, me.communes) });
  useDocumentTitle(title);
  return (
    <section className="page">
      <h1>{title}</h1>
      <UnitTabs unit={unit} />
      <SchedulesPanel key={`${unit.unitKind}:${unit.unitId}`} unit={unit} />
    </section>
  );
}
