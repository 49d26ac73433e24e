import { checkPlan } from "@kehoach/core/plan/checker";
import { type PlanContentInput, planContent, type SectionItem } from "@kehoach/core/plan/schema";
import { SEED_PLAN } from "@kehoach/core/seed/seed-plan";
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { type ImportResult, importPlanDocx, importPlanText, isImportError } from "../src/import";
import { renderPlanDocx } from "../src/render-docx";
import { fixture, seedPlan } from "./helpers";

type Draft = PlanContentInput;
const sections = (d: Draft) => (d.sections ?? []) as SectionItem[];
const assignments = (d: Draft) => d.assignments ?? [];
const tasks = (d: Draft, i: number) => assignments(d)[i]?.tasks ?? [];

function expectValid(r: ImportResult) {
  const parsed = planContent.safeParse(r.draft);
  expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues)).toBe(true);
  for (const [k, v] of Object.entries(r.confidence)) {
    expect(v, k).toBeGreaterThanOrEqual(0);
    expect(v, k).toBeLessThanOrEqual(1);
  }
  expect(r.originalText.normalize("NFC")).toBe(r.originalText);
}

/** Outline of sections: "I MỤC ĐÍCH, YÊU CẦU > 1 Mục đích > - ..." */
function outline(items: unknown, depth = 0): string[] {
  return ((items ?? []) as SectionItem[]).flatMap((s) => [
    `${"  ".repeat(depth)}${s.label ?? ""} ${s.heading ?? (s.paragraphs?.[0] ?? "").split(/\s+/).slice(0, 4).join(" ")}`.trimEnd(),
    ...outline(s.children, depth + 1),
  ]);
}

