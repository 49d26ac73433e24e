import { z } from "zod";
import { isoDate, requiredText } from "../plan/schema";

export const UNIT_KINDS = ["province", "district", "commune"] as const;
export const unitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof unitKind>;

export const unitInput = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, {
    message: "Mã đơn vị chỉ gồm a-z, 0-9, '-' / Unit id: a-z, 0-9, '-' only",
  }),
  kind: unitKind,
  name: requiredText(200),
  shortName: requiredText(120),
  officialCode: z.string().max(20).optional(),
  parentId: z.string().optional(),
  validFrom: isoDate,
  validTo: isoDate.optional(),
});
export type UnitInput = z.input<typeof unitInput>;
export const unit = unitInput;
export type Unit = z.infer<typeof unit>;
