import {
  DOCUMENT_TYPES,
  type DocumentTypeCode,
  type PlanContentInput,
  planContent,
  type SectionItem,
} from "@kehoach/core/plan/schema";
import { COMMUNE_OFFICES } from "@kehoach/core/seed/units";
import {
  collapseSpaces,
  findTextDates,
  isRealDate,
  nfc,
  stripEnd,
  toIso,
  toNewTone,
  unitVariantRegExp,
  upperVi,
} from "@kehoach/core/vi-text";
import JSZip from "jszip";
import mammoth from "mammoth";
import {
  docxXmlToLines,
  htmlToLines,
  isTaskTableHeader,
  readDocxNumbering,
  readDocxStyles,
} from "./html-lines";
import { readZipDirectory } from "./zip-directory";

// ================================================================================================
// Public types

export type ImportResult = {
  /** A draft that passes `planContent.safeParse`; guesses and placeholders have low confidence. */
  draft: PlanContentInput;
  /** Confidence 0..1 per field path ("subject", "basis.0.date", "signer.name", "event.date", ...). */
  confidence: Record<string, number>;
  /** The text the draft was read from (NFC). */
  originalText: string;
  /** What could not be read or was guessed, "vi / en". */
  warnings: string[];
};

export type ImportErrorCode =
  | "empty"
  | "too-large"
  | "not-docx"
  | "unreadable"
  | "inflates-too-large"
  | "too-complex"
  | "timeout";

/** A rejected upload. Not an `Error` subclass because `message` is bilingual; check with `isImportError`. */
export class ImportError {
  readonly name = "ImportError";
  readonly stack?: string;
  constructor(
    readonly code: ImportErrorCode,
    readonly status: 400 | 413 | 415 | 422,
    readonly message: { vi: string; en: string },
  ) {
    this.stack = new Error(message.en).stack;
  }
  toString(): string {
    return `ImportError(${this.code}, ${this.status}): ${this.message.vi} / ${this.message.en}`;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}

import { MAX_IMPORT_BYTES } from "./limits";

export { MAX_IMPORT_BYTES };
/** What a .docx may expand to (text, styles and images of a long plan are a few MB). */
export const MAX_DOCX_INFLATED_BYTES = 20 * 1024 * 1024;
/** More parts than any Word document has: beyond it the ZIP is not a plan. */
const MAX_DOCX_ENTRIES = 2000;

export type ImportOptions = { units?: readonly string[] };

// ================================================================================================
// Entry points

export function importPlanText(text: string, opts: ImportOptions = {}): ImportResult {
  if (typeof text !== "string" || text.trim() === "")
    throw new ImportError("empty", 400, { vi: "Tệp rỗng, không có nội dung.", en: "The file is empty." });
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) throw tooLarge();
  const original = nfc(text).replace(/\r\n?|[\u2028\u2029]/g, "\n");
  return importLines(original.split("\n"), original, opts);
}

export async function importPlanDocx(
  buf: Buffer | Uint8Array,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  if (!buf || buf.length === 0)
    throw new ImportError("empty", 400, { vi: "Tệp rỗng.", en: "The file is empty." });
  if (buf.length > MAX_IMPORT_BYTES) throw tooLarge();
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  // A DOCX is a ZIP ("PK\x03\x04").
  if (b.length < 4 || b[0] !== 0x50 || b[1] !== 0x4b || b[2] !== 0x03 || b[3] !== 0x04) throw notDocx();
  // A ZIP bomb is refused from its directory, before anything is inflated.
  const dir = readZipDirectory(b);
  if (!dir) throw notDocx();
  if (dir.inflatedBytes > MAX_DOCX_INFLATED_BYTES || dir.entries > MAX_DOCX_ENTRIES)
    throw new ImportError("inflates-too-large", 413, {
      vi: `Tệp DOCX khi giải nén lớn hơn ${MAX_DOCX_INFLATED_BYTES / 1024 / 1024} MB; hãy bớt hình ảnh hoặc tách văn bản.`,
      en: `The DOCX expands to more than ${MAX_DOCX_INFLATED_BYTES / 1024 / 1024} MB when unpacked; remove images or split the document.`,
    });
  let raw: string;
  let lines: string[];
  try {
    const [text, read] = await Promise.all([mammoth.extractRawText({ buffer: b }), docxLines(b)]);
    raw = text.value;
    lines = read;
  } catch {
    throw notDocx();
  }
  const original = nfc(raw).replace(/\r\n?|[\u2028\u2029]/g, "\n");
  if (!lines.some((l) => l.trim()) && !original.trim())
    throw new ImportError("empty", 400, { vi: "Tệp DOCX không có chữ.", en: "The DOCX contains no text." });
  return importLines(lines.length ? lines : original.split("\n"), original, opts);
}

/**
 * The lines of a Word file read from its own XML, so that automatic numbering keeps the labels Word prints
 * (numbering definitions, not guesses); mammoth's HTML only when the document part cannot be found.
 */
async function docxLines(b: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(b);
  const part = (name: string) => zip.file(name)?.async("string");
  const doc = await part("word/document.xml");
  if (doc === undefined) return htmlToLines(nfc((await mammoth.convertToHtml({ buffer: b })).value));
  const [numbering, styles] = await Promise.all([part("word/numbering.xml"), part("word/styles.xml")]);
  return docxXmlToLines(
    nfc(doc),
    numbering ? readDocxNumbering(numbering) : undefined,
    styles ? readDocxStyles(styles) : undefined,
  );
}

function tooLarge(): ImportError {
  return new ImportError("too-large", 413, {
    vi: "Tệp lớn hơn 10 MB.",
    en: "The file is larger than 10 MB.",
  });
}
function notDocx(): ImportError {
  return new ImportError("not-docx", 415, {
    vi: "Tệp không phải là văn bản Word (.docx) hợp lệ.",
    en: "The file is not a valid Word (.docx) document.",
  });
}

// ================================================================================================
// Lines and paragraphs

type Label = {
  kind: "part" | "upper" | "roman" | "arabic" | "multi" | "letter" | "dash" | "plus";
  value: string;
  depth: number;
};
type Para = { text: string; label?: Label; row?: string[] };

const RANK: Record<Label["kind"], number> = {
  part: -2,
  upper: -1,
  roman: 0,
  arabic: 1,
  multi: 2,
  letter: 4,
  dash: 5,
  plus: 6,
};
/** Labels of a document's top-level sections: "PHẦN I.", "A.", "I.". */
const TOP_KINDS: ReadonlySet<Label["kind"]> = new Set(["part", "upper", "roman"]);
const rankOf = (l: Label) => (l.kind === "multi" ? 1 + l.depth : RANK[l.kind]);

const MAX_MULTI_DEPTH = 5;
// Not "V/v …" (a letter's subject), which is no section V.
const ROMAN_RE = /^(X{0,3}(?:IX|IV|V?I{0,3}))\s*(?:\.|\)|\/(?![vV](?![\p{L}])))\s*(\S.*)$/u;
const PART_RE = /^PHẦN\s+((?=[IVX\d])X{0,3}(?:IX|IV|V?I{0,3})|\d{1,2})\s*[.:]\s*(\S.*)$/u;
/** "A. MỤC TIÊU": a capital letter before a heading in capitals. */
const UPPER_RE = /^([A-H])\.\s+(\p{Lu}.*)$/u;
const ARABIC_RE = /^(\d{1,2})\s*[./)]\s+(\S.*)$/u;
const MULTI_RE = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/u;
const LETTER_RE = /^([a-zđ])\s*[)/]\s*(\S.*)$/u;
const LETTER_DOT_RE = /^([a-zđ])\.\s+(\p{Lu}.*)$/u;
const BULLET_RE = /^([-–—•*+])\s*(\S.*)$/u;

function parseLabel(line: string): { label: Label; rest: string } | undefined {
  let m = line.match(PART_RE);
  if (m?.[1] && m[2]) return { label: { kind: "part", value: `PHẦN ${m[1]}`, depth: 0 }, rest: m[2] };
  m = line.match(UPPER_RE);
  if (m?.[1] && m[2] && m[2].length <= 200 && isCaps(m[2]))
    return { label: { kind: "upper", value: m[1], depth: 0 }, rest: m[2] };
  m = line.match(ROMAN_RE);
  if (m?.[1] && m[2]) return { label: { kind: "roman", value: m[1], depth: 0 }, rest: m[2] };
  m = line.match(MULTI_RE);
  if (m?.[1] && m[2])
    // The depth is capped so that "1.1.1.1.…" cannot nest sections without bound (recursion in later steps).
    return {
      label: { kind: "multi", value: m[1], depth: Math.min(m[1].split(".").length, MAX_MULTI_DEPTH) },
      rest: m[2],
    };
  m = line.match(ARABIC_RE);
  if (m?.[1] && m[2]) return { label: { kind: "arabic", value: m[1], depth: 1 }, rest: m[2] };
  m = line.match(LETTER_RE) ?? line.match(LETTER_DOT_RE);
  if (m?.[1] && m[2]) return { label: { kind: "letter", value: m[1], depth: 0 }, rest: m[2] };
  m = line.match(BULLET_RE);
  if (m?.[1] && m[2]) {
    const plus = m[1] === "+";
    return { label: { kind: plus ? "plus" : "dash", value: plus ? "+" : "-", depth: 0 }, rest: m[2] };
  }
  return undefined;
}

/** Cells of a table row written with tabs or "|", when there are at least three. */
function tableCells(line: string): string[] | undefined {
  // Split on the bare separator and trim the cells: `\s*\|\s*` rescans a run of spaces from each of its positions.
  const sep = line.includes("|") ? "|" : line.includes("\t") ? /\t+/ : undefined;
  if (!sep) return undefined;
  const trimmed = line.trim();
  const inner = trimmed.slice(trimmed.startsWith("|") ? 1 : 0, trimmed.endsWith("|") ? -1 : undefined);
  const cells = inner.split(sep).map((c) => collapseSpaces(c));
  return cells.filter((c) => c !== "").length >= 3 ? cells : undefined;
}

