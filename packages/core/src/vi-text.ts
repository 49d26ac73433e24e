/**
 * Small, dependency-free helpers for Vietnamese administrative text:
 * NFC, whitespace, tone-mark placement (hoá/hóa, uỷ/ủy), dates and unit-name keys.
 */

export const nfc = (s: string): string => s.normalize("NFC");

/** Collapse runs of spaces/tabs/NBSP into one space and trim. */
export { collapseSpaces, upperVi } from "./plan/document-text";

/** Old-style tone placement (hoá, khoẻ, uỷ) ↔ new style (hóa, khỏe, ủy), as pairs [old, new]. */
const TONE_PAIRS: ReadonlyArray<readonly [string, string]> = (() => {
  const pairs: [string, string][] = [];
  const groups: Array<[string, string, string, string]> = [
    // first vowel, second vowel, tones of the first vowel, tones of the second vowel
    ["o", "a", "óòỏõọ", "áàảãạ"],
    ["o", "e", "óòỏõọ", "éèẻẽẹ"],
    ["u", "y", "úùủũụ", "ýỳỷỹỵ"],
  ];
  for (const [v1, v2, t1, t2] of groups) {
    for (let i = 0; i < t1.length; i++) {
      const a = t1[i] as string;
      const b = t2[i] as string;
      for (const up1 of [false, true]) {
        for (const up2 of [false, true]) {
          const c1 = up1 ? v1.toUpperCase() : v1;
          const c2 = up2 ? b.toUpperCase() : b;
          const n1 = up1 ? a.toUpperCase() : a;
          const n2 = up2 ? v2.toUpperCase() : v2;
          pairs.push([c1 + c2, n1 + n2]);
        }
      }
    }
  }
  return pairs;
})();
const OLD_TO_NEW = new Map(TONE_PAIRS.map(([o, n]) => [o, n] as const));
const NEW_TO_OLD = new Map(TONE_PAIRS.map(([o, n]) => [n, o] as const));
const OLD_RE = new RegExp(`(?<![\\p{L}])([\\p{L}]*?)(${[...OLD_TO_NEW.keys()].join("|")})(?![\\p{L}])`, "gu");
const NEW_RE = new RegExp(`(?<![\\p{L}])([\\p{L}]*?)(${[...NEW_TO_OLD.keys()].join("|")})(?![\\p{L}])`, "gu");

/** "qu" + y: the u belongs to the consonant ("quý"), so the tone has only one place. */
const isQu = (prefix: string) => /q$/i.test(prefix);

/** Rewrite old-style tone placement at the end of a syllable to the new style. Length-preserving. */
export function toNewTone(s: string): string {
  return nfc(s).replace(OLD_RE, (m, prefix: string, pair: string) =>
    isQu(prefix) ? m : prefix + (OLD_TO_NEW.get(pair) ?? pair),
  );
}

/** Rewrite new-style tone placement at the end of a syllable to the old style. Length-preserving. */
export function toOldTone(s: string): string {
  return nfc(s).replace(NEW_RE, (m, prefix: string, pair: string) =>
    isQu(prefix) ? m : prefix + (NEW_TO_OLD.get(pair) ?? pair),
  );
}

export type ToneHit = { word: string; style: "old" | "new"; index: number };

/** Syllables whose tone could be placed either way, with the style used. */
export function toneStyleHits(s: string): ToneHit[] {
  const text = nfc(s);
  const hits: ToneHit[] = [];
  for (const [re, style] of [
    [OLD_RE, "old"],
    [NEW_RE, "new"],
  ] as const) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const prefix = m[1] ?? "";
      if (isQu(prefix)) continue;
      // Only real syllables: the pair ends the word and at most 3 consonants precede it (h, kh, th, ngh...).
      if (!/^[^aeiouyăâêôơưáàảãạéèẻẽẹóòỏõọúùủũụíìỉĩịýỳỷỹỵ]{0,3}$/iu.test(prefix)) continue;
      hits.push({ word: m[0], style, index: m.index ?? 0 });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Comparison key for names: NFC, new-style tones, lower case, hyphens as spaces, single spaces. */
export function nameKey(s: string): string {
  return toNewTone(s).toLocaleLowerCase("vi").replace(/[-–—]/g, " ").replace(/\s+/g, " ").trim();
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function toIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2023-06-22" → "22/06/2023". */
export function formatViDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export type TextDate = { iso?: string; raw: string; index: number; y: number; m: number; d: number };

/**
 * Dates written in running text: "ngày 30 tháng 12 năm 2023", "30/12/2023", "30-12-2023", "30.12.2023".
 * `iso` is absent when the date does not exist (31/02/2024).
 */
export function findTextDates(s: string): TextDate[] {
  const out: TextDate[] = [];
  const re =
    /(?<![\d/.-])(\d{1,2})\s*(?:\/|-|\.)\s*(\d{1,2})\s*(?:\/|-|\.)\s*(\d{4})(?![\d/])|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;
  for (const m of nfc(s).matchAll(re)) {
    const d = Number(m[1] ?? m[4]);
    const mo = Number(m[2] ?? m[5]);
    const y = Number(m[3] ?? m[6]);
    const hit: TextDate = { raw: m[0], index: m.index ?? 0, y, m: mo, d };
    if (isRealDate(y, mo, d)) hit.iso = toIso(y, mo, d);
    out.push(hit);
  }
  return out;
}

/** The first real date in a piece of text, ISO. */
export function firstTextDate(s: string): string | undefined {
  return findTextDates(s).find((d) => d.iso)?.iso;
}

/** Escape a string for use inside a RegExp. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A RegExp that finds a unit name written with any spacing around "-", any case and either tone placement,
 * e.g. "Văn phòng - Thống kê" finds "Văn phòng -thống kê" and "Văn phòng-thống kê".
 * Apply it to `toNewTone(text)` (same length as `text`) so indices map back.
 * With `requireHyphen`, the hyphen must be present (running text: "tài chính kế toán" is a phrase, not the office).
 */
export function unitVariantRegExp(unit: string, requireHyphen: boolean): RegExp {
  const parts = toNewTone(unit)
    .split(/[-–—]/)
    .map((p) => p.trim().split(/\s+/).map(escapeRe).join("\\s+"));
  // Not `\s*[-–—]?\s*`: two optional runs of spaces side by side backtrack quadratically on a run of spaces.
  const sep = requireHyphen ? "\\s*[-–—]\\s*" : "(?:\\s*[-–—]\\s*|\\s*)";
  return new RegExp(`(?<![\\p{L}])${parts.join(sep)}(?![\\p{L}])`, "giu");
}

/**
 * `s` without any of `chars` at its end ("Lưu: VT.;" → "Lưu: VT"). A loop, not `/[.;]+$/`: that regex retries
 * every start position of a long run of those characters, quadratic on "....…x".
 */
export function stripEnd(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1] as string)) end--;
  return s.slice(0, end);
}

export { xmlSafe } from "./text";
