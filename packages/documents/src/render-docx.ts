import {
  collapseSpaces,
  implementationSection,
  issuerHeaderLines,
  labelKind,
  labelText,
  numberLine,
  printedPlan,
  recipientLines,
  romanAfter,
  showsDraftMark,
  signerLines,
  TASK_TABLE_HEADERS,
  taskTableRows,
  upperVi,
} from "@kehoach/core/plan/document-text";
import {
  DOCUMENT_TYPES,
  formatPlaceDate,
  type PlanContent,
  type SectionItem,
} from "@kehoach/core/plan/schema";
import { nfc, xmlSafe } from "@kehoach/core/vi-text";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";

export { issuerHeaderLines, numberLine, recipientLines };

/** Decree 30/2020/NĐ-CP, Appendix I: A4 portrait, margins in mm, converted to twips (1 mm = 56.6929 twips). */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
} as const;
export const FONT = "Times New Roman";
const THEME_FONT = { latin: FONT, eastAsia: FONT, complexScript: FONT, scripts: { Viet: FONT } };

function mm(v: number): number {
  return Math.round((v * 1440) / 25.4);
}
/** Half-points, as docx sizes runs. */
const pt = (v: number) => v * 2;

const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** The issuer column; the motto's column is the rest, wide enough for the 12 pt motto on one line with ~1 cm to spare. */
const LEFT_COL = 3600;
const BODY_SIZE = 14;
const INDENT_FIRST_LINE = 720; // 1.27 cm
const SPACING_AFTER = 120; // 6 pt
const LINE_SPACING = 288; // 1.2 lines

export type RenderablePlan = PlanContent & { status?: string };

type RunOpts = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean };

/** Every word of the document goes through here; `xmlSafe` drops what XML cannot carry (U+FFFE, controls). */
export function run(text: string, o: RunOpts = {}): TextRun {
  return new TextRun({
    text: xmlSafe(nfc(text)),
    font: FONT,
    size: pt(o.size ?? BODY_SIZE),
    bold: o.bold ?? false,
    italics: o.italics ?? false,
    ...(o.underline ? { underline: {} } : {}),
  });
}

type ParaOpts = {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  indent?: boolean;
  /** Left indent in twips. */
  left?: number;
  after?: number;
  before?: number;
  /** A short centred rule under the paragraph, `ruleIndent` twips in from each side of the column. */
  rule?: number;
  keepNext?: boolean;
  line?: number;
};

export function para(children: TextRun[], o: ParaOpts = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: {
      after: o.after ?? SPACING_AFTER,
      before: o.before ?? 0,
      line: o.line ?? LINE_SPACING,
      lineRule: LineRuleType.AUTO,
    },
    ...(o.indent || o.left
      ? {
          indent: {
            ...(o.indent ? { firstLine: INDENT_FIRST_LINE } : {}),
            ...(o.left ? { left: o.left } : {}),
          },
        }
      : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

/** A small empty paragraph drawing a short horizontal rule (its bottom border), indented from both sides. */
function rule(inset: number): Paragraph {
  return new Paragraph({
    children: [run("", { size: 2 })],
    spacing: { before: 0, after: 0, line: 80, lineRule: LineRuleType.EXACT },
    indent: { left: inset, right: inset },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
  });
}

const NO_BORDERS = TableBorders.NONE;

function layoutTable(rows: Array<[Paragraph[], Paragraph[]]>, leftCol = LEFT_COL): Table {
  const rightCol = TEXT_WIDTH - leftCol;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftCol, rightCol],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      ([left, right]) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: leftCol, type: WidthType.DXA },
              children: left.length ? left : [new Paragraph("")],
              verticalAlign: VerticalAlignTable.TOP,
            }),
            new TableCell({
              width: { size: rightCol, type: WidthType.DXA },
              children: right.length ? right : [new Paragraph("")],
              verticalAlign: VerticalAlignTable.TOP,
            }),
          ],
        }),
    ),
  });
}

/** Sections in document order with an explicit stack: the nesting comes from the user and may be deep. */
function renderSection(root: SectionItem, out: Paragraph[]): void {
  const stack: SectionItem[] = [root];
  while (stack.length) {
    const item = stack.pop() as SectionItem;
    renderItem(item, out);
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i] as SectionItem);
  }
}

