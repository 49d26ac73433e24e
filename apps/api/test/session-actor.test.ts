/**
 * A session carries what the actor needs of its account, so a signed-in read costs the session's
 * one read plus its own; every change to the account still reaches open sessions on their next
 * request (new grants are followed, a disabled account is out).
 */
import { countRequests } from "@kehoach/core/db/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createAccount, ensureSeed, login } from "./helpers";

let counter: ReturnType<typeof countRequests>;

beforeAll(async () => {
  await ensureSeed();
  counter = countRequests();
});
afterAll(() => counter.stop());

async function counted<T>(f: () => Promise<T>): Promise<{ value: T; requests: number }> {
  const before = counter.requests;
  const value = await f();
  return { value, requests: counter.requests - before };
}

describe("a signed-in request", () => {
  it("lists a commune's plans with two DynamoDB requests: the session and the plans", async () => {
    const staff = await login("quangnghiep.canbo");
    const { value, requests: n } = await counted(() =>
      call("GET", "/api/plans?communeId=quang-nghiep&limit=20", { cookie: staff }),
    );
    expect(value.status).toBe(200);
    expect(value.body.items.length).toBeGreaterThan(0);
    expect(n).toBe(2);
  });

  it("an overseer's open session follows a scope change on its next request", async () => {
    const admin = await login("admin");
    const account = {
      username: "phien.haiduong",
      displayName: "Cán bộ theo dõi (phiên)",
      role: "overseer",
      unitId: "hai-duong",
      password: "mat-khau-phien-2025",
    };
    const overseer = await createAccount(admin, account);
    const list = () => call("GET", "/api/plans?communeId=xa-ha-bac&limit=5", { cookie: overseer });
    expect((await list()).status).toBe(404);
    const scope = {
      scopeId: "phien-theo-doi",
      overseerUnitId: "hai-duong",
      name: "Theo dõi thử",
      unitIds: ["xa-ha-bac"],
      validFrom: "2020-01-01",
    };
    expect((await call("PUT", "/api/admin/scopes", { cookie: admin, json: scope })).status).toBe(200);
    expect((await list()).status).toBe(200);
    const moved = { ...scope, unitIds: ["xa-ninh-giang"] };
    expect((await call("PUT", "/api/admin/scopes", { cookie: admin, json: moved })).status).toBe(200);
    expect((await list()).status).toBe(404);
    expect(
      (await call("GET", "/api/plans?communeId=xa-ninh-giang&limit=5", { cookie: overseer })).status,
    ).toBe(200);
  });

  it("a disabled account's open session is refused on its next request", async () => {
    const admin = await login("admin");
    const account = {
      username: "phien.daihop",
      displayName: "Cán bộ (phiên)",
      role: "commune_staff",
      unitId: "dai-hop",
      password: "mat-khau-phien-2025",
    };
    const staff = await createAccount(admin, account);
    expect((await call("GET", "/api/me", { cookie: staff })).status).toBe(200);
    const off = await call("PUT", `/api/admin/users/${account.username}/disabled`, {
      cookie: admin,
      json: { disabled: true },
    });
    expect(off.status).toBe(200);
    expect((await call("GET", "/api/me", { cookie: staff })).status).toBe(401);
  });
});

describe("a deployed stage", () => {
  it("never receives the demo seed and its accounts", async () => {
    const { seed } = await import("@kehoach/core/seed");
    process.env.SST_RESOURCE_App = JSON.stringify({ name: "kehoach", stage: "production" });
    try {
      await expect(seed({ demoPassword: "mat-khau-thu-nghiem-2025" })).rejects.toThrow(/deployed stage/);
    } finally {
      delete process.env.SST_RESOURCE_App;
    }
  });
});
