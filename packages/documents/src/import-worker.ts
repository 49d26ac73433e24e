/**
 * The importer (mammoth, the parsers) and the checker of its draft, run on a worker thread with a memory
 * and a time limit: one upload can neither stall the server's other requests nor take it down. A run that
 * is too slow or too big answers an ImportError (413 / 422) like any other unreadable file.
 */
import { randomUUID } from "node:crypto";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { checkPlan, type Finding } from "@kehoach/core/plan/checker";
import { planContent } from "@kehoach/core/plan/schema";
import {
  ImportError,
  type ImportOptions,
  type ImportResult,
  importPlanDocx,
  importPlanText,
  isImportError,
} from "./import";

export { isImportError };

export type ImportJob =
  | { kind: "text"; text: string; units?: readonly string[] }
  | { kind: "docx"; data: Uint8Array; units?: readonly string[] };
export type CheckedImport = ImportResult & { findings: Finding[] };
export type ImportLimits = { timeMs: number; memoryMb: number };

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { timeMs: 20_000, memoryMb: 384 };
/**
 * Below this a worker cannot even start: Node 22+ then aborts the whole process ("Fatal JavaScript out
 * of memory: GC during deserialization") instead of failing the worker. A lower limit is raised to it.
 */
export const MIN_WORKER_HEAP_MB = 16;
/** Imports running at once; the others wait their turn (each may use `memoryMb`). */
const MAX_RUNNING = 2;

const MARK = "kehoach-import-job";
type Outcome =
  | { ok: CheckedImport }
  | {
      importError: {
        code: ImportError["code"];
        status: ImportError["status"];
        message: ImportError["message"];
      };
    };

/** The work itself, the same on a worker and in-process. */
export async function runImportJob(job: ImportJob): Promise<CheckedImport> {
  const opts: ImportOptions = job.units ? { units: job.units } : {};
  const result = job.kind === "text" ? importPlanText(job.text, opts) : await importPlanDocx(job.data, opts);
  return { ...result, findings: checkPlan(planContent.parse(result.draft)) };
}

// ---- worker side: this same module, started with the job in workerData
if (!isMainThread && parentPort && (workerData as { [MARK]?: ImportJob } | null)?.[MARK]) {
  const port = parentPort;
  runImportJob((workerData as { [MARK]: ImportJob })[MARK]).then(
    (ok) => port.postMessage({ ok } satisfies Outcome),
    (e: unknown) => {
      if (isImportError(e))
        port.postMessage({
          importError: { code: e.code, status: e.status, message: e.message },
        } satisfies Outcome);
      else throw e;
    },
  );
}

// ---- main side

const timeout = (limits: ImportLimits) =>
  new ImportError("timeout", 422, {
    vi: `Không đọc xong tệp trong ${limits.timeMs / 1000} giây; hãy tách văn bản thành các phần nhỏ hơn hoặc dán phần chính.`,
    en: `The file could not be read within ${limits.timeMs / 1000} seconds; split it into smaller parts or paste its main part.`,
  });
const tooComplex = () =>
  new ImportError("too-complex", 413, {
    vi: "Tệp cần quá nhiều bộ nhớ để đọc; hãy bớt hình ảnh, bảng hoặc tách văn bản.",
    en: "Reading the file needs too much memory; remove images or tables, or split the document.",
  });
const unreadable = (id: string) =>
  new ImportError("unreadable", 422, {
    vi: `Không đọc được tệp này (mã lỗi ${id}).`,
    en: `This file could not be read (error id ${id}).`,
  });

/**
 * The worker's entry. Bundled (the Lambda's esbuild output is one .mjs), the bundle itself is started and runs
 * the worker side above; from TypeScript source, a plain-JS bootstrap registers tsx first (import-worker-tsx.mjs).
 */
function workerEntry(): URL {
  const self = new URL(import.meta.url);
  return /\.[cm]?tsx?$/.test(self.pathname) ? new URL("./import-worker-tsx.mjs", self) : self;
}

let running = 0;
const waiting: Array<() => void> = [];
async function slot(): Promise<() => void> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Import (and check) off the request thread; rejects with an ImportError for anything the file causes. */
export async function importInWorker(
  job: ImportJob,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<CheckedImport> {
  const release = await slot();
  try {
    return await new Promise<CheckedImport>((resolve, reject) => {
      // The worker owns a copy of the file (the caller's buffer may be a view into a larger, pooled one).
      const owned = job.kind === "docx" ? new Uint8Array(job.data) : undefined;
      const data = job.kind === "docx" && owned ? { ...job, data: owned } : job;
      const transfer = owned ? [owned.buffer as ArrayBuffer] : [];
      const worker = new Worker(workerEntry(), {
        workerData: { [MARK]: data },
        transferList: transfer,
        resourceLimits: {
          maxOldGenerationSizeMb: Math.max(limits.memoryMb, MIN_WORKER_HEAP_MB),
          maxYoungGenerationSizeMb: 32,
        },
        stdout: false,
        stderr: false,
      });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(() => settle(() => reject(timeout(limits))), limits.timeMs);
      worker.on("message", (m: Outcome) =>
        settle(() => {
          if ("ok" in m) resolve(m.ok);
          else reject(new ImportError(m.importError.code, m.importError.status, m.importError.message));
        }),
      );
      worker.on("error", (e: Error & { code?: string }) =>
        settle(() => {
          if (e.code === "ERR_WORKER_OUT_OF_MEMORY") return reject(tooComplex());
          const id = randomUUID();
          console.error(`import ${id}: worker failed`, e);
          reject(unreadable(id));
        }),
      );
      worker.on("exit", (code) =>
        settle(() => {
          const id = randomUUID();
          console.error(`import ${id}: worker exited with code ${code} before answering`);
          reject(unreadable(id));
        }),
      );
    });
  } finally {
    release();
  }
}
