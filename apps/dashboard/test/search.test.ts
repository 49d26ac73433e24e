import { planListQuery, registerQuery } from "@kehoach/core/plan/schema";
import { reportListQuery } from "@kehoach/core/report/schema";
import { boardQuery } from "@kehoach/core/task/schema";
import { describe, expect, it } from "vitest";
import { boardSearch } from "../src/features/board/lib/view";
import { planFilters } from "../src/features/plans/lib/filter-search";
import { searchValue, yearSearch } from "../src/lib/search";

/** The address's parameters are read with the API's own query schemas; a bad one falls back. */
describe("search parameters", () => {
  it("reads ?year= as the API's report list takes it, and drops a year it would refuse", () => {
    const reports = yearSearch(reportListQuery.shape.year);
    expect(reports({ year: 2024 })).toEqual({ year: 2024 });
    expect(reports({ year: "2024" })).toEqual({ year: 2024 });
    // Four digits, but not a year the API lists reports of: the page's own year instead of a 400.
    expect(reports({ year: 2150 })).toEqual({ year: undefined });
    expect(reportListQuery.safeParse({ year: "2150" }).success).toBe(false);
    expect(reports({ year: "20x4" })).toEqual({ year: undefined });
    expect(reports({ year: ["2024"] })).toEqual({ year: undefined });
    expect(reports({})).toEqual({ year: undefined });
  });

  it("reads the register's ?year= with the register's query", () => {
    const register = yearSearch(registerQuery.shape.year);
    expect(register({ year: 2023 })).toEqual({ year: 2023 });
    expect(register({ year: "123" })).toEqual({ year: undefined });
    expect(register({ year: { y: 2023 } })).toEqual({ year: undefined });
  });

  it("takes the board's view default from the API's board query", () => {
    expect(searchValue(boardQuery.shape.view, undefined)).toBe("open");
    expect(searchValue(boardQuery.shape.view, "overdue")).toBe("overdue");
    expect(searchValue(boardQuery.shape.view, "everything")).toBeUndefined();
  });

  it("keeps the plan list's good filters and drops the bad ones", () => {
    expect(planFilters({ q: " đường ", status: "lost", year: 2024, category: "x".repeat(81) })).toEqual({
      q: "đường",
      status: undefined,
      year: "2024",
      category: undefined,
    });
    expect(planListQuery.shape.status.safeParse("lost").success).toBe(false);
  });

  it("reads a scope board's address parameter by parameter", () => {
    expect(boardSearch({ q: "tu ", show: "bad", sort: "overdue", dir: "up", charts: "1" })).toEqual({
      q: "tu ",
      sort: "overdue",
      charts: 1,
    });
    expect(boardSearch({ q: "   ", show: "missing", dir: "asc", charts: 2 })).toEqual({
      show: "missing",
      dir: "asc",
    });
    expect(boardSearch({ q: 42, sort: ["name"] }).q).toBe("42");
    expect(boardSearch({ q: "a".repeat(150) }).q).toHaveLength(100);
    expect(boardSearch({})).toEqual({});
  });
});
