import { DOCUMENT_TYPES, formatSymbol, type PlanContent, type SectionItem } from "./schema";

/**
 * The words of a Decree 30 page, shared by the DOCX renderer (packages/documents) and the
 * dashboard's page and print view, so the screen, the browser's PDF and the Word file agree.
 */

export type RenderablePlan = PlanContent & { status?: string };

/**
 * Runs of spaces, tabs and no-break spaces → one space, trimmed. A lone " " is left alone (not replaced by
 * itself): on a long text of words, rewriting every space built a replacement per word for the GC to chase.
 */
export const collapseSpaces = (s: string) =>
  s.replace(/(?: [ \t\u00a0\u2007\u202f]|[\t\u00a0\u2007\u202f])[ \t\u00a0\u2007\u202f]*/g, " ").trim();
export const upperVi = (s: string) => s.normalize("NFC").toLocaleUpperCase("vi");

const DRAFT_STATUSES = new Set(["draft", "submitted", "approved"]);

/** Not yet issued: the page carries a "DỰ THẢO" box and an empty number. */
export function isDraft(status: string | undefined) {
  return status === undefined || DRAFT_STATUSES.has(status);
}

export function documentTypeName(type: PlanContent["type"]) {
  return upperVi(DOCUMENT_TYPES[type] ?? "Kế hoạch");
}

/** Issuer header lines: explicit, or derived from "UBND xã X" → ["ỦY BAN NHÂN DÂN", "XÃ X"]. */
export function issuerHeaderLines(issuer: PlanContent["issuer"]): string[] {
  if (issuer.headerLines?.length) return issuer.headerLines.map((l) => upperVi(collapseSpaces(l)));
  const name = collapseSpaces(issuer.name);
  const m = name.match(/^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$/iu);
  if (m?.[1]) return ["ỦY BAN NHÂN DÂN", upperVi(m[1])];
  return [upperVi(name)];
}

/** "Số: 05/KH-UBND", or for a plan not yet numbered "Số:      /KH-UBND". */
export function numberLine(plan: RenderablePlan): string {
  const dn = plan.documentNumber ?? {};
  const typeCode = dn.typeCode ?? plan.type;
  const issuerCode = dn.issuerCode ?? plan.issuer.code ?? "UBND";
  if (dn.number !== undefined) return `Số: ${formatSymbol({ number: dn.number, typeCode, issuerCode })}`;
  if (!isDraft(plan.status) && dn.symbol) return `Số: ${dn.symbol}`;
  const tail = typeCode === "CV" ? issuerCode : `${typeCode}-${issuerCode}`;
  return `Số:      /${tail}`;
}

export type LabelKind = "roman" | "arabic" | "multi" | "letter" | "bullet" | "none";

export function labelKind(label: string | undefined): LabelKind {
  const l = (label ?? "").trim().replace(/[.)]+$/, "");
  if (!l) return "none";
  if (/^[IVXLC]+$/.test(l)) return "roman";
  if (/^\d+$/.test(l)) return "arabic";
  if (/^\d+(\.\d+)+$/.test(l)) return "multi";
  if (/^[a-zđ]$/i.test(l)) return "letter";
  if (/^[-–—+•*]$/.test(l)) return "bullet";
  return "none";
}

/** "I. ", "1. ", "2.1. ", "a) ", "- " as printed before an item. */
export function labelText(label: string | undefined, kind: LabelKind): string {
  const raw = (label ?? "").trim().replace(/[.)]+$/, "");
  switch (kind) {
    case "roman":
    case "arabic":
    case "multi":
      return `${raw}. `;
    case "letter":
      return `${raw}) `;
    case "bullet":
      return `${raw} `;
    default:
      return "";
  }
}