const MARKER_RE =
  /^(Căn cứ|Thực hiện|Thi hành|Triển khai|Trên đây|Nơi nhận|Nhằm|Để|Xét|Theo|Trên cơ sở|(?:TM|KT|TL|TUQ|Q)\.\s)/u;
/** A line ending so cannot end a sentence: the next line goes on with it. */
const CONTINUES_RE =
  /(?:(?<![\p{L}])(?:số|ngày|tháng|năm|của|và|về|các|tại|theo|với|cho|trong|đến|từ|do|là)|[-–,])$/u;
const TERMINAL_RE = /[.:;!?…]["”)]?$|\.\/\.$/u;
const startsUpper = (s: string) => /^[\p{Lu}\d"“(]/u.test(s);

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/**
 * Rejoin lines into paragraphs. Text extracted from Word breaks lines mid-sentence; a line starts a new paragraph
 * when it carries a label ("I.", "1.", "2.1.", "a)", "-", "+"), a known opening ("Căn cứ", "Trên đây", ...), a table
 * row, or starts with a capital after a line that ended a sentence or was visibly short (a heading, a last line).
 */
function toParagraphs(lines: string[]): Para[] {
  const collapsed = lines.map((l) => collapseSpaces(l));
  const clean = collapsed.filter(Boolean);
  const typical = percentile(
    clean.map((l) => l.length),
    0.8,
  );
  const hardBreaks = typical > 0 && typical < 140;
  const out: Para[] = [];
  let prevLine = "";
  for (const [i, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const cells = tableCells(raw);
    if (cells) {
      out.push({ text: cells.join(" | "), row: cells });
      prevLine = "";
      continue;
    }
    const line = collapsed[i] as string;
    const labelled = parseLabel(line);
    const last = out[out.length - 1];
    const short = hardBreaks ? prevLine.length < typical * 0.72 : true;
    // A heading in capitals wrapped onto a second line; a line that ends on a word a sentence cannot end on
    // ("Nghị định số" / "07/2021/NĐ-CP", "giai đoạn 2021 -" / "2025").
    const headingGoesOn =
      last?.label !== undefined &&
      TOP_KINDS.has(last.label.kind) &&
      !labelled &&
      line.length <= 80 &&
      isCaps(line) &&
      last.text.length <= 200 &&
      isCaps(last.text);
    const sentenceGoesOn = !labelled && last?.row === undefined && CONTINUES_RE.test(prevLine);
    const newPara =
      !headingGoesOn &&
      !sentenceGoesOn &&
      (!last ||
        last.row !== undefined ||
        labelled !== undefined ||
        MARKER_RE.test(line) ||
        (startsUpper(line) && (TERMINAL_RE.test(prevLine) || short)) ||
        (!hardBreaks && TERMINAL_RE.test(prevLine)));
    if (newPara || !last) {
      out.push(labelled ? { text: labelled.rest, label: labelled.label } : { text: line });
    } else {
      last.text = `${last.text} ${line}`;
    }
    prevLine = line;
  }
  return out;
}

// ================================================================================================
// Header, subject, tail

const TYPE_LINE_RE = /^(KẾ HOẠCH|BÁO CÁO|QUYẾT ĐỊNH|THÔNG BÁO|GIẤY MỜI|CHỈ THỊ|NGHỊ QUYẾT|CÔNG VĂN)$/u;
const TYPE_BY_NAME: Record<string, DocumentTypeCode> = Object.fromEntries(
  Object.entries(DOCUMENT_TYPES).map(([code, name]) => [upperVi(name), code as DocumentTypeCode]),
);
/*
 * Every pattern of the importer is linear-time on any input (ARCHITECTURE.md: one request must not stall the
 * others). The rules that keep them so: no two runs that can match the same characters side by side
 * (`\s*:?\s*` becomes `\s*(?::\s*)?`), no quantified group whose body can match in several ways, and in a
 * pattern searched anywhere in a line, a run that does not start at a fixed word is bounded or starts where
 * the previous character cannot continue it (`(?<!\d)\d+`), so no start position rescans the run.
 */
/** A day, month or year after "ngày"/"tháng"/"năm": digits, or a blank of spaces, dots, "…" and "_". */
const dateField = (digits: string) => `\\s(?:\\s*(\\d{${digits}})\\s*|[\\s.…_]*)`;
const PLACE_DATE_RE = new RegExp(
  `^(.{2,60}?),\\s*ngày${dateField("1,2")}tháng${dateField("1,2")}năm\\s(?:\\s*(\\d{4})\\s*|[\\s.…_]*)$`,
  "u",
);
const NUMBER_RE = /^Số\s*(?::\s*)?(\d*)\s*\/\s*([\p{Lu}\dĐ]+(?:\s*-\s*[\p{Lu}\dĐ]+)*)\s*$/u;
const RULE_RE = /^[-_=—–.…*~\s]{3,}$/u;
const UNIT_KIND_RE = /^(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH)\s+(\S[\s\S]*)$/u;

type Header = {
  superior?: string;
  issuerLines: string[];
  symbolTail?: string;
  number?: number;
  place?: string;
  date?: string;
  dateBlank?: boolean;
  draftMark: boolean;
};

/** All capitals. A lower-case letter answers "no" without case-mapping the whole (possibly huge) string. */
const isCaps = (s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s) && s === upperVi(s);

/** "UBND TỈNH HẢI PHÒNG" → "UBND tỉnh Hải Phòng"; "XÃ QUẢNG NGHIỆP" → "xã Quảng Nghiệp". */
export function properCaseBody(caps: string): string {
  const s = collapseSpaces(caps);
  const m = s.match(/^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)?\s*([\s\S]*)$/u);
  const body = m?.[1] ? "UBND" : "";
  let rest = m?.[2] ?? s;
  const k = rest.match(UNIT_KIND_RE);
  let kind = "";
  if (k?.[1] && k[2]) {
    kind = k[1].toLocaleLowerCase("vi");
    rest = k[2];
  }
  const name = rest
    .toLocaleLowerCase("vi")
    .split(" ")
    .map((w) => (w ? (w[0] as string).toLocaleUpperCase("vi") + w.slice(1) : w))
    .join(" ");
  return [body, kind, name].filter(Boolean).join(" ");
}

/**
 * The columns of a line: text extracted from a two-column layout puts both cells on one line, separated by tabs or
 * runs of spaces. "Số:      /KH-UBND" and "Mỹ Hưng, ngày      tháng      năm 2024" keep their blanks.
 */
function fragments(line: string): string[] {
  // A page has two columns (four cells at most); a line that splits into more is prose, read whole (and the
  // split is bounded, so a line of a million blanks does not become a million fragments).
  const whole = () => [collapseSpaces(line)].filter(Boolean);
  const parts = line.split(/[\t|]+/, MAX_COLUMNS + 1);
  if (parts.length > MAX_COLUMNS) return whole();
  const out: string[] = [];
  for (const part of parts) {
    const cell = collapseSpaces(part);
    if (NUMBER_RE.test(cell) || PLACE_DATE_RE.test(cell)) out.push(cell);
    else {
      const cols = part.split(/ {3,}/, MAX_COLUMNS + 1);
      if (cols.length > MAX_COLUMNS) return whole();
      for (const c of cols) out.push(collapseSpaces(c));
    }
    if (out.length > MAX_COLUMNS) return whole();
  }
  return out.filter(Boolean);
}

const MAX_COLUMNS = 8;
const NUMBER_IN_RE = /Số\s*(?::\s*)?(\d*)\s*\/\s*([\p{Lu}\dĐ]+(?:\s?-\s?[\p{Lu}\dĐ]+)*)/u;
/** A place of up to five capitalised words (a syllable has at most 7 letters; 20 is generous). */
const PLACE_DATE_IN_RE = new RegExp(
  `(?<!\\p{L})(\\p{Lu}\\p{L}{0,20}(?: \\p{Lu}\\p{L}{0,20}){0,4}),\\s*ngày${dateField("1,2")}tháng${dateField("1,2")}năm\\s(?:\\s*(\\d{4})|[\\s.…_]*)`,
  "u",
);

function parseHeader(lines: string[]): Header {
  const h: Header = { issuerLines: [], draftMark: false };
  const caps: string[] = [];
  for (const raw of lines) {
    let line = raw;
    // Number and place/date first: they may share a line with the other column and contain runs of blanks.
    const n = line.match(NUMBER_IN_RE);
    if (n && h.symbolTail === undefined) {
      if (n[1]) h.number = Number(n[1]);
      h.symbolTail = (n[2] ?? "").replace(/\s+/g, "");
      line = line.replace(n[0], "\t");
    }
    const pd = line.match(PLACE_DATE_IN_RE);
    if (pd && h.place === undefined) {
      h.place = collapseSpaces(pd[1] ?? "");
      const [d, mo, y] = [Number(pd[2]), Number(pd[3]), Number(pd[4])];
      if (/\d/.test(pd[2] ?? "") && /\d/.test(pd[3] ?? "") && /\d/.test(pd[4] ?? "") && isRealDate(y, mo, d))
        h.date = toIso(y, mo, d);
      else h.dateBlank = true;
      line = line.replace(pd[0], "\t");
    }
    for (const f of fragments(line)) {
      if (RULE_RE.test(f)) continue;
      if (/^DỰ THẢO(?![\p{L}\d])/u.test(f)) {
        h.draftMark = true;
        continue;
      }
      if (/^CỘNG HÒA XÃ HỘI|^CỘNG HOÀ XÃ HỘI/u.test(f) || /^Độc lập\s*[-–]\s*Tự do/u.test(f)) continue;
      if (f.length <= 80 && isCaps(f)) caps.push(f);
    }
  }
  // Issuer block: [superior] "ỦY BAN NHÂN DÂN" "XÃ X" — or "ỦY BAN NHÂN DÂN XÃ X" on one line.
  const ubndAt = caps.findIndex((c) => /^(ỦY|UỶ) BAN NHÂN DÂN$/u.test(c));
  if (ubndAt >= 0) {
    if (ubndAt > 0) h.superior = properCaseBody(caps.slice(0, ubndAt).join(" "));
    h.issuerLines = caps.slice(ubndAt, ubndAt + 2);
  } else {
    // The issuer stands under its superior ("UBND TỈNH X" / "ỦY BAN NHÂN DÂN THÀNH PHỐ Y"): the last one.
    const one = caps.findLastIndex((c) =>
      /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s+(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH)\s+/u.test(
        c,
      ),
    );
    if (one >= 0) {
      const c = caps[one] as string;
      if (one > 0) h.superior = properCaseBody(caps.slice(0, one).join(" "));
      h.issuerLines = ["ỦY BAN NHÂN DÂN", c.replace(/^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s+/u, "")];
    }
  }
  return h;
}

const SUBJECT_STOP_RE =
  /^(Căn cứ|Thực hiện|Thi hành|Triển khai|Nhằm|Để|Theo|Xét|Trên cơ sở|Ngày\s+\d|Ủy ban|Uỷ ban|UBND|Hôm nay|Trong|Kính gửi)(?![\p{L}\d])/u;

// ================================================================================================
// Citations (basis)

const DOC_TYPES = [
  "Bộ luật",
  "Luật",
  "Nghị định",
  "Nghị quyết",
  "Quyết định",
  "Kế hoạch",
  "Chỉ thị",
  "Thông tư liên tịch",
  "Thông tư",
  "Công văn",
  "Văn bản",
  "Hướng dẫn",
  "Thông báo",
  "Báo cáo",
  "Chương trình",
  "Đề án",
  "Kết luận",
  "Công điện",
  "Pháp lệnh",
];
const typeAlt = DOC_TYPES.map(
  (t) => `[${t[0]}${(t[0] as string).toLocaleLowerCase("vi")}]${t.slice(1)}`,
).join("|");
/**
 * A document's number and symbol: "06/QĐ-TTg", "30/2020/NĐ-CP", "30c/NQ-CP" (a number with a letter), and the
 * Party's form "57-NQ/TW", "01-KH/BCĐTW".
 */
const SYMBOL =
  "(?<![\\d\\p{L}])\\d{1,6}[a-zđ]?(?:\\s?\\/(?:\\d{4}\\/)?[\\p{Lu}Đ\\d][\\p{L}\\d]*(?:-[\\p{Lu}Đ\\d][\\p{L}\\d]*)*|-[\\p{Lu}Đ]+\\/[\\p{Lu}Đ\\d]+(?:-[\\p{Lu}Đ\\d]+)*)";
const SYMBOL_RE = new RegExp(SYMBOL, "u");
/** A word of a cited document's name before "số" ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15"). */
const NAME_WORD = "(?!số(?![\\p{L}]))[^\\s;,.:\\d/()]+";
const CITE_RE = new RegExp(
  `(?<![\\p{L}])(${typeAlt})(?:((?:\\s+${NAME_WORD}){1,12}?)\\s+số\\s*(?::\\s*)?|\\s+(?:số\\s*(?::\\s*)?)?)(${SYMBOL})`,
  "gu",
);
const DATE_AT_START_RE =
  /^\s*(?:,\s*)?(?:ban hành\s+)?ngày\s+(\d{1,2})\s*(?:tháng|\/|-)\s*(\d{1,2})\s*(?:năm|\/|-)\s*(\d{4})/u;
// The lazy `(.+?)` below takes one character at a time, so its stop conditions start with one `\s`, not `\s+`
// (which would rescan a run of spaces from each of its positions); the spaces left over are trimmed.
const ISSUER_AT_START_RE =
  /^\s*(?:,\s*)?(?:của|do)\s+(.+?)(?=\s(?:về việc|về|V\/v|quy định|ban hành|hướng dẫn|triển khai|thực hiện|phê duyệt|sửa đổi|xây dựng)\s|[,;:.(]|$)/u;
const SUBJECT_AT_START_RE =
  /^\s*(?:,\s*)?(?:(?:về việc|V\/v|về)\s+|(?=(?:quy định|hướng dẫn|ban hành|phê duyệt|sửa đổi)\s))(.+?)(?=;|\.\s|\.$|,\s*(?:Ủy ban|Uỷ ban|UBND|cụ thể)|\svà\s+(?:tình hình|thực tế|kết quả|điều kiện|các văn bản|căn cứ|thực hiện)|$)/u;

type Cited = {
  type: string;
  number?: number;
  symbol?: string;
  date?: string;
  issuer?: string;
  subject?: string;
};

function canonicalType(t: string): string {
  const lower = t.toLocaleLowerCase("vi");
  return DOC_TYPES.find((d) => d.toLocaleLowerCase("vi") === lower) ?? t;
}

function parseCitations(text: string): Cited[] {
  const out: Cited[] = [];
  const matches = [...text.matchAll(CITE_RE)];
  for (const [i, m] of matches.entries()) {
    const start = (m.index ?? 0) + m[0].length;
    const end = matches[i + 1]?.index ?? text.length;
    let seg = text.slice(start, end);
    const cited: Cited = { type: canonicalType(m[1] ?? "Văn bản"), symbol: (m[3] ?? "").replace(/\s+/g, "") };
    const name = m[2] ? collapseSpaces(m[2]) : undefined;
    const num = Number.parseInt(cited.symbol ?? "", 10);
    if (Number.isFinite(num) && num > 0) cited.number = num;
    const d = seg.match(DATE_AT_START_RE);
    if (d) {
      const [dd, mm, yy] = [Number(d[1]), Number(d[2]), Number(d[3])];
      if (isRealDate(yy, mm, dd)) cited.date = toIso(yy, mm, dd);
      seg = seg.slice(d[0].length);
    }
    const iss = seg.match(ISSUER_AT_START_RE);
    if (iss?.[1]) {
      cited.issuer = collapseSpaces(iss[1]);
      seg = seg.slice(iss[0].length);
    }
    const subj = seg.match(SUBJECT_AT_START_RE);
    if (subj?.[1]) cited.subject = stripEnd(collapseSpaces(subj[1]), ",;.");
    else if (name) cited.subject = name;
    out.push(cited);
  }
  return out;
}

const UNNUMBERED_RE = new RegExp(
  `^(${typeAlt})\\s+(?!\\s|số(?![\\p{L}]))(.+?)(?:\\sngày\\s+(.+))?[.;]?$`,
  "u",
);

/** "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;" (no number) */
function parseUnnumberedBasis(paragraph: string): Cited[] {
  const out: Cited[] = [];
  if (!/^Căn cứ\s/u.test(paragraph)) return out;
  for (const part of paragraph.replace(/^Căn cứ\s+/u, "").split(";")) {
    const clause = part.trim();
    const m = clause.match(UNNUMBERED_RE);
    if (!m?.[1] || !m[2] || SYMBOL_RE.test(clause)) continue;
    const date = m[3] ? findTextDates(`ngày ${m[3]}`)[0]?.iso : undefined;
    out.push({ type: canonicalType(m[1]), subject: collapseSpaces(m[2]), ...(date ? { date } : {}) });
  }
  return out;
}

// ================================================================================================
// Sections

type Node = SectionItem & { rank: number; rows: string[][] };

function splitHeading(text: string, kind: Label["kind"]): { heading?: string; paragraph?: string } {
  const t = collapseSpaces(text);
  if (TOP_KINDS.has(kind)) return { heading: t.replace(/:$/, "") };
  if (kind === "dash" || kind === "plus") return { paragraph: t };
  const colon = t.match(/^([^:.;]{2,80}):\s*(\S.*)$/u);
  if (colon?.[1] && colon[2] && !/\d\s*$/.test(colon[1]))
    return { heading: colon[1].trim(), paragraph: colon[2].trim() };
  if (t.length <= 100 && !/[.;,]$/.test(t)) return { heading: t.replace(/:$/, "") };
  return { paragraph: t };
}

function buildSections(paras: Para[]): SectionItem[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const p of paras) {
    if (p.row) {
      const top = stack[stack.length - 1];
      if (top) top.rows.push(p.row);
      continue;
    }
    if (p.label) {
      const rank = rankOf(p.label);
      while (stack.length && (stack[stack.length - 1] as Node).rank >= rank) stack.pop();
      const { heading, paragraph } = splitHeading(p.text, p.label.kind);
      const node: Node = {
        id: "",
        label: p.label.value,
        ...(heading ? { heading } : {}),
        paragraphs: paragraph ? [paragraph] : [],
        children: [],
        rank,
        rows: [],
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else roots.push(node);
      stack.push(node);
      continue;
    }
    // An unlabelled paragraph after a bullet belongs to the bullet's parent: bullets are one paragraph each.
    while (stack.length > 1) {
      const top = stack[stack.length - 1] as Node;
      if (top.label === "-" || top.label === "+") stack.pop();
      else break;
    }
    const top = stack[stack.length - 1];
    if (top) top.paragraphs.push(collapseSpaces(p.text));
    else roots.push({ id: "", paragraphs: [collapseSpaces(p.text)], children: [], rank: 0, rows: [] });
  }
  return roots;
}

function assignIds(items: SectionItem[], prefix: string): void {
  items.forEach((it, i) => {
    it.id = `${prefix}-${i + 1}`;
    assignIds(it.children, it.id);
  });
}

function stripNode(n: SectionItem): SectionItem {
  const item: SectionItem = {
    id: n.id,
    paragraphs: n.paragraphs,
    children: n.children.map(stripNode),
  };
  if (n.label !== undefined) item.label = n.label;
  if (n.heading !== undefined) item.heading = n.heading;
  return item;
}

function* walk(items: SectionItem[]): Generator<SectionItem> {
  for (const it of items) {
    yield it;
    yield* walk(it.children);
  }
}

// ================================================================================================
// Units, tasks and assignments

type TaskDraft = NonNullable<PlanContentInput["assignments"]>[number]["tasks"] extends (infer T)[] | undefined
  ? T
  : never;
type AssignmentDraft = NonNullable<PlanContentInput["assignments"]>[number];
type Deadline = NonNullable<TaskDraft["deadline"]>;

const MASS_ORG_RE =
  /(MTTQ|Mặt trận|Hội\s+(?:Nông dân|Phụ nữ|Liên hiệp Phụ nữ|LHPN|Cựu chiến binh|CCB|Người cao tuổi|Chữ thập đỏ)|Đoàn\s+(?:Thanh niên|TN)|Đoàn thể|đoàn thể|Công đoàn)/u;
const VERB_STOP_RE =
  /^(chuẩn bị|bố trí|tổ chức|thực hiện|triển khai|tham mưu|hướng dẫn|rà soát|kiểm tra|xây dựng|tuyên truyền|đảm bảo|bảo đảm|theo dõi|tổng hợp|báo cáo|phục vụ|cung cấp|lập|trang trí|đưa tin|để|trong|tại|về|nhằm|giải quyết|thông báo|mời|in|chỉ đạo|vận động|kịp thời|có trách nhiệm|làm|thẩm định|cấp|quản lý|đôn đốc|phân công|dự trù|hoàn thành|trình|ban hành|tiếp nhận|phát|cập nhật|vệ sinh|đón|dọn|sắp xếp|chụp|ghi)(?![\p{L}])/iu;

const unitStartRes = new Map<string, RegExp>();
function unitStartRe(unit: string): RegExp {
  let re = unitStartRes.get(unit);
  if (!re) {
    re = new RegExp(`^${unitVariantRegExp(unit, false).source}`, "iu");
    if (unitStartRes.size < 1000) unitStartRes.set(unit, re);
  }
  return re;
}

/** The unit named at the start of `s`: a known unit in any spelling, else words up to a verb or punctuation. */
function unitAtStart(s: string, units: readonly string[]): string | undefined {
  // A unit's name is a few words: look at the start only, so that the cost does not grow with the paragraph.
  const text = s
    .slice(0, 400)
    .replace(/^(?:các\s+)?(?:công chức|cán bộ|bộ phận|đồng chí)\s+(?=\p{Lu})/iu, "");
  const normalized = toNewTone(text);
  for (const u of units) {
    const m = normalized.match(unitStartRe(u));
    if (m) return collapseSpaces(text.slice(0, m[0].length));
  }
  const words: string[] = [];
  for (const w of text.split(/\s+/, 9)) {
    const rest = text.slice(text.indexOf(w));
    if (!w || VERB_STOP_RE.test(rest) || words.length >= 8) break;
    const clean = stripEnd(w, ",;.:()");
    if (clean) words.push(clean);
    if (clean !== w) break;
  }
  const unit = words.join(" ").trim();
  return unit && /^\p{Lu}/u.test(unit) ? unit : undefined;
}

function partnersIn(description: string, units: readonly string[]): string[] {
  const out: string[] = [];
  let seen = 0;
  for (const m of description.matchAll(/phối hợp(?:\s+chặt chẽ)?\s+(?:với|cùng)\s+/giu)) {
    if (++seen > 20) break; // a task names a few partners; the rest of a pathological text is not read
    let rest = description.slice((m.index ?? 0) + m[0].length);
    for (let guard = 0; guard < 6; guard++) {
      const u = unitAtStart(rest, units);
      if (!u) break;
      out.push(u);
      const at = rest.indexOf(u.split(" ").pop() as string);
      rest = rest.slice(at + (u.split(" ").pop() as string).length);
      const more = rest.match(/^\s*(?:,|và)\s+(?:các\s+)?(?:công chức\s+)?/u);
      if (!more) break;
      rest = rest.slice(more[0].length);
    }
  }
  return [...new Set(out)];
}

const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const endOfMonth = (y: number, mo: number): Deadline => ({
  kind: "date",
  date: toIso(y, mo, new Date(Date.UTC(y, mo, 0)).getUTCDate()),
});
const EVERY: Record<string, "week" | "month" | "quarter" | "year"> = {
  tuần: "week",
  tháng: "month",
  quý: "quarter",
  năm: "year",
};

/**
 * The deadline a task's text states: "trước ngày 30/4/2024", "trước ít nhất 05 ngày (so với ngày) tổ chức",
 * "trong tháng 02/2024" (its last day), "trong Quý II/2024" (the quarter's last day), "hằng tháng, trước ngày 20"
 * (recurring) and "thường xuyên" (a standing duty). Every pattern starts at a fixed word.
 */
function deadlineIn(text: string): Deadline | undefined {
  const rel = text.match(
    /trước\s+(?:ít nhất\s+)?(\d{1,3})\s+ngày\s+(?:so với\s+(?:ngày\s+)?)?(?:tổ chức|diễn ra|khai mạc)/iu,
  );
  if (rel?.[1]) return { kind: "relative_to_event", days: -Number(rel[1]) };
  const m = text.match(
    /(?:trước|chậm nhất(?:\s+là)?|hạn chót|thời hạn(?:\s*:)?|hoàn thành(?:\s+trước)?|xong trước)\s+(?:ngày\s+)?(\d{1,2})\s*(?:\/|-|\.|tháng)\s*(\d{1,2})\s*(?:\/|-|\.|năm)\s*(\d{4})/iu,
  );
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isRealDate(y, mo, d)) return { kind: "date", date: toIso(y, mo, d) };
  }
  const month = text.match(/(?<![\p{L}])trong\s+tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/iu);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12)
    return endOfMonth(Number(month[2]), Number(month[1]));
  const quarter = quarterIn(text);
  if (quarter) return quarter;
  const every = text.match(
    /(?<![\p{L}])(?:hằng|hàng)\s+(tuần|tháng|quý|năm)(?![\p{L}])(?:\s*,?\s*(?:trước|chậm nhất|vào)\s+ngày\s+(\d{1,2})(?!\d))?/iu,
  );
  if (every?.[1]) {
    const day = every[2] ? Number(every[2]) : undefined;
    return {
      kind: "recurring",
      every: EVERY[every[1].toLocaleLowerCase("vi")] ?? "month",
      ...(day && day <= 31 ? { day } : {}),
      text: collapseSpaces(every[0]),
    };
  }
  const standing = text.match(/(?<![\p{L}])thường xuyên(?![\p{L}])/iu);
  if (standing) return { kind: "standing", text: "Thường xuyên" };
  return undefined;
}

