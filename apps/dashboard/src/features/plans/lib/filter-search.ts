import { planListQuery } from "@kehoach/core/plan/schema";
import { searchValue } from "../../../lib/search";
import type { PlanFilters } from "./filters";

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
