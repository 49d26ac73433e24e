import { createMessages, useI18n, useMessages } from "../../../i18n";

/** The register page's words, Vietnamese first (beside the feature, like the other features). */
const vi = {
  "register.nav": "Sổ văn bản đi",
  "register.title": "Sổ đăng ký văn bản đi",
  "register.of": "Sổ đăng ký văn bản đi của {commune}",
  "register.year": "Năm",
  "register.download": "Tải XLSX",
  "register.downloadLabel": "Tải XLSX: sổ đăng ký văn bản đi năm {year} (tệp Excel)",
  "register.caption": "Văn bản đã ban hành năm {year}, theo số",
  "register.col.symbol": "Số, ký hiệu",
  "register.col.date": "Ngày",
  "register.col.subject": "Trích yếu",
  "register.col.signer": "Người ký",
  "register.empty": "Chưa có văn bản nào được ban hành trong năm {year}.",
  "register.count": "{count} văn bản",
} as const;

export type RegisterKey = keyof typeof vi;

const en: Record<RegisterKey, string> = {
  "register.nav": "Outgoing register",
  "register.title": "Register of issued documents",
  "register.of": "Register of issued documents of {commune}",
  "register.year": "Year",
  "register.download": "Download XLSX",
  "register.downloadLabel": "Download XLSX: the {year} register of issued documents (Excel file)",
  "register.caption": "Documents issued in {year}, by number",
  "register.col.symbol": "Number",
  "register.col.date": "Date",
  "register.col.subject": "Subject",
  "register.col.signer": "Signed by",
  "register.empty": "No document was issued in {year}.",
  "register.count": "{count, plural, one {# document} other {# documents}}",
};

const messages = createMessages(vi, en);

/** `rt()` for the register's strings, plus everything useI18n() gives. */
export function useRegisterI18n() {
  return { ...useI18n(), rt: useMessages(messages).t };
}
