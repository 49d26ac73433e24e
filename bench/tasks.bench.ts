/**
 * The commune task board at scale, against DynamoDB Local (in memory), as ratios against a
 * baseline run in the same process:
 *
 *   board load (GET /api/communes/{id}/tasks, as the dashboard asks for it) in a commune with
 *   5,000 tasks against one with 50, and the DynamoDB requests each load sends (counted with an
 *   SDK middleware). A ratio near 1 and equal request counts mean one bounded query per load.
 */
import { performance } from "node:perf_hooks";
import { withActor } from "../packages/core/src/actor";
import { ensureTable } from "../packages/core/src/db/bootstrap";
import { startDynamoLocal } from "../packages/core/src/db/local";
import { insertPlan } from "../packages/core/src/plan";
import { transition } from "../packages/core/src/plan/lifecycle";
import type { PlanContent } from "../packages/core/src/plan/schema";
import { seed } from "../packages/core/src/seed";
import { issuableSeedPlanToday } from "../packages/core/src/seed/issuable";
import { requestCounter } from "./requests";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.KEHOACH_TABLE = "kehoach-bench-tasks";
const PASSWORD = "bench-password-2025";

const OFFICES = [
  "Văn phòng - Thống kê",
  "Tài chính - Kế toán",
  "Văn hóa - Thông tin",
  "Công chức chuyên môn khác",
];

function planWith(tasks: number, n: number): PlanContent {
  const c = { ...issuableSeedPlanToday(), subject: `Kế hoạch ${n} có ${tasks} nhiệm vụ` };
  c.assignments = OFFICES.map((unit, a) => ({
    id: `a${a}`,
    unit,
    tasks: Array.from({ length: Math.ceil(tasks / OFFICES.length) }, (_, i) => i)
      .filter((i) => i * OFFICES.length + a < tasks)
      .map((i) => ({
        id: `a${a}-t${i}`,
        description: `Nhiệm vụ ${i} của ${unit}`,
        partnerUnits: [],
        kind: "giao" as const,
        deadline: { kind: "date" as const, date: `2026-${String(1 + ((i + a) % 12)).padStart(2, "0")}-15` },
        status: "not_started" as const,
        progress: 0,
        evidence: [],
      })),
  }));
  return c;
}

async function issuePlans(communeId: string, plans: number, tasksEach: number) {
  const leader = {
    username: `${communeId}.bench`,
    displayName: "bench",
    role: "commune_leader" as const,
    unitId: communeId,
    communeIds: [communeId],
  };
  for (let n = 0; n < plans; n += 5) {
    await Promise.all(
      Array.from({ length: Math.min(5, plans - n) }, async (_, k) => {
        await withActor(leader, async () => {
          const p = await insertPlan({ communeId, content: planWith(tasksEach, n + k), status: "approved" });
          await transition(p.id, { action: "issue", version: 1 });
        });
      }),
    );
  }
}

async function main() {
  const local = await startDynamoLocal();
  try {
    await ensureTable("kehoach-bench-tasks");
    await seed({ demoPassword: PASSWORD });
    const { app } = await import("../apps/api/src/app");
    await issuePlans("dai-hop", 1, 50);
    await issuePlans("tan-ky", 50, 100);
    const login = async (username: string) => {
      const res = await app.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      return /kh_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[0] ?? "";
    };
    const boardOf = (communeId: string, cookie: string) => async () => {
      const res = await app.request(`/api/communes/${communeId}/tasks?view=open`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`board ${communeId}: ${res.status}`);
      const body = (await res.json()) as { items: unknown[] };
      if (!body.items.length) throw new Error("empty board");
    };
    const small = boardOf("dai-hop", await login("daihop.chutich"));
    const large = boardOf("tan-ky", await login("tanky.chutich"));
    const runs = 40;
    const time = async (fn: () => Promise<void>) => {
      await fn();
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) await fn();
      return (performance.now() - t0) / runs;
    };
    // Interleave the two to share whatever else the machine is doing.
    const count = requestCounter();
    let t50 = 0;
    let t5000 = 0;
    let r50 = 0;
    let r5000 = 0;
    for (let round = 0; round < 3; round++) {
      t50 += await time(small);
      r50 = count.per(runs + 1);
      t5000 += await time(large);
      r5000 = count.per(runs + 1);
    }
    count.stop();
    const ratio = t5000 / t50;
    console.log(
      `task board: 50 tasks ${(t50 / 3).toFixed(1)} ms, 5000 tasks ${(t5000 / 3).toFixed(1)} ms; requests per load ${r50} vs ${r5000}`,
    );
    console.log(
      `tasks: board time ratio 5000/50 = ${ratio.toFixed(2)}; ${r5000} requests per board load at 5000 tasks`,
    );
  } finally {
    await local.stop();
  }
}

void main();
