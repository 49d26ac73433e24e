import type { PlanContent, SectionItem } from "./schema";

/**
 * Where a field sits, read as the document reads ("Mục III › 1 › đoạn 1", "Nơi nhận, dòng 1",
 * "Ngày ban hành"), never as a stored path. Browser-safe: the checker and the dashboard's
 * histories both use it. `path` is an array or a dotted string ("sections.2.children.0.paragraphs.0").
 */
export type LocationLabel = { vi: string; en: string };

type LooseContent = Partial<PlanContent> | undefined;

const FIELDS: Record<string, LocationLabel> = {
  "issuer.name": { vi: "Cơ quan ban hành", en: "Issuer" },
  "issuer.superior": { vi: "Cơ quan chủ quản", en: "Superior body" },
  "issuer.code": { vi: "Số, ký hiệu – mã cơ quan", en: "Number and symbol – issuer code" },
  issuer: { vi: "Cơ quan ban hành", en: "Issuer" },
  "signer.name": { vi: "Người ký, họ tên", en: "Signer, name" },
  "signer.title": { vi: "Người ký, chức vụ", en: "Signer, title" },
  "signer.authority": { vi: "Người ký, thẩm quyền", en: "Signer, authority" },
  "signer.onBehalfOf": { vi: "Người ký, thay mặt", en: "Signer, on behalf of" },
  documentNumber: { vi: "Số, ký hiệu", en: "Number and symbol" },
  place: { vi: "Địa danh", en: "Place" },
  date: { vi: "Ngày ban hành", en: "Issue date" },
  type: { vi: "Loại văn bản", en: "Document type" },
  subject: { vi: "Trích yếu", en: "Subject" },
  category: { vi: "Lĩnh vực", en: "Category" },
  period: { vi: "Kỳ", en: "Period" },
  basis: { vi: "Căn cứ", en: "Basis" },
  preamble: { vi: "Phần mở đầu", en: "Preamble" },
  sections: { vi: "Nội dung", en: "Body" },
  event: { vi: "Sự kiện", en: "Event" },
  assignments: { vi: "Tổ chức thực hiện", en: "Implementation" },
  closing: { vi: "Phần kết", en: "Closing" },
  recipients: { vi: "Nơi nhận", en: "Recipients" },
  signer: { vi: "Người ký", en: "Signer" },
  status: { vi: "Trạng thái", en: "Status" },
};

const PART: Record<string, LocationLabel> = {
  name: { vi: "tên", en: "name" },
  date: { vi: "ngày", en: "date" },
  number: { vi: "số", en: "number" },
  symbol: { vi: "số, ký hiệu", en: "number and symbol" },
  type: { vi: "loại văn bản", en: "type" },
  issuer: { vi: "cơ quan ban hành", en: "issuer" },
  subject: { vi: "trích yếu", en: "subject" },
  typeCode: { vi: "mã loại", en: "type code" },
  issuerCode: { vi: "mã cơ quan", en: "issuer code" },
  duration: { vi: "thời lượng", en: "duration" },
  dateTentative: { vi: "dự kiến", en: "tentative" },
  time: { vi: "giờ", en: "time" },
  attendeeCount: { vi: "số người dự", en: "attendee count" },
  attendeeCountApproximate: { vi: "khoảng", en: "approximate" },
  attendeeGroups: { vi: "thành phần", en: "attendee group" },
  venue: { vi: "địa điểm", en: "venue" },
  fundingSource: { vi: "kinh phí", en: "funding" },
  budgetAmount: { vi: "số tiền", en: "amount" },
  unit: { vi: "đơn vị", en: "unit" },
  description: { vi: "nội dung", en: "description" },
  leadUnit: { vi: "đơn vị chủ trì", en: "lead unit" },
  partnerUnits: { vi: "đơn vị phối hợp", en: "partner unit" },
  kind: { vi: "giao / đề nghị", en: "kind" },
  deadline: { vi: "thời hạn", en: "deadline" },
  status: { vi: "trạng thái", en: "status" },
  progress: { vi: "tiến độ", en: "progress" },
  evidence: { vi: "kết quả", en: "evidence" },
  authority: { vi: "thẩm quyền", en: "authority" },
  onBehalfOf: { vi: "thay mặt", en: "on behalf of" },
  title: { vi: "chức vụ", en: "title" },
  headerLines: { vi: "dòng tên", en: "header line" },
  count: { vi: "số người", en: "count" },
  heading: { vi: "tiêu đề", en: "heading" },
  label: { vi: "số thứ tự", en: "number" },
};

const part = (k: string | number | undefined): LocationLabel =>
  typeof k === "string" ? (PART[k] ?? { vi: k, en: k }) : { vi: "", en: "" };

const isIndex = (v: string | number | undefined): v is number =>
  typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v));
const num = (v: string | number) => Number(v);

/** "III", "1", "a", "ý 2" (an unlabelled or bullet item, counted among its unlabelled siblings). */
function itemName(siblings: readonly SectionItem[] | undefined, i: number): { vi: string; en: string } {
  const raw = (siblings?.[i]?.label ?? "").trim().replace(/[.)]+$/, "");
  if (raw && !/^[-+–•*]$/.test(raw)) return { vi: raw, en: raw };
  let n = 0;
  for (let k = 0; k <= i && siblings; k++) {
    const l = (siblings[k]?.label ?? "").trim().replace(/[.)]+$/, "");
    if (!l || /^[-+–•*]$/.test(l)) n++;
  }
  const at = siblings ? n : i + 1;
  return { vi: `ý ${at}`, en: `item ${at}` };
}

