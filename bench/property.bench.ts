/**
 * The long property run: hostile requests against every write route of the OpenAPI document,
 * against DynamoDB Local (in memory). Prints, per route, the cases sent, the statuses seen and
 * the 5xx count; exits non-zero when any case answered 5xx, answered an undocumented status,
 * or changed the table while refusing. The short run is apps/api/test/property.test.ts.
 *
 *   npm run bench
 *   npx tsx bench/property.bench.ts --runs 500 --seed 42
 */
import { ensureTable } from "../packages/core/src/db/bootstrap";
import { startDynamoLocal } from "../packages/core/src/db/local";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.KEHOACH_TABLE = "kehoach-property-bench";
process.env.AWS_REGION = "ap-southeast-1";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg("runs") ?? 200);
const SEED = arg("seed") !== undefined ? Number(arg("seed")) : undefined;

async function main() {
  const local = await startDynamoLocal();
  let failed = false;
  try {
    await ensureTable("kehoach-property-bench");
    // Imported after the endpoint is set: the app's modules read it on first use.
    const { call, ensureSeed } = await import("../apps/api/test/helpers");
    const { checkRoute, prototypeIsClean, signIn, writeRoutes, SEED_PLAN_ID } = await import(
      "../apps/api/test/hostile"
    );
    const { SEED_PLAN } = await import("../packages/core/src/seed/seed-plan");
    await ensureSeed();
    const sessions = await signIn();
    const draft = await call("POST", "/api/plans", { cookie: sessions.staff, json: { content: SEED_PLAN } });
    const fixture = { draftId: draft.body.id as string, seedPlanId: SEED_PLAN_ID };
    const { routes, doc } = await writeRoutes();

    console.log(`Property run: ${RUNS} cases per write route${SEED !== undefined ? `, seed ${SEED}` : ""}\n`);
    console.log(
      `${"route".padEnd(42)} ${"cases".padStart(6)} ${"5xx".padStart(5)} ${"problems".padStart(8)}  statuses`,
    );
    let total = 0;
    let total5xx = 0;
    const problems: string[] = [];
    for (const route of routes) {
      const t0 = performance.now();
      const r = await checkRoute(route, doc, {
        runs: RUNS,
        fixture,
        sessions,
        stopAtFirst: false,
        ...(SEED !== undefined ? { seed: SEED } : {}),
      });
      total += r.cases;
      total5xx += r.fiveHundreds;
      problems.push(...r.problems.map((p) => `${route.key}: ${p}`));
      const statuses = [...r.statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(" ");
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(
        `${route.key.padEnd(42)} ${String(r.cases).padStart(6)} ${String(r.fiveHundreds).padStart(5)} ${String(r.problems.length).padStart(8)}  ${statuses}  (${secs} s)`,
      );
    }
    console.log(`\n${total} cases, ${total5xx} answered 5xx, ${problems.length} problem(s).`);
    if (!prototypeIsClean()) problems.push("Object.prototype was polluted");
    for (const p of problems.slice(0, 20)) console.log(`  ${p.slice(0, 400)}`);
    failed = problems.length > 0;
  } finally {
    await local.stop();
  }
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