/** "Quý II/2024", "quý 2 năm 2024": the last day of the quarter. */
function quarterIn(text: string): Deadline | undefined {
  const q = text.match(/(?<![\p{L}])quý\s+(IV|I{1,3}|[1-4])\s*(?:\/|năm)\s*(\d{4})/iu);
  const n = q?.[1] ? QUARTERS[q[1].toLowerCase()] : undefined;
  return n ? endOfMonth(Number(q?.[2]), n * 3) : undefined;
}

/** A deadline cell of a table: as in a task's text, or a bare date, "Tháng 10/2025", "Quý III/2025". */
function deadlineCell(text: string): Deadline | undefined {
  const rel = deadlineIn(text);
  if (rel) return rel;
  const d = findTextDates(text).find((x) => x.iso);
  if (d?.iso) return { kind: "date", date: d.iso };
  const month = text.match(/tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/iu);
  if (month) {
    const [mo, y] = [Number(month[1]), Number(month[2])];
    if (mo >= 1 && mo <= 12) return endOfMonth(y, mo);
  }
  return quarterIn(text);
}

function makeTask(
  description: string,
  unit: string,
  units: readonly string[],
  kind: "giao" | "de_nghi",
): TaskDraft {
  const desc = collapseSpaces(description);
  let lead = unit;
  let partners = partnersIn(desc, units);
  const coop = desc.match(/^(?:Phối hợp|Phối hợp chặt chẽ)\s+(?:với|cùng)\s+/iu);
  if (coop) {
    // "Phối hợp với Văn phòng - Thống kê ...": the other unit leads, this one partners.
    const other = unitAtStart(desc.slice(coop[0].length), units);
    if (other) {
      lead = other;
      partners = [unit, ...partners.filter((p) => p !== other && p !== unit)];
    }
  } else {
    partners = partners.filter((p) => p !== unit);
  }
  const t: TaskDraft = {
    id: "",
    description: desc,
    leadUnit: lead,
    partnerUnits: partners,
    kind: kind === "de_nghi" || /^Đề nghị(?![\p{L}\d])/u.test(desc) ? "de_nghi" : "giao",
  };
  const dl = deadlineIn(desc);
  if (dl) t.deadline = dl;
  return t;
}

