import type { ListParams } from "@kehoach/client/plans";
import type { PlanStatus } from "@kehoach/core/plan/schema";

export type PlanFilters = {
  q?: string | undefined;
  status?: PlanStatus | undefined;
  year?: string | undefined;
  /** Lĩnh vực, matched exactly (e.g. "CCHC"). */
  category?: string | undefined;
};

const PAGE_SIZE = 20;

/** The API's list parameters for a page of the list: the same for the route's loader and the table. */
export function planListParams(communeId: string, filters: PlanFilters, cursor?: string): ListParams {
  return {
    communeId,
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.year ? { year: filters.year } : {}),
    ...(filters.category ? { category: filters.category } : {}),
  };
}
