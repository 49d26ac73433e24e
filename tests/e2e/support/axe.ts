import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource: string = (require("axe-core") as { source: string }).source;

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: string[] };

/**
 * Run axe-core (WCAG 2.x A/AA rules) on the page as it is now, and return its serious and
 * critical violations, each with the selectors of the offending nodes.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => "axe" in window);
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (nonce scripts only)
  // stays in force for the page itself.
  if (!has) await page.evaluate(`${axeSource}\n;void 0`);
  const violations = await page.evaluate(async () => {
    type R = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<R> } }).axe;
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The violations as one readable line each, for an assertion's message. */
export const describeViolations = (vs: AxeViolation[]) =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 5).join(", ")}`).join("\n");
