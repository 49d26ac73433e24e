import { describe, expect, it } from "vitest";
import { byRoute, type FixtureScore, report, scoreAll } from "./accuracy";

describe("importer accuracy on plans and letters it was not written for", () => {
  let scores: FixtureScore[] = [];
  it("reads every fixture of every route", async () => {
    scores = await scoreAll();
    console.log(report(scores));
    const routes = byRoute(scores);
    for (const r of routes) expect(r.fixtures, r.route).toBeGreaterThanOrEqual(3);
  });

  it("keeps ≥ 95 % of key fields of typed text and Word files (typed and automatic numbering)", () => {
    for (const r of byRoute(scores).filter((x) => x.route !== "pdf"))
      expect(r.accuracy, `${r.route}: ${r.kept}/${r.fields}`).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps ≥ 90 % of key fields of text copied from PDFs and web pages", () => {
    const pdf = byRoute(scores).find((x) => x.route === "pdf");
    expect(pdf?.fields).toBeGreaterThan(0);
    expect(pdf?.accuracy, `${pdf?.kept}/${pdf?.fields}`).toBeGreaterThanOrEqual(0.9);
  });
});
