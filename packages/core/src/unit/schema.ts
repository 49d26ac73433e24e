import { z } from "zod";
import { isoDate, requiredText, text } from "../plan/schema";

export const UNIT_KINDS = ["province", "district", "commune"] as const;
export const unitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof unitKind>;

/** A unit's id, e.g. "quang-nghiep": 2–64 of a-z, 0-9 and '-', not starting with '-'. */
export const unitId = z
  .string({ message: "Nhập mã đơn vị / Enter a unit id" })
  .max(64, { message: "Mã đơn vị tối đa 64 ký tự / A unit id has at most 64 characters" })
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, {
    message: "Mã đơn vị chỉ gồm a-z, 0-9, '-' / Unit id: a-z, 0-9, '-' only",
  });

/** A list of unit ids, each named once (a repeated id is refused at its position). */
export const unitIdList = (max: number) =>
  z
    .array(unitId)
    .max(max, { message: `Tối đa ${max} đơn vị / At most ${max} units` })
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) {
          ctx.addIssue({
            code: "custom",
            path: [i],
            message: `Đơn vị ${id} bị lặp / Unit ${id} is listed twice`,
          });
        }
        seen.add(id);
      });
    });

export const unitInput = z.object({
  id: unitId,
  kind: unitKind,
  name: requiredText(200),
  shortName: requiredText(120),
  officialCode: text(20).optional(),
  parentId: unitId.optional(),
  validFrom: isoDate,
  validTo: isoDate.optional(),
});
export type UnitInput = z.input<typeof unitInput>;
export const unit = unitInput;
export type Unit = z.infer<typeof unit>;