function cleanUnit(heading: string): { unit: string; requested: boolean } {
  let u = stripEnd(collapseSpaces(heading), ":.");
  const requested = /^Đề nghị\s+/u.test(u);
  u = u.replace(/^(?:Đối với|Giao|Đề nghị)\s+/u, "");
  u = u.replace(/^(?:các\s+)?(?:công chức|cán bộ|bộ phận)\s+(?=\p{Lu})/u, "");
  return { unit: u.charAt(0).toLocaleUpperCase("vi") + u.slice(1), requested };
}

const CONTAINER_RE = /(phân công|trách nhiệm|nhiệm vụ cụ thể|các cơ quan|các đơn vị)/iu;

type TableCols = { content?: number; lead?: number; partner?: number; deadline?: number };
function tableColumns(header: string[]): TableCols {
  const cols: TableCols = {};
  header.forEach((h, i) => {
    const t = h.toLocaleLowerCase("vi");
    if (/phối hợp/u.test(t)) cols.partner ??= i;
    else if (/(chủ trì|thực hiện|đơn vị|cơ quan)/u.test(t) && !/thời gian/u.test(t)) cols.lead ??= i;
    else if (/(thời gian|thời hạn|hoàn thành|tiến độ)/u.test(t)) cols.deadline ??= i;
    else if (/(nội dung|nhiệm vụ|công việc)/u.test(t)) cols.content ??= i;
  });
  return cols;
}

