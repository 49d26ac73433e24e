import { setClock } from "@kehoach/core/clock";
import { planContent } from "@kehoach/core/plan/schema";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { app } from "../src/app";
import { call, ensureSeed, login, ownTable, scanTable } from "./helpers";

/** Xã Ninh Giang's reports through the API, on 02/12/2026 (09:00 in Vietnam), in a table of this file's own. */
const C = "xa-ninh-giang";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
let staff = "";
let leader = "";
let province = "";
let otherStaff = "";

beforeAll(async () => {
  setClock(() => new Date("2026-12-02T02:00:00Z"));
  await ownTable("kehoach-api-reports");
  await ensureSeed();
  [staff, leader, province, otherStaff] = await Promise.all([
    login("xaninhgiang.canbo"),
    login("xaninhgiang.chutich"),
    login("sonoivu.haiphong"),
    login("xatuky.canbo"),
  ]);
}, 60_000);
afterAll(() => setClock(undefined));

const post = (cookie: string, json: unknown, communeId = C) =>
  call("POST", `/api/communes/${communeId}/reports`, { cookie, json });

/** Submit, approve and issue a document as the leader; the issue answer. */
async function issue(id: string) {
  for (const action of ["submit", "approve", "issue"]) {
    const { body } = await call("GET", `/api/plans/${id}`, { cookie: leader });
    const res = await call("POST", `/api/plans/${id}/transitions`, {
      cookie: leader,
      json: { action, version: body.version },
    });
    expect(res.status, res.text).toBe(200);
    if (action === "issue") return res;
  }
  throw new Error("not issued");
}

