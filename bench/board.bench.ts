/**
 * The overseer's board at scale, against DynamoDB Local (in memory), as ratios against a
 * baseline run in the same process:
 *
 *   1. a province scope of 50 communes, then of 200, each commune with 20 issued plans of 5
 *      tasks: the DynamoDB requests one board load sends (GET /api/board/scopes/{id}, counted
 *      with an SDK middleware, the session's reads included) and its server time, 200 vs 50;
 *   2. a national simulation — 34 provinces, 3,321 communes — and the requests of one province's
 *      board and of the national admin view.
 * A ratio near 1 and equal request counts mean the board reads per-commune summaries by scope,
 * never the plans or tasks.
 */
import { performance } from "node:perf_hooks";
import { withActor } from "../packages/core/src/actor";
import { createUser, putScope } from "../packages/core/src/admin";
import { ensureTable } from "../packages/core/src/db/bootstrap";
import { startDynamoLocal } from "../packages/core/src/db/local";
import { seed } from "../packages/core/src/seed";
import { putUnit } from "../packages/core/src/unit";
import { requestCounter } from "./requests";
import { ADMIN, communes, issueAll, PLANS, pool, TASKS } from "./scale";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.KEHOACH_TABLE = "kehoach-bench-board";
const PASSWORD = "bench-password-2025";
async function main() {
  const local = await startDynamoLocal();
  try {
    await ensureTable("kehoach-bench-board");
    await seed({ demoPassword: PASSWORD });
    const { app } = await import("../apps/api/src/app");
    const login = async (username: string) => {
      const res = await app.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      const cookie = /kh_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[0];
      if (!cookie) throw new Error(`login ${username}: ${res.status}`);
      return cookie;
    };
    const load = (path: string, cookie: string, expectRows: number) => async () => {
      const res = await app.request(path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { rows: { tasks: { total: number } }[] };
      if (body.rows.length < expectRows) throw new Error(`${path}: ${body.rows.length} rows`);
    };

    // 1. One province, its board at 50 and at 200 communes.
    const t0 = performance.now();
    await withActor(ADMIN, () =>
      putUnit({
        id: "bench-tinh",
        kind: "province",
        name: "Tỉnh Thử",
        shortName: "Thử",
        validFrom: "2025-07-01",
      }),
    );
    const first = await communes("bench-tinh", 0, 50);
    await issueAll(first);
    const rest = await communes("bench-tinh", 50, 200);
    await issueAll(rest);
    const all = [...first, ...rest];
    await withActor(ADMIN, async () => {
      const base = { overseerUnitId: "bench-tinh", validFrom: "2025-07-01" };
      await putScope({ ...base, scopeId: "bench-50", name: "50 xã", unitIds: first });
      await putScope({ ...base, scopeId: "bench-200", name: "200 xã", unitIds: all });
      await createUser({
        username: "bench.sonoivu",
        displayName: "Sở Nội vụ (thử)",
        role: "overseer",
        unitId: "bench-tinh",
        password: PASSWORD,
      });
    });
    console.log(
      `seeded ${all.length} communes × ${PLANS} plans × ${TASKS} tasks in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const cookie = await login("bench.sonoivu");
    const b50 = load("/api/board/scopes/bench-50", cookie, 50);
    const b200 = load("/api/board/scopes/bench-200", cookie, 200);
    const runs = 30;
    const time = async (fn: () => Promise<void>) => {
      await fn();
      const start = performance.now();
      for (let i = 0; i < runs; i++) await fn();
      return (performance.now() - start) / runs;
    };
    const count = requestCounter();
    let t50 = 0;
    let t200 = 0;
    let r50 = 0;
    let r200 = 0;
    for (let round = 0; round < 3; round++) {
      t50 += await time(b50);
      r50 = count.per(runs + 1);
      t200 += await time(b200);
      r200 = count.per(runs + 1);
    }
    const ratio = t200 / t50;
    console.log(
      `board load: 50 communes ${(t50 / 3).toFixed(1)} ms, 200 communes ${(t200 / 3).toFixed(1)} ms; requests per load ${r50} vs ${r200} (the session's reads included)`,
    );

    // 2. The country: 34 provinces, 3,321 communes; one province's board and the national view.
    const t1 = performance.now();
    const provinces = Array.from({ length: 34 }, (_, i) => `bench-p${String(i).padStart(2, "0")}`);
    await withActor(ADMIN, () =>
      pool(provinces, 8, async (id) => {
        await putUnit({ id, kind: "province", name: `Tỉnh ${id}`, shortName: id, validFrom: "2025-07-01" });
      }),
    );
    const perProvince = provinces.map((_, i) => Math.floor(3321 / 34) + (i < 3321 % 34 ? 1 : 0));
    const byProvince: string[][] = [];
    for (const [i, p] of provinces.entries()) byProvince.push(await communes(p, 0, perProvince[i] as number));
    const p0 = byProvince[0] as string[];
    await withActor(ADMIN, async () => {
      await putScope({
        scopeId: "bench-p00-all",
        overseerUnitId: "bench-p00",
        name: "Các xã của tỉnh",
        unitIds: p0,
        validFrom: "2025-07-01",
      });
      await createUser({
        username: "bench.p00",
        displayName: "Sở Nội vụ tỉnh (thử)",
        role: "overseer",
        unitId: "bench-p00",
        password: PASSWORD,
      });
      await createUser({
        username: "bench.admin",
        displayName: "Quản trị (thử)",
        role: "admin",
        password: PASSWORD,
      });
    });
    await issueAll(p0.slice(0, 10));
    console.log(
      `national simulation: ${provinces.length} provinces, ${byProvince.flat().length} communes seeded in ${((performance.now() - t1) / 1000).toFixed(0)} s`,
    );
    const province = load("/api/board/scopes/bench-p00-all", await login("bench.p00"), p0.length);
    const national = load("/api/board/national", await login("bench.admin"), 34);
    await province();
    await national();
    count.per(1);
    await province();
    const p = count.per(1);
    await national();
    const n = count.per(1);
    count.stop();
    console.log(
      `board: ${r200} requests per load at 200 communes; time ratio 200/50 = ${ratio.toFixed(2)}; province board ${p} requests; national view ${n} requests`,
    );
  } finally {
    await local.stop();
  }
}

void main();