function tasksFromTable(rows: string[][], units: readonly string[], warnings: string[]): AssignmentDraft[] {
  const headerAt = rows.findIndex((r) => isTaskTableHeader(r));
  if (headerAt < 0) return [];
  const cols = tableColumns(rows[headerAt] as string[]);
  const byUnit = new Map<string, AssignmentDraft>();
  for (const r of rows.slice(headerAt + 1)) {
    const content = cols.content !== undefined ? r[cols.content] : undefined;
    if (!content) continue;
    const leadRaw = cols.lead !== undefined ? r[cols.lead] : undefined;
    const lead = leadRaw ? collapseSpaces(leadRaw) : undefined;
    const partners =
      cols.partner !== undefined && r[cols.partner]
        ? (r[cols.partner] as string)
            .split(/[,;]|\svà\s/u)
            .map((p) => collapseSpaces(p).replace(/^(?:các\s+)?(?:công chức|cán bộ)\s+(?=\p{Lu})/u, ""))
            .filter(Boolean)
        : [];
    const unit = lead ?? "Chưa xác định";
    if (!lead)
      warnings.push(
        `Dòng bảng "${content}" không có đơn vị chủ trì / Table row "${content}" has no lead unit`,
      );
    let a = byUnit.get(unit);
    if (!a) {
      a = { id: "", label: String(byUnit.size + 1), unit, tasks: [] };
      byUnit.set(unit, a);
    }
    const t: TaskDraft = {
      id: "",
      description: collapseSpaces(content),
      partnerUnits: partners,
      kind: MASS_ORG_RE.test(unit) ? "de_nghi" : "giao",
    };
    if (lead) t.leadUnit = lead;
    const dlText = cols.deadline !== undefined ? r[cols.deadline] : undefined;
    const dl = dlText ? deadlineCell(dlText) : undefined;
    if (dl) t.deadline = dl;
    a.tasks?.push(t);
  }
  void units;
  return [...byUnit.values()];
}

function bulletText(item: SectionItem): string {
  const own = item.paragraphs.join(" ");
  const subs = item.children.map((c) => `${c.label === "+" ? "+" : "-"} ${bulletText(c)}`);
  return [own, ...subs].filter(Boolean).join("\n");
}

/** Assignments from the children of "TỔ CHỨC THỰC HIỆN". Returns the children that are not assignments. */
function extractAssignments(
  section: Node,
  units: readonly string[],
  warnings: string[],
): { assignments: AssignmentDraft[]; rest: SectionItem[] } {
  const assignments: AssignmentDraft[] = [];
  const rest: SectionItem[] = [];
  const fromRows = (rows: string[][]) => assignments.push(...tasksFromTable(rows, units, warnings));
  if (section.rows.length) fromRows(section.rows);

  const visit = (items: Node[], keep: SectionItem[]) => {
    for (const c of items) {
      if (c.rows.length) fromRows(c.rows);
      const bullets = c.children.filter((x) => x.label === "-" || x.label === "+");
      const labelled = c.children.filter((x) => x.label !== "-" && x.label !== "+") as Node[];
      if (c.heading && CONTAINER_RE.test(c.heading) && labelled.length) {
        const inner: SectionItem[] = [];
        visit(labelled, inner);
        if (inner.length || c.paragraphs.length || bullets.length)
          keep.push({ ...c, children: [...bullets, ...inner] });
        continue;
      }
      let heading = c.heading;
      let paragraphs = [...c.paragraphs];
      if (!heading && paragraphs[0]) {
        // "1. Văn phòng - Thống kê có trách nhiệm ...": the unit opens the sentence.
        const u = unitAtStart(paragraphs[0], units);
        if (
          u &&
          units.some((k) => toNewTone(k).toLocaleLowerCase("vi") === toNewTone(u).toLocaleLowerCase("vi"))
        )
          heading = u;
      }
      if (!heading || c.label === "-" || c.label === "+" || heading.length > 120) {
        keep.push(c);
        continue;
      }
      const { unit, requested } = cleanUnit(heading);
      const kind = requested || MASS_ORG_RE.test(unit) ? "de_nghi" : "giao";
      // An intro that ends with ":" ("Có trách nhiệm:") belongs to the bullets that follow it.
      const intro =
        bullets.length && paragraphs.length && /:$/.test(paragraphs[paragraphs.length - 1] as string)
          ? (paragraphs.pop() as string).replace(/:$/, "")
          : undefined;
      if (intro && paragraphs.length === 0 && c.heading === undefined) paragraphs = [];
      const tasks: TaskDraft[] = [];
      for (const p of paragraphs) tasks.push(makeTask(p, unit, units, kind));
      for (const b of bullets) {
        const text = bulletText(b);
        tasks.push(
          makeTask(
            intro ? `${intro} ${text.charAt(0).toLocaleLowerCase("vi")}${text.slice(1)}` : text,
            unit,
            units,
            kind,
          ),
        );
      }
      for (const l of labelled) {
        const text = [l.heading, ...l.paragraphs].filter(Boolean).join(": ");
        if (text) tasks.push(makeTask(text, unit, units, kind));
      }
      assignments.push({ id: "", label: c.label, unit, tasks });
    }
  };
  visit(section.children as Node[], rest);
  return { assignments, rest };
}

// ================================================================================================
// Event

type EventDraft = NonNullable<PlanContentInput["event"]>;
const EVENT_NAME_RE =
  /(Hội nghị|Hội thảo|Hội thi|Hội diễn|Đại hội|Lớp tập huấn|Tập huấn|Lễ|Diễn đàn|Tọa đàm|Toạ đàm|Giải|Ngày hội|Liên hoan)(?![\p{L}]).*$/u;
const EVENT_KEY_RE = /^(Thời gian|Thành phần|Địa điểm|Kinh phí)([^:]{0,50}):\s*(.*)$/u;

function parseEvent(
  items: SectionItem[],
  subject: string,
  conf: Record<string, number>,
): EventDraft | undefined {
  const ev: EventDraft = { attendeeGroups: [] };
  let found = false;
  const nameMatch = subject.match(EVENT_NAME_RE);
  if (nameMatch) {
    ev.name = collapseSpaces(nameMatch[0]);
    conf["event.name"] = 0.7;
  }
  const seen = new Set<string>();
  const handle = (key: string, value: string, item: SectionItem | undefined, whole: string) => {
    const k = key.toLocaleLowerCase("vi");
    const v = collapseSpaces(value);
    if (seen.has(k)) return;
    if (k === "thời gian") {
      const duration = v.match(
        /((?:½|1\/2|nửa|một|hai|(?<!\d)\d{1,3}(?:[.,]5)?)\s*(?:ngày|buổi))(?![\p{L}])/iu,
      )?.[1];
      const date = findTextDates(v).find((d) => d.iso)?.iso;
      if (!duration && !date) return;
      seen.add(k);
      found = true;
      if (duration) {
        ev.duration = duration.replace("1/2", "½");
        conf["event.duration"] = 0.85;
      }
      if (date) {
        ev.date = date;
        ev.dateTentative = /dự kiến/iu.test(whole);
        conf["event.date"] = 0.9;
      }
      const time = v.match(/(?<![\d/])(\d{1,2})\s*(?:giờ|h)\s*(\d{1,2})?(?:\s*phút)?/iu);
      if (time) {
        ev.time = `${time[1]?.padStart(2, "0")}:${(time[2] ?? "00").padStart(2, "0")}`;
        conf["event.time"] = 0.7;
      }
    } else if (k === "thành phần") {
      seen.add(k);
      found = true;
      const count = v.match(
        /(?:(khoảng|dự kiến|trên|gần|hơn|tối đa)\s*)?(?<!\d)(\d{1,5})\s*(?:đại biểu|người|đồng chí|thành viên|học viên|đoàn viên|hội viên|vận động viên|cán bộ|công chức)/iu,
      );
      if (count?.[2]) {
        ev.attendeeCount = Number(count[2]);
        ev.attendeeCountApproximate = Boolean(count[1]);
        conf["event.attendeeCount"] = 0.85;
      }
      const groups: string[] = [];
      for (const c of item?.children ?? []) groups.push(bulletText(c));
      if (!groups.length) {
        const after = v.split(/gồm\s*:?/iu)[1];
        if (after) groups.push(...after.split(";"));
      }
      ev.attendeeGroups = groups
        .map((g) => stripEnd(collapseSpaces(g), ";.,"))
        .filter(Boolean)
        .map((name) => {
          const n = name.match(/(?<!\d)(\d{1,4})\s*(?:đại biểu|người|đồng chí)/u);
          return n ? { name, count: Number(n[1]) } : { name };
        });
      conf["event.attendeeGroups"] = groups.length ? 0.8 : 0.3;
    } else if (k === "địa điểm") {
      if (!v) return;
      seen.add(k);
      found = true;
      ev.venue = stripEnd(v, ".;");
      conf["event.venue"] = 0.85;
    } else if (k === "kinh phí") {
      if (!v) return;
      seen.add(k);
      found = true;
      ev.fundingSource = stripEnd(v, ".;");
      conf["event.fundingSource"] = 0.8;
      const amount = budgetIn(v);
      if (amount !== undefined) {
        ev.budgetAmount = amount;
        conf["event.budgetAmount"] = 0.7;
      }
    }
  };
  for (const it of walk(items)) {
    if (it.heading) {
      const hk = it.heading.match(/^(Thời gian|Thành phần|Địa điểm|Kinh phí)/u);
      if (hk?.[1]) handle(hk[1], it.paragraphs[0] ?? "", it, `${it.heading}: ${it.paragraphs[0] ?? ""}`);
    }
    for (const p of it.paragraphs) {
      const m = p.match(EVENT_KEY_RE);
      if (m?.[1]) handle(m[1], m[3] ?? "", it.paragraphs.length === 1 ? it : undefined, p);
    }
  }
  if (!found && !ev.name) return undefined;
  if (!found) conf["event.name"] = 0.5;
  return ev;
}

