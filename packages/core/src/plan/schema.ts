import { z } from "zod";
import { cleanText, hasVisibleText, utf8Bytes } from "../text";

/** Vietnamese text is stored NFC and XML-safe (DOCX is XML); every free-text field passes through this. */
export const text = (max = 2000) =>
  z
    .string()
    .max(max, { message: `Tối đa ${max} ký tự / At most ${max} characters` })
    .transform(cleanText);

/** Free text that must show something: whitespace and zero-width characters alone are empty. */
export const requiredText = (max = 2000) =>
  z
    .string({ message: "Bắt buộc nhập / Required" })
    .trim()
    .max(max, { message: `Tối đa ${max} ký tự / At most ${max} characters` })
    .transform((s) => cleanText(s).trim())
    .refine(hasVisibleText, { message: "Không được để trống / Must not be empty" });

/** A calendar date (no time), ISO `YYYY-MM-DD`, that really exists. */
export const isoDate = z
  .string({ message: "Ngày phải có dạng YYYY-MM-DD / Date must be YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Ngày phải có dạng YYYY-MM-DD / Date must be YYYY-MM-DD" })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: "Ngày không tồn tại / Date does not exist" },
  );

export const DOCUMENT_TYPES = {
  KH: "Kế hoạch",
  BC: "Báo cáo",
  QĐ: "Quyết định",
  TB: "Thông báo",
  GM: "Giấy mời",
  CV: "Công văn",
  CT: "Chỉ thị",
  NQ: "Nghị quyết",
} as const;
export const documentTypeCode = z.enum(Object.keys(DOCUMENT_TYPES) as [keyof typeof DOCUMENT_TYPES]);
export type DocumentTypeCode = z.infer<typeof documentTypeCode>;

export const PLAN_STATUSES = [
  "draft",
  "submitted",
  "approved",
  "issued",
  "in_progress",
  "completed",
  "cancelled",
] as const;
export const planStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof planStatus>;
/**
 * The plan list's query: the API's parameters and, for its filters, the dashboard's address
 * (?q=&status=&year=&category=), so both accept the same values.
 */
export const planListQuery = z.object({
  communeId: z.string().min(1, { message: "Chọn xã / Choose a commune" }).max(80),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: planStatus.optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, { message: "Năm gồm 4 chữ số / Year must have 4 digits" })
    .optional(),
  category: z.string().max(80).optional(),
  q: z.string().max(200).optional(),
});

/** The register of issued documents' query: the API's and the dashboard's address (?year=). */
export const registerQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, { message: "Năm gồm 4 chữ số / Year must have 4 digits" })
    .optional(),
});

/** A plan's statuses from issue onward: what an overseer sees of a commune (drafts are its own). */
export const ISSUED_PLAN_STATUSES = [
  "issued",
  "in_progress",
  "completed",
  "cancelled",
] as const satisfies readonly PlanStatus[];

export const SIGNER_AUTHORITIES = ["TM.", "KT.", "Q.", "TL.", "TUQ."] as const;
export const signerAuthority = z.enum(SIGNER_AUTHORITIES, {
  message: "Thẩm quyền ký phải là TM., KT., Q., TL. hoặc TUQ. / Authority must be TM., KT., Q., TL. or TUQ.",
});

/** "61/KH-UBND": number, document type code, issuer code. Number is assigned at issue. */
export const documentNumber = z.object({
  number: z.number().int().min(1).max(99999).optional(),
  typeCode: documentTypeCode.optional(),
  issuerCode: text(40).optional(),
  /** The symbol exactly as written, e.g. "61/KH-UBND" or "12/UBND-VX". */
  symbol: text(80).optional(),
});

export const citedDocument = z.object({
  type: requiredText(80).describe("Loại văn bản, e.g. Kế hoạch"),
  number: z.number().int().min(1).max(99999).optional(),
  symbol: text(80).optional().describe("e.g. 61/KH-UBND"),
  date: isoDate.optional(),
  issuer: text(200).optional(),
  subject: text(1000).optional(),
});
export type CitedDocument = z.infer<typeof citedDocument>;

export type SectionItem = {
  id: string;
  /** Label as numbered in the document: "I", "1", "a", "2.1", "-", "+". */
  label?: string | undefined;
  heading?: string | undefined;
  paragraphs: string[];
  children: SectionItem[];
};
/**
 * Decree 30 numbering goes I → 1 → 1.1 → a → - → +; eight levels leave room for that and
 * more. Deeper items are refused with their path, and the schema never recurses further than
 * this however deep the input is nested (DynamoDB also caps a document at 32 levels).
 */
export const SECTION_MAX_DEPTH = 8;

