import { createMessages, useI18n, useMessages } from "../../../i18n";

/**
 * The lifecycle actions' words, Vietnamese first. Kept beside the feature (not in the shared
 * src/i18n.ts) so several people can work on the dashboard at once; same shape, same switch.
 */
const vi = {
  "lifecycle.title": "Xử lý kế hoạch",
  "lifecycle.none": "Bạn không có thao tác nào với kế hoạch ở trạng thái này.",
  "lifecycle.working": "Đang xử lý…",
  "lifecycle.edit": "Sửa",
  "lifecycle.submit": "Trình duyệt",
  "lifecycle.return": "Trả lại",
  "lifecycle.approve": "Duyệt",
  "lifecycle.issue": "Ban hành",
  "lifecycle.start": "Bắt đầu thực hiện",
  "lifecycle.complete": "Hoàn thành",
  "lifecycle.cancel": "Hủy kế hoạch",
  "lifecycle.amend": "Sửa đổi",
  "lifecycle.copy": "Sao chép sang kỳ sau",
  "lifecycle.delete": "Xóa",

  "lifecycle.done.submit": "Đã trình duyệt.",
  "lifecycle.done.return": "Đã trả lại dự thảo.",
  "lifecycle.done.approve": "Đã duyệt.",
  "lifecycle.done.issue": "Đã ban hành: số {symbol}.",
  "lifecycle.done.start": "Kế hoạch bắt đầu thực hiện.",
  "lifecycle.done.complete": "Kế hoạch đã hoàn thành.",
  "lifecycle.done.cancel": "Đã hủy kế hoạch.",

  "lifecycle.issueTitle": "Ban hành kế hoạch?",
  "lifecycle.issueBody":
    "Hệ thống cấp số tiếp theo trong sổ đăng ký văn bản đi của năm và khóa nội dung. Sau khi ban hành, kế hoạch chỉ thay đổi được bằng một bản sửa đổi.",
  "lifecycle.issueConfirm": "Ban hành và cấp số",
  "lifecycle.submitTitle": "Trình khi còn lỗi chặn ban hành?",
  "lifecycle.submitBlocked":
    "Nếu ban hành hôm nay, kế hoạch sẽ bị chặn vì {count} lỗi dưới đây. Nên sửa trước khi trình.",
  "lifecycle.submitAnyway": "Vẫn trình duyệt",
  "lifecycle.deleteTitle": "Xóa dự thảo này?",
  "lifecycle.deleteBody": "Dự thảo bị xóa hẳn; lịch sử thao tác vẫn được giữ.",
  "lifecycle.deleteConfirm": "Xóa dự thảo",
  "lifecycle.cancelTitle": "Hủy kế hoạch?",
  "lifecycle.cancelBody": "Kế hoạch bị hủy không thực hiện tiếp được. Ghi rõ lý do để lưu vào lịch sử.",
  "lifecycle.cancelReason": "Lý do hủy",
  "lifecycle.cancelReasonShort": "Nhập lý do hủy (ít nhất 3 ký tự).",
  "lifecycle.cancelConfirm": "Hủy kế hoạch",
  "lifecycle.returnTitle": "Trả lại dự thảo?",
  "lifecycle.returnBody": "Kế hoạch trở về trạng thái dự thảo để cán bộ sửa tiếp.",
  "lifecycle.returnReason": "Ý kiến (không bắt buộc)",
  "lifecycle.returnConfirm": "Trả lại",
  "lifecycle.no": "Không",

  "lifecycle.conflict":
    "Kế hoạch vừa được thay đổi (phiên bản mới hơn bản bạn đang xem). Tải lại rồi thực hiện lại.",
  "lifecycle.reload": "Tải lại kế hoạch",
  "lifecycle.checkerTitle": "Còn lỗi thể thức, chưa ban hành được",
  "lifecycle.checkerHint": "Trả lại dự thảo để cán bộ sửa các lỗi sau, rồi trình lại:",
  "lifecycle.copyNoPeriod": "Kế hoạch chưa có kỳ (ví dụ 2023-H1) nên chưa sao chép sang kỳ sau được.",
  "lifecycle.amends": "Bản sửa đổi của một kế hoạch đã ban hành.",
  "lifecycle.amendsLink": "Xem kế hoạch được sửa đổi",
  "lifecycle.amendedBy": "Kế hoạch này đã được thay thế bởi một bản sửa đổi đã ban hành.",
  "lifecycle.amendedByLink": "Xem bản sửa đổi",
} as const;

