import { OpenAPIHono, z } from "@hono/zod-openapi";
import { DomainError } from "@kehoach/core/errors";
import { checkPlan, issueBlockers } from "@kehoach/core/plan/checker";
import { planContent } from "@kehoach/core/plan/schema";
import { COMMUNE_OFFICES } from "@kehoach/core/seed/units";
import type { ImportJob, ImportLimits } from "@kehoach/documents/import-worker";
import { MAX_IMPORT_BYTES } from "@kehoach/documents/limits";
import { bodyLimit } from "hono/body-limit";
import { commonErrors, type Env, errorSchema, guarded, json } from "../http";

export const findingSchema = z
  .object({
    code: z.string(),
    severity: z.enum(["error", "warning"]),
    location: z.object({ path: z.array(z.union([z.string(), z.number()])), label: z.string() }),
    message: z.object({ vi: z.string(), en: z.string() }),
  })
  .meta({ id: "Finding" });

const importResultSchema = z
  .object({
    draft: z.record(z.string(), z.unknown()),
    confidence: z.record(z.string(), z.number()),
    originalText: z.string(),
    warnings: z.array(z.string()),
    findings: z.array(findingSchema),
  })
  .meta({ id: "ImportResult" });

const STAFF = ["commune_staff", "commune_leader"] as const;
const importErrors = {
  ...commonErrors,
  413: json(errorSchema, "Tệp quá lớn / File too large"),
  415: json(errorSchema, "Không phải tệp DOCX / Not a DOCX file"),
  422: json(errorSchema, "Không đọc được tệp trong giới hạn / The file could not be read within the limits"),
};

const tooLarge = () =>
  new DomainError(413, "too_large", {
    vi: `Tệp quá lớn (tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`,
    en: `File too large (at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`,
  });

/** Limits of one import's worker; the environment may lower them (tests) or raise them. */
function importLimits(DEFAULT_IMPORT_LIMITS: ImportLimits): ImportLimits {
  const n = (v: string | undefined, d: number) => (v && Number(v) > 0 ? Number(v) : d);
  return {
    timeMs: n(process.env.KEHOACH_IMPORT_TIME_MS, DEFAULT_IMPORT_LIMITS.timeMs),
    memoryMb: n(process.env.KEHOACH_IMPORT_MEMORY_MB, DEFAULT_IMPORT_LIMITS.memoryMb),
  };
}

/**
 * Import and check on a worker thread (the request thread stays free); the importer's typed failures,
 * including too slow and too big, become API errors. The draft is never saved here.
 */
async function runImport(job: ImportJob) {
  // The importer (mammoth, parsers) loads on the first import, not at every cold start.
  const { DEFAULT_IMPORT_LIMITS, importInWorker, isImportError } = await import(
    "@kehoach/documents/import-worker"
  );
  try {
    return (await importInWorker(job, importLimits(DEFAULT_IMPORT_LIMITS))) as z.infer<
      typeof importResultSchema
    >;
  } catch (e) {
    if (isImportError(e)) throw new DomainError(e.status, `import_${e.code}`, e.message);
    throw e;
  }
}

export const documents = new OpenAPIHono<Env>()
  .openapi(
    guarded(STAFF, {
      method: "post",
      path: "/check",
      summary: "Kiểm tra thể thức một bản đang soạn (không lưu) / Check unsaved content against Decree 30",
      tags: ["documents"],
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({
                content: planContent,
                status: z.string().optional(),
                /** "issue": only what would block issuing it today (numbered and dated today). */
                as: z.enum(["draft", "issue"]).optional(),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(z.array(findingSchema), "Kết quả kiểm tra / Findings"), ...commonErrors },
    }),
    (c) => {
      const { content, status, as } = c.req.valid("json");
      const plan = { ...content, ...(status ? { status } : {}) };
      return c.json(as === "issue" ? issueBlockers(plan) : checkPlan(plan), 200);
    },
  )
  .openapi(
    guarded(STAFF, {
      method: "post",
      path: "/import-text",
      summary: "Nhập kế hoạch từ văn bản dán vào (chưa lưu) / Import a plan from pasted text (not saved)",
      tags: ["documents"],
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({
                text: z
                  .string()
                  .max(MAX_IMPORT_BYTES, { message: "Văn bản quá dài / Text too long" })
                  .refine((t) => t.trim().length > 0, { message: "Chưa có nội dung / The text is empty" }),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(importResultSchema, "Bản nháp để xem lại / Draft to review"), ...importErrors },
    }),
    async (c) =>
      c.json(await runImport({ kind: "text", text: c.req.valid("json").text, units: COMMUNE_OFFICES }), 200),
  )
  .openapi(
    guarded(STAFF, {
      method: "post",
      path: "/import",
      summary:
        "Nhập kế hoạch từ tệp .docx hoặc .txt (chưa lưu) / Import a plan from a .docx or .txt file (not saved)",
      tags: ["documents"],
      middleware: [
        bodyLimit({
          maxSize: MAX_IMPORT_BYTES + 64 * 1024,
          onError: () => {
            throw tooLarge();
          },
        }),
      ],
      request: {
        body: {
          content: {
            "multipart/form-data": {
              schema: z.object({ file: z.instanceof(File).meta({ type: "string", format: "binary" }) }),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(importResultSchema, "Bản nháp để xem lại / Draft to review"), ...importErrors },
    }),
    async (c) => {
      const { file } = c.req.valid("form");
      if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
      const buf = Buffer.from(await file.arrayBuffer());
      const isText = /\.txt$/i.test(file.name) || file.type.startsWith("text/");
      const result = await runImport(
        isText
          ? { kind: "text", text: buf.toString("utf8"), units: COMMUNE_OFFICES }
          : { kind: "docx", data: buf, units: COMMUNE_OFFICES },
      );
      return c.json(result, 200);
    },
  );
