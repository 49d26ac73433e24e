import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bodyTexts, collapseSpaces, deadlineCell, recipientLines } from "@kehoach/core/plan/document-text";
import { type PlanContent, planContent } from "@kehoach/core/plan/schema";
import { templates } from "@kehoach/core/plan/templates";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { importPlanDocx, importPlanText } from "../src/import";
import { renderPlanDocx } from "../src/render-docx";
import { FIXTURES, paragraphs, unzipDocx } from "./helpers";

const count = (hay: string, needle: string) => {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
};
const flat = (s: string) => collapseSpaces(s.normalize("NFC").replace(/\s+/g, " "));

async function imported(name: string): Promise<PlanContent> {
  const path = join(FIXTURES, name);
  const result = name.endsWith(".docx")
    ? await importPlanDocx(readFileSync(path))
    : importPlanText(readFileSync(path, "utf8"));
  return planContent.parse(result.draft);
}

const FIXTURE_FILES = readdirSync(FIXTURES).filter((f) => /\.(txt|docx)$/.test(f));

describe("every imported fixture renders all it holds, each fact once", () => {
  it.each(FIXTURE_FILES)("%s", async (name) => {
    const plan = await imported(name);
    const buf = await renderPlanDocx({ ...plan, status: "draft" });
    const text = flat((await mammoth.extractRawText({ buffer: buf })).value);
    // Everything else the page prints of the clerk's words: the body, and the table's tasks and units.
    const written = flat(
      [
        ...bodyTexts(plan),
        ...plan.assignments.flatMap((a) =>
          a.tasks.flatMap((t) => [t.description, t.leadUnit ?? a.unit, ...t.partnerUnits]),
        ),
      ].join("\n"),
    );
    let checked = 0;
    for (const a of plan.assignments)
      for (const t of a.tasks) {
        expect(count(text, flat(t.description)), `task "${t.description}"`).toBe(1);
        const dl = deadlineCell(t);
        // The deadline column prints it once; the clerk's own words may also state it.
        if (dl) expect(count(text, dl), `deadline ${dl}`).toBe(1 + count(written, dl));
        checked++;
      }
    for (const r of recipientLines(plan.recipients)) {
      // Printed once in "Nơi nhận" (an attendee list in the body may name the same body).
      const name = flat(r).replace(/^- /, "").replace(/[;.]$/, "");
      expect(count(text, name), `recipient ${r}`).toBe(1 + count(written, name));
      checked++;
    }
    for (const b of plan.basis)
      if (b.symbol) {
        expect(count(text, b.symbol), `cited ${b.symbol}`).toBe(1);
        checked++;
      }
    expect(checked).toBeGreaterThan(3);
    // An imported plan that already carries its office's number is a copy of an issued document.
    const marked = paragraphs((await unzipDocx(buf)).document).some((p) => p.text.includes("DỰ THẢO"));
    expect(marked).toBe(plan.documentNumber.number === undefined && !plan.documentNumber.symbol);
  });
});

describe("what the page prints comes from the plan's fields", () => {
  const fromTemplate = () => {
    const t = templates({ name: "Xã Tứ Kỳ", shortName: "Tứ Kỳ" }).find((x) => x.id === "review-conference");
    const plan = planContent.parse(structuredClone(t?.content));
    plan.basis = [
      {
        type: "Kế hoạch",
        number: 61,
        symbol: "61/KH-UBND",
        date: "2022-12-30",
        issuer: "UBND xã Tứ Kỳ",
        subject: "cải cách hành chính năm 2023",
      },
    ];
    plan.preamble = ["Ủy ban nhân dân xã xây dựng Kế hoạch tổ chức Hội nghị sơ kết, cụ thể như sau:"];
    plan.event = {
      ...(plan.event as NonNullable<PlanContent["event"]>),
      date: "2023-06-25",
      attendeeCount: 40,
    };
    return plan;
  };

  it("a plan from the template prints its citation, the event's date, venue and attendees, and every task", async () => {
    const plan = fromTemplate();
    const text = flat((await mammoth.extractRawText({ buffer: await renderPlanDocx(plan) })).value);
    expect(text).toContain(
      "Căn cứ Kế hoạch số 61/KH-UBND ngày 30 tháng 12 năm 2022 của UBND xã Tứ Kỳ về cải cách hành chính năm 2023;",
    );
    expect(text).toContain("Thời gian: ½ ngày, dự kiến ngày 25/06/2023.");
    expect(text).toContain("Địa điểm: Hội trường UBND xã.");
    expect(text).toContain("Thành phần: khoảng 40 đại biểu, gồm: BTV Đảng ủy;");
    expect(text).toContain("Kinh phí: Ngân sách xã.");
    for (const a of plan.assignments) for (const t of a.tasks) expect(count(text, t.description)).toBe(1);
    // the event item closes section II, before III
    expect(text.indexOf("3. Thời gian, địa điểm, thành phần tham dự")).toBeGreaterThan(
      text.indexOf("II. NỘI DUNG"),
    );
    expect(text.indexOf("3. Thời gian, địa điểm")).toBeLessThan(text.indexOf("III. TỔ CHỨC THỰC HIỆN"));
  });

  it("section III with items of its own still gets the assignments table after them", async () => {
    const plan = fromTemplate();
    const iii = plan.sections[2] as PlanContent["sections"][number];
    iii.children = [
      {
        id: "x1",
        label: "1",
        heading: "Phân công nhiệm vụ",
        paragraphs: ["(Chi tiết theo bảng sau)"],
        children: [],
      },
    ];
    const text = flat((await mammoth.extractRawText({ buffer: await renderPlanDocx(plan) })).value);
    const after = text.indexOf("(Chi tiết theo bảng sau)");
    expect(after).toBeGreaterThan(0);
    for (const a of plan.assignments)
      for (const t of a.tasks) {
        expect(count(text, t.description)).toBe(1);
        expect(text.indexOf(t.description)).toBeGreaterThan(after);
      }
  });

  it("a recipient is one paragraph with a hanging indent", async () => {
    const plan = fromTemplate();
    plan.recipients = [
      "Thường trực Đảng ủy, Thường trực HĐND, Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội",
    ];
    const docx = await unzipDocx(await renderPlanDocx(plan));
    const p = paragraphs(docx.document).filter((x) => x.text.startsWith("- Thường trực Đảng ủy"));
    expect(p).toHaveLength(1);
    expect(p[0]?.xml).toMatch(/<w:ind w:left="170" w:hanging="170"\/>/);
  });
});
