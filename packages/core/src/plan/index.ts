import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { actor, canRead, canSeePlan, canWrite, isMember } from "../actor";
import { now } from "../clock";
import { tableName } from "../db/client";
import { type DirectQuery, queryDirect } from "../db/direct";
import { db } from "../db/entities";
import { planListKeys } from "../db/keys";
import { badCursor, DomainError, forbidden, notFound, versionConflict } from "../errors";
import { files } from "../files";
import { progressOf, type TaskStats } from "../task/index";
import { foldVietnamese } from "../text";
import { parse } from "../validate";
import { type AuditEntry, auditTrail, type Op, put, remove, update, write } from "../write";
import { coalesce, diffJson, type FieldChange } from "./diff";
import {
  formatSymbol,
  type Plan,
  type PlanContent,
  type PlanSummary,
  planContent,
  planListQuery,
} from "./schema";

export type PlanItem = {
  planId: string;
  communeId: string;
  status: Plan["status"];
  version: number;
  content: PlanContent;
  createdAt: string;
  updatedAt: string;
  createdBy?: string;
  issuedAt?: string;
  cancelReason?: string;
  amends?: string;
  amendedBy?: string;
  seriesId?: string;
  tasksPending?: boolean;
} & Partial<TaskStats>;

/**
 * An imported source text as stored in the plan item: a reference into the file store
 * (content-addressed, so amendments and copies share it). Items stay far below 400 KB.
 */
type StoredSource = {
  kind: "import-text" | "import-docx";
  filename?: string;
  fileKey: string;
  length: number;
};

const isStored = (s: unknown): s is StoredSource =>
  typeof (s as StoredSource | undefined)?.fileKey === "string";

/** The content as it goes into the item: the source text moved to the file store. */
async function storeSource(
  communeId: string,
  content: PlanContent,
  previous?: PlanContent,
): Promise<PlanContent> {
  const src = content.source as PlanContent["source"] | StoredSource | undefined;
  if (!src || isStored(src)) return content;
  // An empty text never replaces a stored one (a client may hold the plan without its source).
  if (!src.text && isStored(previous?.source)) return { ...content, source: previous.source as never };
  const bytes = new TextEncoder().encode(src.text);
  const fileKey = `sources/${communeId}/${createHash("sha256").update(bytes).digest("hex")}.txt`;
  await files().put(fileKey, bytes, "text/plain; charset=utf-8");
  const stored: StoredSource = {
    kind: src.kind,
    ...(src.filename ? { filename: src.filename } : {}),
    fileKey,
    length: src.text.length,
  };
  return { ...content, source: stored as never };
}

/** The item's content with its source text read back from the file store. */
async function withSourceText(item: PlanItem): Promise<PlanItem> {
  const src = item.content.source as unknown;
  if (!isStored(src)) return item;
  const bytes = await files().get(src.fileKey);
  const text = bytes ? new TextDecoder().decode(bytes) : "";
  return {
    ...item,
    content: {
      ...item.content,
      source: { kind: src.kind, ...(src.filename ? { filename: src.filename } : {}), text },
    },
  };
}

/** A plan for the API, with its source text. */
export async function planOut(item: PlanItem): Promise<Plan> {
  return toPlan(await withSourceText(item));
}

export function toPlan(item: PlanItem): Plan {
  const src = item.content.source as unknown;
  const content = isStored(src)
    ? {
        ...item.content,
        source: { kind: src.kind, ...(src.filename ? { filename: src.filename } : {}), text: "" },
      }
    : item.content;
  return {
    ...content,
    id: item.planId,
    communeId: item.communeId,
    status: item.status,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    ...(item.createdBy ? { createdBy: item.createdBy } : {}),
    ...(item.issuedAt ? { issuedAt: item.issuedAt } : {}),
    ...(item.cancelReason ? { cancelReason: item.cancelReason } : {}),
    ...(item.amends ? { amends: item.amends } : {}),
    ...(item.amendedBy ? { amendedBy: item.amendedBy } : {}),
    ...(item.seriesId ? { seriesId: item.seriesId } : {}),
    ...(item.issuedAt ? { taskProgress: progressOf(item) } : {}),
  };
}

export function toSummary(p: Plan): PlanSummary {
  return {
    id: p.id,
    communeId: p.communeId,
    status: p.status,
    subject: p.subject,
    type: p.type,
    category: p.category,
    period: p.period,
    date: p.date,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    documentNumber: p.documentNumber,
    ...(p.taskProgress ? { taskProgress: p.taskProgress } : {}),
  };
}

/** What search matches: subject and number/symbol, folded so "cai cach" finds "cải cách". */
export function searchTextOf(content: PlanContent) {
  return foldVietnamese(`${content.subject} ${formatSymbol(content.documentNumber) ?? ""}`);
}

