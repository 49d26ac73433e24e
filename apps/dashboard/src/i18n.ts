import { useCallback, useMemo, useSyncExternalStore } from "react";

/**
 * Every user-facing string of the dashboard, Vietnamese first. The plan document itself
 * is not translated: it is a Vietnamese administrative text whatever the UI language.
 */
const vi = {
  "app.name": "KeHoach",
  "app.tagline": "Kế hoạch của Ủy ban nhân dân xã",
  "app.skipToContent": "Bỏ qua, đến nội dung chính",
  "app.loading": "Đang tải…",
  "app.home": "Về trang chủ",
  "app.retry": "Thử lại",
  "app.close": "Đóng",
  "app.mainNav": "Điều hướng chính",

  "lang.toggle": "English",
  "lang.toggleLabel": "Switch the interface to English",

  "role.commune_staff": "Công chức xã",
  "role.commune_leader": "Lãnh đạo UBND xã",
  "role.overseer": "Cơ quan theo dõi",
  "role.admin": "Quản trị",

  "nav.board": "Bảng theo dõi",
  "nav.exports": "Xuất dữ liệu",
  "nav.national": "Toàn quốc",
  "nav.plans": "Kế hoạch",
  "nav.account": "Tài khoản",
  "nav.apiDocs": "Tài liệu API",
  "nav.admin": "Quản trị",
  "nav.register": "Sổ văn bản đi",
  "nav.tasks": "Nhiệm vụ",
  "nav.reports": "Báo cáo định kỳ",
  "nav.overdue": "{count} nhiệm vụ quá hạn",

  "user.menu": "Tài khoản của tôi",
  "user.changePassword": "Đổi mật khẩu",
  "user.sessions": "Phiên đăng nhập",
  "user.logout": "Đăng xuất",
  "user.loggingOut": "Đang đăng xuất…",

  "commune.picker": "Chọn xã",
  "commune.yours": "Xã của bạn",
  "commune.none": "Tài khoản này không theo dõi xã nào.",
  "commune.noneHint":
    "Tài khoản quản trị dùng để quản lý đơn vị và người dùng; kế hoạch chỉ hiển thị cho cán bộ xã và cơ quan theo dõi.",

  "login.title": "Đăng nhập",
  "login.intro": "Dùng tài khoản do quản trị viên cấp.",
  "login.username": "Tên đăng nhập",
  "login.password": "Mật khẩu",
  "login.submit": "Đăng nhập",
  "login.submitting": "Đang đăng nhập…",

  "plans.title": "Kế hoạch",
  "plans.of": "Kế hoạch của {commune}",
  "plans.search": "Tìm kiếm",
  "plans.searchPlaceholder": "Trích yếu hoặc số, ký hiệu (gõ không dấu cũng được)",
  "plans.searchSubmit": "Tìm",
  "plans.status": "Trạng thái",
  "plans.allStatuses": "Tất cả trạng thái",
  "plans.year": "Năm",
  "plans.allYears": "Tất cả các năm",
  "plans.category": "Lĩnh vực",
  "plans.allCategories": "Tất cả lĩnh vực",
  "plans.clearFilters": "Xóa bộ lọc",
  "plans.col.symbol": "Số/ký hiệu",
  "plans.col.subject": "Trích yếu",
  "plans.col.status": "Trạng thái",
  "plans.col.date": "Ngày",
  "plans.col.tasks": "Nhiệm vụ",
  "plans.col.updated": "Cập nhật",
  "plans.empty": "Xã chưa có kế hoạch nào.",
  "plans.emptyFiltered": "Không có kế hoạch phù hợp với bộ lọc.",
  "plans.next": "Trang sau",
  "plans.prev": "Trang trước",
  "plans.page": "Trang {page}",
  "plans.pagination": "Phân trang",
  "plans.tableCaption": "Danh sách kế hoạch, mới nhất trước",

  "status.draft": "Dự thảo",
  "status.submitted": "Đã trình",
  "status.approved": "Đã duyệt",
  "status.issued": "Đã ban hành",
  "status.in_progress": "Đang thực hiện",
  "status.completed": "Hoàn thành",
  "status.cancelled": "Đã hủy",

  "plan.backToList": "Danh sách kế hoạch",
  "plan.version": "Phiên bản {version}",
  "plan.print": "In",
  "plan.printHint": "Chọn “Lưu dưới dạng PDF” trong hộp thoại in để có tệp PDF khổ A4.",
  "plan.document": "Văn bản kế hoạch",
  "plan.details": "Thông tin",
  "plan.updatedAt": "Cập nhật lần cuối",
  "plan.createdAt": "Tạo lúc",
  "plan.category": "Lĩnh vực",
  "plan.period": "Kỳ",
  "plan.cancelReason": "Lý do hủy",

  "event.title": "Sự kiện",
  "event.time": "Thời gian",
  "event.tentative": "dự kiến",
  "event.attendees": "Số đại biểu",
  "event.approx": "Khoảng {count}",
  "event.groups": "Thành phần",
  "event.venue": "Địa điểm",
  "event.funding": "Kinh phí",

  "task.lead": "Chủ trì",
  "task.partners": "Phối hợp",
  "task.kind.giao": "Giao",
  "task.kind.de_nghi": "Đề nghị",
  "task.deadline": "Hạn",
  "task.noDeadline": "Chưa có hạn",
  "task.deadlineRelative.before": "{days} ngày trước sự kiện",
  "task.deadlineRelative.after": "{days} ngày sau sự kiện",
  "task.deadlineRelative.same": "Ngày tổ chức",

  "history.title": "Lịch sử",
  "history.empty": "Chưa có thay đổi nào.",
  "history.changes": "{count} thay đổi",
  "history.empty.value": "(trống)",
  "history.version": "phiên bản {version}",
  "action.create": "Tạo dự thảo",
  "action.import": "Nhập từ văn bản",
  "action.edit": "Sửa nội dung",
  "action.delete": "Xóa dự thảo",
  "action.submit": "Trình duyệt",
  "action.return": "Trả lại dự thảo",
  "action.amend": "Tạo bản sửa đổi",
  "action.copy": "Sao chép từ kỳ trước",
  "action.approve": "Duyệt",
  "action.issue": "Ban hành",
  "action.start": "Bắt đầu thực hiện",
  "action.complete": "Hoàn thành",
  "action.cancel": "Hủy",
  "action.comment": "Góp ý",
  "action.request_revision": "Yêu cầu sửa",
  "action.revision_requested": "Yêu cầu chỉnh sửa",
  "action.revision_resolved": "Giải quyết yêu cầu chỉnh sửa",

  "password.title": "Đổi mật khẩu",
  "password.intro": "Sau khi đổi, các phiên đăng nhập khác của bạn sẽ bị đăng xuất.",
  "password.old": "Mật khẩu hiện tại",
  "password.new": "Mật khẩu mới",
  "password.newHint": "Tối thiểu 10 ký tự.",
  "password.confirm": "Nhập lại mật khẩu mới",
  "password.mismatch": "Mật khẩu nhập lại không khớp.",
  "password.submit": "Đổi mật khẩu",
  "password.submitting": "Đang lưu…",
  "password.done": "Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.",

  "sessions.title": "Phiên đăng nhập",
  "sessions.intro": "Các thiết bị đang đăng nhập bằng tài khoản của bạn. Thu hồi phiên bạn không nhận ra.",
  "sessions.col.created": "Bắt đầu",
  "sessions.col.expires": "Hết hạn",
  "sessions.col.agent": "Trình duyệt",
  "sessions.col.actions": "Thao tác",
  "sessions.current": "Phiên hiện tại",
  "sessions.revoke": "Thu hồi",
  "sessions.revoking": "Đang thu hồi…",
  "sessions.revoked": "Đã thu hồi phiên.",
  "sessions.unknownAgent": "Không rõ",
  "sessions.empty": "Không có phiên nào.",

  "notFound.title": "Không tìm thấy",
  "notFound.body": "Trang hoặc kế hoạch này không tồn tại, hoặc bạn không có quyền xem.",

  "error.title": "Có lỗi xảy ra",
  "error.unexpected": "Lỗi không mong đợi. Tải lại trang rồi thử lại.",
} as const;

