import { DomainError } from "../errors";
import { getPlan, insertPlan, requireWrite } from "./index";
import { TEMPLATE_PLACEHOLDERS } from "./placeholders";
import { type Plan, type PlanContent, type PlanContentInput, planContent, type SectionItem } from "./schema";

export type Template = { id: string; name: string; description: string; content: PlanContentInput };

/** A commune's People's Committee as the issuer of its documents: "UBND xã Tứ Kỳ", its header lines, its place name. */
export function communeIssuer(unit: { name: string; shortName: string }) {
  return {
    issuer: {
      name: `UBND ${unit.name.replace(/^Xã/, "xã")}`,
      headerLines: ["ỦY BAN NHÂN DÂN", unit.name.toUpperCase()],
      code: "UBND",
    },
    place: unit.shortName,
  };
}

/** Built-in templates. The review conference follows the structure of a real commune plan. */
export function templates(issuer: { name: string; shortName: string }): Template[] {
  const base = {
    ...communeIssuer(issuer),
    documentNumber: { typeCode: "KH" as const, issuerCode: "UBND" },
    type: "KH" as const,
    recipients: [TEMPLATE_PLACEHOLDERS[0], "Thường trực Đảng ủy", "Thường trực HĐND xã", "Lưu: VT"],
    signer: {
      authority: "TM." as const,
      onBehalfOf: "ỦY BAN NHÂN DÂN",
      title: "CHỦ TỊCH",
      name: TEMPLATE_PLACEHOLDERS[1],
    },
  };
  const item = (
    id: string,
    label: string,
    heading: string,
    paragraphs: string[] = [],
    children: SectionItem[] = [],
  ) => ({
    id,
    label,
    heading,
    paragraphs,
    children,
  });
  return [
    {
      id: "review-conference",
      name: "Hội nghị sơ kết / tổng kết",
      description:
        "Kế hoạch tổ chức hội nghị sơ kết, tổng kết (mục đích, nội dung, hình thức, tổ chức thực hiện)",
      content: {
        ...base,
        subject: "Tổ chức Hội nghị sơ kết công tác … 6 tháng đầu năm …",
        category: "CCHC",
        preamble: [
          "Thực hiện Kế hoạch số …/KH-UBND ngày … của … về …, Ủy ban nhân dân xã xây dựng Kế hoạch tổ chức Hội nghị sơ kết …, cụ thể như sau:",
        ],
        sections: [
          item(
            "s1",
            "I",
            "MỤC ĐÍCH, YÊU CẦU",
            [],
            [
              item("s1-1", "1", "Mục đích", [
                "Đánh giá kết quả thực hiện …; chỉ rõ ưu điểm, tồn tại, hạn chế và nguyên nhân.",
              ]),
              item(
                "s1-2",
                "2",
                "Yêu cầu",
                [],
                [
                  {
                    id: "s1-2-a",
                    label: "-",
                    paragraphs: ["Phân tích, đánh giá đúng thực trạng …"],
                    children: [],
                  },
                  {
                    id: "s1-2-b",
                    label: "-",
                    paragraphs: ["Việc tổ chức Hội nghị đảm bảo tiết kiệm, hiệu quả."],
                    children: [],
                  },
                ],
              ),
            ],
          ),
          item(
            "s2",
            "II",
            "NỘI DUNG VÀ HÌNH THỨC THỰC HIỆN",
            [],
            [
              item("s2-1", "1", "Nội dung", ["Sơ kết đánh giá kết quả … và giải pháp thực hiện nhiệm vụ …"]),
              item("s2-2", "2", "Hình thức thực hiện", ["Tổ chức Hội nghị sơ kết."]),
            ],
          ),
          item("s3", "III", "TỔ CHỨC THỰC HIỆN"),
        ],
        event: {
          name: "Hội nghị sơ kết",
          duration: "½ ngày",
          dateTentative: true,
          attendeeCountApproximate: true,
          attendeeGroups: [
            { name: "BTV Đảng ủy" },
            { name: "Thường trực HĐND; Lãnh đạo UBND" },
            { name: "MTTQ, các ban ngành, đoàn thể, công chức UBND xã" },
            { name: "Bí thư chi bộ, trưởng thôn" },
          ],
          venue: "Hội trường UBND xã",
          fundingSource: "Ngân sách xã",
        },
        assignments: [
          {
            id: "a1",
            label: "1",
            unit: "Văn phòng - Thống kê",
            tasks: [
              {
                id: "a1-t1",
                description: "Chuẩn bị tài liệu, báo cáo sơ kết; trang trí, khánh tiết phục vụ Hội nghị.",
                leadUnit: "Văn phòng - Thống kê",
                kind: "giao",
                deadline: { kind: "relative_to_event", days: -3 },
              },
            ],
          },
          {
            id: "a2",
            label: "2",
            unit: "Tài chính - Kế toán",
            tasks: [
              {
                id: "a2-t1",
                description: "Tham mưu nguồn kinh phí và hướng dẫn thanh quyết toán theo quy định.",
                leadUnit: "Tài chính - Kế toán",
                kind: "giao",
                deadline: { kind: "relative_to_event", days: -5 },
              },
            ],
          },
        ],
        closing: [
          "Trên đây là Kế hoạch tổ chức Hội nghị sơ kết …; đề nghị MTTQ, các đoàn thể phối hợp thực hiện. Yêu cầu công chức chuyên môn nghiêm túc triển khai thực hiện./.",
        ],
      },
    },
    {
      id: "blank",
      name: "Kế hoạch trống",
      description: "Chỉ có khung của một kế hoạch theo Nghị định 30",
      content: {
        ...base,
        subject: "Kế hoạch …",
        sections: [
          item("s1", "I", "MỤC ĐÍCH, YÊU CẦU"),
          item("s2", "II", "NỘI DUNG"),
          item("s3", "III", "TỔ CHỨC THỰC HIỆN"),
        ],
      },
    },
  ];
}

