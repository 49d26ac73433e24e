import { issuableSeedPlan } from "../../../packages/core/src/seed/issuable";

/** Today (or a day from today) in Asia/Ho_Chi_Minh, YYYY-MM-DD: the e2e server runs on the real clock. */
export const vnDay = (offsetDays = 0) =>
  new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
export const YEAR = Number(vnDay().slice(0, 4));
export const ddmmyyyy = (iso: string) => iso.split("-").reverse().join("/");
export const EVENT = vnDay(14);

/**
 * The seed plan of Quảng Nghiệp (its four offices' seven tasks) made issuable today, as core's
 * issuableSeedPlan makes it — the event two weeks ahead, the cited plan dated 30/12 of last year,
 * no district body named — and each task's deadline as given (a month ahead when not given).
 */
export function seedLikeContent(deadlines: Record<string, string>) {
  const fixed = issuableSeedPlan(EVENT, `${YEAR - 1}-12-30`);
  for (const a of fixed.assignments)
    for (const t of a.tasks) t.deadline = { kind: "date", date: deadlines[t.id] ?? vnDay(30) };
  return fixed;
}
