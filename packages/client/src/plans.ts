import type { PlanContentInput } from "@kehoach/core/plan/schema";
import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import { api, unwrap } from "./api";

export type ListParams = {
  communeId: string;
  cursor?: string;
  limit?: number;
  status?: string;
  year?: string;
  category?: string;
  q?: string;
};

export const planKeys = {
  all: ["plans"] as const,
  list: (p: ListParams) => ["plans", "list", p] as const,
  detail: (id: string) => ["plans", "detail", id] as const,
  history: (id: string) => ["plans", "history", id] as const,
};

const str = (o: Record<string, string | number | undefined>) =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );

export const plansQuery = (p: ListParams) =>
  queryOptions({
    queryKey: planKeys.list(p),
    queryFn: () =>
      unwrap(
        api.api.plans.$get({
          query: str(p) as { communeId: string },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const planQuery = (id: string) =>
  queryOptions({
    queryKey: planKeys.detail(id),
    queryFn: () => unwrap(api.api.plans[":id"].$get({ param: { id } })),
  });

export const planHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: planKeys.history(id),
    queryFn: () => unwrap(api.api.plans[":id"].history.$get({ param: { id } })),
  });

function invalidate(qc: QueryClient, id?: string) {
  void qc.invalidateQueries({ queryKey: planKeys.all });
  if (id) void qc.invalidateQueries({ queryKey: planKeys.detail(id) });
}

export function useCreatePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { communeId?: string; content: PlanContentInput }) =>
      unwrap(api.api.plans.$post({ json: body as never })),
    onSuccess: (p) => invalidate(qc, p.id),
  });
}

export function useSavePlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; content: PlanContentInput }) =>
      unwrap(api.api.plans[":id"].$put({ param: { id }, json: body as never })),
    onSuccess: (p) => {
      qc.setQueryData(planKeys.detail(id), p);
      invalidate(qc);
    },
  });
}

export function useDeletePlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(api.api.plans[":id"].$delete({ param: { id }, query: { version: String(version) } })),
    onSuccess: () => invalidate(qc, id),
  });
}

export type PlanAction =
  | "submit"
  | "return"
  | "approve"
  | "issue"
  | "start"
  | "complete"
  | "cancel"
  | "amend";

/** A lifecycle step at the version read; `amend` answers with the new linked draft. */
export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: PlanAction; version: number; reason?: string }) =>
      unwrap(api.api.plans[":id"].transitions.$post({ param: { id }, json: body })),
    onSuccess: (p) => {
      invalidate(qc, id);
      void qc.invalidateQueries({ queryKey: planKeys.history(id) });
      if (p.id !== id) invalidate(qc, p.id);
      void qc.invalidateQueries({ queryKey: ["register"] });
    },
  });
}

export function useCopyToNextPeriod(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.api.plans[":id"]["copy-next-period"].$post({ param: { id } })),
    onSuccess: (p) => invalidate(qc, p.id),
  });
}

export const planFindingsQuery = (id: string) =>
  queryOptions({
    queryKey: ["plans", "findings", id] as const,
    queryFn: () => unwrap(api.api.plans[":id"].findings.$get({ param: { id } })),
  });

/** What blocks issuing: the checker's errors on the plan as issuing it today would make it (numbered, dated). */
export const planIssueFindingsQuery = (id: string) =>
  queryOptions({
    queryKey: ["plans", "findings", id, "issue"] as const,
    queryFn: () => unwrap(api.api.plans[":id"]["issue-findings"].$get({ param: { id } })),
  });

/** Where the DOCX of a plan downloads from (same origin; the session cookie goes along). */
export const planDocxUrl = (id: string) => `/api/plans/${encodeURIComponent(id)}/document.docx`;

export const templatesQuery = (communeId: string) =>
  queryOptions({
    queryKey: ["templates", communeId] as const,
    queryFn: () => unwrap(api.api.communes[":communeId"].templates.$get({ param: { communeId } })),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const registerQuery = (communeId: string, year: string) =>
  queryOptions({
    queryKey: ["register", communeId, year] as const,
    queryFn: () =>
      unwrap(api.api.communes[":communeId"].register.$get({ param: { communeId }, query: { year } })),
  });

export const registerXlsxUrl = (communeId: string, year: string) =>
  `/api/communes/${encodeURIComponent(communeId)}/register.xlsx?year=${encodeURIComponent(year)}`;

export const officesQuery = () =>
  queryOptions({
    queryKey: ["offices"] as const,
    queryFn: () => unwrap(api.api.communes.offices.$get()),
    staleTime: Number.POSITIVE_INFINITY,
  });
