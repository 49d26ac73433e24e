import { describe, expect, it } from "vitest";
import { docxXmlToLines, htmlToLines, readDocxNumbering, readDocxStyles } from "../src/html-lines";
import { budgetIn } from "../src/import";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, fmt: string, text: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const numbering = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="1">${lvl(0, "upperRoman", "%1.")}${lvl(1, "decimal", "%1.%2.")}${lvl(2, "lowerLetter", "%3)")}</w:abstractNum>
  <w:abstractNum w:abstractNumId="2">${lvl(0, "decimalZero", "%1.")}</w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
</w:numbering>`;
const styles = `<w:styles ${W}>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`;
const p = (text: string, pPr = "") =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const num = (id: string, ilvl: number) =>
  `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${id}"/></w:numPr>`;
const style = (id: string) => `<w:pStyle w:val="${id}"/>`;

describe("Word's automatic numbering, read from the numbering definitions", () => {
  const doc = (body: string) =>
    docxXmlToLines(
      `<w:document ${W}><w:body>${body}</w:body></w:document>`,
      readDocxNumbering(numbering),
      readDocxStyles(styles),
    );

  it("labels headings numbered by their style (I., 1.1.) and by the paragraph (a)), deeper levels restarting", () => {
    expect(
      doc(
        [
          p("MỤC ĐÍCH", style("Heading1")),
          p("Mục đích", style("Heading2")),
          p("Rà soát", num("1", 2)),
          p("Kiểm tra", num("1", 2)),
          p("Yêu cầu", style("Heading2")),
          p("Đúng hạn", num("1", 2)),
          p("TỔ CHỨC THỰC HIỆN", style("Heading1")),
          p("Văn phòng", style("Heading2")),
        ].join(""),
      ),
    ).toEqual([
      "I. MỤC ĐÍCH",
      "I.1. Mục đích",
      "a) Rà soát",
      "b) Kiểm tra",
      "I.2. Yêu cầu",
      "a) Đúng hạn",
      "II. TỔ CHỨC THỰC HIỆN",
      "II.1. Văn phòng",
    ]);
  });

  it("honours a list's start override and zero-padded numbers; numId 0 means no numbering", () => {
    expect(doc([p("Ba", num("2", 0)), p("Bốn", num("2", 0)), p("Không số", num("0", 0))].join(""))).toEqual([
      "03. Ba",
      "04. Bốn",
      "Không số",
    ]);
  });

  it("keeps a tab between a signer block's columns, skips deleted text and reads text-box fallbacks once", () => {
    const lines = doc(
      [
        "<w:p><w:r><w:t>Nơi nhận:</w:t></w:r><w:r><w:tab/><w:t>TM. ỦY BAN NHÂN DÂN</w:t></w:r></w:p>",
        '<w:p><w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del><w:r><w:t xml:space="preserve">Giữ  lại</w:t></w:r></w:p>',
        "<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>" +
          p("Hộp") +
          "</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>" +
          p("Hộp") +
          "</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>",
      ].join(""),
    );
    expect(lines).toEqual(["Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", "Giữ lại", "Hộp"]);
  });

  it("reads a hostile run of unclosed tags in time linear in its size", () => {
    const t0 = performance.now();
    expect(docxXmlToLines("<w:p><w:tbl><w:tc>".repeat(100_000))).toEqual([]);
    expect(htmlToLines("<table><tr><td><li>".repeat(100_000))).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe("HTML (htmlparser2)", () => {
  it("decodes entities, numbers lists and writes a task table as rows", () => {
    expect(
      htmlToLines(
        "<p>A &amp; B&nbsp;C</p><ol><li>Một</li><li>Hai<ol><li>con</li></ol></li></ol><table><tr><td>STT</td><td>Nội dung</td><td>Đơn vị chủ trì</td></tr><tr><td>1</td><td>Việc</td><td>Văn phòng</td></tr></table>",
      ),
    ).toEqual([
      "A & B C",
      "1. Một",
      "2. Hai",
      "a) con",
      "STT | Nội dung | Đơn vị chủ trì",
      "1 | Việc | Văn phòng",
    ]);
  });
});

describe("budget amounts", () => {
  it("reads đồng, triệu and tỷ", () => {
    expect(budgetIn("12.500.000 đồng từ ngân sách")).toBe(12_500_000);
    expect(budgetIn("khoảng 12,5 triệu đồng")).toBe(12_500_000);
    expect(budgetIn("1,2 tỷ đồng")).toBe(1_200_000_000);
    expect(budgetIn("ngân sách xã")).toBeUndefined();
  });
});
