import { SEED_PLAN } from "../../../packages/core/src/seed/seed-plan";

/** Today (or a day from today) in Asia/Ho_Chi_Minh, YYYY-MM-DD: the e2e server runs on the real clock. */
export const vnDay = (offsetDays = 0) =>
  new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
export const YEAR = Number(vnDay().slice(0, 4));
export const ddmmyyyy = (iso: string) => iso.split("-").reverse().join("/");
export const EVENT = vnDay(14);

/**
 * The seed plan of Quảng Nghiệp (its four offices' seven tasks) made issuable today: the same
 * text moved to this year, with the original's checker errors fixed — the cited plan dated
 * before the event, no district body ("UBND huyện", abolished on 1/7/2025) named — the event two
 * weeks ahead, and each task's deadline as given (a month ahead when not given).
 */
export function seedLikeContent(deadlines: Record<string, string>) {
  const text = JSON.stringify(SEED_PLAN).replaceAll("2023", String(YEAR));
  const c = JSON.parse(text) as typeof SEED_PLAN & {
    assignments: { tasks: { id: string; deadline?: unknown }[] }[];
    basis: { date: string }[];
    preamble: string[];
    event: { date: string };
    recipients: string[];
  };
  c.basis[0] = { ...c.basis[0], date: `${YEAR - 1}-12-30` } as (typeof c.basis)[0];
  c.preamble = c.preamble.map((p) => p.replace(`30 tháng 12 năm ${YEAR}`, `30 tháng 12 năm ${YEAR - 1}`));
  c.event = { ...c.event, date: EVENT };
  c.recipients = c.recipients.map((r) => (r === "UBND huyện Tứ Kỳ" ? "UBND thành phố Hải Phòng" : r));
  const text2 = JSON.stringify(c)
    .replaceAll(`22/6/${YEAR}`, ddmmyyyy(EVENT))
    .replaceAll("Đài Phát thanh huyện", "Đài Phát thanh thành phố");
  const fixed = JSON.parse(text2) as typeof c;
  for (const a of fixed.assignments)
    for (const t of a.tasks) t.deadline = { kind: "date", date: deadlines[t.id] ?? vnDay(30) };
  return fixed;
}
