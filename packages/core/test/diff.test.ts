import { describe, expect, it } from "vitest";
import { coalesce, diffJson } from "../src/plan/diff";

describe("a plan's field changes (history)", () => {
  it("names each changed leaf by its dotted path, with its value before and after", () => {
    const before = { subject: "Kế hoạch A", sections: [{ heading: "I", paragraphs: ["a", "b"] }], basis: [] };
    const after = {
      subject: "Kế hoạch B",
      sections: [{ heading: "I", paragraphs: ["a", "c", "d"] }],
      basis: [],
    };
    expect(diffJson(before, after)).toEqual([
      { path: "subject", from: "Kế hoạch A", to: "Kế hoạch B" },
      { path: "sections.0.paragraphs.1", from: "b", to: "c" },
      { path: "sections.0.paragraphs.2", from: undefined, to: "d" },
    ]);
  });

  it("takes a part added or removed whole as one change, and a key undefined on one side as none", () => {
    expect(diffJson({ a: 1, gone: { x: 1 }, u: undefined }, { a: 1, added: { y: [1] } })).toEqual([
      { path: "gone", from: { x: 1 }, to: undefined },
      { path: "added", from: undefined, to: { y: [1] } },
    ]);
    expect(diffJson({ list: [1, 2] }, { list: { 0: 1, 1: 2 } })).toEqual([
      { path: "list", from: [1, 2], to: { 0: 1, 1: 2 } },
    ]);
    expect(diffJson({ a: { b: [1, { c: "x" }] } }, { a: { b: [1, { c: "x" }] } })).toEqual([]);
  });

  it("coalesces an editing session: a value changed and changed back drops out", () => {
    const first = diffJson({ subject: "A", place: "X" }, { subject: "B", place: "X" });
    const second = diffJson({ subject: "B", place: "X" }, { subject: "A", place: "Y" });
    expect(coalesce(first, second)).toEqual([{ path: "place", from: "X", to: "Y" }]);
  });
});
