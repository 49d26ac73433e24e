/**
 * Browser-safe: what a notification tells its reader. The daily reminder job leaves `due_soon`
 * and `overdue` (task/reminders.ts); the comment board leaves the others (board/comments.ts).
 */
export const NOTIFICATION_KINDS = [
  "due_soon",
  "overdue",
  /** An overseer's comment on a plan or task of the commune. */
  "comment",
  /** An overseer's revision request (yêu cầu chỉnh sửa), open until the commune resolves it. */
  "revision_request",
  /** An answer in a thread the reader started (or, for the commune, an overseer's answer). */
  "reply",
  /** The commune resolved the reader's revision request. */
  "resolved",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
