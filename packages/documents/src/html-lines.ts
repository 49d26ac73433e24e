/**
 * Documents → text lines, with htmlparser2's tokenizer: one pass over the markup, linear in its size. (Its
 * `Parser` keeps open elements in an array it unshifts and searches on every tag, quadratic on deep or
 * unbalanced markup; the structure that matters here is tracked below with counters and small stacks.)
 *
 * - `docxXmlToLines`: a Word document's own XML (word/document.xml), with the labels of Word's automatic
 *   numbering computed from its numbering definitions (word/numbering.xml, and the numbering of paragraph
 *   styles in word/styles.xml) as Word prints them: "I.", "1.", "a)", "2.1.", bullets as "-" and "+".
 *   Tabs inside a paragraph stay tabs (a signer block laid out with tabs keeps its two columns).
 * - `htmlToLines`: HTML (p, h1-6, li, table/tr/td, br).
 *
 * In both, task tables become " | "-separated rows; layout tables (header, signature) become their cells' lines
 * in order, left column first.
 */
import { Tokenizer } from "htmlparser2";

type Sax = {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text?(text: string): void;
};
const VOID = new Set(["br", "img", "hr", "input", "meta", "link", "col", "area", "base", "wbr", "source"]);

/** Tags (lower-cased names and attributes) and text of `markup`, in order; entities decoded. */
function scan(markup: string, xmlMode: boolean, h: Sax): void {
  let tag = "";
  let attrs: Record<string, string> = {};
  let attrName = "";
  let attrValue = "";
  const none = () => {};
  const tokenizer = new Tokenizer(
    { xmlMode, decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = markup.slice(start, end).toLowerCase();
        attrs = {};
      },
      onattribname(start, end) {
        attrName = markup.slice(start, end).toLowerCase();
        attrValue = "";
      },
      onattribdata(start, end) {
        attrValue += markup.slice(start, end);
      },
      onattribentity(codepoint) {
        attrValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        attrs[attrName] = attrValue;
      },
      onopentagend() {
        h.open(tag, attrs);
        if (!xmlMode && VOID.has(tag)) h.close(tag);
      },
      onselfclosingtag() {
        h.open(tag, attrs);
        if (xmlMode || VOID.has(tag)) h.close(tag);
      },
      onclosetag(start, end) {
        const name = markup.slice(start, end).toLowerCase();
        if (xmlMode || !VOID.has(name)) h.close(name);
      },
      ontext(start, end) {
        h.text?.(markup.slice(start, end));
      },
      ontextentity(codepoint) {
        h.text?.(String.fromCodePoint(codepoint));
      },
      oncdata: none,
      oncomment: none,
      ondeclaration: none,
      onprocessinginstruction: none,
      onend: none,
    },
  );
  tokenizer.write(markup);
  tokenizer.end();
}

type Cell = string[];
type Row = Cell[];
type TableCtx = { rows: Row[]; row: Row | null; cell: Cell | null };

/** Is this row the header of a table of tasks (STT | Nội dung | Đơn vị chủ trì | ...)? */
export function isTaskTableHeader(cells: readonly string[]): boolean {
  const t = cells.join(" | ").toLocaleLowerCase("vi");
  return (
    cells.length >= 3 &&
    /(nội dung|nhiệm vụ|công việc)/u.test(t) &&
    /(chủ trì|phối hợp|thời gian|thời hạn|đơn vị|thực hiện)/u.test(t)
  );
}

