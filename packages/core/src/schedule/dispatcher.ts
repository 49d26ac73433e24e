import { randomUUID } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withActor } from "../actor";
import { now, todayInVietnam } from "../clock";
import { db } from "../db/entities";
import { acrossShards } from "../db/shard";
import { DomainError } from "../errors";
import { unitActor } from "../exports/access";
import { type ExportFileRef, type ExportItem, exportFileKey, keepUntil, loadExport } from "../exports/index";
import { files } from "../files";
import { type Period, type PeriodKind, periodsOf } from "../report/period";
import { put, rejected, update, writeItems } from "../write";
import { nextRunAt, retentionOf, type ScheduleItem } from "./index";
import type { PeriodRule } from "./schema";

/**
 * The one export dispatcher. Every run (croner in `npm start`, CronV2 on AWS, the CLI, "export
 * now") goes through `runExport`, and every due schedule through `dispatch`:
 *
 * - A due schedule is claimed in one transaction that creates its export, keyed
 *   (schedule, period), only if absent, and moves the schedule to its next run: however many
 *   dispatchers run at once, a period is exported once.
 * - A run holds a lease (`runningUntil`), renewed as it progresses. A run that stopped half-way
 *   (a killed process, a timed-out Lambda) lets its lease lapse; the next dispatcher takes it
 *   over and runs it again from the start. Files go to fixed keys and the export is marked
 *   succeeded only by the lease holder, so a period has one export and each file exists once.
 * - Finished exports are kept for their unit's retention, then their files and items deleted.
 */

/** How long a run may go without reporting progress before another dispatcher takes it over. */
export const LEASE_MS = 10 * 60_000;
/** A run interrupted this many times is marked failed instead of being tried again. */
export const MAX_ATTEMPTS = 3;

export type ProducedFile = { name: string; contentType: string; path: string };

export type ExportJob = {
  exp: ExportItem;
  /** A fresh local folder for the files being written; removed after the run. */
  dir: string;
  /** Report progress (and renew the lease): `done` of `total` units of work, e.g. communes. */
  progress: (done: number, total: number) => Promise<void>;
};

/** What turns an export into files: the renderers of packages/documents, given by the caller. */
export type ExportProducer = (job: ExportJob) => Promise<ProducedFile[]>;

export type RunOptions = {
  produce: ExportProducer;
  /** Who holds the lease (one id per dispatcher run). */
  owner?: string;
  /** Stop (as a killed process would) once this much progress is recorded: for tests of the takeover. */
  stopAfter?: number;
  /** The instant the run is judged at (lease lapse); the clock's now by default. */
  at?: Date;
};

export type RunOutcome = "succeeded" | "failed" | "busy" | "stopped";

/** Thrown by a job to stop as a killed process would: the lease is left to lapse. */
export class RunStopped extends Error {
  constructor() {
    super("run stopped");
    this.name = "RunStopped";
  }
}

class LeaseLost extends Error {}

const isConditional = (e: unknown) => /conditional/i.test((e as Error)?.message ?? "");

/**
 * Which run a schedule's fire makes, judged on the day it fired in Vietnam: the key that makes
 * it unique within its schedule, and the reporting period its content covers.
 */
export function runTarget(
  rule: PeriodRule,
  kinds: readonly string[],
  fireAt: Date,
): { runKey: string; periodKey: string } {
  const day = todayInVietnam(fireAt);
  const year = Number(day.slice(0, 4));
  const all = [year - 1, year, year + 1]
    .flatMap(periodsOf)
    .filter((p) => kinds.length === 0 || kinds.includes(p.kind as PeriodKind));
  const next = all.find((p) => p.due >= day) as Period;
  const last = all.filter((p) => p.due < day).at(-1) as Period;
  if (rule === "last_due") return { runKey: last.key, periodKey: last.key };
  if (rule === "next_due") return { runKey: next.key, periodKey: next.key };
  return { runKey: day, periodKey: next.key };
}

/** The export a schedule's fire makes: id (schedule, run key). */
export const scheduledExportId = (scheduleId: string, runKey: string) => `${scheduleId}_${runKey}`;

type ClaimOutcome = "claimed" | "exists" | "lost";

/**
 * Claim a due schedule's run: create its export (if absent) and move the schedule to its next run,
 * both or neither. A run whose export exists already (the same period fired before) only moves on.
 */
