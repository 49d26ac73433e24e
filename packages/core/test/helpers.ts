import type { Actor } from "../src/actor";
import { withActor } from "../src/actor";

export const qnStaff: Actor = {
  username: "quangnghiep.canbo",
  displayName: "Công chức xã Quảng Nghiệp",
  role: "commune_staff",
  unitId: "quang-nghiep",
  communeIds: ["quang-nghiep"],
};
export const qnLeader: Actor = { ...qnStaff, username: "quangnghiep.chutich", role: "commune_leader" };
export const dhStaff: Actor = {
  username: "daihop.canbo",
  displayName: "Công chức xã Đại Hợp",
  role: "commune_staff",
  unitId: "dai-hop",
  communeIds: ["dai-hop"],
};
export const tkOverseer: Actor = {
  username: "tuky.noivu",
  displayName: "Phòng Nội vụ huyện Tứ Kỳ",
  role: "overseer",
  unitId: "tu-ky",
  communeIds: ["dai-hop", "quang-nghiep", "tan-ky"],
};

export const as = <T>(a: Actor, fn: () => Promise<T>) => withActor(a, fn);

/** Run `fn` and return the DomainError status it threw (or "ok"). */
export async function statusOf(p: Promise<unknown>): Promise<number | "ok"> {
  try {
    await p;
    return "ok";
  } catch (e) {
    const s = (e as { status?: number }).status;
    if (typeof s !== "number") throw e;
    return s;
  }
}