describe("importPlanText – the seed (text extracted from Word, header lost)", () => {
  const r = importPlanText(fixture("seed.txt"));
  const d = r.draft;

  it("is a valid draft with confidences", () => {
    expectValid(r);
    expect(r.confidence.subject).toBeGreaterThanOrEqual(0.8);
    expect(r.confidence["basis.0.date"]).toBeGreaterThanOrEqual(0.8);
    expect(r.confidence["signer.name"]).toBeGreaterThanOrEqual(0.8);
    expect(r.confidence["event.date"]).toBeGreaterThanOrEqual(0.8);
    expect(r.confidence.place).toBeLessThan(0.8); // guessed from the issuer: no place/date line
  });

  it("reads issuer, type and subject", () => {
    expect(d.issuer).toMatchObject({
      name: "UBND xã Quảng Nghiệp",
      headerLines: ["ỦY BAN NHÂN DÂN", "XÃ QUẢNG NGHIỆP"],
    });
    expect(d.type).toBe("KH");
    expect(d.subject).toBe("Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023");
    expect(d.place).toBe("Quảng Nghiệp");
    expect(d.date).toBeUndefined();
    expect(d.category).toBe("CCHC");
    expect(d.period).toBe("2023-H1");
  });

  it("reads the cited plan 61/KH-UBND", () => {
    expect(d.basis).toHaveLength(1);
    expect(d.basis?.[0]).toMatchObject({
      type: "Kế hoạch",
      number: 61,
      symbol: "61/KH-UBND",
      date: "2023-12-30",
      issuer: "UBND xã Quảng Nghiệp",
      subject: "cải cách hành chính năm 2023",
    });
    expect(d.preamble).toEqual(SEED_PLAN.preamble);
  });

  it("rebuilds sections I–III with their nested items, rejoining broken lines", () => {
    expect(outline(d.sections)).toEqual([
      "I MỤC ĐÍCH, YÊU CẦU",
      "  1 Mục đích",
      "  2 Yêu cầu",
      "    - Phân tích, đánh giá",
      "    - Việc tổ chức Hội",
      "II NỘI DUNG VÀ HÌNH THỨC THỰC HIỆN",
      "  1 Nội dung",
      "  2 Hình thức thực hiện",
      "    2.1 Thời gian tổ chức",
      "    2.2 Thành phần tham dự",
      "      - BTV Đảng uỷ;",
      "      - Thường trực HĐND; Lãnh",
      "      - MTTQ, các ban ngành,",
      "      - Lãnh đạo các cơ",
      "      - Bí thư chi bộ,",
      "      - Đại diện Lãnh đạo",
      "    2.3 Địa điểm tổ chức",
      "    2.4 Kinh phí tổ chức Hội nghị",
      "III TỔ CHỨC THỰC HIỆN",
    ]);
    const seed = seedPlan();
    expect(sections(d)[0]?.children?.[0]?.paragraphs).toEqual(seed.sections[0]?.children[0]?.paragraphs);
    expect(sections(d)[1]?.children?.[0]?.paragraphs).toEqual(seed.sections[1]?.children[0]?.paragraphs);
    expect(sections(d)[1]?.children?.[1]?.children?.[0]?.paragraphs).toEqual([
      "½ ngày (dự kiến ngày 22/6/2023)",
    ]);
    expect(sections(d).map((s) => s.id)).toEqual(["s1", "s2", "s3"]);
    expect(sections(d)[1]?.children?.[1]?.children?.[1]?.id).toBe("s2-2-2");
  });

  it("reads the event", () => {
    expect(d.event).toMatchObject({
      name: "Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023",
      duration: "½ ngày",
      date: "2023-06-22",
      dateTentative: true,
      attendeeCount: 35,
      attendeeCountApproximate: true,
      venue: "Hội trường Nhà Văn hóa Trung tâm xã",
      fundingSource: "Do nguồn ngân sách xã đảm bảo",
    });
    expect(d.event?.attendeeGroups?.map((g) => g.name)).toEqual([
      "BTV Đảng uỷ",
      "Thường trực HĐND; Lãnh đạo UBND",
      "MTTQ, các ban ngành, đoàn thể, công chức UBND xã",
      "Lãnh đạo các cơ quan trên địa bàn xã",
      "Bí thư chi bộ, trưởng thôn",
      "Đại diện Lãnh đạo và Phóng viên Đài Phát thanh huyện (dự và đưa tin)",
    ]);
  });

  it("reads the four assignments of section III, with lead and partner units", () => {
    expect(assignments(d).map((a) => [a.unit, a.tasks?.length])).toEqual([
      ["Văn phòng -thống kê", 3],
      ["Tài chính - Kế toán", 1],
      ["Văn hoá thông tin", 2],
      ["Công chức chuyên môn khác", 1],
    ]);
    expect(sections(d)[2]?.children).toEqual([]);
    expect(tasks(d, 0)[2]).toMatchObject({
      description:
        "Chủ trì, phối hợp với công chức Tài chính - Kế toán chuẩn bị kinh phí phục vụ Hội nghị theo quy định.",
      leadUnit: "Văn phòng -thống kê",
      partnerUnits: ["Tài chính - Kế toán"],
      kind: "giao",
    });
    expect(tasks(d, 2)[0]).toMatchObject({
      leadUnit: "Văn phòng -thống kê",
      partnerUnits: ["Văn hoá thông tin"],
    });
    expect(tasks(d, 1)[0]?.description).toBe(SEED_PLAN.assignments?.[1]?.tasks?.[0]?.description);
    expect(assignments(d).map((a) => a.id)).toEqual(["a1", "a2", "a3", "a4"]);
    expect(tasks(d, 0).map((t) => t.id)).toEqual(["a1-t1", "a1-t2", "a1-t3"]);
  });

  it("reads closing, recipients and signer", () => {
    expect(d.closing).toEqual(SEED_PLAN.closing);
    expect(d.recipients).toEqual([
      "UBND huyện Tứ Kỳ",
      "BTV Đảng uỷ",
      "TT HĐND xã",
      "MTTQ, các ban ngành, đoàn thể",
      "Lưu: VT",
    ]);
    expect(d.signer).toEqual({
      authority: "TM.",
      onBehalfOf: "ỦY BAN NHÂN DÂN",
      title: "CHỦ TỊCH",
      name: "Vũ Chí Mạnh",
    });
  });

  it("the imported draft, checked, shows the seed's errors", () => {
    const findings = checkPlan(planContent.parse(d), { today: "2026-11-25" });
    const codes = new Set(findings.map((f) => f.code));
    for (const c of ["cited-after-event", "event-naming", "unit-spelling", "phrase-missing-word"])
      expect(codes).toContain(c);
  });

  it("stores NFC even from decomposed (NFD) input, and is stable", () => {
    const nfd = importPlanText(fixture("seed.txt").normalize("NFD"));
    expect(nfd.draft).toEqual(d);
    expect(importPlanText(fixture("seed.txt")).draft).toEqual(d);
  });
});

