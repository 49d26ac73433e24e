import type { Writable } from "node:stream";
import type { TASK_KINDS } from "@kehoach/core/plan/schema";
import { TASK_STATUS_LABELS, type TaskOut } from "@kehoach/core/task/schema";
import { type Column, csvWriter, streamingWorkbook, streamTableSheet } from "./table";

/** A commune's task list (every state) as an XLSX sheet and a CSV, written page by page. */

const KIND_VI: Record<(typeof TASK_KINDS)[number], string> = { giao: "Giao", de_nghi: "Đề nghị" };

export const TASK_LIST_COLUMNS: Column<TaskOut>[] = [
  { header: "Số, ký hiệu kế hoạch", width: 16, value: (t) => t.planSymbol ?? "" },
  { header: "Kế hoạch", width: 36, value: (t) => t.planSubject },
  { header: "Nhiệm vụ", width: 50, value: (t) => t.description },
  { header: "Hình thức", width: 10, value: (t) => KIND_VI[t.kind] },
  { header: "Đơn vị chủ trì", width: 26, value: (t) => t.leadUnit ?? t.assignmentUnit },
  { header: "Đơn vị phối hợp", width: 26, value: (t) => t.partnerUnits.join("; ") },
  { header: "Hạn hoàn thành", width: 14, date: true, value: (t) => t.deadline ?? null },
  { header: "Trạng thái", width: 22, value: (t) => TASK_STATUS_LABELS[t.status].vi },
  { header: "Tiến độ (%)", width: 10, value: (t) => t.progress },
  { header: "Ngày hoàn thành", width: 14, date: true, value: (t) => t.completedOn ?? null },
  { header: "Ghi chú gần nhất", width: 40, value: (t) => t.lastNote ?? "" },
];

export async function writeTaskList(
  opts: { communeName: string; today: string },
  pages: AsyncIterable<TaskOut[]>,
  sink: { xlsx?: Writable; csv?: Writable },
): Promise<{ rows: number }> {
  const title = `DANH SÁCH NHIỆM VỤ — ${opts.communeName.toUpperCase()} (ngày ${opts.today.split("-").reverse().join("/")})`;
  const wb = sink.xlsx ? streamingWorkbook(sink.xlsx) : undefined;
  const sheet = wb && streamTableSheet(wb, "Nhiệm vụ", title, TASK_LIST_COLUMNS);
  const csv = sink.csv && (await csvWriter(sink.csv, TASK_LIST_COLUMNS));
  let rows = 0;
  for await (const page of pages) {
    for (const t of page) {
      sheet?.add(t);
      await csv?.add(t);
      rows++;
    }
  }
  sheet?.commit();
  await wb?.commit();
  if (sink.csv) await new Promise<void>((resolve) => sink.csv?.end(() => resolve()));
  return { rows };
}
