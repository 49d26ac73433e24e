import { awsCron, JOBS, TIMEZONE } from "../packages/core/src/schedule/jobs";
import { HANDLERS, NODEJS, RUNTIME } from "./lambda-build";
import { files, table } from "./storage";

/**
 * The scheduled jobs (packages/core/src/schedule/jobs.ts), on EventBridge Scheduler in Vietnam time.
 * An invocation that still fails after its retries lands in the dead-letter queue, kept 14 days.
 */
export const jobFailures = new sst.aws.Queue("JobFailures", {
  transform: { queue: { messageRetentionSeconds: 14 * 24 * 3600 } },
});

export const reminders = new sst.aws.CronV2("Reminders", {
  schedule: awsCron(JOBS.reminders.cron),
  timezone: TIMEZONE,
  retries: 3,
  dlq: jobFailures.arn,
  function: {
    handler: HANDLERS.reminders,
    runtime: RUNTIME,
    nodejs: NODEJS,
    timeout: "5 minutes",
    memory: "512 MB",
    // Reads tasks and writes notifications: the table only.
    link: [table],
  },
});

/** The export dispatcher: a run stops starting exports after 10 minutes; the next run goes on. */
export const exportsDispatcher = new sst.aws.CronV2("Exports", {
  schedule: awsCron(JOBS.exports.cron),
  timezone: TIMEZONE,
  retries: 2,
  dlq: jobFailures.arn,
  function: {
    handler: HANDLERS.exports,
    runtime: RUNTIME,
    nodejs: NODEJS,
    timeout: "15 minutes",
    memory: "1024 MB",
    link: [table, files],
  },
});
