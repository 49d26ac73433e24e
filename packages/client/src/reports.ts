import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "./api";
import { planKeys } from "./plans";

export const reportKeys = {
  all: ["reports"] as const,
  year: (communeId: string, year: string) => ["reports", communeId, year] as const,
};

/** A commune's periods of a year (Q1, 6 months, Q3, year) with their report's state. */
export const reportsQuery = (communeId: string, year: string) =>
  queryOptions({
    queryKey: reportKeys.year(communeId, year),
    queryFn: () =>
      unwrap(api.api.communes[":communeId"].reports.$get({ param: { communeId }, query: { year } })),
  });

/** Draft the period's report, or get the one that exists (the answer is the report either way). */
export function useDraftReport(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (period: string) =>
      unwrap(api.api.communes[":communeId"].reports.$post({ param: { communeId }, json: { period } })),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: reportKeys.all });
      void qc.invalidateQueries({ queryKey: planKeys.all });
      qc.setQueryData(planKeys.detail(p.id), p as never);
    },
  });
}

/** Where a periodic report's data annex downloads from (same origin; the session cookie goes along). */
export const reportAnnexUrl = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/annex.xlsx`;
