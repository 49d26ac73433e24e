import { checkPlan } from "@kehoach/core/plan/checker";
import { planContent } from "@kehoach/core/plan/schema";
import { describe, expect, it } from "vitest";
import { importPlanText } from "../src/import";
import { inEveryPart, oneLine, SHAPES, type Shape } from "./adversarial";

/*
 * Linearity is proven by completion: before the patterns were rewritten, 64 KB of "Ư" took 10 s and 1 MB
 * did not finish in minutes. Timing ratios live in bench/parse.bench.ts; here only completion (under a
 * generous timeout) and the correctness of what comes out.
 */
const KB = 1024;
/** Generous: linear code takes well under a second per case even on a loaded machine. */
const timeout = (size: number) => (size > 64 * KB ? 60_000 : 20_000);
const shapes = Object.keys(SHAPES) as Shape[];

function importAndCheck(text: string) {
  const r = importPlanText(text);
  const parsed = planContent.safeParse(r.draft);
  expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues[0])).toBe(true);
  expect(r.originalText.length).toBeGreaterThan(0);
  const findings = checkPlan(planContent.parse(r.draft));
  expect(Array.isArray(findings)).toBe(true);
  return r;
}

describe("importer and checker on hostile text finish and give a valid draft", () => {
  for (const size of [64 * KB, 1024 * KB])
    for (const shape of shapes) {
      it(`${size / KB} KB, one line of ${JSON.stringify(SHAPES[shape])}`, { timeout: timeout(size) }, () => {
        importAndCheck(oneLine(shape, size));
      });
      it(`${size / KB} KB, ${JSON.stringify(SHAPES[shape])} in every part of a plan`, {
        timeout: timeout(size),
      }, () => {
        const r = importAndCheck(inEveryPart(shape, size));
        expect(r.draft.type).toBe("KH");
        expect(r.draft.signer.title).toBe("CHỦ TỊCH");
      });
    }

  it('"Ư" × 32,000 (the reported 64 KB paste) reads as text with no structure', { timeout: 20_000 }, () => {
    const r = importAndCheck("Ư".repeat(32_000));
    expect(r.draft.sections ?? []).toEqual([]);
    expect(r.warnings.some((w) => w.includes("No numbered sections"))).toBe(true);
  });

  it("rewritten patterns still read blanks, numbers and dates in a header", () => {
    const r = importPlanText(
      [
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ MỸ HƯNG\tĐộc lập - Tự do - Hạnh phúc",
        "Số:      /KH-UBND\tMỹ Hưng, ngày      tháng      năm 2024",
        "KẾ HOẠCH",
        "Tổ chức Hội nghị tổng kết năm 2024",
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2024 của UBND xã Mỹ Hưng về việc ban hành quy chế;",
        "I. MỤC ĐÍCH",
        "1. Thời gian: ½ ngày, lúc 8 giờ 00 ngày 20/12/2024.",
        "2. Thành phần: khoảng 50 người.",
        "3. Kinh phí: 1.500.000 đồng.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng - Thống kê: Chuẩn bị hội trường, phối hợp với Công an xã bảo đảm an ninh, hoàn thành trước ngày 15/12/2024.",
        "Nơi nhận:",
        "- UBND xã;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
      ].join("\n"),
    );
    expect(r.draft.place).toBe("Mỹ Hưng");
    expect(r.draft.date).toBeUndefined();
    expect(r.draft.documentNumber?.typeCode).toBe("KH");
    expect(r.draft.basis?.[0]).toMatchObject({ symbol: "12/QĐ-UBND", date: "2024-03-05" });
    expect(r.draft.event).toMatchObject({
      duration: "½ ngày",
      date: "2024-12-20",
      attendeeCount: 50,
      budgetAmount: 1_500_000,
    });
    const task = r.draft.assignments?.[0]?.tasks?.[0];
    expect(task?.partnerUnits).toContain("Công an xã");
    expect(task?.deadline).toEqual({ kind: "date", date: "2024-12-15" });
    expect(r.draft.recipients).toEqual(["UBND xã", "Lưu: VT"]);
    expect(r.draft.signer.name).toBe("Nguyễn Văn An");
  });
});
