import { DomainError } from "../errors";

/**
 * Why a sign-in was refused, one message each. The API throws them; the dashboard shows the same
 * ones when the login page's plain form (posted before the page's script had loaded) came back
 * with the refusal's code in the address — a code, never a text, so no link can put words there.
 */
export const badCredentials = () =>
  new DomainError(401, "bad_credentials", {
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "Wrong username or password.",
  });

export const accountDisabled = () =>
  new DomainError(403, "account_disabled", {
    vi: "Tài khoản này đã bị vô hiệu hóa. Liên hệ quản trị viên nếu bạn cần dùng lại.",
    en: "This account has been disabled. Contact an administrator if you need it again.",
  });

export function tooManyAttempts(retryAfter: number) {
  return new DomainError(
    429,
    "too_many_attempts",
    {
      vi: `Đăng nhập sai nhiều lần. Vui lòng chờ ${retryAfter} giây rồi thử lại.`,
      en: `Too many failed sign-ins. Please wait ${retryAfter} seconds and try again.`,
    },
    { retryAfter },
  );
}

const missingFields = () =>
  new DomainError(400, "validation_failed", {
    vi: "Nhập tên đăng nhập và mật khẩu.",
    en: "Enter your username and password.",
  });

/**
 * The refusal a code names (`wait`: the seconds of a throttled one, as read from an address: a
 * positive whole number, else 1); undefined for any other code.
 */
export function loginFailure(code: string, wait?: number): DomainError | undefined {
  if (code === "bad_credentials") return badCredentials();
  if (code === "account_disabled") return accountDisabled();
  if (code === "too_many_attempts") {
    return tooManyAttempts(wait !== undefined && Number.isInteger(wait) && wait > 0 ? wait : 1);
  }
  if (code === "validation_failed") return missingFields();
  return undefined;
}
