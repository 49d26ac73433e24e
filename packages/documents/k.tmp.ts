import { readFileSync } from "node:fs";
import { planContent } from "@kehoach/core/plan/schema";
import { importPlanText } from "./src/import";
import { checkPlan } from "./src/checker";
for (const f of process.argv.slice(2)) {
  const r = importPlanText(readFileSync(f, "utf8"));
  const p = planContent.parse(r.draft);
  console.log("=====", f);
  for (const x of checkPlan(p, { today: "2026-11-25" })) if (x.code !== "task-no-deadline") console.log(x.severity, x.code, JSON.stringify(x.location.path), "|", x.message.vi);
}
