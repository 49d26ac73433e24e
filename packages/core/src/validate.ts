import type { z } from "zod";
import { DomainError, type FieldIssue, splitMessage } from "./errors";

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: bilingual(i),
  }));
}

function bilingual(i: z.core.$ZodIssue): { vi: string; en: string } {
  if (i.message.includes(" / ")) return splitMessage(i.message);
  switch (i.code) {
    case "invalid_type":
      return i.input === undefined
        ? { vi: "Bắt buộc nhập", en: "Required" }
        : { vi: `Sai kiểu dữ liệu (cần ${i.expected})`, en: `Invalid type (expected ${i.expected})` };
    case "too_small":
      return {
        vi: `Giá trị quá nhỏ (tối thiểu ${String(i.minimum)})`,
        en: `Too small (minimum ${String(i.minimum)})`,
      };
    case "too_big":
      return {
        vi: `Giá trị quá lớn (tối đa ${String(i.maximum)})`,
        en: `Too big (maximum ${String(i.maximum)})`,
      };
    case "invalid_value":
      return {
        vi: `Giá trị không hợp lệ (chọn một trong: ${i.values.join(", ")})`,
        en: `Invalid value (one of: ${i.values.join(", ")})`,
      };
    case "unrecognized_keys":
      return {
        vi: `Trường không được phép: ${i.keys.join(", ")}`,
        en: `Unknown field(s): ${i.keys.join(", ")}`,
      };
    default:
      return { vi: "Giá trị không hợp lệ", en: i.message || "Invalid value" };
  }
}

export function validationError(issues: FieldIssue[]) {
  const first = issues[0];
  const where = first ? first.path.join(".") : "";
  return new DomainError(
    400,
    "validation_failed",
    {
      vi: `Dữ liệu không hợp lệ${where ? ` tại ${where}` : ""}: ${first?.message.vi ?? ""}`,
      en: `Invalid input${where ? ` at ${where}` : ""}: ${first?.message.en ?? ""}`,
    },
    { issues },
  );
}

/** Parse or throw a 400 DomainError carrying every field path and message. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw validationError(issuesOf(r.error));
  return r.data;
}
