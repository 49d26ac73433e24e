import type { ZodType } from "zod";

/**
 * One value of the address checked by the schema the API takes it with: a value it would refuse
 * (or a missing one) is dropped, so a bad or partial address falls back to the page's default
 * instead of failing. ?year=2024 arrives as a number and is read as text.
 */
export function searchValue<T>(schema: ZodType<T>, v: unknown): T | undefined {
  const text = typeof v === "string" || typeof v === "number" ? String(v).trim() : "";
  const parsed = schema.safeParse(text || undefined);
  return parsed.success ? parsed.data : undefined;
}

/**
 * ?year= as the API's year query takes it, kept a number so the address reads ?year=2024
 * (a numeric-looking string would be quoted).
 */
export const yearSearch =
  (schema: ZodType<string | undefined>) =>
  (s: Record<string, unknown>): { year?: number | undefined } => {
    const year = searchValue(schema, s.year);
    return { year: year ? Number(year) : undefined };
  };
