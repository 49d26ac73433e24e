/**
 * The checker's finding, as the API sends it (packages/core/src/plan/checker.ts).
 * Declared here so the dashboard does not depend on the documents package.
 */
export type FindingSeverity = "error" | "warning";
export type FindingPath = (string | number)[];
export type Finding = {
  code: string;
  severity: FindingSeverity;
  location: { path: FindingPath; label: string };
  message: { vi: string; en: string };
};
