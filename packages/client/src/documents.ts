import type { PlanContentInput } from "@kehoach/core/plan/schema";
import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "./api";

/**
 * Checker findings for content being edited (nothing is saved); with `as: "issue"`, only what would block
 * issuing it today (numbered and dated today).
 */
export function checkContent(content: PlanContentInput, status?: string, as?: "draft" | "issue") {
  return unwrap(
    api.api.documents.check.$post({
      json: { content, ...(status ? { status } : {}), ...(as ? { as } : {}) } as never,
    }),
  );
}

export function useImportText() {
  return useMutation({
    mutationFn: (text: string) => unwrap(api.api.documents["import-text"].$post({ json: { text } })),
  });
}

export function useImportFile() {
  return useMutation({
    // DOM File vs Node File types differ only in stream typings; the value is the same.
    mutationFn: (file: File) => unwrap(api.api.documents.import.$post({ form: { file: file as never } })),
  });
}
