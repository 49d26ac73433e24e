import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkPlan, hasBlockingErrors } from "@kehoach/core/plan/checker";
import { type ReportData, type ReportTask, reportContent } from "@kehoach/core/report";
import { period } from "@kehoach/core/report/period";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPlanDocx } from "../src/render-docx";
import { renderReportAnnexXlsx } from "../src/report-annex-xlsx";
import { paragraphs, tables, unzipDocx } from "./helpers";
import { docxToPdf } from "./libreoffice";

const task = (
  t: Partial<ReportTask> & Pick<ReportTask, "taskId" | "description" | "status">,
): ReportTask => ({
  seriesId: "p1",
  leadUnit: "Văn phòng HĐND và UBND",
  progress: 0,
  openToday: false,
  ...t,
});

/** Two plans of Xã Tứ Kỳ's first half of 2026, one task in every status, one hostile text. */
function data(): ReportData {
  const tasks1 = [
    task({
      taskId: "t1",
      description: "Rà soát thủ tục hành chính",
      deadline: "2026-04-15",
      status: "done_on_time",
      completedOn: "2026-04-10",
      progress: 100,
    }),
    task({
      taskId: "t2",
      description: "=1+1",
      leadUnit: "Phòng Kinh tế",
      deadline: "2026-05-29",
      status: "done_late",
      completedOn: "2026-06-04",
      progress: 100,
    }),
    task({
      taskId: "t3",
      description: "Tuyên truyền trên loa truyền thanh",
      deadline: "2026-06-10",
      status: "overdue",
      openToday: true,
    }),
  ];
  const tasks2 = [
    task({
      seriesId: "p2",
      taskId: "t1",
      description: "Chuẩn bị tài liệu hội nghị sơ kết",
      deadline: "2026-06-30",
      status: "in_progress",
      progress: 40,
      openToday: true,
    }),
  ];
  return {
    communeId: "xa-tu-ky",
    communeName: "Xã Tứ Kỳ",
    period: period("2026-H1"),
    asOf: "2026-06-14",
    generatedAt: "2026-06-16T02:00:00.000Z",
    plans: [
      {
        planId: "p1",
        seriesId: "p1",
        type: "KH",
        symbol: "03/KH-UBND",
        subject: "Kiểm tra công tác cải cách hành chính năm 2026",
        category: "CCHC",
        issuedDate: "2026-03-10",
        status: "in_progress",
        tasks: tasks1,
        figures: { total: 3, doneOnTime: 1, doneLate: 1, overdue: 1, open: 0, cancelled: 0 },
      },
      {
        planId: "p2",
        seriesId: "p2",
        type: "KH",
        symbol: "07/KH-UBND",
        subject: "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2026",
        category: "CCHC",
        issuedDate: "2026-06-05",
        status: "issued",
        tasks: tasks2,
        figures: { total: 1, doneOnTime: 0, doneLate: 0, overdue: 0, open: 1, cancelled: 0 },
      },
    ],
    figures: {
      plansIssued: 2,
      plansCompleted: 0,
      tasks: { total: 4, doneOnTime: 1, doneLate: 1, overdue: 1, open: 1, cancelled: 0 },
    },
    truncated: false,
    cap: 200,
  };
}

describe("renderReportAnnexXlsx", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportAnnexXlsx(data())) as unknown as ArrayBuffer);
  });

  it('has the sheets "Kế hoạch" and "Nhiệm vụ", titled, with frozen headers', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Kế hoạch", "Nhiệm vụ"]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
      expect(String(ws.getCell(1, 1).value)).toContain("6 THÁNG ĐẦU NĂM 2026 — XÃ TỨ KỲ");
    }
  });

  it("lists the plans with their figures and a real issue date", () => {
    const ws = wb.getWorksheet("Kế hoạch") as ExcelJS.Worksheet;
    expect((ws.getRow(3).values as unknown[]).slice(1, 6)).toEqual([
      "Số, ký hiệu",
      "Ngày ban hành",
      "Trích yếu",
      "Lĩnh vực",
      "Trạng thái",
    ]);
    expect(ws.rowCount).toBe(5);
    expect(ws.getCell(4, 1).value).toBe("03/KH-UBND");
    const issued = ws.getCell(4, 2).value;
    expect(issued).toBeInstanceOf(Date);
    expect((issued as Date).toISOString().slice(0, 10)).toBe("2026-03-10");
    expect(ws.getCell(4, 5).value).toBe("Đang thực hiện");
    expect([6, 7, 8, 9].map((c) => ws.getCell(4, c).value)).toEqual([3, 1, 1, 1]);
  });

  it("lists every task with its lead office, deadline as a date, status in Vietnamese and completion date", () => {
    const ws = wb.getWorksheet("Nhiệm vụ") as ExcelJS.Worksheet;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      "Kế hoạch",
      "Nhiệm vụ",
      "Bộ phận chủ trì",
      "Thời hạn",
      "Trạng thái",
      "Ngày hoàn thành",
      "Tiến độ (%)",
    ]);
    expect(ws.rowCount).toBe(3 + 4);
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    const late = row(5);
    expect(late[0]).toBe("03/KH-UBND");
    // A text a spreadsheet would run as a formula is shown, never evaluated.
    expect(late[1]).toBe("'=1+1");
    expect(ws.getCell(5, 2).type).toBe(ExcelJS.ValueType.String);
    expect(late[2]).toBe("Phòng Kinh tế");
    expect(late[3]).toBeInstanceOf(Date);
    expect((late[3] as Date).toISOString().slice(0, 10)).toBe("2026-05-29");
    expect(ws.getCell(5, 4).numFmt).toBe("dd/mm/yyyy");
    expect(late[4]).toBe("Hoàn thành quá hạn");
    expect((late[5] as Date).toISOString().slice(0, 10)).toBe("2026-06-04");
    expect(row(6)[4]).toBe("Quá hạn");
    expect(row(6)[5]).toBeUndefined();
    expect(row(7)).toEqual([
      "07/KH-UBND",
      "Chuẩn bị tài liệu hội nghị sơ kết",
      "Văn phòng HĐND và UBND",
      new Date("2026-06-30T00:00:00Z"),
      "Đang thực hiện trong hạn",
      undefined,
      40,
    ]);
  });
});

