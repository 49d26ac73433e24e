/**
 * Benchmarks against DynamoDB Local (in memory), printed as ratios against a baseline run in
 * the same process, so machines of different speed give comparable numbers.
 *
 *   npm run bench
 *
 * 1. Listing: a page of 20 newest plans from a commune holding 1,000 plans, against the same
 *    page from a commune holding 20. A ratio near 1 means the list costs one bounded query,
 *    whatever the commune's size.
 * 2. Numbering: N concurrent issuances in one commune and year, against N issued one after
 *    another. The ratio is the price of optimistic retries on the counter under contention.
 */
import { performance } from "node:perf_hooks";
import { type Actor, withActor } from "../packages/core/src/actor";
import { ensureTable } from "../packages/core/src/db/bootstrap";
import { startDynamoLocal } from "../packages/core/src/db/local";
import * as Plan from "../packages/core/src/plan";
import * as Lifecycle from "../packages/core/src/plan/lifecycle";
import { seed } from "../packages/core/src/seed";
import { issuableSeedPlanToday } from "../packages/core/src/seed/issuable";
import { requestCounter } from "./requests";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.KEHOACH_TABLE = "kehoach-bench";

const staffOf = (communeId: string): Actor => ({
  username: `${communeId}.canbo`,
  displayName: communeId,
  role: "commune_staff",
  unitId: communeId,
  communeIds: [communeId],
});
const leaderOf = (communeId: string): Actor => ({ ...staffOf(communeId), role: "commune_leader" });
const content = issuableSeedPlanToday();

async function fill(communeId: string, n: number) {
  const staff = staffOf(communeId);
  for (let i = 0; i < n; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, n - i) }, (_, j) =>
        withActor(staff, () => Plan.createDraft({ content: { ...content, subject: `Kế hoạch ${i + j}` } })),
      ),
    );
  }
}

async function timeIt(fn: () => Promise<unknown>, runs: number) {
  await fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - t0) / runs;
}

/** Submit `n` of a commune's drafts, so a status filter has something to find. */
async function submitSome(communeId: string, n: number) {
  const page = await withActor(staffOf(communeId), () => Plan.listPlans({ communeId, limit: n }));
  for (const p of page.items) {
    await withActor(staffOf(communeId), () =>
      Lifecycle.transition(p.id, { action: "submit", version: p.version }),
    );
  }
}

async function approved(communeId: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = await withActor(staffOf(communeId), () => Plan.createDraft({ content }));
    await withActor(staffOf(communeId), () => Lifecycle.transition(p.id, { action: "submit", version: 1 }));
    await withActor(leaderOf(communeId), () => Lifecycle.transition(p.id, { action: "approve", version: 2 }));
    ids.push(p.id);
  }
  return ids;
}

async function main() {
  const local = await startDynamoLocal();
  try {
    await ensureTable("kehoach-bench");
    await seed();
    await fill("dai-hop", 20);
    await fill("tan-ky", 1000);
    const small = await timeIt(
      () => withActor(staffOf("dai-hop"), () => Plan.listPlans({ communeId: "dai-hop" })),
      30,
    );
    const large = await timeIt(
      () => withActor(staffOf("tan-ky"), () => Plan.listPlans({ communeId: "tan-ky" })),
      30,
    );
    console.log(
      `list page of 20: 20 plans ${small.toFixed(1)} ms, 1000 plans ${large.toFixed(1)} ms, ratio ${(large / small).toFixed(2)}`,
    );
    // Filtered: a few submitted plans among the drafts, found by status and by search.
    await submitSome("dai-hop", 5);
    await submitSome("tan-ky", 5);
    for (const [label, filter] of [
      ["status", { status: "submitted" as const }],
      ["search", { q: "ke hoach 1" }],
    ] as const) {
      const count = requestCounter();
      const f20 = await timeIt(
        () => withActor(staffOf("dai-hop"), () => Plan.listPlans({ communeId: "dai-hop", ...filter })),
        30,
      );
      const r20 = count.per(31);
      const f1000 = await timeIt(
        () => withActor(staffOf("tan-ky"), () => Plan.listPlans({ communeId: "tan-ky", ...filter })),
        30,
      );
      const r1000 = count.per(31);
      count.stop();
      console.log(
        `filtered list (${label}): 20 plans ${f20.toFixed(1)} ms, 1000 plans ${f1000.toFixed(1)} ms, ratio ${(f1000 / f20).toFixed(2)}; requests per page ${r20} vs ${r1000}`,
      );
    }

    const N = 30;
    const seqIds = await approved("quang-nghiep", N);
    let t0 = performance.now();
    for (const id of seqIds) {
      await withActor(leaderOf("quang-nghiep"), () =>
        Lifecycle.transition(id, { action: "issue", version: 3 }),
      );
    }
    const sequential = performance.now() - t0;
    const conIds = await approved("dai-hop", N);
    t0 = performance.now();
    await Promise.all(
      conIds.map((id) =>
        withActor(leaderOf("dai-hop"), () => Lifecycle.transition(id, { action: "issue", version: 3 })),
      ),
    );
    const concurrent = performance.now() - t0;
    console.log(
      `issue ${N}: sequential ${sequential.toFixed(0)} ms, concurrent ${concurrent.toFixed(0)} ms, ratio ${(concurrent / sequential).toFixed(2)}`,
    );
  } finally {
    await local.stop();
  }
}

void main();
