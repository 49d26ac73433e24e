import { randomUUID } from "node:crypto";
import { z } from "zod";
import { canRead, canSeePlan, isMember } from "../actor";
import { addDays, now, todayInVietnam } from "../clock";
import { db } from "../db/entities";
import { DomainError, notFound } from "../errors";
import { insertPlan, type PlanItem, planOut, requireWrite } from "../plan/index";
import {
  DOCUMENT_TYPES,
  formatSymbol,
  type Plan,
  type PlanContent,
  type PlanStatus,
  planContent,
  type SectionItem,
} from "../plan/schema";
import { communeIssuer } from "../plan/templates";
import { completeTasks, seriesOf, seriesTasks, type TaskItem, taskSpecs } from "../task/index";
import { TASK_STATUS_LABELS, type TaskStatus, taskStatus } from "../task/schema";
import { parse } from "../validate";
import { put, update } from "../write";
import { type Period, period, periodKey, periodsOf, REPORT_CATEGORY, reportPeriodOf } from "./period";
import { reportListQuery } from "./schema";

/**
 * Periodic reports (DOMAIN.md "Periodic reports (CCHC)"): a commune's quarterly, 6-month or annual
 * report is a document of type BC on the one document model — the same editor, checker, lifecycle
 * and numbering as a plan — drafted from the commune's plans and tasks of the period's window.
 */

export { REPORT_CATEGORY, reportListQuery, reportPeriodOf };

/** A report sums up at most this many plans; a commune with more in one window is told so. */
export const REPORT_PLAN_CAP = 200;
/** Items read per plan status while looking for the window's plans (bounded, whatever the commune's size). */
const PLAN_READ_BUDGET = 2000;
/** How far before the window a plan issued in it may have been drafted. */
const DRAFTED_BEFORE_WINDOW_DAYS = 366;
/** Statuses of a plan from issue onward: where the window's plans are. */
const ISSUED_STATUSES = ["issued", "in_progress", "completed", "cancelled"] as const satisfies PlanStatus[];

export type TaskFigures = {
  /** Tasks in force (not cancelled). */
  total: number;
  doneOnTime: number;
  doneLate: number;
  /** Open and past the deadline. */
  overdue: number;
  /** Open within the deadline (not started or in progress). */
  open: number;
  cancelled: number;
};

export type ReportTask = {
  seriesId: string;
  taskId: string;
  description: string;
  /** The office or body that leads it (the assignment's unit when the task names none). */
  leadUnit: string;
  deadline?: string;
  /** QĐ 42 status as of the report's `asOf` day. */
  status: TaskStatus;
  /** The day it was done, when done by `asOf`. */
  completedOn?: string;
  progress: number;
  /** Still open today (whatever it was at `asOf`): carried into the next period. */
  openToday: boolean;
};

export type ReportPlan = {
  planId: string;
  seriesId: string;
  type: PlanContent["type"];
  symbol?: string;
  subject: string;
  category?: string;
  issuedDate: string;
  status: PlanStatus;
  tasks: ReportTask[];
  figures: TaskFigures;
};

export type ReportData = {
  communeId: string;
  communeName: string;
  period: Period;
  /** Statuses are as of this day: the window's last day, or today while the window is still open. */
  asOf: string;
  generatedAt: string;
  /** Plans issued in the window (not reports), in issue order; the latest issued version of each. */
  plans: ReportPlan[];
  figures: { plansIssued: number; plansCompleted: number; tasks: TaskFigures };
  /** True when the commune had more plans in the window than `cap`: the figures cover `cap` of them. */
  truncated: boolean;
  cap: number;
};

export const reportInput = z.object({ period: periodKey });

const zeroFigures = (): TaskFigures => ({
  total: 0,
  doneOnTime: 0,
  doneLate: 0,
  overdue: 0,
  open: 0,
  cancelled: 0,
});

function addStatus(f: TaskFigures, s: TaskStatus) {
  if (s === "cancelled") {
    f.cancelled++;
    return;
  }
  f.total++;
  if (s === "done_on_time") f.doneOnTime++;
  else if (s === "done_late") f.doneLate++;
  else if (s === "overdue") f.overdue++;
  else f.open++;
}

