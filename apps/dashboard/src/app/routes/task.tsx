import { getRouteApi } from "@tanstack/react-router";
import { CommentsCard } from "../../features/comments/components/comments-card";
import { TaskDetails } from "../../features/tasks/components/task-details";

const route = getRouteApi("/_app/tasks/$seriesId/$taskId");

export function TaskPage() {
  const { seriesId, taskId } = route.useParams();
  const { me } = route.useRouteContext();
  return (
    <TaskDetails
      key={`${seriesId}/${taskId}`}
      seriesId={seriesId}
      taskId={taskId}
      me={me}
      after={(task) => (
        <CommentsCard
          subject={{ seriesId: task.seriesId, taskId: task.taskId }}
          communeId={task.communeId}
          me={me}
          task={task}
        />
      )}
    />
  );
}
