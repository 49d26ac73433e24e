import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type PlanContent, type PlanContentInput, planContent } from "@kehoach/core/plan/schema";
import { SEED_PLAN } from "@kehoach/core/seed/seed-plan";
import JSZip from "jszip";

export const FIXTURES = join(import.meta.dirname, "fixtures");
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

export const seedPlan = (): PlanContent => planContent.parse(structuredClone(SEED_PLAN));

/** The seed plan with every known mistake corrected, issued with number and date: a plan that should be clean. */
export function cleanPlanInput(): PlanContentInput {
  const p = structuredClone(SEED_PLAN) as PlanContentInput;
  p.documentNumber = { number: 5, typeCode: "KH", issuerCode: "UBND", symbol: "05/KH-UBND" };
  p.date = "2023-06-10";
  p.basis = [{ ...(p.basis?.[0] as NonNullable<PlanContentInput["basis"]>[number]), date: "2022-12-30" }];
  p.preamble = [
    "Thực hiện Kế hoạch số 61/KH-UBND ngày 30 tháng 12 năm 2022 của UBND xã Quảng Nghiệp về cải cách hành chính năm 2023 và tình hình thực hiện chỉ tiêu, nhiệm vụ, hoạt động, sản phẩm CCHC 6 tháng đầu năm. Ủy ban nhân dân xã Quảng Nghiệp xây dựng Kế hoạch tổ chức Hội nghị sơ kết cải cách hành chính 6 tháng đầu năm 2023, cụ thể như sau:",
  ];
  const fix = (s: string) =>
    s
      .replace(/ {2,}/g, " ")
      .replace(/uỷ/g, "ủy")
      .replace(/hoá/g, "hóa")
      .replace(/Văn phòng ?-thống kê/g, "Văn phòng - Thống kê")
      .replace(/Văn hóa thông tin/g, "Văn hóa - Thông tin")
      .replace("Yêu công chức", "Yêu cầu công chức");
  const json = JSON.stringify(p, (_k, v) => (typeof v === "string" ? fix(v) : v));
  const clean = JSON.parse(json) as PlanContentInput;
  for (const a of clean.assignments ?? [])
    for (const t of a.tasks ?? []) t.deadline = { kind: "relative_to_event", days: -2 };
  return clean;
}
export const cleanPlan = (): PlanContent & { status?: string } => ({
  ...planContent.parse(cleanPlanInput()),
  status: "issued",
});

export type Docx = {
  zip: JSZip;
  document: string;
  styles: string;
  core: string;
  file: (p: string) => Promise<string>;
};

export async function unzipDocx(buf: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buf);
  const file = async (p: string) => {
    const f = zip.file(p);
    if (!f) throw new Error(`missing ${p} in docx`);
    return f.async("string");
  };
  return {
    zip,
    document: await file("word/document.xml"),
    styles: await file("word/styles.xml"),
    core: await file("docProps/core.xml"),
    file,
  };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Runs (<w:r>) of a chunk of WordprocessingML with their text and formatting. */
export function runs(
  xml: string,
): Array<{ text: string; bold: boolean; italic: boolean; size?: number; xml: string }> {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => {
    const r = m[1] ?? "";
    const text = decode([...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
    const size = r.match(/<w:sz w:val="(\d+)"/)?.[1];
    return {
      text,
      bold: /<w:b\/>|<w:b w:val="true"\/>|<w:b w:val="1"\/>/.test(r),
      italic: /<w:i\/>|<w:i w:val="true"\/>|<w:i w:val="1"\/>/.test(r),
      ...(size ? { size: Number(size) } : {}),
      xml: r,
    };
  });
}

/** Paragraphs (<w:p>) with their joined text. */
export function paragraphs(xml: string): Array<{ text: string; xml: string }> {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const p = m[1] ?? m[2] ?? "";
    return {
      text: runs(p)
        .map((r) => r.text)
        .join(""),
      xml: p,
    };
  });
}

export function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1] ?? "");
}
export function rows(tableXml: string): string[][] {
  return [...tableXml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) =>
    [...(r[1] ?? r[2] ?? "").matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => c[1] ?? ""),
  );
}

/** A table's rows as the text of each cell. */
export function tableTexts(tableXml: string): string[][] {
  return rows(tableXml).map((r) =>
    r.map((c) =>
      paragraphs(c)
        .map((p) => p.text)
        .join("\n"),
    ),
  );
}
