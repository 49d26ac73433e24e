import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { withActor } from "@kehoach/core/actor";
import { setClock } from "@kehoach/core/clock";
import { onAws } from "@kehoach/core/config";
import { ensureTable } from "@kehoach/core/db/bootstrap";
import { tableName } from "@kehoach/core/db/client";
import { db } from "@kehoach/core/db/entities";
import { type LocalDynamo, startDynamoLocal } from "@kehoach/core/db/local";
import { DomainError } from "@kehoach/core/errors";
import { loadExport, queueExport } from "@kehoach/core/exports/index";
import { files } from "@kehoach/core/files";
import { EXPORT_KINDS, type ExportKind, unitKindOf } from "@kehoach/core/schedule/schema";
import { dispatchExports, runExportNow } from "./exports";

/**
 * The CLI's export commands: the same queue, lease and renderers as the scheduler, by hand.
 * Database: DYNAMODB_ENDPOINT or the stage's linked table (under `sst shell`), else the running `npm start`'s, else a DynamoDB
 * Local started here on DATA_DIR (stopped after).
 */
export async function connect(): Promise<LocalDynamo | undefined> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  if (process.env.DYNAMODB_ENDPOINT || onAws()) return undefined;
  const dataDir = resolve(process.env.DATA_DIR ?? ".data");
  const endpointFile = resolve(dataDir, "dynamodb.endpoint");
  if (existsSync(endpointFile)) {
    process.env.DYNAMODB_ENDPOINT = readFileSync(endpointFile, "utf8").trim();
    return undefined;
  }
  const dbDir = resolve(dataDir, "dynamodb");
  mkdirSync(dbDir, { recursive: true });
  const local = await startDynamoLocal({ path: dbDir });
  await ensureTable(tableName());
  return local;
}

const SYSTEM = { username: "cli", displayName: "Dòng lệnh", role: "admin" as const, communeIds: [] };

export async function exportOnce(opts: {
  unitId: string;
  kind: string;
  periodKey: string;
  formats?: string[];
}): Promise<{ ok: boolean; lines: string[] }> {
  if (!EXPORT_KINDS.includes(opts.kind as ExportKind)) {
    return { ok: false, lines: [`--report: một trong / one of ${EXPORT_KINDS.join(", ")}`] };
  }
  const kind = opts.kind as ExportKind;
  const local = await connect();
  try {
    const unit = { unitKind: unitKindOf(kind), unitId: opts.unitId };
    const exists =
      unit.unitKind === "scope"
        ? (await db().scope.get({ scopeId: opts.unitId }).go()).data
        : (await db().unit.get({ unitId: opts.unitId }).go()).data?.kind === "commune";
    if (!exists) {
      return {
        ok: false,
        lines: [
          `Không có ${unit.unitKind === "scope" ? "phạm vi" : "xã"} "${opts.unitId}". / No ${unit.unitKind} "${opts.unitId}".`,
        ],
      };
    }
    let queued: Awaited<ReturnType<typeof queueExport>>;
    try {
      queued = await withActor(SYSTEM, () =>
        queueExport(
          unit,
          { kind, periodKey: opts.periodKey, ...(opts.formats ? { formats: opts.formats as never } : {}) },
          "cli",
        ),
      );
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, lines: [e.messages.vi, e.messages.en] };
      throw e;
    }
    const outcome = await runExportNow(queued.exportId);
    const e = await loadExport(queued.exportId, true);
    const lines = [`Xuất / Export ${queued.exportId}: ${e?.status ?? outcome}`];
    if (e?.status === "succeeded") for (const f of e.files ?? []) lines.push(`  ${files().where(f.key)}`);
    if (e?.error) lines.push(`  ${e.error.vi}`, `  ${e.error.en}`);
    return { ok: e?.status === "succeeded", lines };
  } finally {
    await local?.stop();
  }
}

export async function dispatchOnce(at?: Date): Promise<string[]> {
  const local = await connect();
  try {
    if (at) setClock(() => at);
    const report = await dispatchExports(at);
    return [
      `Lúc / At ${report.at}: ${report.claimed} lịch đến hạn / schedules due, ${report.swept} bản hết hạn đã xóa / expired exports deleted`,
      ...report.runs.map((r) => `  ${r.exportId}: ${r.outcome}`),
    ];
  } finally {
    setClock(undefined);
    await local?.stop();
  }
}