/** "12.500.000 đồng", "12,5 triệu đồng", "1,2 tỷ đồng" → VND. */
export function budgetIn(text: string): number | undefined {
  const scaled = text.match(
    /(?<![\d.,])(\d{1,4}(?:[.,]\d{1,3})?)\s*(triệu|tỷ|tỉ)(?:\s*(?:đồng|VNĐ|VND|đ))?(?![\p{L}])/iu,
  );
  const amount = text.match(/(?<!\d)(\d{1,3}(?:[.,]\d{3})+|\d{1,15})\s*(?:đồng|VNĐ|VND|đ)(?![\p{L}])/iu);
  if (amount?.[1] && (!scaled || (amount.index ?? 0) <= (scaled.index ?? 0)))
    return Number(amount[1].replace(/[.,]/g, ""));
  if (scaled?.[1] && scaled[2]) {
    const unit = /^triệu$/iu.test(scaled[2]) ? 1e6 : 1e9;
    return Math.round(Number(scaled[1].replace(",", ".")) * unit);
  }
  return undefined;
}

// ================================================================================================
// Tail: recipients and signer

type Tail = {
  recipients: string[];
  authority?: "TM." | "KT." | "Q." | "TL." | "TUQ.";
  onBehalfOf?: string;
  title?: string;
  name?: string;
};

const AUTH_RE = /^(TM|KT|TL|TUQ|Q)\s*\.\s*(\S.*)$/u;
const isTitleCaseName = (s: string) =>
  /^(\p{Lu}[\p{Ll}]*)(\s+\p{Lu}[\p{Ll}]*){1,5}$/u.test(s) && !/\d/.test(s);

function parseTail(lines: string[]): Tail {
  const tail: Tail = { recipients: [] };
  let inRecipients = false;
  const entries: string[] = [];
  const auths: Array<{ a: string; rest: string }> = [];
  const titles: string[] = [];
  const names: string[] = [];
  for (const line of lines) {
    for (const f of fragments(line)) {
      const nn = f.match(/^Nơi nhận\s*(?::\s*)?(.*)$/iu);
      if (nn) {
        inRecipients = true;
        if (nn[1]) entries.push(nn[1]);
        continue;
      }
      if (/^\((?:đã ký|ký|chữ ký|đóng dấu)[^)]*\)$/iu.test(f) || /^DỰ THẢO$/u.test(f) || RULE_RE.test(f))
        continue;
      const a = f.match(AUTH_RE);
      if (a?.[1] && a[2] && isCaps(a[2])) {
        auths.push({ a: `${a[1]}.`, rest: collapseSpaces(a[2]) });
        continue;
      }
      if (/^[-–+•]\s*/u.test(f)) {
        entries.push(f);
        continue;
      }
      if (f.length <= 60 && isCaps(f) && !/[;:]$/.test(f)) {
        if (auths.length) titles.push(f);
        continue;
      }
      if (isTitleCaseName(f)) {
        names.push(f);
        continue;
      }
      // A recipient wrapped onto the next line.
      const last = entries[entries.length - 1];
      if (inRecipients && last !== undefined && !/[;.]$/.test(last))
        entries[entries.length - 1] = `${last} ${f}`;
    }
  }
  for (const e of entries)
    for (const part of e.replace(/^[-–+•]\s*/u, "").split(";")) {
      const r = stripEnd(collapseSpaces(part), ".,");
      if (r) tail.recipients.push(r);
    }
  const lastAuth = auths[auths.length - 1];
  if (lastAuth) {
    tail.authority = lastAuth.a as Tail["authority"];
    if (lastAuth.a === "Q.") {
      // "Q. CHỦ TỊCH": acting head; the title is what follows "Q.".
      tail.title = lastAuth.rest;
      const tm = auths.find((x) => x.a === "TM.");
      if (tm) tail.onBehalfOf = tm.rest;
    } else tail.onBehalfOf = lastAuth.rest;
  }
  if (!tail.title && titles[0]) tail.title = titles[0];
  if (names.length) tail.name = names[names.length - 1];
  return tail;
}

// ================================================================================================
// Assembly

