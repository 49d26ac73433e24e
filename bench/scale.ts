/**
 * Seeding for the scale benchmarks: units through the product's own functions, and plans issued
 * through the real lifecycle (each with its tasks), a few at a time.
 */
import { withActor } from "../packages/core/src/actor";
import { insertPlan } from "../packages/core/src/plan";
import { transition } from "../packages/core/src/plan/lifecycle";
import type { PlanContent } from "../packages/core/src/plan/schema";
import { issuableSeedPlanToday } from "../packages/core/src/seed/issuable";
import { putUnit } from "../packages/core/src/unit";

export const ADMIN = { username: "bench", displayName: "bench", role: "admin" as const, communeIds: [] };
export const PLANS = 20;
export const TASKS = 5;

export function plan(n: number): PlanContent {
  const c = { ...issuableSeedPlanToday(), subject: `Kế hoạch ${n}` };
  c.assignments = [
    {
      id: "a1",
      unit: "Văn phòng HĐND và UBND",
      tasks: Array.from({ length: TASKS }, (_, i) => ({
        id: `a1-t${i}`,
        description: `Nhiệm vụ ${i}`,
        partnerUnits: [],
        kind: "giao" as const,
        deadline: { kind: "date" as const, date: `2026-${String(1 + ((n + i) % 12)).padStart(2, "0")}-15` },
        status: "not_started" as const,
        progress: 0,
        evidence: [],
      })),
    },
  ];
  return c;
}

/** Run `fn` over `items`, `width` at a time. */
export async function pool<T>(items: T[], width: number, fn: (t: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

export async function communes(province: string, from: number, to: number) {
  const ids = Array.from(
    { length: to - from },
    (_, i) => `${province}-x${String(from + i).padStart(4, "0")}`,
  );
  await withActor(ADMIN, () =>
    pool(ids, 8, async (id) => {
      await putUnit({
        id,
        kind: "commune",
        name: `Xã ${id}`,
        shortName: id,
        parentId: province,
        validFrom: "2025-07-01",
      });
    }),
  );
  return ids;
}

export async function issueAll(communeIds: string[]) {
  const jobs = communeIds.flatMap((communeId) => Array.from({ length: PLANS }, (_, n) => ({ communeId, n })));
  await pool(jobs, 8, async ({ communeId, n }) => {
    const leader = {
      username: `${communeId}.bench`,
      displayName: "bench",
      role: "commune_leader" as const,
      unitId: communeId,
      communeIds: [communeId],
    };
    await withActor(leader, async () => {
      const p = await insertPlan({ communeId, content: plan(n), status: "approved" });
      await transition(p.id, { action: "issue", version: 1 });
    });
  });
}