/** Spaces collapsed, tabs kept (one between two columns), ends trimmed. Split/join, no backtracking. */
function cleanLine(line: string): string {
  return line
    .split("\t")
    .map((part) => part.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((part, i, all) => part !== "" || (i > 0 && i < all.length - 1 && all[i - 1] !== ""))
    .join("\t")
    .replace(/\t+/g, "\t")
    .replace(/^\t|\t$/g, "");
}

/** Collects lines, routing them into the innermost open table cell. */
/** Tables nested deeper than this are read as part of the cell that holds them (no copying per level). */
const MAX_TABLE_DEPTH = 6;

class LineSink {
  readonly out: string[] = [];
  readonly tables: TableCtx[] = [];
  private ignored = 0;
  emit(line: string, keepTabs = false): void {
    const t = keepTabs ? cleanLine(line) : line.replace(/[\s\u00a0]+/g, " ").trim();
    const table = this.tables[this.tables.length - 1];
    if (table?.cell) {
      if (t) table.cell.push(t);
    } else if (t) this.out.push(t);
  }
  openTable(): void {
    if (this.ignored || this.tables.length >= MAX_TABLE_DEPTH) this.ignored++;
    else this.tables.push({ rows: [], row: null, cell: null });
  }
  closeTable(): void {
    if (this.ignored) {
      this.ignored--;
      return;
    }
    const t = this.tables.pop();
    if (!t) return;
    if (t.cell) {
      t.row ??= [];
      t.row.push(t.cell);
    }
    if (t.row) t.rows.push(t.row);
    writeTable(t.rows, (l) => this.emit(l));
  }
  openRow(): void {
    if (this.ignored) return;
    const t = this.tables[this.tables.length - 1];
    if (t) t.row = [];
  }
  closeRow(): void {
    if (this.ignored) return;
    const t = this.tables[this.tables.length - 1];
    if (t?.row) {
      t.rows.push(t.row);
      t.row = null;
    }
  }
  openCell(): void {
    if (this.ignored) return;
    const t = this.tables[this.tables.length - 1];
    if (t) t.cell = [];
  }
  closeCell(): void {
    if (this.ignored) return;
    const t = this.tables[this.tables.length - 1];
    if (t?.cell) {
      t.row ??= [];
      t.row.push(t.cell);
      t.cell = null;
    }
  }
}

function writeTable(rows: Row[], emit: (line: string) => void): void {
  const flat = rows.map((r) => r.map((c) => c.filter(Boolean).join(" ")));
  const headerAt = flat.findIndex((cells) => isTaskTableHeader(cells));
  if (headerAt >= 0) {
    for (const [i, cells] of flat.entries()) {
      if (i < headerAt) for (const c of rows[i] ?? []) for (const l of c) emit(l);
      else emit(cells.map((c) => c.replace(/\|/g, "/")).join(" | "));
    }
    return;
  }
  // A layout table: each column read top to bottom, left column first (header, signature block).
  if (rows.length > 1 && rows.every((r) => r.length === 2) && flat.some((r) => r.some(isLayoutCell))) {
    for (let c = 0; c < 2; c++) for (const r of rows) for (const l of r[c] ?? []) emit(l);
    return;
  }
  for (const r of rows) for (const c of r) for (const l of c) emit(l);
}

/** A cell of a page's layout: the header's or the signature's blocks, not content. */
const isLayoutCell = (cell: string) =>
  /^(CỘNG HÒA|CỘNG HOÀ|ỦY BAN|UỶ BAN|UBND|Nơi nhận|(?:TM|KT|TL|TUQ|Q)\.\s|Số\s*:)/u.test(cell);

// ================================================================================================
// HTML

const BLOCK = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div"]);
/** A list, and how many lists of its kind (numbered or bulleted) hold it. */
type ListCtx = { ordered: boolean; n: number; depth: number };

export function htmlToLines(html: string): string[] {
  const sink = new LineSink();
  const lists: ListCtx[] = [];
  let openOrdered = 0;
  let openBullets = 0;
  let buf: string | null = null;
  let skip = 0;
  const flush = () => {
    if (buf !== null) {
      for (const part of buf.split("\n")) sink.emit(part);
      buf = null;
    }
  };
  scan(html, false, {
    open(tag) {
      if (tag === "script" || tag === "style") skip++;
      else if (tag === "br") buf = `${buf ?? ""}\n`;
      else if (tag === "ol" || tag === "ul") {
        flush();
        const ordered = tag === "ol";
        lists.push({ ordered, n: 0, depth: ordered ? openOrdered++ : openBullets++ });
      } else if (BLOCK.has(tag)) {
        flush();
        buf = tag === "li" ? listLabel(lists) : "";
      } else if (tag === "table") {
        flush();
        sink.openTable();
      } else if (tag === "tr") {
        flush();
        sink.openRow();
      } else if (tag === "td" || tag === "th") {
        flush();
        sink.openCell();
      }
    },
    text(text) {
      if (!skip) buf = (buf ?? "") + text;
    },
    close(tag) {
      if (tag === "script" || tag === "style") skip = Math.max(0, skip - 1);
      else if (tag === "ol" || tag === "ul") {
        flush();
        const l = lists.pop();
        if (l?.ordered) openOrdered--;
        else if (l) openBullets--;
      } else if (BLOCK.has(tag)) flush();
      else if (tag === "table") {
        flush();
        sink.closeTable();
      } else if (tag === "tr") {
        flush();
        sink.closeRow();
      } else if (tag === "td" || tag === "th") {
        flush();
        sink.closeCell();
      }
    },
  });
  flush();
  while (sink.tables.length) sink.closeTable();
  return sink.out;
}

function listLabel(lists: ListCtx[]): string {
  const list = lists[lists.length - 1];
  if (!list) return "";
  const depth = list.depth;
  if (!list.ordered) return depth === 0 ? "- " : "+ ";
  list.n++;
  if (depth === 0) return `${list.n}. `;
  return `${String.fromCharCode(96 + Math.min(list.n, 26))}) `;
}

// ================================================================================================
// Word's own XML

type Level = { fmt: string; text: string; start: number };
type AbstractNum = { levels: Map<number, Level> };
type Num = { abstractId: string; starts: Map<number, number> };
export type DocxNumbering = { abstracts: Map<string, AbstractNum>; nums: Map<string, Num> };
export type DocxStyles = Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;

const MAX_LEVEL = 8;
const intAttr = (v: string | undefined, fallback: number) => {
  const n = Number.parseInt(v ?? "", 10);
  return Number.isFinite(n) ? n : fallback;
};

/** word/numbering.xml: the formats ("upperRoman", "decimal", "lowerLetter", "bullet") and texts ("%1.", "%1.%2."). */
export function readDocxNumbering(xml: string): DocxNumbering {
  const abstracts = new Map<string, AbstractNum>();
  const nums = new Map<string, Num>();
  let abs: AbstractNum | null = null;
  let lvl: (Level & { ilvl: number }) | null = null;
  let num: Num | null = null;
  let numId = "";
  let overrideLvl = -1;
  scan(xml, true, {
    open(tag, a) {
      if (tag === "w:abstractnum") {
        abs = { levels: new Map() };
        abstracts.set(a["w:abstractnumid"] ?? "", abs);
      } else if (tag === "w:lvl" && abs) {
        lvl = { ilvl: intAttr(a["w:ilvl"], 0), fmt: "decimal", text: "", start: 1 };
      } else if (lvl && tag === "w:numfmt") lvl.fmt = a["w:val"] ?? "decimal";
      else if (lvl && tag === "w:lvltext") lvl.text = a["w:val"] ?? "";
      else if (lvl && tag === "w:start") lvl.start = intAttr(a["w:val"], 1);
      else if (tag === "w:num") {
        numId = a["w:numid"] ?? "";
        num = { abstractId: "", starts: new Map() };
        nums.set(numId, num);
      } else if (num && tag === "w:abstractnumid") num.abstractId = a["w:val"] ?? "";
      else if (num && tag === "w:lvloverride") overrideLvl = intAttr(a["w:ilvl"], -1);
      else if (num && tag === "w:startoverride" && overrideLvl >= 0)
        num.starts.set(overrideLvl, intAttr(a["w:val"], 1));
    },
    close(tag) {
      if (tag === "w:lvl" && lvl && abs) {
        if (lvl.ilvl >= 0 && lvl.ilvl <= MAX_LEVEL && !abs.levels.has(lvl.ilvl))
          abs.levels.set(lvl.ilvl, lvl);
        lvl = null;
      } else if (tag === "w:abstractnum") abs = null;
      else if (tag === "w:num") num = null;
      else if (tag === "w:lvloverride") overrideLvl = -1;
    },
  });
  return { abstracts, nums };
}

/** word/styles.xml: the paragraph styles that carry numbering (headings numbered by their style). */
export function readDocxStyles(xml: string): DocxStyles {
  const styles: DocxStyles = new Map();
  let current: { numId?: string; ilvl?: number; basedOn?: string } | null = null;
  let inPPr = false;
  scan(xml, true, {
    open(tag, a) {
      if (tag === "w:style") {
        current = {};
        if (a["w:type"] === "paragraph" || !a["w:type"]) styles.set(a["w:styleid"] ?? "", current);
      } else if (current && tag === "w:basedon") current.basedOn = a["w:val"];
      else if (current && tag === "w:ppr") inPPr = true;
      else if (current && inPPr && tag === "w:numid") current.numId = a["w:val"];
      else if (current && inPPr && tag === "w:ilvl") current.ilvl = intAttr(a["w:val"], 0);
    },
    close(tag) {
      if (tag === "w:style") current = null;
      else if (tag === "w:ppr") inPPr = false;
    },
  });
  return styles;
}

const ROMAN: Array<[number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];
function roman(n: number): string {
  let out = "";
  let rest = Math.max(1, Math.min(n, 3999));
  for (const [v, s] of ROMAN)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
}
function letter(n: number): string {
  const i = Math.max(1, n) - 1;
  return String.fromCharCode(97 + (i % 26)).repeat(Math.floor(i / 26) + 1);
}
function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letter(n).toUpperCase();
    case "lowerLetter":
      return letter(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "none":
      return "";
    default:
      return String(n);
  }
}

