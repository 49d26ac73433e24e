import { type Actor, withActor } from "../actor";
import { addDays, now, setClock } from "../clock";
import { db } from "../db/entities";
import { createDraft } from "../plan";
import { transition } from "../plan/lifecycle";
import type { PlanContentInput } from "../plan/schema";
import { planTasks, updateTask } from "../task";
import { SEED_UNITS } from "./units";

/**
 * Demo activity for today's communes, so the overseer's board tells a story on first start:
 * plans issued during 2026, tasks done on time, done late, open and overdue. Written through the
 * product's own functions with the clock set to each event's day, like a year of real use.
 */

type PlanSpec = { subject: string; issuedOn: string; deadlines: string[]; complete?: boolean };

const PLANS: PlanSpec[] = [
  {
    subject: "Kiểm tra công tác cải cách hành chính năm 2026",
    issuedOn: "2026-03-10",
    deadlines: ["2026-04-15", "2026-05-29", "2026-06-30", "2026-09-30"],
    complete: true,
  },
  {
    subject: "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2026",
    issuedOn: "2026-06-05",
    deadlines: ["2026-06-19", "2026-07-10", "2026-07-31"],
  },
  {
    subject: "Tuyên truyền cải cách hành chính quý IV năm 2026",
    issuedOn: "2026-10-05",
    deadlines: ["2026-11-13", "2026-11-27", "2026-12-18", "2027-01-15"],
  },
];

const OFFICES = ["Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội"];

function content(commune: { name: string; shortName: string }, spec: PlanSpec): PlanContentInput {
  const issuer = `UBND ${commune.name.replace(/^Xã/, "xã")}`;
  return {
    issuer: { name: issuer, headerLines: ["ỦY BAN NHÂN DÂN", commune.name.toUpperCase()], code: "UBND" },
    documentNumber: { typeCode: "KH", issuerCode: "UBND" },
    place: commune.shortName,
    type: "KH",
    subject: spec.subject,
    category: "CCHC",
    period: spec.issuedOn.slice(0, 4),
    preamble: [
      `Thực hiện Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân thành phố Hải Phòng, Ủy ban nhân dân ${commune.name.replace(/^Xã/, "xã")} xây dựng Kế hoạch như sau:`,
    ],
    sections: [
      {
        id: "s1",
        label: "I",
        heading: "MỤC ĐÍCH, YÊU CẦU",
        paragraphs: ["Triển khai đầy đủ, đúng tiến độ các nhiệm vụ cải cách hành chính được giao."],
        children: [],
      },
      { id: "s2", label: "II", heading: "TỔ CHỨC THỰC HIỆN", paragraphs: [], children: [] },
    ],
    assignments: spec.deadlines.map((deadline, i) => {
      const office = OFFICES[i % OFFICES.length] as string;
      return {
        id: `a${i + 1}`,
        label: String(i + 1),
        unit: office,
        tasks: [
          {
            id: `a${i + 1}-t1`,
            description: [
              "Rà soát, cập nhật thủ tục hành chính và báo cáo kết quả.",
              "Chuẩn bị tài liệu, địa điểm và báo cáo phục vụ hội nghị.",
              "Tuyên truyền trên hệ thống truyền thanh và trang thông tin điện tử của xã.",
              "Tổng hợp kết quả, báo cáo Ủy ban nhân dân xã.",
            ][i % 4] as string,
            leadUnit: office,
            kind: "giao" as const,
            deadline: { kind: "date" as const, date: deadline },
          },
        ],
      };
    }),
    closing: [
      "Trên đây là Kế hoạch của Ủy ban nhân dân xã; yêu cầu các bộ phận nghiêm túc triển khai thực hiện./.",
    ],
    recipients: ["Sở Nội vụ thành phố Hải Phòng", "Thường trực Đảng ủy", "Thường trực HĐND xã", "Lưu: VT"],
    signer: { authority: "TM.", onBehalfOf: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Văn An" },
  };
}

/** What happens to the j-th task of commune i: done on time, done late, left open, or in progress. */
function outcome(i: number, j: number): "on_time" | "late" | "open" | "progress" {
  return (["on_time", "late", "open", "progress", "on_time"] as const)[(i * 3 + j) % 5] as
    | "on_time"
    | "late"
    | "open"
    | "progress";
}

async function at<T>(day: string, fn: () => Promise<T>): Promise<T> {
  // 09:00 in Asia/Ho_Chi_Minh on that day.
  setClock(() => new Date(`${day}T02:00:00Z`));
  try {
    return await fn();
  } finally {
    setClock(undefined);
  }
}

/** Idempotent: a commune that already has a plan in the register of 2026 is left alone. */
export async function seedDemoActivity(communeIds: readonly string[]) {
  const today = now().toISOString().slice(0, 10);
  for (const [i, communeId] of communeIds.entries()) {
    const unit = SEED_UNITS.find((u) => u.id === communeId);
    if (!unit) continue;
    const existing = await db().plan.query.byCommune({ communeId }).go({ limit: 1 });
    if (existing.data.length) continue;
    const leader: Actor = {
      username: `${communeId.replace(/-/g, "")}.chutich`,
      displayName: `Chủ tịch UBND ${unit.name.replace(/^Xã/, "xã")}`,
      role: "commune_leader",
      unitId: communeId,
      communeIds: [communeId],
    };
    await withActor(leader, async () => {
      const plans = PLANS.slice(0, 3 - (i % 2)).filter((p) => p.issuedOn < today);
      for (const spec of plans) {
        const planId = await at(spec.issuedOn, async () => {
          let p = await createDraft({ content: content(unit, spec) as never });
          for (const action of ["submit", "approve", "issue", "start"] as const) {
            p = await transition(p.id, { action, version: p.version });
          }
          return p.id;
        });
        const tasks = await planTasks(planId);
        for (const [j, t] of tasks.entries()) {
          const due = t.deadline ?? spec.issuedOn;
          const kind = outcome(i, j);
          const day =
            kind === "on_time"
              ? addDays(due, -2)
              : kind === "late"
                ? addDays(due, 6)
                : addDays(spec.issuedOn, 7);
          if (day >= today || day < spec.issuedOn) continue;
          await at(day, () =>
            kind === "open"
              ? Promise.resolve(null)
              : updateTask(t.seriesId, t.taskId, {
                  version: t.version,
                  ...(kind === "progress"
                    ? { progress: 50, note: "Đang triển khai, đã hoàn thành một nửa khối lượng." }
                    : { state: "done" as const, note: "Đã hoàn thành, có báo cáo kết quả kèm theo." }),
                }),
          );
        }
        if (spec.complete && tasks.length && i % 2 === 0) {
          await at("2026-10-01", async () => {
            const p = (await db().plan.get({ planId }).go()).data;
            if (p && p.status === "in_progress")
              await transition(planId, { action: "complete", version: p.version });
          });
        }
      }
    });
  }
}