describe("importPlanText – other plans of the genre", () => {
  it("a full header that survived extraction (two columns on tab-separated lines), a), -, +, KT. signer", () => {
    const r = importPlanText(fixture("dai-hop-2024.txt"));
    expectValid(r);
    const d = r.draft;
    expect(d.issuer).toMatchObject({
      name: "UBND xã Đại Hợp",
      headerLines: ["ỦY BAN NHÂN DÂN", "XÃ ĐẠI HỢP"],
      superior: "UBND huyện Tứ Kỳ",
    });
    expect(d.documentNumber).toEqual({ number: 5, typeCode: "KH", issuerCode: "UBND", symbol: "05/KH-UBND" });
    expect(d.place).toBe("Đại Hợp");
    expect(d.date).toBe("2024-01-05");
    expect(d.subject).toBe("Tuyên truyền cải cách hành chính năm 2024");
    expect(d.basis).toEqual([
      {
        type: "Nghị định",
        number: 30,
        symbol: "30/2020/NĐ-CP",
        date: "2020-03-05",
        issuer: "Chính phủ",
        subject: "công tác văn thư",
      },
      {
        type: "Kế hoạch",
        number: 12,
        symbol: "12/KH-UBND",
        date: "2023-12-28",
        issuer: "UBND huyện Tứ Kỳ",
        subject: "tuyên truyền cải cách hành chính năm 2024",
      },
    ]);
    expect(d.preamble).toHaveLength(3);
    expect(d.preamble?.[1]).toBe(
      "Căn cứ Kế hoạch số 12/KH-UBND ngày 28/12/2023 của UBND huyện Tứ Kỳ về tuyên truyền cải cách hành chính năm 2024;",
    );
    const yeuCau = sections(d)[0]?.children?.[1];
    expect(yeuCau?.children?.map((c) => c.label)).toEqual(["a", "b"]);
    const b = yeuCau?.children?.[1];
    expect(b?.children?.map((c) => c.label)).toEqual(["-", "-"]);
    expect(b?.children?.[1]?.children?.map((c) => [c.label, c.paragraphs?.[0]])).toEqual([
      ["+", "Tuyên truyền trên hệ thống đài truyền thanh xã;"],
      ["+", "Niêm yết tại Bộ phận tiếp nhận và trả kết quả."],
    ]);
    expect(assignments(d).map((a) => a.unit)).toEqual([
      "Văn hóa - Thông tin",
      "Văn phòng - Thống kê",
      "Ủy ban MTTQ và các đoàn thể xã",
    ]);
    expect(tasks(d, 0)[0]).toMatchObject({
      description:
        "Chủ trì xây dựng nội dung tin, bài tuyên truyền trên hệ thống đài truyền thanh xã, hoàn thành trước ngày 31/3/2024.",
      deadline: { kind: "date", date: "2024-03-31" },
      leadUnit: "Văn hóa - Thông tin",
    });
    expect(tasks(d, 0)[1]).toMatchObject({
      leadUnit: "Văn phòng - Thống kê",
      partnerUnits: ["Văn hóa - Thông tin"],
    });
    expect(tasks(d, 1)[0]?.deadline).toEqual({ kind: "date", date: "2024-12-15" });
    expect(tasks(d, 2)[0]?.kind).toBe("de_nghi");
    expect(d.event).toBeUndefined();
    expect(d.recipients).toEqual([
      "Phòng Nội vụ huyện",
      "TT Đảng ủy, TT HĐND xã",
      "Các bộ phận chuyên môn",
      "Lưu: VT",
    ]);
    expect(d.signer).toEqual({
      authority: "KT.",
      onBehalfOf: "CHỦ TỊCH",
      title: "PHÓ CHỦ TỊCH",
      name: "Nguyễn Thị Hằng",
    });
  });

  it("a post-2025 commune under its province, with a '|' table of tasks", () => {
    const r = importPlanText(fixture("tien-lu-2025.txt"));
    expectValid(r);
    const d = r.draft;
    expect(d.issuer).toMatchObject({ name: "UBND xã Tiên Lữ", superior: "UBND tỉnh Hưng Yên" });
    expect(d.documentNumber?.symbol).toBe("87/KH-UBND");
    expect(d.date).toBe("2025-09-10");
    expect(d.subject).toBe("Tổ chức Hội nghị triển khai nhiệm vụ cải cách hành chính quý IV năm 2025");
    expect(d.period).toBe("2025-Q4");
    expect(d.basis).toEqual([
      { type: "Luật", date: "2025-06-16", subject: "Tổ chức chính quyền địa phương" },
      {
        type: "Kế hoạch",
        number: 120,
        symbol: "120/KH-UBND",
        date: "2025-08-20",
        issuer: "UBND tỉnh Hưng Yên",
        subject: "cải cách hành chính năm 2025",
      },
    ]);
    expect(d.event).toMatchObject({
      duration: "01 buổi",
      date: "2025-09-25",
      dateTentative: false,
      time: "08:00",
      venue: "Hội trường UBND xã Tiên Lữ",
      attendeeCount: 60,
      attendeeCountApproximate: false,
      budgetAmount: 5_000_000,
    });
    expect(d.event?.attendeeGroups).toEqual([
      { name: "Thường trực Đảng ủy, HĐND, UBND xã (10 người)", count: 10 },
      { name: "Công chức chuyên môn UBND xã (30 người)", count: 30 },
      { name: "Trưởng thôn, khu dân cư (20 người)", count: 20 },
    ]);
    expect(assignments(d).map((a) => [a.unit, a.tasks?.map((t) => t.description)])).toEqual([
      ["Văn phòng - Thống kê", ["Chuẩn bị báo cáo, tài liệu Hội nghị"]],
      ["Văn hóa - Thông tin", ["Bố trí hội trường, âm thanh, khánh tiết", "Đưa tin về Hội nghị"]],
      ["Tài chính - Kế toán", ["Dự trù, thanh quyết toán kinh phí"]],
    ]);
    expect(tasks(d, 0)[0]).toMatchObject({
      leadUnit: "Văn phòng - Thống kê",
      partnerUnits: ["Tài chính - Kế toán"],
      deadline: { kind: "date", date: "2025-09-22" },
    });
    expect(tasks(d, 1)[1]?.deadline).toEqual({ kind: "relative_to_event", days: -2 });
    expect(tasks(d, 2)[0]?.deadline).toEqual({ kind: "date", date: "2025-10-31" }); // "Tháng 10/2025"
    expect(d.recipients).toEqual(["UBND tỉnh (để b/c)", "Sở Nội vụ", "TT Đảng ủy, HĐND xã", "Lưu: VT, VP"]);
    expect(d.signer).toEqual({
      authority: "TM.",
      onBehalfOf: "ỦY BAN NHÂN DÂN",
      title: "CHỦ TỊCH",
      name: "Trần Văn Bình",
    });
    // a correct post-reform plan: the checker has no errors for it
    expect(
      checkPlan(planContent.parse(d), { today: "2026-11-25" }).filter((f) => f.severity === "error"),
    ).toEqual([]);
  });

  it("a ward: one-line issuer header, tab table of tasks, 1.1. numbering, signer and recipients interleaved by tabs", () => {
    const r = importPlanText(fixture("hoa-khanh-bac-2024.txt"));
    expectValid(r);
    const d = r.draft;
    expect(d.issuer).toMatchObject({
      name: "UBND phường Hòa Khánh Bắc",
      headerLines: ["ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA KHÁNH BẮC"],
    });
    expect(d.issuer.superior).toBeUndefined();
    expect(d.documentNumber?.number).toBe(23);
    expect(d.place).toBe("Hòa Khánh Bắc");
    expect(d.date).toBe("2024-03-18");
    expect(d.subject).toBe("Tổ chức Hội thi tìm hiểu pháp luật về cải cách hành chính năm 2024");
    expect(d.basis?.[0]).toMatchObject({
      symbol: "45/KH-UBND",
      date: "2024-02-02",
      issuer: "UBND quận Liên Chiểu",
    });
    expect(d.preamble).toHaveLength(1);
    expect(d.preamble?.[0]).toMatch(/^Căn cứ Kế hoạch số 45\/KH-UBND .* xây dựng Kế hoạch như sau:$/);
    expect(sections(d)[0]?.children?.map((c) => c.label)).toEqual(["1.1", "1.2"]);
    expect(sections(d)[0]?.children?.[0]?.paragraphs?.[0]).toBe(
      "Nâng cao hiểu biết pháp luật về cải cách hành chính cho đoàn viên, hội viên và Nhân dân trên địa bàn phường.",
    );
    expect(d.event).toMatchObject({
      name: "Hội thi tìm hiểu pháp luật về cải cách hành chính năm 2024",
      date: "2024-04-20",
      dateTentative: true,
    });
    expect(assignments(d).map((a) => a.unit)).toEqual([
      "Tư pháp - Hộ tịch",
      "Đoàn Thanh niên phường",
      "Văn phòng - Thống kê",
    ]);
    expect(tasks(d, 1)[0]).toMatchObject({
      description: "Thông báo, vận động các đội thi",
      partnerUnits: ["Hội Liên hiệp Phụ nữ phường"],
      kind: "de_nghi",
      deadline: { kind: "date", date: "2024-04-10" },
    });
    expect(d.closing).toEqual([
      "Trên đây là Kế hoạch tổ chức Hội thi tìm hiểu pháp luật về cải cách hành chính năm 2024 của UBND phường Hòa Khánh Bắc./.",
    ]);
    expect(d.recipients).toEqual(["UBND quận (b/c)", "Phòng Tư pháp quận", "Các đoàn thể phường", "Lưu: VT"]);
    expect(d.signer).toEqual({
      authority: "KT.",
      onBehalfOf: "CHỦ TỊCH",
      title: "PHÓ CHỦ TỊCH",
      name: "Lê Minh Tuấn",
    });
  });

  it("a township plan with its header lost, leading spaces, a) and +, a unit with its task on one line, a wrapped recipient", () => {
    const r = importPlanText(fixture("yen-lac-2023.txt"));
    expectValid(r);
    const d = r.draft;
    expect(d.issuer.name).toBe("UBND thị trấn Yên Lạc");
    expect(d.place).toBe("Yên Lạc");
    expect(r.confidence.place).toBeLessThan(0.8);
    expect(d.subject).toBe("Kiểm tra công tác cải cách hành chính năm 2023");
    expect(d.basis?.[0]).toEqual({
      type: "Quyết định",
      number: 1234,
      symbol: "1234/QĐ-UBND",
      date: "2022-12-15",
      issuer: "UBND huyện Yên Lạc",
      subject: "giao chỉ tiêu cải cách hành chính năm 2023",
    });
    expect(sections(d)[0]?.paragraphs).toEqual([
      "Đánh giá việc thực hiện nhiệm vụ cải cách hành chính của các bộ phận chuyên môn; kịp thời chấn chỉnh những tồn tại, hạn chế.",
    ]);
    const chiDao = sections(d)[1]?.children?.[0];
    expect(chiDao?.heading).toBe("Công tác chỉ đạo, điều hành");
    expect(chiDao?.children?.[1]).toMatchObject({ label: "b", heading: "Việc thực hiện chế độ báo cáo" });
    expect(chiDao?.children?.[1]?.children?.map((c) => c.paragraphs?.[0])).toEqual([
      "Báo cáo quý;",
      "Báo cáo 6 tháng và năm.",
    ]);
    expect(sections(d)[1]?.children?.[1]?.paragraphs?.[0]).toBe(
      "Kiểm tra hồ sơ giải quyết thủ tục hành chính tại Bộ phận một cửa từ ngày 01/01/2023 đến ngày 30/6/2023.",
    );
    expect(assignments(d).map((a) => [a.unit, a.tasks?.length])).toEqual([
      ["Văn phòng - Thống kê", 1],
      ["Tư pháp - Hộ tịch", 2],
      ["Ủy ban MTTQ thị trấn", 1],
    ]);
    expect(tasks(d, 0)[0]).toMatchObject({
      leadUnit: "Văn phòng - Thống kê",
      partnerUnits: ["Tư pháp - Hộ tịch"],
      deadline: { kind: "date", date: "2023-07-15" },
    });
    expect(tasks(d, 1)[1]?.deadline).toEqual({ kind: "date", date: "2023-09-30" });
    expect(tasks(d, 2)[0]?.kind).toBe("de_nghi");
    expect(d.recipients).toEqual([
      "UBND huyện Yên Lạc",
      "Đảng ủy, HĐND thị trấn",
      "Các bộ phận chuyên môn",
      "Ủy ban MTTQ thị trấn",
      "Lưu: VT",
    ]);
    expect(d.signer).toEqual({
      authority: "KT.",
      onBehalfOf: "CHỦ TỊCH",
      title: "PHÓ CHỦ TỊCH",
      name: "Đỗ Văn Long",
    });
    expect(r.warnings.join("\n")).toMatch(/The source has no place and date line/);
  });

  it("a draft with a blank number and date ('Số:      /KH-UBND'), 'Giao X', two partners, 1/2 ngày", () => {
    const r = importPlanText(fixture("my-hung-2024.txt"));
    expectValid(r);
    const d = r.draft;
    expect(d.issuer).toMatchObject({ name: "UBND xã Mỹ Hưng", superior: "UBND huyện Thanh Oai" });
    expect(d.documentNumber).toEqual({ typeCode: "KH", issuerCode: "UBND" });
    expect(d.place).toBe("Mỹ Hưng");
    expect(d.date).toBeUndefined();
    expect(r.warnings.join("\n")).toMatch(/DỰ THẢO/);
    expect(d.event).toMatchObject({
      name: "Hội nghị tổng kết công tác cải cách hành chính năm 2024",
      duration: "½ ngày",
      date: "2024-12-27",
      dateTentative: true,
      time: "14:00",
      attendeeCount: 50,
      attendeeCountApproximate: true,
      venue: "Hội trường UBND xã",
      fundingSource: "Ngân sách xã",
    });
    expect(assignments(d)[0]?.unit).toBe("Văn phòng - Thống kê");
    expect(tasks(d, 0)[1]).toMatchObject({
      leadUnit: "Tài chính - Kế toán",
      partnerUnits: ["Văn phòng - Thống kê", "Văn hóa - Thông tin"],
    });
    expect(d.signer.name).toBe("Phạm Quang Huy");
  });

  it("keeps a very long plan within the schema's limits, with a warning", () => {
    const seed = fixture("seed.txt");
    const body = seed.slice(seed.indexOf("I. MỤC"), seed.indexOf("Trên đây"));
    const r = importPlanText(seed.replace(body, body.repeat(30)));
    expectValid(r);
    expect(r.draft.sections).toHaveLength(50);
    expect(r.draft.signer.name).toBe("Vũ Chí Mạnh");
    expect(r.warnings.join("\n")).toMatch(/Kept 50 of 90 "sections"/);
  });

  it("fills placeholders with zero confidence when the text is not a plan", () => {
    const r = importPlanText("Biên bản họp chi bộ\nNội dung trao đổi thường kỳ.");
    expectValid(r);
    expect(r.confidence["signer.name"]).toBe(0);
    expect(r.confidence["issuer.name"]).toBe(0);
    expect(r.warnings.length).toBeGreaterThan(2);
  });
});

