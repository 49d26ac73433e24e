/**
 * Parsing cost on hostile input, printed as a ratio against a baseline run in the same process: importing
 * 1 MB of each adversarial shape against 64 KB of the same shapes. Linear code gives about 16 (the ratio of
 * the sizes); a pattern that rescans runs would give 256 or never finish.
 *
 *   npm run bench   (runs this first, then plans.bench.ts)
 */
import { importPlanText } from "../packages/documents/src/import";
import { inEveryPart, oneLine, SHAPES, type Shape } from "../packages/documents/test/adversarial";

const KB = 1024;
const shapes = Object.keys(SHAPES) as Shape[];
const inputs = (bytes: number) => shapes.flatMap((s) => [oneLine(s, bytes), inEveryPart(s, bytes)]);

/** CPU milliseconds of this process (not wall time: the machine's other processes do not count). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU milliseconds to import every input once; the best of `runs`. */
function best(texts: string[], runs: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = cpuMs();
    for (const t of texts) importPlanText(t);
    min = Math.min(min, cpuMs() - t0);
  }
  return min;
}

const small = inputs(64 * KB);
const large = inputs(1024 * KB);
// Warm-up at both sizes (compiles the patterns and the importer, grows the heap), then interleaved rounds
// so that a burst of load from other processes touches both sides alike; the best round of each counts.
best(small, 3);
best(large, 1);
let baseline = Number.POSITIVE_INFINITY;
let measured = Number.POSITIVE_INFINITY;
for (let round = 0; round < 5; round++) {
  baseline = Math.min(baseline, best(small, 3));
  measured = Math.min(measured, best(large, 1));
}
console.log(`64 KB: ${baseline.toFixed(0)} ms for ${small.length} texts; 1 MB: ${measured.toFixed(0)} ms`);
console.log(`parse: import 1 MB / 64 KB adversarial = ${(measured / baseline).toFixed(1)} (linear ≤ 20)`);
