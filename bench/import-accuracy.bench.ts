/**
 * The importer's accuracy per route (typed text, Word files with typed and with automatic numbering, text copied
 * from PDFs and web pages): key fields kept over the fixtures in packages/documents/test/fixtures/accuracy,
 * and every field lost.
 *
 *   npx tsx bench/import-accuracy.bench.ts
 */
import { report, scoreAll } from "../packages/documents/test/accuracy";

console.log(report(await scoreAll()));