/** The section that receives the assignments (section III "Tổ chức thực hiện"). */
export function implementationSection(plan: RenderablePlan): SectionItem | undefined {
  return (
    plan.sections.find((s) => /tổ chức thực hiện/iu.test(s.heading ?? "")) ??
    (plan.sections.length >= 3 ? plan.sections[2] : undefined)
  );
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
export const romanAfter = (n: number) => ROMAN[n] ?? String(n + 1);

type PlanTask = PlanContent["assignments"][number]["tasks"][number];

/** The deadline as the document words it, e.g. "Thời hạn: 15/06/2023." */
export function deadlineSentence(t: PlanTask): string | undefined {
  const d = t.deadline;
  if (!d) return undefined;
  if (d.kind === "date") {
    const [y, m, day] = d.date.split("-");
    return `Thời hạn: ${day}/${m}/${y}.`;
  }
  if (d.kind === "recurring" || d.kind === "standing") return `Thời hạn: ${d.text}.`;
  if (d.days === 0) return "Thời hạn: ngày tổ chức.";
  return d.days < 0
    ? `Thời hạn: trước ngày tổ chức ${-d.days} ngày.`
    : `Thời hạn: sau ngày tổ chức ${d.days} ngày.`;
}

/** Recipients as printed: "- X;" each, ending "- Lưu: VT." (added when absent, always last). */
export function recipientLines(recipients: readonly string[]): string[] {
  const isArchive = (r: string) => /^lưu(?![\p{L}\d])/iu.test(r);
  const items = recipients
    .map((r) =>
      collapseSpaces(r)
        .replace(/^[-–+]\s*/, "")
        .replace(/[;.,]+$/, ""),
    )
    .filter(Boolean);
  if (!items.some(isArchive)) items.push("Lưu: VT");
  const ordered = [...items.filter((r) => !isArchive(r)), ...items.filter(isArchive)];
  return ordered.map((r, i) => `- ${r}${i === ordered.length - 1 ? "." : ";"}`);
}

/** "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" (or the KT. form of a deputy of a collective body). */
export function signerLines(plan: RenderablePlan): string[] {
  const s = plan.signer;
  const lines: string[] = [];
  const collective = /^(UBND|Ủy ban|Uỷ ban)/iu.test(plan.issuer.name);
  const onBehalf = s.onBehalfOf ? upperVi(collapseSpaces(s.onBehalfOf)) : undefined;
  if (s.authority === "KT.") {
    const head = onBehalf && onBehalf !== "ỦY BAN NHÂN DÂN" ? onBehalf : "CHỦ TỊCH";
    if (collective) lines.push("TM. ỦY BAN NHÂN DÂN");
    lines.push(`KT. ${head}`);
  } else if (s.authority) {
    lines.push(onBehalf ? `${s.authority} ${onBehalf}` : s.authority);
  } else if (onBehalf) {
    lines.push(onBehalf);
  }
  lines.push(upperVi(collapseSpaces(s.title)));
  return lines;
}

/**
 * The "DỰ THẢO" box: on a plan not yet issued — but not on an imported plan that already carries the number
 * its office issued it under (it is a copy of an issued document, not a draft).
 */
export function showsDraftMark(plan: RenderablePlan): boolean {
  if (!isDraft(plan.status)) return false;
  return plan.documentNumber?.number === undefined && !plan.documentNumber?.symbol;
}

/** "30/12/2022" (day and month zero-padded, as a table cell prints a date). */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** "ngày 30 tháng 12 năm 2022" (Decree 30: day below 10 and months 1–2 zero-padded). */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const mm = m <= 2 ? String(m).padStart(2, "0") : String(m);
  return `ngày ${String(d).padStart(2, "0")} tháng ${mm} năm ${y}`;
}

type Basis = PlanContent["basis"][number];

/** A cited document as Decree 30 writes it: "Kế hoạch số 61/KH-UBND ngày 30 tháng 12 năm 2022 của UBND xã X về …". */
export function citationText(b: Basis): string {
  const parts = [collapseSpaces(b.type)];
  if (b.symbol) parts.push(`số ${collapseSpaces(b.symbol)}`);
  if (b.date) parts.push(longDate(b.date));
  if (b.issuer) parts.push(`của ${collapseSpaces(b.issuer)}`);
  if (b.subject) parts.push(`về ${collapseSpaces(b.subject)}`);
  return parts.join(" ");
}