export type LifecycleKey = keyof typeof vi;

const en: Record<LifecycleKey, string> = {
  "lifecycle.title": "Actions",
  "lifecycle.none": "You have no action on a plan in this state.",
  "lifecycle.working": "Working…",
  "lifecycle.edit": "Edit",
  "lifecycle.submit": "Submit for approval",
  "lifecycle.return": "Return",
  "lifecycle.approve": "Approve",
  "lifecycle.issue": "Issue",
  "lifecycle.start": "Start",
  "lifecycle.complete": "Complete",
  "lifecycle.cancel": "Cancel the plan",
  "lifecycle.amend": "Amend",
  "lifecycle.copy": "Copy to the next period",
  "lifecycle.delete": "Delete",

  "lifecycle.done.submit": "Submitted for approval.",
  "lifecycle.done.return": "Returned to draft.",
  "lifecycle.done.approve": "Approved.",
  "lifecycle.done.issue": "Issued as number {symbol}.",
  "lifecycle.done.start": "The plan is in progress.",
  "lifecycle.done.complete": "The plan is completed.",
  "lifecycle.done.cancel": "The plan is cancelled.",

  "lifecycle.issueTitle": "Issue this plan?",
  "lifecycle.issueBody":
    "The next number of this year's register is assigned and the content is frozen. After issuing, the plan changes only through an amendment.",
  "lifecycle.issueConfirm": "Issue and number it",
  "lifecycle.submitTitle": "Submit with errors that block issuing?",
  "lifecycle.submitBlocked":
    "Issued today, the plan would be refused for the {count} errors below. Better fix them before submitting.",
  "lifecycle.submitAnyway": "Submit anyway",
  "lifecycle.deleteTitle": "Delete this draft?",
  "lifecycle.deleteBody": "The draft is deleted for good; its history is kept.",
  "lifecycle.deleteConfirm": "Delete the draft",
  "lifecycle.cancelTitle": "Cancel this plan?",
  "lifecycle.cancelBody": "A cancelled plan cannot continue. Give the reason; it is kept in the history.",
  "lifecycle.cancelReason": "Reason for cancelling",
  "lifecycle.cancelReasonShort": "Give a reason (at least 3 characters).",
  "lifecycle.cancelConfirm": "Cancel the plan",
  "lifecycle.returnTitle": "Return to draft?",
  "lifecycle.returnBody": "The plan goes back to draft so the staff can keep editing it.",
  "lifecycle.returnReason": "Comment (optional)",
  "lifecycle.returnConfirm": "Return",
  "lifecycle.no": "No",

  "lifecycle.conflict":
    "The plan has just changed (there is a newer version than the one shown). Reload, then try again.",
  "lifecycle.reload": "Reload the plan",
  "lifecycle.checkerTitle": "Checker errors: the plan cannot be issued yet",
  "lifecycle.checkerHint": "Return it to draft so the staff fix these, then submit again:",
  "lifecycle.copyNoPeriod": "The plan has no period (e.g. 2023-H1), so it cannot be copied to the next one.",
  "lifecycle.amends": "An amendment of an issued plan.",
  "lifecycle.amendsLink": "See the plan it amends",
  "lifecycle.amendedBy": "This plan has been replaced by an issued amendment.",
  "lifecycle.amendedByLink": "See the amendment",
};

const messages = createMessages(vi, en);

/** `lt()` for the lifecycle strings, plus everything useI18n() gives. */
export function useLifecycleI18n() {
  return { ...useI18n(), lt: useMessages(messages).t };
}
