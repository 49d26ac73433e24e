import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanPlanInput, FIXTURES } from "./helpers";

const ROOT = resolve(import.meta.dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const CLI = join(ROOT, "packages/documents/src/cli.ts");

function cli(...args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("documents CLI", () => {
  let dir: string;
  let seedJson: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "kehoach-cli-"));
    seedJson = join(dir, "seed.json");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("import prints the draft as JSON", () => {
    const r = cli("import", join(FIXTURES, "seed.txt"));
    expect(r.status, r.stderr).toBe(0);
    const draft = JSON.parse(r.stdout);
    expect(draft.subject).toBe("Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023");
    expect(draft.signer.name).toBe("Vũ Chí Mạnh");
    expect(r.stderr).toMatch(/The source has no place and date line/); // warnings go to stderr
    writeFileSync(seedJson, r.stdout);
  });

  it("import --full prints confidence and warnings too", () => {
    const r = cli("import", join(FIXTURES, "dai-hop-2024.txt"), "--full");
    expect(r.status).toBe(0);
    const full = JSON.parse(r.stdout);
    expect(full.draft.documentNumber.symbol).toBe("05/KH-UBND");
    expect(full.confidence.subject).toBeGreaterThan(0.5);
    expect(Array.isArray(full.warnings)).toBe(true);
  });

  it("check exits 1 on the seed, printing findings in Vietnamese and English", () => {
    const r = cli("check", seedJson, "--today", "2026-11-25");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("LỖI / ERROR [cited-after-event]");
    expect(r.stdout).toContain("vi: Kế hoạch số 61/KH-UBND");
    expect(r.stdout).toContain("en: Kế hoạch 61/KH-UBND of 30/12/2023");
    expect(r.stdout).toContain("[phrase-missing-word]");
    expect(r.stdout).toMatch(/1 lỗi, \d+ cảnh báo \/ 1 error\(s\), \d+ warning\(s\)/);
  });

  it("check reads .txt directly and can print JSON", () => {
    const r = cli("check", join(FIXTURES, "seed.txt"), "--json", "--today", "2026-11-25");
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout) as Array<{ code: string }>;
    expect(findings.map((f) => f.code)).toContain("event-naming");
  });

  it("check exits 0 on a correct plan", () => {
    const p = join(dir, "clean.json");
    writeFileSync(p, JSON.stringify({ ...cleanPlanInput(), status: "issued" }));
    const r = cli("check", p, "--today", "2026-11-25");
    expect(r.stdout).toContain("0 lỗi, 0 cảnh báo");
    expect(r.status).toBe(0);
  });

  it("check reports schema errors and still checks what is there (exit 1)", () => {
    const p = join(dir, "raw.json");
    const raw = { ...cleanPlanInput(), date: "10/06/2023" };
    writeFileSync(p, JSON.stringify(raw));
    const r = cli("check", p, "--today", "2026-11-25");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("SCHEMA ERROR date:");
    expect(r.stdout).toContain("[date-malformed]");
  });

  it("render writes a valid DOCX", async () => {
    const out = join(dir, "seed.docx");
    const r = cli("render", seedJson, out);
    expect(r.status, r.stderr).toBe(0);
    const buf = readFileSync(out);
    expect(buf.subarray(0, 2).toString()).toBe("PK");
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file("word/document.xml")?.async("string");
    expect(xml).toContain("Vũ Chí Mạnh");
  });

  it("fails clearly (exit 2) on bad arguments and bad files", () => {
    const none = cli();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("Usage");
    expect(cli("frobnicate").stderr).toContain('Unknown command "frobnicate"');
    const missing = cli("import", join(dir, "nope.txt"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("Cannot read file");
    const pdf = join(dir, "plan.pdf");
    writeFileSync(pdf, "%PDF-1.4");
    expect(cli("import", pdf).stderr).toContain("Only .txt or .docx");
    const fake = join(dir, "fake.docx");
    writeFileSync(fake, "not a zip");
    const notDocx = cli("import", fake);
    expect(notDocx.status).toBe(2);
    expect(notDocx.stderr).toContain("not a valid Word (.docx) document");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ nope");
    expect(cli("check", bad).status).toBe(2);
    expect(cli("check", bad).stderr).toContain("is not valid JSON");
    const invalid = join(dir, "invalid.json");
    writeFileSync(invalid, JSON.stringify({ subject: "x" }));
    const inv = cli("render", invalid, join(dir, "x.docx"));
    expect(inv.status).toBe(2);
    expect(inv.stderr).toContain("signer");
    expect(cli("render", seedJson).status).toBe(2);
    expect(cli("render", seedJson, join(dir, "out.pdf")).stderr).toContain(".docx");
    expect(cli("check", seedJson, "--today", "25/11/2026").status).toBe(2);
  });
});
