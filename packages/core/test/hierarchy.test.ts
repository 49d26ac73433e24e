import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Actor, withActor } from "../src/actor";
import { createUser, listLineage, putScope, recordLineage } from "../src/admin";
import { resolveActor } from "../src/auth";
import { setClock } from "../src/clock";
import { seed } from "../src/seed";
import { putUnit } from "../src/unit";
import { statusOf } from "./helpers";

const admin: Actor = { username: "admin", displayName: "Quản trị", role: "admin", communeIds: [] };
const asAdmin = <T>(fn: () => Promise<T>) => withActor(admin, fn);

beforeAll(async () => {
  await seed();
  // After 1/7/2025: no district tier; the province oversees merged communes directly.
  await asAdmin(async () => {
    await putUnit({
      id: "hai-phong",
      kind: "province",
      name: "Thành phố Hải Phòng",
      shortName: "Hải Phòng",
      validFrom: "2025-07-01",
    });
    await putUnit({
      id: "tu-ky-moi",
      kind: "commune",
      name: "Xã Tứ Kỳ",
      shortName: "Tứ Kỳ",
      parentId: "hai-phong",
      validFrom: "2025-07-01",
    });
    await recordLineage({
      kind: "merge",
      fromUnitIds: ["quang-nghiep", "dai-hop"],
      toUnitIds: ["tu-ky-moi"],
      date: "2025-07-01",
      legalBasis: "Nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025",
    });
    await putScope({
      scopeId: "hai-phong-noi-vu",
      overseerUnitId: "hai-phong",
      name: "Sở Nội vụ Hải Phòng",
      unitIds: ["tu-ky-moi", "tan-ky"],
      validFrom: "2025-07-01",
    });
    await putScope({
      scopeId: "tu-ky-truoc-2025",
      overseerUnitId: "tu-ky",
      name: "Huyện Tứ Kỳ đến 30/6/2025",
      unitIds: ["quang-nghiep"],
      validFrom: "2000-01-01",
      validTo: "2025-06-30",
    });
  });
});
afterEach(() => setClock(undefined));

describe("hierarchy across the 2025 reform", () => {
  it("a province overseer sees the communes of its current scope", async () => {
    setClock(() => new Date("2026-01-10T03:00:00Z"));
    const a = await resolveActor({
      username: "hp",
      displayName: "Sở Nội vụ",
      role: "overseer",
      unitId: "hai-phong",
    });
    expect(a.communeIds).toEqual(expect.arrayContaining(["tan-ky", "tu-ky-moi"]));
    expect(a.communeIds).not.toContain("quang-nghiep");
  });

  it("scopes have validity dates: one not begun grants nothing; a closed one keeps its history readable", async () => {
    setClock(() => new Date("2025-05-01T03:00:00Z"));
    const before = await resolveActor({ username: "x", displayName: "x", role: "overseer", unitId: "tu-ky" });
    expect(before.communeIds).toContain("quang-nghiep");
    const early = await resolveActor({
      username: "x",
      displayName: "x",
      role: "overseer",
      unitId: "hai-phong",
    });
    expect(early.communeIds).not.toContain("tu-ky-moi");
    setClock(() => new Date("2025-07-02T03:00:00Z"));
    const hp = await resolveActor({ username: "x", displayName: "x", role: "overseer", unitId: "hai-phong" });
    expect(hp.communeIds).not.toContain("quang-nghiep");
    expect(hp.communeIds).toContain("tu-ky-moi");
    // The dissolved district's body still reads the communes it oversaw (read-only history).
    const district = await resolveActor({
      username: "x",
      displayName: "x",
      role: "overseer",
      unitId: "tu-ky",
    });
    expect(district.communeIds).toContain("quang-nghiep");
  });

  it("lineage records merges with their legal basis", async () => {
    const events = await asAdmin(() => listLineage());
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: "merge",
        fromUnitIds: ["quang-nghiep", "dai-hop"],
        toUnitIds: ["tu-ky-moi"],
      }),
    );
  });

  it("refuses scopes and users that name unknown units, with a field path", async () => {
    const err = await asAdmin(() =>
      putScope({
        scopeId: "sai",
        overseerUnitId: "hai-phong",
        name: "x",
        unitIds: ["khong-co"],
        validFrom: "2025-07-01",
      }),
    ).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.details.issues[0].path).toEqual(["unitIds"]);
    expect(
      await statusOf(
        asAdmin(() =>
          createUser({
            username: "ai.do",
            displayName: "x",
            role: "commune_staff",
            unitId: "khong-co",
            password: "0123456789ab",
          }),
        ),
      ),
    ).toBe(400);
  });

  it("only admins manage units and scopes", async () => {
    const staff: Actor = {
      username: "s",
      displayName: "s",
      role: "commune_staff",
      unitId: "tan-ky",
      communeIds: ["tan-ky"],
    };
    expect(
      await statusOf(
        withActor(staff, () =>
          putUnit({ id: "gia", kind: "commune", name: "Giả", shortName: "Giả", validFrom: "2025-07-01" }),
        ),
      ),
    ).toBe(403);
  });
});

