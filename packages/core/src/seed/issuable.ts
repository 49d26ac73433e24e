import { addDays, todayInVietnam } from "../clock";
import { shortDate } from "../plan/document-text";
import { type PlanContent, planContent } from "../plan/schema";
import { SEED_PLAN } from "./seed-plan";

/**
 * The seed plan as a commune could issue it, its event on `eventDate`: the same text moved to the
 * event's year, with the original's checker errors fixed — the cited plan dated `citedOn` (30/12 of
 * the year before unless given; it must not be after the day of issue), no district body (abolished
 * on 1/7/2025) named, the text's event date the event's. Its tasks keep their deadlines as written.
 * For tests, benchmarks and demo data that issue plans: issuing checks the plan as the checker does.
 */
export function issuableSeedPlan(eventDate: string, citedOn?: string): PlanContent {
  const year = Number(eventDate.slice(0, 4));
  const cited = citedOn ?? `${year - 1}-12-30`;
  const [cy, cm, cd] = cited.split("-").map(Number) as [number, number, number];
  const text = JSON.stringify(SEED_PLAN)
    .replaceAll("30 tháng 12 năm 2023", `${cd} tháng ${cm} năm ${cy}`)
    .replaceAll("22/6/2023", shortDate(eventDate))
    .replaceAll("2023", String(year))
    .replaceAll("UBND huyện Tứ Kỳ", "UBND thành phố Hải Phòng")
    .replaceAll("Đài Phát thanh huyện", "Đài Phát thanh thành phố");
  const c = planContent.parse(JSON.parse(text));
  c.basis = c.basis.map((b, i) => (i === 0 ? { ...b, date: cited } : b));
  if (c.event) c.event = { ...c.event, date: eventDate };
  return c;
}

/** The seed plan issuable today (by the clock): its event a month ahead, the plan it cites three weeks old. */
export function issuableSeedPlanToday(): PlanContent {
  const today = todayInVietnam();
  return issuableSeedPlan(addDays(today, 30), addDays(today, -21));
}