function yearOf(content: PlanContent, createdAt: string) {
  return (content.date ?? content.period ?? createdAt).slice(0, 4);
}

export const listQuery = planListQuery;
export type ListQuery = z.input<typeof listQuery>;

/**
 * A cursor is the last key of the previous page, as ElectroDB encodes it (base64url JSON). Only
 * one handed out by this commune's listing is passed on to DynamoDB: anything else would fail
 * there (or page through another partition).
 */
function checkCursor(cursor: string, keys: ReturnType<typeof planListKeys>): Record<string, string> {
  let key: unknown;
  try {
    key = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(base64urlBytes(cursor)));
  } catch {
    throw badCursor();
  }
  const fields = ["pk", "sk", keys.pkField, keys.skField];
  const ok =
    typeof key === "object" &&
    key !== null &&
    !Array.isArray(key) &&
    Object.keys(key).length === fields.length &&
    fields.every((f) => typeof (key as Record<string, unknown>)[f] === "string") &&
    (key as Record<string, string>)[keys.pkField] === keys.pk &&
    (key as Record<string, string>)[keys.skField]?.startsWith(keys.skPrefix) === true;
  if (!ok) throw badCursor();
  return key as Record<string, string>;
}

function base64urlBytes(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) throw new Error("not base64url");
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

/** How many items one list request reads at most when a filter is not a key (search, year, category). */
export const LIST_SCAN_BUDGET = 500;

/**
 * What a list reads of each plan item: the summary's attributes and no more (a plan's content
 * holds its whole text; a page of twenty would carry all of it).
 */
export const LIST_PROJECTION = [
  "#planId",
  "#communeId",
  "#status",
  "#version",
  "#createdAt",
  "#updatedAt",
  "#issuedAt",
  "#tasksTotal",
  "#tasksDone",
  "#tasksDoneLate",
  "#openDue",
  ...["subject", "type", "category", "period", "date", "documentNumber"].map((f) => `#content.#${f}`),
].join(", ");
export const LIST_NAMES: Record<string, string> = Object.fromEntries(
  LIST_PROJECTION.split(", ")
    .flatMap((p) => p.split("."))
    .map((n) => [n, n.slice(1)]),
);

type ListedItem = Pick<
  PlanItem,
  "planId" | "communeId" | "status" | "version" | "createdAt" | "updatedAt" | "issuedAt"
> &
  Partial<TaskStats> & {
    content: Pick<PlanContent, "subject" | "type" | "category" | "period" | "date" | "documentNumber">;
  };

/** The list's entry of a plan, as toSummary(toPlan(item)) makes it of the whole item. */
function listed(i: ListedItem): PlanSummary {
  const c = i.content;
  return {
    id: i.planId,
    communeId: i.communeId,
    status: i.status,
    subject: c.subject,
    type: c.type,
    category: c.category,
    period: c.period,
    date: c.date,
    version: i.version,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    documentNumber: c.documentNumber,
    ...(i.issuedAt ? { taskProgress: progressOf(i) } : {}),
  };
}

/**
 * A commune's plans, newest first, a page at a time. Every request is bounded: a status is a key
 * (byCommuneStatus); search, year and category filter at most LIST_SCAN_BUDGET items per request
 * and hand back a cursor to read on, so a commune's size never decides one request's cost.
 */
export async function listPlans(input: ListQuery): Promise<{ items: PlanSummary[]; cursor: string | null }> {
  return listParsedPlans(parse(listQuery, input));
}

