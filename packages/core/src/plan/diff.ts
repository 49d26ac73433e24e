export type FieldChange = { path: string; from?: unknown; to?: unknown };

/** Leaf-level differences between two JSON values, as dotted paths ("sections.0.heading"). */
export function diffJson(a: unknown, b: unknown, path = "", out: FieldChange[] = []): FieldChange[] {
  if (a === b) return out;
  const isObj = (v: unknown) => typeof v === "object" && v !== null;
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    for (const k of keys) {
      diffJson(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
        out,
      );
    }
    return out;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, from: a, to: b });
  return out;
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
