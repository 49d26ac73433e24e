/**
 * Words the built-in templates leave for the clerk to replace: an issued document must not carry them.
 * Browser-safe (the checker and the dashboard both read it).
 */
export const TEMPLATE_PLACEHOLDERS = ["UBND cấp trên trực tiếp", "(Họ và tên người ký)"] as const;

/** The template phrase `text` still carries, if any (case-insensitive). */
export function templatePhraseIn(text: string): string | undefined {
  const t = text.normalize("NFC").toLocaleLowerCase("vi");
  return TEMPLATE_PLACEHOLDERS.find((p) => t.includes(p.toLocaleLowerCase("vi")));
}