describe("POST /api/communes/{communeId}/reports", () => {
  it("refuses a period that is not a reporting period, with its field and both languages, writing nothing", async () => {
    const before = await scanTable();
    for (const body of [
      { period: "2026-Q2" },
      { period: "abc" },
      { period: "2026-H2" },
      {},
      { period: 2026 },
    ]) {
      const res = await post(staff, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      const [first] = res.body.error.issues;
      expect(first.path).toEqual(["period"]);
      expect(first.message.vi).toBeTruthy();
      expect(first.message.en).toBeTruthy();
      expect(first.message.vi).not.toBe(first.message.en);
    }
    const listed = await call("GET", `/api/communes/${C}/reports?year=20x6`, { cookie: staff });
    expect(listed.status).toBe(400);
    expect(listed.body.error.issues[0].path).toEqual(["year"]);
    expect(await scanTable()).toEqual(before);
  });

  it("drafts the period's BC once: 201 for the new draft, 200 with it after, also when two ask at once", async () => {
    const [a, b] = await Promise.all([
      post(staff, { period: "2026-Q1" }),
      post(leader, { period: "2026-Q1" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body).toMatchObject({
      type: "BC",
      category: "CCHC",
      period: "2026-Q1",
      status: "draft",
      communeId: C,
      subject: "Kết quả công tác cải cách hành chính quý I năm 2026",
      documentNumber: { typeCode: "BC", issuerCode: "UBND" },
      recipients: ["Sở Nội vụ thành phố Hải Phòng", "Lưu: VT"],
    });
    const again = await post(staff, { period: "2026-Q1" });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(a.body.id);
  });

  it("is the commune's own: an overseer may not draft (403), another commune's staff sees nothing (404)", async () => {
    const before = await scanTable();
    expect((await post(province, { period: "2026-Q3" })).status).toBe(403);
    const other = await post(otherStaff, { period: "2026-Q3" });
    expect(other.status).toBe(404);
    expect(other.text).not.toContain("Ninh Giang");
    expect((await call("GET", `/api/communes/${C}/reports?year=2026`, { cookie: otherStaff })).status).toBe(
      404,
    );
    expect(await scanTable()).toEqual(before);
  });
});

describe("the year's reports, the annex and the board", () => {
  it("lists the periods with due dates; the overseer sees a report from issue onward, on time or late", async () => {
    const plan = await call("POST", "/api/plans", {
      cookie: staff,
      json: {
        content: {
          issuer: {
            name: "UBND xã Ninh Giang",
            headerLines: ["ỦY BAN NHÂN DÂN", "XÃ NINH GIANG"],
            code: "UBND",
          },
          documentNumber: { typeCode: "KH", issuerCode: "UBND" },
          place: "Ninh Giang",
          subject: "Tuyên truyền cải cách hành chính tháng 12 năm 2026",
          category: "CCHC",
          preamble: ["Ủy ban nhân dân xã xây dựng Kế hoạch như sau:"],
          sections: [
            { id: "s1", label: "I", heading: "MỤC ĐÍCH, YÊU CẦU", paragraphs: ["Bảo đảm tiến độ."] },
          ],
          assignments: [
            {
              id: "a1",
              label: "1",
              unit: "Văn phòng HĐND và UBND",
              tasks: [
                {
                  id: "t1",
                  description: "=1+1",
                  leadUnit: "Văn phòng HĐND và UBND",
                  deadline: { kind: "date", date: "2026-12-10" },
                },
              ],
            },
          ],
          recipients: ["Thường trực Đảng ủy", "Lưu: VT"],
          signer: {
            authority: "TM.",
            onBehalfOf: "ỦY BAN NHÂN DÂN",
            title: "CHỦ TỊCH",
            name: "Lê Văn Cường",
          },
        },
      },
    });
    expect(plan.status, plan.text).toBe(201);
    await issue(plan.body.id);
    const annexOfPlan = await call("GET", `/api/plans/${plan.body.id}/annex.xlsx`, { cookie: staff });
    expect(annexOfPlan.status).toBe(409);
    expect(annexOfPlan.body.error.code).toBe("not_a_report");

    const year = await post(staff, { period: "2026" });
    expect(year.status).toBe(201);
    // The year's draft names the plan issued in its window, and its signer signs.
    expect(JSON.stringify(year.body.sections)).toContain(
      "Kế hoạch số 01/KH-UBND ngày 02/12/2026 về tuyên truyền cải cách hành chính tháng 12 năm 2026",
    );
    expect(year.body.signer.name).toBe("Lê Văn Cường");
    // The draft leaves gaps ("…") where people write the assessment; an issued report has none.
    const drafted = (await call("GET", `/api/plans/${year.body.id}`, { cookie: staff })).body;
    const gaps = JSON.stringify(drafted.sections).split('"…"').length - 1;
    expect(gaps).toBeGreaterThan(0);
    const sections = JSON.parse(
      JSON.stringify(drafted.sections).replaceAll('"…"', '"Đã đánh giá trong kỳ."'),
    );
    const saved = await call("PUT", `/api/plans/${year.body.id}`, {
      cookie: staff,
      json: { version: drafted.version, content: planContent.parse({ ...drafted, sections }) },
    });
    expect(saved.status, saved.text).toBe(200);
    const issued = await issue(year.body.id);
    expect(issued.body.documentNumber.symbol).toBe("01/BC-UBND");

    const slots = await call("GET", `/api/communes/${C}/reports?year=2026`, { cookie: staff });
    expect(slots.status).toBe(200);
    expect(
      slots.body.map((s: { period: string; due: string; state: string }) => [s.period, s.due, s.state]),
    ).toEqual([
      ["2026-Q1", "2026-03-20", "draft"],
      ["2026-H1", "2026-06-20", "none"],
      ["2026-Q3", "2026-09-20", "none"],
      ["2026", "2026-12-20", "on_time"],
    ]);
    const seen = await call("GET", `/api/communes/${C}/reports?year=2026`, { cookie: province });
    expect(seen.body.map((s: { state: string }) => s.state)).toEqual(["none", "none", "none", "on_time"]);
    expect(seen.body[3].report).toMatchObject({ id: year.body.id, symbol: "01/BC-UBND", status: "issued" });

    const board = await call("GET", "/api/board/scopes/hai-phong-communes", { cookie: province });
    const row = board.body.rows.find((r: { id: string }) => r.id === C);
    expect(row.reportHistory["2026"]).toEqual({ onTime: 1, late: 0 });
    expect(row.reports.next).toBe("on_time");

    // The annex: the overseer downloads it; the hostile task text is inert, the deadline a date.
    const res = await call("GET", `/api/plans/${year.body.id}/annex.xlsx`, { cookie: province });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX);
    expect(res.headers.get("content-disposition")).toContain("phu-luc-01-BC-UBND.xlsx");
    const file = await app.request(`/api/plans/${year.body.id}/annex.xlsx`, {
      headers: { cookie: province },
    });
    const bytes = await file.arrayBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Kế hoạch", "Nhiệm vụ"]);
    const tasks = wb.getWorksheet("Nhiệm vụ") as ExcelJS.Worksheet;
    expect(tasks.getCell(4, 2).value).toBe("'=1+1");
    expect(tasks.getCell(4, 4).value).toEqual(new Date("2026-12-10T00:00:00Z"));
    expect(tasks.getCell(4, 5).value).toBe("Chưa thực hiện");
    expect((await call("GET", `/api/plans/${year.body.id}/annex.xlsx`, { cookie: otherStaff })).status).toBe(
      404,
    );
  });
});
