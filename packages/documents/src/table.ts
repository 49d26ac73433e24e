import ExcelJS from "exceljs";
import { xmlSafe } from "./vi-text";

/**
 * Tables as the files offices file: XLSX sheets (Vietnamese headers, a frozen header row, column
 * widths, dates as real dates) and CSV (UTF-8 with a BOM so Excel keeps the diacritics). A text
 * cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) is neutralised with
 * a leading apostrophe, in both.
 */

export type Cell = string | number | Date | null | undefined;

export type Column<T> = {
  header: string;
  width: number;
  value: (row: T) => Cell;
  /** A YYYY-MM-DD string shown as a date (dd/mm/yyyy), stored as a date. */
  date?: boolean;
};

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made inert: a spreadsheet shows it, never evaluates it. */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

function cellValue<T>(c: Column<T>, row: T): Cell {
  const v = c.value(row);
  if (v === null || v === undefined) return null;
  if (c.date && typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v)) {
    return new Date(`${v.slice(0, 10)}T00:00:00Z`);
  }
  return typeof v === "string" ? neutralise(xmlSafe(v)) : v;
}

export function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KeHoach";
  wb.created = new Date();
  return wb;
}

/** One sheet: a title line, the header row (frozen below it), one row per item, thin borders. */
export function addTableSheet<T>(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
) {
  const ws = wb.addWorksheet(
    xmlSafe(name)
      .replace(/[\\/?*[\]:]/g, " ")
      .slice(0, 31),
    {
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: "frozen", ySplit: 3 }],
    },
  );
  ws.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width }));
  ws.mergeCells(1, 1, 1, Math.max(1, columns.length));
  const t = ws.getCell(1, 1);
  t.value = xmlSafe(title);
  t.font = { name: "Times New Roman", size: 14, bold: true };
  t.alignment = { horizontal: "center" };
  const header = ws.getRow(3);
  header.values = columns.map((c) => xmlSafe(c.header));
  header.font = { name: "Times New Roman", size: 12, bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => cellValue(c, r)));
    row.font = { name: "Times New Roman", size: 12 };
    row.alignment = { vertical: "top", wrapText: true };
  }
  columns.forEach((c, i) => {
    if (c.date) ws.getColumn(i + 1).numFmt = "dd/mm/yyyy";
  });
  const border = { style: "thin" as const };
  for (let r = 3; r <= ws.rowCount; r++) {
    for (let c = 1; c <= columns.length; c++) {
      ws.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
    }
  }
  return ws;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV in UTF-8 with a BOM, CRLF lines, every field quoted where needed, formulas neutralised. */
export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): Buffer {
  const field = (v: Cell, date?: boolean) => {
    if (v === null || v === undefined) return "";
    let s: string;
    if (v instanceof Date) s = v.toISOString().slice(0, 10);
    else if (typeof v === "number") s = String(v);
    else s = date ? v.slice(0, 10) : neutralise(xmlSafe(v));
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    columns.map((c) => field(c.header)).join(","),
    ...rows.map((r) => columns.map((c) => field(c.value(r), c.date)).join(",")),
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")]);
}