const PERIOD = /^(\d{4})(?:-(H[12]|Q[1-4]|M(\d{2})))?$/;

/** 2023-H1 → 2023-H2 → 2024-H1; 2023-Q4 → 2024-Q1; 2023 → 2024; with the months between them. */
export function nextPeriod(period: string): { period: string; months: number } {
  const m = PERIOD.exec(period);
  if (!m)
    throw new DomainError(400, "no_period", { vi: "Kế hoạch chưa có kỳ.", en: "The plan has no period." });
  const year = Number(m[1]);
  const part = m[2];
  if (!part) return { period: String(year + 1), months: 12 };
  if (part === "H1") return { period: `${year}-H2`, months: 6 };
  if (part === "H2") return { period: `${year + 1}-H1`, months: 6 };
  if (part.startsWith("Q")) {
    const q = Number(part[1]);
    return { period: q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`, months: 3 };
  }
  const mo = Number(m[3]);
  return { period: mo === 12 ? `${year + 1}-M01` : `${year}-M${String(mo + 1).padStart(2, "0")}`, months: 1 };
}

export function addMonths(iso: string, months: number): string {
  const [y, mo, d] = iso.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, mo - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * A cited document's number and date as written: "số 61/KH-UBND ngày 30/12/2022", "30/2020/NĐ-CP ngày 05 tháng
 * 3 năm 2020", "72/2025/QH15". They name another document: copying a plan to the next period leaves them alone.
 */
const CITATION =
  /\d+[a-z]?\/(?:\d{4}\/)?[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*(?:\s*,?\s*(?:ban hành\s+)?ngày\s+(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?/gu;

/** Period wording moved to the next period outside cited documents' numbers and dates. */
function shiftText(s: string, from: string, to: string): string {
  let out = "";
  let last = 0;
  for (const m of s.matchAll(CITATION)) {
    const at = m.index ?? 0;
    out += shiftPlain(s.slice(last, at), from, to) + m[0];
    last = at + m[0].length;
  }
  return out + shiftPlain(s.slice(last), from, to);
}

/** Rewrites period wording in text: "6 tháng đầu năm 2023" ↔ "6 tháng cuối năm 2023", "quý I" → "quý II", years. */
function shiftPlain(s: string, from: string, to: string): string {
  const [fy, fp] = from.split("-");
  const [ty, tp] = to.split("-");
  let out = s;
  if (fp === "H1" && tp === "H2") out = out.replace(/6 tháng đầu năm/g, "6 tháng cuối năm");
  if (fp === "H2" && tp === "H1") out = out.replace(/6 tháng cuối năm/g, "6 tháng đầu năm");
  const roman = ["I", "II", "III", "IV"];
  if (fp?.startsWith("Q") && tp?.startsWith("Q")) {
    const a = roman[Number(fp[1]) - 1];
    const b = roman[Number(tp[1]) - 1];
    if (a && b) out = out.replace(new RegExp(`quý ${a}\\b`, "gi"), `quý ${b}`);
  }
  if (fy && ty && fy !== ty) out = out.replace(new RegExp(`\\b${fy}\\b`, "g"), ty);
  return out;
}

/** "Copy to next period": a new draft with dates moved, wording shifted, number and progress cleared. */
export async function copyToNextPeriod(planId: string): Promise<Plan> {
  const src = await getPlan(planId);
  requireWrite(src.communeId);
  const { period, months } = nextPeriod(src.period ?? "");
  const from = src.period ?? "";
  const shift = (s: string) => shiftText(s, from, period);
  const move = (d: string | undefined) => (d ? addMonths(d, months) : undefined);
  const section = (s: SectionItem): SectionItem => ({
    ...s,
    ...(s.heading ? { heading: shift(s.heading) } : {}),
    paragraphs: s.paragraphs.map(shift),
    children: s.children.map(section),
  });
  const content: PlanContent = planContent.parse({
    ...src,
    documentNumber: { typeCode: src.documentNumber.typeCode, issuerCode: src.documentNumber.issuerCode },
    date: undefined,
    period,
    subject: shift(src.subject),
    preamble: src.preamble.map(shift),
    sections: src.sections.map(section),
    event: src.event
      ? { ...src.event, date: move(src.event.date), name: src.event.name && shift(src.event.name) }
      : undefined,
    assignments: src.assignments.map((as) => ({
      ...as,
      tasks: as.tasks.map((t) => ({
        ...t,
        description: shift(t.description),
        status: "not_started",
        progress: 0,
        evidence: [],
        deadline: t.deadline?.kind === "date" ? { kind: "date", date: move(t.deadline.date) } : t.deadline,
      })),
    })),
    closing: src.closing.map(shift),
  });
  return insertPlan({ communeId: src.communeId, content, status: "draft", action: "copy" });
}
