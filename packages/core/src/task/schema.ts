import { z } from "zod";
import { isoDate, TASK_KINDS, text } from "../plan/schema";
import { OFFICE_IDS } from "../unit/offices";

/**
 * Browser-safe: the task's shape, its computed status and the update input, shared by the
 * server and the dashboard.
 */

/** What is stored: open work, finished work, or work called off. Never a time-dependent status. */
export const TASK_STATES = ["open", "done", "cancelled"] as const;
export type TaskState = (typeof TASK_STATES)[number];

/**
 * Statuses after the government's task-tracking practice (QĐ 42/2014/QĐ-TTg), computed from the
 * deadline, the completion date and today in Asia/Ho_Chi_Minh — never stored, so never stale.
 */
export const TASK_STATUSES = [
  "not_started",
  "in_progress",
  "overdue",
  "done_on_time",
  "done_late",
  "cancelled",
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  not_started: { vi: "Chưa thực hiện", en: "Not started" },
  in_progress: { vi: "Đang thực hiện trong hạn", en: "In progress, within deadline" },
  overdue: { vi: "Quá hạn", en: "Overdue" },
  done_on_time: { vi: "Hoàn thành đúng hạn", en: "Done on time" },
  done_late: { vi: "Hoàn thành quá hạn", en: "Done late" },
  cancelled: { vi: "Đã hủy", en: "Cancelled" },
};

/** The sort key of an open task with no deadline that can lapse: after every real date. */
export const NO_DUE = "9999-12-31";

/** A đề nghị (request, e.g. to MTTQ) may have no deadline and is never counted as overdue. */
export function dueKey(t: { kind: (typeof TASK_KINDS)[number]; deadline?: string | undefined }) {
  return t.kind === "giao" && t.deadline ? t.deadline : NO_DUE;
}

export function taskStatus(
  t: {
    state: TaskState;
    kind: (typeof TASK_KINDS)[number];
    deadline?: string | undefined;
    completedOn?: string | undefined;
    progress: number;
  },
  /** Today in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
  today: string,
): TaskStatus {
  if (t.state === "cancelled") return "cancelled";
  if (t.state === "done") {
    return t.kind === "giao" && t.deadline && t.completedOn && t.completedOn > t.deadline
      ? "done_late"
      : "done_on_time";
  }
  if (dueKey(t) < today) return "overdue";
  return t.progress > 0 ? "in_progress" : "not_started";
}

/** Leaders: any task of their commune. Staff: tasks their office leads or partners on. */
export function mayUpdate(
  me: { role: string; unitId?: string | undefined; officeId?: string | undefined },
  t: { communeId: string; leadOfficeId?: string | undefined; partnerOfficeIds: string[] },
) {
  if (me.unitId !== t.communeId) return false;
  if (me.role === "commune_leader") return true;
  if (me.role !== "commune_staff" || !me.officeId) return false;
  return t.leadOfficeId === me.officeId || t.partnerOfficeIds.includes(me.officeId);
}

/** A task as the API returns it. */
export const taskOut = z
  .object({
    seriesId: z.string(),
    taskId: z.string(),
    planId: z.string(),
    communeId: z.string(),
    planSubject: z.string(),
    planSymbol: z.string().optional(),
    assignmentUnit: z.string(),
    assignmentOfficeId: z.string().optional(),
    leadUnit: z.string().optional(),
    leadOfficeId: z.string().optional(),
    partnerUnits: z.array(z.string()),
    partnerOfficeIds: z.array(z.string()),
    kind: z.enum(TASK_KINDS),
    description: z.string(),
    deadline: z.string().optional(),
    /** How the plan stated the deadline when it was relative to the event: days from it. */
    deadlineDaysFromEvent: z.number().optional(),
    state: z.enum(TASK_STATES),
    status: z.enum(TASK_STATUSES),
    progress: z.number(),
    completedOn: z.string().optional(),
    lastNote: z.string().optional(),
    evidence: z.array(
      z.object({
        evidenceId: z.string(),
        name: z.string(),
        contentType: z.string(),
        size: z.number(),
        at: z.string(),
        by: z.string(),
      }),
    ),
    version: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: "Task" });
export type TaskOut = z.infer<typeof taskOut>;

export const taskUpdateInput = z
  .object({
    version: z.number({ message: "Thiếu phiên bản đã đọc / Missing the version you read" }).int().min(1),
    progress: z
      .number({ message: "Tiến độ là số từ 0 đến 100 / Progress is a number from 0 to 100" })
      .int()
      .min(0, { message: "Tiến độ từ 0 đến 100 / Progress from 0 to 100" })
      .max(100, { message: "Tiến độ từ 0 đến 100 / Progress from 0 to 100" })
      .optional(),
    /** done: finished today; open: reopened; cancelled: called off (leaders only). */
    state: z.enum(TASK_STATES).optional(),
    note: text(2000).pipe(
      z
        .string()
        .trim()
        .min(3, { message: "Ghi chú tiến độ (ít nhất 3 ký tự) / A progress note (at least 3 characters)" }),
    ),
  })
  .refine((u) => u.progress !== undefined || u.state !== undefined, {
    path: ["progress"],
    message: "Nhập tiến độ hoặc trạng thái / Give a progress or a state",
  });
export type TaskUpdateInput = z.input<typeof taskUpdateInput>;

export const TASK_VIEWS = ["open", "overdue", "done", "office"] as const;
export const boardQuery = z.object({
  view: z.enum(TASK_VIEWS).default("open"),
  officeId: z.enum(OFFICE_IDS).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type BoardQuery = z.input<typeof boardQuery>;

export const deadlineDate = isoDate;
