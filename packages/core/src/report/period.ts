import { z } from "zod";

/**
 * Periodic reporting periods (DOMAIN.md "Periodic reports"): quarter I, the first half, quarter
 * III and the year. Each has a data window ending on the 14th and is due by the 20th of its last
 * month. Keys: "2026-Q1", "2026-H1", "2026-Q3", "2026".
 */
export const PERIOD_KINDS = ["Q1", "H1", "Q3", "Y"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const periodKey = z.string().regex(/^(19|20)\d\d(-(Q1|H1|Q3))?$/, {
  message: "Kỳ báo cáo dạng 2026-Q1, 2026-H1, 2026-Q3 hoặc 2026 / Period: 2026-Q1, 2026-H1, 2026-Q3 or 2026",
});

/** Periodic reports are administrative-reform (CCHC) reports; a conference's BC is not one. */
export const REPORT_CATEGORY = "CCHC";

/** The reporting period of a document that is a commune's periodic report (a BC of CCHC for a period), else undefined. */
export function reportPeriodOf(content: {
  type?: string;
  category?: string | undefined;
  period?: string | undefined;
}) {
  if (content.type !== "BC" || content.category !== REPORT_CATEGORY || !content.period) return undefined;
  return periodKey.safeParse(content.period).success ? content.period : undefined;
}

export type Period = {
  key: string;
  kind: PeriodKind;
  year: number;
  /** First and last day of the data window (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  /** The last day a report counts as on time. */
  due: string;
  label: { vi: string; en: string };
};

const pad = (n: number) => String(n).padStart(2, "0");

export function period(key: string): Period {
  const m = /^(\d{4})(?:-(Q1|H1|Q3))?$/.exec(key);
  if (!m) throw new Error(`not a period key: ${key}`);
  const year = Number(m[1]);
  const kind = (m[2] ?? "Y") as PeriodKind;
  const prevDec = `${year - 1}-12-15`;
  const shape = {
    Q1: { from: prevDec, endMonth: 3, vi: `Quý I năm ${year}`, en: `Q1 ${year}` },
    H1: { from: prevDec, endMonth: 6, vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` },
    Q3: { from: `${year}-06-15`, endMonth: 9, vi: `Quý III năm ${year}`, en: `Q3 ${year}` },
    Y: { from: prevDec, endMonth: 12, vi: `Năm ${year}`, en: `Year ${year}` },
  }[kind];
  return {
    key: kind === "Y" ? String(year) : `${year}-${kind}`,
    kind,
    year,
    from: shape.from,
    to: `${year}-${pad(shape.endMonth)}-14`,
    due: `${year}-${pad(shape.endMonth)}-20`,
    label: { vi: shape.vi, en: shape.en },
  };
}

/** Every period of a year, in due-date order. */
export function periodsOf(year: number): Period[] {
  return [`${year}-Q1`, `${year}-H1`, `${year}-Q3`, String(year)].map(period);
}

/**
 * The periods a board shows on `today`: the last one whose due date has passed (a report is then
 * on time, late or missing) and the next one due (submitted already, or not yet due).
 */
export function boardPeriods(today: string): { previous: Period; next: Period } {
  const year = Number(today.slice(0, 4));
  const all = [...periodsOf(year - 1), ...periodsOf(year), ...periodsOf(year + 1)];
  const nextIdx = all.findIndex((p) => p.due >= today);
  return { previous: all[nextIdx - 1] as Period, next: all[nextIdx] as Period };
}

/** The periods whose due date falls in the last `count` periods up to `today` (for charts). */
export function recentPeriods(today: string, count: number): Period[] {
  const year = Number(today.slice(0, 4));
  const all = [...periodsOf(year - 2), ...periodsOf(year - 1), ...periodsOf(year)].filter(
    (p) => p.due < today,
  );
  return all.slice(-count);
}
