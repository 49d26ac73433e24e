import { readFileSync } from "node:fs";
import { importPlanText } from "./src/import";
const r = importPlanText(readFileSync(process.argv[2] ?? "test/fixtures/seed.txt", "utf8"));
console.log(JSON.stringify(r.draft, null, 1));
console.log(r.confidence, r.warnings);
