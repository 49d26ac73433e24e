import { JOBS, type JobName, TIMEZONE } from "@kehoach/core/schedule/jobs";
import { Cron } from "croner";
import { handler as reminders } from "../jobs/reminders";

const RUN: Record<JobName, () => Promise<unknown>> = {
  reminders,
  // Loaded on its first run: the renderers it brings (exceljs, docx) are not needed to start.
  exports: async () => (await import("../jobs/exports")).handler(),
};

/** The jobs of infra/jobs.ts, on the same expressions, inside the local process. */
export function startScheduler() {
  const crons = (Object.keys(JOBS) as JobName[]).map(
    (name) =>
      new Cron(JOBS[name].cron, { timezone: TIMEZONE, protect: true, name }, async () => {
        try {
          await RUN[name]();
        } catch (e) {
          console.error(JSON.stringify({ level: "error", job: name, err: String(e) }));
        }
      }),
  );
  return {
    stop: () => {
      for (const c of crons) c.stop();
    },
    jobs: crons,
  };
}

/** Run every job once now (at start: a laptop that was off at 06:30 still gets today's reminders). */
export async function runJobsNow() {
  for (const name of Object.keys(JOBS) as JobName[]) await RUN[name]();
}
