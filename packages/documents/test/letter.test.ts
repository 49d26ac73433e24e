import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChaseLetter, renderLetterDocx } from "../src/index";
import { paragraphs, rows, runs, tables, unzipDocx } from "./helpers";
import { docxToPdf } from "./libreoffice";

const letter = (): ChaseLetter => ({
  issuer: { superior: "UBND THÀNH PHỐ HẢI PHÒNG", name: "SỞ NỘI VỤ" },
  symbol: "12/SNV-CCHC",
  place: "Hải Phòng",
  date: "2026-12-02",
  subject: "đôn đốc báo cáo cải cách hành chính năm 2026",
  recipients: ["UBND xã Tứ Kỳ", "UBND xã Quảng Nghiệp"],
  intro:
    "Qua theo dõi trên hệ thống quản lý kế hoạch, đến ngày 01/12/2026 một số xã chưa gửi báo cáo và còn nhiệm vụ cải cách hành chính quá hạn, cụ thể như sau:",
  communes: [
    {
      // typed decomposed (NFD): the letter carries it composed
      name: "UBND xã Tứ Kỳ".normalize("NFD"),
      items: [
        "Chưa gửi Báo cáo cải cách hành chính năm 2026 (hạn 20/12/2026)",
        "Nhiệm vụ rà soát thủ tục hành chính quá hạn 15 ngày",
      ],
    },
    {
      name: "UBND xã Quảng Nghiệp",
      items: ["Chưa cập nhật tiến độ Kế hoạch số 05/KH-UBND", "Thiếu minh chứng hội nghị sơ kết 6 tháng"],
    },
  ],
  closing:
    "Sở Nội vụ đề nghị UBND các xã khẩn trương hoàn thành các nội dung trên, báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2026.",
  signer: { authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn Hùng" },
  copyTo: ["Như trên", "Giám đốc Sở (để b/c)", "Lưu: VT, CCHC"],
});

const squash = (s: string) => s.replace(/\s+/g, " ");

describe("renderLetterDocx – the công văn as Word sees it", () => {
  it('puts "V/v" and the subject under the number, 12–13 pt, upright, centred, 6 pt below the number', async () => {
    const docx = await unzipDocx(await renderLetterDocx(letter()));
    const [header] = tables(docx.document);
    const [, [numberCell] = []] = rows(header as string);
    const ps = paragraphs(numberCell ?? "");
    expect(ps.map((p) => p.text)).toEqual([
      "Số: 12/SNV-CCHC",
      "V/v đôn đốc báo cáo cải cách hành chính năm 2026",
    ]);
    const vv = ps[1]?.xml ?? "";
    const [run] = runs(vv);
    expect([24, 26]).toContain(run?.size);
    expect(run?.bold).toBe(false);
    expect(run?.italic).toBe(false);
    expect(vv).toContain('<w:jc w:val="center"/>');
    expect(vv).toMatch(/w:before="120"/);
  });

  it("composes Vietnamese text (NFC) and pads day, and months 1–2, with a zero", async () => {
    const docx = await unzipDocx(await renderLetterDocx({ ...letter(), date: "2027-01-05" }));
    const texts = paragraphs(docx.document).map((p) => p.text);
    expect(texts).toContain("1. UBND xã Tứ Kỳ:");
    expect(docx.document).not.toContain("UBND xã Tứ Kỳ".normalize("NFD"));
    expect(texts).toContain("Hải Phòng, ngày 05 tháng 01 năm 2027");
  });

  it('writes a single recipient on the "Kính gửi:" line', async () => {
    const docx = await unzipDocx(await renderLetterDocx({ ...letter(), recipients: ["- UBND xã Tứ Kỳ;"] }));
    const texts = paragraphs(docx.document).map((p) => p.text);
    expect(texts).toContain("Kính gửi: UBND xã Tứ Kỳ.");
    expect(texts).not.toContain("Kính gửi:");
  });
});

// `.ci/provision test` (run by `npm test`) installs LibreOffice, poppler and fonts-liberation2.
describe("renderLetterDocx → PDF with LibreOffice", () => {
  let dir: string;
  let text: string;
  let lines: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kehoach-letter-"));
    text = docxToPdf(await renderLetterDocx(letter()), dir, "letter").text;
    lines = text.split("\n").map((l) => l.trim());
  }, 200_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("has the issuer, under its superior, beside the national motto", () => {
    const at = (s: string) => lines.findIndex((l) => l.startsWith(s));
    expect(at("UBND THÀNH PHỐ HẢI PHÒNG")).toBeGreaterThanOrEqual(0);
    expect(at("SỞ NỘI VỤ")).toBe(at("UBND THÀNH PHỐ HẢI PHÒNG") + 1);
    expect(lines.some((l) => /^UBND THÀNH PHỐ HẢI PHÒNG\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/.test(l))).toBe(
      true,
    );
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
  });

  it('has the number with no type code, the date beside it, and the "V/v" line under it', () => {
    const numberLine = lines.find((l) => l.startsWith("Số:")) ?? "";
    expect(numberLine).toMatch(/^Số: 12\/SNV-CCHC\s+Hải Phòng, ngày 02 tháng 12 năm 2026$/);
    expect(text).not.toMatch(/\bCV\b/);
    const vvAt = lines.findIndex((l) => l.startsWith("V/v "));
    expect(vvAt).toBe(lines.indexOf(numberLine) + 1);
    // the subject wraps in the issuer's column: its words follow, in order
    expect(squash(lines.slice(vvAt, vvAt + 4).join(" "))).toContain(
      "V/v đôn đốc báo cáo cải cách hành chính năm 2026",
    );
  });

  it('has "Kính gửi:" followed by one recipient a line, the last ending with "."', () => {
    const at = lines.indexOf("Kính gửi:");
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3)).toEqual(["- UBND xã Tứ Kỳ;", "- UBND xã Quảng Nghiệp."]);
    expect(at).toBeGreaterThan(lines.findIndex((l) => l.startsWith("V/v ")));
  });

  it("lists each commune with what it is missing, between the intro and the closing request", () => {
    const flat = squash(text);
    const order = [
      "Qua theo dõi trên hệ thống quản lý kế hoạch",
      "1. UBND xã Tứ Kỳ:",
      "- Chưa gửi Báo cáo cải cách hành chính năm 2026 (hạn 20/12/2026);",
      "- Nhiệm vụ rà soát thủ tục hành chính quá hạn 15 ngày.",
      "2. UBND xã Quảng Nghiệp:",
      "- Chưa cập nhật tiến độ Kế hoạch số 05/KH-UBND;",
      "- Thiếu minh chứng hội nghị sơ kết 6 tháng.",
      "Sở Nội vụ đề nghị UBND các xã khẩn trương hoàn thành",
    ].map((s) => flat.indexOf(s));
    for (const i of order) expect(i).toBeGreaterThan(0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('ends with "Nơi nhận:" beside the signer', () => {
    expect(lines.some((l) => /^Nơi nhận:\s+KT\. GIÁM ĐỐC$/.test(l))).toBe(true);
    for (const s of [
      "- Như trên;",
      "- Giám đốc Sở (để b/c);",
      "- Lưu: VT, CCHC.",
      "PHÓ GIÁM ĐỐC",
      "Nguyễn Văn Hùng",
    ])
      expect(text).toContain(s);
    const nameAt = lines.findIndex((l) => l.endsWith("Nguyễn Văn Hùng"));
    expect(nameAt).toBeGreaterThan(lines.findIndex((l) => l.endsWith("PHÓ GIÁM ĐỐC")));
  });

  it("is set in the Times-metric font only", () => {
    const fonts = execFileSync("pdffonts", [join(dir, "letter.pdf")], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.split(/\s+/)[0] ?? "");
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/LiberationSerif|TimesNewRoman/);
  });
});