/** Numbers Word's lists as Word prints them: one counter per list and level, deeper levels restart. */
class Numberer {
  private counters = new Map<string, number[]>();
  private seenNums = new Set<string>();
  constructor(
    private readonly numbering: DocxNumbering,
    private readonly styles: DocxStyles,
  ) {}

  /** The numbering of a paragraph: its own numPr, else its style's (following basedOn a few steps). */
  resolve(numId: string | undefined, ilvl: number | undefined, styleId: string | undefined) {
    let id = numId;
    let level = ilvl;
    let style = styleId;
    for (let guard = 0; id === undefined && style && guard < 10; guard++) {
      const s = this.styles.get(style);
      if (!s) break;
      level ??= s.ilvl;
      if (s.numId !== undefined) id = s.numId;
      style = s.basedOn;
    }
    return id === undefined || id === "0" ? undefined : { numId: id, ilvl: level ?? 0 };
  }

  label(numId: string, ilvl: number): string {
    const num = this.numbering.nums.get(numId);
    const abs = num ? this.numbering.abstracts.get(num.abstractId) : undefined;
    if (!num || !abs) return "";
    const lvl = Math.max(0, Math.min(ilvl, MAX_LEVEL));
    const def = abs.levels.get(lvl);
    if (!def) return "";
    if (def.fmt === "bullet") {
      const glyph = def.text.trim();
      if (glyph === "+" || glyph === "-" || glyph === "–") return glyph === "+" ? "+" : "-";
      return lvl === 0 ? "-" : "+";
    }
    // Lists of the same definition continue one another unless a list restarts its numbering.
    const key = num.starts.size ? `n${numId}` : `a${num.abstractId}`;
    let counters = this.counters.get(key);
    if (!counters) {
      counters = [];
      this.counters.set(key, counters);
    }
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const [l, start] of num.starts) counters[l] = start - 1;
    }
    const startOf = (l: number) => abs.levels.get(l)?.start ?? 1;
    counters[lvl] = (counters[lvl] ?? startOf(lvl) - 1) + 1;
    counters.length = lvl + 1;
    return def.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const ldef = abs.levels.get(l);
      return formatNumber(counters[l] ?? ldef?.start ?? 1, ldef?.fmt ?? "decimal");
    });
  }
}

