import { db } from "../db/entities";
import type { PlanContent } from "../plan/schema";
import { type Op, rawUpdate, type SummaryDelta } from "../write";
import { period, reportPeriodOf } from "./period";

/** The key of the (commune, period) report marker. */
export function markerKey(communeId: string, periodKey: string) {
  return db().periodReport.get({ communeId, period: periodKey }).params().Key as Record<string, unknown>;
}

/**
 * What issuing a document adds for the overseer's board: the first issued report of a (commune,
 * period) is the submission — on time when issued by the period's due date, else late. Later ones
 * (an amendment, a second report) count nothing. The marker write claims the count in the issuing
 * transaction, on condition that nothing has claimed it yet: of two racing issues, one counts and
 * the other, retried, finds it counted.
 */
export async function submissionOnIssue(
  item: { communeId: string; planId: string; content: PlanContent },
  issueDate: string,
  at: string,
): Promise<{ op: Op; reports: NonNullable<SummaryDelta["reports"]> } | null> {
  const key = reportPeriodOf(item.content);
  if (!key) return null;
  const marker = (
    await db().periodReport.get({ communeId: item.communeId, period: key }).go({ consistent: true })
  ).data;
  if (marker?.countedPlanId) return null;
  const when = issueDate <= period(key).due ? "on_time" : "late";
  const op = rawUpdate(
    markerKey(item.communeId, key),
    {
      set: [
        "#e = :e",
        "#v = :v",
        "#c = :c",
        "#per = :per",
        "#pl = if_not_exists(#pl, :pl)",
        "#ca = if_not_exists(#ca, :at)",
        "#cp = :pl",
        "#cs = :cs",
        "#co = :co",
      ],
    },
    {
      "#e": "__edb_e__",
      "#v": "__edb_v__",
      "#c": "communeId",
      "#per": "period",
      "#pl": "planId",
      "#ca": "createdAt",
      "#cp": "countedPlanId",
      "#cs": "countedAs",
      "#co": "countedOn",
    },
    {
      ":e": "periodReport",
      ":v": "1",
      ":c": item.communeId,
      ":per": key,
      ":pl": item.planId,
      ":at": at,
      ":cs": when,
      ":co": issueDate,
    },
    "attribute_not_exists(#cp)",
  );
  return { op, reports: { [key]: when } };
}