/** Every paragraph and heading the clerk wrote in the body (preamble, sections, closing), in order. */
export function bodyTexts(plan: RenderablePlan): string[] {
  const out: string[] = [...plan.preamble];
  const stack = [...plan.sections].reverse();
  while (stack.length) {
    const s = stack.pop() as SectionItem;
    if (s.heading) out.push(s.heading);
    out.push(...s.paragraphs);
    for (let i = s.children.length - 1; i >= 0; i--) stack.push(s.children[i] as SectionItem);
  }
  out.push(...plan.closing);
  return out.map((t) => t.normalize("NFC"));
}

/** Whether the body's text already names this cited document (by its symbol, or by type and subject). */
export function basisMentioned(b: Basis, texts: readonly string[]): boolean {
  const hay = texts.join("\n").toLocaleLowerCase("vi");
  if (b.symbol) return hay.includes(collapseSpaces(b.symbol).toLocaleLowerCase("vi"));
  if (b.subject) return hay.includes(collapseSpaces(b.subject).toLocaleLowerCase("vi"));
  return false;
}

/** "Căn cứ …;" lines for the cited documents the text does not already name, printed before the preamble. */
export function citationLines(plan: RenderablePlan, texts = bodyTexts(plan)): string[] {
  return plan.basis.filter((b) => !basisMentioned(b, texts)).map((b) => `Căn cứ ${citationText(b)};`);
}

const TIME_LINE = /^(?:[\dIVX]+(?:\.\d+)*[.)]?\s*)?thời gian(?![\p{L}])/iu;

/** Whether the body already states when and where the event is ("Thời gian: …", or its venue). */
export function eventStatedInText(plan: RenderablePlan, texts = bodyTexts(plan)): boolean {
  const ev = plan.event;
  if (!ev) return false;
  if (texts.some((t) => TIME_LINE.test(t.trim()))) return true;
  const venue = ev.venue ? collapseSpaces(ev.venue).toLocaleLowerCase("vi") : "";
  return venue !== "" && texts.some((t) => t.toLocaleLowerCase("vi").includes(venue));
}

const vnd = (n: number) => `${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đồng`;

/** The event's facts as printed lines ("Thời gian: …", "Địa điểm: …", "Thành phần: …", "Kinh phí: …"). */
export function eventLines(ev: NonNullable<PlanContent["event"]>): string[] {
  const lines: string[] = [];
  const when = [
    ev.duration ? collapseSpaces(ev.duration) : "",
    [
      ev.dateTentative ? "dự kiến" : "",
      ev.time ? `${collapseSpaces(ev.time)}` : "",
      ev.date ? `ngày ${shortDate(ev.date)}` : "",
    ]
      .filter(Boolean)
      .join(" "),
  ].filter(Boolean);
  if (when.length) lines.push(`Thời gian: ${when.join(", ")}.`);
  if (ev.venue) lines.push(`Địa điểm: ${collapseSpaces(ev.venue)}.`);
  const groups = ev.attendeeGroups.map((g) => {
    const name = collapseSpaces(g.name);
    return g.count !== undefined && !name.includes(String(g.count)) ? `${name} (${g.count} người)` : name;
  });
  if (ev.attendeeCount !== undefined || groups.length) {
    const count =
      ev.attendeeCount !== undefined
        ? `${ev.attendeeCountApproximate ? "khoảng " : ""}${ev.attendeeCount} đại biểu`
        : "";
    lines.push(
      `Thành phần: ${count}${count && groups.length ? ", gồm: " : ""}${groups.join("; ")}.`.replace(
        /\.\.$/,
        ".",
      ),
    );
  }
  if (ev.fundingSource || ev.budgetAmount !== undefined) {
    const amount =
      ev.budgetAmount !== undefined &&
      !(ev.fundingSource ?? "").includes(vnd(ev.budgetAmount).split(" ")[0] ?? "")
        ? vnd(ev.budgetAmount)
        : "";
    lines.push(
      `Kinh phí: ${[amount, ev.fundingSource ? collapseSpaces(ev.fundingSource) : ""].filter(Boolean).join(", ")}.`,
    );
  }
  return lines;
}

