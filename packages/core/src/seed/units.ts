import { OFFICES } from "../unit/offices";
import type { UnitInput } from "../unit/schema";

/**
 * The demo hierarchy seeded by `npm start` and used by tests, in both worlds of the 2025 reform.
 * Until 30/6/2025: Tỉnh Hải Dương → Huyện Tứ Kỳ → the seed's communes (Quảng Nghiệp, Đại Hợp,
 * Tân Kỳ). From 1/7/2025 (Resolution 202/2025/QH15, Law 72/2025/QH15): Hải Dương is part of Thành
 * phố Hải Phòng, districts are gone, communes hang directly under the city. The new communes and
 * which old communes formed them are illustrative (see README): the demo needs one merge to show
 * history rolling up, and no source at hand confirms Quảng Nghiệp's successor under Resolution
 * 1669/NQ-UBTVQH15. Ids are stable so seeding is idempotent.
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
  ...(
    [
      ["quang-nghiep", "Quảng Nghiệp"],
      ["dai-hop", "Đại Hợp"],
      ["tan-ky", "Tân Kỳ"],
    ] as const
  ).map(([id, short]) => ({
    id,
    kind: "commune" as const,
    name: `Xã ${short}`,
    shortName: short,
    parentId: "tu-ky",
    validFrom: "1997-01-01",
    validTo: "2025-06-30",
  })),
  {
    id: "hai-phong",
    kind: "province",
    name: "Thành phố Hải Phòng",
    shortName: "Hải Phòng",
    validFrom: "1997-01-01",
  },
  ...(
    [
      ["xa-tu-ky", "Tứ Kỳ"],
      ["xa-chi-minh", "Chí Minh"],
      ["xa-lac-phuong", "Lạc Phượng"],
      ["xa-nguyen-giap", "Nguyên Giáp"],
      ["xa-ha-bac", "Hà Bắc"],
      ["xa-ninh-giang", "Ninh Giang"],
    ] as const
  ).map(([id, short]) => ({
    id,
    kind: "commune" as const,
    name: `Xã ${short}`,
    shortName: short,
    parentId: "hai-phong",
    validFrom: "2025-07-01",
  })),
] as const satisfies readonly UnitInput[];

/** The 2025 reform as lineage events (recorded once). */
export const SEED_LINEAGE = [
  {
    kind: "merge",
    fromUnitIds: ["hai-duong", "hai-phong"],
    toUnitIds: ["hai-phong"],
    date: "2025-07-01",
    legalBasis: "Nghị quyết 202/2025/QH15 (sắp xếp đơn vị hành chính cấp tỉnh)",
  },
  {
    kind: "merge",
    fromUnitIds: ["quang-nghiep", "dai-hop", "tan-ky"],
    toUnitIds: ["xa-tu-ky"],
    date: "2025-07-01",
    legalBasis: "Nghị quyết 1669/NQ-UBTVQH15 (minh họa / illustrative)",
  },
] as const;

/** Oversight scopes: the dissolved district's (history) and the city's Sở Nội vụ (today). */
export const SEED_SCOPES = [
  {
    scopeId: "tu-ky-communes",
    overseerUnitId: "tu-ky",
    name: "Các xã thuộc huyện Tứ Kỳ (đến 30/6/2025)",
    unitIds: ["quang-nghiep", "dai-hop", "tan-ky"],
    validFrom: "1997-01-01",
    validTo: "2025-06-30",
  },
  {
    scopeId: "hai-phong-communes",
    overseerUnitId: "hai-phong",
    name: "Các xã thuộc thành phố Hải Phòng (Sở Nội vụ)",
    unitIds: ["xa-chi-minh", "xa-ha-bac", "xa-lac-phuong", "xa-nguyen-giap", "xa-ninh-giang", "xa-tu-ky"],
    validFrom: "2025-07-01",
  },
];

/** Today's communes with a story on the board (plans issued, tasks in every status). */
export const DEMO_ACTIVITY_COMMUNES = [
  "xa-tu-ky",
  "xa-chi-minh",
  "xa-lac-phuong",
  "xa-nguyen-giap",
  "xa-ha-bac",
];

export const SEED_COMMUNE_IDS = SEED_UNITS.filter((u) => u.kind === "commune").map((u) => u.id);

/** The commune's own offices and bodies that assignments are given to (its unit list), by name. */
export const COMMUNE_OFFICES: readonly string[] = OFFICES.map((o) => o.name);
