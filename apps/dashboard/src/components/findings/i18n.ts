import { createMessages, type Lang, useI18n, useMessages } from "../../i18n";

/**
 * Strings of the findings list and the checker (shared by the plan page, the editor and the
 * import review). Kept beside them (not in the shared src/i18n.ts) so several people can work on
 * the dashboard at once; same shape, Vietnamese first.
 */
const vi = {
  "findings.title": "Kiểm tra thể thức",
  "findings.count": "{errors} lỗi, {warnings} cảnh báo",
  "findings.none": "Không phát hiện lỗi thể thức.",
  "findings.errors": "Lỗi",
  "findings.warnings": "Cảnh báo",
  "findings.error": "Lỗi",
  "findings.warning": "Cảnh báo",
  "findings.group": "{title} ({count})",
  "findings.show": "Hiện {count} mục",
  "findings.hide": "Ẩn",
  "findings.goTo": "Đến trường này",
  "findings.at": "Vị trí",
  "findings.loading": "Đang kiểm tra thể thức…",
  "findings.rechecking": "Đang kiểm tra lại…",
  "findings.editHint": "Bấm vào một mục để mở trường đó trong trình soạn thảo.",
  "findings.blocking": "Chặn ban hành ({count})",
  "findings.blockingHint":
    "Kiểm tra như khi ban hành hôm nay (có số, ngày ban hành hôm nay): các lỗi này phải sửa trước khi ban hành.",
  "findings.blockingNone": "Không có lỗi chặn ban hành nếu ban hành hôm nay.",
  "findings.asDraft": "Bản dự thảo hiện tại",
  "docx.download": "Tải DOCX",
  "docx.hint": "Tải văn bản Word theo thể thức Nghị định 30",

  "code.required-part-missing": "Thiếu thành phần bắt buộc",
  "code.cited-after-document": "Văn bản được dẫn có ngày sau văn bản này",
  "code.cited-after-event": "Văn bản được dẫn có ngày sau sự kiện",
  "code.symbol-malformed": "Số, ký hiệu sai thể thức",
  "code.date-malformed": "Ngày tháng sai hoặc không có thật",
  "code.event-before-issue": "Sự kiện diễn ra trước ngày ban hành",
  "code.signer-authority": "Quyền hạn ký không hợp lệ",
  "code.defunct-body": "Cơ quan không còn tồn tại",
  "code.unit-spelling": "Tên đơn vị viết khác danh mục",
  "code.tone-mark-mixed": "Lẫn kiểu bỏ dấu (hoá/hóa)",
  "code.double-space": "Thừa dấu cách",
  "code.stray-space": "Dấu cách sai chỗ",
  "code.task-no-deadline": "Nhiệm vụ chưa có thời hạn",
  "code.task-no-lead": "Nhiệm vụ chưa có đơn vị chủ trì",
  "code.event-naming": "Tên sự kiện không thống nhất",
  "code.phrase-missing-word": "Cụm từ thiếu chữ",
  "code.placeholder-left": "Còn chỗ trống của mẫu",
  "code.placeholder-text": "Còn chỗ trống của mẫu",
  "code.section-too-deep": "Mục lồng quá sâu",
  "code.fact-contradiction": "Văn bản ghi khác thông tin đã nhập",
  "code.subject-capitals": "Trích yếu viết in hoa",
} as const;

export type CheckerKey = keyof typeof vi;

const en: Record<CheckerKey, string> = {
  "findings.title": "Format check",
  "findings.count":
    "{errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}",
  "findings.none": "No format problems found.",
  "findings.errors": "Errors",
  "findings.warnings": "Warnings",
  "findings.error": "Error",
  "findings.warning": "Warning",
  "findings.group": "{title} ({count})",
  "findings.show": "Show {count}",
  "findings.hide": "Hide",
  "findings.goTo": "Go to this field",
  "findings.at": "Where",
  "findings.loading": "Checking the format…",
  "findings.rechecking": "Checking again…",
  "findings.blocking": "Blocks issuing ({count})",
  "findings.blockingHint":
    "Checked as if issued today (numbered, dated today): these errors must be fixed before issuing.",
  "findings.blockingNone": "Nothing would block issuing it today.",
  "findings.asDraft": "The draft as it is",
  "findings.editHint": "Choose an item to open its field in the editor.",
  "docx.download": "Download DOCX",
  "docx.hint": "Download the Word document in the Decree 30 format",

  "code.required-part-missing": "Required part missing",
  "code.cited-after-document": "Cited document dated after this one",
  "code.cited-after-event": "Cited document dated after the event",
  "code.symbol-malformed": "Malformed number/symbol",
  "code.date-malformed": "Malformed or impossible date",
  "code.event-before-issue": "Event before the issue date",
  "code.signer-authority": "Invalid signing authority",
  "code.defunct-body": "Body that no longer exists",
  "code.unit-spelling": "Unit name spelled differently",
  "code.tone-mark-mixed": "Mixed tone-mark spelling",
  "code.double-space": "Double spaces",
  "code.stray-space": "Stray spaces",
  "code.task-no-deadline": "Tasks with no deadline",
  "code.task-no-lead": "Tasks with no lead unit",
  "code.event-naming": "Inconsistent event naming",
  "code.phrase-missing-word": "Word missing in a phrase",
  "code.placeholder-left": "Template gap left",
  "code.placeholder-text": "Template gap left",
  "code.section-too-deep": "Sections nested too deep",
  "code.fact-contradiction": "Text differs from the entered facts",
  "code.subject-capitals": "Subject in capitals",
};

const messages = createMessages(vi, en);

/** `ct()` for this feature's strings, plus everything useI18n() gives. */
export function useCheckerI18n() {
  const { t: ct, tryT } = useMessages(messages);
  /** The title of a finding's code, or the code itself when it has none. */
  const codeTitle = (code: string) => tryT(`code.${code}`) ?? code;
  return { ...useI18n(), ct, codeTitle };
}

/**
 * The checker's location labels are "vi / en" (both halves may contain " / " themselves only
 * symmetrically); show the half for the language, or the whole label if it cannot be split.
 */
export function labelFor(label: string, lang: Lang): string {
  const parts = label.split(" / ");
  if (parts.length < 2 || parts.length % 2 !== 0) return label;
  const half = parts.length / 2;
  return (lang === "vi" ? parts.slice(0, half) : parts.slice(half)).join(" / ");
}