/**
 * The plan as the page prints it: cited documents the text does not name are printed from the basis list
 * before the preamble; an event the text does not describe gets its own item (time, venue, attendees,
 * funding) at the end of the section before "Tổ chức thực hiện". Nothing the clerk wrote is changed.
 */
export function printedPlan<P extends RenderablePlan>(plan: P): P {
  // The body's text, read once for both questions.
  const texts = bodyTexts(plan);
  const citations = citationLines(plan, texts);
  let sections = plan.sections;
  const ev = plan.event;
  const lines = ev && !eventStatedInText(plan, texts) ? eventLines(ev) : [];
  if (lines.length) {
    const impl = implementationSection(plan);
    const at = impl ? plan.sections.indexOf(impl) - 1 : plan.sections.length - 1;
    const host = at >= 0 ? plan.sections[at] : undefined;
    const numbered = host?.children.filter((c) => labelKind(c.label) === "arabic") ?? [];
    const item: SectionItem = {
      id: "printed-event",
      label: host && numbered.length === host.children.length ? String(host.children.length + 1) : undefined,
      heading: host ? "Thời gian, địa điểm, thành phần tham dự" : "THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN THAM DỰ",
      paragraphs: [],
      children: lines.map((l, i) => ({
        id: `printed-event-${i}`,
        label: "-",
        paragraphs: [l],
        children: [],
      })),
    };
    sections = host
      ? plan.sections.map((s) => (s === host ? { ...s, children: [...s.children, item] } : s))
      : [item, ...plan.sections];
  }
  if (!citations.length && sections === plan.sections) return plan;
  return { ...plan, preamble: [...citations, ...plan.preamble], sections };
}

/** The deadline as the assignments table prints it: "15/06/2023", "Trước ngày tổ chức 3 ngày", "Thường xuyên", or "". */
export function deadlineCell(t: PlanTask): string {
  const d = t.deadline;
  if (!d) return "";
  if (d.kind === "date") return shortDate(d.date);
  // A recurring or standing duty prints as the office wrote it ("Hằng tháng, trước ngày 20", "Thường xuyên").
  if (d.kind === "recurring" || d.kind === "standing") return d.text;
  if (d.days === 0) return "Ngày tổ chức";
  return d.days < 0 ? `Trước ngày tổ chức ${-d.days} ngày` : `Sau ngày tổ chức ${d.days} ngày`;
}

export type TaskTableRow = {
  no: string;
  description: string;
  lead: string;
  partners: string;
  deadline: string;
};

/**
 * The assignments table: a row per task exactly as written, numbered by its unit ("1.1", "1.2", "2.1"), with
 * its lead (the task's, else its unit), partners and deadline. One row per task: the grouping is in the numbers.
 */
export function taskTableRows(plan: RenderablePlan): TaskTableRow[] {
  const rows: TaskTableRow[] = [];
  plan.assignments.forEach((a, i) => {
    const label = (a.label ?? String(i + 1)).replace(/[.)]+$/, "");
    a.tasks.forEach((t, j) => {
      rows.push({
        no: `${label}.${j + 1}`,
        description: t.description.normalize("NFC").trim(),
        lead: collapseSpaces(t.leadUnit ?? a.unit),
        partners: t.partnerUnits.map(collapseSpaces).join(", "),
        deadline: deadlineCell(t),
      });
    });
  });
  return rows;
}

export const TASK_TABLE_HEADERS = [
  "TT",
  "Nội dung công việc",
  "Đơn vị chủ trì",
  "Đơn vị phối hợp",
  "Thời hạn",
] as const;
