import { type Lang, useI18n } from "../../../i18n";
import { fill } from "../../checker/lib/i18n";

/**
 * Strings of the import feature, kept beside it (not in the shared src/i18n.ts) so several
 * people can work on the dashboard at once. Vietnamese first.
 */
const vi = {
  "import.link": "Nhập từ văn bản",
  "import.title": "Nhập kế hoạch từ văn bản",
  "import.intro":
    "Dán nội dung một kế hoạch đã có, hoặc chọn tệp Word (.docx) hay văn bản (.txt). Hệ thống đọc ra một bản dự thảo để bạn xem lại; chưa có gì được lưu cho đến khi bạn bấm “Lưu thành dự thảo”.",
  "import.paste.legend": "Cách 1: dán văn bản",
  "import.paste.label": "Nội dung kế hoạch",
  "import.paste.hint": "Sao chép toàn bộ văn bản (từ Word, PDF hoặc trang web) rồi dán vào đây.",
  "import.paste.submit": "Phân tích văn bản",
  "import.file.legend": "Cách 2: chọn tệp",
  "import.file.label": "Tệp .docx hoặc .txt",
  "import.file.hint": "Tối đa 10 MB. Hệ thống phân tích ngay khi bạn chọn tệp.",
  "import.file.drop": "Hoặc kéo thả tệp vào khung này",
  "import.file.dropActive": "Thả tệp để phân tích",
  "import.analyzing": "Đang phân tích…",
  "import.failed": "Không nhập được văn bản",

  "review.title": "Xem lại bản dự thảo",
  "review.intro":
    "Đối chiếu từng trường với văn bản gốc bên cạnh. Trường ghi “cần kiểm tra” là phần hệ thống đọc chưa chắc chắn; bạn có thể sửa các trường chính trước khi lưu.",
  "review.from.text": "Nguồn: văn bản dán vào",
  "review.from.file": "Nguồn: tệp {name}",
  "review.lowCount": "{count} trường cần kiểm tra",
  "review.draft": "Bản dự thảo đọc được",
  "review.original": "Văn bản gốc",
  "review.warnings": "Lưu ý khi đọc văn bản",
  "review.findings": "Kiểm tra thể thức",
  "review.save": "Lưu thành dự thảo",
  "review.saving": "Đang lưu…",
  "review.restart": "Nhập văn bản khác",
  "review.notSaved": "Chưa lưu: bản dự thảo chỉ được tạo khi bạn bấm “Lưu thành dự thảo”.",
  "review.saveFailed": "Chưa lưu được",
  "review.none": "—",
  "review.notFound": "không tìm thấy",
  "review.noDate": "chưa có (ghi khi ban hành)",
  "review.items": "{count} mục",
  "review.tasks": "{count} nhiệm vụ",
  "review.paragraphs": "{count} đoạn",

  "conf.high": "chắc chắn",
  "conf.medium": "khá chắc",
  "conf.low": "cần kiểm tra",
  "conf.title": "Độ tin cậy của hệ thống: {pct}%",

  "group.header": "Phần đầu văn bản",
  "group.basis": "Văn bản căn cứ",
  "group.content": "Nội dung",
  "group.event": "Sự kiện",
  "group.assignments": "Phân công thực hiện",
  "group.end": "Phần cuối văn bản",

  "f.issuer": "Cơ quan ban hành",
  "f.headerLines": "Tên cơ quan trên văn bản",
  "f.superior": "Cơ quan chủ quản",
  "f.number": "Số, ký hiệu",
  "f.place": "Địa danh",
  "f.date": "Ngày ban hành",
  "f.type": "Loại văn bản",
  "f.subject": "Trích yếu",
  "f.category": "Lĩnh vực, kỳ",
  "f.basis.item": "Căn cứ {n}",
  "f.basis.none": "Không thấy văn bản được dẫn.",
  "f.preamble": "Phần mở đầu",
  "f.sections": "Bố cục các mục",
  "f.event.name": "Tên sự kiện",
  "f.event.duration": "Thời lượng",
  "f.event.date": "Ngày tổ chức",
  "f.event.tentative": "Ngày dự kiến",
  "f.event.time": "Giờ",
  "f.event.attendees": "Số đại biểu",
  "f.event.approx": "khoảng {count}",
  "f.event.groups": "Thành phần",
  "f.event.venue": "Địa điểm",
  "f.event.funding": "Kinh phí",
  "f.event.budget": "Dự toán",
  "f.unit": "Đơn vị",
  "f.task.lead": "Chủ trì",
  "f.task.partners": "Phối hợp",
  "f.task.deadline": "Hạn",
  "f.task.noDeadline": "chưa có hạn",
  "f.task.relative": "{days} ngày so với ngày tổ chức",
  "f.assignments.none": "Không thấy phần phân công theo đơn vị.",
  "f.closing": "Phần kết",
  "f.recipients": "Nơi nhận",
  "f.recipients.hint": "Mỗi dòng một nơi nhận; dòng cuối thường là “Lưu: VT”.",
  "f.signer.authority": "Thẩm quyền ký",
  "f.signer.authorityNone": "(không có)",
  "f.signer.onBehalfOf": "Thay mặt",
  "f.signer.title": "Chức vụ người ký",
  "f.signer.name": "Họ tên người ký",
} as const;

