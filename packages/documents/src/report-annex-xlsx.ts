import { PLAN_STATUS_LABELS } from "@kehoach/core/plan/schema";
import type { ReportData, ReportPlan, ReportTask } from "@kehoach/core/report";
import { TASK_STATUS_LABELS } from "@kehoach/core/task/schema";
import { addTableSheet, type Column, newWorkbook, workbookBuffer } from "./table";

type TaskRow = ReportTask & { plan: ReportPlan };

const dmy = (iso: string) => iso.split("-").reverse().join("/");

const planColumns: Column<ReportPlan>[] = [
  { header: "Số, ký hiệu", width: 16, value: (p) => p.symbol ?? "" },
  { header: "Ngày ban hành", width: 14, date: true, value: (p) => p.issuedDate },
  { header: "Trích yếu", width: 60, value: (p) => p.subject },
  { header: "Lĩnh vực", width: 12, value: (p) => p.category ?? "" },
  { header: "Trạng thái", width: 16, value: (p) => PLAN_STATUS_LABELS[p.status].vi },
  { header: "Số nhiệm vụ", width: 11, value: (p) => p.figures.total },
  { header: "Hoàn thành đúng hạn", width: 12, value: (p) => p.figures.doneOnTime },
  { header: "Hoàn thành quá hạn", width: 12, value: (p) => p.figures.doneLate },
  { header: "Quá hạn chưa hoàn thành", width: 12, value: (p) => p.figures.overdue },
  { header: "Đang thực hiện trong hạn", width: 12, value: (p) => p.figures.open },
  { header: "Đã hủy", width: 9, value: (p) => p.figures.cancelled },
];

const taskColumns: Column<TaskRow>[] = [
  { header: "Kế hoạch", width: 16, value: (t) => t.plan.symbol ?? "" },
  { header: "Nhiệm vụ", width: 60, value: (t) => t.description },
  { header: "Bộ phận chủ trì", width: 26, value: (t) => t.leadUnit },
  { header: "Thời hạn", width: 13, date: true, value: (t) => t.deadline ?? null },
  { header: "Trạng thái", width: 24, value: (t) => TASK_STATUS_LABELS[t.status].vi },
  { header: "Ngày hoàn thành", width: 14, date: true, value: (t) => t.completedOn ?? null },
  { header: "Tiến độ (%)", width: 10, value: (t) => t.progress },
];

/**
 * The data annex of a periodic report (Phụ lục số liệu): the plans issued in the period's window
 * and their tasks, statuses as of the report's day. Pure: `reportData` gives the data.
 */
export async function renderReportAnnexXlsx(data: ReportData): Promise<Buffer> {
  const wb = newWorkbook();
  const period = data.period.label.vi.toLocaleUpperCase("vi");
  const window = `số liệu từ ${dmy(data.period.from)} đến ${dmy(data.period.to)}, tình trạng đến ${dmy(data.asOf)}`;
  const capped = data.truncated ? `; tổng hợp ${data.plans.length} kế hoạch đầu tiên` : "";
  addTableSheet(
    wb,
    "Kế hoạch",
    `KẾ HOẠCH BAN HÀNH ${period} — ${data.communeName.toLocaleUpperCase("vi")} (${window}${capped})`,
    planColumns,
    data.plans,
  );
  addTableSheet(
    wb,
    "Nhiệm vụ",
    `NHIỆM VỤ CỦA CÁC KẾ HOẠCH ${period} — ${data.communeName.toLocaleUpperCase("vi")} (${window}${capped})`,
    taskColumns,
    data.plans.flatMap((plan) => plan.tasks.map((t) => ({ ...t, plan }))),
  );
  return workbookBuffer(wb);
}
