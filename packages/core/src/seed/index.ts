import { type Actor, withActor } from "../actor";
import { getUser, upsertUser } from "../auth";
import { db } from "../db/entities";
import { insertPlan } from "../plan";
import { planContent } from "../plan/schema";
import { putUnit } from "../unit";
import { SEED_PLAN, SEED_PLAN_ID } from "./seed-plan";
import { SEED_UNITS } from "./units";

export const DEFAULT_DEMO_PASSWORD = "kehoach-demo-2025";

/** Demo accounts of the local runtime (never created in an AWS stage). */
export function demoAccounts() {
  const communes = SEED_UNITS.filter((u) => u.kind === "commune");
  const slug = (id: string) => id.replace(/-/g, "");
  return [
    { username: "admin", displayName: "Quản trị hệ thống", role: "admin" as const },
    ...communes.flatMap((c) => [
      {
        username: `${slug(c.id)}.canbo`,
        displayName: `Công chức Văn phòng - Thống kê ${c.name.replace(/^Xã/, "xã")}`,
        role: "commune_staff" as const,
        unitId: c.id,
        officeId: "van-phong" as const,
      },
      {
        username: `${slug(c.id)}.taichinh`,
        displayName: `Công chức Tài chính - Kế toán ${c.name.replace(/^Xã/, "xã")}`,
        role: "commune_staff" as const,
        unitId: c.id,
        officeId: "tai-chinh" as const,
      },
      {
        username: `${slug(c.id)}.vanhoa`,
        displayName: `Công chức Văn hóa - Thông tin ${c.name.replace(/^Xã/, "xã")}`,
        role: "commune_staff" as const,
        unitId: c.id,
        officeId: "van-hoa" as const,
      },
      {
        username: `${slug(c.id)}.chutich`,
        displayName: `Chủ tịch UBND ${c.name.replace(/^Xã/, "xã")}`,
        role: "commune_leader" as const,
        unitId: c.id,
      },
    ]),
    {
      username: "tuky.noivu",
      displayName: "Phòng Nội vụ huyện Tứ Kỳ",
      role: "overseer" as const,
      unitId: "tu-ky",
    },
  ];
}

const SYSTEM: Actor = { username: "system", displayName: "Hệ thống", role: "admin", communeIds: [] };

/** Idempotent: units, the Tứ Kỳ oversight scope, the seed plan, and (optionally) demo accounts. */
export function seed(opts: { demoPassword?: string } = {}) {
  return withActor(SYSTEM, () => seedAsSystem(opts));
}

async function seedAsSystem(opts: { demoPassword?: string }) {
  for (const u of SEED_UNITS) await putUnit(u);
  await db()
    .scope.put({
      scopeId: "tu-ky-communes",
      overseerUnitId: "tu-ky",
      name: "Các xã thuộc huyện Tứ Kỳ",
      unitIds: SEED_UNITS.filter((u) => u.kind === "commune" && u.parentId === "tu-ky").map((u) => u.id),
      validFrom: "1997-01-01",
    })
    .go();
  const existing = await db().plan.get({ planId: SEED_PLAN_ID }).go();
  if (!existing.data) {
    await insertPlan({
      planId: SEED_PLAN_ID,
      communeId: "quang-nghiep",
      content: planContent.parse(SEED_PLAN),
      status: "draft",
      action: "import",
    });
  }
  if (opts.demoPassword) {
    for (const a of demoAccounts()) {
      const existing = await getUser(a.username);
      if (!existing) await upsertUser({ ...a, password: opts.demoPassword });
      // Accounts seeded before offices existed get theirs, without touching the password.
      else if ("officeId" in a && !existing.officeId) {
        await db().user.patch({ username: a.username }).set({ officeId: a.officeId }).go();
      }
    }
  }
}
