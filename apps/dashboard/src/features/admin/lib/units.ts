import { foldVietnamese } from "@kehoach/core/text";
import type { UnitKind } from "@kehoach/core/unit/schema";

export type AdminUnit = {
  id: string;
  kind: UnitKind;
  name: string;
  shortName: string;
  officialCode?: string | undefined;
  parentId?: string | undefined;
  validFrom: string;
  validTo?: string | undefined;
};

export type UnitNode = AdminUnit & { depth: number; children: UnitNode[]; orphan: boolean };

export const KIND_ORDER: Record<UnitKind, number> = { province: 0, district: 1, commune: 2 };

/** Today in Vietnam, YYYY-MM-DD (validity dates are Vietnamese calendar days). */
export function todayVn(at: Date = new Date()): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export type Validity = "current" | "ended" | "future";

/** Whether a unit (or scope) is in force today, no longer, or not yet. */
export function validityOf(
  v: { validFrom: string; validTo?: string | undefined },
  today = todayVn(),
): Validity {
  if (v.validTo && v.validTo < today) return "ended";
  if (v.validFrom > today) return "future";
  return "current";
}

const byName = (a: AdminUnit, b: AdminUnit) =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, "vi") || a.id.localeCompare(b.id);

/**
 * The units as a forest by parentId. A unit whose parent is unknown (or that would close a
 * cycle) becomes a root marked `orphan`, so nothing the API returns is hidden.
 */
export function buildTree(units: readonly AdminUnit[]): UnitNode[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, AdminUnit[]>();
  const roots: AdminUnit[] = [];
  const orphans = new Set<string>();
  for (const u of units) {
    const parent = u.parentId && u.parentId !== u.id ? byId.get(u.parentId) : undefined;
    if (!parent || closesCycle(u, byId)) {
      roots.push(u);
      if (u.parentId) orphans.add(u.id);
      continue;
    }
    const list = children.get(parent.id) ?? [];
    list.push(u);
    children.set(parent.id, list);
  }
  const make = (u: AdminUnit, depth: number, seen: Set<string>): UnitNode => {
    seen.add(u.id);
    const kids = (children.get(u.id) ?? []).filter((c) => !seen.has(c.id)).sort(byName);
    return {
      ...u,
      depth,
      orphan: orphans.has(u.id),
      children: kids.map((c) => make(c, depth + 1, seen)),
    };
  };
  const seen = new Set<string>();
  return roots.sort(byName).map((r) => make(r, 0, seen));
}

function closesCycle(u: AdminUnit, byId: Map<string, AdminUnit>): boolean {
  const seen = new Set([u.id]);
  let p = u.parentId ? byId.get(u.parentId) : undefined;
  while (p) {
    if (seen.has(p.id)) return true;
    seen.add(p.id);
    p = p.parentId ? byId.get(p.parentId) : undefined;
  }
  return false;
}

/** Depth-first order of the tree, each node once. */
export function flatten(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** Ids of a unit and everything below it (a unit cannot be moved under one of these). */
export function selfAndDescendants(units: readonly AdminUnit[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

/** "Tứ Kỳ, Hải Dương": the short names of a unit's ancestors, nearest first. */
export function ancestry(units: ReadonlyMap<string, AdminUnit>, u: AdminUnit): string {
  const names: string[] = [];
  const seen = new Set([u.id]);
  let p = u.parentId ? units.get(u.parentId) : undefined;
  while (p && !seen.has(p.id)) {
    names.push(p.shortName);
    seen.add(p.id);
    p = p.parentId ? units.get(p.parentId) : undefined;
  }
  return names.join(", ");
}

/** Does a search text (any case, with or without diacritics) match any of these strings? */
export function matches(query: string, ...texts: (string | undefined)[]): boolean {
  const q = foldVietnamese(query);
  if (!q) return true;
  return texts.some((t) => t && foldVietnamese(t).includes(q));
}

/** The tree reduced to units that match (with their whole subtree) and their ancestors (for context). */
export function filterTree(nodes: readonly UnitNode[], query: string): UnitNode[] {
  if (!foldVietnamese(query)) return [...nodes];
  const out: UnitNode[] = [];
  for (const n of nodes) {
    if (matches(query, n.name, n.shortName, n.id, n.officialCode)) {
      out.push(n);
      continue;
    }
    const kids = filterTree(n.children, query);
    if (kids.length) out.push({ ...n, children: kids });
  }
  return out;
}

/** An end date before the start date (either may be empty: then they are not out of order). */
export const datesOutOfOrder = (from: string, to: string) => Boolean(from && to && to < from);

/** Drop empty optional strings, so the API sees absent fields rather than "". */
export function optional(value: string): string | undefined {
  const v = value.trim();
  return v ? v : undefined;
}
