import type { ExportNowInput, ScheduleInput, UnitKind } from "@kehoach/core/schedule/schema";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "./api";

/** A unit whose exports and schedules are shown: a commune, or an oversight scope (roll-ups). */
export type Unit = { unitKind: UnitKind; unitId: string };

type ExportsGet = (typeof api.api.exports)[":unitKind"][":unitId"]["$get"];
type SchedulesGet = (typeof api.api.schedules)[":unitKind"][":unitId"]["$get"];
export type ExportPage = InferResponseType<ExportsGet, 200>;
export type ExportItem = ExportPage["items"][number];
export type ScheduleList = InferResponseType<SchedulesGet, 200>;
export type Schedule = ScheduleList["items"][number];

export const exportKeys = {
  all: ["exports"] as const,
  list: (u: Unit) => ["exports", "list", u.unitKind, u.unitId] as const,
  schedules: (u: Unit) => ["exports", "schedules", u.unitKind, u.unitId] as const,
};

const param = (u: Unit) => ({ unitKind: u.unitKind, unitId: u.unitId });

/** The unit's exports, newest first; polled while one is queued or running. */
export const exportsQuery = (u: Unit) =>
  queryOptions({
    queryKey: exportKeys.list(u),
    queryFn: () => unwrap(api.api.exports[":unitKind"][":unitId"].$get({ param: param(u), query: {} })),
    // A scheduled run may have finished since the page was last open: always ask again on return.
    staleTime: 0,
    refetchInterval: (q) =>
      q.state.data?.items.some((e) => e.status === "queued" || e.status === "running") ? 1500 : false,
  });

export const schedulesQuery = (u: Unit) =>
  queryOptions({
    queryKey: exportKeys.schedules(u),
    queryFn: () => unwrap(api.api.schedules[":unitKind"][":unitId"].$get({ param: param(u) })),
  });

/** Where an export's file downloads from (same origin; the session cookie goes along). */
export const exportFileUrl = (u: Unit, exportId: string, name: string) =>
  `/api/exports/${u.unitKind}/${encodeURIComponent(u.unitId)}/${encodeURIComponent(exportId)}/files/${encodeURIComponent(name)}`;

/** "Xuất ngay": 202 with the export; the list then polls until it is done. */
export function useExportNow(u: Unit) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExportNowInput) =>
      unwrap(api.api.exports[":unitKind"][":unitId"].$post({ param: param(u), json: body as never })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: exportKeys.list(u) }),
  });
}

export function useCreateSchedule(u: Unit) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleInput) =>
      unwrap(api.api.schedules[":unitKind"][":unitId"].$post({ param: param(u), json: body as never })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: exportKeys.schedules(u) }),
  });
}

export function useUpdateSchedule(u: Unit) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { scheduleId: string; version: number; schedule: ScheduleInput }) =>
      unwrap(
        api.api.schedules[":unitKind"][":unitId"][":scheduleId"].$put({
          param: { ...param(u), scheduleId: v.scheduleId },
          json: { version: v.version, schedule: v.schedule } as never,
        }),
      ),
    onSettled: () => void qc.invalidateQueries({ queryKey: exportKeys.schedules(u) }),
  });
}

export function useDeleteSchedule(u: Unit) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (scheduleId: string) =>
      unwrap(
        api.api.schedules[":unitKind"][":unitId"][":scheduleId"].$delete({
          param: { ...param(u), scheduleId },
        }),
      ),
    onSettled: () => void qc.invalidateQueries({ queryKey: exportKeys.schedules(u) }),
  });
}

export function useSetRetention(u: Unit) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (retentionDays: number) =>
      unwrap(
        api.api.schedules[":unitKind"][":unitId"].retention.$put({
          param: param(u),
          json: { retentionDays },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: exportKeys.all }),
  });
}
