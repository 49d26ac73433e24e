/** A failure the user caused or can act on; the API maps it to its HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    readonly messages: { vi: string; en: string },
    readonly details?: { issues?: FieldIssue[]; retryAfter?: number; current?: unknown },
  ) {
    super(messages.en);
    this.name = "DomainError";
  }
}

export type FieldIssue = { path: (string | number)[]; message: { vi: string; en: string } };

export const notFound = (what = "plan") =>
  new DomainError(404, "not_found", {
    vi: "Không tìm thấy hoặc bạn không có quyền xem.",
    en: `Not found, or you may not see this ${what}.`,
  });

export const forbidden = (vi: string, en: string) => new DomainError(403, "forbidden", { vi, en });

export const versionConflict = (current: unknown) =>
  new DomainError(
    409,
    "version_conflict",
    {
      vi: "Kế hoạch đã được người khác sửa sau khi bạn mở. Hãy xem bản mới nhất và chọn bản giữ lại.",
      en: "The plan was changed by someone else after you opened it. Review the latest version and choose.",
    },
    { current },
  );

/** Split a bilingual "vi / en" schema message into its two languages. */
export function splitMessage(msg: string): { vi: string; en: string } {
  const i = msg.indexOf(" / ");
  if (i === -1) return { vi: msg, en: msg };
  return { vi: msg.slice(0, i), en: msg.slice(i + 3) };
}

/** A list cursor that is not one this list handed out (garbled, or from another list). */
export const badCursor = () =>
  new DomainError(
    400,
    "bad_cursor",
    { vi: "Con trỏ trang không hợp lệ.", en: "Invalid page cursor." },
    {
      issues: [
        { path: ["cursor"], message: { vi: "Con trỏ trang không hợp lệ", en: "Invalid page cursor" } },
      ],
    },
  );

/**
 * The database is unreachable, stalled or overloaded. A write may still land once it resumes
 * (whole: items and transactions are atomic), so the user is told it was not confirmed.
 */
export const databaseUnavailable = (retryAfter: number) =>
  new DomainError(
    503,
    "db_unavailable",
    {
      vi: `Cơ sở dữ liệu tạm thời không phản hồi, thay đổi của bạn chưa được xác nhận là đã lưu. Vui lòng thử lại sau ${retryAfter} giây.`,
      en: `The database is not responding for now, and your change was not confirmed as saved. Please retry in ${retryAfter} seconds.`,
    },
    { retryAfter },
  );
