import { randomUUID } from "node:crypto";
import { actor } from "../actor";
import { now, todayInVietnam } from "../clock";
import { db } from "../db/entities";
import { badCursor, DomainError, notFound } from "../errors";
import { files } from "../files";
import { boardPeriods } from "../report/period";
import {
  EXPORT_KINDS,
  type ExportFormat,
  type ExportKind,
  type ExportNowInput,
  type ExportStatus,
  exportNowInput,
  FORMATS_OF,
  unitKindOf,
} from "../schedule/schema";
import { parse } from "../validate";
import { requireUnit, type UnitRef } from "./access";

export type ExportFileRef = { name: string; key: string; contentType: string; size: number };

export type ExportItem = UnitRef & {
  exportId: string;
  kind: ExportKind;
  runKey: string;
  periodKey: string;
  formats: ExportFormat[];
  scheduleId?: string;
  status: ExportStatus;
  progressDone: number;
  progressTotal: number;
  error?: { vi: string; en: string };
  files?: ExportFileRef[];
  requestedBy: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  runningUntil?: string;
  leaseOwner?: string;
  attempts: number;
  keepUntil?: string;
  phase: "open" | "kept";
  dueAt: string;
};

/** An export as its unit's members see it: no lease, no file keys. */
export type ExportOut = Omit<ExportItem, "leaseOwner" | "dueAt" | "phase" | "files" | "runningUntil"> & {
  files: { name: string; contentType: string; size: number }[];
};

export function toExportOut(e: ExportItem): ExportOut {
  const { leaseOwner: _l, dueAt: _d, phase: _p, files: f, runningUntil: _r, ...rest } = e;
  return { ...rest, files: (f ?? []).map(({ key: _k, ...file }) => file) };
}

/** Where an export's file lives: under its unit, in a folder of its own, under a fixed name. */
export function exportFileKey(e: Pick<ExportItem, "unitKind" | "unitId" | "exportId">, name: string) {
  return `exports/${e.unitKind}/${e.unitId}/${e.exportId}/${name}`;
}

/** The day an export made on `finishedAt` expires, for a unit keeping exports `days` days. */
export function keepUntil(finishedAt: string, days: number): string {
  return new Date(new Date(finishedAt).getTime() + days * 86_400_000).toISOString();
}

export async function loadExport(exportId: string, consistent = false): Promise<ExportItem | null> {
  return (await db().exportRun.get({ exportId }).go({ consistent })).data as ExportItem | null;
}

const EXPORT_PAGE = 50;

/** A unit's exports, newest first, a page at a time. */
export async function listExports(u: UnitRef, opts: { cursor?: string | undefined } = {}) {
  await requireUnit(u, "read");
  try {
    const res = await db()
      .exportRun.query.byUnit({ unitKind: u.unitKind, unitId: u.unitId })
      .go({ order: "desc", limit: EXPORT_PAGE, count: EXPORT_PAGE, cursor: opts.cursor ?? null });
    return { items: (res.data as ExportItem[]).map(toExportOut), cursor: res.cursor ?? null };
  } catch (e) {
    if ((e as Error).name === "ElectroError" && /cursor/i.test((e as Error).message)) throw badCursor();
    throw e;
  }
}

async function unitExport(u: UnitRef, exportId: string): Promise<ExportItem> {
  await requireUnit(u, "read");
  const e = await loadExport(exportId);
  if (!e || e.unitKind !== u.unitKind || e.unitId !== u.unitId) throw notFound("export");
  return e;
}

export async function getExport(u: UnitRef, exportId: string): Promise<ExportOut> {
  return toExportOut(await unitExport(u, exportId));
}

/** One file of a finished export, for a member of its unit. */
export async function exportFile(u: UnitRef, exportId: string, name: string) {
  const e = await unitExport(u, exportId);
  const f = e.status === "succeeded" ? (e.files ?? []).find((x) => x.name === name) : undefined;
  if (!f) throw notFound("file");
  const bytes = await files().get(f.key);
  if (!bytes) throw notFound("file");
  return { name: f.name, contentType: f.contentType, bytes, exportItem: toExportOut(e) };
}

/**
 * "Xuất ngay": queue one export of the unit (for the period due next unless one is named) and
 * return it; the caller starts it. An identical export still queued or running is returned
 * instead of a second one (a double click, two tabs).
 */
export async function requestExport(u: UnitRef, input: ExportNowInput): Promise<ExportItem> {
  await requireUnit(u, "export");
  return queueExport(u, input, actor().username);
}

/** Queue an export of the unit with no access check: for the caller's own checked requests, the CLI. */
export async function queueExport(
  u: UnitRef,
  input: ExportNowInput,
  requestedBy: string,
): Promise<ExportItem> {
  const r = parse(exportNowInput, input);
  if (unitKindOf(r.kind) !== u.unitKind) {
    const allowed = EXPORT_KINDS.filter((k) => unitKindOf(k) === u.unitKind).join(", ");
    throw new DomainError(
      400,
      "validation_failed",
      { vi: `Đơn vị này chỉ xuất: ${allowed}`, en: `This unit exports only: ${allowed}` },
      { issues: [{ path: ["kind"], message: { vi: `Chỉ: ${allowed}`, en: `Only: ${allowed}` } }] },
    );
  }
  const periodKey = r.periodKey ?? boardPeriods(todayInVietnam()).next.key;
  const formats = [...(r.formats ?? FORMATS_OF[r.kind])];
  const recent = await db()
    .exportRun.query.byUnit({ unitKind: u.unitKind, unitId: u.unitId })
    .go({ order: "desc", limit: 20 });
  const same = (recent.data as ExportItem[]).find(
    (e) =>
      !e.scheduleId &&
      e.phase === "open" &&
      e.kind === r.kind &&
      e.periodKey === periodKey &&
      e.formats.join() === formats.join(),
  );
  if (same) return same;
  const at = now().toISOString();
  const item: ExportItem = {
    exportId: randomUUID(),
    ...u,
    kind: r.kind,
    runKey: periodKey,
    periodKey,
    formats,
    status: "queued",
    progressDone: 0,
    progressTotal: 0,
    requestedBy,
    createdAt: at,
    attempts: 0,
    phase: "open",
    dueAt: at,
  };
  await db().exportRun.create(item).go();
  return item;
}

/** After a unit's retention changed: each finished export now expires `days` after it finished. */
export async function rekeepUnitExports(u: UnitRef, days: number) {
  let cursor: string | null = null;
  do {
    const res: { data: unknown[]; cursor: string | null } = await db()
      .exportRun.query.byUnit({ unitKind: u.unitKind, unitId: u.unitId })
      .go({ cursor, limit: 100 });
    for (const e of res.data as ExportItem[]) {
      if (e.phase !== "kept" || !e.finishedAt) continue;
      const until = keepUntil(e.finishedAt, days);
      if (until === e.keepUntil) continue;
      await db()
        .exportRun.patch({ exportId: e.exportId })
        .set({ keepUntil: until, phase: "kept", dueAt: until })
        .where((a, op) => op.eq(a.phase, "kept"))
        .go()
        .catch((err: Error) => {
          // Swept meanwhile: nothing left to move.
          if (!/conditional/i.test(err.message)) throw err;
        });
    }
    cursor = res.cursor;
  } while (cursor);
}