function sectionAt(level: number): z.ZodType<SectionItem, unknown> {
  const last = level === SECTION_MAX_DEPTH;
  return z.object({
    id: requiredText(64),
    label: text(16).optional(),
    heading: text(500).optional(),
    paragraphs: z.array(text(5000)).max(200).default([]),
    children: last
      ? z
          .array(z.unknown())
          .max(0, {
            message: `Mục lồng quá sâu (tối đa ${SECTION_MAX_DEPTH} cấp) / Sections nest too deep (at most ${SECTION_MAX_DEPTH} levels)`,
          })
          .default([])
      : z
          .array(sectionAt(level + 1))
          .max(200)
          .default([]),
  }) as unknown as z.ZodType<SectionItem, unknown>;
}
export const sectionItem = sectionAt(1).meta({ id: "SectionItem" });

export const attendeeGroup = z.object({ name: requiredText(300), count: z.number().int().min(0).optional() });

export const eventDetails = z.object({
  name: text(300).optional().describe("e.g. Hội nghị sơ kết"),
  duration: text(80).optional().describe("e.g. ½ ngày"),
  date: isoDate.optional(),
  dateTentative: z.boolean().default(false).describe("dự kiến"),
  time: text(40).optional(),
  attendeeCount: z.number().int().min(0).max(100000).optional(),
  attendeeCountApproximate: z.boolean().default(false).describe("khoảng"),
  attendeeGroups: z.array(attendeeGroup).max(100).default([]),
  venue: text(500).optional(),
  fundingSource: text(500).optional(),
  budgetAmount: z.number().min(0).optional().describe("VND"),
});
export type EventDetails = z.infer<typeof eventDetails>;

export const TASK_KINDS = ["giao", "de_nghi"] as const;
export const TASK_STATUSES = ["not_started", "in_progress", "done", "cancelled"] as const;

/**
 * A deadline is a date, an offset in days from the event date, a recurring one ("hằng tháng, trước ngày 20")
 * or a standing duty ("thường xuyên"): the last two are deadlines as the plan words them, not missing ones.
 */
export const deadline = z.union([
  z.object({ kind: z.literal("date"), date: isoDate }),
  z.object({ kind: z.literal("relative_to_event"), days: z.number().int().min(-365).max(365) }),
  z.object({
    kind: z.literal("recurring"),
    every: z.enum(["week", "month", "quarter", "year"]),
    /** Day of the month (or of the period's last month) it falls due, when the plan names one. */
    day: z.number().int().min(1).max(31).optional(),
    text: requiredText(200),
  }),
  z.object({ kind: z.literal("standing"), text: requiredText(200) }),
]);

export const task = z.object({
  id: requiredText(64),
  description: requiredText(5000),
  leadUnit: text(300).optional(),
  partnerUnits: z.array(requiredText(300)).max(50).default([]),
  /** giao = an order to a subordinate; de_nghi (đề nghị) = a request, the only form for MTTQ and mass organisations. */
  kind: z.enum(TASK_KINDS).default("giao"),
  deadline: deadline.optional(),
  status: z.enum(TASK_STATUSES).default("not_started"),
  progress: z.number().int().min(0).max(100).default(0),
  evidence: z.array(text(1000)).max(50).default([]),
});
export type Task = z.infer<typeof task>;

export const assignment = z.object({
  id: requiredText(64),
  label: text(16).optional(),
  /** The responsible unit as written in the plan, e.g. "Văn phòng -thống kê". */
  unit: requiredText(300),
  unitId: text(80).optional(),
  tasks: z.array(task).max(100).default([]),
});
export type Assignment = z.infer<typeof assignment>;

export const signer = z.object({
  authority: signerAuthority.optional(),
  onBehalfOf: text(200).optional().describe("e.g. ỦY BAN NHÂN DÂN"),
  title: requiredText(200).describe("e.g. CHỦ TỊCH"),
  name: requiredText(200),
});

export const issuerInfo = z.object({
  name: requiredText(300).describe("e.g. UBND xã Quảng Nghiệp"),
  headerLines: z
    .array(requiredText(200))
    .max(3)
    .optional()
    .describe('e.g. ["ỦY BAN NHÂN DÂN", "XÃ QUẢNG NGHIỆP"]'),
  superior: text(300).optional().describe("Direct superior body shown above the issuer, if any"),
  code: text(40).optional().describe("Issuer code in the symbol, e.g. UBND"),
});

/**
 * A plan is one DynamoDB item (400 KB at most) holding its content, keys and bookkeeping; the
 * content's serialized UTF-8 size is capped below that. `source` is left out: it moves to the
 * file store.
 */
export const PLAN_CONTENT_MAX_BYTES = 300 * 1024;