describe("admin checks", () => {
  it("units: the parent must exist and be one level up; no unit under itself; dates in order", async () => {
    const put = (u: object) =>
      statusOf(asAdmin(() => putUnit({ name: "X", shortName: "X", validFrom: "2025-07-01", ...u })));
    expect(await put({ id: "mo-coi", kind: "commune", parentId: "khong-co" })).toBe(400);
    expect(await put({ id: "mo-coi", kind: "commune" })).toBe(400);
    expect(await put({ id: "huyen-sai", kind: "district", parentId: "tan-ky" })).toBe(400);
    expect(await put({ id: "tu-ky", kind: "district", parentId: "tu-ky" })).toBe(400);
    expect(await put({ id: "mo-coi", kind: "commune", parentId: "tu-ky", validTo: "2020-01-01" })).toBe(400);
    expect(await put({ id: "xa-thang", kind: "commune", parentId: "hai-phong" })).toBe("ok");
  });

  it("scopes hold communes and are held by a district or province; accounts sit at the right level", async () => {
    const scope = (s: object) =>
      statusOf(asAdmin(() => putScope({ scopeId: "thu", name: "x", validFrom: "2025-07-01", ...s })));
    expect(await scope({ overseerUnitId: "hai-phong", unitIds: ["tu-ky"] })).toBe(400);
    expect(await scope({ overseerUnitId: "tan-ky", unitIds: ["tan-ky"] })).toBe(400);
    const user = (u: object) =>
      statusOf(asAdmin(() => createUser({ displayName: "x", password: "0123456789ab", ...u })));
    expect(await user({ username: "sai.cap", role: "commune_staff", unitId: "tu-ky" })).toBe(400);
    expect(await user({ username: "sai.cap2", role: "overseer", unitId: "tan-ky" })).toBe(400);
    expect(await user({ username: "dung.cap", role: "overseer", unitId: "hai-phong" })).toBe("ok");
  });

  it("lineage: the number of units fits the kind, unknown successors are reported on their field", async () => {
    const rec = (l: object) => asAdmin(() => recordLineage({ date: "2025-07-01", ...l }));
    expect(await statusOf(rec({ kind: "merge", fromUnitIds: ["tan-ky"], toUnitIds: ["tu-ky-moi"] }))).toBe(
      400,
    );
    expect(await statusOf(rec({ kind: "rename", fromUnitIds: ["tan-ky"], toUnitIds: ["a", "b"] }))).toBe(400);
    const err = await rec({ kind: "rename", fromUnitIds: ["tan-ky"], toUnitIds: ["khong-co"] }).catch(
      (e) => e,
    );
    expect(err.details.issues[0].path).toEqual(["toUnitIds"]);
  });
});