export async function claimSchedule(s: ScheduleItem, at: Date): Promise<ClaimOutcome> {
  const fireAt = new Date(s.nextRunAt);
  const { runKey, periodKey } = runTarget(s.periodRule, s.periodKinds, fireAt);
  const exportId = scheduledExportId(s.scheduleId, runKey);
  // Runs missed while no dispatcher ran collapse into this one.
  const next = nextRunAt(s, at.getTime() > fireAt.getTime() ? at : fireAt);
  const advance = db()
    .exportSchedule.patch({ scheduleId: s.scheduleId })
    .set({ nextRunAt: next, lastRunAt: s.nextRunAt, lastExportId: exportId })
    .where((a, op) => op.eq(a.nextRunAt, s.nextRunAt));
  const created = at.toISOString();
  const item: ExportItem = {
    exportId,
    unitKind: s.unitKind,
    unitId: s.unitId,
    kind: s.kind,
    runKey,
    periodKey,
    formats: s.formats as ExportItem["formats"],
    scheduleId: s.scheduleId,
    status: "queued",
    progressDone: 0,
    progressTotal: 0,
    requestedBy: s.createdBy,
    createdAt: created,
    attempts: 0,
    phase: "open",
    dueAt: created,
  };
  const res = await writeItems([put(db().exportRun.create(item).params()), update(advance.params())]);
  if (res.ok) return "claimed";
  if (rejected(res, 1)) return "lost"; // another dispatcher claimed this fire
  if (!rejected(res, 0)) throw new Error(`claim of schedule ${s.scheduleId} failed`);
  try {
    await advance.go();
    return "exists";
  } catch (e) {
    if (isConditional(e)) return "lost";
    throw e;
  }
}

/** Take the lease of a queued export, or of a running one whose lease lapsed before `at`. */
async function acquire(exportId: string, owner: string, at: Date): Promise<ExportItem | null> {
  const e = await loadExport(exportId, true);
  if (e?.phase !== "open") return null;
  const atIso = at.toISOString();
  const lapsed = e.status === "running" && (e.runningUntil ?? "") < atIso;
  if (e.status !== "queued" && !lapsed) return null;
  if (lapsed && e.attempts >= MAX_ATTEMPTS) {
    await finish(e, e.leaseOwner ?? "", {
      status: "failed",
      error: {
        vi: `Xuất dữ liệu bị gián đoạn ${e.attempts} lần; hãy thử "Xuất ngay" lại.`,
        en: `The export was interrupted ${e.attempts} times; try "Export now" again.`,
      },
    }).catch((err) => {
      if (!(err instanceof LeaseLost)) throw err;
    });
    return null;
  }
  const until = new Date(at.getTime() + LEASE_MS).toISOString();
  try {
    await db()
      .exportRun.patch({ exportId })
      .set({
        status: "running",
        leaseOwner: owner,
        runningUntil: until,
        phase: "open",
        dueAt: until,
        startedAt: now().toISOString(),
        progressDone: 0,
      })
      .add({ attempts: 1 })
      .where(
        (a, op) =>
          `(${op.eq(a.status, "queued")}) OR (${op.eq(a.status, "running")} AND ${op.lt(a.runningUntil, atIso)})`,
      )
      .go();
  } catch (err) {
    if (isConditional(err)) return null; // another dispatcher took it first
    throw err;
  }
  return { ...e, status: "running", leaseOwner: owner, runningUntil: until, attempts: e.attempts + 1 };
}

async function finish(
  e: ExportItem,
  owner: string,
  result: { status: "succeeded"; files: ExportFileRef[] } | { status: "failed"; error: ExportItem["error"] },
) {
  const finishedAt = now().toISOString();
  const until = keepUntil(finishedAt, await retentionOf(e));
  try {
    await db()
      .exportRun.patch({ exportId: e.exportId })
      .set({
        ...result,
        finishedAt,
        keepUntil: until,
        phase: "kept",
        dueAt: until,
        ...(result.status === "succeeded" ? { progressDone: Math.max(e.progressTotal, e.progressDone) } : {}),
      })
      .remove(["runningUntil", "leaseOwner"])
      .where((a, op) => `${op.eq(a.status, "running")} AND ${op.eq(a.leaseOwner, owner)}`)
      .go();
  } catch (err) {
    if (isConditional(err)) throw new LeaseLost();
    throw err;
  }
}

