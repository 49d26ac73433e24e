// The API's routes extend core's zod schemas with OpenAPI metadata: the extension loads first.
import "@hono/zod-openapi";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { withActor } from "@kehoach/core/actor";
import { setClock } from "@kehoach/core/clock";
import { db } from "@kehoach/core/db/entities";
import { queueExport } from "@kehoach/core/exports/index";
import { seed } from "@kehoach/core/seed";
import { dispatchExports, runExportNow } from "@kehoach/documents/exports";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, login, ownTable, PASSWORD } from "./helpers";

/**
 * Scheduled exports through the API and the one dispatcher, on a table of this file's own (the
 * dispatcher reads every due schedule), in the 2025 demo world: Xã Tứ Kỳ's leader, the city's
 * Sở Nội vụ with its scope of six communes.
 */
const TK = "/api/exports/commune/xa-tu-ky";
const TK_SCHEDULES = "/api/schedules/commune/xa-tu-ky";
const HP = "/api/exports/scope/hai-phong-communes";
const HP_SCHEDULES = "/api/schedules/scope/hai-phong-communes";
const FILES = () => join(process.env.DATA_DIR ?? "", "files", "exports");

let leader = "";
let staff = "";
let overseer = "";

const at = (iso: string) => {
  const d = new Date(iso);
  setClock(() => d);
  return d;
};

