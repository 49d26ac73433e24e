import { getRouteApi } from "@tanstack/react-router";
import { TaskDetails } from "../../features/tasks/components/task-details";

const route = getRouteApi("/_app/tasks/$seriesId/$taskId");

export function TaskPage() {
  const { seriesId, taskId } = route.useParams();
  const { me } = route.useRouteContext();
  return <TaskDetails key={`${seriesId}/${taskId}`} seriesId={seriesId} taskId={taskId} me={me} />;
}