/** A VN calendar day's first instant, in UTC (Asia/Ho_Chi_Minh is UTC+7 all year). */
const dayStart = (day: string) => `${addDays(day, -1)}T17:00:00.000Z`;
const vnDay = (iso: string) => todayInVietnam(new Date(iso));

/** A task's status as it stood at the end of `asOf`: work finished later was still open then. */
function statusAsOf(t: TaskItem, asOf: string): TaskStatus {
  if (t.state === "done" && t.completedOn && t.completedOn > asOf) {
    return taskStatus({ ...t, state: "open", progress: Math.max(t.progress, 1) }, asOf);
  }
  return taskStatus(t, asOf);
}

/**
 * The commune's plans issued in the window: one bounded query per status from issue onward, on the
 * (commune, status) key, drafted at most a year before the window closed, issued within it.
 */
async function plansIssuedIn(communeId: string, p: Period) {
  const from = dayStart(p.from);
  const to = dayStart(addDays(p.to, 1));
  const draftedFrom = dayStart(addDays(p.from, -DRAFTED_BEFORE_WINDOW_DAYS));
  const found: PlanItem[] = [];
  let more = false;
  for (const status of ISSUED_STATUSES) {
    let cursor: string | null = null;
    let read = 0;
    let matched = 0;
    do {
      const page: { data: unknown[]; cursor: string | null } = await db()
        .plan.query.byCommuneStatus({ communeId, status })
        .between({ createdAt: draftedFrom }, { createdAt: to })
        .where((a, op) => `${op.gte(a.issuedAt, from)} AND ${op.lt(a.issuedAt, to)}`)
        .go({ limit: 100, cursor, pages: 1 });
      read += 100;
      found.push(...(page.data as PlanItem[]));
      matched += page.data.length;
      cursor = page.cursor;
    } while (cursor && read < PLAN_READ_BUDGET && matched <= REPORT_PLAN_CAP);
    if (cursor) more = true;
  }
  // One entry per plan series: the version in force at the window's end (an amendment replaces).
  const bySeries = new Map<string, PlanItem>();
  for (const item of found) {
    if (item.content.type === "BC") continue;
    const key = seriesOf(item);
    const seen = bySeries.get(key);
    if (!seen || (seen.issuedAt ?? "") < (item.issuedAt ?? "")) bySeries.set(key, item);
  }
  const plans = [...bySeries.values()].sort(
    (a, b) =>
      (a.issuedAt ?? "").localeCompare(b.issuedAt ?? "") ||
      (a.content.documentNumber.number ?? 0) - (b.content.documentNumber.number ?? 0),
  );
  return {
    plans: plans.slice(0, REPORT_PLAN_CAP),
    truncated: more || plans.length > REPORT_PLAN_CAP,
  };
}

async function reportTasks(plan: PlanItem, asOf: string): Promise<ReportTask[]> {
  if (plan.tasksPending) await completeTasks(plan.planId);
  const items = await seriesTasks(seriesOf(plan));
  let order = new Map<string, number>();
  try {
    order = new Map(taskSpecs(plan, plan.content).map((s, i) => [s.taskId, i]));
  } catch {
    // An issued plan's tasks were checked at its issue; keep the id order if that ever changes.
  }
  return items
    .filter((t) => vnDay(t.createdAt) <= asOf)
    .sort(
      (a, b) =>
        (order.get(a.taskId) ?? 1e9) - (order.get(b.taskId) ?? 1e9) || a.taskId.localeCompare(b.taskId),
    )
    .map((t) => {
      const status = statusAsOf(t, asOf);
      const done = status === "done_on_time" || status === "done_late";
      return {
        seriesId: t.seriesId,
        taskId: t.taskId,
        description: t.description,
        leadUnit: t.leadUnit ?? t.assignmentUnit,
        ...(t.deadline ? { deadline: t.deadline } : {}),
        status,
        ...(done && t.completedOn ? { completedOn: t.completedOn } : {}),
        progress: done ? 100 : t.progress,
        openToday: t.state === "open",
      };
    });
}

