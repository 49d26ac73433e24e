import { withActor } from "@kehoach/core/actor";
import { getUser, upsertUser } from "@kehoach/core/auth";
import { onAws } from "@kehoach/core/config";
import { DomainError } from "@kehoach/core/errors";
import { Resource } from "sst/resource";
import { connect } from "./cli-exports";

const SYSTEM = { username: "cli", displayName: "Dòng lệnh", role: "admin" as const, communeIds: [] };

/**
 * The first administrator of a stage (README, "First admin"). On AWS it runs under
 * `npx sst shell --stage <name>`, which hands it the stage's table, and takes the password from
 * the stage's `AdminPassword` secret; locally from KEHOACH_ADMIN_PASSWORD. An existing account is
 * never overwritten (the admin pages reset passwords).
 */
export async function createAdmin(opts: { username: string; displayName: string }): Promise<{
  ok: boolean;
  lines: string[];
}> {
  const password = adminPassword();
  if (!password) {
    return {
      ok: false,
      lines: onAws()
        ? [
            "Chưa đặt mật khẩu: npx sst secret set AdminPassword '<mật khẩu>' --stage <tên>",
            "No password: npx sst secret set AdminPassword '<password>' --stage <name>",
          ]
        : [
            "Đặt mật khẩu trong biến KEHOACH_ADMIN_PASSWORD rồi chạy lại.",
            "Put the password in KEHOACH_ADMIN_PASSWORD and run again.",
          ],
    };
  }
  const local = await connect();
  try {
    if (await getUser(opts.username)) {
      return {
        ok: false,
        lines: [
          `Tài khoản "${opts.username}" đã có; không ghi đè.`,
          `Account "${opts.username}" exists; not overwritten.`,
        ],
      };
    }
    try {
      await withActor(SYSTEM, () =>
        upsertUser({ username: opts.username, displayName: opts.displayName, role: "admin", password }),
      );
    } catch (e) {
      if (e instanceof DomainError) {
        const issues = (e.details?.issues ?? []).map(
          (i) => `  ${i.path.join(".")}: ${i.message.vi} / ${i.message.en}`,
        );
        return { ok: false, lines: [e.messages.vi, e.messages.en, ...issues] };
      }
      throw e;
    }
    return {
      ok: true,
      lines: [
        `Đã tạo quản trị viên "${opts.username}". Đăng nhập và đổi mật khẩu ngay.`,
        `Admin "${opts.username}" created. Sign in and change the password now.`,
      ],
    };
  } finally {
    await local?.stop();
  }
}

function adminPassword(): string | undefined {
  if (onAws()) {
    try {
      const value = (Resource as unknown as Record<string, { value?: string } | undefined>).AdminPassword
        ?.value;
      return value || undefined;
    } catch {
      return undefined;
    }
  }
  return process.env.KEHOACH_ADMIN_PASSWORD || undefined;
}
