import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { ensureTable } from "@kehoach/core/db/bootstrap";
import { dynamo, tableName } from "@kehoach/core/db/client";
import { seed } from "@kehoach/core/seed";
import { app } from "../src/app";

export const PASSWORD = "mat-khau-thu-nghiem-2025";
let seeded: Promise<void> | undefined;

/** The demo data once per test file (idempotent anyway). */
export function ensureSeed() {
  seeded ??= seed({ demoPassword: PASSWORD });
  return seeded;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies ad hoc
export type Res = { status: number; body: any; headers: Headers; text: string };

export async function call(
  method: string,
  path: string,
  opts: { cookie?: string; json?: unknown; headers?: Record<string, string>; body?: string } = {},
): Promise<Res> {
  // Like a browser on the same origin (app.request serves http://localhost).
  const headers: Record<string, string> = { origin: "http://localhost", ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | undefined = opts.body;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  }
  const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

/** Sign in through the API and return the session cookie. */
export async function login(username: string, password = PASSWORD): Promise<string> {
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const set = res.headers.get("set-cookie") ?? "";
  const m = /kh_session=([^;]+)/.exec(set);
  if (!m) throw new Error("no session cookie");
  return `kh_session=${m[1]}`;
}

/** An account made through the admin API by a signed-in admin (its cookie); returns the account's own session cookie. */
export async function createAccount(
  admin: string,
  account: { username: string; displayName: string; role: string; unitId?: string; password: string },
): Promise<string> {
  const res = await call("POST", "/api/admin/users", { cookie: admin, json: account });
  if (res.status !== 201) throw new Error(`create ${account.username}: ${res.status} ${res.text}`);
  return login(account.username, account.password);
}

/**
 * Every item in the table, sorted by key: test-only (the app never scans), to show that a
 * refused request wrote nothing. Sessions are left out (signing in writes them).
 */
export async function scanTable(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({ TableName: tableName(), ConsistentRead: true, ExclusiveStartKey: start }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  const key = (i: Record<string, unknown>) => `${String(i.pk)}\u0000${String(i.sk)}`;
  return items.filter((i) => !String(i.pk).includes("session")).sort((a, b) => key(a).localeCompare(key(b)));
}

/**
 * Give this test file a table of its own (each file runs in its own process), so that
 * comparing the whole table before and after a request is not disturbed by other files.
 */
export async function ownTable(name: string) {
  process.env.KEHOACH_TABLE = name;
  await ensureTable(name);
}
