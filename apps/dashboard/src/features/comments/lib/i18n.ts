import { createMessages, useI18n, useMessages } from "../../../i18n";

/** The comment board's words, Vietnamese first (kept beside the feature, same language switch). */
const vi = {
  "comments.title": "Góp ý và yêu cầu chỉnh sửa",
  "comments.openCount": "{count} yêu cầu đang mở",
  "comments.empty": "Chưa có góp ý hay yêu cầu chỉnh sửa nào.",
  "comments.truncated": "Chỉ hiển thị các góp ý gần đây nhất.",
  "comments.list": "Các mục góp ý",
  "comments.intro.overseer": "Góp ý hoặc yêu cầu xã chỉnh sửa; yêu cầu mở cho đến khi xã giải quyết.",
  "comments.intro.commune":
    "Góp ý, yêu cầu của cơ quan theo dõi. Trả lời trong từng mục; lãnh đạo xã đánh dấu yêu cầu đã giải quyết kèm ghi chú.",

  "kind.comment": "Góp ý",
  "kind.revision_request": "Yêu cầu chỉnh sửa",
  "state.open": "Đang mở",
  "state.resolved": "Đã giải quyết",

  "new.legend": "Loại",
  "new.body": "Nội dung",
  "new.bodyHint": "Tối đa 4000 ký tự. Xã được thông báo ngay.",
  "new.submit.comment": "Gửi góp ý",
  "new.submit.revision_request": "Gửi yêu cầu chỉnh sửa",
  "new.sent.comment": "Đã gửi góp ý.",
  "new.sent.revision_request": "Đã gửi yêu cầu chỉnh sửa.",

  "thread.by": "{name}",
  "thread.replies": "Trả lời ({count})",
  "thread.reply": "Trả lời",
  "thread.replyLabel": "Trả lời: {name}",
  "thread.replyBody": "Nội dung trả lời",
  "thread.replySubmit": "Gửi trả lời",
  "thread.replySent": "Đã gửi trả lời.",
  "thread.resolve": "Đánh dấu đã giải quyết",
  "thread.resolveNote": "Ghi chú giải quyết (bắt buộc)",
  "thread.resolveHint": "Đã chỉnh sửa gì, ở đâu; hoặc vì sao không cần chỉnh sửa.",
  "thread.resolveSubmit": "Xác nhận đã giải quyết",
  "thread.resolved": "Đã giải quyết yêu cầu.",
  "thread.resolvedBy": "{name} đã giải quyết lúc {at}",
  "thread.cancel": "Hủy",
  "thread.sending": "Đang gửi…",

  "requests.title": "Yêu cầu chỉnh sửa đang chờ xã giải quyết ({count})",
  "requests.more": "Còn yêu cầu khác: xem trên từng kế hoạch, nhiệm vụ.",
  "requests.on": "Về: {title}",
  "requests.by": "{name}, {at}",

  "error.bodyRequired": "Nhập nội dung.",
  "error.bodyTooLong": "Tối đa 4000 ký tự (hiện có {count}).",
  "error.noteRequired": "Ghi chú đã chỉnh sửa gì hoặc vì sao không cần sửa.",
};

type Key = keyof typeof vi;

const en: Record<Key, string> = {
  "comments.title": "Comments and revision requests",
  "comments.openCount": "{count, plural, one {# open request} other {# open requests}}",
  "comments.empty": "No comments or revision requests yet.",
  "comments.truncated": "Only the latest comments are shown.",
  "comments.list": "Threads",
  "comments.intro.overseer":
    "Comment, or ask the commune to revise; a request stays open until the commune resolves it.",
  "comments.intro.commune":
    "The overseer's comments and requests. Answer in each thread; a commune leader marks a request resolved with a note.",

  "kind.comment": "Comment",
  "kind.revision_request": "Revision request",
  "state.open": "Open",
  "state.resolved": "Resolved",

  "new.legend": "Kind",
  "new.body": "Text",
  "new.bodyHint": "At most 4000 characters. The commune is notified at once.",
  "new.submit.comment": "Send comment",
  "new.submit.revision_request": "Send revision request",
  "new.sent.comment": "Comment sent.",
  "new.sent.revision_request": "Revision request sent.",

  "thread.by": "{name}",
  "thread.replies": "Answers ({count})",
  "thread.reply": "Answer",
  "thread.replyLabel": "Answer: {name}",
  "thread.replyBody": "Your answer",
  "thread.replySubmit": "Send answer",
  "thread.replySent": "Answer sent.",
  "thread.resolve": "Mark resolved",
  "thread.resolveNote": "Resolution note (required)",
  "thread.resolveHint": "What was revised, and where; or why no revision is needed.",
  "thread.resolveSubmit": "Confirm resolved",
  "thread.resolved": "Request resolved.",
  "thread.resolvedBy": "Resolved by {name} at {at}",
  "thread.cancel": "Cancel",
  "thread.sending": "Sending…",

  "requests.title": "Revision requests awaiting the commune ({count})",
  "requests.more": "There are more: see each plan and task.",
  "requests.on": "On: {title}",
  "requests.by": "{name}, {at}",

  "error.bodyRequired": "Write something.",
  "error.bodyTooLong": "At most 4000 characters (now {count}).",
  "error.noteRequired": "Say what was revised, or why no revision is needed.",
};

const messages = createMessages(vi, en);
export type CommentsKey = Key;

export function useCommentsI18n() {
  return { ...useI18n(), ct: useMessages(messages).t };
}