describe("renderLetterDocx – hostile input", () => {
  it("renders a 10,000-character subject and 500 communes, with characters XML cannot carry, quickly", async () => {
    const hostile: ChaseLetter = {
      ...letter(),
      symbol: "12/SNV-CCHC\u0000",
      subject: "Đôn đốc \u0001\uFFFE".padEnd(10_000, "ắ "),
      recipients: Array.from({ length: 500 }, (_, i) => `UBND xã ${i}\u000b`),
      communes: Array.from({ length: 500 }, (_, i) => ({
        name: `UBND xã ${i} \ud800`,
        items: Array.from({ length: 5 }, (_, j) => `Việc ${j} `.repeat(40)),
      })),
      date: "2026-02-31",
    };
    const started = performance.now();
    const docx = await unzipDocx(await renderLetterDocx(hostile));
    expect(performance.now() - started).toBeLessThan(20_000);
    const parser = new SaxesParser();
    parser.on("error", (e) => {
      throw e;
    });
    parser.write(docx.document).close();
    const texts = paragraphs(docx.document).map((p) => p.text);
    expect(texts).toContain("500. UBND xã 499:");
    expect(texts).toContain("Số: 12/SNV-CCHC");
    expect(texts).toContain("Hải Phòng, ngày … tháng … năm …");
    expect(texts.find((t) => t.startsWith("V/v "))?.length).toBeGreaterThan(9_000);
  });
});