/** The fields of a plan's content, unchecked as a whole (the stored plan extends these). */
const planContentFields = z.object({
  issuer: issuerInfo,
  documentNumber: documentNumber.default({}),
  place: requiredText(120).describe("Địa danh, e.g. Quảng Nghiệp"),
  date: isoDate.optional().describe("Ngày ban hành"),
  type: documentTypeCode.default("KH"),
  subject: requiredText(1000).describe("Trích yếu"),
  category: text(80).optional().describe("e.g. CCHC"),
  period: z
    .string()
    .regex(/^\d{4}(-(H1|H2|Q[1-4]|M(0[1-9]|1[0-2])))?$/, {
      message:
        "Kỳ phải có dạng 2023, 2023-H1, 2023-Q2 hoặc 2023-M06 / Period must look like 2023, 2023-H1, 2023-Q2 or 2023-M06",
    })
    .optional(),
  basis: z.array(citedDocument).max(50).default([]),
  /** The opening paragraph(s) before section I (căn cứ / thực hiện ...). */
  preamble: z.array(text(5000)).max(50).default([]),
  sections: z.array(sectionItem).max(50).default([]),
  event: eventDetails.optional(),
  assignments: z.array(assignment).max(100).default([]),
  closing: z.array(text(5000)).max(20).default([]),
  recipients: z.array(requiredText(300)).max(50).default([]),
  signer: signer,
  /** Where the draft came from, when imported: the original text is kept beside it. */
  source: z
    .object({
      kind: z.enum(["import-text", "import-docx"]),
      filename: text(300).optional(),
      text: z.string().max(500_000),
    })
    .optional(),
});

/** The editable content of a plan: everything a clerk writes, within the size a plan item allows. */
export const planContent = planContentFields.superRefine((content, ctx) => {
  const { source: _source, ...rest } = content;
  const bytes = utf8Bytes(JSON.stringify(rest));
  if (bytes > PLAN_CONTENT_MAX_BYTES) {
    const max = PLAN_CONTENT_MAX_BYTES / 1024;
    const size = Math.ceil(bytes / 1024);
    ctx.addIssue({
      code: "custom",
      path: [],
      message: `Nội dung kế hoạch quá lớn (${size} KB, tối đa ${max} KB): hãy rút gọn hoặc tách kế hoạch / The plan's content is too large (${size} KB, at most ${max} KB): shorten or split it`,
    });
  }
});
export type PlanContent = z.infer<typeof planContent>;
export type PlanContentInput = z.input<typeof planContent>;

/** A stored plan: content plus identity, lifecycle and bookkeeping. */
export const plan = planContentFields.extend({
  id: z.string(),
  communeId: z.string(),
  status: planStatus,
  cancelReason: z.string().optional(),
  version: z.number().int().min(1),
  /** For an amendment, the plan it replaces. */
  amends: z.string().optional(),
  /** For a plan replaced by an issued amendment, that amendment. */
  amendedBy: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().optional(),
  issuedAt: z.string().optional(),
  /** The first plan of its amendment chain; its tasks are tracked under this id. */
  seriesId: z.string().optional(),
  /** An issued plan's tasks: how many, done, done late, overdue today. */
  taskProgress: z
    .object({ total: z.number(), done: z.number(), doneLate: z.number(), overdue: z.number() })
    .optional(),
});
export type Plan = z.infer<typeof plan>;

export const planSummary = plan.pick({
  id: true,
  communeId: true,
  status: true,
  subject: true,
  type: true,
  category: true,
  period: true,
  date: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  documentNumber: true,
  taskProgress: true,
});
export type PlanSummary = z.infer<typeof planSummary>;

/** "61/KH-UBND" from its parts, zero-padding numbers below 10 (Decree 30). */
export function formatSymbol(n: {
  number?: number;
  typeCode?: string;
  issuerCode?: string;
  symbol?: string;
}) {
  if (n.number === undefined) return n.symbol;
  const num = String(n.number).padStart(2, "0");
  if (!n.typeCode || n.typeCode === "CV") return `${num}/${n.issuerCode ?? "UBND"}`;
  return `${num}/${n.typeCode}-${n.issuerCode ?? "UBND"}`;
}

/** "Quảng Nghiệp, ngày 05 tháng 01 năm 2024": day < 10 and months 1–2 zero-padded (Decree 30). */
export function formatPlaceDate(place: string, isoDay: string | undefined) {
  if (!isoDay) return `${place}, ngày … tháng … năm …`;
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  const dd = String(d).padStart(2, "0");
  const mm = m <= 2 ? String(m).padStart(2, "0") : String(m);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

/** A plan's status in words, Vietnamese first (documents and exports; the dashboard has its own). */
export const PLAN_STATUS_LABELS: Record<PlanStatus, { vi: string; en: string }> = {
  draft: { vi: "Dự thảo", en: "Draft" },
  submitted: { vi: "Đã trình", en: "Submitted" },
  approved: { vi: "Đã duyệt", en: "Approved" },
  issued: { vi: "Đã ban hành", en: "Issued" },
  in_progress: { vi: "Đang thực hiện", en: "In progress" },
  completed: { vi: "Hoàn thành", en: "Completed" },
  cancelled: { vi: "Đã hủy", en: "Cancelled" },
};