// ------------------------------------------------------------------------------------------------
// DOCX

const cell = (lines: string[]) =>
  new TableCell({ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) });

/** A Word file from fixture text: tab-separated runs of lines become a two-column layout table, "|" rows a table. */
async function docxFromText(text: string): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  let layout: string[][] = [];
  let grid: string[][] = [];
  const flush = () => {
    if (layout.length)
      children.push(
        new Table({ rows: layout.map((r) => new TableRow({ children: r.map((c) => cell([c])) })) }),
      );
    if (grid.length)
      children.push(
        new Table({ rows: grid.map((r) => new TableRow({ children: r.map((c) => cell([c])) })) }),
      );
    layout = [];
    grid = [];
  };
  for (const line of text.split("\n")) {
    if (line.includes(" | ")) {
      grid.push(line.split(" | ").map((c) => c.trim()));
      continue;
    }
    if (line.includes("\t")) {
      const [l = "", r = ""] = line.split(/\t+/);
      layout.push([l, r]);
      continue;
    }
    flush();
    if (line.trim()) children.push(new Paragraph({ children: [new TextRun(line.trim())] }));
  }
  flush();
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe("importPlanDocx", () => {
  it("reads a Word file built from a fixture: header and signature in layout tables, hard line breaks", async () => {
    const r = await importPlanDocx(await docxFromText(fixture("dai-hop-2024.txt")));
    expectValid(r);
    const text = importPlanText(fixture("dai-hop-2024.txt")).draft;
    const d = r.draft;
    expect(d.issuer).toEqual(text.issuer);
    expect(d.documentNumber).toEqual({ number: 5, typeCode: "KH", issuerCode: "UBND", symbol: "05/KH-UBND" });
    expect(d.date).toBe("2024-01-05");
    expect(d.subject).toBe("Tuyên truyền cải cách hành chính năm 2024");
    expect(d.basis).toEqual(text.basis);
    expect(outline(d.sections)).toEqual(outline(text.sections));
    expect(d.assignments).toEqual(text.assignments);
    expect(d.recipients).toEqual(text.recipients);
    expect(d.signer).toEqual({
      authority: "KT.",
      onBehalfOf: "CHỦ TỊCH",
      title: "PHÓ CHỦ TỊCH",
      name: "Nguyễn Thị Hằng",
    });
    expect(r.originalText).toContain("Tuyên truyền cải cách hành chính năm 2024");
  });

  it("reads a real Word table of tasks", async () => {
    const r = await importPlanDocx(await docxFromText(fixture("tien-lu-2025.txt")));
    expectValid(r);
    expect(assignments(r.draft).map((a) => [a.unit, a.tasks?.length])).toEqual([
      ["Văn phòng - Thống kê", 1],
      ["Văn hóa - Thông tin", 2],
      ["Tài chính - Kế toán", 1],
    ]);
    expect(tasks(r.draft, 0)[0]?.deadline).toEqual({ kind: "date", date: "2025-09-22" });
    expect(r.draft.event?.attendeeCount).toBe(60);
  });

  it("writes the labels of Word's automatic numbering and bullets (1., a), -, +)", async () => {
    const p = (text: string, numbering?: { reference: string; level: number }, bullet?: { level: number }) =>
      new Paragraph({
        children: [new TextRun(text)],
        ...(numbering ? { numbering } : {}),
        ...(bullet ? { bullet } : {}),
      });
    const num = (level: number) => ({ reference: "plan", level });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: "plan",
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: "%2)", alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            p("ỦY BAN NHÂN DÂN"),
            p("XÃ AN BÌNH"),
            p("Số: 07/KH-UBND"),
            p("An Bình, ngày 12 tháng 02 năm 2024"),
            p("KẾ HOẠCH"),
            p("Rà soát thủ tục hành chính năm 2024"),
            p("I. MỤC ĐÍCH, YÊU CẦU"),
            p("Mục đích", num(0)),
            p("Rà soát toàn bộ thủ tục hành chính đang giải quyết tại xã.", num(1)),
            p("Yêu cầu", num(0)),
            p("Đúng thời hạn;", undefined, { level: 0 }),
            p("Có báo cáo kết quả:", undefined, { level: 0 }),
            p("Báo cáo quý;", undefined, { level: 1 }),
            p("Nơi nhận:"),
            p("- Lưu: VT."),
            p("TM. ỦY BAN NHÂN DÂN"),
            p("CHỦ TỊCH"),
            p("Hoàng Văn Nam"),
          ],
        },
      ],
    });
    const r = await importPlanDocx(await Packer.toBuffer(doc));
    expectValid(r);
    expect(r.draft.date).toBe("2024-02-12");
    expect(outline(r.draft.sections)).toEqual([
      "I MỤC ĐÍCH, YÊU CẦU",
      "  1 Mục đích",
      "    a Rà soát toàn bộ",
      "  2 Yêu cầu",
      "    - Đúng thời hạn;",
      "    - Có báo cáo kết",
      "      + Báo cáo quý;",
    ]);
    expect(r.draft.signer.name).toBe("Hoàng Văn Nam");
  });

  it("round-trips the DOCX we render (seed plan)", async () => {
    const seed = seedPlan();
    const r = await importPlanDocx(await renderPlanDocx(seed));
    expectValid(r);
    const d = r.draft;
    expect(d.issuer.name).toBe("UBND xã Quảng Nghiệp");
    expect(d.issuer.headerLines).toEqual(["ỦY BAN NHÂN DÂN", "XÃ QUẢNG NGHIỆP"]);
    expect(d.documentNumber).toEqual({ typeCode: "KH", issuerCode: "UBND" });
    expect(d.place).toBe("Quảng Nghiệp");
    expect(r.confidence.place).toBeGreaterThan(0.9);
    expect(d.subject).toBe(seed.subject);
    expect(d.basis?.[0]).toMatchObject({ symbol: "61/KH-UBND", date: "2023-12-30" });
    expect(d.preamble).toEqual(seed.preamble);
    expect(outline(d.sections)).toEqual(outline(seed.sections));
    // The assignments table has a row per task with its lead unit: read back, tasks group by their lead.
    const byLead = (as: Array<{ unit: string; tasks?: Array<{ leadUnit?: string | undefined }> }>) => {
      const n: Record<string, number> = {};
      for (const a of as)
        for (const t of a.tasks ?? []) n[t.leadUnit ?? a.unit] = (n[t.leadUnit ?? a.unit] ?? 0) + 1;
      return n;
    };
    expect(byLead(assignments(d))).toEqual(byLead(seed.assignments));
    expect(d.event).toMatchObject({ date: "2023-06-22", attendeeCount: 35, duration: "½ ngày" });
    expect(d.closing).toEqual(seed.closing);
    expect(d.recipients).toEqual(seed.recipients);
    expect(d.signer).toEqual(seed.signer);
    expect(r.warnings.join("\n")).toMatch(/DỰ THẢO/);
  });

  describe("rejects malformed input with a 4xx ImportError", () => {
    const rejects = async (p: Promise<unknown>, status: number, code: string) => {
      const e = await p.then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(isImportError(e)).toBe(true);
      expect(e).toMatchObject({ status, code });
      expect((e as { message: { vi: string; en: string } }).message.vi.length).toBeGreaterThan(3);
      expect((e as { message: { vi: string; en: string } }).message.en.length).toBeGreaterThan(3);
    };
    it("empty file → 400", () => rejects(importPlanDocx(Buffer.alloc(0)), 400, "empty"));
    it("a text file renamed .docx → 415", () =>
      rejects(importPlanDocx(Buffer.from("KẾ HOẠCH\nkhông phải docx")), 415, "not-docx"));
    it("a ZIP that is not a Word document → 415", async () => {
      const zip = new JSZip();
      zip.file("hello.txt", "xin chào");
      await rejects(importPlanDocx(await zip.generateAsync({ type: "nodebuffer" })), 415, "not-docx");
    });
    it("a 20 MB buffer → 413", () =>
      rejects(importPlanDocx(Buffer.alloc(20 * 1024 * 1024, 0x50)), 413, "too-large"));
    it("a Word file without text → 400", async () =>
      rejects(
        importPlanDocx(
          await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("")] }] })),
        ),
        400,
        "empty",
      ));
    it("empty or blank text → 400", async () => {
      await rejects(
        Promise.resolve().then(() => importPlanText("")),
        400,
        "empty",
      );
      await rejects(
        Promise.resolve().then(() => importPlanText(" \n\t\n ")),
        400,
        "empty",
      );
    });
    it("text over 10 MB → 413", () =>
      rejects(
        Promise.resolve().then(() => importPlanText("a".repeat(11 * 1024 * 1024))),
        413,
        "too-large",
      ));
  });
});