/** listPlans of a query already validated by listQuery (the API's route validates it once). */
export async function listParsedPlans(
  q: z.output<typeof listQuery>,
): Promise<{ items: PlanSummary[]; cursor: string | null }> {
  if (!canRead(q.communeId)) throw notFound("commune");
  const needle = q.q ? foldVietnamese(q.q) : undefined;
  const outsider = !isMember(q.communeId);
  if (outsider && q.status && ["draft", "submitted", "approved"].includes(q.status)) {
    return { items: [], cursor: null };
  }
  const filtered = Boolean(q.year || q.category || needle || outsider);
  const keys = planListKeys(q.communeId, q.status);
  let { start, skip } = decodeListCursor(q.cursor);
  let startKey = start ? checkCursor(start, keys) : undefined;
  const names: Record<string, string> = { ...LIST_NAMES, "#pk": keys.pkField, "#sk": keys.skField };
  const values: Record<string, string> = { ":pk": keys.pk, ":sk": keys.skPrefix };
  const filters: string[] = [];
  // Overseers see a commune's plans from issue onward, never its drafts in preparation.
  if (outsider) filters.push("attribute_exists(#issuedAt)");
  if (q.year) {
    filters.push("#year = :year");
    names["#year"] = "year";
    values[":year"] = q.year;
  }
  if (q.category) {
    filters.push("#category = :category");
    names["#category"] = "category";
    values[":category"] = q.category;
  }
  if (needle) {
    filters.push("contains(#searchText, :needle)");
    names["#searchText"] = "searchText";
    values[":needle"] = needle;
  }
  const filter = filters.join(" AND ");
  const items: ListedItem[] = [];
  let next: string | null = null;
  // One DynamoDB request per round: `limit` items unfiltered, 100 filtered, up to the budget.
  const pageSize = filtered ? 100 : q.limit;
  for (let read = 0; read < (filtered ? LIST_SCAN_BUDGET : pageSize); read += pageSize) {
    const page = await sendListQuery(
      {
        TableName: tableName(),
        IndexName: keys.index,
        KeyConditionExpression: "#pk = :pk and begins_with(#sk, :sk)",
        ...(filter ? { FilterExpression: filter } : {}),
        ProjectionExpression: LIST_PROJECTION,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: pageSize,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      },
      Boolean(startKey),
    );
    const rest = ((page.Items ?? []) as ListedItem[]).slice(skip);
    const need = q.limit - items.length;
    if (rest.length > need) {
      // The page holds more matches than this answer takes: the cursor remembers how many.
      items.push(...rest.slice(0, need));
      next = encodeListCursor(start, skip + need);
      break;
    }
    items.push(...rest);
    startKey = page.LastEvaluatedKey as Record<string, string> | undefined;
    start = startKey ? Buffer.from(JSON.stringify(startKey)).toString("base64url") : null;
    skip = 0;
    next = start ? encodeListCursor(start, 0) : null;
    if (!start || items.length >= q.limit) break;
  }
  return { items: items.map(listed), cursor: next };
}

/** A page of the list; DynamoDB refusing the start key means the cursor was not one of ours. */
async function sendListQuery(query: DirectQuery, fromCursor: boolean) {
  try {
    return await queryDirect(query);
  } catch (e) {
    if (fromCursor && (e as Error).name === "ValidationException") throw badCursor();
    throw e;
  }
}

/**
 * The list's own cursor: where the DynamoDB page it stopped in starts ("-" for the first) and how
 * many of that page's matches were already handed out — so every answer holds exactly `limit`.
 */
function encodeListCursor(start: string | null, skip: number) {
  return `${start ?? "-"}.${skip}`;
}

function decodeListCursor(cursor: string | undefined): { start: string | null; skip: number } {
  if (!cursor) return { start: null, skip: 0 };
  const m = /^([A-Za-z0-9_-]+)\.(\d{1,3})$/.exec(cursor);
  if (!m || Number(m[2]) > 100) throw badCursor();
  return { start: m[1] === "-" ? null : (m[1] as string), skip: Number(m[2]) };
}

async function load(planId: string): Promise<PlanItem> {
  const res = await db().plan.get({ planId }).go();
  const item = res.data as PlanItem | null;
  if (!item || !canSeePlan(item)) throw notFound();
  return item;
}

export async function getPlan(planId: string): Promise<Plan> {
  return planOut(await load(planId));
}

/** 403 unless the caller is staff or leader of this commune. */
export function requireWrite(communeId: string) {
  if (!canWrite(communeId)) {
    throw forbidden(
      "Bạn chỉ xem được kế hoạch này, không sửa được.",
      "You may read this plan but not change it.",
    );
  }
}

export const createInput = z.object({
  communeId: z.string().optional(),
  content: planContent,
});

/** A new draft in the caller's own commune. */
export async function createDraft(input: z.input<typeof createInput>): Promise<Plan> {
  const { content, communeId: asked } = parse(createInput, input);
  const a = actor();
  const communeId = asked ?? a.unitId ?? "";
  requireWrite(communeId);
  return insertPlan({ communeId, content, status: "draft" });
}

/** Writes a new plan, its audit record and the commune's summary in one transaction. */
export async function insertPlan(p: {
  communeId: string;
  content: PlanContent;
  status: Plan["status"];
  planId?: string;
  amends?: string;
  seriesId?: string;
  action?: string;
  /** Writes that must land with the plan or not at all (a conditional one failing is a 409). */
  also?: Op[];
}): Promise<Plan> {
  const at = now().toISOString();
  const planId = p.planId ?? randomUUID();
  const stored = await storeSource(p.communeId, p.content);
  const item: PlanItem = {
    planId,
    communeId: p.communeId,
    status: p.status,
    version: 1,
    content: stored,
    createdAt: at,
    updatedAt: at,
    createdBy: actor().username,
    seriesId: p.seriesId ?? planId,
    ...(p.amends ? { amends: p.amends } : {}),
  };
  const res = await write({
    subject: { communeId: p.communeId, planId },
    item: put(
      db()
        .plan.create({
          ...item,
          searchText: searchTextOf(p.content),
          year: yearOf(p.content, at),
          ...(p.content.category ? { category: p.content.category } : {}),
        })
        .params(),
    ),
    ...(p.also ? { also: p.also } : {}),
    audit: { action: p.action ?? "create", toStatus: p.status, version: 1 },
    summary: { plans: { [p.status]: 1 } },
  });
  if (!res.ok) throw versionConflict(null);
  return planOut(item);
}