const squash = (s: string) => s.replace(/\s+/g, " ");

/** The drafted report of the data above, as issued on 20/6/2026 with number 03. */
function issuedReport() {
  const content = reportContent(
    data(),
    { name: "Xã Tứ Kỳ", shortName: "Tứ Kỳ" },
    ["Sở Nội vụ thành phố Hải Phòng", "Lưu: VT"],
    { authority: "TM.", onBehalfOf: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Văn An" },
  );
  return {
    ...content,
    status: "issued",
    date: "2026-06-20",
    documentNumber: { number: 3, typeCode: "BC" as const, issuerCode: "UBND", symbol: "03/BC-UBND" },
  };
}

describe("a drafted periodic report as a Decree 30 document", () => {
  it("as a draft passes the checker's blocking rules, its gaps warnings; issued, every gap left is an error", () => {
    const findings = checkPlan({ ...issuedReport(), status: "draft" }, { today: "2026-06-20" });
    expect(hasBlockingErrors(findings), JSON.stringify(findings)).toBe(false);
    expect(findings.some((f) => f.code === "placeholder-text")).toBe(true);
    const issued = checkPlan(issuedReport(), { today: "2026-06-20" }).filter((f) => f.severity === "error");
    expect(issued.length).toBeGreaterThan(0);
    expect(
      issued.every((f) => f.code === "placeholder-left"),
      JSON.stringify(issued),
    ).toBe(true);
  });

  it('renders the title "BÁO CÁO" and a number "…/BC-UBND", in the draft too', async () => {
    const draft = await unzipDocx(
      await renderPlanDocx({
        ...issuedReport(),
        status: "draft",
        documentNumber: { typeCode: "BC", issuerCode: "UBND" },
      }),
    );
    const [header] = tables(draft.document);
    expect(paragraphs(header ?? "").map((p) => p.text)).toContain("Số:      /BC-UBND");
    expect(paragraphs(draft.document).map((p) => p.text)).toContain("BÁO CÁO");
  });

  describe("→ PDF with LibreOffice", () => {
    let dir: string;
    let text: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "kehoach-report-"));
      text = docxToPdf(await renderPlanDocx(issuedReport()), dir, "report").text;
    }, 200_000);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("shows BÁO CÁO, its number /BC-UBND, the subject, the outline and the recipients", () => {
      const lines = text.split("\n").map((l) => l.trim());
      expect(lines).toContain("BÁO CÁO");
      expect(lines.find((l) => l.startsWith("Số:"))).toMatch(
        /^Số: 03\/BC-UBND\s+Tứ Kỳ, ngày 20 tháng 6 năm 2026$/,
      );
      expect(squash(text)).toContain("Kết quả công tác cải cách hành chính 6 tháng đầu năm 2026");
      for (const s of [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ƯU ĐIỂM, TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        "- Sở Nội vụ thành phố Hải Phòng;",
        "- Lưu: VT.",
        "Nguyễn Văn An",
      ])
        expect(squash(text)).toContain(s);
      expect(squash(text)).toContain("Tổng số 4 nhiệm vụ: hoàn thành đúng hạn 1, hoàn thành quá hạn 1");
      expect(text).not.toContain("DỰ THẢO");
    });
  });
});
