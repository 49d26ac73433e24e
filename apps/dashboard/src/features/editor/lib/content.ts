import { type Plan, type PlanContent, planContent, type SectionItem } from "@kehoach/core/plan/schema";

export type Path = (string | number)[];
export type Assignment = PlanContent["assignments"][number];
export type Task = Assignment["tasks"][number];
export type CitedDocument = PlanContent["basis"][number];
export type EventDetails = NonNullable<PlanContent["event"]>;

/** The keys of PlanContent: what a draft saves (the rest of a Plan is identity and bookkeeping). */
const CONTENT_KEYS = Object.keys(planContent.shape) as (keyof PlanContent)[];

/** The editable content of a stored plan. */
export function contentOf(plan: Plan): PlanContent {
  const out: Record<string, unknown> = {};
  for (const k of CONTENT_KEYS) if (plan[k] !== undefined) out[k] = plan[k];
  return out as PlanContent;
}

/** JSON with object keys sorted, so two equal contents compare equal whatever order the server sent. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * What "changed since the last save" compares: the content without the imported source text,
 * which the editor never changes and which may be half a megabyte.
 */
export const draftJson = (content: PlanContent) => canonicalJson({ ...content, source: undefined });

let seq = 0;
/** An id for a new section, assignment or task (crypto.randomUUID needs a secure context). */
export function newId(prefix: string): string {
  seq += 1;
  return `${prefix}-${Date.now().toString(36)}${seq.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export const pathKey = (path: Path) => path.join(".");
/** A DOM id for the input at a content path ("f-basis-0-date"). */
export const fieldId = (path: Path) => `f-${path.join("-")}`;

// ---------- immutable list edits ----------

export function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
}

export function insertAt<T>(list: readonly T[], i: number, item: T): T[] {
  return [...list.slice(0, i), item, ...list.slice(i)];
}

export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

/** Swap item i with its neighbour (delta -1 = up, +1 = down); out of range leaves the list as is. */
export function move<T>(list: readonly T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

/** "" means "not given" for optional text: the schema wants the key absent, not empty. */
export const optional = (s: string): string | undefined => (s === "" ? undefined : s);

// ---------- new parts ----------

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];
const LETTERS = "abcdđeghiklmnopqrstuvxy";

/**
 * The label a new item most likely has, continuing its siblings' numbering (I → II, 1 → 2,
 * a → b, 2.1 → 2.2, "-" → "-"). Depth decides when there is nothing to continue.
 */
export function nextLabel(previous: string | undefined, depth: number, parentLabel?: string): string {
  const p = (previous ?? "").trim().replace(/[.)]+$/, "");
  if (p) {
    const r = ROMAN.indexOf(p);
    if (r >= 0) return ROMAN[r + 1] ?? String(r + 2);
    if (/^\d+$/.test(p)) return String(Number(p) + 1);
    const multi = /^(.*\.)(\d+)$/.exec(p);
    if (multi) return `${multi[1]}${Number(multi[2]) + 1}`;
    const l = LETTERS.indexOf(p);
    if (l >= 0) return LETTERS[l + 1] ?? "-";
    return p;
  }
  if (depth === 0) return "I";
  if (depth === 1) return "1";
  if (depth === 2) return parentLabel && /^\d+$/.test(parentLabel.trim()) ? "a" : "-";
  return "-";
}

export function newSection(label: string): SectionItem {
  return { id: newId("s"), label, heading: undefined, paragraphs: [], children: [] };
}

export function newCitedDocument(): CitedDocument {
  return { type: "Kế hoạch" };
}

export function newTask(leadUnit?: string): Task {
  return {
    id: newId("t"),
    description: "",
    ...(leadUnit ? { leadUnit } : {}),
    partnerUnits: [],
    kind: "giao",
    status: "not_started",
    progress: 0,
    evidence: [],
  };
}

export function newAssignment(label: string): Assignment {
  return { id: newId("a"), label, unit: "", tasks: [] };
}

export function newEvent(): EventDetails {
  return { dateTentative: false, attendeeCountApproximate: false, attendeeGroups: [] };
}

/** The day `days` after (negative: before) an ISO day. */
export function shiftDay(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
