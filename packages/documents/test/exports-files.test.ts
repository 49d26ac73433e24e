import { PassThrough, type Writable } from "node:stream";
import type { Board, BoardRow } from "@kehoach/core/board";
import type { RollupCommune, RollupHead } from "@kehoach/core/exports/rollup";
import { period } from "@kehoach/core/report/period";
import type { TaskOut } from "@kehoach/core/task/schema";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ROLLUP_SHEETS, type RollupSheet, writeRollup } from "../src/rollup-xlsx";
import { writeTaskList } from "../src/task-list-xlsx";

/** Collect what a writer streams. */
function collector(): { stream: Writable; bytes: () => Buffer } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  return { stream, bytes: () => Buffer.concat(chunks) };
}

const HOSTILE = "=cmd|' /C calc'!A0";

function row(id: string, name: string, history: BoardRow["reportHistory"]): BoardRow {
  return {
    id,
    name,
    search: name,
    includes: id === "xa-tu-ky" ? [{ id: "quang-nghiep", name: "Xã Quảng Nghiệp" }] : [],
    plans: { issued: 2, in_progress: 1, completed: 0, cancelled: 0 },
    tasks: { total: 5, doneOnTime: 1, doneLate: 1, overdue: 2, open: 1 },
    requestsOpen: 0,
    reports: { previous: "on_time", next: "pending" },
    reportHistory: history,
    lastActivityAt: "2026-06-10T02:00:00.000Z",
  };
}

const p = (key: string) => ({ key, label: period(key).label, due: period(key).due });
const board: Board = {
  scope: {
    id: "hai-phong-communes",
    name: "Các xã thuộc thành phố Hải Phòng",
    validFrom: "2025-07-01",
    historical: false,
  },
  today: "2026-06-21",
  periods: { previous: p("2026-H1"), next: p("2026-Q3"), history: [] },
  rows: [
    row("xa-chi-minh", "Xã Chí Minh", { "2026-H1": { onTime: 1, late: 0 } }),
    row("xa-ha-bac", "Xã Hà Bắc", { "2026-H1": { onTime: 0, late: 1 } }),
    row("xa-tu-ky", "Xã Tứ Kỳ", {}),
  ],
  totals: {} as Board["totals"],
};
const head: RollupHead = { board, period: period("2026-H1"), today: "2026-06-21" };

async function* communes(): AsyncGenerator<RollupCommune> {
  for (const r of board.rows) {
    yield {
      row: r,
      overdue:
        r.id === "xa-tu-ky"
          ? [
              {
                commune: "Xã Quảng Nghiệp",
                planSymbol: "05/KH-UBND",
                planSubject: 'Hội nghị "sơ kết", 6 tháng',
                task: HOSTILE,
                leadOffice: "Văn phòng HĐND và UBND",
                deadline: "2026-06-01",
                daysOverdue: 20,
              },
            ]
          : [],
      issued: [
        {
          commune: r.name,
          symbol: "07/KH-UBND",
          issuedDate: "2026-03-10",
          subject: "Kiểm tra công tác cải cách hành chính năm 2026",
          signer: "TM. CHỦ TỊCH Nguyễn Văn An",
        },
      ],
    };
  }
}