describe("what the source itself lacks", () => {
  const body = [
    "KẾ HOẠCH",
    "Tổ chức tập huấn nghiệp vụ văn thư năm 2026",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao kỹ năng soạn thảo văn bản cho công chức xã.",
    "II. TỔ CHỨC THỰC HIỆN",
    "Văn phòng HĐND và UBND xã chủ trì thực hiện.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "CHỦ TỊCH",
    "Nguyễn Văn An",
  ];
  const NO_NUMBER = "The source has no number of its own";
  const NO_PLACE_DATE = "The source has no place and date line";

  it("says once that there is no number and no place-date line, as information for the review", () => {
    const r = importPlanText(["ỦY BAN NHÂN DÂN", "XÃ AN LẠC", ...body].join("\n"));
    expect(r.warnings.filter((w) => w.includes(NO_NUMBER))).toHaveLength(1);
    expect(r.warnings.filter((w) => w.includes(NO_PLACE_DATE))).toHaveLength(1);
    // One fact, one message: no second "no issue date" for the same missing line.
    expect(r.warnings.some((w) => w.includes("No issue date found"))).toBe(false);
    // On the draft this is information, not an error: it is numbered and dated at issue.
    expect(
      checkPlan(planContent.parse(r.draft)).some(
        (f) => f.severity === "error" && f.location.path[0] === "documentNumber",
      ),
    ).toBe(false);
  });

  it("says nothing of the kind when the source has them, even with the number left blank for issue", () => {
    const r = importPlanText(
      ["ỦY BAN NHÂN DÂN", "XÃ AN LẠC", "Số:      /KH-UBND", "An Lạc, ngày 05 tháng 3 năm 2026", ...body].join(
        "\n",
      ),
    );
    expect(r.warnings.some((w) => w.includes(NO_NUMBER) || w.includes(NO_PLACE_DATE))).toBe(false);
  });

  it("an issued document without its number is an error of the checker", () => {
    const r = importPlanText(["ỦY BAN NHÂN DÂN", "XÃ AN LẠC", ...body].join("\n"));
    const issued = checkPlan({ ...planContent.parse(r.draft), status: "issued" });
    expect(
      issued.some((f) => f.severity === "error" && f.location.path.join(".") === "documentNumber.number"),
    ).toBe(true);
  });
});
