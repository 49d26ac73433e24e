import { actor } from "../actor";
import { db } from "../db/entities";
import { forbidden } from "../errors";
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

/** Every unit (admin only). Reads one GSI partition — no Scan. */
export async function allUnits(): Promise<Unit[]> {
  if (actor().role !== "admin") throw forbidden("Chỉ quản trị viên.", "Admins only.");
  const res = await db().unit.query.all({}).go({ pages: "all" });
  return res.data.map(toUnit);
}

/** Create or replace a unit (admin, and the local seed). */
export async function putUnit(input: unknown): Promise<Unit> {
  if (actor().role !== "admin") throw forbidden("Chỉ quản trị viên.", "Admins only.");
  const u = parse(unitInput, input);
  await db()
    .unit.put({
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
  return u;
}
