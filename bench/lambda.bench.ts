/**
 * The Lambda functions as SST deploys them (infra/lambda-build.ts: esbuild, ESM, split, minified):
 * each bundle's size, and the API's cold start — a new Node process started in the bundle's
 * directory with a deployed function's environment (infra/lambda-run.ts), from spawn to the answer
 * of a `GET /api/health` Function URL event, DynamoDB Local behind it — as a ratio against a
 * minimal Hono + DynamoDB client handler (bench/baseline-lambda.ts) bundled the same way and run
 * alternately with it in this process. The median of the runs is compared.
 *
 * "api bundle" is what a cold start loads: the entry and the chunks it imports statically. The
 * document libraries (docx, exceljs, mammoth) are chunks loaded by the routes that use them; the
 * whole package is printed beside it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleHandler, HANDLERS } from "../infra/lambda-build";
import { invokeCold, lambdaBaseEnv, sstFunctionEnv, urlEvent } from "../infra/lambda-run";
import { ensureTable } from "../packages/core/src/db/bootstrap";
import { startDynamoLocal } from "../packages/core/src/db/local";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const TABLE = "kehoach-bench-lambda";
const RUNS = 15;
const kb = (n: number) => Math.round(n / 1024);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main() {
  const work = mkdtempSync(join(tmpdir(), "kehoach-bench-lambda-"));
  const local = await startDynamoLocal();
  try {
    process.env.DYNAMODB_ENDPOINT = local.endpoint;
    await ensureTable(TABLE);
    const bundles = {
      api: await bundleHandler(HANDLERS.api, join(work, "api")),
      reminders: await bundleHandler(HANDLERS.reminders, join(work, "reminders")),
      exports: await bundleHandler(HANDLERS.exports, join(work, "exports")),
    };
    const baseline = await bundleHandler("bench/baseline-lambda.handler", join(work, "baseline"));
    for (const [name, b] of Object.entries({ ...bundles, baseline })) {
      console.log(`${name}: ${kb(b.startBytes)} KB loaded at start, ${kb(b.totalBytes)} KB in all`);
    }

    const links = {
      Table: { name: TABLE, type: "sst.aws.Dynamo" },
      Files: { name: "bench-files", type: "sst.aws.Bucket" },
    };
    const apiEnv = {
      ...lambdaBaseEnv("kehoach-bench-Api", local.endpoint),
      ...sstFunctionEnv(bundles.api.dir, links),
    };
    const baseEnv = { ...lambdaBaseEnv("kehoach-bench-Baseline", local.endpoint) };
    const health = [urlEvent("GET", "/api/health")];
    const cold = { api: [] as number[], baseline: [] as number[] };
    const cpu = { api: [] as number[], baseline: [] as number[] };
    // One warm-up each (the OS file cache), then alternate so that load on the machine hits both.
    await invokeCold(bundles.api.entry, health, apiEnv, bundles.api.dir);
    await invokeCold(baseline.entry, health, baseEnv, baseline.dir);
    for (let i = 0; i < RUNS; i++) {
      for (const [name, b, env] of [
        ["api", bundles.api, apiEnv],
        ["baseline", baseline, baseEnv],
      ] as const) {
        const r = await invokeCold(b.entry, health, env, b.dir);
        if (r.answers[0]?.statusCode !== 200)
          throw new Error(`${name}: ${JSON.stringify(r.answers[0])} ${r.stderr}`);
        cold[name].push(r.firstMs);
        cpu[name].push(r.firstCpuMs);
      }
    }
    const api = median(cold.api);
    const base = median(cold.baseline);
    console.log(
      `cold start (median of ${RUNS}): api ${api.toFixed(0)} ms, minimal Hono + DynamoDB ${base.toFixed(0)} ms`,
    );
    console.log(
      `CPU to the first answer (median): api ${median(cpu.api).toFixed(0)} ms, minimal ${median(cpu.baseline).toFixed(0)} ms (ratio ${(median(cpu.api) / median(cpu.baseline)).toFixed(2)})`,
    );
    console.log(
      `lambda: api bundle ${kb(bundles.api.startBytes)} KB; cold start ratio ${(api / base).toFixed(2)}`,
    );
  } finally {
    await local.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
