import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { todayInVietnam } from "@kehoach/core/clock";
import { type RollupHead, rollupCommunes, rollupHead } from "@kehoach/core/exports/rollup";
import { communeName, communeTaskPages } from "@kehoach/core/exports/tasks";
import { draftReport, reportData } from "@kehoach/core/report/index";
import {
  type DispatchOptions,
  dispatch,
  type ExportJob,
  type ExportProducer,
  type ProducedFile,
  type RunOptions,
  runExport,
} from "@kehoach/core/schedule/dispatcher";
import { renderPlanDocx } from "./render-docx";
import { renderReportAnnexXlsx } from "./report-annex-xlsx";
import {
  ROLLUP_SHEETS,
  type RollupSheet,
  type RollupSink,
  type RollupStats,
  writeRollup,
} from "./rollup-xlsx";
import { writeTaskList } from "./task-list-xlsx";

/**
 * The export kinds, put together: the data of packages/core, the renderers of this package, the
 * files of a run. The dispatcher (core/schedule/dispatcher.ts) runs them; this is the only module
 * here that reads the database.
 */

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const CSV = "text/csv; charset=utf-8";

/**
 * An overseer's roll-up of a scope for a period, streamed into `sink` (an XLSX of four sheets and a
 * CSV per sheet) commune by commune, without the workbook ever in memory. Call it as someone who
 * oversees the scope (withActor). `onCommune(done, total)` follows the progress.
 */
export async function buildRollup(
  scopeId: string,
  periodKey: string,
  sink: RollupSink,
  onCommune?: (done: number, total: number) => Promise<void>,
): Promise<RollupStats & { head: RollupHead }> {
  const head = await rollupHead(scopeId, periodKey);
  const stats = await writeRollup(head, rollupCommunes(head), sink, onCommune);
  return { ...stats, head };
}

function fileSink(dir: string, name: string): { stream: Writable; path: string } {
  const path = join(dir, name);
  return { stream: createWriteStream(path), path };
}

async function produceRollup({ exp, dir, progress }: ExportJob): Promise<ProducedFile[]> {
  const base = `tong-hop-${exp.unitId}-${exp.runKey}`;
  const out: ProducedFile[] = [];
  const sink: RollupSink = {};
  if (exp.formats.includes("xlsx")) {
    const f = fileSink(dir, `${base}.xlsx`);
    sink.xlsx = f.stream;
    out.push({ name: `${base}.xlsx`, contentType: XLSX, path: f.path });
  }
  if (exp.formats.includes("csv")) {
    sink.csv = {};
    for (const sheet of Object.keys(ROLLUP_SHEETS) as RollupSheet[]) {
      const name = `${base}-${ROLLUP_SHEETS[sheet].file}.csv`;
      const f = fileSink(dir, name);
      sink.csv[sheet] = f.stream;
      out.push({ name, contentType: CSV, path: f.path });
    }
  }
  await buildRollup(exp.unitId, exp.periodKey, sink, progress);
  return out;
}

async function produceTasks({ exp, dir, progress }: ExportJob): Promise<ProducedFile[]> {
  const base = `nhiem-vu-${exp.unitId}-${exp.runKey}`;
  const out: ProducedFile[] = [];
  const sink: { xlsx?: Writable; csv?: Writable } = {};
  if (exp.formats.includes("xlsx")) {
    const f = fileSink(dir, `${base}.xlsx`);
    sink.xlsx = f.stream;
    out.push({ name: `${base}.xlsx`, contentType: XLSX, path: f.path });
  }
  if (exp.formats.includes("csv")) {
    const f = fileSink(dir, `${base}.csv`);
    sink.csv = f.stream;
    out.push({ name: `${base}.csv`, contentType: CSV, path: f.path });
  }
  const name = await communeName(exp.unitId);
  await writeTaskList(
    { communeName: name, today: todayInVietnam() },
    communeTaskPages(exp.unitId, progress),
    sink,
  );
  return out;
}

async function produceReport({ exp, dir, progress }: ExportJob): Promise<ProducedFile[]> {
  const out: ProducedFile[] = [];
  const total = exp.formats.length;
  let done = 0;
  if (exp.formats.includes("docx")) {
    // The report is a document like any plan (idempotent per commune and period): its DOCX.
    const report = await draftReport(exp.unitId, exp.periodKey);
    const name = `bao-cao-${exp.unitId}-${exp.periodKey}.docx`;
    await writeFile(join(dir, name), await renderPlanDocx(report));
    out.push({ name, contentType: DOCX, path: join(dir, name) });
    await progress(++done, total);
  }
  if (exp.formats.includes("xlsx")) {
    const name = `phu-luc-so-lieu-${exp.unitId}-${exp.periodKey}.xlsx`;
    await writeFile(
      join(dir, name),
      await renderReportAnnexXlsx(await reportData(exp.unitId, exp.periodKey)),
    );
    out.push({ name, contentType: XLSX, path: join(dir, name) });
    await progress(++done, total);
  }
  return out;
}

/** Files of an export, by kind. */
export const produceExport: ExportProducer = (job) => {
  switch (job.exp.kind) {
    case "rollup":
      return produceRollup(job);
    case "tasks":
      return produceTasks(job);
    case "report":
      return produceReport(job);
  }
};

/** The dispatcher with this package's renderers: what the scheduled job and the CLI run. */
export function dispatchExports(at?: Date, opts: Omit<DispatchOptions, "produce"> = {}) {
  return dispatch(at, { ...opts, produce: produceExport });
}

/** Run one export now (queued by "export now" or the CLI), through the same path. */
export function runExportNow(exportId: string, opts: Omit<RunOptions, "produce"> = {}) {
  return runExport(exportId, { ...opts, produce: produceExport });
}