export type MessageKey = keyof typeof vi;
export type Lang = "vi" | "en";

const en: Record<MessageKey, string> = {
  "app.name": "KeHoach",
  "app.tagline": "Plans of commune People's Committees",
  "app.skipToContent": "Skip to main content",
  "app.loading": "Loading…",
  "app.home": "Go to the home page",
  "app.retry": "Retry",
  "app.close": "Close",
  "app.mainNav": "Main navigation",

  "lang.toggle": "Tiếng Việt",
  "lang.toggleLabel": "Chuyển giao diện sang tiếng Việt",

  "role.commune_staff": "Commune official",
  "role.commune_leader": "Commune leader",
  "role.overseer": "Oversight body",
  "role.admin": "Administrator",

  "nav.board": "Board",
  "nav.exports": "Exports",
  "nav.national": "National view",
  "nav.plans": "Plans",
  "nav.account": "Account",
  "nav.apiDocs": "API docs",
  "nav.admin": "Administration",
  "nav.register": "Outgoing register",
  "nav.tasks": "Tasks",
  "nav.reports": "Periodic reports",
  "nav.overdue": "{count, plural, one {# overdue task} other {# overdue tasks}}",

  "user.menu": "My account",
  "user.changePassword": "Change password",
  "user.sessions": "Sessions",
  "user.logout": "Sign out",
  "user.loggingOut": "Signing out…",

  "commune.picker": "Choose a commune",
  "commune.yours": "Your commune",
  "commune.none": "This account oversees no commune.",
  "commune.noneHint":
    "Administrator accounts manage units and users; plans are shown to commune staff and oversight bodies.",

  "login.title": "Sign in",
  "login.intro": "Use the account your administrator gave you.",
  "login.username": "Username",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.submitting": "Signing in…",

  "plans.title": "Plans",
  "plans.of": "Plans of {commune}",
  "plans.search": "Search",
  "plans.searchPlaceholder": "Subject or number (diacritics optional)",
  "plans.searchSubmit": "Search",
  "plans.status": "Status",
  "plans.allStatuses": "All statuses",
  "plans.year": "Year",
  "plans.allYears": "All years",
  "plans.category": "Area",
  "plans.allCategories": "All areas",
  "plans.clearFilters": "Clear filters",
  "plans.col.symbol": "Number",
  "plans.col.subject": "Subject",
  "plans.col.status": "Status",
  "plans.col.date": "Date",
  "plans.col.tasks": "Tasks",
  "plans.col.updated": "Updated",
  "plans.empty": "This commune has no plans yet.",
  "plans.emptyFiltered": "No plan matches these filters.",
  "plans.next": "Next page",
  "plans.prev": "Previous page",
  "plans.page": "Page {page}",
  "plans.pagination": "Pagination",
  "plans.tableCaption": "Plans, newest first",

  "status.draft": "Draft",
  "status.submitted": "Submitted",
  "status.approved": "Approved",
  "status.issued": "Issued",
  "status.in_progress": "In progress",
  "status.completed": "Completed",
  "status.cancelled": "Cancelled",

  "plan.backToList": "Plan list",
  "plan.version": "Version {version}",
  "plan.print": "Print",
  "plan.printHint": "Choose “Save as PDF” in the print dialog for an A4 PDF.",
  "plan.document": "Plan document",
  "plan.details": "Details",
  "plan.updatedAt": "Last updated",
  "plan.createdAt": "Created",
  "plan.category": "Area",
  "plan.period": "Period",
  "plan.cancelReason": "Reason for cancelling",

  "event.title": "Event",
  "event.time": "When",
  "event.tentative": "tentative",
  "event.attendees": "Attendees",
  "event.approx": "About {count}",
  "event.groups": "Who attends",
  "event.venue": "Venue",
  "event.funding": "Funding",

  "task.lead": "Lead",
  "task.partners": "Partners",
  "task.kind.giao": "Assigned (giao)",
  "task.kind.de_nghi": "Requested (đề nghị)",
  "task.deadline": "Due",
  "task.noDeadline": "No deadline",
  "task.deadlineRelative.before": "{days, plural, one {# day} other {# days}} before the event",
  "task.deadlineRelative.after": "{days, plural, one {# day} other {# days}} after the event",
  "task.deadlineRelative.same": "On the event day",

  "history.title": "History",
  "history.empty": "No changes yet.",
  "history.changes": "{count, plural, one {# change} other {# changes}}",
  "history.empty.value": "(empty)",
  "history.version": "version {version}",
  "action.create": "Draft created",
  "action.import": "Imported from a document",
  "action.edit": "Content edited",
  "action.delete": "Draft deleted",
  "action.submit": "Submitted",
  "action.return": "Returned to draft",
  "action.amend": "Amendment created",
  "action.copy": "Copied from the previous period",
  "action.approve": "Approved",
  "action.issue": "Issued",
  "action.start": "Started",
  "action.complete": "Completed",
  "action.cancel": "Cancelled",
  "action.comment": "Comment",
  "action.request_revision": "Revision requested",
  "action.revision_requested": "Revision requested",
  "action.revision_resolved": "Revision request resolved",

  "password.title": "Change password",
  "password.intro": "After the change, your other sessions are signed out.",
  "password.old": "Current password",
  "password.new": "New password",
  "password.newHint": "At least 10 characters.",
  "password.confirm": "Repeat the new password",
  "password.mismatch": "The passwords do not match.",
  "password.submit": "Change password",
  "password.submitting": "Saving…",
  "password.done": "Password changed. Your other sessions were signed out.",

  "sessions.title": "Sessions",
  "sessions.intro": "Devices signed in with your account. Revoke any you do not recognise.",
  "sessions.col.created": "Started",
  "sessions.col.expires": "Expires",
  "sessions.col.agent": "Browser",
  "sessions.col.actions": "Actions",
  "sessions.current": "This session",
  "sessions.revoke": "Revoke",
  "sessions.revoking": "Revoking…",
  "sessions.revoked": "Session revoked.",
  "sessions.unknownAgent": "Unknown",
  "sessions.empty": "No sessions.",

  "notFound.title": "Not found",
  "notFound.body": "This page or plan does not exist, or you may not see it.",

  "error.title": "Something went wrong",
  "error.unexpected": "Unexpected error. Reload the page and try again.",
};

