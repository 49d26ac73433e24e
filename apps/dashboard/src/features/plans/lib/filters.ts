import type { ListParams } from "@kehoach/client/plans";
import { type PlanStatus, planListQuery } from "@kehoach/core/plan/schema";
import { searchValue } from "../../../lib/search";

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

/** The list's filters as the API takes them (its list query), each checked on its own. */
const filterSchema = planListQuery.pick({ q: true, status: true, year: true, category: true }).shape;

/**
 * The filters in the address (?q=&status=&year=&category=): a value the API would refuse is
 * dropped, leaving the others; ?year=2024 arrives as a number and is read as text.
 */
export function planFilters(search: Record<string, unknown>): PlanFilters {
  return {
    q: searchValue(filterSchema.q, search.q),
    status: searchValue(filterSchema.status, search.status),
    year: searchValue(filterSchema.year, search.year),
    category: searchValue(filterSchema.category, search.category),
  };
}
