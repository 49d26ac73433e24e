/**
 * What a warm read costs. The plan list (`GET /api/plans?communeId=…&limit=20`, signed in, through
 * the whole app: edge checks, the session read, validation, the list's Query of the same index and
 * key range, projected to the summary's attributes) against a bare Hono route sending the same
 * DynamoDB Query (ElectroDB's for that list, with the list's projection) through the SDK's
 * `send()`, as a minimal handler would, and returning its items — both on 127.0.0.1 in this
 * process, DynamoDB Local behind them, loaded by autocannon in turns (bare, app, bare, app) so
 * that machine load hits both alike. Prints the app's requests per second as a ratio of the bare
 * route's (over all rounds; each round's on the line before), and the DynamoDB requests one list
 * sends (counted at the client's HTTP handler, bench/requests.ts).
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { Hono } from "hono";
import { ensureTable } from "../packages/core/src/db/bootstrap";
import { dynamo } from "../packages/core/src/db/client";
import { db } from "../packages/core/src/db/entities";
import { startDynamoLocal } from "../packages/core/src/db/local";
import { LIST_NAMES, LIST_PROJECTION } from "../packages/core/src/plan";
import { seed } from "../packages/core/src/seed";
import { requestCounter } from "./requests";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.KEHOACH_TABLE = "kehoach-bench-api";
const PASSWORD = "bench-password-2025";
const COMMUNE = "xa-tu-ky";
const SECONDS = 6;
const ROUNDS = 4;
/**
 * Both servers and DynamoDB Local warm up first, in turns of 5 s, until neither's throughput rises
 * by more than 5 % from one turn to its next (at least 4 turns each, at most 12). DynamoDB Local is
 * a JVM that compiles its hot paths as it runs: on this machine its throughput kept rising for
 * 40–50 s of load, so a short warm-up measured the JIT rather than the routes.
 */
const WARMUP = { seconds: 5, minTurns: 4, maxTurns: 12, settled: 0.05 };
const CONNECTIONS = 8;

function listen(
  fetch: (req: Request) => Response | Promise<Response>,
): Promise<{ url: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const spent = { app: { node: 0, db: 0, requests: 0 }, bare: { node: 0, db: 0, requests: 0 } };

async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  dbPid: number,
  into?: keyof typeof spent,
) {
  const node0 = process.cpuUsage();
  const db0 = cpuOf(dbPid);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  if (into) {
    const node = process.cpuUsage(node0);
    spent[into].node += (node.user + node.system) / 1e6;
    spent[into].db += cpuOf(dbPid) - db0;
    spent[into].requests += r.requests.total;
  }
  return r.requests.total;
}

async function main() {
  const local = await startDynamoLocal();
  const closers: Array<() => void> = [];
  try {
    await ensureTable("kehoach-bench-api");
    await seed({ demoPassword: PASSWORD, demoActivity: true });
    const { app } = await import("../apps/api/src/app");

    // The same Query the plan list sends: its index and key range as ElectroDB builds them, and
    // the list's projection.
    const built = db().plan.query.byCommune({ communeId: COMMUNE }).params({ limit: 20, order: "desc" });
    const params = {
      ...built,
      ProjectionExpression: LIST_PROJECTION,
      ExpressionAttributeNames: { ...built.ExpressionAttributeNames, ...LIST_NAMES },
    };
    const bare = new Hono().get("/bare/plans", async (c) => {
      const res = await dynamo().send(
        new QueryCommand(params as ConstructorParameters<typeof QueryCommand>[0]),
      );
      return c.json({ items: res.Items ?? [] });
    });
    const appServer = await listen(app.fetch);
    const bareServer = await listen(bare.fetch);
    closers.push(appServer.close, bareServer.close);

    const login = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "xatuky.canbo", password: PASSWORD }),
    });
    const cookie = /kh_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")?.[0];
    if (!cookie) throw new Error(`login: ${login.status}`);
    const appUrl = `${appServer.url}/api/plans?communeId=${COMMUNE}&limit=20`;
    const bareUrl = `${bareServer.url}/bare/plans`;

    // Both answer the same plans.
    const mine = (await (await fetch(appUrl, { headers: { cookie } })).json()) as {
      items: { planId: string }[];
    };
    const theirs = (await (await fetch(bareUrl)).json()) as { items: { planId: string }[] };
    if (mine.items.length === 0 || mine.items.length !== theirs.items.length) {
      throw new Error(`the two routes differ: ${mine.items.length} vs ${theirs.items.length} plans`);
    }
    const counter = requestCounter();
    await fetch(appUrl, { headers: { cookie } });
    const perList = counter.per(1);
    counter.stop();

    const dbPid = Number(local.process.pid);
    const warm = { bare: [] as number[], app: [] as number[] };
    const rising = (xs: number[]) =>
      xs.length < 2 || (xs.at(-1) ?? 0) > (xs.at(-2) ?? 0) * (1 + WARMUP.settled);
    while (
      warm.bare.length < WARMUP.minTurns ||
      (warm.bare.length < WARMUP.maxTurns && (rising(warm.bare) || rising(warm.app)))
    ) {
      warm.bare.push((await load(bareUrl, {}, WARMUP.seconds, dbPid)) / WARMUP.seconds);
      warm.app.push((await load(appUrl, { cookie }, WARMUP.seconds, dbPid)) / WARMUP.seconds);
    }
    console.log(
      `warm-up (req/s per ${WARMUP.seconds} s turn): bare ${warm.bare.map((x) => x.toFixed(0)).join(" ")}; app ${warm.app.map((x) => x.toFixed(0)).join(" ")}`,
    );
    const ratios: number[] = [];
    let bareTotal = 0;
    let appTotal = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const b = await load(bareUrl, {}, SECONDS, dbPid, "bare");
      const a = await load(appUrl, { cookie }, SECONDS, dbPid, "app");
      ratios.push(a / b);
      bareTotal += b;
      appTotal += a;
    }
    const seconds = ROUNDS * SECONDS;
    console.log(
      `plan list of ${mine.items.length}: app ${(appTotal / seconds).toFixed(0)} req/s, bare Hono + the same Query ${(bareTotal / seconds).toFixed(0)} req/s (${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s each; the rounds' ratios ${ratios.map((r) => r.toFixed(2)).join(", ")})`,
    );
    const per = (k: keyof typeof spent) =>
      `Node ${((1000 * spent[k].node) / spent[k].requests).toFixed(2)} ms, DynamoDB Local ${((1000 * spent[k].db) / spent[k].requests).toFixed(2)} ms`;
    console.log(
      `CPU per request (this process includes autocannon): app — ${per("app")}; bare — ${per("bare")}`,
    );
    console.log(
      `api: read throughput ratio ${(appTotal / bareTotal).toFixed(2)} vs bare Hono; ${perList} DynamoDB requests per list`,
    );
  } finally {
    for (const close of closers) close();
    await local.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
