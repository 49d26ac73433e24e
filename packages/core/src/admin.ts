import { randomUUID } from "node:crypto";
import { z } from "zod";
import { actor } from "./actor";
import { endSessions, getUser, refreshGrants, upsertUser, userInput } from "./auth";
import { clearThrottle, recentThrottles, type ThrottleKind } from "./auth/throttle";
import { communesUnder, putScopeHeader, refreshCommune, withPredecessors } from "./board/membership";
import { db } from "./db/entities";
import { acrossShards } from "./db/shard";
import { DomainError, forbidden, notFound } from "./errors";
import { isoDate, requiredText, text } from "./plan/schema";
import { unitId, unitIdList } from "./unit/schema";
import { parse } from "./validate";

function requireAdmin() {
  if (actor().role !== "admin") throw forbidden("Chỉ quản trị viên.", "Admins only.");
}

export const scopeInput = z.object({
  scopeId: z
    .string()
    .max(64, { message: "Mã phạm vi tối đa 64 ký tự / A scope id has at most 64 characters" })
    .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, {
      message: "Mã phạm vi gồm 2–64 ký tự a-z, 0-9, '-' / Scope id: 2–64 of a-z, 0-9, '-'",
    }),
  overseerUnitId: unitId,
  name: requiredText(200),
  unitIds: unitIdList(500).refine((ids) => ids.length > 0, {
    message: "Chọn ít nhất một xã / Choose at least one commune",
  }),
  validFrom: isoDate,
  validTo: isoDate.optional(),
});

