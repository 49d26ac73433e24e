import { actor } from "../actor";
import { communesUnder, refreshCommune, withPredecessors } from "../board/membership";
import { db } from "../db/entities";
import { acrossShards } from "../db/shard";
import { DomainError, forbidden } from "../errors";
import { parse } from "../validate";
import { type Unit, unitInput } from "./schema";

function toUnit(u: {
  unitId: string;
  kind: Unit["kind"];
  name: string;
  shortName: string;
  officialCode?: string;
  parentId: string;
  validFrom: string;
  validTo?: string;
}): Unit {
  return {
    id: u.unitId,
    kind: u.kind,
    name: u.name,
    shortName: u.shortName,
    ...(u.officialCode ? { officialCode: u.officialCode } : {}),
    ...(u.parentId !== "-" ? { parentId: u.parentId } : {}),
    validFrom: u.validFrom,
    ...(u.validTo ? { validTo: u.validTo } : {}),
  };
}

/** Units by id; unknown ids are left out. */
export async function unitsById(ids: string[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  const res = await db()
    .unit.get(ids.map((unitId) => ({ unitId })))
    .go();
  return res.data.map(toUnit).sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/** The communes the caller may read, with their names (for pickers and headers). */
export async function communesInScope(): Promise<Unit[]> {
  return unitsById(actor().communeIds);
}

/** Every unit (admin only): one query per index shard — no Scan, no partition with the whole country. */
export async function allUnits(): Promise<Unit[]> {
  if (actor().role !== "admin") throw forbidden("Chỉ quản trị viên.", "Admins only.");
  const data = await acrossShards(
    async (shard) => (await db().unit.query.all({ shard }).go({ pages: "all" })).data,
  );
  return data.sort((a, b) => a.kind.localeCompare(b.kind) || a.unitId.localeCompare(b.unitId)).map(toUnit);
}

const KIND_VI = { province: "tỉnh/thành phố", district: "huyện", commune: "xã" } as const;

function invalid(path: string, vi: string, en: string) {
  return new DomainError(
    400,
    "validation_failed",
    { vi, en },
    { issues: [{ path: [path], message: { vi, en } }] },
  );
}

/**
 * Create or replace a unit (admin, and the local seed). The parent must exist and sit one
 * level up (a commune may hang directly under a province after the 2025 reform), and no unit
 * may end up under itself.
 */
export async function putUnit(input: unknown): Promise<Unit> {
  if (actor().role !== "admin") throw forbidden("Chỉ quản trị viên.", "Admins only.");
  const u = parse(unitInput, input);
  if (u.validTo && u.validTo < u.validFrom) {
    throw invalid("validTo", "Ngày hết hiệu lực trước ngày bắt đầu.", "Valid-to is before valid-from.");
  }
  if (u.kind === "province" && u.parentId) {
    throw invalid("parentId", "Tỉnh/thành phố không có đơn vị cấp trên.", "A province has no parent unit.");
  }
  if (u.kind !== "province" && !u.parentId) {
    throw invalid("parentId", "Chọn đơn vị cấp trên.", "Choose the parent unit.");
  }
  if (u.parentId) {
    const allowed: Record<string, readonly string[]> = {
      district: ["province"],
      commune: ["district", "province"],
    };
    let cursor: string | undefined = u.parentId;
    let first = true;
    for (let depth = 0; cursor && depth < 10; depth++) {
      if (cursor === u.id)
        throw invalid("parentId", "Đơn vị không thể nằm dưới chính nó.", "A unit cannot sit under itself.");
      const parent: { kind: Unit["kind"]; parentId: string } | null = (
        await db().unit.get({ unitId: cursor }).go()
      ).data;
      if (!parent)
        throw invalid("parentId", "Đơn vị cấp trên không tồn tại.", "The parent unit does not exist.");
      if (first && !allowed[u.kind]?.includes(parent.kind)) {
        throw invalid(
          "parentId",
          `Một ${KIND_VI[u.kind]} không thể trực thuộc một ${KIND_VI[parent.kind]}.`,
          `A ${u.kind} cannot belong to a ${parent.kind}.`,
        );
      }
      first = false;
      cursor = parent.parentId !== "-" ? parent.parentId : undefined;
    }
  }
  const existing = (await db().unit.get({ unitId: u.id }).go({ consistent: true })).data;
  await db()
    .unit.put({
      ...(existing?.successorId ? { successorId: existing.successorId } : {}),
      ...(existing?.predecessorIds ? { predecessorIds: existing.predecessorIds } : {}),
      unitId: u.id,
      kind: u.kind,
      name: u.name,
      shortName: u.shortName,
      ...(u.officialCode ? { officialCode: u.officialCode } : {}),
      parentId: u.parentId ?? "-",
      validFrom: u.validFrom,
      ...(u.validTo ? { validTo: u.validTo } : {}),
    })
    .go();
  // Board rows follow the tree: a new commune joins its province's total; a move or a rename
  // moves or renames its rows (and those of the communes merged into it).
  const moved = !existing || existing.parentId !== (u.parentId ?? "-") || existing.name !== u.name;
  if (moved) {
    const communes = u.kind === "commune" ? [u.id] : existing ? await communesUnder(u.id) : [];
    for (const c of communes) for (const id of await withPredecessors(c)) await refreshCommune(id);
  }
  return u;
}
