import { createMessages, useI18n, useMessages } from "../../../i18n";

/** The periodic reports' words, Vietnamese first (beside the feature, like the other features). */
const vi = {
  "reports.nav": "Báo cáo định kỳ",
  "reports.title": "Báo cáo định kỳ",
  "reports.of": "Báo cáo định kỳ của {commune}",
  "reports.intro":
    "Báo cáo cải cách hành chính quý I, 6 tháng, quý III và năm: hạn nộp ngày 20 của tháng cuối kỳ. Báo cáo được lập từ số liệu kế hoạch, nhiệm vụ của kỳ và soạn tiếp trong trình soạn thảo.",
  "reports.year": "Năm",
  "reports.caption": "Các kỳ báo cáo năm {year}",
  "reports.col.period": "Kỳ báo cáo",
  "reports.col.window": "Số liệu",
  "reports.col.due": "Hạn nộp",
  "reports.col.state": "Tình trạng",
  "reports.col.report": "Báo cáo",
  "reports.col.actions": "Thao tác",
  "reports.window": "{from} – {to}",
  "reports.state.none": "Chưa lập",
  "reports.state.missing": "Chưa lập (quá hạn)",
  "reports.state.draft": "Dự thảo",
  "reports.state.submitted": "Đã trình",
  "reports.state.approved": "Đã duyệt",
  "reports.state.on_time": "Đã ban hành đúng hạn",
  "reports.state.late": "Đã ban hành muộn",
  "reports.submittedOn": "ngày {date}",
  "reports.notBegun": "Chưa đến kỳ",
  "reports.create": "Lập báo cáo",
  "reports.createLabel": "Lập báo cáo {period}",
  "reports.creating": "Đang lập…",
  "reports.openDraft": "Soạn tiếp",
  "reports.openDraftLabel": "Soạn tiếp báo cáo {period}",
  "reports.view": "Xem",
  "reports.viewLabel": "Xem báo cáo {period}",
  "reports.annex": "Tải phụ lục (XLSX)",
  "reports.annexLabel": "Tải phụ lục số liệu báo cáo {period} (tệp Excel)",
  "reports.annexHint": "Phụ lục số liệu: kế hoạch ban hành trong kỳ và nhiệm vụ với tình trạng",
} as const;

export type ReportsKey = keyof typeof vi;

const en: Record<ReportsKey, string> = {
  "reports.nav": "Periodic reports",
  "reports.title": "Periodic reports",
  "reports.of": "Periodic reports of {commune}",
  "reports.intro":
    "Administrative-reform reports for Q1, the first half, Q3 and the year, due by the 20th of the period's last month. A report is drafted from the period's plans and tasks and finished in the editor.",
  "reports.year": "Year",
  "reports.caption": "Reporting periods of {year}",
  "reports.col.period": "Period",
  "reports.col.window": "Data",
  "reports.col.due": "Due",
  "reports.col.state": "State",
  "reports.col.report": "Report",
  "reports.col.actions": "Actions",
  "reports.window": "{from} – {to}",
  "reports.state.none": "Not drafted",
  "reports.state.missing": "Not drafted (overdue)",
  "reports.state.draft": "Draft",
  "reports.state.submitted": "Submitted",
  "reports.state.approved": "Approved",
  "reports.state.on_time": "Issued on time",
  "reports.state.late": "Issued late",
  "reports.submittedOn": "on {date}",
  "reports.notBegun": "Not begun",
  "reports.create": "Draft report",
  "reports.createLabel": "Draft the report for {period}",
  "reports.creating": "Drafting…",
  "reports.openDraft": "Continue",
  "reports.openDraftLabel": "Continue the report for {period}",
  "reports.view": "View",
  "reports.viewLabel": "View the report for {period}",
  "reports.annex": "Download annex (XLSX)",
  "reports.annexLabel": "Download the data annex of the report for {period} (Excel file)",
  "reports.annexHint": "Data annex: the plans issued in the period and their tasks with statuses",
};

const messages = createMessages(vi, en);

/** `rt()` for the reports' strings, plus everything useI18n() gives. */
export function useReportsI18n() {
  return { ...useI18n(), rt: useMessages(messages).t };
}