/** Run one export under its lease: produce its files, store them, mark it done. */
export async function runExport(exportId: string, opts: RunOptions): Promise<RunOutcome> {
  const owner = opts.owner ?? randomUUID();
  const e = await acquire(exportId, owner, opts.at ?? now());
  if (!e) return "busy";
  const dir = await mkdtemp(join(tmpdir(), "kehoach-export-"));
  let last = 0;
  const progress = async (done: number, total: number) => {
    const step = Math.max(1, Math.floor(total / 50));
    const stopping = opts.stopAfter !== undefined && done >= opts.stopAfter;
    if (done === total || done - last >= step || stopping) {
      last = done;
      const until = new Date(now().getTime() + LEASE_MS).toISOString();
      try {
        await db()
          .exportRun.patch({ exportId })
          .set({ progressDone: done, progressTotal: total, runningUntil: until, phase: "open", dueAt: until })
          .where((a, op) => `${op.eq(a.status, "running")} AND ${op.eq(a.leaseOwner, owner)}`)
          .go();
      } catch (err) {
        if (isConditional(err)) throw new LeaseLost();
        throw err;
      }
      e.progressDone = done;
      e.progressTotal = total;
    }
    if (stopping) throw new RunStopped();
  };
  try {
    const produced = await withActor(await unitActor(e), () => opts.produce({ exp: e, dir, progress }));
    const refs: ExportFileRef[] = [];
    for (const f of produced) {
      const key = exportFileKey(e, f.name);
      await files().putFile(key, f.path, f.contentType);
      refs.push({ name: f.name, key, contentType: f.contentType, size: (await stat(f.path)).size });
    }
    await finish(e, owner, { status: "succeeded", files: refs });
    return "succeeded";
  } catch (err) {
    if (err instanceof RunStopped) return "stopped";
    if (err instanceof LeaseLost) return "busy";
    const id = randomUUID();
    console.error(
      JSON.stringify({
        level: "error",
        job: "exports",
        id,
        exportId,
        err: String(err),
        stack: (err as Error)?.stack,
      }),
    );
    const error =
      err instanceof DomainError
        ? err.messages
        : {
            vi: `Lỗi khi xuất dữ liệu (mã ${id}): ${String((err as Error)?.message ?? err).slice(0, 300)}`,
            en: `The export failed (id ${id}): ${String((err as Error)?.message ?? err).slice(0, 300)}`,
          };
    try {
      await finish(e, owner, { status: "failed", error });
    } catch (f) {
      if (!(f instanceof LeaseLost)) throw f;
      return "busy";
    }
    return "failed";
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Upper bound of a key range that includes items stamped exactly `at`. */
const through = (at: Date) => new Date(at.getTime() + 1).toISOString();

/** Schedules due at `at`: per shard, only the due part of the index is read. */
export async function dueSchedules(at: Date): Promise<ScheduleItem[]> {
  return acrossShards(
    async (shard) =>
      (
        await db()
          .exportSchedule.query.due({ shard })
          .between({ nextRunAt: "0" }, { nextRunAt: through(at) })
          .go({ pages: "all" })
      ).data as ScheduleItem[],
  );
}

/** Exports waiting to run, or whose lease lapsed, at `at`. */
export async function openExports(at: Date): Promise<ExportItem[]> {
  const found = await acrossShards(
    async (shard) =>
      (
        await db()
          .exportRun.query.sweep({ shard, phase: "open" })
          .between({ dueAt: "0" }, { dueAt: through(at) })
          .go({ pages: "all" })
      ).data as ExportItem[],
  );
  return found.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** Delete the exports whose retention ended by `at`: their files, then their items. */
export async function sweepExpired(at: Date): Promise<number> {
  const expired = await acrossShards(
    async (shard) =>
      (
        await db()
          .exportRun.query.sweep({ shard, phase: "kept" })
          .between({ dueAt: "0" }, { dueAt: through(at) })
          .go({ pages: "all" })
      ).data as ExportItem[],
  );
  let deleted = 0;
  for (const e of expired) {
    for (const f of e.files ?? []) await files().delete(f.key);
    try {
      await db()
        .exportRun.delete({ exportId: e.exportId })
        .where((a, op) => `${op.eq(a.phase, "kept")} AND ${op.lte(a.dueAt, at.toISOString())}`)
        .go();
      deleted++;
    } catch (err) {
      if (!isConditional(err)) throw err; // kept longer meanwhile (retention raised)
    }
  }
  return deleted;
}

export type DispatchOptions = RunOptions & {
  /** Stop starting runs after this long (real time); what is left waits for the next dispatch. */
  budgetMs?: number;
};

export type DispatchReport = {
  at: string;
  swept: number;
  claimed: number;
  runs: { exportId: string; outcome: RunOutcome }[];
};

/** One dispatcher run at `at`: expire old exports, claim due schedules, run what is open. */
export async function dispatch(at: Date = now(), opts: DispatchOptions): Promise<DispatchReport> {
  const started = Date.now();
  const owner = opts.owner ?? randomUUID();
  const swept = await sweepExpired(at);
  let claimed = 0;
  for (const s of await dueSchedules(at)) if ((await claimSchedule(s, at)) === "claimed") claimed++;
  const runs: DispatchReport["runs"] = [];
  for (const e of await openExports(at)) {
    if (Date.now() - started > (opts.budgetMs ?? 10 * 60_000)) break;
    runs.push({ exportId: e.exportId, outcome: await runExport(e.exportId, { ...opts, owner, at }) });
  }
  return { at: at.toISOString(), swept, claimed, runs };
}
