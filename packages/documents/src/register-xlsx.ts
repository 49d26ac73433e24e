import { xmlSafe } from "@kehoach/core/vi-text";
import ExcelJS from "exceljs";

export type RegisterRow = {
  number: number;
  symbol: string;
  issuedDate: string;
  subject: string;
  signer: string;
};

const vnDate = (iso: string) => iso.split("-").reverse().join("/");

/** Sổ đăng ký văn bản đi as an XLSX workbook: title, header row, one row per issued number. Every string goes
 * through `xmlSafe`: the sheet is XML, and a subject holding U+FFFE or a control character would break it. */
export async function renderRegisterXlsx(opts: {
  communeName: string;
  year: string;
  rows: readonly RegisterRow[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "KeHoach";
  wb.created = new Date();
  const ws = wb.addWorksheet(xmlSafe(`Văn bản đi ${opts.year}`), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 3 }],
  });
  ws.columns = [
    { key: "stt", width: 6 },
    { key: "symbol", width: 16 },
    { key: "date", width: 14 },
    { key: "subject", width: 70 },
    { key: "signer", width: 32 },
  ];
  ws.mergeCells("A1:E1");
  const title = ws.getCell("A1");
  title.value = xmlSafe(`SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM ${opts.year} — ${opts.communeName.toUpperCase()}`);
  title.font = { name: "Times New Roman", size: 14, bold: true };
  title.alignment = { horizontal: "center" };
  const header = ws.getRow(3);
  header.values = ["STT", "Số, ký hiệu", "Ngày tháng", "Trích yếu nội dung", "Người ký"];
  header.font = { name: "Times New Roman", size: 12, bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  opts.rows.forEach((r, i) => {
    const row = ws.addRow({
      stt: i + 1,
      symbol: xmlSafe(r.symbol),
      date: xmlSafe(vnDate(r.issuedDate)),
      subject: xmlSafe(r.subject),
      signer: xmlSafe(r.signer),
    });
    row.font = { name: "Times New Roman", size: 12 };
    row.alignment = { vertical: "top", wrapText: true };
  });
  for (let r = 3; r <= ws.rowCount; r++) {
    for (let c = 1; c <= 5; c++) {
      ws.getCell(r, c).border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
