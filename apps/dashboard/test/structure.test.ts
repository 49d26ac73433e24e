import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The dashboard's layout (after bulletproof-react): each folder of src/features stands alone —
 * what two features share lives once in src/components or src/lib, and the app shell (src/app)
 * composes features. Shared code never reaches into a feature.
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module a file names: `import … from`, `export … from`, `import "…"` and `import("…")`. */
export function specifiers(code: string): string[] {
  const found: string[] = [];
  const re =
    /\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\bimport\s*["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) found.push((m[1] ?? m[2] ?? m[3]) as string);
  return found;
}

/** The feature a path of src/ belongs to, or undefined outside src/features. */
function featureOf(path: string): string | undefined {
  const parts = relative(SRC, path).split(sep);
  return parts[0] === "features" ? parts[1] : undefined;
}

/** The imports of `file` that break the layout, as "file → target". */
export function violations(file: string, code: string): string[] {
  const from = relative(SRC, file).split(sep)[0];
  const own = featureOf(file);
  return specifiers(code)
    .filter((s) => s.startsWith("."))
    .map((s) => resolve(dirname(file), s))
    .filter((target) => {
      const feature = featureOf(target);
      if (!feature) return false;
      // A feature may use its own files; shared code (components, lib, i18n) may use none.
      return from === "features" ? feature !== own : from !== "app" && from !== "main.tsx";
    })
    .map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`);
}

describe("the dashboard's features stand alone", () => {
  it("no feature imports another, and shared code imports no feature", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => violations(f, readFileSync(f, "utf8")));
    expect(found, "move what two features share to src/components or src/lib").toEqual([]);
  });

  it("catches a cross-feature import in every form, and lets a feature's own and shared imports be", () => {
    const editor = join(SRC, "features/editor/components/x.tsx");
    const code = [
      'import { FindingsList } from "../../checker/components/findings-list";',
      'import type { Finding } from "../../checker/lib/types";',
      'export { PlanDocument } from "../../plans/components/plan-document";',
      'import "../../import/components/import.css";',
      'const Lazy = lazy(() => import("../../admin/components/users-page"));',
      'import { Field } from "../../../components/field";',
      'import { useEditorI18n } from "../lib/i18n";',
      'import { planQuery } from "@kehoach/client/plans";',
    ].join("\n");
    expect(violations(editor, code)).toEqual([
      "features/editor/components/x.tsx → features/checker/components/findings-list",
      "features/editor/components/x.tsx → features/checker/lib/types",
      "features/editor/components/x.tsx → features/plans/components/plan-document",
      "features/editor/components/x.tsx → features/import/components/import.css",
      "features/editor/components/x.tsx → features/admin/components/users-page",
    ]);
    const shared = join(SRC, "components/thing.tsx");
    expect(violations(shared, 'import { X } from "../features/tasks/lib/board";')).toEqual([
      "components/thing.tsx → features/tasks/lib/board",
    ]);
    const route = join(SRC, "app/routes/plan.tsx");
    expect(violations(route, 'import { P } from "../../features/plans/components/plan-list";')).toEqual([]);
  });
});
