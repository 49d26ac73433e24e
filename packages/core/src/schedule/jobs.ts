/**
 * Every scheduled job, its cron expression and time zone: the one place `npm start` (croner)
 * and `infra/` (SST CronV2 on EventBridge Scheduler) read them from. No runtime imports here:
 * infra loads this file at deploy time.
 */
export const TIMEZONE = "Asia/Ho_Chi_Minh";

export const JOBS = {
  /** Reminders for tasks due within three days and tasks newly overdue: every day at 06:30. */
  reminders: { cron: "30 6 * * *", handler: "apps/api/src/jobs/reminders.handler" },
  /**
   * The export dispatcher (schedule/dispatcher.ts): runs the export schedules that are due, takes
   * over runs that stopped half-way, deletes expired exports. Every 15 minutes.
   */
  exports: { cron: "0,15,30,45 * * * *", handler: "apps/api/src/jobs/exports.handler" },
} as const;
export type JobName = keyof typeof JOBS;

/**
 * A five-field cron ("m h dom mon dow") as EventBridge Scheduler writes it: six fields with
 * a year, and "?" in one of day-of-month / day-of-week.
 */
export function awsCron(expr: string): `cron(${string})` {
  const f = expr.trim().split(/\s+/);
  if (f.length !== 5) throw new Error(`cron needs 5 fields: ${expr}`);
  const [m, h, dom, mon, dow] = f as [string, string, string, string, string];
  const dayOfWeek = dow === "*" ? "?" : dow;
  const dayOfMonth = dow !== "*" && dom === "*" ? "?" : dom;
  return `cron(${m} ${h} ${dayOfMonth} ${mon} ${dayOfWeek} *)`;
}