const STORAGE_KEY = "kehoach.lang";

function readLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

let current: Lang = typeof window === "undefined" ? "vi" : readLang();
const listeners = new Set<() => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang) {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = lang;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The current language; the component renders again when it is switched. */
function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang, () => "vi" as Lang);
}

type Vars = Record<string, string | number>;

const pluralRules: Record<Lang, Intl.PluralRules> = {
  vi: new Intl.PluralRules("vi-VN"),
  en: new Intl.PluralRules("en-GB"),
};
const pluralOf = (lang: Lang, n: number) => pluralRules[lang].select(n);

/** `{count, plural, one {# error} other {# errors}}`: the case of the number in the language. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const CASE = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * `{name}` placeholders filled in, and plural cases (a subset of ICU MessageFormat) chosen with
 * `Intl.PluralRules` of the language: `{n, plural, =0 {none} one {# item} other {# items}}`.
 */
function fill(s: string, vars: Vars | undefined, lang: Lang): string {
  if (!vars) return s;
  const plural = s.replace(PLURAL, (m, k: string, cases: string) => {
    const v = vars[k];
    if (v === undefined) return m;
    const n = typeof v === "number" ? v : Number(v);
    const byCase = new Map([...cases.matchAll(CASE)].map((c) => [c[1], c[2] ?? ""] as const));
    const chosen =
      (Number.isNaN(n) ? undefined : (byCase.get(`=${n}`) ?? byCase.get(pluralOf(lang, n)))) ??
      byCase.get("other") ??
      m;
    return chosen.replaceAll("#", String(v));
  });
  return plural.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/**
 * A dictionary, Vietnamese first, with the same keys in English. A feature keeps its own beside
 * it (so it can grow without touching this file) and reads it with `useMessages`, which follows
 * the same language switch; `translate` is for a given language, outside components.
 */
export type Messages<K extends string> = {
  translate: (lang: Lang, key: K, vars?: Vars) => string;
  has: (key: string) => key is K;
};

export function createMessages<K extends string>(
  vi: Record<K, string>,
  en: NoInfer<Record<K, string>>,
): Messages<K> {
  const dictionaries: Record<Lang, Record<K, string>> = { vi, en };
  return {
    translate: (lang, key, vars) => fill(dictionaries[lang][key], vars, lang),
    has: (key): key is K => Object.hasOwn(vi, key),
  };
}

/**
 * `t` for a dictionary's keys in the current language, and `tryT` for keys built from data
 * (a status, a template id): the message, or undefined when there is none.
 */
export function useMessages<K extends string>(messages: Messages<K>) {
  const lang = useLang();
  return useMemo(
    () => ({
      t: (key: K, vars?: Vars) => messages.translate(lang, key, vars),
      tryT: (key: string, vars?: Vars) =>
        messages.has(key) ? messages.translate(lang, key, vars) : undefined,
    }),
    [messages, lang],
  );
}

const app = createMessages(vi, en);

/** A message of the shared dictionary in a given language. */
export const translate = app.translate;
/** Whether the shared dictionary has this key. */
export const hasMessage = app.has;

/** The current language, `t()` for dictionary messages and `pick()` for the API's bilingual messages. */
export function useI18n() {
  const lang = useLang();
  const { t, tryT } = useMessages(app);
  const pick = useCallback((m: { vi: string; en: string }) => m[lang], [lang]);
  return { lang, t, tryT, pick, setLang, other: (lang === "vi" ? "en" : "vi") as Lang };
}
