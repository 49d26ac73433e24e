import { runReminders } from "@kehoach/core/task/reminders";

/** CronV2 target on AWS; `npm start` calls the same function through croner (local/scheduler.ts). */
export async function handler() {
  const run = await runReminders();
  console.log(JSON.stringify({ level: "info", job: "reminders", ...run }));
  return run;
}
