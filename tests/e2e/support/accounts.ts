import { type APIRequestContext, request } from "playwright-core";
import { beforeAll, inject } from "vitest";

export type Role = "commune_staff" | "commune_leader" | "overseer" | "admin";
export type Account = { username: string; password: string; displayName: string };
/**
 * What an account is: a commune's staff (`unitId` the commune, `officeId` its office) or leader,
 * an overseer (`unitId` the overseeing unit: its oversight scopes are the ones that unit holds,
 * `hai-phong` today, `tu-ky` for the dissolved district's history), or an admin.
 */
export type AccountSpec = {
  prefix: string;
  role: Role;
  unitId?: string;
  officeId?: string;
  displayName?: string;
};

const PASSWORD = "mat-khau-rieng-e2e-2025";
let made = 0;

/**
 * Fresh accounts of a test file's own, provisioned through the admin API by the seed's `admin`
 * (whose password no test changes and which no test signs in as), so no file depends on what
 * another did to a shared account. Usernames are unique per run: `<prefix><run>`.
 */
export async function makeAccounts<K extends string>(
  specs: Record<K, AccountSpec>,
): Promise<Record<K, Account>> {
  const ctx = await request.newContext({ baseURL: inject("baseUrl") });
  try {
    const login = await ctx.post("/api/auth/login", {
      data: { username: "admin", password: inject("demoPassword") },
    });
    if (!login.ok()) throw new Error(`admin login: ${login.status()} ${await login.text()}`);
    const accounts = {} as Record<K, Account>;
    for (const key of Object.keys(specs) as K[]) {
      const spec = specs[key];
      const run = `${Date.now().toString(36)}${(made++).toString(36)}`;
      const username = `${spec.prefix}${run}`.toLowerCase().replace(/[^a-z0-9._-]/g, "");
      const displayName = spec.displayName ?? `Tài khoản thử ${username}`;
      const res = await ctx.post("/api/admin/users", {
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
      accounts[key] = { username, password: PASSWORD, displayName };
    }
    return accounts;
  } finally {
    await ctx.dispose();
  }
}

/** One fresh account of the file's own (see `makeAccounts`). */
export async function makeAccount(spec: AccountSpec): Promise<Account> {
  return (await makeAccounts({ one: spec })).one;
}

/**
 * The file's own accounts, made once before its tests: `const as = useAccounts({ staff: {…} })`
 * at the top of a `describe`, then `as.staff` inside its tests.
 */
export function useAccounts<K extends string>(specs: Record<K, AccountSpec>): Record<K, Account> {
  const accounts = {} as Record<K, Account>;
  beforeAll(async () => {
    Object.assign(accounts, await makeAccounts(specs));
  });
  return accounts;
}

/** An API client signed in as `account` (no browser), for setting up data. Dispose it after. */
export async function apiSession(
  account: Pick<Account, "username" | "password">,
): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: inject("baseUrl") });
  const res = await ctx.post("/api/auth/login", {
    data: { username: account.username, password: account.password },
  });
  if (!res.ok()) throw new Error(`login ${account.username}: ${res.status()} ${await res.text()}`);
  return ctx;
}