/** CSV fields of each line, quotes undone (RFC 4180). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let rowCells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      rowCells.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      rowCells.push(cell);
      out.push(rowCells);
      rowCells = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return out;
}

describe("the roll-up, streamed", () => {
  it("writes four sheets with frozen Vietnamese headers, real dates, inert formulas, and a CSV per sheet", async () => {
    const xlsx = collector();
    const csv = Object.fromEntries(
      (Object.keys(ROLLUP_SHEETS) as RollupSheet[]).map((k) => [k, collector()]),
    ) as Record<RollupSheet, ReturnType<typeof collector>>;
    const progress: number[] = [];
    const stats = await writeRollup(
      head,
      communes(),
      {
        xlsx: xlsx.stream,
        csv: Object.fromEntries(Object.entries(csv).map(([k, c]) => [k, c.stream])),
      },
      async (done) => {
        progress.push(done);
      },
    );
    expect(stats).toEqual({ communes: 3, rows: { summary: 3, overdue: 1, issued: 3, reports: 3 } });
    expect(progress).toEqual([1, 2, 3]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes() as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Tổng hợp",
      "Nhiệm vụ quá hạn",
      "Kế hoạch đã ban hành",
      "Báo cáo định kỳ",
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
      expect(String(ws.getCell(1, 1).value)).toContain("6 THÁNG ĐẦU NĂM 2026");
    }
    const summary = wb.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    expect(summary.getCell(3, 1).value).toBe("Đơn vị");
    expect(summary.getCell(6, 2).value).toBe("Xã Quảng Nghiệp");
    expect(summary.getColumn(1).width).toBe(28);

    const overdue = wb.getWorksheet("Nhiệm vụ quá hạn") as ExcelJS.Worksheet;
    expect(overdue.getRow(3).values).toEqual([
      undefined,
      "Xã",
      "Số, ký hiệu kế hoạch",
      "Kế hoạch",
      "Nhiệm vụ",
      "Đơn vị chủ trì",
      "Hạn hoàn thành",
      "Số ngày quá hạn",
    ]);
    expect(overdue.getCell(4, 4).value).toBe(`'${HOSTILE}`);
    expect(overdue.getCell(4, 4).formula).toBeUndefined();
    const deadline = overdue.getCell(4, 6);
    expect(deadline.value).toBeInstanceOf(Date);
    expect((deadline.value as Date).toISOString()).toBe("2026-06-01T00:00:00.000Z");
    expect(deadline.numFmt).toBe("dd/mm/yyyy");
    expect(overdue.getCell(4, 7).value).toBe(20);

    const issued = wb.getWorksheet("Kế hoạch đã ban hành") as ExcelJS.Worksheet;
    expect(issued.rowCount).toBe(6);
    expect(issued.getCell(4, 3).value).toBeInstanceOf(Date);

    const reports = wb.getWorksheet("Báo cáo định kỳ") as ExcelJS.Worksheet;
    const states = [4, 5, 6].map((r) => [reports.getCell(r, 1).value, reports.getCell(r, 4).value]);
    expect(states).toEqual([
      ["Xã Chí Minh", "Đã nộp đúng hạn"],
      ["Xã Hà Bắc", "Nộp muộn"],
      ["Xã Tứ Kỳ", "Chưa nộp (quá hạn)"],
    ]);
    expect(reports.getCell(4, 3).value).toBeInstanceOf(Date);

    const overdueCsv = csv.overdue.bytes();
    expect([...overdueCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = parseCsv(overdueCsv.subarray(3).toString("utf8"));
    expect(lines[0]).toEqual([
      "Xã",
      "Số, ký hiệu kế hoạch",
      "Kế hoạch",
      "Nhiệm vụ",
      "Đơn vị chủ trì",
      "Hạn hoàn thành",
      "Số ngày quá hạn",
    ]);
    expect(lines[1]).toEqual([
      "Xã Quảng Nghiệp",
      "05/KH-UBND",
      'Hội nghị "sơ kết", 6 tháng',
      `'${HOSTILE}`,
      "Văn phòng HĐND và UBND",
      "2026-06-01",
      "20",
    ]);
    // Quoting: the field with a comma and quotes is quoted, quotes doubled.
    expect(overdueCsv.toString("utf8")).toContain('"Hội nghị ""sơ kết"", 6 tháng"');
    expect(parseCsv(csv.reports.bytes().subarray(3).toString("utf8"))[3]).toEqual([
      "Xã Tứ Kỳ",
      "6 tháng đầu năm 2026",
      "2026-06-20",
      "Chưa nộp (quá hạn)",
    ]);
  });
});

describe("a commune's task list", () => {
  it("writes every state to one sheet and a CSV with a BOM", async () => {
    const task = (over: Partial<TaskOut>): TaskOut => ({
      seriesId: "s",
      taskId: "t",
      planId: "p",
      communeId: "xa-tu-ky",
      planSubject: "Kế hoạch cải cách hành chính",
      planSymbol: "07/KH-UBND",
      assignmentUnit: "Văn phòng HĐND và UBND",
      partnerUnits: ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội"],
      partnerOfficeIds: [],
      kind: "giao",
      description: "Chuẩn bị tài liệu",
      state: "open",
      status: "overdue",
      progress: 40,
      evidence: [],
      version: 1,
      updatedAt: "2026-06-01T00:00:00.000Z",
      deadline: "2026-05-29",
      ...over,
    });
    async function* pages() {
      yield [task({}), task({ taskId: "t2", description: "+SUM(A1)", deadline: undefined })];
      yield [
        task({ taskId: "t3", state: "done", status: "done_late", completedOn: "2026-06-05", progress: 100 }),
      ];
    }
    const xlsx = collector();
    const csv = collector();
    expect(
      await writeTaskList({ communeName: "Xã Tứ Kỳ", today: "2026-06-21" }, pages(), {
        xlsx: xlsx.stream,
        csv: csv.stream,
      }),
    ).toEqual({ rows: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes() as never);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.getCell(3, 8).value).toBe("Trạng thái");
    expect(ws.getCell(4, 7).value).toBeInstanceOf(Date);
    expect(ws.getCell(4, 8).value).toBe("Quá hạn");
    expect(ws.getCell(5, 3).value).toBe("'+SUM(A1)");
    expect(ws.getCell(5, 7).value).toBeNull();
    expect(ws.getCell(6, 10).value).toBeInstanceOf(Date);
    const text = csv.bytes();
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = parseCsv(text.subarray(3).toString("utf8"));
    expect(lines).toHaveLength(4);
    expect(lines[3]?.[7]).toBe("Hoàn thành quá hạn");
    expect(lines[1]?.[5]).toBe("Phòng Kinh tế; Phòng Văn hóa - Xã hội");
  });
});
