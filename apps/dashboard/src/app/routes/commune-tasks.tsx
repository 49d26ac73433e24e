import { getRouteApi } from "@tanstack/react-router";
import { CalendarFeed } from "../../features/tasks/components/calendar-feed";
import { TaskBoard } from "../../features/tasks/components/task-board";
import { useTasksI18n } from "../../features/tasks/lib/i18n";
import { useDocumentTitle } from "../../lib/use-document-title";

const route = getRouteApi("/_app/communes/$communeId/tasks");

/** The commune's task board, and (for its staff and leaders) the calendar address of its deadlines. */
export function CommuneTasksPage() {
  const { tt } = useTasksI18n();
  const { communeId } = route.useParams();
  const search = route.useSearch();
  const { me } = route.useRouteContext();
  const navigate = route.useNavigate();
  const commune = me.communes.find((c) => c.id === communeId);
  const title = commune ? tt("tasks.of", { commune: commune.name }) : tt("tasks.title");
  useDocumentTitle(title);
  const ownCommune =
    (me.role === "commune_staff" || me.role === "commune_leader") && me.unit?.id === communeId;

  return (
    <section className="page stack">
      <div>
        <h1>{title}</h1>
        <p className="muted">{tt("tasks.intro")}</p>
      </div>
      <TaskBoard
        communeId={communeId}
        me={me}
        filters={{ view: search.view ?? "open", group: search.group ?? "office", mine: Boolean(search.mine) }}
        onFiltersChange={(f) =>
          void navigate({
            search: {
              view: f.view === "open" ? undefined : f.view,
              group: f.group === "office" ? undefined : f.group,
              mine: f.mine ? 1 : undefined,
            },
            replace: true,
          })
        }
      />
      <CalendarFeed communeId={communeId} canManage={ownCommune} />
    </section>
  );
}
