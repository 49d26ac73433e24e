import type { PlanContentInput } from "@kehoach/core/plan/schema";
import type { Finding } from "../../../components/findings/types";
import type { ConfidenceMap } from "./confidence";

/** POST /api/documents/import(-text): a draft to review, nothing saved. */
export type ImportResponse = {
  draft: PlanContentInput;
  confidence: ConfidenceMap;
  originalText: string;
  warnings: string[];
  findings: Finding[];
};

/** Where the text came from; saved with the plan as `source`. */
export type ImportOrigin =
  | { kind: "import-text"; filename?: string }
  | { kind: "import-docx"; filename: string };
