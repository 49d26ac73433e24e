import { checkPlan, MAX_SECTION_DEPTH } from "@kehoach/core/plan/checker";
import type { SectionItem } from "@kehoach/core/plan/schema";
import { xmlSafe } from "@kehoach/core/vi-text";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { importPlanText } from "../src/import";
import { renderRegisterXlsx } from "../src/register-xlsx";
import { renderPlanDocx } from "../src/render-docx";
import { seedPlan } from "./helpers";

/** A strict XML 1.0 parser (saxes rejects characters XML forbids); throws on the first error. */
function parseXml(xml: string): number {
  let elements = 0;
  const parser = new SaxesParser();
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", () => {
    elements++;
  });
  parser.write(xml).close();
  return elements;
}

/** Sections nested `depth` deep, built without recursion. */
function nested(depth: number): SectionItem {
  const root: SectionItem = { id: "s1", label: "I", heading: "MỤC ĐÍCH", paragraphs: [], children: [] };
  let at = root;
  for (let i = 1; i < depth; i++) {
    const child: SectionItem = { id: `d${i}`, label: "-", paragraphs: [`Cấp ${i}`], children: [] };
    at.children.push(child);
    at = child;
  }
  return root;
}

describe("deeply nested sections", () => {
  const plan = { ...seedPlan(), sections: [nested(10_000)] };

  it("the checker reports the depth as a finding instead of overflowing the stack", () => {
    const findings = checkPlan(plan, { today: "2026-11-25" });
    const deep = findings.filter((f) => f.code === "section-too-deep");
    expect(deep).toHaveLength(1);
    expect(deep[0]?.severity).toBe("error");
    expect(deep[0]?.location.path.length).toBe(2 * (MAX_SECTION_DEPTH + 1));
    expect(deep[0]?.message.vi).toMatch(/lồng nhau/);
    expect(deep[0]?.message.en).toMatch(/nested/);
    // Shallow plans get no such finding.
    expect(checkPlan(seedPlan()).some((f) => f.code === "section-too-deep")).toBe(false);
  });

  it("the renderer writes every level in document order", async () => {
    const zip = await JSZip.loadAsync(await renderPlanDocx({ ...seedPlan(), sections: [nested(3000)] }));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml.indexOf("Cấp 1<")).toBeLessThan(xml.indexOf("Cấp 2<"));
    expect(xml.indexOf("Cấp 2998<")).toBeLessThan(xml.indexOf("Cấp 2999<"));
  });

  it('the importer caps "1.1.1.1…" labels, so its own drafts stay shallow', () => {
    const lines = ["KẾ HOẠCH", "Thử", "I. MỤC ĐÍCH"];
    for (let d = 2; d < 400; d++) lines.push(`${Array(d).fill("1").join(".")}. Mục cấp ${d}`);
    const r = importPlanText(lines.join("\n"));
    let depth = 0;
    let level = (r.draft.sections ?? []) as SectionItem[];
    while (level.length) {
      depth++;
      level = level.flatMap((s) => s.children);
    }
    expect(depth).toBeGreaterThan(2);
    expect(depth).toBeLessThanOrEqual(8);
  });
});

describe("characters XML cannot carry", () => {
  const bad = "\uFFFE\u0001\u0000\u001f\uFFFF\ud800";

  it("xmlSafe drops them and keeps Vietnamese, tabs, newlines and paired surrogates", () => {
    expect(xmlSafe(`Kế hoạch${bad} số 1\t\n😀`)).toBe("Kế hoạch số 1\t\n😀");
  });

  it("a plan whose texts hold them renders to well-formed XML", async () => {
    const p = seedPlan();
    const plan = {
      ...p,
      subject: `Tổ chức Hội nghị${bad} sơ kết`,
      preamble: [`Căn cứ${bad}`],
      recipients: [`UBND xã${bad}`],
      signer: { ...p.signer, name: `Vũ Chí Mạnh${bad}` },
    };
    const zip = await JSZip.loadAsync(await renderPlanDocx(plan));
    for (const name of ["word/document.xml", "docProps/core.xml"]) {
      const xml = (await zip.file(name)?.async("string")) ?? "";
      expect(parseXml(xml), name).toBeGreaterThan(0);
    }
    const doc = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(doc).toContain("Tổ chức Hội nghị sơ kết");
    expect(doc).toContain("Vũ Chí Mạnh");
  });

  it("the register XLSX stays well-formed", async () => {
    const buf = await renderRegisterXlsx({
      communeName: `Quảng Nghiệp${bad}`,
      year: "2026",
      rows: [
        {
          number: 1,
          symbol: `01/KH-UBND${bad}`,
          issuedDate: "2026-01-05",
          subject: `Kế hoạch${bad} tổ chức`,
          signer: `Vũ Chí Mạnh${bad}`,
        },
      ],
    });
    const zip = await JSZip.loadAsync(buf);
    const parts = Object.keys(zip.files).filter((n) => n.endsWith(".xml"));
    expect(parts).toContain("xl/worksheets/sheet1.xml");
    for (const name of parts) {
      const xml = (await zip.file(name)?.async("string")) ?? "";
      expect(parseXml(xml), name).toBeGreaterThan(0);
    }
    const all = (await Promise.all(parts.map(async (n) => (await zip.file(n)?.async("string")) ?? ""))).join(
      "",
    );
    expect(all).toContain("Kế hoạch tổ chức");
  });
});
