export const BOARD_VIEWS = ["open", "overdue", "done"] as const;
export type BoardView = (typeof BOARD_VIEWS)[number];
export type BoardGroup = "office" | "deadline";
export type BoardFilters = { view: BoardView; group: BoardGroup; mine: boolean };
/** Tasks per page of the board. */
export const BOARD_PAGE = 50;
