/** The importer's confidence, 0..1, per dotted field path ("subject", "basis.0.date", "signer.name"). */
export type ConfidenceMap = Record<string, number>;

export type ConfidenceLevel = "high" | "medium" | "low";

/** Below this the field is highlighted for the user to check (the importer's own "guess" range). */
export const LOW_CONFIDENCE = 0.6;
const HIGH_CONFIDENCE = 0.85;

/** The confidence of a field: its own entry, else the nearest enclosing field's, else none. */
export function confidenceOf(map: ConfidenceMap, path: string): number | undefined {
  let p = path;
  for (;;) {
    const v = map[p];
    if (typeof v === "number") return v;
    const dot = p.lastIndexOf(".");
    if (dot < 0) return undefined;
    p = p.slice(0, dot);
  }
}

export function levelOf(c: number): ConfidenceLevel {
  if (c < LOW_CONFIDENCE) return "low";
  return c >= HIGH_CONFIDENCE ? "high" : "medium";
}

/** How many fields the importer was unsure of (entries below the threshold). */
export function lowCount(map: ConfidenceMap): number {
  return Object.values(map).filter((c) => c < LOW_CONFIDENCE).length;
}
