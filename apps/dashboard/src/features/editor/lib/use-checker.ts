import { checkContent } from "@kehoach/client/documents";
import type { PlanContent } from "@kehoach/core/plan/schema";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";

const CHECK_DELAY_MS = 800;

/**
 * Decree 30 findings for the content being edited (nothing saved), asked again a moment after
 * the last edit. Only valid content is checked: the API refuses the rest with 400.
 */
export function useChecker(data: PlanContent | undefined, json: string, as: "draft" | "issue" = "draft") {
  const [asked, setAsked] = useState<{ json: string; data: PlanContent } | null>(
    data ? { json, data } : null,
  );
  useEffect(() => {
    if (!data) return;
    const t = setTimeout(() => setAsked({ json, data }), CHECK_DELAY_MS);
    return () => clearTimeout(t);
  }, [json, data]);

  const query = useQuery({
    queryKey: ["editor-check", as, asked?.json] as const,
    queryFn: () => checkContent((asked as { data: PlanContent }).data, undefined, as),
    enabled: asked !== null,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
  });
  return { ...query, stale: asked?.json !== json || query.isPlaceholderData };
}
