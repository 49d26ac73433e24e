/**
 * mammoth's HTML (a small, regular subset: p, h1-6, li, table/tr/td, strong, em, br, a, img) → text lines.
 * Task tables become " | "-separated rows; layout tables (header, signature) become their cells' lines in order.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code =
        e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

type Cell = string[];
type Row = Cell[];
type TableCtx = { rows: Row[]; row: Row | null; cell: Cell | null };
type ListCtx = { ordered: boolean; n: number };

const BLOCK = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li"]);

/** Is this row the header of a table of tasks (STT | Nội dung | Đơn vị chủ trì | ...)? */
export function isTaskTableHeader(cells: readonly string[]): boolean {
  const t = cells.join(" | ").toLocaleLowerCase("vi");
  return (
    cells.length >= 3 &&
    /(nội dung|nhiệm vụ|công việc)/u.test(t) &&
    /(chủ trì|phối hợp|thời gian|thời hạn|đơn vị|thực hiện)/u.test(t)
  );
}

export function htmlToLines(html: string): string[] {
  const out: string[] = [];
  const tables: TableCtx[] = [];
  const lists: ListCtx[] = [];
  let buf: string | null = null;
  const emit = (line: string) => {
    const t = decodeEntities(line).replace(/\s+/g, " ").trim();
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.push(t);
    else if (t) out.push(t);
  };
  const flush = () => {
    if (buf !== null) {
      for (const part of buf.split("\n")) emit(part);
      buf = null;
    }
  };
  // `[^<>]*`, not `[^>]*`: a tag that never closes must not be rescanned to the end from every "<".
  const re = /<(\/?)([a-zA-Z0-9]+)([^<>]*)>|([^<]+)/g;
  for (const m of html.matchAll(re)) {
    const [, close, rawTag, , text] = m;
    if (text !== undefined) {
      buf = (buf ?? "") + text;
      continue;
    }
    const tag = (rawTag ?? "").toLowerCase();
    if (tag === "br") {
      buf = `${buf ?? ""}\n`;
      continue;
    }
    if (tag === "ol" || tag === "ul") {
      flush();
      if (!close) lists.push({ ordered: tag === "ol", n: 0 });
      else lists.pop();
      continue;
    }
    if (BLOCK.has(tag)) {
      flush();
      // Word's automatic numbering is not in the text: write the label the genre would ("1.", "a)", "-", "+").
      if (!close) buf = tag === "li" ? listLabel(lists) : "";
      continue;
    }
    if (tag === "table") {
      flush();
      if (!close) tables.push({ rows: [], row: null, cell: null });
      else {
        const t = tables.pop();
        if (t) writeTable(t.rows, (l) => emit(l));
      }
      continue;
    }
    const table = tables[tables.length - 1];
    if (!table) continue;
    if (tag === "tr") {
      flush();
      if (!close) table.row = [];
      else if (table.row) {
        table.rows.push(table.row);
        table.row = null;
      }
    } else if (tag === "td" || tag === "th") {
      flush();
      if (!close) table.cell = [];
      else if (table.cell) {
        table.row ??= [];
        table.row.push(table.cell);
        table.cell = null;
      }
    }
  }
  flush();
  return out;
}

function listLabel(lists: ListCtx[]): string {
  const list = lists[lists.length - 1];
  if (!list) return "";
  const depth = lists.filter((l) => l.ordered === list.ordered).length - 1;
  if (!list.ordered) return depth === 0 ? "- " : "+ ";
  list.n++;
  if (depth === 0) return `${list.n}. `;
  return `${String.fromCharCode(96 + Math.min(list.n, 26))}) `;
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
  for (const r of rows) for (const c of r) for (const l of c) emit(l);
}
