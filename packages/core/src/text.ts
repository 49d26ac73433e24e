/** Lower-case, tone-mark-free form for search: "Cải cách Đảng" → "cai cach dang". */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// XML 1.0 allows tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF; everything
// else (C0 controls, lone surrogates, U+FFFE/U+FFFF) breaks the DOCX and is dropped.
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drop what cannot appear in an XML document: every string the DOCX and XLSX renderers emit goes through this. */
export const xmlSafe = (s: string): string => s.replace(XML_INVALID, "");

/** What every free-text input becomes: XML-safe characters, composed (NFC). */
export function cleanText(s: string): string {
  return xmlSafe(s).normalize("NFC");
}

// Spaces, format characters (zero-width space/joiners, BOM, word joiner, bidi marks) and
// other default-ignorable code points: none of them shows anything on the page.
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/gu;

/** How many characters of the text show on the page. */
export function visibleLength(s: string): number {
  return s.replace(INVISIBLE, "").length;
}

/** True when the text shows at least one character. */
export function hasVisibleText(s: string): boolean {
  return visibleLength(s) > 0;
}

/** The size of a string as UTF-8, without Buffer (this module also runs in the browser). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
