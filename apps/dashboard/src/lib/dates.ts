import { formatDate } from "./format";

/**
 * Dates as people here read and type them: dd/mm/yyyy whatever the browser's locale, stored as
 * ISO (YYYY-MM-DD). A text field (not `<input type="date">`, which follows the browser's locale:
 * mm/dd/yyyy on an en-US browser) with a light mask: the slashes come by themselves.
 */

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "2025-07-01" → "01/07/2025"; anything else unchanged (a date being typed). */
export function isoToDmy(value: string | undefined): string {
  return value ? formatDate(value) : "";
}

/**
 * What the field shows after a keystroke: digits typed without slashes get them ("01072025" →
 * "01/07/2025"); typed slashes are kept ("1/7/2025"); other characters are dropped.
 */
export function maskDmy(raw: string): string {
  const parts: string[] = [""];
  const width = [2, 2, 4];
  for (const ch of raw) {
    const i = parts.length - 1;
    const part = parts[i] ?? "";
    if (ch === "/") {
      if (part !== "" && i < 2) parts.push("");
    } else if (/\d/.test(ch)) {
      if (part.length < (width[i] ?? 4)) parts[i] = part + ch;
      else if (i < 2) parts.push(ch);
    }
  }
  return parts.join("/");
}

/**
 * The value a date field gives its form after a keystroke: "" when empty; the ISO form of a
 * complete d/m/yyyy (even of a day that does not exist, so the form's validation or the API's
 * says "no such day" rather than silently keeping the previous date); else the text as typed.
 */
export function dateFieldValue(raw: string): string {
  const text = maskDmy(raw);
  const m = DMY.exec(text);
  if (!m) return text;
  return `${m[3]}-${(m[2] ?? "").padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}`;
}

/** The props of an `<input>` that shows and takes a date as dd/mm/yyyy. */
export function dateInputProps(value: string | undefined, onChange: (value: string) => void) {
  return {
    type: "text",
    inputMode: "numeric",
    autoComplete: "off",
    placeholder: "dd/mm/yyyy",
    maxLength: 10,
    value: isoToDmy(value),
    onChange: (e: { target: { value: string } }) => onChange(dateFieldValue(e.target.value)),
  } as const;
}