const clampStr = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function inferPeriod(subject: string): string | undefined {
  const s = subject.toLocaleLowerCase("vi");
  let m = s.match(/6 tháng đầu năm (\d{4})/u);
  if (m) return `${m[1]}-H1`;
  m = s.match(/6 tháng cuối năm (\d{4})/u);
  if (m) return `${m[1]}-H2`;
  m = s.match(/quý\s+(i{1,3}|iv|[1-4])\s*(?:năm|\/)\s*(\d{4})/u);
  if (m?.[1]) {
    const q = { i: 1, ii: 2, iii: 3, iv: 4 }[m[1]] ?? Number(m[1]);
    return `${m[2]}-Q${q}`;
  }
  m = s.match(/tháng\s+(\d{1,2})\s*(?:năm|\/)\s*(\d{4})/u);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-M${String(m[1]).padStart(2, "0")}`;
  m = s.match(/năm\s+(\d{4})/u);
  return m ? m[1] : undefined;
}

function importLines(rawLines: string[], originalText: string, opts: ImportOptions): ImportResult {
  const units = opts.units ?? COMMUNE_OFFICES;
  const warnings: string[] = [];
  const conf: Record<string, number> = {};
  // Trim the ends of lines (Word leaves stray spaces), drop page numbers and empty lines.
  const lines = rawLines
    .map((l) =>
      nfc(l)
        .replace(/[\u200b\ufeff]/g, "")
        .replace(/\u00a0/g, " ")
        .replace(/^ +/, "")
        .replace(/(?<![ \t])[ \t]+$/, ""),
    )
    .filter((l) => l.trim() !== "" && !/^\s*\d{1,3}\s*$/.test(l) && !/^\s*-\s*\d{1,3}\s*-\s*$/.test(l));
  rejoinHeader(lines);

  // ---- type line, header, subject
  // The type line is short: longer lines are not collapsed just to be compared.
  const typeLineAt = lines.findIndex(
    (l, i) => i < 40 && l.length < 80 && TYPE_LINE_RE.test(collapseSpaces(l)),
  );
  // A letter (công văn) has no type line: its subject starts "V/v", under the number.
  const letterAt =
    typeLineAt >= 0 ? -1 : lines.findIndex((l, i) => i < 40 && /^\s*(?:V\/v|V\/V|Về việc)\s/u.test(l));
  const typeAt = typeLineAt >= 0 ? typeLineAt : letterAt;
  let type: DocumentTypeCode = "KH";
  if (typeLineAt >= 0) {
    type = TYPE_BY_NAME[collapseSpaces(lines[typeAt] as string)] ?? "KH";
    conf.type = 0.95;
  } else if (letterAt >= 0) {
    type = "CV";
    conf.type = 0.85;
  } else {
    conf.type = 0.4;
    warnings.push(
      'Không thấy dòng tên loại văn bản ("KẾ HOẠCH"); coi là kế hoạch / No "KẾ HOẠCH" line found; assumed a plan',
    );
  }
  const headerEnd = typeAt >= 0 ? typeAt : Math.min(lines.length, 8);
  // The right column of a letter's header may come after the left one's subject: motto, place and date.
  const lateHeader: string[] = [];
  if (letterAt >= 0)
    for (let i = letterAt + 1; i < Math.min(lines.length, letterAt + 8); i++) {
      const l = collapseSpaces(lines[i] as string);
      if (/^CỘNG H[OÒ]A XÃ HỘI|^Độc lập\s*[-–]/u.test(l) || PLACE_DATE_RE.test(l)) {
        lateHeader.push(l);
        lines.splice(i, 1);
        i--;
      }
    }
  const header = parseHeader([...lines.slice(0, headerEnd), ...lateHeader]);
  let cursor = typeLineAt >= 0 ? typeAt + 1 : Math.max(letterAt, 0);
  if (typeAt < 0) {
    // Skip what the header parser consumed.
    while (cursor < headerEnd && isHeaderish(lines[cursor] as string)) cursor++;
  }
  const subjectLines: string[] = [];
  while (cursor < lines.length && subjectLines.length < 4) {
    const l = collapseSpaces(lines[cursor] as string);
    if (RULE_RE.test(l)) {
      cursor++;
      if (subjectLines.length) break;
      continue;
    }
    if (
      subjectLines.length &&
      (SUBJECT_STOP_RE.test(l) ||
        parseLabel(l) ||
        TERMINAL_RE.test(subjectLines[subjectLines.length - 1] as string))
    )
      break;
    if (
      !subjectLines.length &&
      (parseLabel(l)?.label.kind === "roman" ||
        /^Căn cứ\s/u.test(l) ||
        (typeAt < 0 && /^Thực hiện\s/u.test(l)))
    )
      break;
    subjectLines.push(l.replace(/^(V\/v|Về việc)\s+/u, ""));
    cursor++;
    if (subjectLines.join(" ").length > 300) break;
  }
  // "… trên địa bàn quận Kính gửi:": the left column's "Kính gửi" on the subject's last line.
  let subject = collapseSpaces(subjectLines.join(" ")).replace(/\s+Kính gửi\s*:?.{0,200}$/u, "");
  if (subject) conf.subject = typeAt >= 0 ? 0.9 : 0.4;
  else {
    subject = "(Chưa xác định trích yếu)";
    conf.subject = 0;
    warnings.push("Không tìm thấy trích yếu / No subject found");
  }

  // ---- tail: from "Nơi nhận" or the signer's authority line
  let tailAt = lines.length;
  for (let i = cursor; i < lines.length; i++) {
    const f = fragments(lines[i] as string)[0] ?? "";
    if (
      /^Nơi nhận(?![\p{L}\d])/iu.test(f) ||
      (AUTH_RE.test(f) && isCaps(f.replace(/^(TM|KT|TL|TUQ|Q)\s*\.\s*/u, "")))
    ) {
      tailAt = i;
      break;
    }
  }
  let tailEnd = lines.length;
  for (let i = tailAt; i < lines.length; i++)
    if (/^\s*PHỤ\s+LỤC(?![\p{L}\d])/u.test(lines[i] as string)) {
      tailEnd = i;
      warnings.push("Bỏ qua phụ lục sau phần chữ ký / Appendix after the signature ignored");
      break;
    }
  const tail = parseTail(lines.slice(tailAt, tailEnd));

  // ---- body
  const bodyLines = lines
    .slice(cursor, tailAt)
    .filter((l) => l.length > 40 || !/^DỰ THẢO$/u.test(collapseSpaces(l)));
  const paras = toParagraphs(bodyLines);
  const firstSection = paras.findIndex((p) => p.label !== undefined && TOP_KINDS.has(p.label.kind));
  const sectionStart = firstSection >= 0 ? firstSection : paras.findIndex((p) => p.label?.kind === "arabic");
  let closingAt = paras.findIndex(
    (p, i) => i > Math.max(0, sectionStart) && !p.label && /^Trên đây(?![\p{L}\d])/u.test(p.text),
  );
  if (closingAt < 0) {
    const last = paras[paras.length - 1];
    if (last && !last.label && /\.\/\.$/.test(last.text) && paras.length - 1 > sectionStart)
      closingAt = paras.length - 1;
  }
  const preambleParas =
    sectionStart >= 0
      ? paras.slice(0, sectionStart)
      : paras.slice(0, closingAt >= 0 ? closingAt : paras.length);
  const sectionParas =
    sectionStart >= 0 ? paras.slice(sectionStart, closingAt >= 0 ? closingAt : paras.length) : [];
  const closingParas = closingAt >= 0 ? paras.slice(closingAt) : [];
  const preamble = preambleParas.map((p) => collapseSpaces(p.text));
  const closing = closingParas.map((p) => collapseSpaces(p.label ? `${p.label.value} ${p.text}` : p.text));
  conf.preamble = preamble.length ? 0.8 : 0.3;
  conf.closing = closing.length ? 0.8 : 0.3;

  const roots = buildSections(sectionParas) as Node[];
  // ---- assignments from "TỔ CHỨC THỰC HIỆN"
  const impl = roots.find((r) => /TỔ CHỨC THỰC HIỆN|PHÂN CÔNG|TRÁCH NHIỆM/iu.test(r.heading ?? ""));
  let assignments: AssignmentDraft[] = [];
  if (impl) {
    const { assignments: found, rest } = extractAssignments(impl, units, warnings);
    assignments = found;
    impl.children = rest;
  } else {
    for (const r of roots) if (r.rows.length) assignments.push(...tasksFromTable(r.rows, units, warnings));
  }
  assignments.forEach((a, i) => {
    a.id = `a${i + 1}`;
    a.label = a.label ?? String(i + 1);
    (a.tasks ?? []).forEach((t, j) => {
      t.id = `a${i + 1}-t${j + 1}`;
    });
    conf[`assignments.${i}.unit`] = units.some(
      (u) => toNewTone(u).toLowerCase() === toNewTone(a.unit).toLowerCase(),
    )
      ? 0.9
      : 0.7;
  });
  conf.assignments = assignments.length ? 0.75 : impl ? 0.3 : 0.2;
  const sections = roots.map(stripNode);
  sections.forEach((s, i) => {
    s.id = `s${i + 1}`;
    assignIds(s.children, s.id);
  });
  conf.sections = sections.length ? 0.8 : 0.2;
  if (!sections.length) warnings.push("Không nhận ra các mục I, II, III / No numbered sections recognised");

  // ---- event
  const implIndex = impl ? roots.indexOf(impl) : -1;
  const eventItems = sections.filter((_, i) => i !== implIndex);
  // The subject is read as the draft keeps it (at most 1000 characters).
  const event = parseEvent(eventItems, clampStr(subject, 1000), conf);

  // ---- basis
  const basis: Cited[] = [];
  // A basis written as its own section ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH") is read as the preamble is.
  const basisTexts = sections
    .filter((s) => /^CĂN CỨ(?![\p{L}])/iu.test(s.heading ?? ""))
    .flatMap((s) => [...walk([s])].flatMap((it) => it.paragraphs));
  for (const p of [...preamble, ...basisTexts]) {
    for (const c of [...parseCitations(p), ...parseUnnumberedBasis(p)])
      if (!basis.some((b) => b.symbol && b.symbol === c.symbol)) basis.push(c);
  }
  basis.forEach((b, i) => {
    conf[`basis.${i}.type`] = 0.9;
    if (b.symbol) conf[`basis.${i}.symbol`] = 0.95;
    if (b.date) conf[`basis.${i}.date`] = 0.9;
    if (b.issuer) conf[`basis.${i}.issuer`] = 0.75;
    if (b.subject) conf[`basis.${i}.subject`] = 0.55;
  });
  conf.basis = basis.length ? 0.8 : 0.5;

  // ---- issuer
  let issuerName: string | undefined;
  let headerLines: string[] | undefined;
  if (header.issuerLines.length >= 2) {
    headerLines = header.issuerLines;
    issuerName = `UBND ${properCaseBody(header.issuerLines[1] as string)}`;
    conf["issuer.name"] = 0.9;
    conf["issuer.headerLines"] = 0.9;
  } else {
    const re =
      /(?<![\p{L}])(của\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(xã|phường|thị trấn|đặc khu)\s+(\p{Lu}[\p{Ll}]*(?:\s+\p{Lu}[\p{Ll}]*){0,3})/gu;
    const hits = [...[...preamble, ...closing].join("\n").matchAll(re)];
    const own = hits.find((h) => !h[1]) ?? hits[0];
    if (own?.[2] && own[3]) {
      issuerName = `UBND ${own[2]} ${own[3]}`;
      headerLines = ["ỦY BAN NHÂN DÂN", upperVi(`${own[2]} ${own[3]}`)];
      conf["issuer.name"] = own[1] ? 0.5 : 0.75;
      conf["issuer.headerLines"] = 0.6;
    }
  }
  if (!issuerName) {
    issuerName = "(Chưa xác định cơ quan ban hành)";
    conf["issuer.name"] = 0;
    warnings.push("Không xác định được cơ quan ban hành / Issuer not found");
  }
  if (header.superior) conf["issuer.superior"] = 0.8;

  // ---- number, place, date
  const documentNumber: NonNullable<PlanContentInput["documentNumber"]> = {};
  if (header.symbolTail) {
    const [typeCode, ...issuerParts] = header.symbolTail.split("-");
    if (typeCode && typeCode in DOCUMENT_TYPES && issuerParts.length) {
      documentNumber.typeCode = typeCode as DocumentTypeCode;
      documentNumber.issuerCode = issuerParts.join("-");
    } else documentNumber.issuerCode = header.symbolTail;
    if (header.number !== undefined) {
      documentNumber.number = header.number;
      documentNumber.symbol = `${String(header.number).padStart(2, "0")}/${header.symbolTail}`;
      conf["documentNumber.number"] = 0.95;
    }
    conf["documentNumber.symbol"] = 0.9;
  } else {
    documentNumber.typeCode = type;
    documentNumber.issuerCode = "UBND";
    conf["documentNumber.symbol"] = 0.3;
  }
  // What the source itself lacks is said once, as information: the draft is numbered at issue; an
  // issued document without them is an error of the checker.
  if (header.symbolTail === undefined) {
    warnings.push("Văn bản nguồn không có số, ký hiệu / The source has no number of its own");
  }
  let place = header.place;
  if (!header.place && !header.date && !header.dateBlank) {
    warnings.push("Văn bản nguồn không có địa danh, ngày tháng / The source has no place and date line");
  }
  if (place) conf.place = 0.95;
  else {
    place = issuerName.replace(/^UBND\s+(xã|phường|thị trấn|đặc khu)\s+/u, "");
    if (place.startsWith("(")) place = "(Chưa rõ địa danh)";
    conf.place = place.startsWith("(") ? 0 : 0.5;
  }
  if (header.date) conf.date = 0.95;
  else if (!header.dateBlank && header.place) warnings.push("Không thấy ngày ban hành / No issue date found");

  // ---- signer
  const signer: PlanContentInput["signer"] = {
    title: tail.title ?? "CHỦ TỊCH",
    name: tail.name ?? "(Chưa rõ người ký)",
  };
  if (tail.authority) signer.authority = tail.authority;
  if (tail.onBehalfOf) signer.onBehalfOf = tail.onBehalfOf;
  conf["signer.authority"] = tail.authority ? 0.95 : 0;
  conf["signer.onBehalfOf"] = tail.onBehalfOf ? 0.9 : 0;
  conf["signer.title"] = tail.title ? 0.9 : 0.2;
  conf["signer.name"] = tail.name ? 0.85 : 0;
  if (!tail.name) warnings.push("Không thấy họ tên người ký / Signer's name not found");
  conf.recipients = tail.recipients.length ? 0.9 : 0;
  if (!tail.recipients.length) warnings.push('Không thấy "Nơi nhận" / No recipients found');
  if (header.draftMark) warnings.push('Văn bản có dấu "DỰ THẢO" / The document is marked as a draft');

  const category = /cải cách hành chính|CCHC/iu.test(clampStr(subject, 1000)) ? "CCHC" : undefined;
  const period = inferPeriod(clampStr(subject, 1000));
  if (category) conf.category = 0.7;
  if (period) conf.period = 0.6;

  const cap = <T>(items: readonly T[], max: number, what: string): T[] => {
    if (items.length > max)
      warnings.push(
        `Chỉ giữ ${max}/${items.length} mục "${what}" / Kept ${max} of ${items.length} "${what}" items`,
      );
    return items.slice(0, max);
  };
  const draft: PlanContentInput = {
    issuer: {
      name: issuerName,
      ...(headerLines ? { headerLines } : {}),
      ...(header.superior ? { superior: header.superior } : {}),
      code: documentNumber.issuerCode ?? "UBND",
    },
    documentNumber,
    place: clampStr(place, 120),
    ...(header.date ? { date: header.date } : {}),
    type,
    subject: clampStr(subject, 1000),
    ...(category ? { category } : {}),
    ...(period ? { period } : {}),
    basis: cap(basis, 50, "basis").map((b) => ({
      type: clampStr(b.type, 80),
      ...(b.number !== undefined && b.number <= 99999 ? { number: b.number } : {}),
      ...(b.symbol ? { symbol: clampStr(b.symbol, 80) } : {}),
      ...(b.date ? { date: b.date } : {}),
      ...(b.issuer ? { issuer: clampStr(b.issuer, 200) } : {}),
      ...(b.subject ? { subject: clampStr(b.subject, 1000) } : {}),
    })),
    preamble: cap(preamble, 50, "preamble").map((p) => clampStr(p, 5000)),
    sections: cap(sections, 50, "sections").map(clampItem),
    ...(event ? { event: clampEvent(event) } : {}),
    assignments: cap(assignments, 100, "assignments").map((a) => ({
      ...a,
      unit: clampStr(a.unit, 300),
      tasks: cap(a.tasks ?? [], 100, "tasks").map((t) => ({
        ...t,
        description: clampStr(t.description, 5000),
        ...(t.leadUnit ? { leadUnit: clampStr(t.leadUnit, 300) } : {}),
        partnerUnits: cap(t.partnerUnits ?? [], 50, "partnerUnits").map((p) => clampStr(p, 300)),
      })),
    })),
    closing: cap(closing, 20, "closing").map((p) => clampStr(p, 5000)),
    recipients: cap(tail.recipients, 50, "recipients").map((r) => clampStr(r, 300)),
    signer: { ...signer, title: clampStr(signer.title, 200), name: clampStr(signer.name, 200) },
  };
  const parsed = planContent.safeParse(draft);
  if (!parsed.success) {
    warnings.push(
      `Bản nháp chưa hợp lệ, đã rút gọn / The draft did not validate and was reduced: ${parsed.error.issues[0]?.message ?? ""}`,
    );
    return { draft: fallbackDraft(draft, originalText), confidence: conf, originalText, warnings };
  }
  return { draft, confidence: conf, originalText, warnings };
}

/** Words of an issuer's or the motto's header: a word split across two lines is rejoined from them. */
const HEADER_WORDS = new Set(
  "ỦY UỶ BAN NHÂN DÂN XÃ PHƯỜNG THỊ TRẤN HUYỆN QUẬN THÀNH PHỐ TỈNH ĐẶC KHU CỘNG HÒA HOÀ HỘI CHỦ NGHĨA VIỆT NAM".split(
    " ",
  ),
);
const HEADER_ZONE = 20;
const ISSUER_LINE_RE =
  /^(?:ỦY|UỶ) BAN NHÂN DÂN (?:XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH) \S/u;

/**
 * Text copied from a PDF or a web page breaks the header where the page's layout did: both columns on one line
 * ("ỦY BAN NHÂN DÂN HUYỆN X CỘNG HÒA XÃ HỘI …"), cells separated by "|", a word split in two ("THÀNH PH" / "Ố"),
 * a place-date line wrapped after "ngày" or inside the place name ("Thanh" / "Hóa, ngày …"). Rejoined on the
 * structure of the header, in place, before anything else reads it.
 */
function rejoinHeader(lines: string[]): void {
  const end = Math.min(lines.length, HEADER_ZONE);
  // Each join removes a line: a bounded number of them, so that hostile text cannot make this quadratic.
  let joins = 0;
  for (let i = 0; i < end && i < lines.length; i++) {
    let l = lines[i] as string;
    if (/^\s*(?:KẾ HOẠCH|V\/v|Về việc)(?![\p{L}])/u.test(l)) break;
    // The right column's motto after the left column's text, on one line.
    // The right column's motto after the left column's text, on one line; a superior and its issuer on one line.
    l = l.replace(/(?<=\S) +(?=CỘNG H[OÒ]A XÃ HỘI|Độc lập\s*[-–])/u, "\t");
    l = l.replace(/(?<=\p{Lu}) +(?=(?:ỦY|UỶ) BAN NHÂN DÂN(?![\p{L}]))/u, "\t");
    lines[i] = l;
    const next = lines[i + 1];
    if (next === undefined) break;
    const a = collapseSpaces(l);
    const b = collapseSpaces(next);
    // "…, ngày" / "14 tháng 3 năm 2024"
    const wrappedDate = /,\s*ngày$/u.test(a) && /^(?:\d{1,2}|[.…_\s]*)\s*tháng/u.test(b);
    // "Thanh" / "Hóa, ngày 03 tháng 7 năm 2023"
    const wrappedPlace =
      /^\p{Lu}\p{Ll}{0,7}(?: \p{Lu}\p{Ll}{0,7})?$/u.test(a) &&
      /^\p{Lu}\p{L}{0,20}(?: \p{Lu}\p{L}{0,20}){0,3},\s*ngày/u.test(b);
    const lastWord = a.slice(a.lastIndexOf(" ") + 1);
    const firstWord = b.split(" ", 1)[0] ?? "";
    const splitWord =
      isCaps(a) && isCaps(firstWord) && !HEADER_WORDS.has(lastWord) && HEADER_WORDS.has(lastWord + firstWord);
    // "ỦY BAN NHÂN DÂN XÃ VĨNH" / "LỘC": the issuer's name wrapped.
    const lastCell = collapseSpaces(l.slice(l.lastIndexOf("\t") + 1));
    const wrappedName =
      ISSUER_LINE_RE.test(lastCell) &&
      isCaps(b) &&
      b.split(" ").length <= 2 &&
      !/^(?:ỦY|UỶ|UBND|CỘNG|ĐỘC|KẾ|SỐ|ĐẢNG|V\/V)(?![\p{L}])/u.test(b);
    if ((wrappedDate || wrappedPlace || splitWord || wrappedName) && joins++ < HEADER_ZONE) {
      lines[i] = splitWord ? `${l}${next.trimStart()}` : `${l} ${next.trimStart()}`;
      lines.splice(i + 1, 1);
      i--;
    }
  }
}

function isHeaderish(line: string): boolean {
  return fragments(line).every(
    (f) =>
      RULE_RE.test(f) ||
      isCaps(f) ||
      NUMBER_RE.test(f) ||
      PLACE_DATE_RE.test(f) ||
      /^Độc lập\s*[-–]\s*Tự do/u.test(f),
  );
}

function clampItem(it: SectionItem): SectionItem {
  const out: SectionItem = {
    id: it.id,
    paragraphs: it.paragraphs.slice(0, 200).map((p) => clampStr(p, 5000)),
    children: it.children.slice(0, 200).map(clampItem),
  };
  if (it.label) out.label = clampStr(it.label, 16);
  if (it.heading) {
    if (it.heading.length > 500) out.paragraphs.unshift(clampStr(it.heading, 5000));
    else out.heading = it.heading;
  }
  return out;
}

function clampEvent(ev: EventDraft): EventDraft {
  const out: EventDraft = { ...ev };
  if (out.name) out.name = clampStr(out.name, 300);
  if (out.venue) out.venue = clampStr(out.venue, 500);
  if (out.fundingSource) out.fundingSource = clampStr(out.fundingSource, 500);
  if (out.duration) out.duration = clampStr(out.duration, 80);
  out.attendeeGroups = (out.attendeeGroups ?? [])
    .slice(0, 100)
    .map((g) => ({ ...g, name: clampStr(g.name, 300) }));
  return out;
}

/** Last resort: keep what is certainly valid and put the text in the preamble. */
function fallbackDraft(d: PlanContentInput, text: string): PlanContentInput {
  return {
    issuer: { name: d.issuer.name || "(Chưa xác định cơ quan ban hành)" },
    place: d.place || "(Chưa rõ địa danh)",
    type: "KH",
    subject: d.subject || "(Chưa xác định trích yếu)",
    preamble: [clampStr(collapseSpaces(text), 5000)],
    signer: { title: d.signer.title || "CHỦ TỊCH", name: d.signer.name || "(Chưa rõ người ký)" },
  };
}
