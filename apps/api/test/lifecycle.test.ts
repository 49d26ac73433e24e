import { SEED_PLAN, SEED_PLAN_ID } from "@kehoach/core/seed/seed-plan";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../src/app";
import { call, ensureSeed, login } from "./helpers";

let staff: string;
let leader: string;
beforeAll(async () => {
  await ensureSeed();
  staff = await login("daihop.canbo");
  leader = await login("daihop.chutich");
});

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A plan of today, without the seed's errors and without the abolished district tier. */
const clean = () => ({
  ...SEED_PLAN,
  issuer: { ...SEED_PLAN.issuer, name: "UBND xã Đại Hợp", headerLines: ["ỦY BAN NHÂN DÂN", "XÃ ĐẠI HỢP"] },
  place: "Đại Hợp",
  subject: "Tổ chức Hội nghị sơ kết công tác cải cách hành chính",
  preamble: [
    "Ủy ban nhân dân xã Đại Hợp xây dựng Kế hoạch tổ chức Hội nghị sơ kết cải cách hành chính như sau:",
  ],
  basis: [
    { type: "Kế hoạch", number: 61, symbol: "61/KH-UBND", date: inDays(-30), issuer: "UBND xã Đại Hợp" },
  ],
  sections: [
    {
      id: "s1",
      label: "I",
      heading: "MỤC ĐÍCH, YÊU CẦU",
      paragraphs: ["Đánh giá kết quả cải cách hành chính."],
    },
  ],
  event: { ...SEED_PLAN.event, date: inDays(30), attendeeGroups: [{ name: "Lãnh đạo UBND xã" }] },
  assignments: [
    {
      id: "a1",
      label: "1",
      unit: "Văn phòng - Thống kê",
      tasks: [
        {
          id: "t1",
          description: "Chuẩn bị tài liệu phục vụ Hội nghị.",
          leadUnit: "Văn phòng - Thống kê",
          deadline: { kind: "date", date: inDays(25) },
        },
      ],
    },
  ],
  closing: [
    "Trên đây là Kế hoạch tổ chức Hội nghị sơ kết; yêu cầu công chức chuyên môn nghiêm túc thực hiện./.",
  ],
  recipients: ["UBND tỉnh Hải Phòng", "Thường trực Đảng ủy", "Lưu: VT"],
});

async function step(id: string, cookie: string, action: string, version: number, reason?: string) {
  return call("POST", `/api/plans/${id}/transitions`, {
    cookie,
    json: { action, version, ...(reason ? { reason } : {}) },
  });
}

describe("lifecycle over HTTP", () => {
  it("checker errors block issuing with 422 and field paths", async () => {
    const qnLeader = await login("quangnghiep.chutich");
    const qnStaff = await login("quangnghiep.canbo");
    const created = await call("POST", "/api/plans", { cookie: qnStaff, json: { content: SEED_PLAN } });
    const id = created.body.id;
    expect((await step(id, qnStaff, "submit", 1)).status).toBe(200);
    expect((await step(id, qnLeader, "approve", 2)).status).toBe(200);
    const res = await step(id, qnLeader, "issue", 3);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("checker_errors");
    expect(res.body.error.issues.map((i: { path: string[] }) => i.path.join("."))).toContain(
      "content.basis.0.date",
    );
    const findings = await call("GET", `/api/plans/${SEED_PLAN_ID}/findings`, { cookie: qnStaff });
    expect(findings.body.some((f: { code: string }) => f.code === "cited-after-event")).toBe(true);
  });

  it("staff creates and submits, the leader approves and issues; register and documents follow", async () => {
    const created = await call("POST", "/api/plans", { cookie: staff, json: { content: clean() } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await step(id, leader, "submit", 1)).status).toBe(200);
    expect((await step(id, staff, "approve", 2)).status).toBe(403);
    expect((await step(id, leader, "approve", 2)).status).toBe(200);
    const issued = await step(id, leader, "issue", 3);
    expect(issued.status, issued.text).toBe(200);
    expect(issued.body.documentNumber.symbol).toMatch(/^\d{2,}\/KH-UBND$/);
    const year = issued.body.date.slice(0, 4);
    const reg = await call("GET", `/api/communes/dai-hop/register?year=${year}`, { cookie: staff });
    expect(reg.body.map((r: { planId: string }) => r.planId)).toContain(id);

    const xlsx = await app.request(`/api/communes/dai-hop/register.xlsx?year=${year}`, {
      headers: { cookie: staff },
    });
    expect(xlsx.status).toBe(200);
    const book = await JSZip.loadAsync(await xlsx.arrayBuffer());
    const sheet = await book.file("xl/sharedStrings.xml")?.async("string");
    expect(sheet).toContain(issued.body.documentNumber.symbol);

    const docx = await app.request(`/api/plans/${id}/document.docx`, { headers: { cookie: staff } });
    expect(docx.status).toBe(200);
    const zip = await JSZip.loadAsync(await docx.arrayBuffer());
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain(issued.body.documentNumber.symbol);

    const hist = await call("GET", `/api/plans/${id}/history`, { cookie: staff });
    expect(hist.body.map((h: { action: string; actor: string }) => `${h.action}:${h.actor}`)).toEqual([
      "create:daihop.canbo",
      "submit:daihop.chutich",
      "approve:daihop.chutich",
      "issue:daihop.chutich",
    ]);
  });

  it("templates and live check", async () => {
    const t = await call("GET", "/api/communes/dai-hop/templates", { cookie: staff });
    expect(t.status).toBe(200);
    expect(t.body.map((x: { id: string }) => x.id)).toContain("review-conference");
    const check = await call("POST", "/api/documents/check", { cookie: staff, json: { content: SEED_PLAN } });
    expect(check.status).toBe(200);
    expect(check.body.some((f: { severity: string }) => f.severity === "error")).toBe(true);
  });
});