function renderItem(item: SectionItem, out: Paragraph[]): void {
  const kind = labelKind(item.label);
  const label = labelText(item.label, kind);
  const heading = item.heading ? collapseSpaces(item.heading) : "";
  const paragraphs = item.paragraphs.map((p) => nfc(p).trim()).filter(Boolean);
  const headingStyle: RunOpts =
    kind === "roman"
      ? { bold: true }
      : kind === "arabic"
        ? { bold: true }
        : kind === "multi"
          ? { bold: true, italics: true }
          : kind === "letter"
            ? { italics: true }
            : { bold: kind === "none" };

  if (heading) {
    const headingText = kind === "roman" ? upperVi(heading) : heading;
    // "2.1. Thời gian tổ chức: ½ ngày ..." — deeper headings carry their first paragraph on the same line.
    const inline = (kind === "multi" || kind === "letter" || kind === "bullet") && paragraphs.length > 0;
    if (inline) {
      const first = paragraphs.shift() as string;
      out.push(para([run(label + headingText, headingStyle), run(`: ${first}`)], { indent: true }));
    } else {
      out.push(para([run(label + headingText, headingStyle)], { indent: true, keepNext: true }));
    }
    for (const p of paragraphs) out.push(para([run(p)], { indent: true }));
  } else if (paragraphs.length) {
    const [first, ...rest] = paragraphs as [string, ...string[]];
    out.push(para([run(label + first)], { indent: true }));
    for (const p of rest) out.push(para([run(p)], { indent: true }));
  } else if (label.trim()) {
    out.push(para([run(label.trim())], { indent: true }));
  }
}

const TASK_COLUMNS = [700, 3300, 1700, 1700, 1361];
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function cell(text: string, width: number, o: RunOpts & { align?: ParaOpts["align"] } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
    children: [
      para([run(text, { size: 13, bold: o.bold ?? false, italics: o.italics ?? false })], {
        align: o.align ?? AlignmentType.LEFT,
        after: 40,
        before: 40,
        line: 240,
      }),
    ],
  });
}

/** The assignments table: a row per responsible unit, a row per task with its lead, partners and deadline. */
function assignmentsTable(plan: RenderablePlan): Table {
  const w = TASK_COLUMNS;
  const total = w.reduce((a, b) => a + b, 0);
  const header = new TableRow({
    tableHeader: true,
    children: TASK_TABLE_HEADERS.map((h, i) => cell(h, w[i] as number, { bold: true, align: center })),
  });
  const rows = taskTableRows(plan).map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(r.no, w[0] as number, { align: center }),
          cell(r.description, w[1] as number, { align: AlignmentType.JUSTIFIED }),
          cell(r.lead, w[2] as number),
          cell(r.partners, w[3] as number),
          cell(r.deadline, w[4] as number, { align: center }),
        ],
      }),
  );
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

function renderBody(source: RenderablePlan): Array<Paragraph | Table> {
  const plan = printedPlan(source);
  const out: Array<Paragraph | Table> = [];
  const paragraphs: Paragraph[] = [];
  const flush = () => {
    out.push(...paragraphs.splice(0));
  };
  for (const p of plan.preamble) if (p.trim()) paragraphs.push(para([run(nfc(p).trim())], { indent: true }));
  const implementation = implementationSection(plan);
  const hasTasks = plan.assignments.length > 0;
  for (const s of plan.sections) {
    renderSection(s, paragraphs);
    // Every task reaches the page, whatever section III holds of its own: the table follows it.
    if (s === implementation && hasTasks) {
      flush();
      out.push(assignmentsTable(plan));
      paragraphs.push(para([run("")], { after: 0, line: 240 }));
    }
  }
  if (hasTasks && !implementation) {
    const label = romanAfter(plan.sections.length);
    paragraphs.push(
      para([run(`${label}. TỔ CHỨC THỰC HIỆN`, { bold: true })], { indent: true, keepNext: true }),
    );
    flush();
    out.push(assignmentsTable(plan));
    paragraphs.push(para([run("")], { after: 0, line: 240 }));
  }
  for (const p of plan.closing) if (p.trim()) paragraphs.push(para([run(nfc(p).trim())], { indent: true }));
  flush();
  return out;
}

const center = AlignmentType.CENTER;
/** A header-table line: centred, single-spaced, no space after. */
const headerPara = (children: TextRun[], o: ParaOpts = {}) =>
  para(children, { align: center, after: 0, line: 240, ...o });

/**
 * The header of a Decree 30 page: issuer (its superior above, upright) | national motto, each over a short
 * rule; then number | place and date. `belowNumber` goes under the number (a công văn's "V/v" line);
 * `issuerColumn` (twips) and `superiorSize` (pt, 12–13) make room for a long superior such as a city's name.
 */
export function decree30Header(o: {
  superior?: string | undefined;
  issuerLines: string[];
  number: string;
  placeDate: string;
  belowNumber?: Paragraph[];
  issuerColumn?: number;
  superiorSize?: number;
}): Table {
  const left: Paragraph[] = [];
  if (o.superior)
    left.push(headerPara([run(upperVi(collapseSpaces(o.superior)), { size: o.superiorSize ?? 13 })]));
  for (const l of o.issuerLines) left.push(headerPara([run(l, { bold: true, size: 13 })]));
  left.push(rule(1250));
  const right: Paragraph[] = [
    // 12 pt (Decree 30 allows 12–13): at 13 pt the motto needs 9.57 cm and wraps as soon as a font differs.
    headerPara([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 12 })]),
    headerPara([run("Độc lập - Tự do - Hạnh phúc", { bold: true, size: 14 })]),
    rule(1000),
  ];
  const numberCell = [headerPara([run(o.number, { size: 13 })], { before: 60 }), ...(o.belowNumber ?? [])];
  const dateCell = [headerPara([run(o.placeDate, { italics: true, size: 14 })], { before: 60 })];
  return layoutTable(
    [
      [left, right],
      [numberCell, dateCell],
    ],
    o.issuerColumn,
  );
}

