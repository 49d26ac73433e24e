import { todayInVietnam } from "../clock";
import { COMMUNE_OFFICES } from "../seed/units";
import {
  collapseSpaces,
  findTextDates,
  formatViDate,
  isRealDate,
  nameKey,
  nfc,
  stripEnd,
  toIso,
  toNewTone,
  toneStyleHits,
  toOldTone,
  unitVariantRegExp,
} from "../vi-text";
import { locationText } from "./locations";
import { templatePhraseIn } from "./placeholders";
import { formatSymbol, type PlanContent, type SectionItem, SIGNER_AUTHORITIES } from "./schema";

export type Severity = "error" | "warning";
export type FindingPath = (string | number)[];
export type Finding = {
  code: FindingCode;
  severity: Severity;
  location: { path: FindingPath; label: string };
  message: { vi: string; en: string };
};

/** Every code the checker can emit, with its severity. Codes are stable: the UI and tests key on them. */
export const FINDING_CODES = {
  "required-part-missing": "error",
  "cited-after-document": "error",
  "cited-after-event": "error",
  "symbol-malformed": "error",
  "date-malformed": "error",
  "event-before-issue": "error",
  "signer-authority": "error",
  "defunct-body": "error",
  "unit-spelling": "warning",
  "tone-mark-mixed": "warning",
  "double-space": "warning",
  "stray-space": "warning",
  "task-no-deadline": "warning",
  "task-no-lead": "warning",
  "event-naming": "warning",
  "phrase-missing-word": "warning",
  "placeholder-left": "error",
  "placeholder-text": "warning",
  "section-too-deep": "error",
  "fact-contradiction": "error",
  "subject-capitals": "warning",
} as const satisfies Record<string, Severity>;
export type FindingCode = keyof typeof FINDING_CODES;

export type CheckOptions = {
  /** The commune's unit list that assignment units are compared with. Default: COMMUNE_OFFICES. */
  units?: readonly string[];
  /** Today, ISO (Asia/Ho_Chi_Minh); used to date an undated draft. */
  today?: string;
};

export type CheckablePlan = PlanContent & { status?: string };

/** The day the district tier ceased to exist (Law 72/2025/QH15). */
export const DISTRICT_ABOLISHED = "2025-07-01";
const ISSUED_STATUSES = new Set(["issued", "in_progress", "completed"]);

type Label = { vi: string; en: string };
type Field = { path: FindingPath; label: Label; text: string; kind: FieldKind };
type FieldKind = "name" | "unit" | "prose" | "recipient" | "header";

const lbl = (l: Label) => `${l.vi} / ${l.en}`;