/**
 * word/document.xml → lines. Paragraphs with automatic numbering get their printed label in front; tables are
 * read as above. Deleted text, field codes and the fallback copies of text boxes are not read.
 */
export function docxXmlToLines(
  documentXml: string,
  numbering: DocxNumbering = { abstracts: new Map(), nums: new Map() },
  styles: DocxStyles = new Map(),
): string[] {
  const sink = new LineSink();
  const numberer = new Numberer(numbering, styles);
  type P = { text: string; numId?: string; ilvl?: number; style?: string };
  const paras: P[] = [];
  let inText = false;
  let inPPr = 0;
  let skip = 0;
  const para = () => paras[paras.length - 1];
  scan(documentXml, true, {
    open(tag, a) {
      if (skip) {
        if (tag === "mc:fallback" || tag === "w:del") skip++;
        return;
      }
      switch (tag) {
        case "mc:fallback":
        case "w:del":
          skip++;
          return;
        case "w:p":
          paras.push({ text: "" });
          return;
        case "w:ppr":
          inPPr++;
          return;
        case "w:pstyle": {
          const p = para();
          if (p && inPPr) p.style = a["w:val"];
          return;
        }
        case "w:numid": {
          const p = para();
          if (p && inPPr) p.numId = a["w:val"];
          return;
        }
        case "w:ilvl": {
          const p = para();
          if (p && inPPr) p.ilvl = intAttr(a["w:val"], 0);
          return;
        }
        case "w:t":
          inText = true;
          return;
        case "w:tab": {
          const p = para();
          if (p && !inPPr) p.text += "\t";
          return;
        }
        case "w:br":
        case "w:cr": {
          const p = para();
          if (p && a["w:type"] !== "page" && a["w:type"] !== "column") p.text += "\n";
          return;
        }
        case "w:nobreakhyphen": {
          const p = para();
          if (p) p.text += "-";
          return;
        }
        case "w:tbl":
          sink.openTable();
          return;
        case "w:tr":
          sink.openRow();
          return;
        case "w:tc":
          sink.openCell();
          return;
      }
    },
    text(text) {
      if (inText && !skip) {
        const p = para();
        if (p) p.text += text;
      }
    },
    close(tag) {
      if (skip) {
        if (tag === "mc:fallback" || tag === "w:del") skip--;
        return;
      }
      switch (tag) {
        case "w:t":
          inText = false;
          return;
        case "w:ppr":
          inPPr = Math.max(0, inPPr - 1);
          return;
        case "w:p": {
          const p = paras.pop();
          if (!p) return;
          const num = p.text.trim() ? numberer.resolve(p.numId, p.ilvl, p.style) : undefined;
          const label = num ? numberer.label(num.numId, num.ilvl) : "";
          const [first = "", ...more] = p.text.split("\n");
          sink.emit(label ? `${label} ${first.replace(/^\s+/, "")}` : first, true);
          for (const l of more) sink.emit(l, true);
          return;
        }
        case "w:tbl":
          sink.closeTable();
          return;
        case "w:tr":
          sink.closeRow();
          return;
        case "w:tc":
          sink.closeCell();
          return;
      }
    },
  });
  while (sink.tables.length) sink.closeTable();
  return sink.out;
}
