import { awsCron, JOBS, TIMEZONE } from "../packages/core/src/schedule/jobs";
import { files, table } from "./storage";

/** The scheduled jobs (packages/core/src/schedule/jobs.ts), on EventBridge Scheduler in Vietnam time. */
export const reminders = new sst.aws.CronV2("Reminders", {
  schedule: awsCron(JOBS.reminders.cron),
  timezone: TIMEZONE,
  retries: 3,
  function: {
    handler: JOBS.reminders.handler,
    timeout: "5 minutes",
    memory: "512 MB",
    link: [table, files],
    environment: { KEHOACH_STAGE: $app.stage },
  },
});
