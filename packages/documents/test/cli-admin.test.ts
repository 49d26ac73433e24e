/**
 * `npm run cli -- admin create`: the first administrator of a stage, through the same CLI a team runs
 * under `sst shell` on AWS. Here it runs locally on a throwaway DATA_DIR (DynamoDB Local started by
 * the command itself), with the password in KEHOACH_ADMIN_PASSWORD.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const CLI = join(ROOT, "packages/documents/src/cli.ts");
const dataDir = mkdtempSync(join(tmpdir(), "kehoach-cli-admin-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(env: Record<string, string>, ...args: string[]) {
  const { DYNAMODB_ENDPOINT: _, KEHOACH_ADMIN_PASSWORD: __, ...rest } = process.env;
  const r = spawnSync(TSX, [CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...rest, DATA_DIR: dataDir, KEHOACH_TABLE: "kehoach-cli-admin", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("admin create", () => {
  const args = ["admin", "create", "--username", "quantri.tinh", "--name", "Quản trị hệ thống tỉnh"];

  it("asks for the password when none is given, and creates nothing", () => {
    const r = cli({}, ...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("KEHOACH_ADMIN_PASSWORD");
  });

  it("creates the admin once, then refuses to overwrite it", () => {
    const first = cli({ KEHOACH_ADMIN_PASSWORD: "mat-khau-quan-tri-2026" }, ...args);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Admin "quantri.tinh" created');
    const again = cli({ KEHOACH_ADMIN_PASSWORD: "mat-khau-khac-2026" }, ...args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Account "quantri.tinh" exists; not overwritten.');
  });

  it("refuses a short password with the field's message", () => {
    const r = cli(
      { KEHOACH_ADMIN_PASSWORD: "ngan" },
      "admin",
      "create",
      "--username",
      "quantri.khac",
      "--name",
      "X",
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("password: Mật khẩu tối thiểu 10 ký tự");
  });

  it("takes no other sub-command", () => {
    expect(cli({}, "admin", "delete", "--username", "x", "--name", "y").status).toBe(2);
  });
});
