import type { FieldIssue, Messages } from "@kehoach/client/api";
import { type PlanContent, planContent } from "@kehoach/core/plan/schema";
import { issuesOf } from "@kehoach/core/validate";
import { type Path, pathKey } from "./content";

export type FieldErrors = ReadonlyMap<string, Messages>;
export type Validation =
  | { ok: true; data: PlanContent; errors: FieldErrors; issues: FieldIssue[] }
  | { ok: false; errors: FieldErrors; issues: FieldIssue[] };

/** Index issues by their dotted path; the first message of a field wins. */
export function errorsByPath(issues: readonly FieldIssue[], stripPrefix?: string): Map<string, Messages> {
  const out = new Map<string, Messages>();
  for (const i of issues) {
    const path = stripPrefix && i.path[0] === stripPrefix ? i.path.slice(1) : i.path;
    const key = pathKey(path);
    if (!out.has(key)) out.set(key, i.message);
  }
  return out;
}

/**
 * The same schema the API applies (packages/core/plan/schema), run in the browser, so every rule
 * gives its message beside its field before anything is sent.
 */
export function validateContent(content: PlanContent): Validation {
  const r = planContent.safeParse(content);
  if (r.success) return { ok: true, data: r.data, errors: new Map(), issues: [] };
  const issues = issuesOf(r.error);
  return { ok: false, errors: errorsByPath(issues), issues };
}

/** Issues of an API answer are about the request body: `["content", "subject"]` → `subject`. */
export function contentIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((i) => ({ ...i, path: i.path[0] === "content" ? i.path.slice(1) : i.path }));
}

export function isUnder(path: Path, key: string) {
  const k = pathKey(path);
  return key === k || key.startsWith(`${k}.`);
}
