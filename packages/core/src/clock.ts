/** The one clock. Tests and jobs inject a fixed instant; everything else asks here. */
let override: (() => Date) | undefined;

export function now(): Date {
  return override ? override() : new Date();
}

export function setClock(fn: (() => Date) | undefined) {
  override = fn;
}

/** Today's calendar date in Asia/Ho_Chi_Minh (UTC+7, no DST), as YYYY-MM-DD. */
export function todayInVietnam(at: Date = now()): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** A calendar date (YYYY-MM-DD) moved by whole days. */
export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
