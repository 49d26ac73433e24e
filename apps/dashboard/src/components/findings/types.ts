/**
 * The checker's finding (packages/core/src/plan/checker.ts) as the API sends it: the API's schema,
 * which the client's types come from, carries the code as any string, not as core's list of codes.
 */
export type FindingSeverity = "error" | "warning";
export type FindingPath = (string | number)[];
export type Finding = {
  code: string;
  severity: FindingSeverity;
  location: { path: FindingPath; label: string };
  message: { vi: string; en: string };
};
