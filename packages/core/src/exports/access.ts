import { type Actor, actor } from "../actor";
import { db } from "../db/entities";
import { forbidden, notFound } from "../errors";
import type { UnitKind } from "../schedule/schema";

/** The unit an export or a schedule belongs to: a commune, or an oversight scope. */
export type UnitRef = { unitKind: UnitKind; unitId: string };

/**
 * What the caller may do with a unit's exports and schedules: `manage` (schedules, retention,
 * export now), `export` (export now and download), `read` (see and download), or nothing —
 * then the unit is "not found", as for anyone outside it.
 * Commune: its leaders manage, its staff export; scope: its overseeing body manages.
 */
export type UnitAccess = "manage" | "export";

export async function unitAccess(u: UnitRef): Promise<UnitAccess | null> {
  const a = actor();
  if (u.unitKind === "commune") {
    if (a.unitId !== u.unitId) return null;
    if (a.role === "commune_leader") return "manage";
    if (a.role === "commune_staff") return "export";
    return null;
  }
  if (a.role !== "overseer" || !a.unitId) return null;
  const scope = (await db().scope.get({ scopeId: u.unitId }).go()).data;
  return scope && scope.overseerUnitId === a.unitId ? "manage" : null;
}

/** The caller's access to the unit, or 404 (outsiders learn nothing, not even that it exists). */
export async function requireUnit(u: UnitRef, need: "read" | "export" | "manage"): Promise<UnitAccess> {
  const access = await unitAccess(u);
  if (!access) throw notFound("unit");
  if (need === "manage" && access !== "manage") {
    throw forbidden(
      u.unitKind === "commune"
        ? "Chỉ lãnh đạo UBND xã được đặt lịch xuất dữ liệu."
        : "Chỉ cơ quan theo dõi phạm vi này được đặt lịch xuất dữ liệu.",
      u.unitKind === "commune"
        ? "Only a commune leader may manage export schedules."
        : "Only the scope's overseeing body may manage its export schedules.",
    );
  }
  return access;
}

/**
 * Who an export of the unit runs as: exactly the unit's own reach, never more. A commune's runs
 * read and draft in that commune; a scope's read the communes the scope lists.
 */
export async function unitActor(u: UnitRef): Promise<Actor> {
  const base = { username: "system", displayName: "Hệ thống (xuất dữ liệu)" };
  if (u.unitKind === "commune") {
    return { ...base, role: "commune_leader", unitId: u.unitId, communeIds: [u.unitId] };
  }
  const scope = (await db().scope.get({ scopeId: u.unitId }).go()).data;
  if (!scope) throw notFound("scope");
  return { ...base, role: "overseer", unitId: scope.overseerUnitId, communeIds: [...scope.unitIds] };
}