async function communeUnit(communeId: string) {
  const unit = (await db().unit.get({ unitId: communeId }).go()).data;
  if (unit?.kind !== "commune") throw notFound("commune");
  return unit;
}

/**
 * The figures of a commune's period: its plans issued in the period's window, their tasks with
 * QĐ 42 statuses as of the window's last day (or today, while the window is open), and totals.
 * Bounded: at most REPORT_PLAN_CAP plans, found by queries on the (commune, status) key.
 */
export async function reportData(communeId: string, periodKeyInput: string): Promise<ReportData> {
  const { period: key } = parse(reportInput, { period: periodKeyInput });
  if (!canRead(communeId)) throw notFound("commune");
  const unit = await communeUnit(communeId);
  const p = period(key);
  const today = todayInVietnam();
  // Dates as YYYY-MM-DD strings: the earlier of the two by string order.
  const asOf = [today, p.to].sort()[0] as string;
  const { plans: items, truncated } = await plansIssuedIn(communeId, p);
  const plans: ReportPlan[] = [];
  const all = zeroFigures();
  for (const item of items) {
    const tasks = await reportTasks(item, asOf);
    const figures = zeroFigures();
    for (const t of tasks) {
      addStatus(figures, t.status);
      addStatus(all, t.status);
    }
    const symbol = formatSymbol(item.content.documentNumber);
    plans.push({
      planId: item.planId,
      seriesId: seriesOf(item),
      type: item.content.type,
      ...(symbol ? { symbol } : {}),
      subject: item.content.subject,
      ...(item.content.category ? { category: item.content.category } : {}),
      issuedDate: item.content.date ?? vnDay(item.issuedAt ?? item.createdAt),
      status: item.status,
      tasks,
      figures,
    });
  }
  return {
    communeId,
    communeName: unit.name,
    period: p,
    asOf,
    generatedAt: now().toISOString(),
    plans,
    figures: {
      plansIssued: plans.length,
      plansCompleted: plans.filter((x) => x.status === "completed").length,
      tasks: all,
    },
    truncated,
    cap: REPORT_PLAN_CAP,
  };
}

// ---------------------------------------------------------------- the draft's words

const dmy = (iso: string) => iso.split("-").reverse().join("/");
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
/** A line quoting user text stays well inside a paragraph's limit. */
const clip = (s: string, max = 400) => (s.length > max ? `${s.slice(0, max).trimEnd()}…` : s);
/** A task's words inside a sentence: clipped, its own closing full stop dropped. */
const quoted = (s: string) => clip(s.trim().replace(/[.;]+$/, ""));

/** Lines of tasks the draft quotes at most, per plan and in all; the annex lists every one. */
const TASK_LINES_PER_PLAN = 30;
const TASK_LINES_TOTAL = 1000;
const CARRIED_LINES = 100;
/** Plans named one by one in section I (a paragraph holds 5,000 characters at most). */
const NAMED_PLANS = 30;

const AREA_NAMES: Record<string, string> = {
  CCHC: "Công tác cải cách hành chính",
};

function figuresSentence(f: TaskFigures) {
  if (f.total === 0 && f.cancelled === 0) return "Không có nhiệm vụ được giao theo dõi.";
  const parts = [
    `hoàn thành đúng hạn ${f.doneOnTime}`,
    `hoàn thành quá hạn ${f.doneLate}`,
    `quá hạn chưa hoàn thành ${f.overdue}`,
    `đang thực hiện trong hạn ${f.open}`,
  ];
  const cancelled = f.cancelled ? `; ${f.cancelled} nhiệm vụ đã hủy` : "";
  return `Tổng số ${f.total} nhiệm vụ: ${parts.join(", ")}${cancelled}.`;
}

function planTitle(p: ReportPlan) {
  const kind = DOCUMENT_TYPES[p.type] ?? "Văn bản";
  return `${kind}${p.symbol ? ` số ${p.symbol}` : ""} ngày ${dmy(p.issuedDate)} về ${lowerFirst(clip(p.subject, 380))}`;
}