export const updateInput = z.object({
  version: z.number({ message: "Thiếu phiên bản đã đọc / Missing the version you read" }).int().min(1),
  content: planContent,
});

/** Save a draft at the version it was read; a stale version is a 409, never a silent overwrite. */
export async function updateDraft(planId: string, input: z.input<typeof updateInput>): Promise<Plan> {
  const { version, content } = parse(updateInput, input);
  const current = await load(planId);
  requireWrite(current.communeId);
  if (current.status !== "draft") {
    throw new DomainError(409, "not_editable", {
      vi: "Chỉ sửa được kế hoạch ở trạng thái dự thảo.",
      en: "Only a draft can be edited.",
    });
  }
  if (current.version !== version) throw versionConflict(toPlan(current));
  const at = now().toISOString();
  const session = await editingSession(planId);
  const stored = await storeSource(current.communeId, content, current.content);
  const changes = coalesce(session?.changes ?? [], diffJson(current.content, stored));
  const res = await write({
    subject: { communeId: current.communeId, planId },
    item: update(
      db()
        .plan.patch({ planId })
        .set({
          content: stored,
          version: version + 1,
          updatedAt: at,
          searchText: searchTextOf(content),
          year: yearOf(content, current.createdAt),
        })
        .where((attr, op) => `${op.eq(attr.version, version)} AND ${op.eq(attr.status, "draft")}`)
        .params(),
    ),
    audit: {
      action: "edit",
      version: version + 1,
      changes,
      ...(session ? { replace: { at: session.at, auditId: session.auditId } } : {}),
    },
  });
  if (!res.ok) {
    const latest = await db().plan.get({ planId }).go({ consistent: true });
    if (!latest.data) throw notFound();
    throw versionConflict(toPlan(latest.data as PlanItem));
  }
  return planOut({ ...current, content: stored, version: version + 1, updatedAt: at });
}

/** Delete a draft read at `version`. Its audit trail stays. */
export async function deleteDraft(planId: string, version: number): Promise<void> {
  const current = await load(planId);
  requireWrite(current.communeId);
  if (current.status !== "draft") {
    throw new DomainError(409, "not_deletable", {
      vi: "Chỉ xóa được kế hoạch ở trạng thái dự thảo.",
      en: "Only a draft can be deleted.",
    });
  }
  if (current.version !== version) throw versionConflict(toPlan(current));
  const res = await write({
    subject: { communeId: current.communeId, planId },
    item: remove(
      db()
        .plan.delete({ planId })
        .where((attr, op) => `${op.eq(attr.version, version)} AND ${op.eq(attr.status, "draft")}`)
        .params(),
    ),
    audit: { action: "delete", fromStatus: "draft", version },
    summary: { plans: { draft: -1 } },
  });
  if (!res.ok) throw versionConflict(null);
}

/** Saves by one person within this long of their last one belong to one editing session. */
export const EDITING_SESSION_MS = 30 * 60_000;

/**
 * The caller's open editing session on a draft: its latest audit record, when that is the
 * caller's own edit from the last half hour. Autosave then rewrites that record instead of
 * adding one per pause in typing.
 */
async function editingSession(planId: string) {
  const res = await db().audit.query.byPlan({ planId }).go({ order: "desc", limit: 1, count: 1 });
  const last = res.data[0];
  if (last?.action !== "edit" || last.actor !== actor().username) return undefined;
  if (now().getTime() - Date.parse(last.at) > EDITING_SESSION_MS) return undefined;
  return { at: last.at, auditId: last.auditId, changes: (last.changes ?? []) as FieldChange[] };
}

export type { AuditEntry };

/** The plan's history, oldest first. */
export async function history(planId: string): Promise<AuditEntry[]> {
  const item = await load(planId);
  const trail = await auditTrail({ communeId: item.communeId, planId });
  // Outside the commune the history starts at the issue: the drafting stays the commune's own.
  const issuedAt = item.issuedAt;
  return isMember(item.communeId) || !issuedAt ? trail : trail.filter((e) => e.at >= issuedAt);
}
