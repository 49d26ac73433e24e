import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "./api";

export const notificationKeys = { all: ["notifications"] as const };

/** My latest notifications and the unread count; asked again every minute while a page is open. */
export const notificationsQuery = () =>
  queryOptions({
    queryKey: notificationKeys.all,
    queryFn: () => unwrap(api.api.notifications.$get()),
    refetchInterval: 60_000,
  });

/** Mark one notification (its `id` as listed) or "all" read. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.api.notifications.read.$post({ json: { id } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