/** The units named, all of which must exist and (if `kinds` is given) be of those levels. */
async function requireUnits(ids: string[], path: (string | number)[], kinds?: readonly string[]) {
  const found = await db()
    .unit.get(ids.map((unitId) => ({ unitId })))
    .go();
  const byId = new Map(found.data.map((u) => [u.unitId, u]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) {
    throw new DomainError(
      400,
      "unknown_unit",
      { vi: `Không có đơn vị: ${missing.join(", ")}`, en: `Unknown unit(s): ${missing.join(", ")}` },
      { issues: [{ path, message: { vi: "Đơn vị không tồn tại", en: "Unknown unit" } }] },
    );
  }
  const wrong = kinds ? ids.filter((id) => !kinds.includes(byId.get(id)?.kind ?? "")) : [];
  if (wrong.length) {
    const vi = `Đơn vị không đúng cấp: ${wrong.join(", ")}`;
    const en = `Unit(s) of the wrong level: ${wrong.join(", ")}`;
    throw new DomainError(400, "wrong_unit_level", { vi, en }, { issues: [{ path, message: { vi, en } }] });
  }
}

function requireOrder(from: string, to: string | undefined) {
  if (to && to < from) {
    const vi = "Ngày hết hiệu lực trước ngày bắt đầu.";
    const en = "Valid-to is before valid-from.";
    throw new DomainError(
      400,
      "validation_failed",
      { vi, en },
      { issues: [{ path: ["validTo"], message: { vi, en } }] },
    );
  }
}

export async function putScope(input: unknown) {
  requireAdmin();
  const s = parse(scopeInput, input);
  requireOrder(s.validFrom, s.validTo);
  await requireUnits([s.overseerUnitId], ["overseerUnitId"], ["province", "district"]);
  await requireUnits(s.unitIds, ["unitIds"], ["commune"]);
  const before = (await db().scope.get({ scopeId: s.scopeId }).go({ consistent: true })).data;
  if (before && before.overseerUnitId !== s.overseerUnitId) {
    const vi = "Phạm vi đã thuộc một cơ quan khác; tạo phạm vi mới.";
    const en = "The scope belongs to another overseeing body; create a new scope.";
    throw new DomainError(
      409,
      "scope_owner_changed",
      { vi, en },
      { issues: [{ path: ["overseerUnitId"], message: { vi, en } }] },
    );
  }
  await db()
    .scope.put({ ...s, ...(s.validTo ? { validTo: s.validTo } : {}) })
    .go();
  // Board rows follow the scope: communes that leave take their figures out, those that join bring theirs.
  const old = new Set(before?.unitIds ?? []);
  const now = new Set(s.unitIds);
  for (const c of [...old].filter((id) => !now.has(id))) await moveScope(c, { remove: s.scopeId });
  for (const c of [...now].filter((id) => !old.has(id))) await moveScope(c, { add: s.scopeId });
  await putScopeHeader(s);
  await refreshGrants(s.overseerUnitId);
  return s;
}

export async function listScopes() {
  requireAdmin();
  const data = await acrossShards(
    async (shard) => (await db().scope.query.all({ shard }).go({ pages: "all" })).data,
  );
  return data
    .sort((a, b) => a.scopeId.localeCompare(b.scopeId))
    .map((s) => ({
      scopeId: s.scopeId,
      overseerUnitId: s.overseerUnitId,
      name: s.name,
      unitIds: s.unitIds,
      validFrom: s.validFrom,
      ...(s.validTo ? { validTo: s.validTo } : {}),
    }));
}

export async function listUsers() {
  requireAdmin();
  const data = await acrossShards(
    async (shard) => (await db().user.query.all({ shard }).go({ pages: "all" })).data,
  );
  return data
    .sort((a, b) => a.username.localeCompare(b.username))
    .map((u) => ({
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      ...(u.unitId ? { unitId: u.unitId } : {}),
      ...(u.officeId ? { officeId: u.officeId } : {}),
      disabled: u.disabled ?? false,
      createdAt: u.createdAt,
    }));
}

export async function createUser(input: unknown) {
  requireAdmin();
  const u = parse(userInput, input);
  // Staff and leaders belong to a commune; overseers to the district or province they serve.
  const levels =
    u.role === "overseer" ? ["province", "district"] : u.role === "admin" ? undefined : ["commune"];
  if (u.unitId) await requireUnits([u.unitId], ["unitId"], levels);
  await upsertUser(u);
  return { username: u.username };
}

/**
 * Disable an account (someone left the office: every session ends now and sign-in is refused)
 * or enable it again. An admin cannot disable their own account, so one always remains.
 */
export async function setUserDisabled(username: string, disabled: boolean) {
  requireAdmin();
  if (disabled && username === actor().username) {
    throw new DomainError(409, "cannot_disable_self", {
      vi: "Bạn không thể tự vô hiệu hóa tài khoản của mình.",
      en: "You cannot disable your own account.",
    });
  }
  if (!(await getUser(username))) throw notFound("account");
  await db().user.patch({ username }).set({ disabled }).go();
  if (disabled) await endSessions(username);
  return { username, disabled };
}

/** Sign-in counters of the last window, for the admin to see who is being slowed down. */
export async function listThrottles() {
  requireAdmin();
  return recentThrottles();
}

/** Lift one sign-in delay (e.g. a colleague locked out after mistyping, or a shared office address). */
export async function liftThrottle(kind: ThrottleKind, subject: string) {
  requireAdmin();
  if (!(await clearThrottle({ kind, subject }))) {
    throw new DomainError(404, "not_found", {
      vi: "Không còn giới hạn đăng nhập này.",
      en: "There is no such sign-in delay any more.",
    });
  }
}

export const lineageInput = z.object({
  kind: z.enum(["merge", "split", "rename"]),
  fromUnitIds: unitIdList(50).refine((ids) => ids.length > 0, {
    message: "Chọn ít nhất một đơn vị / Choose at least one unit",
  }),
  toUnitIds: unitIdList(50).refine((ids) => ids.length > 0, {
    message: "Chọn ít nhất một đơn vị / Choose at least one unit",
  }),
  date: isoDate,
  legalBasis: text(300).optional(),
});

/** A commune joins or leaves a scope; the communes merged into it follow. */
async function moveScope(communeId: string, change: { add?: string; remove?: string }) {
  for (const id of await withPredecessors(communeId)) {
    await refreshCommune(id, id === communeId ? change : {});
  }
}

/** Record a merge / split / rename so plans of old units still roll up to their successors. */
export async function recordLineage(input: unknown) {
  requireAdmin();
  const l = parse(lineageInput, input);
  const counts = { merge: [2, 1, "≥ 2 → 1"], split: [1, 2, "1 → ≥ 2"], rename: [1, 1, "1 → 1"] } as const;
  const [minFrom, minTo, shape] = counts[l.kind];
  const exact =
    l.kind === "rename" || (l.kind === "merge" ? l.toUnitIds.length === 1 : l.fromUnitIds.length === 1);
  if (l.fromUnitIds.length < minFrom || l.toUnitIds.length < minTo || !exact) {
    const vi = `Số đơn vị không hợp với loại sự kiện (${shape}).`;
    const en = `The number of units does not fit a ${l.kind} (${shape}).`;
    throw new DomainError(
      400,
      "validation_failed",
      { vi, en },
      { issues: [{ path: ["toUnitIds"], message: { vi, en } }] },
    );
  }
  await requireUnits(l.fromUnitIds, ["fromUnitIds"]);
  await requireUnits(l.toUnitIds, ["toUnitIds"]);
  const eventId = randomUUID();
  await db()
    .lineage.create({ eventId, ...l })
    .go();
  // The past of every unit it ends counts under the (first) new unit from now on.
  const [successor] = l.toUnitIds as [string, ...string[]];
  for (const from of l.fromUnitIds) {
    if (from === successor) continue;
    const before = (await db().unit.get({ unitId: from }).go({ consistent: true })).data?.successorId;
    if (before && before !== successor) {
      // A later event moves the unit's past to a new successor: the former one lets go of it.
      const prev = (await db().unit.get({ unitId: before }).go({ consistent: true })).data;
      const kept = (prev?.predecessorIds ?? []).filter((id) => id !== from);
      if (prev) await db().unit.patch({ unitId: before }).set({ predecessorIds: kept }).go();
    }
    await db().unit.patch({ unitId: from }).set({ successorId: successor }).go();
  }
  const target = (await db().unit.get({ unitId: successor }).go({ consistent: true })).data;
  const preds = [
    ...new Set([...(target?.predecessorIds ?? []), ...l.fromUnitIds.filter((f) => f !== successor)]),
  ];
  await db().unit.patch({ unitId: successor }).set({ predecessorIds: preds }).go();
  const communes =
    target?.kind === "commune"
      ? [successor]
      : (await Promise.all(l.fromUnitIds.map((f) => communesUnder(f)))).flat();
  for (const c of communes) for (const id of await withPredecessors(c)) await refreshCommune(id);
  return { eventId, ...l };
}

export async function listLineage() {
  requireAdmin();
  const data = await acrossShards(
    async (shard) => (await db().lineage.query.all({ shard }).go({ pages: "all" })).data,
  );
  return data
    .sort((a, b) => a.date.localeCompare(b.date) || a.eventId.localeCompare(b.eventId))
    .map(({ eventId, kind, fromUnitIds, toUnitIds, date, legalBasis }) => ({
      eventId,
      kind,
      fromUnitIds,
      toUnitIds,
      date,
      ...(legalBasis ? { legalBasis } : {}),
    }));
}
