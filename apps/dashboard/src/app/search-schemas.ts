import { registerQuery as registerYearQuery } from "@kehoach/core/plan/schema";
import { reportListQuery } from "@kehoach/core/report/schema";
import { boardQuery as taskBoardQuery } from "@kehoach/core/task/schema";
import { z } from "zod";
import { boardSearch } from "../features/board/lib/view";
import { planFilters } from "../features/plans/lib/filter-search";
import type { BoardView } from "../features/tasks/lib/board";
import { searchValue, yearSearch } from "../lib/search";

export type TaskBoardSearch = {
  view?: Exclude<BoardView, "open"> | undefined;
  group?: "deadline" | undefined;
  mine?: 1 | undefined;
};

/**
 * The signed-in pages' address parameters, each checked by the schema the API takes it with.
 * Loaded beside the login page rather than before it (zod is a fifth of the first visit's code):
 * see `search-loader.ts`.
 */
export const searchSchemas = {
  planFilters,
  /** ?focus=basis.0.date: the editor's field to open at. */
  focus: (s: Record<string, unknown>): { focus?: string | undefined } => ({
    focus: searchValue(z.string(), s.focus),
  }),
  register: yearSearch(registerYearQuery.shape.year),
  reports: yearSearch(reportListQuery.shape.year),
  tasks: (s: Record<string, unknown>): TaskBoardSearch => {
    // The API's board views, of which the board's radio offers these (the default one is left out).
    const view = searchValue(taskBoardQuery.shape.view, s.view);
    return {
      view: view === "overdue" || view === "done" ? view : undefined,
      group: searchValue(z.literal("deadline"), s.group),
      mine: searchValue(z.literal("1"), s.mine) ? 1 : undefined,
    };
  },
  board: boardSearch,
};