function finding(code: FindingCode, path: FindingPath, label: Label, vi: string, en: string): Finding {
  return { code, severity: FINDING_CODES[code], location: { path, label: lbl(label) }, message: { vi, en } };
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const arr = <T>(v: readonly T[] | undefined | null): readonly T[] => (Array.isArray(v) ? v : []);
const blank = (v: unknown) => typeof v !== "string" || v.trim() === "";

// ----------------------------------------------------------------------------------------------
// Field enumeration: every free-text field with its path and a human label.

function sectionChain(chain: string[]): string {
  return chain.join(" › ");
}

/**
 * Decree 30 uses a handful of levels (I, 1, 1.1, a, -, +); deeper nesting is reported ("section-too-deep")
 * and not read further, so a hostile plan nested thousands deep costs neither the stack nor quadratic labels.
 */
export const MAX_SECTION_DEPTH = 16;

type SectionFrame = {
  items: readonly SectionItem[];
  next: number;
  base: FindingPath;
  chain: string[];
  bullet: number;
};

function* sectionFields(items: readonly SectionItem[], base: FindingPath, chain: string[]): Generator<Field> {
  // Depth-first in document order with an explicit stack: the nesting comes from the user.
  const stack: SectionFrame[] = [{ items: arr(items), next: 0, base, chain, bullet: 0 }];
  while (stack.length) {
    const frame = stack[stack.length - 1] as SectionFrame;
    if (frame.next >= frame.items.length) {
      stack.pop();
      continue;
    }
    const i = frame.next++;
    const item = frame.items[i];
    if (!item || typeof item !== "object") continue;
    const raw = stripEnd(str(item.label) ?? "", ".)");
    const name = /^[-+–•*]$/.test(raw) || raw === "" ? `${raw || "¶"}${++frame.bullet}` : raw;
    const c = [...frame.chain, name];
    const path = [...frame.base, i];
    const where = sectionChain(c);
    if (str(item.heading))
      yield {
        path: [...path, "heading"],
        label: { vi: `Mục ${where} – tiêu đề`, en: `Section ${where} – heading` },
        text: item.heading as string,
        kind: "prose",
      };
    for (const [j, p] of arr(item.paragraphs).entries())
      yield {
        path: [...path, "paragraphs", j],
        label: { vi: `Mục ${where} – đoạn ${j + 1}`, en: `Section ${where} – paragraph ${j + 1}` },
        text: p,
        kind: "prose",
      };
    if (stack.length < MAX_SECTION_DEPTH)
      stack.push({ items: arr(item.children), next: 0, base: [...path, "children"], chain: c, bullet: 0 });
  }
}

/** The first section nested deeper than MAX_SECTION_DEPTH, reported once. */
function sectionDepth(plan: CheckablePlan, out: Finding[]): void {
  const stack = arr(plan.sections).map((item, i) => ({
    item,
    path: ["sections", i] as FindingPath,
    depth: 1,
  }));
  while (stack.length) {
    const { item, path, depth } = stack.pop() as (typeof stack)[number];
    if (!item || typeof item !== "object") continue;
    if (depth > MAX_SECTION_DEPTH) {
      out.push(
        finding(
          "section-too-deep",
          path,
          { vi: "Các mục", en: "Sections" },
          `Các mục lồng nhau quá ${MAX_SECTION_DEPTH} cấp; phần sâu hơn không được kiểm tra. Văn bản theo Nghị định 30 chỉ dùng vài cấp (I, 1, 1.1, a, -, +).`,
          `Sections are nested more than ${MAX_SECTION_DEPTH} levels deep; the deeper parts were not checked. A Decree 30 document uses a few levels (I, 1, 1.1, a, -, +).`,
        ),
      );
      return;
    }
    for (const [j, child] of arr(item.children).entries())
      stack.push({ item: child, path: [...path, "children", j], depth: depth + 1 });
  }
}

function* planFields(plan: CheckablePlan): Generator<Field> {
  const issuer = plan.issuer ?? ({} as CheckablePlan["issuer"]);
  if (str(issuer.name))
    yield {
      path: ["issuer", "name"],
      label: { vi: "Cơ quan ban hành", en: "Issuer" },
      text: issuer.name,
      kind: "name",
    };
  if (str(issuer.superior))
    yield {
      path: ["issuer", "superior"],
      label: { vi: "Cơ quan chủ quản", en: "Superior body" },
      text: issuer.superior as string,
      kind: "name",
    };
  for (const [i, l] of arr(issuer.headerLines).entries())
    yield {
      path: ["issuer", "headerLines", i],
      label: { vi: `Tên cơ quan dòng ${i + 1}`, en: `Issuer header line ${i + 1}` },
      text: l,
      kind: "header",
    };
  if (str(plan.place))
    yield { path: ["place"], label: { vi: "Địa danh", en: "Place" }, text: plan.place, kind: "name" };
  if (str(plan.subject))
    yield { path: ["subject"], label: { vi: "Trích yếu", en: "Subject" }, text: plan.subject, kind: "prose" };
  for (const [i, b] of arr(plan.basis).entries()) {
    const n = `${i + 1}${b.symbol ? ` (${b.symbol})` : ""}`;
    if (str(b.issuer))
      yield {
        path: ["basis", i, "issuer"],
        label: { vi: `Căn cứ ${n} – cơ quan ban hành`, en: `Basis ${n} – issuer` },
        text: b.issuer as string,
        kind: "name",
      };
    if (str(b.subject))
      yield {
        path: ["basis", i, "subject"],
        label: { vi: `Căn cứ ${n} – trích yếu`, en: `Basis ${n} – subject` },
        text: b.subject as string,
        kind: "prose",
      };
  }
  for (const [i, p] of arr(plan.preamble).entries())
    yield {
      path: ["preamble", i],
      label: { vi: `Phần mở đầu – đoạn ${i + 1}`, en: `Preamble – paragraph ${i + 1}` },
      text: p,
      kind: "prose",
    };
  yield* sectionFields(arr(plan.sections), ["sections"], []);
  const ev = plan.event;
  if (ev) {
    const evField = (
      key: "name" | "duration" | "venue" | "fundingSource" | "time",
      vi: string,
      en: string,
    ) =>
      str(ev[key])
        ? [
            {
              path: ["event", key],
              label: { vi: `Sự kiện – ${vi}`, en: `Event – ${en}` },
              text: ev[key] as string,
              kind: "prose" as const,
            },
          ]
        : [];
    yield* evField("name", "tên", "name");
    yield* evField("duration", "thời lượng", "duration");
    yield* evField("time", "giờ", "time");
    yield* evField("venue", "địa điểm", "venue");
    yield* evField("fundingSource", "kinh phí", "funding");
    for (const [i, g] of arr(ev.attendeeGroups).entries())
      yield {
        path: ["event", "attendeeGroups", i, "name"],
        label: { vi: `Thành phần tham dự ${i + 1}`, en: `Attendee group ${i + 1}` },
        text: g.name,
        kind: "prose",
      };
  }
  for (const [i, a] of arr(plan.assignments).entries()) {
    const an = a.label ?? String(i + 1);
    if (str(a.unit))
      yield {
        path: ["assignments", i, "unit"],
        label: { vi: `Phân công ${an} – đơn vị`, en: `Assignment ${an} – unit` },
        text: a.unit,
        kind: "unit",
      };
    for (const [j, t] of arr(a.tasks).entries()) {
      const tn = `${an}.${j + 1}`;
      if (str(t.description))
        yield {
          path: ["assignments", i, "tasks", j, "description"],
          label: { vi: `Nhiệm vụ ${tn} – nội dung`, en: `Task ${tn} – description` },
          text: t.description,
          kind: "prose",
        };
      if (str(t.leadUnit))
        yield {
          path: ["assignments", i, "tasks", j, "leadUnit"],
          label: { vi: `Nhiệm vụ ${tn} – đơn vị chủ trì`, en: `Task ${tn} – lead unit` },
          text: t.leadUnit as string,
          kind: "unit",
        };
      for (const [k, p] of arr(t.partnerUnits).entries())
        yield {
          path: ["assignments", i, "tasks", j, "partnerUnits", k],
          label: {
            vi: `Nhiệm vụ ${tn} – đơn vị phối hợp ${k + 1}`,
            en: `Task ${tn} – partner unit ${k + 1}`,
          },
          text: p,
          kind: "unit",
        };
    }
  }
  for (const [i, p] of arr(plan.closing).entries())
    yield {
      path: ["closing", i],
      label: { vi: `Phần kết – đoạn ${i + 1}`, en: `Closing – paragraph ${i + 1}` },
      text: p,
      kind: "prose",
    };
  for (const [i, r] of arr(plan.recipients).entries())
    yield {
      path: ["recipients", i],
      label: { vi: `Nơi nhận ${i + 1}`, en: `Recipient ${i + 1}` },
      text: r,
      kind: "recipient",
    };
  const s = plan.signer ?? ({} as CheckablePlan["signer"]);
  for (const [key, vi, en] of [
    ["onBehalfOf", "thay mặt", "on behalf of"],
    ["title", "chức vụ", "title"],
    ["name", "họ tên", "name"],
  ] as const) {
    if (str(s[key]))
      yield {
        path: ["signer", key],
        label: { vi: `Người ký – ${vi}`, en: `Signer – ${en}` },
        text: s[key] as string,
        kind: "header",
      };
  }
}

// ----------------------------------------------------------------------------------------------
// Rules

const L = {
  issuer: { vi: "Cơ quan ban hành", en: "Issuer" },
  place: { vi: "Địa danh", en: "Place" },
  date: { vi: "Ngày ban hành", en: "Issue date" },
  number: { vi: "Số, ký hiệu", en: "Number and symbol" },
  subject: { vi: "Trích yếu", en: "Subject" },
  content: { vi: "Nội dung", en: "Content" },
  recipients: { vi: "Nơi nhận", en: "Recipients" },
  signerTitle: { vi: "Người ký – chức vụ", en: "Signer – title" },
  signerName: { vi: "Người ký – họ tên", en: "Signer – name" },
  signerAuthority: { vi: "Người ký – thẩm quyền", en: "Signer – authority" },
  eventDate: { vi: "Sự kiện – ngày", en: "Event – date" },
} satisfies Record<string, Label>;

function requiredParts(plan: CheckablePlan, out: Finding[]): void {
  const miss = (path: FindingPath, label: Label, vi: string, en: string) =>
    out.push(
      finding(
        "required-part-missing",
        path,
        label,
        `Thiếu ${vi} (thành phần bắt buộc theo Nghị định 30/2020/NĐ-CP).`,
        `Missing ${en} (a required part under Decree 30/2020).`,
      ),
    );
  if (blank(plan.issuer?.name))
    miss(["issuer", "name"], L.issuer, "tên cơ quan ban hành", "the issuer's name");
  if (blank(plan.place)) miss(["place"], L.place, "địa danh", "the place name");
  if (blank(plan.subject)) miss(["subject"], L.subject, "trích yếu nội dung", "the subject");
  const hasContent =
    arr(plan.preamble).some((p) => !blank(p)) ||
    arr(plan.sections).length > 0 ||
    arr(plan.assignments).length > 0;
  if (!hasContent) miss(["sections"], L.content, "nội dung văn bản", "the body");
  if (arr(plan.recipients).filter((r) => !/^lưu(?![\p{L}\d])/iu.test(r.trim())).length === 0)
    miss(["recipients"], L.recipients, "nơi nhận", "the recipients");
  if (blank(plan.signer?.title))
    miss(["signer", "title"], L.signerTitle, "chức vụ người ký", "the signer's title");
  if (blank(plan.signer?.name))
    miss(["signer", "name"], L.signerName, "họ tên người ký", "the signer's name");
  if (plan.status && ISSUED_STATUSES.has(plan.status)) {
    if (plan.documentNumber?.number === undefined)
      miss(
        ["documentNumber", "number"],
        L.number,
        "số văn bản (văn bản đã ban hành phải có số)",
        "the document number (an issued document is numbered)",
      );
    if (blank(plan.date)) miss(["date"], L.date, "ngày ban hành", "the issue date");
  }
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;
function validIso(s: string): boolean {
  if (!ISO_RE.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  return isRealDate(y, m, d);
}

type DateField = { path: FindingPath; label: Label; value: string };

function dateFields(plan: CheckablePlan): DateField[] {
  const out: DateField[] = [];
  if (typeof plan.date === "string") out.push({ path: ["date"], label: L.date, value: plan.date });
  for (const [i, b] of arr(plan.basis).entries())
    if (typeof b.date === "string")
      out.push({
        path: ["basis", i, "date"],
        label: { vi: `Căn cứ ${i + 1} – ngày`, en: `Basis ${i + 1} – date` },
        value: b.date,
      });
  if (typeof plan.event?.date === "string")
    out.push({ path: ["event", "date"], label: L.eventDate, value: plan.event.date });
  for (const [i, a] of arr(plan.assignments).entries())
    for (const [j, t] of arr(a.tasks).entries())
      if (t.deadline?.kind === "date" && typeof t.deadline.date === "string")
        out.push({
          path: ["assignments", i, "tasks", j, "deadline", "date"],
          label: {
            vi: `Nhiệm vụ ${a.label ?? i + 1}.${j + 1} – thời hạn`,
            en: `Task ${a.label ?? i + 1}.${j + 1} – deadline`,
          },
          value: t.deadline.date,
        });
  return out;
}

function datesMalformed(plan: CheckablePlan, fields: Field[], today: string, out: Finding[]): void {
  const maxYear = Number(today.slice(0, 4)) + 10;
  for (const f of dateFields(plan)) {
    if (!validIso(f.value)) {
      out.push(
        finding(
          "date-malformed",
          f.path,
          f.label,
          `Ngày "${f.value}" không hợp lệ hoặc không tồn tại.`,
          `Date "${f.value}" is malformed or does not exist.`,
        ),
      );
      continue;
    }
    const y = Number(f.value.slice(0, 4));
    if (y < 1945 || y > maxYear)
      out.push(
        finding(
          "date-malformed",
          f.path,
          f.label,
          `Ngày ${formatViDate(f.value)} không hợp lý (năm ${y}).`,
          `Date ${formatViDate(f.value)} is implausible (year ${y}).`,
        ),
      );
  }
  // Dates written in the text must exist ("ngày 31/4/2024" does not).
  for (const f of fields) {
    if (f.kind !== "prose") continue;
    for (const d of findTextDates(f.text)) {
      if (!d.iso)
        out.push(
          finding(
            "date-malformed",
            f.path,
            f.label,
            `Ngày "${d.raw}" trong văn bản không tồn tại.`,
            `The date "${d.raw}" written in the text does not exist.`,
          ),
        );
    }
  }
}

const OWN_SYMBOL_RE = /^(\d+)\/([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)$/u;
const CITED_SYMBOL_RE = /^(\d+)\/(?:\d{4}\/)?[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$/u;

function symbols(plan: CheckablePlan, out: Finding[]): void {
  const dn = plan.documentNumber ?? {};
  const symbolRaw = str(dn.symbol);
  if (dn.typeCode && plan.type && dn.typeCode !== plan.type)
    out.push(
      finding(
        "symbol-malformed",
        ["documentNumber", "typeCode"],
        L.number,
        `Mã loại văn bản "${dn.typeCode}" không khớp loại văn bản "${plan.type}".`,
        `Type code "${dn.typeCode}" does not match the document type "${plan.type}".`,
      ),
    );
  if (symbolRaw && symbolRaw.trim() !== "") {
    const symbol = symbolRaw;
    const m = symbol.match(OWN_SYMBOL_RE);
    const expectedType = plan.type && plan.type !== "CV" ? plan.type : undefined;
    let problem: Label | undefined;
    if (!m)
      problem = {
        vi: "sai dạng (ví dụ đúng: 05/KH-UBND, không có dấu cách)",
        en: "malformed (expected like 05/KH-UBND, no spaces)",
      };
    else if ((m[1] ?? "").length < 2)
      problem = {
        vi: "số nhỏ hơn 10 phải có số 0 phía trước (05, không phải 5)",
        en: "numbers below 10 are zero-padded (05, not 5)",
      };
    else if (expectedType && !(m[2] ?? "").startsWith(`${expectedType}-`))
      problem = {
        vi: `ký hiệu phải bắt đầu bằng "${expectedType}-"`,
        en: `the notation must start with "${expectedType}-"`,
      };
    else if (dn.number !== undefined && Number(m[1]) !== dn.number)
      problem = {
        vi: `số ${m[1]} khác số văn bản ${dn.number}`,
        en: `number ${m[1]} differs from the document number ${dn.number}`,
      };
    if (problem)
      out.push(
        finding(
          "symbol-malformed",
          ["documentNumber", "symbol"],
          L.number,
          `Số, ký hiệu "${symbol}": ${problem.vi}.`,
          `Number/symbol "${symbol}": ${problem.en}.`,
        ),
      );
  }
  for (const [i, b] of arr(plan.basis).entries()) {
    const s = str(b.symbol);
    if (!s || s.trim() === "") continue;
    const label = { vi: `Căn cứ ${i + 1} – số, ký hiệu`, en: `Basis ${i + 1} – number and symbol` };
    const m = s.match(CITED_SYMBOL_RE);
    if (!m)
      out.push(
        finding(
          "symbol-malformed",
          ["basis", i, "symbol"],
          label,
          `Số, ký hiệu văn bản được dẫn "${s}" sai dạng (ví dụ: 61/KH-UBND, 30/2020/NĐ-CP).`,
          `Cited number/symbol "${s}" is malformed (e.g. 61/KH-UBND, 30/2020/NĐ-CP).`,
        ),
      );
    else if (b.number !== undefined && Number(m[1]) !== b.number)
      out.push(
        finding(
          "symbol-malformed",
          ["basis", i, "symbol"],
          label,
          `Ký hiệu "${s}" không khớp số ${b.number}.`,
          `Symbol "${s}" does not match number ${b.number}.`,
        ),
      );
  }
}

function chronology(plan: CheckablePlan, out: Finding[]): void {
  const docDate = str(plan.date) && validIso(plan.date as string) ? (plan.date as string) : undefined;
  const evDate =
    str(plan.event?.date) && validIso(plan.event?.date as string) ? (plan.event?.date as string) : undefined;
  for (const [i, b] of arr(plan.basis).entries()) {
    if (!b.date || !validIso(b.date)) continue;
    const name = `${b.type ?? "Văn bản"}${b.symbol ? ` số ${b.symbol}` : ""}`;
    const nameEn = `${b.type ?? "document"}${b.symbol ? ` ${b.symbol}` : ""}`;
    const label = {
      vi: `Căn cứ ${i + 1}${b.symbol ? ` (${b.symbol})` : ""} – ngày`,
      en: `Basis ${i + 1}${b.symbol ? ` (${b.symbol})` : ""} – date`,
    };
    if (docDate && b.date > docDate) {
      out.push(
        finding(
          "cited-after-document",
          ["basis", i, "date"],
          label,
          `${name} ngày ${formatViDate(b.date)} được dẫn nhưng ban hành sau chính văn bản này (${formatViDate(docDate)}).`,
          `${nameEn} of ${formatViDate(b.date)} is cited but is dated after this document (${formatViDate(docDate)}).`,
        ),
      );
    } else if (evDate && b.date > evDate) {
      out.push(
        finding(
          "cited-after-event",
          ["basis", i, "date"],
          label,
          `${name} ngày ${formatViDate(b.date)} được dẫn làm căn cứ nhưng có ngày sau sự kiện mà kế hoạch chuẩn bị (${formatViDate(evDate)}); kiểm tra lại ngày hoặc năm.`,
          `${nameEn} of ${formatViDate(b.date)} is cited as basis but is dated after the event this plan prepares (${formatViDate(evDate)}); check the date or year.`,
        ),
      );
    }
  }
  if (docDate && evDate && evDate < docDate)
    out.push(
      finding(
        "event-before-issue",
        ["event", "date"],
        L.eventDate,
        `Ngày tổ chức ${formatViDate(evDate)} trước ngày ban hành kế hoạch ${formatViDate(docDate)}.`,
        `The event date ${formatViDate(evDate)} is before the plan's issue date ${formatViDate(docDate)}.`,
      ),
    );
}

function signerAuthority(plan: CheckablePlan, out: Finding[]): void {
  const s = plan.signer;
  if (!s) return;
  const authority = str(s.authority)?.trim();
  const title = collapseSpaces(s.title ?? "").toLocaleUpperCase("vi");
  const collective = /^(UBND|ỦY BAN|UỶ BAN)/u.test((plan.issuer?.name ?? "").toLocaleUpperCase("vi"));
  const err = (vi: string, en: string) =>
    out.push(finding("signer-authority", ["signer", "authority"], L.signerAuthority, vi, en));
  if (!authority) {
    if (collective)
      err(
        'Thiếu thẩm quyền ký: văn bản của Ủy ban nhân dân ký "TM. ỦY BAN NHÂN DÂN" (hoặc "KT. CHỦ TỊCH" khi cấp phó ký).',
        'Signing authority missing: a People\'s Committee document is signed "TM. ỦY BAN NHÂN DÂN" (or "KT. CHỦ TỊCH" by a deputy).',
      );
    return;
  }
  if (!(SIGNER_AUTHORITIES as readonly string[]).includes(authority)) {
    err(
      `Thẩm quyền ký "${authority}" không hợp lệ; chỉ dùng TM., KT., Q., TL. hoặc TUQ.`,
      `Signing authority "${authority}" is not valid; use TM., KT., Q., TL. or TUQ.`,
    );
    return;
  }
  const deputy = /^PHÓ(?![\p{L}\d])/u.test(title);
  if (authority === "KT." && title && !deputy)
    err(
      `"KT." (ký thay) dành cho cấp phó ký thay người đứng đầu; chức vụ "${s.title}" không phải cấp phó.`,
      `"KT." is for a deputy signing for the head; the title "${s.title}" is not a deputy's.`,
    );
  if (authority === "TM." && deputy)
    err(
      `Cấp phó không ký "TM." trực tiếp; dùng "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / ${s.title}".`,
      `A deputy does not sign "TM." directly; use "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / ${s.title}".`,
    );
  if (authority === "TM." && blank(s.onBehalfOf))
    err(
      '"TM." (thay mặt) phải kèm tên tập thể, ví dụ "TM. ỦY BAN NHÂN DÂN".',
      '"TM." (on behalf of) needs the collective body\'s name, e.g. "TM. ỦY BAN NHÂN DÂN".',
    );
}

const DISTRICT_BODY_RE =
  /(?<![\p{L}])(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Thường trực HĐND|Công an|Ban Chỉ huy Quân sự|Ban CHQS|Văn phòng HĐND và UBND|Tòa án nhân dân|Toà án nhân dân|Viện kiểm sát nhân dân|Ủy ban MTTQ|Ủy ban Mặt trận Tổ quốc|(?:Phòng|Đài|Trung tâm|Chi cục|Ban)(?:\s+[\p{L}-]+){1,6}?)\s+(?:huyện|quận|thị xã)(?![\p{L}])|(?:Huyện|Quận|Thị)\s+(?:ủy|uỷ)(?![\p{L}]))/giu;

function periodEnd(period: string | undefined): string | undefined {
  const m = period?.match(/^(\d{4})(?:-(H1|H2|Q[1-4]|M(\d{2})))?$/);
  if (!m) return undefined;
  const y = m[1] as string;
  const part = m[2];
  if (!part || part === "H2" || part === "Q4") return `${y}-12-31`;
  if (part === "H1" || part === "Q2") return `${y}-06-30`;
  if (part === "Q1") return `${y}-03-31`;
  if (part === "Q3") return `${y}-09-30`;
  const mo = Number(m[3]);
  return `${y}-${String(mo).padStart(2, "0")}-${String(new Date(Date.UTC(Number(y), mo, 0)).getUTCDate()).padStart(2, "0")}`;
}

/**
 * The date the text speaks from: the issue date; for an undated plan, "today" — unless everything it mentions
 * (cited documents, event, deadlines, period) is from before the reform, i.e. it is an old plan without its header.
 */
function effectiveDate(plan: CheckablePlan, today: string): { date: string; assumed: boolean } {
  if (str(plan.date) && validIso(plan.date as string)) return { date: plan.date as string, assumed: false };
  const evidence = [
    ...arr(plan.basis).map((b) => b.date),
    plan.event?.date,
    ...arr(plan.assignments).flatMap((a) =>
      arr(a.tasks).map((t) => (t.deadline?.kind === "date" ? t.deadline.date : undefined)),
    ),
    periodEnd(plan.period),
  ].filter((d): d is string => typeof d === "string" && validIso(d));
  const latest = evidence.sort().pop();
  if (latest && latest < DISTRICT_ABOLISHED) return { date: latest, assumed: true };
  return { date: today, assumed: true };
}

function defunctBodies(plan: CheckablePlan, fields: Field[], today: string, out: Finding[]): void {
  const { date, assumed } = effectiveDate(plan, today);
  if (date < DISTRICT_ABOLISHED) return;
  const when = assumed
    ? {
        vi: `chưa ghi ngày (tính theo ngày ${formatViDate(date)})`,
        en: `undated (taken as ${formatViDate(date)})`,
      }
    : { vi: `ngày ${formatViDate(date)}`, en: `dated ${formatViDate(date)}` };
  const basisDate = (path: FindingPath) =>
    path[0] === "basis" && typeof path[1] === "number" ? arr(plan.basis)[path[1]]?.date : undefined;
  for (const f of fields) {
    const bd = basisDate(f.path);
    if (bd && bd < DISTRICT_ABOLISHED) continue; // naming the author of an old document is history, not an error
    const seen = new Set<string>();
    for (const m of nfc(f.text).matchAll(DISTRICT_BODY_RE)) {
      const before = f.text.slice(Math.max(0, (m.index ?? 0) - 80), m.index ?? 0);
      // "Kế hoạch số 12/KH-UBND ngày 05/3/2024 của UBND huyện X": citing an old document is fine.
      const citedDate = findTextDates(before).pop();
      if (citedDate?.iso && citedDate.iso < DISTRICT_ABOLISHED && /của\s*$/u.test(before)) continue;
      const body = collapseSpaces(m[0]);
      if (seen.has(body.toLowerCase())) continue;
      seen.add(body.toLowerCase());
      out.push(
        finding(
          "defunct-body",
          f.path,
          f.label,
          `"${body}": cấp huyện đã chấm dứt hoạt động từ 01/7/2025 (Luật 72/2025/QH15) nhưng vẫn được nêu trong văn bản ${when.vi}.`,
          `"${body}": the district tier ceased to exist on 1 July 2025 (Law 72/2025/QH15) but is named in a document ${when.en}.`,
        ),
      );
    }
  }
}

function unitSpelling(fields: Field[], units: readonly string[], out: Finding[]): void {
  const byKey = new Map<string, string>();
  for (const u of units) {
    byKey.set(nameKey(u), u);
  }
  const lookup = (s: string) => {
    const k = nameKey(s);
    return byKey.get(k) ?? byKey.get(k.replace(/^(công chức|bộ phận|cán bộ)\s+/u, ""));
  };
  const hyphenated = units
    .filter((u) => /[-–—]/.test(u))
    .map((u) => ({ unit: u, re: unitVariantRegExp(u, true) }));
  for (const f of fields) {
    if (f.kind === "unit") {
      const written = collapseSpaces(f.text).replace(
        /^(công chức|Công chức|bộ phận|Bộ phận)\s+(?=\p{Lu})/u,
        "",
      );
      const canonical = lookup(f.text);
      if (canonical && written !== canonical)
        out.push(
          finding(
            "unit-spelling",
            f.path,
            f.label,
            `"${collapseSpaces(f.text)}" viết khác tên trong danh mục đơn vị: "${canonical}".`,
            `"${collapseSpaces(f.text)}" is spelled differently from the unit list: "${canonical}".`,
          ),
        );
      continue;
    }
    if (f.kind !== "prose" && f.kind !== "recipient") continue;
    const normalized = toNewTone(f.text);
    const reported = new Set<string>();
    for (const { unit, re } of hyphenated) {
      re.lastIndex = 0;
      for (const m of normalized.matchAll(re)) {
        const original = collapseSpaces(f.text.slice(m.index ?? 0, (m.index ?? 0) + m[0].length));
        if (original === unit || reported.has(original)) continue;
        reported.add(original);
        out.push(
          finding(
            "unit-spelling",
            f.path,
            f.label,
            `"${original}" viết khác tên trong danh mục đơn vị: "${unit}".`,
            `"${original}" is spelled differently from the unit list: "${unit}".`,
          ),
        );
      }
    }
  }
}

function toneMarks(fields: Field[], out: Finding[]): void {
  // Fixed forms the renderer prints (header, signer) do not count; a text repeated in several fields counts once.
  const counted = fields.filter((f) => f.kind !== "header");
  const perField = counted.map((f) => ({ f, hits: toneStyleHits(f.text) }));
  const seen = new Set<string>();
  let oldCount = 0;
  let newCount = 0;
  for (const { f, hits } of perField) {
    const key = stripEnd(collapseSpaces(f.text), ";.,");
    if (seen.has(key)) continue;
    seen.add(key);
    for (const h of hits) {
      if (h.style === "old") oldCount++;
      else newCount++;
    }
  }
  if (oldCount === 0 || newCount === 0) return;
  const minority: "old" | "new" = oldCount <= newCount ? "old" : "new";
  for (const { f, hits } of perField) {
    const words = [...new Set(hits.filter((h) => h.style === minority).map((h) => h.word))];
    if (!words.length) continue;
    const pairs = words
      .map((w) => `"${w}" → "${minority === "old" ? toNewTone(w) : toOldTone(w)}"`)
      .join(", ");
    const styleVi = minority === "old" ? "mới (hóa, ủy)" : "cũ (hoá, uỷ)";
    const styleEn = minority === "old" ? "new style (hóa, ủy)" : "old style (hoá, uỷ)";
    out.push(
      finding(
        "tone-mark-mixed",
        f.path,
        f.label,
        `Văn bản đặt dấu thanh theo cả hai kiểu; nên thống nhất theo kiểu ${styleVi} đang dùng nhiều hơn: ${pairs}.`,
        `The document mixes both tone-mark placements; keep to the ${styleEn} used more often: ${pairs}.`,
      ),
    );
  }
}

function spaces(fields: Field[], out: Finding[]): void {
  for (const f of fields) {
    const t = f.text;
    if (/\S[ \t\u00a0]{2,}\S/u.test(t)) {
      const m = t.match(/(?<!\S)(\S+)[ \t\u00a0]{2,}(\S+)/u);
      const at = m ? `"${m[1]}  ${m[2]}"` : "";
      out.push(
        finding("double-space", f.path, f.label, `Có hai dấu cách liền nhau ${at}.`, `Double space ${at}.`),
      );
    }
    if (/^\s|\s$/u.test(t))
      out.push(
        finding(
          "stray-space",
          f.path,
          f.label,
          "Thừa dấu cách ở đầu hoặc cuối.",
          "Stray space at the start or end.",
        ),
      );
    const before = t.match(/[\p{L}\d)][ \t]+([,;:!?)])/u);
    const afterParen = t.match(/\([ \t]+\S/u);
    if (before || afterParen)
      out.push(
        finding(
          "stray-space",
          f.path,
          f.label,
          `Thừa dấu cách trước dấu câu${before ? ` "${before[1]}"` : ""}.`,
          `Stray space before punctuation${before ? ` "${before[1]}"` : ""}.`,
        ),
      );
  }
}

/**
 * A task whose words carry its time is not missing a deadline: a date ("trước ngày 15/7/2023"), a month or
 * quarter ("trong tháng 02/2024", "Quý II/2024"), a time before the event ("trước ít nhất 05 ngày"), or a
 * standing or recurring duty ("thường xuyên", "hằng tháng").
 */
const DEADLINE_WORDS =
  /(?<![\p{L}])(?:thường xuyên|hằng|hàng)\s+(?:tháng|quý|năm|tuần|ngày)|thường xuyên|(?:trong|trước|chậm nhất)\s+(?:ngày|tháng|quý)\s+\S|quý\s+[IV]+\s*\/\s*\d{4}|trước\s+(?:ít nhất\s+)?\d+\s+ngày|sau\s+(?:khi\s+)?(?:kết thúc\s+)?(?:Hội nghị|sự kiện)|trong\s+(?:ngày|thời gian)\s+(?:tổ chức|diễn ra)/iu;
export function deadlineInWords(description: string): boolean {
  return findTextDates(description).some((d) => d.iso) || DEADLINE_WORDS.test(nfc(description));
}

function tasks(plan: CheckablePlan, out: Finding[]): void {
  const ev = plan.event?.date;
  for (const [i, a] of arr(plan.assignments).entries())
    for (const [j, t] of arr(a.tasks).entries()) {
      const tn = `${a.label ?? i + 1}.${j + 1}`;
      if (!t.deadline && !deadlineInWords(str(t.description) ?? ""))
        out.push(
          finding(
            "task-no-deadline",
            ["assignments", i, "tasks", j, "deadline"],
            { vi: `Nhiệm vụ ${tn} – thời hạn`, en: `Task ${tn} – deadline` },
            `Nhiệm vụ của "${a.unit}" chưa có thời hạn${ev ? ` (mặc định trước ngày tổ chức ${formatViDate(ev)})` : ""}.`,
            `A task of "${a.unit}" has no deadline${ev ? ` (defaults to before the event on ${formatViDate(ev)})` : ""}.`,
          ),
        );
      if (blank(t.leadUnit))
        out.push(
          finding(
            "task-no-lead",
            ["assignments", i, "tasks", j, "leadUnit"],
            { vi: `Nhiệm vụ ${tn} – đơn vị chủ trì`, en: `Task ${tn} – lead unit` },
            `Nhiệm vụ chưa có đơn vị chủ trì.`,
            `The task has no lead unit.`,
          ),
        );
    }
}

type EventTerm = "sơ kết" | "tổng kết" | "sơ tổng kết";
const TERM_RE = /(?<![\p{L}])(sơ\s*(?:,\s*)?tổng\s+kết|sơ\s+kết|tổng\s+kết)(?![\p{L}])/giu;
const termOf = (raw: string): EventTerm => {
  const t = raw.toLocaleLowerCase("vi").replace(/[\s,]+/g, " ");
  return t.startsWith("sơ tổng") ? "sơ tổng kết" : t.startsWith("sơ") ? "sơ kết" : "tổng kết";
};

function eventNaming(plan: CheckablePlan, fields: Field[], out: Finding[]): void {
  const one = new RegExp(TERM_RE.source, "iu");
  let canonical: EventTerm | undefined;
  for (const ref of [plan.event?.name, plan.subject]) {
    const m = typeof ref === "string" ? ref.match(one) : null;
    if (m?.[1]) {
      canonical = termOf(m[1]);
      break;
    }
  }
  const occurrences: Array<{ f: Field; term: EventTerm; raw: string; conference: boolean }> = [];
  for (const f of fields) {
    if (f.kind !== "prose") continue;
    for (const m of f.text.matchAll(TERM_RE)) {
      const before = f.text.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0);
      occurrences.push({
        f,
        term: termOf(m[1] ?? ""),
        raw: m[1] ?? "",
        conference: /Hội nghị\s*$/iu.test(before),
      });
    }
  }
  if (!canonical) {
    // No reference in the subject: the conference's name should still be the same everywhere.
    const terms = occurrences.filter((o) => o.conference);
    const counts = new Map<EventTerm, number>();
    for (const o of terms) counts.set(o.term, (counts.get(o.term) ?? 0) + 1);
    if (counts.size < 2) return;
    canonical = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  const flagged = new Set<string>();
  for (const o of occurrences) {
    if (o.term === canonical) continue;
    // "sơ tổng kết" is always a mix-up against a "sơ kết"/"tổng kết" plan; a different term only matters in the
    // conference's name ("Hội nghị tổng kết" in a "sơ kết" plan), since a plan may mention other reviews.
    if (!(o.term === "sơ tổng kết" || o.conference || canonical === "sơ tổng kết")) continue;
    const key = `${o.f.path.join(".")}|${o.term}`;
    if (flagged.has(key)) continue;
    flagged.add(key);
    out.push(
      finding(
        "event-naming",
        o.f.path,
        o.f.label,
        `Tên sự kiện không thống nhất: "${o.raw}" trong khi trích yếu dùng "${canonical}".`,
        `Inconsistent event naming: "${o.raw}" while the subject says "${canonical}".`,
      ),
    );
  }
}

const PHRASES: Array<{ re: RegExp; fix: (m: RegExpMatchArray) => string; vi: string; en: string }> = [
  {
    re: /(?<![\p{L}])([Yy]êu)\s+(?!cầu(?![\p{L}])|thương|nước|mến|quý|thích|chuộng|dấu|đời|quê|người|nghề|kiều|sách|chuộng)(\p{L}+(?:\s+\p{L}+)?)/gu,
    fix: (m) => `${m[1]} cầu ${m[2]}`,
    vi: 'thiếu chữ "cầu"',
    en: 'the word "cầu" is missing',
  },
  {
    re: /(?<![\p{L}])(?<!(?:[Vv]ấn|[Cc]hủ|[Tt]iêu|[Nn]an|[Mm]ệnh|[Đđ]ầu|[Ll]uận|[Cc]âu)\s)(đề|Đề)\s+(MTTQ|Mặt trận|các|Ủy ban|Uỷ ban|UBND|Hội|Đoàn|đồng chí|ông|bà|Công an|cơ quan|đơn vị)(?![\p{L}])/gu,
    fix: (m) => `${m[1]} nghị ${m[2]}`,
    vi: 'thiếu chữ "nghị"',
    en: 'the word "nghị" is missing',
  },
  {
    re: /(?<![\p{L}])(Trên)\s+(là)(?![\p{L}])/gu,
    fix: () => "Trên đây là",
    vi: 'thiếu chữ "đây"',
    en: 'the word "đây" is missing',
  },
  {
    re: /(cụ thể)\s+(sau)\s*:/giu,
    fix: (m) => `${m[1]} như sau:`,
    vi: 'thiếu chữ "như"',
    en: 'the word "như" is missing',
  },
  {
    re: /(?<![\p{L}])(Ủy|Uỷ|ủy|uỷ)\s+ban\s+nhân(?!\s+dân)(?![\p{L}])/gu,
    fix: (m) => `${m[1]} ban nhân dân`,
    vi: 'thiếu chữ "dân"',
    en: 'the word "dân" is missing',
  },
  {
    re: /(?<![\p{L}])(triển khai)\s+(hiện)(?![\p{L}])/giu,
    fix: (m) => `${m[1]} thực hiện`,
    vi: 'thiếu chữ "thực"',
    en: 'the word "thực" is missing',
  },
  {
    re: /(?<![\p{L}])(?<!(?:[Pp]hân|[Cc]hi)\s)(phối)\s+(với)(?![\p{L}])/giu,
    fix: (m) => `${m[1]} hợp với`,
    vi: 'thiếu chữ "hợp"',
    en: 'the word "hợp" is missing',
  },
  {
    re: /(?<![\p{L}])(chịu)\s+(nhiệm)(?![\p{L}])/giu,
    fix: (m) => `${m[1]} trách nhiệm`,
    vi: 'thiếu chữ "trách"',
    en: 'the word "trách" is missing',
  },
  {
    re: /(?<![\p{L}])(có trách)(?!\s+nhiệm)(?![\p{L}])/giu,
    fix: (m) => `${m[1]} nhiệm`,
    vi: 'thiếu chữ "nhiệm"',
    en: 'the word "nhiệm" is missing',
  },
];

function phrases(fields: Field[], out: Finding[]): void {
  for (const f of fields) {
    if (f.kind !== "prose") continue;
    for (const p of PHRASES) {
      p.re.lastIndex = 0;
      for (const m of f.text.matchAll(p.re)) {
        const written = m[0];
        const fixed = p.fix(m);
        out.push(
          finding(
            "phrase-missing-word",
            f.path,
            f.label,
            `"${written}": ${p.vi}, nên viết "${fixed}".`,
            `"${written}": ${p.en}; write "${fixed}".`,
          ),
        );
      }
    }
  }
}

/** A gap left by a template: "…" or "..." standing alone ("số …/KH-UBND", "ngày … của …"), or "(Họ và tên …)". */
const PLACEHOLDER = /(^|\s)(…|\.{3})(?=\s|\/|,|;|:|\.|\)|$)|\(\s*họ và tên/iu;
/** Parts that identify the document: a gap there must be filled before issuing. */
const IDENTIFYING = new Set(["subject", "place", "signer", "issuer"]);

/**
 * Template gaps ("…", "(Họ và tên người ký)", "UBND cấp trên trực tiếp"): an error anywhere in an issued
 * document (and so in the plan as it would be issued); in a draft, an error where they identify the document.
 */
function placeholders(plan: CheckablePlan, fields: Field[], out: Finding[]): void {
  const signerName = typeof plan.signer?.name === "string" ? plan.signer.name : "";
  const all: Field[] = [...fields];
  if (signerName && !fields.some((f) => f.path.join(".") === "signer.name")) {
    all.push({
      path: ["signer", "name"],
      label: { vi: "Người ký – họ tên", en: "Signer – name" },
      text: signerName,
      kind: "name",
    });
  }
  const issued = Boolean(plan.status && ISSUED_STATUSES.has(plan.status));
  for (const f of all) {
    const phrase = templatePhraseIn(f.text);
    if (!phrase && !PLACEHOLDER.test(f.text)) continue;
    const blocking = issued || IDENTIFYING.has(String(f.path[0]));
    const what = phrase ? `"${phrase}"` : "(…)";
    out.push(
      finding(
        blocking ? "placeholder-left" : "placeholder-text",
        f.path,
        f.label,
        blocking
          ? `Còn chỗ trống của mẫu ${what} chưa điền; phải điền trước khi ban hành.`
          : `Còn chỗ trống của mẫu ${what} chưa điền.`,
        blocking
          ? `A template gap ${what} is still unfilled; fill it before issuing.`
          : `A template gap ${what} is still unfilled.`,
      ),
    );
  }
}

// ----------------------------------------------------------------------------------------------
// One fact, one value: where the text restates a field, they must agree.

type SectionText = { path: FindingPath; text: string; context: string };

/** Every heading and paragraph of the body with its path and its item's heading (for "Thời gian: …" items). */
function sectionTexts(plan: CheckablePlan): SectionText[] {
  const out: SectionText[] = [];
  for (const [i, p] of arr(plan.preamble).entries())
    if (typeof p === "string") out.push({ path: ["preamble", i], text: p, context: "" });
  const stack: Array<{ item: SectionItem; path: FindingPath; depth: number }> = arr(plan.sections)
    .map((item, i) => ({ item, path: ["sections", i] as FindingPath, depth: 1 }))
    .reverse();
  while (stack.length) {
    const { item, path, depth } = stack.pop() as (typeof stack)[number];
    if (!item || typeof item !== "object") continue;
    const heading = str(item.heading) ?? "";
    if (heading) out.push({ path: [...path, "heading"], text: heading, context: heading });
    for (const [j, p] of arr(item.paragraphs).entries())
      if (typeof p === "string") out.push({ path: [...path, "paragraphs", j], text: p, context: heading });
    if (depth < MAX_SECTION_DEPTH)
      for (let j = arr(item.children).length - 1; j >= 0; j--)
        stack.push({
          item: item.children[j] as SectionItem,
          path: [...path, "children", j],
          depth: depth + 1,
        });
  }
  for (const [i, p] of arr(plan.closing).entries())
    if (typeof p === "string") out.push({ path: ["closing", i], text: p, context: "" });
  return out;
}

const DATE_AFTER =
  /^\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s*(?:\/|-|\.|\s+tháng\s+)\s*(\d{1,2})\s*(?:\/|-|\.|\s+năm\s+)\s*(\d{4})/iu;
const startsWith = (word: string) =>
  new RegExp(`^(?:[\\dIVX]+(?:\\.\\d+)*[.)]?\\s*)?${word}(?![\\p{L}])`, "iu");
const TIME_RE = startsWith("thời gian");
const VENUE_RE = startsWith("địa điểm");
const ATTENDEES_RE = startsWith("thành phần");
const TENTATIVE_DATE_RE =
  /dự kiến(?:\s+vào)?(?:\s+(?:lúc\s+)?\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2})?(?:\s*phút)?,?)?\s+ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/giu;
const restOf = (text: string, re: RegExp) => text.replace(re, "").replace(/^[^:]*:\s*/u, "");
const squash = (s: string) =>
  nfc(s)
    .toLocaleLowerCase("vi")
    .replace(/[\s.,;:()]+/gu, " ")
    .trim();

function contradiction(out: Finding[], path: FindingPath, vi: string, en: string) {
  out.push(finding("fact-contradiction", path, { vi: "", en: "" }, vi, en));
}

function contradictions(plan: CheckablePlan, out: Finding[]): void {
  const texts = sectionTexts(plan);
  const seen = new Set<string>();
  const once = (key: string) => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  // Cited documents: "Kế hoạch số 61/KH-UBND ngày 30/12/2023" against the basis list's date.
  for (const [i, b] of arr(plan.basis).entries()) {
    const sym = str(b.symbol)?.trim();
    if (!sym || !b.date || !validIso(b.date)) continue;
    for (const t of texts) {
      let at = t.text.indexOf(sym);
      while (at !== -1) {
        const m = t.text.slice(at + sym.length).match(DATE_AFTER);
        const y = Number(m?.[3]);
        const mo = Number(m?.[2]);
        const d = Number(m?.[1]);
        if (m && isRealDate(y, mo, d)) {
          const iso = toIso(y, mo, d);
          if (iso !== b.date && once(`basis|${i}|${t.path.join(".")}`))
            contradiction(
              out,
              t.path,
              `Văn bản ghi ${sym} ngày ${formatViDate(iso)}, danh sách căn cứ ghi ngày ${formatViDate(b.date)}; sửa cho thống nhất.`,
              `The text dates ${sym} ${formatViDate(iso)}, the basis list ${formatViDate(b.date)}; make them agree.`,
            );
        }
        at = t.text.indexOf(sym, at + sym.length);
      }
    }
  }
  const ev = plan.event;
  if (ev) {
    for (const t of texts) {
      const timeLine = TIME_RE.test(t.text) || (TIME_RE.test(t.context) && !t.path.includes("heading"));
      if (ev.date && validIso(ev.date)) {
        const stated = timeLine
          ? findTextDates(t.text).flatMap((d) => (d.iso ? [d.iso] : []))
          : [...t.text.matchAll(TENTATIVE_DATE_RE)].flatMap((m) => {
              const [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
              return isRealDate(y, mo, d) ? [toIso(y, mo, d)] : [];
            });
        const wrong = stated.find((d) => d !== ev.date);
        if (wrong && !stated.includes(ev.date) && once(`event-date|${t.path.join(".")}`))
          contradiction(
            out,
            t.path,
            `Văn bản ghi ngày tổ chức ${formatViDate(wrong)}, thông tin sự kiện ghi ${formatViDate(ev.date)}; sửa cho thống nhất.`,
            `The text gives the event date as ${formatViDate(wrong)}, the event's date is ${formatViDate(ev.date)}; make them agree.`,
          );
      }
      const venueLine = VENUE_RE.test(t.text) || (VENUE_RE.test(t.context) && !t.path.includes("heading"));
      const venue = str(ev.venue);
      if (venueLine && venue) {
        const own = VENUE_RE.test(t.text);
        const written = own ? (t.text.includes(":") ? squash(restOf(t.text, VENUE_RE)) : "") : squash(t.text);
        const field = squash(venue);
        if (
          written &&
          !written.includes(field) &&
          !field.includes(written) &&
          once(`venue|${t.path.join(".")}`)
        )
          contradiction(
            out,
            t.path,
            `Văn bản ghi địa điểm "${collapseSpaces(written)}", thông tin sự kiện ghi "${collapseSpaces(venue)}"; sửa cho thống nhất.`,
            `The text gives the venue as "${collapseSpaces(written)}", the event's venue is "${collapseSpaces(venue)}"; make them agree.`,
          );
      }
      const attendeeLine =
        ATTENDEES_RE.test(t.text) || (ATTENDEES_RE.test(t.context) && !t.path.includes("heading"));
      if (attendeeLine && ev.attendeeCount !== undefined) {
        const m = t.text.match(/(\d+)\s*(?:đại biểu|người|đồng chí)/iu);
        const n = m ? Number(m[1]) : undefined;
        const groupCounts = arr(ev.attendeeGroups).map((g) => g.count);
        if (
          n !== undefined &&
          n !== ev.attendeeCount &&
          !groupCounts.includes(n) &&
          once(`count|${t.path.join(".")}`)
        )
          contradiction(
            out,
            t.path,
            `Văn bản ghi ${n} đại biểu, thông tin sự kiện ghi ${ev.attendeeCount}; sửa cho thống nhất.`,
            `The text gives ${n} attendees, the event's count is ${ev.attendeeCount}; make them agree.`,
          );
      }
    }
  }
  // A task's words that state its deadline ("hoàn thành trước ngày 15/7/2023") against the deadline field.
  for (const [i, a] of arr(plan.assignments).entries())
    for (const [j, t] of arr(a.tasks).entries()) {
      if (t.deadline?.kind !== "date" || typeof t.description !== "string") continue;
      const m = t.description.match(
        /(?:trước|chậm nhất|thời hạn:?|hạn chót:?)\s*(?:ngày\s*)?(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/iu,
      );
      if (!m) continue;
      const y = Number(m[3]);
      const mo = Number(m[2]);
      const d = Number(m[1]);
      if (!isRealDate(y, mo, d)) continue;
      const iso = toIso(y, mo, d);
      if (iso !== t.deadline.date)
        contradiction(
          out,
          ["assignments", i, "tasks", j, "description"],
          `Nội dung nhiệm vụ ghi hạn ${formatViDate(iso)}, thời hạn của nhiệm vụ là ${formatViDate(t.deadline.date)}; sửa cho thống nhất.`,
          `The task's words give ${formatViDate(iso)}, its deadline is ${formatViDate(t.deadline.date)}; make them agree.`,
        );
    }
}

/** Decree 30 writes the subject in sentence case; a subject in capitals is a warning. */
function subjectCase(plan: CheckablePlan, out: Finding[]): void {
  const s = str(plan.subject) ?? "";
  const letters = s.replace(/[^\p{L}]/gu, "");
  if (
    letters.length >= 8 &&
    letters === letters.toLocaleUpperCase("vi") &&
    letters !== letters.toLocaleLowerCase("vi")
  )
    out.push(
      finding(
        "subject-capitals",
        ["subject"],
        L.subject,
        "Trích yếu viết in hoa toàn bộ; Nghị định 30 viết trích yếu bằng chữ thường (chỉ viết hoa chữ đầu).",
        "The subject is in capitals; Decree 30 writes it in sentence case.",
      ),
    );
}

/**
 * Check a plan against Decree 30/2020/NĐ-CP and the house rules (DOMAIN.md "Checker rules").
 * Pure and defensive: works on parsed content and on raw JSON that failed the schema.
 */
export function checkPlan(plan: CheckablePlan, opts: CheckOptions = {}): Finding[] {
  const today = opts.today ?? todayInVietnam();
  const units = opts.units ?? COMMUNE_OFFICES;
  const fields = [...planFields(plan)];
  const out: Finding[] = [];
  requiredParts(plan, out);
  sectionDepth(plan, out);
  datesMalformed(plan, fields, today, out);
  symbols(plan, out);
  chronology(plan, out);
  signerAuthority(plan, out);
  defunctBodies(plan, fields, today, out);
  unitSpelling(fields, units, out);
  toneMarks(fields, out);
  spaces(fields, out);
  tasks(plan, out);
  eventNaming(plan, fields, out);
  phrases(fields, out);
  placeholders(plan, fields, out);
  contradictions(plan, out);
  subjectCase(plan, out);
  // One finding per fact: the same rule at the same place with the same words is said once.
  const seen = new Set<string>();
  const unique = out.filter((f) => {
    const key = `${f.code}|${f.location.path.join(".")}|${f.message.vi}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Locations read as the document does ("Mục III › 1 › đoạn 1", "Nơi nhận, dòng 1").
  for (const f of unique) f.location.label = locationText(plan, f.location.path);
  // Errors first, then in document order of rules.
  return unique.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

/**
 * The plan as issuing today would make it: dated today, numbered (the number's value is the counter's; its
 * form is what the checker sees), status issued.
 */
export function asIssued(plan: CheckablePlan, today: string = todayInVietnam()): CheckablePlan {
  const dn = plan.documentNumber ?? {};
  const typeCode = plan.type ?? "KH";
  const issuerCode = dn.issuerCode ?? plan.issuer?.code ?? "UBND";
  const number = { number: dn.number ?? 1, typeCode, issuerCode };
  return {
    ...plan,
    status: "issued",
    date: today,
    documentNumber: { ...number, symbol: formatSymbol(number) ?? "" },
  };
}

/** Exactly what blocks issuing: the errors of the plan as it would be issued today (the issue gate's list). */
export function issueBlockers(plan: CheckablePlan, opts: CheckOptions = {}): Finding[] {
  const today = opts.today ?? todayInVietnam();
  return checkPlan(asIssued(plan, today), { ...opts, today }).filter((f) => f.severity === "error");
}

export function hasBlockingErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