/** The foot of a Decree 30 page: "Nơi nhận:" and its printed lines | signer lines, room to sign, name. */
export function signatureTable(recipients: string[], signerLines: string[], name: string): Table {
  const left = [
    para([run("Nơi nhận:", { bold: true, italics: true, size: 12 })], {
      align: AlignmentType.LEFT,
      after: 0,
      line: 240,
    }),
    // One recipient, one paragraph: a line that wraps hangs under its text, not under the dash.
    ...recipients.map(
      (r) =>
        new Paragraph({
          children: [run(r, { size: 11 })],
          alignment: AlignmentType.LEFT,
          spacing: { after: 0, before: 0, line: 240, lineRule: LineRuleType.AUTO },
          indent: { left: 170, hanging: 170 },
        }),
    ),
  ];
  const right: Paragraph[] = signerLines.map((l) => headerPara([run(l, { bold: true, size: 14 })]));
  for (let i = 0; i < 4; i++) right.push(headerPara([run("")]));
  right.push(headerPara([run(collapseSpaces(name), { bold: true, size: 14 })]));
  return layoutTable([[left, right]]);
}

export type DocumentMeta = { creator: string; title: string; description: string; keywords?: string };

/** A4 portrait, Decree 30 margins, Times New Roman throughout, page numbers centred on top from page 2. */
export async function decree30Docx(m: DocumentMeta, children: Array<Paragraph | Table>): Promise<Buffer> {
  const meta = (s: string) => xmlSafe(nfc(s));
  const doc = new Document({
    creator: meta(m.creator),
    title: meta(m.title),
    subject: meta(m.title),
    description: meta(m.description),
    keywords: meta(m.keywords ?? ""),
    lastModifiedBy: meta(m.creator),
    // Theme fonts too (Office maps Vietnamese script to Arial by default).
    theme: { fonts: { headings: THEME_FONT, body: THEME_FONT } },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: pt(BODY_SIZE) },
          paragraph: { spacing: { line: LINE_SPACING } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...PAGE.margin, header: mm(10), footer: mm(10) },
          },
          titlePage: true,
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: center,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Render a plan as a Decree 30 DOCX. Pure: no I/O. */
export async function renderPlanDocx(plan: RenderablePlan): Promise<Buffer> {
  const draft = showsDraftMark(plan);
  const typeName = upperVi(DOCUMENT_TYPES[plan.type] ?? "Kế hoạch");

  const headerTable = decree30Header({
    superior: plan.issuer.superior,
    issuerLines: issuerHeaderLines(plan.issuer),
    number: numberLine(plan),
    placeDate: formatPlaceDate(collapseSpaces(plan.place), plan.date),
  });

  const children: Array<Paragraph | Table> = [];
  if (draft) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { after: 120 },
        children: [run(" DỰ THẢO ", { bold: true, size: 13 })],
        indent: { left: TEXT_WIDTH - 1700 },
        border: {
          top: { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 1 },
          bottom: { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 1 },
          left: { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 4 },
          right: { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 4 },
        },
      }),
    );
  }
  children.push(headerTable);

  // ---- title block
  children.push(
    para([run(typeName, { bold: true, size: 14 })], { align: center, before: 360, after: 0, line: 240 }),
  );
  children.push(
    para([run(collapseSpaces(plan.subject), { bold: true, size: 14 })], {
      align: center,
      after: 0,
      line: 240,
    }),
  );
  // Decree 30: a rule 1/3–1/2 as long as the subject's line.
  const subjectWidth = Math.min(TEXT_WIDTH, collapseSpaces(plan.subject).length * 150);
  children.push(rule(Math.round((TEXT_WIDTH - subjectWidth / 2.5) / 2)));
  children.push(para([run("")], { after: 120, line: 240 }));

  // ---- body
  children.push(...renderBody(plan));

  // ---- recipients | signer
  children.push(para([run("")], { after: 0 }));
  children.push(signatureTable(recipientLines(plan.recipients), signerLines(plan), plan.signer.name));

  return decree30Docx(
    {
      creator: plan.issuer.name,
      title: plan.subject,
      description:
        plan.documentNumber?.number !== undefined
          ? `${typeName} ${numberLine(plan).replace(/^Số:\s*/, "")}`
          : `${typeName} (dự thảo)`,
      keywords: [plan.category, plan.period, plan.documentNumber?.symbol].filter(Boolean).join(", "),
    },
    children,
  );
}
