import { foldVietnamese } from "../text";

/**
 * A commune's own offices and posts that assignments are given to (DOMAIN.md "Commune offices").
 * Browser-safe: the editor suggests these names, the server links a task's office text to an id.
 */
export const OFFICES = [
  { id: "van-phong", name: "Văn phòng - Thống kê" },
  { id: "tai-chinh", name: "Tài chính - Kế toán" },
  { id: "van-hoa", name: "Văn hóa - Thông tin" },
  { id: "dia-chinh", name: "Địa chính - Xây dựng" },
  { id: "tu-phap", name: "Tư pháp - Hộ tịch" },
  { id: "cong-an", name: "Công an xã" },
  { id: "quan-su", name: "Quân sự xã" },
  { id: "chuyen-mon-khac", name: "Công chức chuyên môn khác" },
  { id: "mttq", name: "MTTQ và các đoàn thể" },
] as const;
export type OfficeId = (typeof OFFICES)[number]["id"];
export const OFFICE_IDS = OFFICES.map((o) => o.id) as [OfficeId, ...OfficeId[]];

/** Letters only, tone marks and punctuation dropped: "Văn phòng -thống kê" ≡ "Văn phòng - Thống kê". */
const key = (s: string) => foldVietnamese(s.normalize("NFC")).replace(/[^a-z0-9]+/g, "");

const BY_KEY = new Map(OFFICES.map((o) => [key(o.name), o.id] as const));

/** The office an assignment's text names, when it names one of the commune's offices. */
export function officeOf(text: string | undefined): OfficeId | undefined {
  return text ? BY_KEY.get(key(text)) : undefined;
}

export function officeName(id: string | undefined): string | undefined {
  return OFFICES.find((o) => o.id === id)?.name;
}
