import type { ListParams } from "@kehoach/client/plans";
import { type PlanStatus, planListQuery } from "@kehoach/core/plan/schema";
import type { ZodType } from "zod";

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
  const field = <T>(schema: ZodType<T>, v: unknown): T | undefined => {
    const text = typeof v === "string" || typeof v === "number" ? String(v).trim() : "";
    const parsed = schema.safeParse(text || undefined);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    q: field(filterSchema.q, search.q),
    status: field(filterSchema.status, search.status),
    year: field(filterSchema.year, search.year),
    category: field(filterSchema.category, search.category),
  };
}
