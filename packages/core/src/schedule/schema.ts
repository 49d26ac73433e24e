import { Cron } from "croner";
import { z } from "zod";
import { text } from "../plan/schema";
import { PERIOD_KINDS, periodKey } from "../report/period";
import { TIMEZONE } from "./jobs";

/**
 * Browser-safe: what an export and an export schedule are made of, shared by the server, the
 * client and the dashboard's forms.
 */

/** `report`: a commune's periodic report (DOCX) and its data annex (XLSX). `rollup`: an overseer
 * scope's roll-up of every commune. `tasks`: a commune's task list. */
export const EXPORT_KINDS = ["report", "rollup", "tasks"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A schedule belongs to a commune (report, tasks) or to an oversight scope (rollup). */
export const UNIT_KINDS = ["commune", "scope"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const unitKindOf = (kind: ExportKind): UnitKind => (kind === "rollup" ? "scope" : "commune");

export const EXPORT_FORMATS = ["docx", "xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats each kind produces (a report: its document and its annex; tables: sheets and CSV). */
export const FORMATS_OF: Record<ExportKind, readonly ExportFormat[]> = {
  report: ["docx", "xlsx"],
  rollup: ["xlsx", "csv"],
  tasks: ["xlsx", "csv"],
};

/**
 * Which period a run exports, judged on the day it was due to run (in Vietnam):
 * `next_due` the period whose report is due next (on or after that day), `last_due` the last one
 * whose due date has passed, `run_day` that day itself (a snapshot per run: daily, weekly), the
 * report period then being the one due next. A run happens once per schedule and period.
 */
export const PERIOD_RULES = ["next_due", "last_due", "run_day"] as const;
export type PeriodRule = (typeof PERIOD_RULES)[number];

export const EXPORT_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const CRON_PRESETS = [
  {
    id: "period_end",
    cron: "0 7 15 3,6,9,12 *",
    label: { vi: "Ngày 15 tháng cuối kỳ, 07:00", en: "The 15th of each period's last month, 07:00" },
  },
  { id: "weekly", cron: "0 7 * * 1", label: { vi: "Hằng tuần thứ Hai 07:00", en: "Every Monday, 07:00" } },
  { id: "daily", cron: "0 6 * * *", label: { vi: "Hằng ngày 06:00", en: "Every day, 06:00" } },
] as const;

export const RETENTION_DAYS = { default: 90, min: 1, max: 3650 } as const;
/** A unit keeps at most this many schedules (its list is one bounded read). */
export const MAX_SCHEDULES_PER_UNIT = 20;

/** The next time a cron expression fires after `after`, in Vietnam time; null when it never does. */
export function nextFire(cron: string, after: Date): Date | null {
  return new Cron(cron, { timezone: TIMEZONE, paused: true }).nextRun(after);
}

/** Why a cron expression is refused, or null: five fields, valid for croner, firing within two years. */
export function cronProblem(expr: string, from = new Date()): { vi: string; en: string } | null {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) {
    return {
      vi: "Biểu thức cron cần đúng 5 trường: phút giờ ngày tháng thứ (ví dụ 0 7 15 6 *)",
      en: "A cron expression has exactly 5 fields: minute hour day month weekday (e.g. 0 7 15 6 *)",
    };
  }
  let next: Date | null;
  try {
    next = nextFire(expr, from);
  } catch (e) {
    return {
      vi: `Biểu thức cron không hợp lệ: ${(e as Error).message}`,
      en: `Invalid cron expression: ${(e as Error).message}`,
    };
  }
  if (!next || next.getTime() - from.getTime() > 2 * 366 * 86_400_000) {
    return { vi: "Lịch này không bao giờ chạy", en: "This schedule never runs" };
  }
  return null;
}

const unique = <T>(xs: readonly T[]) => new Set(xs).size === xs.length;

export const scheduleInput = z
  .object({
    kind: z.enum(EXPORT_KINDS),
    name: text(120).optional(),
    periodRule: z.enum(PERIOD_RULES),
    /** Which periods a report-period rule considers (e.g. only the 6-month report: ["H1"]). */
    periodKinds: z
      .array(z.enum(PERIOD_KINDS))
      .min(1, { message: "Chọn ít nhất một kỳ / Choose at least one period" })
      .max(PERIOD_KINDS.length)
      .refine(unique, { message: "Kỳ bị lặp / A period is repeated" })
      .default([...PERIOD_KINDS]),
    formats: z
      .array(z.enum(EXPORT_FORMATS))
      .min(1, { message: "Chọn ít nhất một định dạng / Choose at least one format" })
      .max(EXPORT_FORMATS.length)
      .refine(unique, { message: "Định dạng bị lặp / A format is repeated" }),
    cron: z
      .string({ message: "Nhập lịch chạy (cron) / Enter when it runs (cron)" })
      .trim()
      .max(100, { message: "Tối đa 100 ký tự / At most 100 characters" }),
    enabled: z.boolean().default(true),
  })
  .strict()
  .superRefine((s, ctx) => {
    const problem = cronProblem(s.cron);
    if (problem) ctx.addIssue({ code: "custom", path: ["cron"], message: `${problem.vi} / ${problem.en}` });
    s.formats.forEach((f, i) => {
      if (!FORMATS_OF[s.kind].includes(f)) {
        ctx.addIssue({
          code: "custom",
          path: ["formats", i],
          message: `Loại xuất này không có định dạng ${f} (chỉ ${FORMATS_OF[s.kind].join(", ")}) / This export has no ${f} format (only ${FORMATS_OF[s.kind].join(", ")})`,
        });
      }
    });
  });
export type ScheduleInput = z.input<typeof scheduleInput>;

/** An update names the version it read (another leader may have changed the schedule meanwhile). */
export const scheduleUpdate = z.object({
  version: z.number({ message: "Thiếu phiên bản đã đọc / Missing the version you read" }).int().min(1),
  schedule: scheduleInput,
});

export const retentionInput = z
  .object({
    retentionDays: z
      .number({ message: "Số ngày lưu là số nguyên / Days kept is a whole number" })
      .int({ message: "Số ngày lưu là số nguyên / Days kept is a whole number" })
      .min(RETENTION_DAYS.min, { message: `Tối thiểu ${RETENTION_DAYS.min} ngày / At least 1 day` })
      .max(RETENTION_DAYS.max, { message: `Tối đa ${RETENTION_DAYS.max} ngày / At most 3650 days` }),
  })
  .strict();

/** "Xuất ngay": one export of a kind, for a period (default: the period due next). */
export const exportNowInput = z
  .object({
    kind: z.enum(EXPORT_KINDS),
    periodKey: periodKey.optional(),
    formats: z.array(z.enum(EXPORT_FORMATS)).min(1).max(EXPORT_FORMATS.length).refine(unique).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    (s.formats ?? []).forEach((f, i) => {
      if (!FORMATS_OF[s.kind].includes(f)) {
        ctx.addIssue({
          code: "custom",
          path: ["formats", i],
          message: `Loại xuất này không có định dạng ${f} / This export has no ${f} format`,
        });
      }
    });
  });
export type ExportNowInput = z.input<typeof exportNowInput>;

export const KIND_LABELS: Record<ExportKind, { vi: string; en: string }> = {
  report: { vi: "Báo cáo định kỳ và phụ lục số liệu", en: "Periodic report and data annex" },
  rollup: { vi: "Tổng hợp các xã trong phạm vi", en: "Roll-up of the scope's communes" },
  tasks: { vi: "Danh sách nhiệm vụ của xã", en: "The commune's task list" },
};
