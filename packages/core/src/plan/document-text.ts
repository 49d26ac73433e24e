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
