import { OFFICES } from "../unit/offices";
import type { UnitInput } from "../unit/schema";

/**
 * The demo hierarchy seeded by `npm start` and used by tests: the pre-2025 model
 * (province → district → commune). Ids are stable so seeding is idempotent.
 */
export const SEED_UNITS = [
  {
    id: "hai-duong",
    kind: "province",
    name: "Tỉnh Hải Dương",
    shortName: "Hải Dương",
    validFrom: "1997-01-01",
    validTo: "2025-06-30",
  },
  {
    id: "tu-ky",
    kind: "district",
    name: "Huyện Tứ Kỳ",
    shortName: "Tứ Kỳ",
    parentId: "hai-duong",
    validFrom: "1997-01-01",
    validTo: "2025-06-30",
  },
  {
    id: "quang-nghiep",
    kind: "commune",
    name: "Xã Quảng Nghiệp",
    shortName: "Quảng Nghiệp",
    parentId: "tu-ky",
    validFrom: "1997-01-01",
  },
  {
    id: "dai-hop",
    kind: "commune",
    name: "Xã Đại Hợp",
    shortName: "Đại Hợp",
    parentId: "tu-ky",
    validFrom: "1997-01-01",
  },
  {
    id: "tan-ky",
    kind: "commune",
    name: "Xã Tân Kỳ",
    shortName: "Tân Kỳ",
    parentId: "tu-ky",
    validFrom: "1997-01-01",
  },
] as const satisfies readonly UnitInput[];

export const SEED_COMMUNE_IDS = SEED_UNITS.filter((u) => u.kind === "commune").map((u) => u.id);

/** The commune's own offices and bodies that assignments are given to (its unit list), by name. */
export const COMMUNE_OFFICES: readonly string[] = OFFICES.map((o) => o.name);
