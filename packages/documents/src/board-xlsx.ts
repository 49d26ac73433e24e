import type { Board, BoardRow, ReportState } from "@kehoach/core/board";
import { todayInVietnam } from "@kehoach/core/clock";
import { addTableSheet, type Column, newWorkbook, workbookBuffer } from "./table";

const REPORT_VI: Record<ReportState, string> = {
  on_time: "Đã nộp đúng hạn",
  late: "Nộp muộn",
  missing: "Chưa nộp (quá hạn)",
  pending: "Chưa đến hạn",
};

/** The board's columns, shared by the XLSX export and the roll-up. */
export function boardColumns(board: Pick<Board, "periods">): Column<BoardRow>[] {
  return [
    { header: "Đơn vị", width: 28, value: (r) => r.name },
    {
      header: "Gồm lịch sử của",
      width: 30,
      value: (r) => r.includes.map((u) => u.name).join(", "),
    },
    { header: "KH đã ban hành", width: 12, value: (r) => r.plans.issued },
    { header: "KH đang thực hiện", width: 12, value: (r) => r.plans.in_progress },
    { header: "KH hoàn thành", width: 12, value: (r) => r.plans.completed },
    { header: "KH đã hủy", width: 10, value: (r) => r.plans.cancelled },
    { header: "Nhiệm vụ", width: 10, value: (r) => r.tasks.total },
    { header: "Hoàn thành đúng hạn", width: 12, value: (r) => r.tasks.doneOnTime },
    { header: "Hoàn thành quá hạn", width: 12, value: (r) => r.tasks.doneLate },
    { header: "Quá hạn chưa hoàn thành", width: 12, value: (r) => r.tasks.overdue },
    { header: "Đang thực hiện trong hạn", width: 12, value: (r) => r.tasks.open },
    {
      header: `Báo cáo ${board.periods.previous.label.vi}`,
      width: 18,
      value: (r) => REPORT_VI[r.reports.previous],
    },
    { header: `Báo cáo ${board.periods.next.label.vi}`, width: 18, value: (r) => REPORT_VI[r.reports.next] },
    { header: "Yêu cầu chỉnh sửa chưa xử lý", width: 12, value: (r) => r.requestsOpen },
    {
      header: "Hoạt động gần nhất",
      width: 14,
      date: true,
      // The day in Asia/Ho_Chi_Minh, as the screen shows it.
      value: (r) => (r.lastActivityAt ? todayInVietnam(new Date(r.lastActivityAt)) : null),
    },
  ];
}

/** The overseer's board as an XLSX workbook: one row per commune, as shown on screen. */
export async function renderBoardXlsx(board: Board): Promise<Buffer> {
  const wb = newWorkbook();
  addTableSheet(
    wb,
    "Tổng hợp",
    `TÌNH HÌNH THỰC HIỆN KẾ HOẠCH — ${board.scope.name.toUpperCase()} (ngày ${board.today.split("-").reverse().join("/")})`,
    boardColumns(board),
    board.rows,
  );
  return workbookBuffer(wb);
}

export { REPORT_VI };
