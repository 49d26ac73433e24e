import { randomUUID } from "node:crypto";
import { z } from "zod";
import { actor } from "./actor";
import { upsertUser, userInput } from "./auth";
import { db } from "./db/entities";
import { DomainError, forbidden } from "./errors";
import { isoDate } from "./plan/schema";
import { parse } from "./validate";

function requireAdmin() {
  if (actor().role !== "admin") throw forbidden("Chỉ quản trị viên.", "Admins only.");
}

export const scopeInput = z.object({
  scopeId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: "Mã phạm vi: a-z, 0-9, '-' / Scope id: a-z, 0-9, '-'" }),
  overseerUnitId: z.string().min(1, { message: "Chọn đơn vị theo dõi / Choose the overseeing unit" }),
  name: z.string().trim().min(1, { message: "Nhập tên phạm vi / Enter a name" }).max(200),
  unitIds: z
    .array(z.string().min(1))
    .min(1, { message: "Chọn ít nhất một xã / Choose at least one commune" })
    .max(500),
  validFrom: isoDate,
  validTo: isoDate.optional(),
});

async function requireUnits(ids: string[], path: (string | number)[]) {
  const found = await db()
    .unit.get(ids.map((unitId) => ({ unitId })))
    .go();
  const known = new Set(found.data.map((u) => u.unitId));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) {
    throw new DomainError(
      400,
      "unknown_unit",
      { vi: `Không có đơn vị: ${missing.join(", ")}`, en: `Unknown unit(s): ${missing.join(", ")}` },
      { issues: [{ path, message: { vi: "Đơn vị không tồn tại", en: "Unknown unit" } }] },
    );
  }
}

export async function putScope(input: unknown) {
  requireAdmin();
  const s = parse(scopeInput, input);
  await requireUnits([s.overseerUnitId], ["overseerUnitId"]);
  await requireUnits(s.unitIds, ["unitIds"]);
  await db()
    .scope.put({ ...s, ...(s.validTo ? { validTo: s.validTo } : {}) })
    .go();
  return s;
}

export async function listScopes() {
  requireAdmin();
  const res = await db().scope.query.all({}).go({ pages: "all" });
  return res.data.map((s) => ({
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
  const res = await db().user.query.all({}).go({ pages: "all" });
  return res.data.map((u) => ({
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    ...(u.unitId ? { unitId: u.unitId } : {}),
    disabled: u.disabled ?? false,
    createdAt: u.createdAt,
  }));
}

export async function createUser(input: unknown) {
  requireAdmin();
  const u = parse(userInput, input);
  if (u.unitId) await requireUnits([u.unitId], ["unitId"]);
  await upsertUser(u);
  return { username: u.username };
}

export const lineageInput = z.object({
  kind: z.enum(["merge", "split", "rename"]),
  fromUnitIds: z.array(z.string().min(1)).min(1),
  toUnitIds: z.array(z.string().min(1)).min(1),
  date: isoDate,
  legalBasis: z.string().max(300).optional(),
});

/** Record a merge / split / rename so plans of old units still roll up to their successors. */
export async function recordLineage(input: unknown) {
  requireAdmin();
  const l = parse(lineageInput, input);
  await requireUnits([...l.fromUnitIds, ...l.toUnitIds], ["fromUnitIds"]);
  const eventId = randomUUID();
  await db()
    .lineage.create({ eventId, ...l })
    .go();
  return { eventId, ...l };
}

export async function listLineage() {
  requireAdmin();
  const res = await db().lineage.query.all({}).go({ pages: "all" });
  return res.data.map(({ eventId, kind, fromUnitIds, toUnitIds, date, legalBasis }) => ({
    eventId,
    kind,
    fromUnitIds,
    toUnitIds,
    date,
    ...(legalBasis ? { legalBasis } : {}),
  }));
}