export type ImportKey = keyof typeof vi;

const en: Record<ImportKey, string> = {
  "import.link": "Import from a document",
  "import.title": "Import a plan from a document",
  "import.intro":
    "Paste the text of an existing plan, or choose a Word (.docx) or text (.txt) file. KeHoach reads it into a draft for you to review; nothing is saved until you press “Save as draft”.",
  "import.paste.legend": "Option 1: paste the text",
  "import.paste.label": "Text of the plan",
  "import.paste.hint": "Copy the whole document (from Word, a PDF or a web page) and paste it here.",
  "import.paste.submit": "Analyse the text",
  "import.file.legend": "Option 2: choose a file",
  "import.file.label": ".docx or .txt file",
  "import.file.hint": "At most 10 MB. The file is analysed as soon as you choose it.",
  "import.file.drop": "Or drop a file on this box",
  "import.file.dropActive": "Drop the file to analyse it",
  "import.analyzing": "Analysing…",
  "import.failed": "The document could not be imported",

  "review.title": "Review the draft",
  "review.intro":
    "Compare each field with the original text beside it. Fields marked “check this” are where the reader was unsure; you can correct the main fields before saving.",
  "review.from.text": "Source: pasted text",
  "review.from.file": "Source: file {name}",
  "review.lowCount": "{count} fields to check",
  "review.draft": "The draft as read",
  "review.original": "Original text",
  "review.warnings": "Notes from the reader",
  "review.findings": "Format check",
  "review.save": "Save as draft",
  "review.saving": "Saving…",
  "review.restart": "Import another document",
  "review.notSaved": "Not saved: the draft is created only when you press “Save as draft”.",
  "review.saveFailed": "Not saved",
  "review.none": "—",
  "review.notFound": "not found",
  "review.noDate": "none yet (set at issue)",
  "review.items": "{count} items",
  "review.tasks": "{count} tasks",
  "review.paragraphs": "{count} paragraphs",

  "conf.high": "sure",
  "conf.medium": "likely",
  "conf.low": "check this",
  "conf.title": "Reader's confidence: {pct}%",

  "group.header": "Document header",
  "group.basis": "Cited documents",
  "group.content": "Content",
  "group.event": "Event",
  "group.assignments": "Assignments",
  "group.end": "End of the document",

  "f.issuer": "Issuer",
  "f.headerLines": "Issuer as printed",
  "f.superior": "Superior body",
  "f.number": "Number/symbol",
  "f.place": "Place",
  "f.date": "Issue date",
  "f.type": "Document type",
  "f.subject": "Subject",
  "f.category": "Area, period",
  "f.basis.item": "Basis {n}",
  "f.basis.none": "No cited document found.",
  "f.preamble": "Preamble",
  "f.sections": "Sections outline",
  "f.event.name": "Event name",
  "f.event.duration": "Duration",
  "f.event.date": "Event date",
  "f.event.tentative": "Tentative date",
  "f.event.time": "Time",
  "f.event.attendees": "Attendees",
  "f.event.approx": "about {count}",
  "f.event.groups": "Who attends",
  "f.event.venue": "Venue",
  "f.event.funding": "Funding",
  "f.event.budget": "Budget",
  "f.unit": "Unit",
  "f.task.lead": "Lead",
  "f.task.partners": "Partners",
  "f.task.deadline": "Due",
  "f.task.noDeadline": "no deadline",
  "f.task.relative": "{days} days from the event",
  "f.assignments.none": "No assignments by unit found.",
  "f.closing": "Closing",
  "f.recipients": "Recipients",
  "f.recipients.hint": "One recipient a line; the last is usually “Lưu: VT”.",
  "f.signer.authority": "Signing authority",
  "f.signer.authorityNone": "(none)",
  "f.signer.onBehalfOf": "On behalf of",
  "f.signer.title": "Signer's title",
  "f.signer.name": "Signer's name",
};

const dictionaries: Record<Lang, Record<ImportKey, string>> = { vi, en };

export function translateImport(lang: Lang, key: ImportKey, vars?: Record<string, string | number>) {
  return fill(dictionaries[lang][key], vars);
}

/** `it()` for this feature's strings, plus everything useI18n() gives. */
export function useImportI18n() {
  const i18n = useI18n();
  const { lang } = i18n;
  const it = (key: ImportKey, vars?: Record<string, string | number>) => translateImport(lang, key, vars);
  return { ...i18n, it };
}

/** The importer's warnings are "vi / en": the half for the language. */
export function bilingualHalf(s: string, lang: Lang): string {
  const i = s.indexOf(" / ");
  if (i < 0) return s;
  return lang === "vi" ? s.slice(0, i) : s.slice(i + 3);
}
