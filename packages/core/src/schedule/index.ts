import { randomUUID } from "node:crypto";
import { actor } from "../actor";
import { now } from "../clock";
import { db } from "../db/entities";
import { DomainError, notFound } from "../errors";
import { requireUnit, type UnitRef } from "../exports/access";
import { rekeepUnitExports } from "../exports/index";
import { parse } from "../validate";
import {
  EXPORT_KINDS,
  type ExportKind,
  MAX_SCHEDULES_PER_UNIT,
  nextFire,
  RETENTION_DAYS,
  retentionInput,
  type ScheduleInput,
  scheduleInput,
  scheduleUpdate,
  unitKindOf,
} from "./schema";

/** The next run of a disabled schedule: after every real instant, so the dispatcher never reads it. */
export const NEVER = "9999-12-31T00:00:00.000Z";

export type ScheduleItem = {
  scheduleId: string;
  unitKind: UnitRef["unitKind"];
  unitId: string;
  kind: ExportKind;
  name?: string;
  periodRule: "next_due" | "last_due" | "run_day";
  periodKinds: string[];
  formats: string[];
  cron: string;
  enabled: boolean;
  nextRunAt: string;
  lastRunAt?: string;
  lastExportId?: string;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

export type ScheduleOut = Omit<ScheduleItem, "nextRunAt"> & { nextRunAt: string | null };

const out = (s: ScheduleItem): ScheduleOut => ({
  ...s,
  nextRunAt: s.nextRunAt === NEVER ? null : s.nextRunAt,
});

/** When a schedule runs next, from `after`: its cron's next fire in Vietnam time, or NEVER. */
export function nextRunAt(s: { cron: string; enabled: boolean }, after: Date): string {
  if (!s.enabled) return NEVER;
  return nextFire(s.cron, after)?.toISOString() ?? NEVER;
}

function checkKind(u: UnitRef, kind: ExportKind) {
  if (unitKindOf(kind) === u.unitKind) return;
  const allowed = EXPORT_KINDS.filter((k) => unitKindOf(k) === u.unitKind);
  throw new DomainError(
    400,
    "validation_failed",
    {
      vi: `Đơn vị này chỉ xuất: ${allowed.join(", ")}`,
      en: `This unit exports only: ${allowed.join(", ")}`,
    },
    {
      issues: [
        {
          path: ["kind"],
          message: { vi: `Chỉ: ${allowed.join(", ")}`, en: `Only: ${allowed.join(", ")}` },
        },
      ],
    },
  );
}

async function unitSchedules(u: UnitRef): Promise<ScheduleItem[]> {
  const res = await db()
    .exportSchedule.query.byUnit({ unitKind: u.unitKind, unitId: u.unitId })
    .go({ pages: "all", limit: MAX_SCHEDULES_PER_UNIT + 5 });
  return res.data as ScheduleItem[];
}

export async function retentionOf(u: UnitRef): Promise<number> {
  const s = (await db().exportSettings.get({ unitKind: u.unitKind, unitId: u.unitId }).go()).data;
  return s?.retentionDays ?? RETENTION_DAYS.default;
}

/** A unit's schedules and how long its exports are kept (members read, managers change). */
export async function listSchedules(u: UnitRef) {
  const access = await requireUnit(u, "read");
  const items = await unitSchedules(u);
  return {
    canManage: access === "manage",
    retentionDays: await retentionOf(u),
    items: items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(out),
  };
}

export async function createSchedule(u: UnitRef, input: ScheduleInput): Promise<ScheduleOut> {
  await requireUnit(u, "manage");
  const s = parse(scheduleInput, input);
  checkKind(u, s.kind);
  if ((await unitSchedules(u)).length >= MAX_SCHEDULES_PER_UNIT) {
    throw new DomainError(409, "too_many_schedules", {
      vi: `Mỗi đơn vị tối đa ${MAX_SCHEDULES_PER_UNIT} lịch xuất.`,
      en: `At most ${MAX_SCHEDULES_PER_UNIT} export schedules per unit.`,
    });
  }
  const at = now();
  const item: ScheduleItem = {
    scheduleId: randomUUID(),
    ...u,
    kind: s.kind,
    ...(s.name ? { name: s.name } : {}),
    periodRule: s.periodRule,
    periodKinds: s.periodKinds,
    formats: s.formats,
    cron: s.cron,
    enabled: s.enabled,
    nextRunAt: nextRunAt(s, at),
    version: 1,
    createdBy: actor().username,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  await db().exportSchedule.create(item).go();
  return out(item);
}

async function loadSchedule(u: UnitRef, scheduleId: string): Promise<ScheduleItem> {
  const s = (await db().exportSchedule.get({ scheduleId }).go({ consistent: true }))
    .data as ScheduleItem | null;
  if (!s || s.unitKind !== u.unitKind || s.unitId !== u.unitId) throw notFound("schedule");
  return s;
}

const scheduleConflict = (current: ScheduleOut) =>
  new DomainError(
    409,
    "version_conflict",
    {
      vi: "Lịch đã được người khác sửa sau khi bạn mở. Hãy xem bản mới nhất.",
      en: "The schedule was changed by someone else after you opened it. Review the latest version.",
    },
    { current },
  );

/** Change a schedule at the version read; its next run follows the new cron (or stops when off). */
export async function updateSchedule(u: UnitRef, scheduleId: string, input: unknown): Promise<ScheduleOut> {
  await requireUnit(u, "manage");
  const { version, schedule: s } = parse(scheduleUpdate, input);
  const old = await loadSchedule(u, scheduleId);
  checkKind(u, s.kind);
  if (old.version !== version) throw scheduleConflict(out(old));
  const at = now();
  const sameTiming = old.cron === s.cron && old.enabled === s.enabled;
  const next: ScheduleItem = {
    ...old,
    kind: s.kind,
    periodRule: s.periodRule,
    periodKinds: s.periodKinds,
    formats: s.formats,
    cron: s.cron,
    enabled: s.enabled,
    nextRunAt: sameTiming ? old.nextRunAt : nextRunAt(s, at),
    version: old.version + 1,
    updatedAt: at.toISOString(),
  };
  if (s.name) next.name = s.name;
  else delete next.name;
  let q = db()
    .exportSchedule.patch({ scheduleId })
    .set({
      kind: next.kind,
      periodRule: next.periodRule,
      periodKinds: next.periodKinds,
      formats: next.formats,
      cron: next.cron,
      enabled: next.enabled,
      // An unchanged timing leaves the next run to the dispatcher (a rename never moves a due run).
      ...(sameTiming ? {} : { nextRunAt: next.nextRunAt }),
      version: next.version,
      updatedAt: next.updatedAt,
      ...(next.name ? { name: next.name } : {}),
    });
  if (!next.name && old.name) q = q.remove(["name"]);
  try {
    await q.where((a, op) => op.eq(a.version, old.version)).go();
  } catch (e) {
    if (/conditional/i.test((e as Error).message))
      throw scheduleConflict(out(await loadSchedule(u, scheduleId)));
    throw e;
  }
  return out(next);
}

/** Delete a schedule; its exports stay until their retention ends. */
export async function deleteSchedule(u: UnitRef, scheduleId: string): Promise<void> {
  await requireUnit(u, "manage");
  await loadSchedule(u, scheduleId);
  await db().exportSchedule.delete({ scheduleId }).go();
}

/**
 * How many days the unit keeps its exports. Exports already made follow the new length: each
 * one's expiry moves (a unit's exports are one bounded listing).
 */
export async function setRetention(u: UnitRef, input: unknown): Promise<{ retentionDays: number }> {
  await requireUnit(u, "manage");
  const { retentionDays } = parse(retentionInput, input);
  await db()
    .exportSettings.put({
      ...u,
      retentionDays,
      updatedBy: actor().username,
      updatedAt: now().toISOString(),
    })
    .go();
  await rekeepUnitExports(u, retentionDays);
  return { retentionDays };
}
