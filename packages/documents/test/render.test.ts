import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planContent } from "@kehoach/core/plan/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { numberLine, recipientLines, renderPlanDocx } from "../src/render-docx";
import {
  cleanPlan,
  type Docx,
  paragraphs,
  rows,
  runs,
  seedPlan,
  tables,
  tableTexts,
  unzipDocx,
} from "./helpers";
import { docxToPdf } from "./libreoffice";

describe("renderPlanDocx – the seed plan (a draft)", () => {
  let buf: Buffer;
  let docx: Docx;
  beforeAll(async () => {
    buf = await renderPlanDocx(seedPlan());
    docx = await unzipDocx(buf);
  });

  it("is a ZIP with the WordprocessingML parts", () => {
    expect(buf.subarray(0, 2).toString()).toBe("PK");
    expect(docx.zip.file("word/document.xml")).toBeTruthy();
    expect(docx.zip.file("[Content_Types].xml")).toBeTruthy();
  });

  it("is A4 portrait with Decree 30 margins (top/bottom 20 mm, left 30 mm, right 15 mm)", () => {
    expect(docx.document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const mar = docx.document.match(/<w:pgMar ([^>]*)\/>/)?.[1] ?? "";
    const attr = (n: string) => Number(mar.match(new RegExp(`w:${n}="(\\d+)"`))?.[1]);
    expect(attr("top")).toBe(1134);
    expect(attr("bottom")).toBe(1134);
    expect(attr("left")).toBe(1701);
    expect(attr("right")).toBe(850);
  });

  it("uses Times New Roman everywhere (runs, defaults, theme)", async () => {
    const fonts = [...docx.document.matchAll(/<w:rFonts ([^>]*)\/>/g)].map((m) => m[1] ?? "");
    expect(fonts.length).toBeGreaterThan(20);
    for (const f of fonts)
      for (const v of f.matchAll(/w:\w+="([^"]*)"/g)) expect(v[1]).toBe("Times New Roman");
    expect(docx.styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"/);
    const theme = await docx.file("word/theme/theme1.xml");
    expect([...theme.matchAll(/<a:latin typeface="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "Times New Roman",
      "Times New Roman",
    ]);
    expect(theme).toMatch(/script="Viet" typeface="Times New Roman"/);
    // Every run in the body carries the font explicitly.
    for (const r of runs(docx.document)) if (r.text) expect(r.xml).toContain('w:ascii="Times New Roman"');
  });

  it("has the two-column borderless header: issuer | national motto, then number | place and date", () => {
    const [header] = tables(docx.document);
    expect(header).toBeDefined();
    expect(header).toMatch(/<w:tblBorders>(?:<w:\w+ w:val="none"[^>]*\/>){6}<\/w:tblBorders>/);
    const [row1, row2] = rows(header as string);
    const [issuer, motto] = row1 ?? [];
    const issuerRuns = runs(issuer ?? "").filter((r) => r.text);
    expect(issuerRuns.map((r) => r.text)).toEqual(["ỦY BAN NHÂN DÂN", "XÃ QUẢNG NGHIỆP"]);
    for (const r of issuerRuns) {
      expect(r.bold).toBe(true);
      expect(r.size).toBe(26); // 13 pt
    }
    expect(issuer).toMatch(/<w:pBdr><w:bottom w:val="single"/); // the short rule under the issuer
    const mottoRuns = runs(motto ?? "").filter((r) => r.text);
    expect(mottoRuns.map((r) => r.text)).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
    ]);
    expect(mottoRuns.every((r) => r.bold)).toBe(true);
    expect(mottoRuns[1]?.size).toBe(28);
    expect(motto).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    const [numberCell, dateCell] = row2 ?? [];
    expect(paragraphs(numberCell ?? "").map((p) => p.text)).toEqual(["Số:      /KH-UBND"]);
    const dateRuns = runs(dateCell ?? "").filter((r) => r.text);
    expect(dateRuns.map((r) => r.text)).toEqual(["Quảng Nghiệp, ngày … tháng … năm …"]);
    expect(dateRuns[0]?.italic).toBe(true);
  });

  it('carries a boxed "DỰ THẢO" mark at the top right', () => {
    const first = paragraphs(docx.document)[0];
    expect(first?.text.trim()).toBe("DỰ THẢO");
    expect(first?.xml).toMatch(
      /<w:pBdr><w:top [^>]*\/><w:left [^>]*\/><w:bottom [^>]*\/><w:right [^>]*\/><\/w:pBdr>/,
    );
    expect(first?.xml).toContain('<w:jc w:val="right"/>');
  });

  it("has the title block: KẾ HOẠCH and the subject, bold 14 pt, centred", () => {
    const ps = paragraphs(docx.document);
    const title = ps.find((p) => p.text === "KẾ HOẠCH");
    const subject = ps.find(
      (p) => p.text === "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023",
    );
    for (const p of [title, subject]) {
      expect(p?.xml).toContain('<w:jc w:val="center"/>');
      const r = runs(p?.xml ?? "")[0];
      expect(r?.bold).toBe(true);
      expect(r?.size).toBe(28);
    }
  });

  it("sets the body 14 pt, justified, first-line indent 1.27 cm, 6 pt after", () => {
    const preamble = paragraphs(docx.document).find((p) =>
      p.text.startsWith("Thực hiện Kế hoạch số 61/KH-UBND"),
    );
    expect(preamble?.xml).toContain('<w:jc w:val="both"/>');
    expect(preamble?.xml).toMatch(/<w:ind w:firstLine="720"\/>/);
    expect(preamble?.xml).toMatch(/w:after="120"/);
    expect(preamble?.xml).toMatch(/w:line="288"/);
    expect(runs(preamble?.xml ?? "")[0]?.size).toBe(28);
  });

  it("renders the sections and, under III, the assignments with their tasks", () => {
    const texts = paragraphs(docx.document).map((p) => p.text);
    const at = (s: string) => texts.indexOf(s);
    expect(at("I. MỤC ĐÍCH, YÊU CẦU")).toBeGreaterThan(0);
    expect(at("1. Mục đích")).toBeGreaterThan(at("I. MỤC ĐÍCH, YÊU CẦU"));
    expect(texts).toContain("2.1. Thời gian tổ chức: ½ ngày (dự kiến ngày 22/6/2023)");
    expect(texts).toContain("- BTV Đảng uỷ;");
    expect(at("III. TỔ CHỨC THỰC HIỆN")).toBeGreaterThan(at("II. NỘI DUNG VÀ HÌNH THỨC THỰC HIỆN"));
    // The assignments table follows section III: a row per unit, a row per task exactly as written.
    const table = tableTexts(tables(docx.document).find((t) => t.includes("Nội dung công việc")) ?? "");
    expect(table[0]).toEqual(["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]);
    expect(table[1]?.[0]).toBe("1.1");
    expect(table[1]?.[1]).toMatch(/^Có trách nhiệm chuẩn bị tài liệu/);
    expect(table[1]?.[2]).toBe("Văn phòng -thống kê");
    expect(table.map((r) => r[0])).toEqual(["TT", "1.1", "1.2", "1.3", "2.1", "3.1", "3.2", "4.1"]);
    expect(docx.document.indexOf("Nội dung công việc")).toBeGreaterThan(
      docx.document.indexOf("III. TỔ CHỨC THỰC HIỆN"),
    );
    expect(texts.some((t) => t.startsWith("Trên đây là Kế hoạch"))).toBe(true);
    const heading = paragraphs(docx.document).find((p) => p.text === "I. MỤC ĐÍCH, YÊU CẦU");
    expect(runs(heading?.xml ?? "")[0]?.bold).toBe(true);
  });

  it("ends with Nơi nhận (12 pt bold italic, entries 11 pt, last '- Lưu: VT.') beside the signer block", () => {
    const all = tables(docx.document);
    const last = all[all.length - 1] as string;
    expect(last).toMatch(/<w:tblBorders>(?:<w:\w+ w:val="none"[^>]*\/>){6}<\/w:tblBorders>/);
    const [[left, right] = []] = rows(last);
    const leftRuns = runs(left ?? "").filter((r) => r.text);
    expect(leftRuns[0]).toMatchObject({ text: "Nơi nhận:", bold: true, italic: true, size: 24 });
    expect(leftRuns.slice(1).map((r) => r.text)).toEqual([
      "- UBND huyện Tứ Kỳ;",
      "- BTV Đảng uỷ;",
      "- TT HĐND xã;",
      "- MTTQ, các ban ngành, đoàn thể;",
      "- Lưu: VT.",
    ]);
    for (const r of leftRuns.slice(1)) expect(r.size).toBe(22);
    const signer = runs(right ?? "").filter((r) => r.text);
    expect(signer.map((r) => r.text)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Vũ Chí Mạnh"]);
    expect(signer.every((r) => r.bold)).toBe(true);
    // blank lines for the signature between title and name
    const ps = paragraphs(right ?? "");
    const titleAt = ps.findIndex((p) => p.text === "CHỦ TỊCH");
    const nameAt = ps.findIndex((p) => p.text === "Vũ Chí Mạnh");
    expect(nameAt - titleAt).toBeGreaterThanOrEqual(4);
  });

  it("numbers pages in the centred header, except on page 1", async () => {
    expect(docx.document).toContain("<w:titlePg/>");
    const rels = await docx.file("word/_rels/document.xml.rels");
    const target = (type: string) => {
      const id = docx.document.match(new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`))?.[1];
      return rels
        .match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`))
        ?.slice(1)
        .find(Boolean);
    };
    const def = await docx.file(`word/${target("default")}`);
    const first = await docx.file(`word/${target("first")}`);
    expect(def).toMatch(/PAGE/);
    expect(def).toContain('<w:jc w:val="center"/>');
    expect(first).not.toMatch(/PAGE/);
    expect(paragraphs(first).every((p) => p.text === "")).toBe(true);
  });

  it("sets core properties: title = subject, creator = issuer", () => {
    expect(docx.core).toContain(
      "<dc:title>Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023</dc:title>",
    );
    expect(docx.core).toContain("<dc:creator>UBND xã Quảng Nghiệp</dc:creator>");
  });
});

describe("renderPlanDocx – an issued plan", () => {
  it("carries its number and date, no draft mark", async () => {
    const docx = await unzipDocx(await renderPlanDocx(cleanPlan()));
    const texts = paragraphs(docx.document).map((p) => p.text);
    expect(texts).toContain("Số: 05/KH-UBND");
    expect(texts).toContain("Quảng Nghiệp, ngày 10 tháng 6 năm 2023");
    expect(texts.some((t) => t.includes("DỰ THẢO"))).toBe(false);
    // deadlines have their own column; nothing is appended to the task's words
    const table = tableTexts(tables(docx.document).find((t) => t.includes("Nội dung công việc")) ?? "");
    expect(table.filter((r) => r[4] === "Trước ngày tổ chức 2 ngày").length).toBe(7);
    expect(texts.some((t) => t.includes("Thời hạn:"))).toBe(false);
  });

  it("writes a deputy's signature as TM. / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, and the superior above the issuer", async () => {
    const plan = {
      ...cleanPlan(),
      issuer: { name: "UBND xã Tiên Lữ", superior: "UBND tỉnh Hưng Yên" },
      signer: {
        authority: "KT." as const,
        onBehalfOf: "CHỦ TỊCH",
        title: "PHÓ CHỦ TỊCH",
        name: "Nguyễn Thị Hằng",
      },
      recipients: ["Sở Nội vụ", "Lưu: VT, VP."],
    };
    const docx = await unzipDocx(await renderPlanDocx(plan));
    const all = tables(docx.document);
    const [[issuer] = []] = rows(all[0] as string);
    const issuerRuns = runs(issuer ?? "").filter((r) => r.text);
    expect(issuerRuns.map((r) => r.text)).toEqual(["UBND TỈNH HƯNG YÊN", "ỦY BAN NHÂN DÂN", "XÃ TIÊN LỮ"]);
    expect(issuerRuns[0]?.bold).toBe(false);
    const [[left, right] = []] = rows(all[all.length - 1] as string);
    expect(
      runs(right ?? "")
        .filter((r) => r.text)
        .map((r) => r.text),
    ).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thị Hằng"]);
    expect(
      runs(left ?? "")
        .filter((r) => r.text)
        .map((r) => r.text),
    ).toEqual(["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT, VP."]);
  });
});

describe("render helpers", () => {
  it("numberLine: zero-padded issued number, blank draft number", () => {
    const p = seedPlan();
    expect(numberLine(p)).toBe("Số:      /KH-UBND");
    expect(
      numberLine({
        ...p,
        status: "issued",
        documentNumber: { number: 5, typeCode: "KH", issuerCode: "UBND" },
      }),
    ).toBe("Số: 05/KH-UBND");
  });
  it('recipientLines appends "Lưu: VT" when absent and keeps it last', () => {
    expect(recipientLines(["UBND tỉnh", "Sở Nội vụ;"])).toEqual([
      "- UBND tỉnh;",
      "- Sở Nội vụ;",
      "- Lưu: VT.",
    ]);
    expect(recipientLines(["Lưu: VT", "A"])).toEqual(["- A;", "- Lưu: VT."]);
  });
});

// `.ci/provision test` (run by `npm test`) installs LibreOffice, poppler and fonts-liberation2.
describe("renderPlanDocx → PDF with LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "kehoach-pdf-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("converts to an A4 PDF that contains the plan's text", async () => {
    const { text } = docxToPdf(await renderPlanDocx(planContent.parse(seedPlan())), dir, "seed");
    for (const s of [
      "ỦY BAN NHÂN DÂN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "KẾ HOẠCH",
      "DỰ THẢO",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "Nơi nhận:",
      "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "Vũ Chí Mạnh",
    ])
      expect(text).toContain(s);
    expect(text.replace(/\s+/g, " ")).toContain(
      "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023",
    );
    // The motto stays on one line (it wraps when a fallback font is wider than Times).
    expect(text.split("\n").some((l) => l.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))).toBe(true);
    // Every font in the PDF is the Times-metric one: no fallback for missing Vietnamese letters.
    const fonts = execFileSync("pdffonts", [join(dir, "seed.pdf")], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.split(/\s+/)[0] ?? "");
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/LiberationSerif|TimesNewRoman/);
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // page numbers: none on page 1, "2" centred at the top of page 2
    expect(pages[0]?.trim().split("\n")[0]).not.toMatch(/^\s*1\s*$/);
    expect(pages[1]?.trim().split("\n")[0]?.trim()).toBe("2");
    const info = spawnSync("pdfinfo", [join(dir, "seed.pdf")], { encoding: "utf8" }).stdout;
    if (info) expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});
