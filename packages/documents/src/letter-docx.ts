import type { LetterContent } from "@kehoach/core/board/letter";
import { collapseSpaces, issuerHeaderLines, recipientLines, upperVi } from "@kehoach/core/plan/document-text";
import { formatPlaceDate } from "@kehoach/core/plan/schema";
import { nfc, xmlSafe } from "@kehoach/core/vi-text";
import { AlignmentType, type Paragraph, type Table } from "docx";
import { decree30Docx, decree30Header, para, run, signatureTable } from "./render-docx";

/** A chase-up letter (công văn đôn đốc): the content core/board/letter.ts stores with its number. */
export type ChaseLetter = LetterContent;

/** "Kính gửi:" starts a quarter of the way in; the recipients line up under its end. */
const KINH_GUI_INDENT = 2268; // 4 cm
const KINH_GUI_WIDTH = 1247; // 2.2 cm, "Kính gửi: " at 14 pt
const SPACE_6PT = 120;
/**
 * A province's or city's name over the issuer ("UBND THÀNH PHỐ HẢI PHÒNG", 175 pt at 12 pt) needs a wider
 * issuer column than a commune's header; the 12 pt motto (250 pt) keeps ~17 pt to spare beside it.
 */
const ISSUER_COLUMN = 3800;
const SUPERIOR_SIZE = 12;

/** Composed, without characters XML cannot carry, spaces collapsed: every field the user typed goes through here. */
const clean = (s: string) => collapseSpaces(xmlSafe(nfc(s)));

/** Entries as a list: "- X;" each, the last "- X." (dashes and end punctuation the user typed are not doubled). */
function listLines(items: readonly string[]): string[] {
  const entries = items
    .map((s) =>
      clean(s)
        .replace(/^[-–+•]\s*/, "")
        .replace(/[;.,]+$/, ""),
    )
    .filter(Boolean);
  return entries.map((s, i) => `- ${s}${i === entries.length - 1 ? "." : ";"}`);
}

/** A free-text field as body paragraphs: one per non-empty line. */
function bodyParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map(clean)
    .filter(Boolean)
    .map((p) => para([run(p)], { indent: true }));
}

function kinhGui(recipients: readonly string[]): Paragraph[] {
  const lines = listLines(recipients);
  const at = (left: number, text: string, o: { before?: number; after?: number } = {}) =>
    para([run(text)], {
      align: AlignmentType.LEFT,
      left,
      before: o.before ?? 0,
      after: o.after ?? 0,
      line: 240,
    });
  if (lines.length <= 1) {
    const only = (lines[0] ?? "").replace(/^- /, "");
    return [at(KINH_GUI_INDENT, `Kính gửi: ${only}`.trim(), { before: SPACE_6PT * 3, after: SPACE_6PT * 2 })];
  }
  return [
    at(KINH_GUI_INDENT, "Kính gửi:", { before: SPACE_6PT * 3 }),
    ...lines.map((l, i) =>
      at(KINH_GUI_INDENT + KINH_GUI_WIDTH, l, i === lines.length - 1 ? { after: SPACE_6PT * 2 } : {}),
    ),
  ];
}

function communeList(communes: ChaseLetter["communes"]): Paragraph[] {
  const out: Paragraph[] = [];
  communes.forEach((c, i) => {
    const name = clean(c.name);
    out.push(para([run(`${i + 1}. ${name}:`, { bold: true })], { indent: true, keepNext: true }));
    for (const item of listLines(c.items)) out.push(para([run(item)], { indent: true }));
  });
  return out;
}

/** A real calendar day as YYYY-MM-DD; anything else prints the blank "ngày … tháng … năm …". */
function isoDay(s: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s ? s : undefined;
}

/** Render a chase-up letter as a Decree 30 công văn DOCX. Pure: no I/O. */
export async function renderLetterDocx(letter: ChaseLetter): Promise<Buffer> {
  const symbol = clean(letter.symbol)
    .replace(/^Số:?\s*/iu, "")
    .replace(/\s+/g, "");
  const subject = clean(letter.subject).replace(/^V\/v\s*/iu, "");
  const vv = para([run(`V/v ${subject}`, { size: 13 })], {
    align: AlignmentType.CENTER,
    before: SPACE_6PT,
    after: 0,
    line: 240,
  });
  const children: Array<Paragraph | Table> = [
    decree30Header({
      superior: letter.issuer.superior,
      issuerLines: issuerHeaderLines({ name: letter.issuer.name }),
      number: `Số: ${symbol}`,
      placeDate: formatPlaceDate(clean(letter.place), isoDay(letter.date)),
      belowNumber: [vv],
      issuerColumn: ISSUER_COLUMN,
      superiorSize: SUPERIOR_SIZE,
    }),
    ...kinhGui(letter.recipients),
    ...bodyParagraphs(letter.intro),
    ...communeList(letter.communes),
    ...bodyParagraphs(letter.closing),
    para([run("")], { after: 0 }),
  ];
  const { authority, title, name } = letter.signer;
  const signer = [authority, title].map((l) => upperVi(clean(l ?? ""))).filter(Boolean);
  children.push(signatureTable(recipientLines(letter.copyTo), signer, clean(name)));

  return decree30Docx(
    {
      creator: letter.issuer.name,
      title: `V/v ${subject}`,
      description: `Công văn ${symbol}`,
      keywords: symbol,
    },
    children,
  );
}
