import { assertConfig } from "@kehoach/core/config";
import { dispatchExports } from "@kehoach/documents/exports";

// Without its links the function stops at init, naming the missing one.
assertConfig();

/**
 * CronV2 target on AWS; `npm start` calls the same function through croner (local/scheduler.ts).
 * One dispatcher run: due schedules, runs that stopped half-way, expired exports.
 */
export async function handler() {
  const run = await dispatchExports();
  const outcomes: Record<string, number> = {};
  for (const r of run.runs) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  console.log(
    JSON.stringify({
      level: "info",
      job: "exports",
      at: run.at,
      claimed: run.claimed,
      swept: run.swept,
      outcomes,
    }),
  );
  return run;
}