function taskLine(t: ReportTask) {
  const facts = [
    t.leadUnit ? `chủ trì: ${clip(t.leadUnit, 200)}` : "",
    t.deadline ? `hạn ${dmy(t.deadline)}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  const done = t.completedOn ? `, ngày ${dmy(t.completedOn)}` : "";
  return `${quoted(t.description)}${facts ? ` (${facts})` : ""}: ${lowerFirst(TASK_STATUS_LABELS[t.status].vi)}${done}.`;
}

const node = (
  id: string,
  label: string,
  heading: string | undefined,
  paragraphs: string[],
  children: SectionItem[] = [],
): SectionItem => ({ id, label, ...(heading ? { heading } : {}), paragraphs, children });

/** The next period's name in running text ("6 tháng cuối năm 2026", "quý IV năm 2026", "năm 2027"). */
function nextPeriodName(p: Period) {
  if (p.kind === "Q1") return `quý II năm ${p.year}`;
  if (p.kind === "H1") return `6 tháng cuối năm ${p.year}`;
  if (p.kind === "Q3") return `quý IV năm ${p.year}`;
  return `năm ${p.year + 1}`;
}

type Unit = { name: string; shortName: string; parentId: string };

/** The body that oversees a commune's reports: the province's (or, before 2025, the district's). */
async function overseeingBody(unit: Unit) {
  const parent = unit.parentId !== "-" ? (await db().unit.get({ unitId: unit.parentId }).go()).data : null;
  if (!parent) return "Cơ quan cấp trên";
  const name = lowerFirst(parent.name);
  return parent.kind === "district" ? `Phòng Nội vụ ${name}` : `Sở Nội vụ ${name}`;
}

/**
 * The draft's content: the typical outline of a CCHC period report (I–V) with the figures and the
 * plans of the window filled in, and gaps (…) where people write the assessment. Pure.
 */
export function reportContent(
  data: ReportData,
  unit: { name: string; shortName: string },
  recipients: string[],
  signer: PlanContent["signer"],
): PlanContent {
  const p = data.period;
  const label = lowerFirst(p.label.vi);
  const committee = `Ủy ban nhân dân ${lowerFirst(unit.name)}`;
  const window = `từ ngày ${dmy(p.from)} đến ngày ${dmy(p.to)}`;
  const f = data.figures;

  // I. Direction: what the commune issued in the window.
  const named = data.plans
    .slice(0, NAMED_PLANS)
    .map((x) => `${DOCUMENT_TYPES[x.type] ?? "Văn bản"} số ${x.symbol ?? "(chưa có số)"}`);
  const issued =
    data.plans.length > NAMED_PLANS
      ? [...named, `và ${data.plans.length - NAMED_PLANS} văn bản khác`]
      : named;
  const direction = data.plans.length
    ? [
        `Trong kỳ báo cáo, ${committee} đã ban hành ${data.plans.length} văn bản chỉ đạo, triển khai nhiệm vụ cải cách hành chính và nhiệm vụ chuyên môn (${issued.join(", ")}); phân công cụ thể bộ phận chủ trì, thời hạn hoàn thành và theo dõi tiến độ trên hệ thống.`,
        "…",
      ]
    : [`Trong kỳ báo cáo, ${committee} chưa ban hành kế hoạch nào được theo dõi trên hệ thống.`, "…"];

  // II. Results: overall figures, then per area each plan and its tasks' results.
  const overall = [
    `Số liệu ${window}, tình trạng nhiệm vụ tính đến ngày ${dmy(data.asOf)}: ban hành ${f.plansIssued} kế hoạch, trong đó ${f.plansCompleted} kế hoạch đã hoàn thành. ${figuresSentence(f.tasks)}`,
    ...(data.truncated
      ? [
          `Trong kỳ, xã ban hành nhiều hơn ${data.cap} kế hoạch; báo cáo này tổng hợp ${data.plans.length} kế hoạch, các kế hoạch còn lại chưa được tổng hợp.`,
        ]
      : []),
  ];
  const areas = new Map<string, ReportPlan[]>();
  for (const x of data.plans) {
    const area = x.category?.trim() || "";
    areas.set(area, [...(areas.get(area) ?? []), x]);
  }
  let linesLeft = TASK_LINES_TOTAL;
  const areaItems = [...areas.entries()].map(([area, plans], i) => {
    const af = zeroFigures();
    for (const x of plans) for (const t of x.tasks) addStatus(af, t.status);
    const planItems = plans.map((x, j) => {
      const shown = x.tasks.slice(0, Math.max(0, Math.min(TASK_LINES_PER_PLAN, linesLeft)));
      linesLeft -= shown.length;
      const rest = x.tasks.length - shown.length;
      return node(
        `r2-${i + 2}-${j + 1}`,
        "-",
        planTitle(x),
        [figuresSentence(x.figures)],
        [
          ...shown.map((t, k) => node(`r2-${i + 2}-${j + 1}-${k + 1}`, "+", undefined, [taskLine(t)])),
          ...(rest > 0
            ? [
                node(`r2-${i + 2}-${j + 1}-more`, "+", undefined, [
                  `Và ${rest} nhiệm vụ khác (chi tiết tại Phụ lục).`,
                ]),
              ]
            : []),
        ],
      );
    });
    const name = area ? (AREA_NAMES[area] ?? `Lĩnh vực ${area}`) : "Các nhiệm vụ khác";
    return node(
      `r2-${i + 2}`,
      String(i + 2),
      name,
      [`Ban hành ${plans.length} kế hoạch. ${figuresSentence(af)}`],
      planItems,
    );
  });

  // III. Assessment: the facts that need explaining, and room for people to write.
  const lapses = [
    f.tasks.overdue ? `còn ${f.tasks.overdue} nhiệm vụ quá hạn chưa hoàn thành` : "",
    f.tasks.doneLate ? `${f.tasks.doneLate} nhiệm vụ hoàn thành quá hạn` : "",
  ].filter(Boolean);
  const shortfalls = lapses.length ? [`Trong kỳ, ${lapses.join("; ")}.`, "…"] : ["…"];

  // IV. Next period: the open and overdue tasks carried over (as they stand today).
  const today = todayInVietnam();
  const carried = data.plans.flatMap((x) => x.tasks.filter((t) => t.openToday && x.status !== "cancelled"));
  const carriedLines = carried.slice(0, CARRIED_LINES).map((t, k) => {
    const overdue = t.deadline && t.deadline < today ? ", đã quá hạn" : "";
    const facts = [
      t.leadUnit ? clip(t.leadUnit, 200) : "",
      t.deadline ? `hạn ${dmy(t.deadline)}${overdue}` : "",
    ]
      .filter(Boolean)
      .join("; ");
    return node(`r4-1-${k + 1}`, "-", undefined, [`${quoted(t.description)}${facts ? ` (${facts})` : ""}.`]);
  });
  if (carried.length > CARRIED_LINES) {
    carriedLines.push(
      node("r4-1-more", "-", undefined, [
        `Và ${carried.length - CARRIED_LINES} nhiệm vụ khác (chi tiết tại Phụ lục).`,
      ]),
    );
  }

  const next = nextPeriodName(p);
  return parse(planContent, {
    ...communeIssuer(unit),
    documentNumber: { typeCode: "BC", issuerCode: "UBND" },
    type: "BC",
    subject: `Kết quả công tác cải cách hành chính ${label}`,
    category: REPORT_CATEGORY,
    period: p.key,
    preamble: [
      `Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, ${committee} báo cáo kết quả thực hiện ${label} (số liệu ${window}) như sau:`,
    ],
    sections: [
      node("r1", "I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", direction),
      node("r2", "II", "KẾT QUẢ THỰC HIỆN", [], [node("r2-1", "1", "Kết quả chung", overall), ...areaItems]),
      node(
        "r3",
        "III",
        "ƯU ĐIỂM, TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        [],
        [
          node("r3-1", "1", "Ưu điểm", ["…"]),
          node("r3-2", "2", "Tồn tại, hạn chế", shortfalls),
          node("r3-3", "3", "Nguyên nhân", ["…"]),
        ],
      ),
      node(
        "r4",
        "IV",
        `NHIỆM VỤ TRỌNG TÂM ${next.toLocaleUpperCase("vi")}`,
        [],
        [
          node(
            "r4-1",
            "1",
            "Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành",
            carried.length ? [] : ["Các nhiệm vụ trong kỳ đã hoàn thành."],
            carriedLines,
          ),
          node("r4-2", "2", "Nhiệm vụ mới", ["…"]),
        ],
      ),
      node("r5", "V", "ĐỀ XUẤT, KIẾN NGHỊ", ["…"]),
    ],
    closing: [
      `Trên đây là báo cáo kết quả công tác cải cách hành chính ${label} của ${committee}, kèm theo Phụ lục số liệu kế hoạch, nhiệm vụ trong kỳ./.`,
    ],
    recipients,
    signer,
  });
}

/** Who signs when the window holds no issued plan to take the signer from: a gap for people to fill. */
const SIGNER_GAP: PlanContent["signer"] = {
  authority: "TM.",
  onBehalfOf: "ỦY BAN NHÂN DÂN",
  title: "CHỦ TỊCH",
  name: "(Họ và tên người ký)",
};

// ---------------------------------------------------------------- one report per (commune, period)

/** The report a marker points to, in its latest issued version; null when gone, cancelled or no longer that report. */
async function liveReport(planId: string, key: string): Promise<PlanItem | null> {
  let item = (await db().plan.get({ planId }).go({ consistent: true })).data as PlanItem | null;
  for (let hop = 0; item?.amendedBy && hop < 20; hop++) {
    const next = (await db().plan.get({ planId: item.amendedBy }).go({ consistent: true }))
      .data as PlanItem | null;
    if (!next) break;
    item = next;
  }
  if (!item || item.status === "cancelled" || reportPeriodOf(item.content) !== key) return null;
  return item;
}

function periodNotBegun(p: Period) {
  const vi = `Kỳ báo cáo ${lowerFirst(p.label.vi)} chưa bắt đầu (số liệu từ ngày ${dmy(p.from)}).`;
  const en = `The reporting period ${p.label.en} has not begun (its data start on ${p.from}).`;
  return new DomainError(
    400,
    "period_not_begun",
    { vi, en },
    { issues: [{ path: ["period"], message: { vi, en } }] },
  );
}

/**
 * The commune's report for a period: the existing one (draft or issued, not cancelled), or a new
 * draft filled from reportData. Idempotent and race-safe: the draft is written in one transaction
 * with the (commune, period) marker, on condition that the marker is absent (or still points to the
 * report that was found gone); of two concurrent calls one writes, the other returns that report.
 */
export async function draftReportOutcome(
  communeId: string,
  periodKeyInput: string,
): Promise<{ plan: Plan; created: boolean }> {
  const { period: key } = parse(reportInput, { period: periodKeyInput });
  if (!canRead(communeId)) throw notFound("commune");
  requireWrite(communeId);
  const p = period(key);
  if (todayInVietnam() < p.from) throw periodNotBegun(p);
  for (let attempt = 0; attempt < 5; attempt++) {
    const marker = (await db().periodReport.get({ communeId, period: key }).go({ consistent: true })).data;
    const existing = marker ? await liveReport(marker.planId, key) : null;
    if (existing) return { plan: await planOut(existing), created: false };

    const unit = await communeUnit(communeId);
    const data = await reportData(communeId, key);
    // The signer of the commune's latest plan in the window signs its report too, until edited.
    const last = data.plans.at(-1);
    const lastItem = last
      ? ((await db().plan.get({ planId: last.planId }).go()).data as PlanItem | null)
      : null;
    const signer = lastItem?.content.signer ?? SIGNER_GAP;
    const content = reportContent(data, unit, [await overseeingBody(unit), "Lưu: VT"], signer);
    const planId = randomUUID();
    const claim = marker
      ? update(
          db()
            .periodReport.patch({ communeId, period: key })
            .set({ planId })
            .where((a, op) => op.eq(a.planId, marker.planId))
            .params(),
        )
      : put(
          db()
            .periodReport.create({ communeId, period: key, planId, createdAt: now().toISOString() })
            .params(),
        );
    try {
      const plan = await insertPlan({
        communeId,
        content,
        status: "draft",
        planId,
        also: [claim],
        action: "create",
      });
      return { plan, created: true };
    } catch (e) {
      // The marker moved under us: another request drafted the report. Read it again.
      if (e instanceof DomainError && e.code === "version_conflict") continue;
      throw e;
    }
  }
  throw new DomainError(409, "busy", {
    vi: "Báo cáo của kỳ này đang được lập, vui lòng thử lại.",
    en: "This period's report is being drafted, please retry.",
  });
}

/** The commune's report for a period: the one that exists, or a new draft (see draftReportOutcome). */
export async function draftReport(communeId: string, periodKeyInput: string): Promise<Plan> {
  return (await draftReportOutcome(communeId, periodKeyInput)).plan;
}

export type ReportSlot = {
  period: string;
  label: { vi: string; en: string };
  from: string;
  to: string;
  due: string;
  /** none: not drafted; draft: drafted, not issued; on_time / late: submitted (issued), counted so. */
  state: "none" | "draft" | "on_time" | "late";
  submittedOn?: string;
  report?: {
    id: string;
    status: PlanStatus;
    subject: string;
    version: number;
    symbol?: string;
    date?: string;
  };
};

/**
 * A commune's reports of a year, one slot per period (Q1, H1, Q3, year): one query on the
 * commune's report markers and one read per report. Overseers see reports from issue onward.
 */
export async function listReports(
  communeId: string,
  input: z.input<typeof reportListQuery>,
): Promise<ReportSlot[]> {
  const q = parse(reportListQuery, input);
  if (!canRead(communeId)) throw notFound("commune");
  const year = Number(q.year ?? todayInVietnam().slice(0, 4));
  const markers = (
    await db()
      .periodReport.query.byCommune({ communeId })
      .begins({ period: String(year) })
      .go({ pages: "all" })
  ).data;
  const member = isMember(communeId);
  const slots: ReportSlot[] = [];
  for (const p of periodsOf(year)) {
    const base = { period: p.key, label: p.label, from: p.from, to: p.to, due: p.due };
    const marker = markers.find((m) => m.period === p.key);
    const item = marker ? await liveReport(marker.planId, p.key) : null;
    const visible = item && canSeePlan(item) ? item : null;
    const submitted = marker?.countedAs
      ? { state: marker.countedAs, ...(marker.countedOn ? { submittedOn: marker.countedOn } : {}) }
      : null;
    const symbol = visible ? formatSymbol(visible.content.documentNumber) : undefined;
    slots.push({
      ...base,
      state: submitted?.state ?? (visible && member ? "draft" : "none"),
      ...(submitted?.submittedOn ? { submittedOn: submitted.submittedOn } : {}),
      ...(visible
        ? {
            report: {
              id: visible.planId,
              status: visible.status,
              subject: visible.content.subject,
              version: visible.version,
              ...(symbol ? { symbol } : {}),
              ...(visible.content.date ? { date: visible.content.date } : {}),
            },
          }
        : {}),
    });
  }
  return slots;
}

/** The data behind a report document (its annex): the plan must be a commune's periodic report. */
export async function reportDataOf(plan: Plan): Promise<ReportData> {
  const key = reportPeriodOf(plan);
  if (!key) {
    throw new DomainError(409, "not_a_report", {
      vi: "Văn bản này không phải báo cáo định kỳ (loại BC, lĩnh vực CCHC, có kỳ báo cáo).",
      en: "This document is not a periodic report (type BC, category CCHC, with a reporting period).",
    });
  }
  return reportData(plan.communeId, key);
}
