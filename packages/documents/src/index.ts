export {
  ImportError,
  type ImportErrorCode,
  type ImportOptions,
  type ImportResult,
  importPlanDocx,
  importPlanText,
  isImportError,
  MAX_IMPORT_BYTES,
} from "./import";
export { type ChaseLetter, renderLetterDocx } from "./letter-docx";
export {
  FONT,
  issuerHeaderLines,
  numberLine,
  PAGE,
  type RenderablePlan,
  recipientLines,
  renderPlanDocx,
} from "./render-docx";
