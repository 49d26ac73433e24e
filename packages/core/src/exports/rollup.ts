import { type Board, type BoardRow, type ReportState, scopeBoard } from "../board/index";
import { addDays } from "../clock";
import { db } from "../db/entities";
import { type Period, period as periodOf } from "../report/period";
import { completeTasks, type TaskItem } from "../task/index";

/**
 * The data of an overseer's roll-up, gathered commune by commune so that a scope of hundreds of
 * communes never sits in memory at once: the board (one row per commune, already summed), then
 * per commune its overdue tasks and the plans it issued in the period — bounded queries on the
 * keys built for them (the commune's open tasks by due date, its register of issued numbers).
 * A row's merged predecessors (lineage) are read with it, so their past counts under it.
 */

export type RollupHead = { board: Board; period: Period; today: string };

export type OverdueTaskRow = {
  commune: string;
  planSymbol: string;
  planSubject: string;
  task: string;
  leadOffice: string;
  deadline: string;
  daysOverdue: number;
};

export type IssuedPlanRow = {
  commune: string;
  symbol: string;
  issuedDate: string;
  subject: string;
  signer: string;
};

export type RollupCommune = { row: BoardRow; overdue: OverdueTaskRow[]; issued: IssuedPlanRow[] };

/** The scope's board and the period the roll-up covers (the caller must oversee the scope). */
export async function rollupHead(scopeId: string, periodKey: string): Promise<RollupHead> {
  const board = await scopeBoard(scopeId);
  return { board, period: periodOf(periodKey), today: board.today };
}

/** A commune's periodic report for the period, from its board row: on time, late, missing, not yet due. */
export function reportStateOf(row: BoardRow, p: Period, today: string): ReportState {
  const h = row.reportHistory[p.key];
  if (h?.onTime) return "on_time";
  if (h?.late) return "late";
  return p.due < today ? "missing" : "pending";
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Open tasks of one commune past their deadline today, most overdue first (one bounded query). */
async function overdueTasks(communeId: string, today: string): Promise<TaskItem[]> {
  const summary = (await db().communeSummary.get({ communeId }).go()).data;
  for (const planId of summary?.pendingTaskPlans ?? []) await completeTasks(planId);
  const res = await db()
    .task.query.byCommune({ communeId })
    .between({ state: "open", dueKey: "0000-00-00" }, { state: "open", dueKey: addDays(today, -1) })
    .go({ pages: "all" });
  return (res.data as TaskItem[]).filter((t) => t.dueKey < today);
}

/** Plans (KH) one commune issued within the period's data window, from its register. */
async function issuedPlans(communeId: string, p: Period): Promise<IssuedPlanRow[]> {
  const years = [...new Set([p.from.slice(0, 4), p.to.slice(0, 4)])];
  const out: IssuedPlanRow[] = [];
  for (const year of years) {
    const res = await db()
      .registerEntry.query.byNumber({ communeId, year })
      .begins({ typeCode: "KH" })
      .go({ pages: "all" });
    for (const e of res.data) {
      if (e.typeCode !== "KH" || e.issuedDate < p.from || e.issuedDate > p.to) continue;
      out.push({
        commune: "",
        symbol: e.symbol,
        issuedDate: e.issuedDate,
        subject: e.subject,
        signer: e.signer,
      });
    }
  }
  return out;
}

/** Every commune of the board in its order, with its overdue tasks and issued plans. */
export async function* rollupCommunes(head: RollupHead): AsyncGenerator<RollupCommune> {
  for (const row of head.board.rows) {
    const units = [{ id: row.id, name: row.name }, ...row.includes];
    const overdue: OverdueTaskRow[] = [];
    const issued: IssuedPlanRow[] = [];
    for (const u of units) {
      for (const t of await overdueTasks(u.id, head.today)) {
        overdue.push({
          commune: u.name,
          planSymbol: t.planSymbol ?? "",
          planSubject: t.planSubject,
          task: t.description,
          leadOffice: t.leadUnit ?? t.assignmentUnit,
          deadline: t.dueKey,
          daysOverdue: daysBetween(t.dueKey, head.today),
        });
      }
      for (const p of await issuedPlans(u.id, head.period)) issued.push({ ...p, commune: u.name });
    }
    overdue.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.commune.localeCompare(b.commune, "vi"));
    issued.sort((a, b) => a.issuedDate.localeCompare(b.issuedDate) || a.symbol.localeCompare(b.symbol));
    yield { row, overdue, issued };
  }
}
