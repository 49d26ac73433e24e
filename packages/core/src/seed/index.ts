import { type Actor, withActor } from "../actor";
import { putScope, recordLineage } from "../admin";
import { getUser, upsertUser } from "../auth";
import { onAws } from "../config";
import { db } from "../db/entities";
import { insertPlan } from "../plan";
import { planContent } from "../plan/schema";
import { putUnit } from "../unit";
import { seedDemoActivity } from "./demo-activity";
import { SEED_PLAN, SEED_PLAN_ID } from "./seed-plan";
import { DEMO_ACTIVITY_COMMUNES, SEED_LINEAGE, SEED_SCOPES, SEED_UNITS } from "./units";

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
      username: "sonoivu.haiphong",
      displayName: "Sở Nội vụ thành phố Hải Phòng",
      role: "overseer" as const,
      unitId: "hai-phong",
    },
    // The dissolved district's office, kept for its history (its scope ended on 30/6/2025).
    {
      username: "tuky.noivu",
      displayName: "Phòng Nội vụ huyện Tứ Kỳ (đến 30/6/2025)",
      role: "overseer" as const,
      unitId: "tu-ky",
    },
  ];
}

const SYSTEM: Actor = { username: "system", displayName: "Hệ thống", role: "admin", communeIds: [] };

/**
 * Idempotent: units, the 2025 reform's lineage, oversight scopes, the seed plan, demo accounts
 * and (for the local runtime and the browser tests) a year of demo activity in today's communes.
 */
export async function seed(opts: { demoPassword?: string; demoActivity?: boolean } = {}) {
  // Demo accounts and their known password never reach a deployed stage's table.
  if (onAws()) {
    throw new Error(
      "The demo seed does not run on a deployed stage (its accounts share one known password). Create the first admin with `npm run cli -- admin create` (README, Deploy to AWS).",
    );
  }
  return withActor(SYSTEM, () => seedAsSystem(opts));
}

async function seedAsSystem(opts: { demoPassword?: string; demoActivity?: boolean }) {
  for (const u of SEED_UNITS) await putUnit(u);
  for (const l of SEED_LINEAGE) {
    const [from] = l.fromUnitIds.filter((id) => !(l.toUnitIds as readonly string[]).includes(id));
    const done = from ? (await db().unit.get({ unitId: from }).go()).data?.successorId : undefined;
    if (!done) await recordLineage({ ...l, fromUnitIds: [...l.fromUnitIds], toUnitIds: [...l.toUnitIds] });
  }
  for (const s of SEED_SCOPES) await putScope(s);
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
  if (opts.demoActivity) await seedDemoActivity(DEMO_ACTIVITY_COMMUNES);
}