/** The label of `path` in `plan` (the plan gives section numbers and unit names; without it, positions). */
export function locationLabel(
  plan: LooseContent,
  path: readonly (string | number)[] | string,
): LocationLabel {
  const p: (string | number)[] = typeof path === "string" ? path.split(".").filter(Boolean) : [...path];
  const head = String(p[0] ?? "");
  const join = (base: LocationLabel, rest: LocationLabel[]) => ({
    vi: [base.vi, ...rest.map((r) => r.vi)].filter(Boolean).join(", "),
    en: [base.en, ...rest.map((r) => r.en)].filter(Boolean).join(", "),
  });

  if (head === "sections") {
    const chainVi: string[] = [];
    const chainEn: string[] = [];
    let siblings: readonly SectionItem[] | undefined = plan?.sections;
    let i = 1;
    while (isIndex(p[i])) {
      const idx = num(p[i] as number);
      const name = itemName(siblings, idx);
      chainVi.push(name.vi);
      chainEn.push(name.en);
      const item: SectionItem | undefined = siblings?.[idx];
      i++;
      if (p[i] === "children" && isIndex(p[i + 1])) {
        siblings = item?.children;
        i++;
        continue;
      }
      break;
    }
    const tail = p[i];
    if (tail === "paragraphs" && isIndex(p[i + 1])) {
      chainVi.push(`đoạn ${num(p[i + 1] as number) + 1}`);
      chainEn.push(`paragraph ${num(p[i + 1] as number) + 1}`);
    } else if (tail === "heading" || tail === "label") {
      chainVi.push(part(tail).vi);
      chainEn.push(part(tail).en);
    }
    if (!chainVi.length) return FIELDS.sections as LocationLabel;
    return { vi: `Mục ${chainVi.join(" › ")}`, en: `Section ${chainEn.join(" › ")}` };
  }

  if ((head === "preamble" || head === "closing") && isIndex(p[1])) {
    const base = FIELDS[head] as LocationLabel;
    return join(base, [{ vi: `đoạn ${num(p[1]) + 1}`, en: `paragraph ${num(p[1]) + 1}` }]);
  }
  if (head === "recipients" && isIndex(p[1]))
    return { vi: `Nơi nhận, dòng ${num(p[1]) + 1}`, en: `Recipients, line ${num(p[1]) + 1}` };

  if (head === "basis" && isIndex(p[1])) {
    const b = plan?.basis?.[num(p[1])];
    const sym = b?.symbol ? ` (${b.symbol})` : "";
    const base = { vi: `Căn cứ ${num(p[1]) + 1}${sym}`, en: `Basis ${num(p[1]) + 1}${sym}` };
    return p[2] !== undefined ? join(base, [part(p[2])]) : base;
  }

  if (head === "assignments" && isIndex(p[1])) {
    const a = plan?.assignments?.[num(p[1])];
    const label = (a?.label ?? String(num(p[1]) + 1)).replace(/[.)]+$/, "");
    const unit = a?.unit ? `${label}. ${a.unit}` : label;
    const base = { vi: `Tổ chức thực hiện › ${unit}`, en: `Implementation › ${unit}` };
    if (p[2] === "tasks" && isIndex(p[3])) {
      const t = { vi: `nhiệm vụ ${num(p[3]) + 1}`, en: `task ${num(p[3]) + 1}` };
      const rest = p[4] !== undefined ? [part(p[4])] : [];
      if (p[4] === "partnerUnits" && isIndex(p[5]))
        rest.push({ vi: String(num(p[5]) + 1), en: String(num(p[5]) + 1) });
      return {
        vi: `${base.vi} › ${t.vi}${rest.length ? `, ${rest.map((r) => r.vi).join(" ")}` : ""}`,
        en: `${base.en} › ${t.en}${rest.length ? `, ${rest.map((r) => r.en).join(" ")}` : ""}`,
      };
    }
    return p[2] !== undefined ? join(base, [part(p[2])]) : base;
  }

  if (head === "event") {
    const base = FIELDS.event as LocationLabel;
    if (p[1] === "attendeeGroups" && isIndex(p[2]))
      return { vi: `Sự kiện, thành phần ${num(p[2]) + 1}`, en: `Event, attendee group ${num(p[2]) + 1}` };
    return p[1] !== undefined ? join(base, [part(p[1])]) : base;
  }

  if (head === "issuer" && p[1] === "headerLines" && isIndex(p[2]))
    return { vi: `Tên cơ quan, dòng ${num(p[2]) + 1}`, en: `Issuer header, line ${num(p[2]) + 1}` };
  const two = `${head}.${String(p[1] ?? "")}`;
  if (FIELDS[two]) return FIELDS[two] as LocationLabel;
  const base = FIELDS[head];
  if (!base) return { vi: p.join("."), en: p.join(".") };
  return p[1] !== undefined ? join(base, [part(p[1])]) : base;
}

/** "Mục III › 1 › đoạn 1 / Section III › 1 › paragraph 1". */
export const locationText = (plan: LooseContent, path: readonly (string | number)[] | string) => {
  const l = locationLabel(plan, path);
  return `${l.vi} / ${l.en}`;
};
