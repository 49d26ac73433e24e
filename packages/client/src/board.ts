import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { InferRequestType, InferResponseType } from "hono/client";
import { api, unwrap } from "./api";

type ScopeBoardGet = (typeof api.api.board.scopes)[":scopeId"]["$get"];
type LetterPost = (typeof api.api.board.scopes)[":scopeId"]["letters"]["$post"];

/** A scope's board as the API sends it (core's Board). */
export type ScopeBoard = InferResponseType<ScopeBoardGet, 200>;
/** One commune's row (or, on the national view, one province's). */
export type BoardRow = ScopeBoard["rows"][number];
export type BoardPeriods = ScopeBoard["periods"];
export type ReportState = BoardRow["reports"]["previous"];
export type ChaseLetter = InferResponseType<LetterPost, 201>;
export type ChaseLetterInput = InferRequestType<LetterPost>["json"];

/**
 * The overseer's board (theo dõi các xã): the body's oversight scopes, one scope's board, the
 * national view for admins, and the chase-up letters (công văn đôn đốc) issued from it.
 */
export const oversightKeys = {
  all: ["oversight"] as const,
  scopes: ["oversight", "scopes"] as const,
  board: (scopeId: string) => ["oversight", "board", scopeId] as const,
  national: ["oversight", "national"] as const,
  letters: ["oversight", "letters"] as const,
};

/** The scopes the overseer's body holds: current ones first, then the historical ones. */
export const oversightScopesQuery = () =>
  queryOptions({
    queryKey: oversightKeys.scopes,
    queryFn: () => unwrap(api.api.board.scopes.$get()),
  });

/** One scope's board: a row per commune (its merged predecessors' past included), totals, periods. */
export const scopeBoardQuery = (scopeId: string) =>
  queryOptions({
    queryKey: oversightKeys.board(scopeId),
    queryFn: () => unwrap(api.api.board.scopes[":scopeId"].$get({ param: { scopeId } })),
  });

/** Admins: a row per province in force today. */
export const nationalBoardQuery = () =>
  queryOptions({
    queryKey: oversightKeys.national,
    queryFn: () => unwrap(api.api.board.national.$get()),
  });

/** The chase-up letters the body issued, newest first. */
export const chaseLettersQuery = () =>
  queryOptions({
    queryKey: oversightKeys.letters,
    queryFn: () => unwrap(api.api.board.letters.$get()),
  });

/** Issue a chase-up letter to communes of the scope; numbered by the server (`N/SNV-CCHC`). */
export function useIssueChaseLetter(scopeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChaseLetterInput) =>
      unwrap(api.api.board.scopes[":scopeId"].letters.$post({ param: { scopeId }, json: body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: oversightKeys.letters }),
  });
}

/** The board as an XLSX workbook (same origin; the session cookie goes along). */
export const boardXlsxUrl = (scopeId: string) =>
  `/api/board/scopes/${encodeURIComponent(scopeId)}/board.xlsx`;

/** A chase-up letter as a Decree 30 DOCX. */
export const letterDocxUrl = (letterId: string) => `/api/board/letters/${encodeURIComponent(letterId)}/docx`;
