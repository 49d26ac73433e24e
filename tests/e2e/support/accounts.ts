import type { Browser } from "playwright-core";
import { inject } from "vitest";

export type Role = "commune_staff" | "commune_leader" | "overseer" | "admin";
export type Account = { username: string; password: string; displayName: string };

const PASSWORD = "mat-khau-rieng-e2e-2025";
let made = 0;

/**
 * A fresh account of its own for a test file, provisioned through the admin API by the seed's
 * `admin` (whose password no test changes), so no file depends on what another did to a shared
 * demo account. The username is unique per run: `<prefix><run>.<n>`.
 */
export async function makeAccount(
  browser: Browser,
  spec: { prefix: string; role: Role; unitId?: string; officeId?: string; displayName?: string },
): Promise<Account> {
  const baseURL = inject("baseUrl");
  const ctx = await browser.newContext({ baseURL });
  try {
    const login = await ctx.request.post("/api/auth/login", {
      data: { username: "admin", password: inject("demoPassword") },
    });
    if (!login.ok()) throw new Error(`admin login: ${login.status()} ${await login.text()}`);
    const run = `${Date.now().toString(36)}${(made++).toString(36)}`;
    const username = `${spec.prefix}${run}`.toLowerCase().replace(/[^a-z0-9._-]/g, "");
    const displayName = spec.displayName ?? `Tài khoản thử ${username}`;
    const res = await ctx.request.post("/api/admin/users", {
      data: {
        username,
        displayName,
        role: spec.role,
        ...(spec.unitId ? { unitId: spec.unitId } : {}),
        ...(spec.officeId ? { officeId: spec.officeId } : {}),
        password: PASSWORD,
      },
    });
    if (res.status() !== 201) throw new Error(`create ${username}: ${res.status()} ${await res.text()}`);
    return { username, password: PASSWORD, displayName };
  } finally {
    await ctx.close();
  }
}
