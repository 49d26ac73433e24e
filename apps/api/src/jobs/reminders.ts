import { assertConfig } from "@kehoach/core/config";
import { runReminders } from "@kehoach/core/task/reminders";

// Without its links the function stops at init, naming the missing one.
assertConfig();

/** CronV2 target on AWS; `npm start` calls the same function through croner (local/scheduler.ts). */
export async function handler() {
  const run = await runReminders();
  console.log(JSON.stringify({ level: "info", job: "reminders", ...run }));
  return run;
}
