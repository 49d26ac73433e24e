import { once } from "node:events";
import type { Writable } from "node:stream";
import { xmlSafe } from "@kehoach/core/vi-text";
import ExcelJS from "exceljs";

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
  const ws = wb.addWorksheet(sheetName(name), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 3 }],
  });
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

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function csvField(v: Cell, date?: boolean) {
  if (v === null || v === undefined) return "";
  let s: string;
  if (v instanceof Date) s = v.toISOString().slice(0, 10);
  else if (typeof v === "number") s = String(v);
  else s = date ? v.slice(0, 10) : neutralise(xmlSafe(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvHeader = <T>(columns: readonly Column<T>[]) => columns.map((c) => csvField(c.header)).join(",");
const csvRow = <T>(columns: readonly Column<T>[], r: T) =>
  columns.map((c) => csvField(c.value(r), c.date)).join(",");

/** CSV in UTF-8 with a BOM, CRLF lines, every field quoted where needed, formulas neutralised. */
export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): Buffer {
  const lines = [csvHeader(columns), ...rows.map((r) => csvRow(columns, r))];
  return Buffer.concat([BOM, Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")]);
}

async function write(out: Writable, chunk: string | Buffer) {
  if (!out.write(chunk)) await once(out, "drain");
}

/** The same CSV as `toCsv`, written row by row to a stream (the caller ends the stream). */
export async function csvWriter<T>(out: Writable, columns: readonly Column<T>[]) {
  await write(out, BOM);
  await write(out, `${csvHeader(columns)}\r\n`);
  return { add: (r: T) => write(out, `${csvRow(columns, r)}\r\n`) };
}

/**
 * A workbook written to a stream as it is filled: rows are committed as they come and never held,
 * so a table of any length takes constant memory. Sheets are written one after another.
 */
export function streamingWorkbook(out: Writable) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = "KeHoach";
  wb.created = new Date();
  return wb;
}

const THIN = { style: "thin" as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The look of `addTableSheet` (title, frozen header, widths, dates, borders) on a streamed sheet. */
export function streamTableSheet<T>(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  title: string,
  columns: readonly Column<T>[],
) {
  const ws = wb.addWorksheet(sheetName(name), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 3 }],
  });
  ws.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width }));
  ws.mergeCells(1, 1, 1, Math.max(1, columns.length));
  const t = ws.getCell(1, 1);
  t.value = xmlSafe(title);
  t.font = { name: "Times New Roman", size: 14, bold: true };
  t.alignment = { horizontal: "center" };
  ws.getRow(1).commit();
  ws.getRow(2).commit();
  const header = ws.getRow(3);
  header.values = columns.map((c) => xmlSafe(c.header));
  header.font = { name: "Times New Roman", size: 12, bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  for (let c = 1; c <= columns.length; c++) header.getCell(c).border = BORDER;
  header.commit();
  let rows = 0;
  return {
    add(r: T) {
      const row = ws.addRow(columns.map((c) => cellValue(c, r)));
      row.font = { name: "Times New Roman", size: 12 };
      row.alignment = { vertical: "top", wrapText: true };
      columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.border = BORDER;
        if (c.date) cell.numFmt = "dd/mm/yyyy";
      });
      row.commit();
      rows++;
    },
    get rows() {
      return rows;
    },
    commit: () => ws.commit(),
  };
}

function sheetName(name: string) {
  return xmlSafe(name)
    .replace(/[\\/?*[\]:]/g, " ")
    .slice(0, 31);
}
