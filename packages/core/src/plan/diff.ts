import diff from "microdiff";

export type FieldChange = { path: string; from?: unknown; to?: unknown };

const isObject = (v: unknown): v is object => typeof v === "object" && v !== null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Leaf-level differences between two JSON values, as dotted paths ("sections.0.heading"): a part
 * added or removed whole is one change. A key absent on one side and undefined on the other is none.
 */
export function diffJson(a: unknown, b: unknown): FieldChange[] {
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) {
    return same(a, b) ? [] : [{ path: "", from: a, to: b }];
  }
  return diff(a as Record<string, unknown>, b as Record<string, unknown>, { cyclesFix: false })
    .map((d) => ({
      path: d.path.join("."),
      from: d.type === "CREATE" ? undefined : d.oldValue,
      to: d.type === "REMOVE" ? undefined : d.value,
    }))
    .filter((c) => !same(c.from, c.to));
}

/**
 * One record of an editing session's changes: each path keeps the value it had before the
 * session and the value it has now; a path changed and changed back drops out.
 */
export function coalesce(earlier: FieldChange[], later: FieldChange[]): FieldChange[] {
  const byPath = new Map(earlier.map((c) => [c.path, { ...c }]));
  for (const c of later) {
    const prev = byPath.get(c.path);
    byPath.set(c.path, prev ? { path: c.path, from: prev.from, to: c.to } : { ...c });
  }
  return [...byPath.values()].filter((c) => JSON.stringify(c.from) !== JSON.stringify(c.to));
}

/**
 * The changes as the audit record keeps them: whole while they fit `maxBytes` (an audit item
 * is one DynamoDB item too), then paths only, then a count of the rest.
 */
export function boundChanges(changes: FieldChange[], maxBytes = 64 * 1024): FieldChange[] {
  const out: FieldChange[] = [];
  let size = 0;
  for (const [i, change] of changes.entries()) {
    let entry: FieldChange = change;
    let bytes = JSON.stringify(entry).length * 3;
    if (size + bytes > maxBytes) {
      entry = { path: change.path };
      bytes = change.path.length * 3 + 12;
    }
    if (size + bytes > maxBytes) {
      out.push({ path: `… (+${changes.length - i})` });
      break;
    }
    out.push(entry);
    size += bytes;
  }
  return out;
}
