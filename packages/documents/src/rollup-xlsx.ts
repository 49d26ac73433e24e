import type { Writable } from "node:stream";
import type { BoardRow } from "@kehoach/core/board";
import type { IssuedPlanRow, OverdueTaskRow, RollupCommune, RollupHead } from "@kehoach/core/exports/rollup";
import { reportStateOf } from "@kehoach/core/exports/rollup";
import { boardColumns, REPORT_VI } from "./board-xlsx";
import { type Column, csvWriter, streamingWorkbook, streamTableSheet } from "./table";

/**
 * An overseer's roll-up as one XLSX (four sheets) and one CSV per sheet, written as the data comes:
 * the board rows first, then commune by commune. Only the plans issued in the period (a few per
 * commune) wait in memory for their sheet; every other row is written and let go.
 */

export const ROLLUP_SHEETS = {
  summary: { name: "Tổng hợp", file: "tong-hop" },
  overdue: { name: "Nhiệm vụ quá hạn", file: "nhiem-vu-qua-han" },
  issued: { name: "Kế hoạch đã ban hành", file: "ke-hoach-da-ban-hanh" },
  reports: { name: "Báo cáo định kỳ", file: "bao-cao-dinh-ky" },
} as const;
export type RollupSheet = keyof typeof ROLLUP_SHEETS;

export type RollupSink = {
  /** The workbook's bytes go here (a file, S3 upload, or nothing). */
  xlsx?: Writable;
  /** One CSV per sheet. */
  csv?: Partial<Record<RollupSheet, Writable>>;
};

export type RollupStats = { communes: number; rows: Record<RollupSheet, number> };

const vnDate = (iso: string) => iso.split("-").reverse().join("/");

export const OVERDUE_COLUMNS: Column<OverdueTaskRow>[] = [
  { header: "Xã", width: 22, value: (r) => r.commune },
  { header: "Số, ký hiệu kế hoạch", width: 16, value: (r) => r.planSymbol },
  { header: "Kế hoạch", width: 40, value: (r) => r.planSubject },
  { header: "Nhiệm vụ", width: 50, value: (r) => r.task },
  { header: "Đơn vị chủ trì", width: 26, value: (r) => r.leadOffice },
  { header: "Hạn hoàn thành", width: 14, date: true, value: (r) => r.deadline },
  { header: "Số ngày quá hạn", width: 12, value: (r) => r.daysOverdue },
];

export const ISSUED_COLUMNS: Column<IssuedPlanRow>[] = [
  { header: "Xã", width: 22, value: (r) => r.commune },
  { header: "Số, ký hiệu", width: 16, value: (r) => r.symbol },
  { header: "Ngày ban hành", width: 14, date: true, value: (r) => r.issuedDate },
  { header: "Trích yếu nội dung", width: 60, value: (r) => r.subject },
  { header: "Người ký", width: 30, value: (r) => r.signer },
];

type ReportRow = { row: BoardRow; head: RollupHead };
export const REPORT_COLUMNS: Column<ReportRow>[] = [
  { header: "Xã", width: 24, value: (r) => r.row.name },
  { header: "Kỳ báo cáo", width: 24, value: (r) => r.head.period.label.vi },
  { header: "Hạn nộp", width: 14, date: true, value: (r) => r.head.period.due },
  {
    header: "Tình trạng",
    width: 22,
    value: (r) => REPORT_VI[reportStateOf(r.row, r.head.period, r.head.today)],
  },
];

async function end(out: Writable | undefined) {
  if (!out) return;
  await new Promise<void>((resolve, reject) => {
    out.once("error", reject);
    out.end(() => resolve());
  });
}

/** Write the roll-up to the sink; `onCommune(done, total)` after each commune. */
export async function writeRollup(
  head: RollupHead,
  communes: AsyncIterable<RollupCommune>,
  sink: RollupSink,
  onCommune?: (done: number, total: number) => Promise<void>,
): Promise<RollupStats> {
  const { board, period, today } = head;
  const suffix = `${board.scope.name.toUpperCase()} — ${period.label.vi.toUpperCase()} (ngày ${vnDate(today)})`;
  const wb = sink.xlsx ? streamingWorkbook(sink.xlsx) : undefined;
  const csv = sink.csv ?? {};
  const rows: Record<RollupSheet, number> = { summary: 0, overdue: 0, issued: 0, reports: 0 };

  const summaryColumns = boardColumns(board);
  const summarySheet =
    wb && streamTableSheet(wb, ROLLUP_SHEETS.summary.name, `TỔNG HỢP — ${suffix}`, summaryColumns);
  const summaryCsv = csv.summary && (await csvWriter(csv.summary, summaryColumns));
  for (const r of board.rows) {
    summarySheet?.add(r);
    await summaryCsv?.add(r);
    rows.summary++;
  }
  summarySheet?.commit();
  await end(csv.summary);

  const overdueSheet =
    wb && streamTableSheet(wb, ROLLUP_SHEETS.overdue.name, `NHIỆM VỤ QUÁ HẠN — ${suffix}`, OVERDUE_COLUMNS);
  const overdueCsv = csv.overdue && (await csvWriter(csv.overdue, OVERDUE_COLUMNS));
  const issuedCsv = csv.issued && (await csvWriter(csv.issued, ISSUED_COLUMNS));
  const issued: IssuedPlanRow[] = [];
  let done = 0;
  for await (const c of communes) {
    for (const t of c.overdue) {
      overdueSheet?.add(t);
      await overdueCsv?.add(t);
      rows.overdue++;
    }
    for (const p of c.issued) {
      if (wb) issued.push(p);
      await issuedCsv?.add(p);
      rows.issued++;
    }
    await onCommune?.(++done, board.rows.length);
  }
  overdueSheet?.commit();
  await end(csv.overdue);
  await end(csv.issued);

  if (wb) {
    const issuedSheet = streamTableSheet(
      wb,
      ROLLUP_SHEETS.issued.name,
      `KẾ HOẠCH ĐÃ BAN HÀNH — ${suffix}`,
      ISSUED_COLUMNS,
    );
    for (const p of issued.splice(0)) issuedSheet.add(p);
    issuedSheet.commit();
  }

  const reportSheet =
    wb && streamTableSheet(wb, ROLLUP_SHEETS.reports.name, `BÁO CÁO ĐỊNH KỲ — ${suffix}`, REPORT_COLUMNS);
  const reportCsv = csv.reports && (await csvWriter(csv.reports, REPORT_COLUMNS));
  for (const row of board.rows) {
    reportSheet?.add({ row, head });
    await reportCsv?.add({ row, head });
    rows.reports++;
  }
  reportSheet?.commit();
  await end(csv.reports);
  await wb?.commit();
  return { communes: done, rows };
}
