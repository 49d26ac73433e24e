import { SEED_PLAN, SEED_PLAN_ID } from "@kehoach/core/seed/seed-plan";
import { beforeAll, describe, expect, it } from "vitest";
import { call, ensureSeed, ownTable } from "./helpers";
import {
  checkRoute,
  type Fixture,
  prototypeIsClean,
  type Sessions,
  signIn,
  type WriteRoute,
  writeRoutes,
} from "./hostile";

/**
 * Property-based: a short run of hostile requests against every write route in the OpenAPI
 * document (the long run is bench/property.bench.ts). See ./hostile.ts for what is sent and
 * what every answer must be.
 */
const RUNS = 15;
let sessions: Sessions;
let fixture: Fixture;
const { routes, doc } = await writeRoutes();

beforeAll(async () => {
  await ownTable("kehoach-property");
  await ensureSeed();
  sessions = await signIn();
  const draft = await call("POST", "/api/plans", { cookie: sessions.staff, json: { content: SEED_PLAN } });
  expect(draft.status).toBe(201);
  fixture = { draftId: draft.body.id, seedPlanId: SEED_PLAN_ID };
});

describe("hostile input on every write route", () => {
  it("covers the write routes of the OpenAPI document", () => {
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining(["POST /api/plans", "PUT /api/plans/{id}", "PUT /api/admin/scopes"]),
    );
  });

  it.each(routes.map((r) => [r.key, r] as [string, WriteRoute]))(
    "%s: never a 5xx; a documented 4xx with a bilingual body that wrote nothing",
    async (_, route) => {
      const { fiveHundreds } = await checkRoute(route, doc, { runs: RUNS, fixture, sessions });
      expect(fiveHundreds).toBe(0);
      expect(prototypeIsClean()).toBe(true);
    },
    60_000,
  );
});
