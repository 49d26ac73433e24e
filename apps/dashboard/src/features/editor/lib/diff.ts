import { diffJson } from "@kehoach/core/plan/diff";
import { type PlanContent, planContent } from "@kehoach/core/plan/schema";
import type { Path } from "./content";

export type Difference = { path: Path; mine: string | undefined; theirs: string | undefined };

type Leaf = { path: Path; value: string };

const TOP = Object.keys(planContent.shape) as (keyof PlanContent)[];

function leaves(value: unknown, path: Path, out: Map<string, Leaf>) {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      leaves(v, [...path, i], out);
    });
    return;
  }
  if (typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      // Ids are bookkeeping; the imported source text is not edited here.
      if (k === "id" || k === "source") continue;
      leaves(v, [...path, k], out);
    }
    return;
  }
  if (value === "" || value === false) return;
  out.set(path.join("."), { path, value: String(value) });
}

/** What the schema would store (defaults filled, text normalised), so cosmetic gaps are not differences. */
function normalised(c: PlanContent): PlanContent {
  const r = planContent.safeParse(c);
  return r.success ? r.data : c;
}

/** Field-by-field differences between my draft and the stored one, in document order. */
export function contentDifferences(mine: PlanContent, theirs: PlanContent): Difference[] {
  const a = new Map<string, Leaf>();
  const b = new Map<string, Leaf>();
  leaves(normalised(mine), [], a);
  leaves(normalised(theirs), [], b);
  const value = (m: Map<string, Leaf>) => Object.fromEntries([...m].map(([k, leaf]) => [k, leaf.value]));
  // Top-level parts in the schema's order (as the form shows them), each part's fields in place.
  const part = (k: string) => TOP.indexOf(k.split(".")[0] as keyof PlanContent);
  // The same diff as the plan's history (core), over the two drafts' leaves by their paths.
  return diffJson(value(a), value(b))
    .map((d) => d.path)
    .sort((x, y) => part(x) - part(y))
    .map((k) => ({
      path: (a.get(k) ?? b.get(k))?.path ?? [],
      mine: a.get(k)?.value,
      theirs: b.get(k)?.value,
    }));
}
