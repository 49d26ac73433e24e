/**
 * KeHoach documents CLI (run from the repo root: `npm run cli -- <command>`).
 *
 *   import <file.txt|file.docx> [--full]      print the imported draft as JSON (--full: with confidence, warnings)
 *   check <plan.json|file.txt|file.docx> [--today YYYY-MM-DD] [--json]
 *                                             print findings; exit 1 when there are errors
 *   render <plan.json> <out.docx>             write a Decree 30 DOCX
 *   export --unit <id> --report <report|rollup|tasks> --period <2023-H1|2023-Q3|2023> [--formats xlsx,csv]
 *                                             run one export now, as the scheduler would; print its files
 *   dispatch [--at <ISO instant>]             run the export dispatcher once (due schedules, stopped runs)
 *   admin create --username <name> --name <display name>
 *                                             the first administrator (password: the AdminPassword secret
 *                                             under `sst shell`, else KEHOACH_ADMIN_PASSWORD)
 *
 * export, dispatch and admin use the database of DYNAMODB_ENDPOINT / the linked table on AWS, else the one of
 * a running `npm start` (DATA_DIR/dynamodb.endpoint), else they start DynamoDB Local on DATA_DIR.
 * Exit codes: 0 ok, 1 the plan has errors, 2 bad arguments or unreadable input.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { type CheckablePlan, checkPlan, type Finding, hasBlockingErrors } from "@kehoach/core/plan/checker";
import { type PlanContent, planContent } from "@kehoach/core/plan/schema";
import { type ImportResult, importPlanDocx, importPlanText, isImportError, MAX_IMPORT_BYTES } from "./import";
import { renderPlanDocx } from "./render-docx";

const USAGE = `Cách dùng / Usage:
  npm run cli -- import <file.txt|file.docx> [--full]
  npm run cli -- check <plan.json|file.txt|file.docx> [--today YYYY-MM-DD] [--json]
  npm run cli -- render <plan.json> <out.docx>
  npm run cli -- export --unit <id> --report <report|rollup|tasks> --period <2023-H1|2023-Q3|2023> [--formats xlsx,csv]
  npm run cli -- dispatch [--at <ISO instant>]
  npm run cli -- admin create --username <tên> --name "<họ tên>"`;

class CliError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly exitCode = 2,
  ) {
    super(en);
  }
}

function readInput(path: string | undefined): Buffer {
  if (!path) throw new CliError("Thiếu đường dẫn tệp.", "Missing file path.");
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error("not a file");
    size = st.size;
  } catch {
    throw new CliError(`Không đọc được tệp "${path}".`, `Cannot read file "${path}".`);
  }
  if (size > MAX_IMPORT_BYTES)
    throw new CliError(`Tệp "${path}" lớn hơn 10 MB.`, `File "${path}" is larger than 10 MB.`);
  return readFileSync(path);
}

async function importFile(path: string | undefined): Promise<ImportResult> {
  const buf = readInput(path);
  const ext = extname(path ?? "").toLowerCase();
  if (ext === ".docx") return importPlanDocx(buf);
  if (ext === ".txt" || ext === ".text" || ext === "") return importPlanText(buf.toString("utf8"));
  throw new CliError(
    `Chỉ nhận tệp .txt hoặc .docx, không nhận "${ext}".`,
    `Only .txt or .docx files are accepted, not "${ext}".`,
  );
}

function readPlanJson(path: string | undefined): { raw: Record<string, unknown>; status?: string } {
  const buf = readInput(path);
  let raw: unknown;
  try {
    raw = JSON.parse(buf.toString("utf8"));
  } catch (e) {
    throw new CliError(
      `"${path}" không phải JSON hợp lệ: ${(e as Error).message}`,
      `"${path}" is not valid JSON: ${(e as Error).message}`,
    );
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw new CliError(
      `"${path}" phải chứa một đối tượng kế hoạch.`,
      `"${path}" must contain a plan object.`,
    );
  const obj = raw as Record<string, unknown>;
  // Accept an ImportResult ({ draft, ... }) as well as bare plan content.
  const plan = obj.draft && typeof obj.draft === "object" ? (obj.draft as Record<string, unknown>) : obj;
  return { raw: plan, ...(typeof plan.status === "string" ? { status: plan.status } : {}) };
}

function parsePlan(
  raw: Record<string, unknown>,
  status: string | undefined,
): PlanContent & { status?: string } {
  const parsed = planContent.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `  - ${i.path.join(".") || "(gốc/root)"}: ${i.message}`)
      .join("\n");
    throw new CliError(
      `Kế hoạch không đúng cấu trúc:\n${issues}`,
      "The plan does not match the schema (see above).",
      2,
    );
  }
  return status ? { ...parsed.data, status } : parsed.data;
}

function formatFinding(f: Finding): string {
  const sev = f.severity === "error" ? "LỖI / ERROR" : "CẢNH BÁO / WARNING";
  return [
    `${sev} [${f.code}] ${f.location.label} (${f.location.path.join(".")})`,
    `  vi: ${f.message.vi}`,
    `  en: ${f.message.en}`,
  ].join("\n");
}

function flag(args: string[], name: string): string | boolean | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const next = args[i + 1];
  args.splice(i, next && !next.startsWith("--") ? 2 : 1);
  return next && !next.startsWith("--") ? next : true;
}

export async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const cmd = args.shift();
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const err = (s: string) => process.stderr.write(`${s}\n`);
  try {
    switch (cmd) {
      case "import": {
        const full = flag(args, "--full") === true;
        if (args.length !== 1)
          throw new CliError("Lệnh import cần đúng một tệp.", "import takes exactly one file.");
        const result = await importFile(args[0]);
        out(JSON.stringify(full ? result : result.draft, null, 2));
        for (const w of result.warnings) err(`! ${w}`);
        return 0;
      }
      case "check": {
        const today = flag(args, "--today");
        const json = flag(args, "--json") === true;
        if (args.length !== 1)
          throw new CliError("Lệnh check cần đúng một tệp.", "check takes exactly one file.");
        if (today !== undefined && (typeof today !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(today)))
          throw new CliError("--today phải có dạng YYYY-MM-DD.", "--today must be YYYY-MM-DD.");
        const path = args[0] as string;
        const ext = extname(path).toLowerCase();
        let plan: CheckablePlan;
        let schemaIssues: string[] = [];
        if (ext === ".txt" || ext === ".docx") plan = planContent.parse((await importFile(path)).draft);
        else {
          const { raw, status } = readPlanJson(path);
          const parsed = planContent.safeParse(raw);
          if (parsed.success) plan = status ? { ...parsed.data, status } : parsed.data;
          else {
            // Still check what is there: the checker is defensive about raw JSON.
            schemaIssues = parsed.error.issues.map(
              (i) => `${i.path.join(".") || "(gốc/root)"}: ${i.message}`,
            );
            plan = raw as unknown as CheckablePlan;
          }
        }
        const findings = checkPlan(plan, typeof today === "string" ? { today } : {});
        if (json) out(JSON.stringify(schemaIssues.length ? { schemaIssues, findings } : findings, null, 2));
        else {
          for (const issue of schemaIssues) out(`LỖI CẤU TRÚC / SCHEMA ERROR ${issue}`);
          for (const f of findings) out(formatFinding(f));
          const errors = findings.filter((f) => f.severity === "error").length;
          const warnings = findings.length - errors;
          out(`\n${errors} lỗi, ${warnings} cảnh báo / ${errors} error(s), ${warnings} warning(s)`);
        }
        return hasBlockingErrors(findings) || schemaIssues.length ? 1 : 0;
      }
      case "render": {
        if (args.length !== 2)
          throw new CliError(
            "Lệnh render cần <plan.json> <out.docx>.",
            "render takes <plan.json> <out.docx>.",
          );
        const [input, output] = args as [string, string];
        if (extname(output).toLowerCase() !== ".docx")
          throw new CliError("Tệp ra phải có đuôi .docx.", "The output file must end in .docx.");
        const { raw, status } = readPlanJson(input);
        const plan = parsePlan(raw, status);
        const buf = await renderPlanDocx(plan);
        try {
          writeFileSync(output, buf);
        } catch (e) {
          throw new CliError(
            `Không ghi được "${output}": ${(e as Error).message}`,
            `Cannot write "${output}": ${(e as Error).message}`,
          );
        }
        out(`Đã ghi / Wrote ${output} (${buf.length} bytes)`);
        return 0;
      }
      case "export": {
        const unit = flag(args, "--unit");
        const kind = flag(args, "--report");
        const periodArg = flag(args, "--period");
        const formats = flag(args, "--formats");
        if (
          typeof unit !== "string" ||
          typeof kind !== "string" ||
          typeof periodArg !== "string" ||
          args.length
        )
          throw new CliError(
            "Lệnh export cần --unit <mã>, --report <report|rollup|tasks> và --period <kỳ>.",
            "export takes --unit <id>, --report <report|rollup|tasks> and --period <period>.",
          );
        const { exportOnce } = await import("./cli-exports");
        const res = await exportOnce({
          unitId: unit,
          kind,
          periodKey: periodArg,
          ...(typeof formats === "string" ? { formats: formats.split(",") } : {}),
        });
        for (const line of res.lines) out(line);
        return res.ok ? 0 : 1;
      }
      case "dispatch": {
        const at = flag(args, "--at");
        if (args.length || (at !== undefined && (typeof at !== "string" || Number.isNaN(Date.parse(at)))))
          throw new CliError("--at phải là một thời điểm ISO.", "--at must be an ISO instant.");
        const { dispatchOnce } = await import("./cli-exports");
        for (const line of await dispatchOnce(typeof at === "string" ? new Date(at) : undefined)) out(line);
        return 0;
      }
      case "admin": {
        const sub = args.shift();
        const username = flag(args, "--username");
        const name = flag(args, "--name");
        if (sub !== "create" || typeof username !== "string" || typeof name !== "string" || args.length)
          throw new CliError(
            'Lệnh admin: admin create --username <tên> --name "<họ tên>".',
            'admin takes: admin create --username <name> --name "<display name>".',
          );
        const { createAdmin } = await import("./cli-admin");
        const res = await createAdmin({ username, displayName: name });
        for (const line of res.lines) (res.ok ? out : err)(line);
        return res.ok ? 0 : 1;
      }
      case undefined:
      case "-h":
      case "--help":
      case "help":
        (cmd ? out : err)(USAGE);
        return cmd ? 0 : 2;
      default:
        throw new CliError(`Lệnh không hợp lệ "${cmd}".`, `Unknown command "${cmd}".`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      err(`${e.vi}\n${e.en}`);
      if (e.exitCode === 2 && !/schema/.test(e.en)) err(`\n${USAGE}`);
      return e.exitCode;
    }
    if (isImportError(e)) {
      err(`${e.message.vi}\n${e.message.en}`);
      return 2;
    }
    err(`Lỗi không mong đợi / Unexpected error: ${(e as Error)?.stack ?? String(e)}`);
    return 2;
  }
}

const isMain = process.argv[1] !== undefined && /cli\.[cm]?[tj]s$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