/** Every file in an export's folder (a stray temporary file or a second copy would show here). */
const filesOf = (unitKind: string, unitId: string, exportId: string) => {
  const dir = join(FILES(), unitKind, unitId, exportId);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

beforeAll(async () => {
  await ownTable("kehoach-exports-test");
  await seed({ demoPassword: PASSWORD, demoActivity: true });
  leader = await login("xatuky.chutich");
  staff = await login("xatuky.canbo");
  overseer = await login("sonoivu.haiphong");
}, 180_000);

afterEach(() => setClock(undefined));
afterAll(() => setClock(undefined));

describe("schedules", () => {
  it("a commune leader creates one; staff read it; bad input is a 400 naming the field", async () => {
    const bad = await call("POST", TK_SCHEDULES, {
      cookie: leader,
      json: { kind: "tasks", periodRule: "run_day", formats: ["docx"], cron: "0 7 31 2 *" },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.issues.map((i: { path: unknown[] }) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["cron", "formats.0"]));
    expect(bad.body.error.issues[0].message.vi).toBeTruthy();

    const sixFields = await call("POST", TK_SCHEDULES, {
      cookie: leader,
      json: { kind: "tasks", periodRule: "run_day", formats: ["csv"], cron: "0 0 7 * * *" },
    });
    expect(sixFields.status).toBe(400);
    expect(sixFields.body.error.issues[0].path).toEqual(["cron"]);

    const wrongUnit = await call("POST", TK_SCHEDULES, {
      cookie: leader,
      json: { kind: "rollup", periodRule: "last_due", formats: ["xlsx"], cron: "0 7 * * 1" },
    });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.error.issues[0].path).toEqual(["kind"]);

    const byStaff = await call("POST", TK_SCHEDULES, {
      cookie: staff,
      json: { kind: "tasks", periodRule: "run_day", formats: ["csv"], cron: "0 6 * * *" },
    });
    expect(byStaff.status).toBe(403);

    const list = await call("GET", TK_SCHEDULES, { cookie: staff });
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(false);
  });

  it("0 7 15 6 * fires at 07:00 in Vietnam on 15/6 (00:00Z), not at 23:59Z on 14/6, once per period", async () => {
    at("2026-06-01T03:00:00Z");
    const created = await call("POST", TK_SCHEDULES, {
      cookie: leader,
      json: {
        kind: "tasks",
        name: "Nhiệm vụ cuối 6 tháng",
        periodRule: "next_due",
        periodKinds: ["H1"],
        formats: ["xlsx", "csv"],
        cron: "0 7 15 6 *",
      },
    });
    expect(created.status, created.text).toBe(201);
    const s = created.body;
    expect(s.nextRunAt).toBe("2026-06-15T00:00:00.000Z");
    const exportId = `${s.scheduleId}_2026-H1`;

    await dispatchExports(at("2026-06-14T23:59:59.999Z"));
    expect((await db().exportRun.get({ exportId }).go()).data).toBeNull();

    const run = await dispatchExports(at("2026-06-15T00:00:00.000Z"));
    expect(run.runs).toContainEqual({ exportId, outcome: "succeeded" });
    const e = await call("GET", `${TK}/${exportId}`, { cookie: staff });
    expect(e.body).toMatchObject({ status: "succeeded", periodKey: "2026-H1", scheduleId: s.scheduleId });
    expect(e.body.files.map((f: { name: string }) => f.name)).toEqual([
      "nhiem-vu-xa-tu-ky-2026-H1.xlsx",
      "nhiem-vu-xa-tu-ky-2026-H1.csv",
    ]);
    const after = (await call("GET", TK_SCHEDULES, { cookie: leader })).body.items.find(
      (x: { scheduleId: string }) => x.scheduleId === s.scheduleId,
    );
    expect(after.nextRunAt).toBe("2027-06-15T00:00:00.000Z");
    expect(after.lastExportId).toBe(exportId);

    // Its CSV: UTF-8 with a BOM, Vietnamese headers.
    const csv = await call("GET", `${TK}/${exportId}/files/nhiem-vu-xa-tu-ky-2026-H1.csv`, { cookie: staff });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.startsWith('"Số, ký hiệu kế hoạch",Kế hoạch,Nhiệm vụ,')).toBe(true);
    const stored = readFileSync(
      join(FILES(), "commune", "xa-tu-ky", exportId, "nhiem-vu-xa-tu-ky-2026-H1.csv"),
    );
    expect([...stored.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("a disabled schedule never runs; enabling it again brings its next run back", async () => {
    at("2026-06-01T03:00:00Z");
    const s = (
      await call("POST", TK_SCHEDULES, {
        cookie: leader,
        json: { kind: "tasks", periodRule: "run_day", formats: ["csv"], cron: "0 6 * * *", enabled: false },
      })
    ).body;
    expect(s.nextRunAt).toBeNull();
    const on = await call("PUT", `${TK_SCHEDULES}/${s.scheduleId}`, {
      cookie: leader,
      json: {
        version: 1,
        schedule: { kind: "tasks", periodRule: "run_day", formats: ["csv"], cron: "0 6 * * *" },
      },
    });
    expect(on.status, on.text).toBe(200);
    expect(on.body.nextRunAt).toBe("2026-06-01T23:00:00.000Z");
    const stale = await call("PUT", `${TK_SCHEDULES}/${s.scheduleId}`, {
      cookie: leader,
      json: {
        version: 1,
        schedule: { kind: "tasks", periodRule: "run_day", formats: ["csv"], cron: "0 6 * * *" },
      },
    });
    expect(stale.status).toBe(409);
    expect((await call("DELETE", `${TK_SCHEDULES}/${s.scheduleId}`, { cookie: leader })).status).toBe(200);
  });
});

describe("the roll-up, exactly once", () => {
  it("two dispatchers at once, then a third: one export, each file once", async () => {
    at("2026-06-20T03:00:00Z");
    const s = (
      await call("POST", HP_SCHEDULES, {
        cookie: overseer,
        json: { kind: "rollup", periodRule: "last_due", formats: ["xlsx", "csv"], cron: "0 7 21 6 *" },
      })
    ).body;
    expect(s.nextRunAt).toBe("2026-06-21T00:00:00.000Z");
    const fire = at("2026-06-21T00:05:00Z");
    const [a, b] = await Promise.all([dispatchExports(fire), dispatchExports(fire)]);
    const c = await dispatchExports(fire);
    const exportId = `${s.scheduleId}_2026-H1`;
    const outcomes = [...a.runs, ...b.runs, ...c.runs]
      .filter((r) => r.exportId === exportId)
      .map((r) => r.outcome);
    expect(outcomes.filter((o) => o === "succeeded")).toHaveLength(1);
    expect(a.claimed + b.claimed + c.claimed).toBe(1);

    const list = await call("GET", HP, { cookie: overseer });
    expect(
      list.body.items.filter((e: { scheduleId?: string }) => e.scheduleId === s.scheduleId),
    ).toHaveLength(1);
    const base = `tong-hop-hai-phong-communes-2026-H1`;
    expect(filesOf("scope", "hai-phong-communes", exportId)).toEqual(
      [
        `${base}.xlsx`,
        `${base}-tong-hop.csv`,
        `${base}-nhiem-vu-qua-han.csv`,
        `${base}-ke-hoach-da-ban-hanh.csv`,
        `${base}-bao-cao-dinh-ky.csv`,
      ].sort(),
    );

    const e = (await call("GET", `${HP}/${exportId}`, { cookie: overseer })).body;
    expect(e).toMatchObject({ status: "succeeded", progressDone: 6, progressTotal: 6, attempts: 1 });
    // The workbook, read back: four sheets, frozen headers, deadlines as dates.
    const res = await call("GET", `${HP}/${exportId}/files/${base}.xlsx`, { cookie: overseer });
    expect(res.status).toBe(200);
    const bytes = readFileSync(join(FILES(), "scope", "hai-phong-communes", exportId, `${base}.xlsx`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Tổng hợp",
      "Nhiệm vụ quá hạn",
      "Kế hoạch đã ban hành",
      "Báo cáo định kỳ",
    ]);
    const summary = wb.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(summary.rowCount).toBe(3 + 6);
    const overdue = wb.getWorksheet("Nhiệm vụ quá hạn") as ExcelJS.Worksheet;
    expect(overdue.rowCount).toBeGreaterThan(3);
    expect(overdue.getCell(4, 6).value).toBeInstanceOf(Date);
    const issued = wb.getWorksheet("Kế hoạch đã ban hành") as ExcelJS.Worksheet;
    // The demo communes issued their plans of 10/3 and 5/6 within the 6-month window.
    expect(issued.rowCount).toBeGreaterThan(3);
    expect(String(issued.getCell(4, 2).value)).toMatch(/\/KH-/);
  });

  it("a run stopped half-way is taken over once its lease lapses, and completes once, one file", async () => {
    const start = at("2026-06-22T02:00:00Z");
    const queued = await withActor(
      {
        username: "sonoivu.haiphong",
        displayName: "Sở Nội vụ",
        role: "overseer",
        unitId: "hai-phong",
        communeIds: [],
      },
      () =>
        queueExport(
          { unitKind: "scope", unitId: "hai-phong-communes" },
          { kind: "rollup", periodKey: "2026-H1", formats: ["xlsx"] },
          "sonoivu.haiphong",
        ),
    );
    expect(await runExportNow(queued.exportId, { stopAfter: 2, at: start })).toBe("stopped");
    const stopped = (await call("GET", `${HP}/${queued.exportId}`, { cookie: overseer })).body;
    expect(stopped).toMatchObject({ status: "running", progressDone: 2, progressTotal: 6, attempts: 1 });
    expect(filesOf("scope", "hai-phong-communes", queued.exportId)).toEqual([]);

    // Within the lease another dispatcher leaves it alone.
    const early = await dispatchExports(at("2026-06-22T02:05:00Z"));
    expect(early.runs.map((r) => r.exportId)).not.toContain(queued.exportId);
    expect((await call("GET", `${HP}/${queued.exportId}`, { cookie: overseer })).body.status).toBe("running");
    // After it, the next dispatcher takes it over and finishes it.
    const late = await dispatchExports(at("2026-06-22T02:11:00Z"));
    expect(late.runs).toContainEqual({ exportId: queued.exportId, outcome: "succeeded" });
    const done = (await call("GET", `${HP}/${queued.exportId}`, { cookie: overseer })).body;
    expect(done).toMatchObject({ status: "succeeded", progressDone: 6, attempts: 2 });
    expect(filesOf("scope", "hai-phong-communes", queued.exportId)).toEqual([
      "tong-hop-hai-phong-communes-2026-H1.xlsx",
    ]);
    const again = await dispatchExports(at("2026-06-22T03:00:00Z"));
    expect(again.runs.map((r) => r.exportId)).not.toContain(queued.exportId);
  });
});

describe("downloads and exports stay within their unit", () => {
  it("refuses (404) everyone outside: other communes, other overseers, overseers for a commune's exports", async () => {
    at("2026-06-23T02:00:00Z");
    const now = await call("POST", TK, { cookie: staff, json: { kind: "tasks", formats: ["csv"] } });
    expect(now.status, now.text).toBe(202);
    const id = now.body.exportId;
    let e = now.body;
    for (let i = 0; i < 100 && e.status !== "succeeded"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      e = (await call("GET", `${TK}/${id}`, { cookie: staff })).body;
    }
    expect(e.status).toBe("succeeded");
    const file = `${TK}/${id}/files/${e.files[0].name}`;
    expect((await call("GET", file, { cookie: leader })).status).toBe(200);
    const outsiders = [await login("xachiminh.chutich"), overseer, await login("tuky.noivu")];
    for (const cookie of outsiders) {
      for (const path of [file, `${TK}/${id}`, TK, TK_SCHEDULES]) {
        const res = await call("GET", path, { cookie });
        expect(res.status, `${path}: ${res.text}`).toBe(404);
      }
      expect((await call("POST", TK, { cookie, json: { kind: "tasks" } })).status).toBe(404);
    }
    // The scope's exports: its overseeing body only, not the communes in it nor a former body.
    const rollups = (await call("GET", HP, { cookie: overseer })).body.items;
    const rollup = rollups.find((x: { status: string }) => x.status === "succeeded");
    const rollupFile = `${HP}/${rollup.exportId}/files/${rollup.files[0].name}`;
    expect((await call("GET", rollupFile, { cookie: overseer })).status).toBe(200);
    for (const cookie of [leader, staff, await login("tuky.noivu")]) {
      expect((await call("GET", rollupFile, { cookie })).status).toBe(404);
      expect((await call("GET", HP, { cookie })).status).toBe(404);
    }
    expect((await call("GET", file)).status).toBe(401);
  });

  it("keeps exports for the unit's retention, then deletes their files and items", async () => {
    at("2026-06-24T02:00:00Z");
    const list = (await call("GET", TK, { cookie: leader })).body.items as {
      exportId: string;
      files: { name: string }[];
      status: string;
    }[];
    const done = list.filter((e) => e.status === "succeeded");
    expect(done.length).toBeGreaterThan(0);
    const set = await call("PUT", `${TK_SCHEDULES}/retention`, {
      cookie: leader,
      json: { retentionDays: 2 },
    });
    expect(set.body).toEqual({ retentionDays: 2 });
    expect(
      (await call("PUT", `${TK_SCHEDULES}/retention`, { cookie: staff, json: { retentionDays: 9 } })).status,
    ).toBe(403);
    const bad = await call("PUT", `${TK_SCHEDULES}/retention`, {
      cookie: leader,
      json: { retentionDays: 0 },
    });
    expect(bad.body.error.issues[0].path).toEqual(["retentionDays"]);

    const sweep = await dispatchExports(at("2026-06-30T00:00:00Z"));
    expect(sweep.swept).toBeGreaterThanOrEqual(done.length);
    for (const e of done) {
      expect((await db().exportRun.get({ exportId: e.exportId }).go()).data).toBeNull();
      expect(filesOf("commune", "xa-tu-ky", e.exportId)).toEqual([]);
    }
  });
});
