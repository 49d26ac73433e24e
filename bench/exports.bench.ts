/**
 * The overseer's roll-up export at scale, against DynamoDB Local (in memory), as a ratio against
 * a baseline run in the same process: the roll-up (XLSX of four sheets and a CSV per sheet,
 * streamed to files) of a scope of 50 communes and of one of 200, each commune with 20 issued
 * plans of 5 tasks; the time of each and this process's peak resident memory while it runs.
 * Linear work gives a ratio near 4; streaming keeps the memory flat.
 */
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { withActor } from "../packages/core/src/actor";
import { putScope } from "../packages/core/src/admin";
import { ensureTable } from "../packages/core/src/db/bootstrap";
import { startDynamoLocal } from "../packages/core/src/db/local";
import { seed } from "../packages/core/src/seed";
import { putUnit } from "../packages/core/src/unit";
import { buildRollup } from "../packages/documents/src/exports";
import { ROLLUP_SHEETS, type RollupSheet } from "../packages/documents/src/rollup-xlsx";
import { ADMIN, communes, issueAll, PLANS, TASKS } from "./scale";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.KEHOACH_TABLE = "kehoach-bench-exports";
const PERIOD = "2026";

/** One roll-up into files in a fresh directory: its time and the peak RSS seen meanwhile. */
async function rollup(scopeId: string) {
  const dir = mkdtempSync(join(tmpdir(), "kehoach-bench-rollup-"));
  const files = [join(dir, "tong-hop.xlsx"), ...Object.keys(ROLLUP_SHEETS).map((s) => join(dir, `${s}.csv`))];
  const xlsx = createWriteStream(files[0] as string);
  const csv = Object.fromEntries(
    (Object.keys(ROLLUP_SHEETS) as RollupSheet[]).map((s) => [s, createWriteStream(join(dir, `${s}.csv`))]),
  );
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const t0 = performance.now();
  const stats = await withActor(ADMIN, () => buildRollup(scopeId, PERIOD, { xlsx, csv }));
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  rmSync(dir, { recursive: true, force: true });
  return { ms, peakMb: peak / 1024 / 1024, stats };
}

async function main() {
  const local = await startDynamoLocal();
  try {
    await ensureTable("kehoach-bench-exports");
    await seed();
    const t0 = performance.now();
    await withActor(ADMIN, () =>
      putUnit({
        id: "bench-tinh",
        kind: "province",
        name: "Tỉnh Thử",
        shortName: "Thử",
        validFrom: "2025-07-01",
      }),
    );
    const first = await communes("bench-tinh", 0, 50);
    const rest = await communes("bench-tinh", 50, 200);
    await issueAll([...first, ...rest]);
    await withActor(ADMIN, async () => {
      const base = { overseerUnitId: "bench-tinh", validFrom: "2025-07-01" };
      await putScope({ ...base, scopeId: "bench-50", name: "50 xã", unitIds: first });
      await putScope({ ...base, scopeId: "bench-200", name: "200 xã", unitIds: [...first, ...rest] });
    });
    console.log(
      `seeded 200 communes × ${PLANS} plans × ${TASKS} tasks in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    await rollup("bench-50"); // warm-up
    let t50 = 0;
    let t200 = 0;
    let peak200 = 0;
    let rows200 = 0;
    for (let round = 0; round < 3; round++) {
      t50 += (await rollup("bench-50")).ms;
      const r = await rollup("bench-200");
      t200 += r.ms;
      peak200 = Math.max(peak200, r.peakMb);
      rows200 = Object.values(r.stats.rows).reduce((n, x) => n + x, 0);
    }
    console.log(
      `roll-up: 50 communes ${(t50 / 3).toFixed(0)} ms, 200 communes ${(t200 / 3).toFixed(0)} ms (${rows200} rows in four sheets, XLSX + CSV)`,
    );
    console.log(
      `exports: time ratio 200/50 = ${(t200 / t50).toFixed(2)}; peak RSS at 200 communes = ${peak200.toFixed(0)} MB`,
    );
  } finally {
    await local.stop();
  }
}

void main();
