/**
 * Importer accuracy over fixtures of four routes: typed text, Word files with typed numbering, Word files with
 * automatic numbering (both built here from one spec with the `docx` library), and text as copied from PDFs and
 * web pages. Each fixture has an expected-fields JSON; a field counts as kept when the draft states it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { PlanContentInput, SectionItem } from "@kehoach/core/plan/schema";
import { nameKey } from "@kehoach/core/vi-text";
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import { importPlanDocx, importPlanText } from "../src/import";

export const ACCURACY_DIR = join(import.meta.dirname, "fixtures", "accuracy");

export type Expected = {
  issuer: string;
  number: string;
  place: string;
  date: string;
  type: string;
  subject: string;
  citations: Array<{ symbol: string; date?: string }>;
  /** Top level "LABEL HEADING"; deeper levels as label paths "I›1", "I›1›a". */
  sections: string[];
  event?: { date?: string; venue?: string; attendeeCount?: number; budgetAmount?: number };
  offices?: string[];
  deadlines?: Array<[string, Record<string, unknown>]>;
  recipients?: string[];
  signer?: { title: string; name: string };
};

export type Route = "typed" | "docx-typed" | "docx-auto" | "pdf";
export type Check = { field: string; ok: boolean; expected: unknown; actual: unknown };
export type FixtureScore = { route: Route; name: string; checks: Check[] };

const key = (s: string | undefined) => nameKey(s ?? "").replace(/[.;,:]+$/u, "");

/** "I MỤC ĐÍCH, YÊU CẦU" for top-level items, "I›1", "I›1›a" below. */
export function outline(items: readonly SectionItem[], path: string[] = []): string[] {
  const out: string[] = [];
  for (const it of items) {
    const label = it.label ?? "";
    if (label === "-" || label === "+") continue;
    if (!path.length) out.push(key(`${label} ${it.heading ?? ""}`));
    else out.push([...path, label].join("›"));
    if (label) out.push(...outline(it.children as SectionItem[], [...path, label]));
  }
  return out;
}

const sameDeadline = (actual: Record<string, unknown> | undefined, expected: Record<string, unknown>) =>
  !!actual && Object.entries(expected).every(([k, v]) => actual[k] === v);

/** Which of the expected fields the draft keeps; `full` adds event, offices, deadlines, recipients and signer. */
export function score(d: PlanContentInput, e: Expected, full: boolean): Check[] {
  const checks: Check[] = [];
  const check = (field: string, ok: boolean, expected: unknown, actual: unknown) =>
    checks.push({ field, ok, expected, actual });
  check("issuer", key(d.issuer.name) === key(e.issuer), e.issuer, d.issuer.name);
  check("number", d.documentNumber?.symbol === e.number, e.number, d.documentNumber?.symbol);
  check("place", key(d.place) === key(e.place), e.place, d.place);
  check("date", d.date === e.date, e.date, d.date);
  check("type", d.type === e.type, e.type, d.type);
  check("subject", key(d.subject) === key(e.subject), e.subject, d.subject);
  for (const c of e.citations) {
    const hit = (d.basis ?? []).find((b) => b.symbol === c.symbol);
    check(`citation ${c.symbol}`, !!hit && hit.date === c.date, c, hit);
  }
  const have = new Set(outline((d.sections ?? []) as SectionItem[]).map(key));
  for (const s of e.sections) check(`section ${s}`, have.has(key(s)), s, [...have].join(" | "));
  if (!full) return checks;
  const ev = d.event;
  for (const [k, v] of Object.entries(e.event ?? {})) {
    const actual = ev?.[k as keyof typeof ev];
    const ok = k === "venue" ? typeof actual === "string" && actual.includes(String(v)) : actual === v;
    check(`event.${k}`, ok, v, actual);
  }
  const units = (d.assignments ?? []).map((a) => key(a.unit));
  for (const o of e.offices ?? []) check(`office ${o}`, units.includes(key(o)), o, units.join(" | "));
  const tasks = (d.assignments ?? []).flatMap((a) => a.tasks ?? []);
  for (const [text, dl] of e.deadlines ?? []) {
    const t = tasks.find((x) => x.description.includes(text));
    check(
      `deadline "${text}"`,
      sameDeadline(t?.deadline as Record<string, unknown>, dl),
      dl,
      t ? t.deadline : "(no task)",
    );
  }
  const recipients = (d.recipients ?? []).map(key);
  for (const r of e.recipients ?? [])
    check(`recipient ${r}`, recipients.includes(key(r)), r, recipients.join(" | "));
  if (e.signer) {
    check("signer.title", d.signer.title === e.signer.title, e.signer.title, d.signer.title);
    check("signer.name", d.signer.name === e.signer.name, e.signer.name, d.signer.name);
  }
  return checks;
}

// ------------------------------------------------------------------------------------------------
// Word files from a spec

/**
 * A spec is the document line by line: plain paragraphs; `#1`–`#3 text` a numbered paragraph of that level,
 * `#-`/`#+` a bullet; `@layout` … `@end` a two-column layout table ("left || right"); `@table` … `@end` a Word
 * table ("a | b | c"); `@tabs left || right` a paragraph with a tab between the columns; `@scheme roman|multi`
 * the numbering (I. 1. a) or 1. 1.1. 1.1.1.).
 */
export async function docxFromSpec(spec: string, numbering: "typed" | "auto"): Promise<Buffer> {
  const lines = spec.split("\n");
  const scheme = lines.find((l) => l.startsWith("@scheme"))?.split(/\s+/)[1] ?? "roman";
  const levels =
    scheme === "multi"
      ? [
          { format: LevelFormat.DECIMAL, text: "%1." },
          { format: LevelFormat.DECIMAL, text: "%1.%2." },
          { format: LevelFormat.DECIMAL, text: "%1.%2.%3." },
        ]
      : [
          { format: LevelFormat.UPPER_ROMAN, text: "%1." },
          { format: LevelFormat.DECIMAL, text: "%2." },
          { format: LevelFormat.LOWER_LETTER, text: "%3)" },
        ];
  const counters = [0, 0, 0];
  const roman = (n: number) =>
    ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n] ?? String(n);
  const typedLabel = (level: number) => {
    counters[level] = (counters[level] ?? 0) + 1;
    for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
    const n = counters.slice(0, level + 1);
    if (scheme === "multi") return `${n.join(".")}.`;
    if (level === 0) return `${roman(n[0] ?? 1)}.`;
    if (level === 1) return `${n[1]}.`;
    return `${String.fromCharCode(96 + (n[2] ?? 1))})`;
  };
  const run = (t: string, bold = false) => new TextRun({ text: t, bold });
  const cell = (text: string) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: text.split("\n").map((t) => new Paragraph({ children: [run(t.trim())] })),
    });
  const children: Array<Paragraph | Table> = [];
  let block: "layout" | "table" | null = null;
  let rows: string[][] = [];
  for (const line of lines) {
    if (line.startsWith("@scheme")) continue;
    if (line === "@layout" || line === "@table") {
      block = line === "@layout" ? "layout" : "table";
      rows = [];
      continue;
    }
    if (line === "@end") {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: rows.map((r) => new TableRow({ children: r.map(cell) })),
        }),
      );
      block = null;
      continue;
    }
    if (block) {
      rows.push(line.split(block === "layout" ? "||" : "|").map((c) => c.trim()));
      continue;
    }
    if (line.startsWith("@tabs")) {
      const [left = "", right = ""] = line
        .slice(5)
        .split("||")
        .map((c) => c.trim());
      children.push(
        new Paragraph({
          tabStops: [{ type: TabStopType.LEFT, position: 5000 }],
          children: [run(left), new TextRun({ children: [new Tab(), right] })],
        }),
      );
      continue;
    }
    const m = line.match(/^#([123+-])\s+(.*)$/u);
    if (m?.[1] && m[2] !== undefined) {
      const [, mark, text] = m as unknown as [string, string, string];
      if (mark === "-" || mark === "+") {
        const level = mark === "-" ? 0 : 1;
        children.push(
          numbering === "auto"
            ? new Paragraph({ children: [run(text)], numbering: { reference: "dash", level } })
            : new Paragraph({ children: [run(`${mark} ${text}`)] }),
        );
      } else {
        const level = Number(mark) - 1;
        const label = typedLabel(level);
        children.push(
          numbering === "auto"
            ? new Paragraph({ children: [run(text, level === 0)], numbering: { reference: "plan", level } })
            : new Paragraph({ children: [run(`${label} ${text}`, level === 0)] }),
        );
      }
      continue;
    }
    if (line.trim()) children.push(new Paragraph({ children: [run(line.trim())] }));
  }
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "plan",
          levels: levels.map((l, level) => ({ level, ...l, alignment: AlignmentType.LEFT })),
        },
        {
          reference: "dash",
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: "-", alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.BULLET, text: "+", alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

// ------------------------------------------------------------------------------------------------
// Running the routes

const fixturesOf = (dir: string, ext: string) =>
  readdirSync(join(ACCURACY_DIR, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => ({
      name: basename(f, ext),
      source: readFileSync(join(ACCURACY_DIR, dir, f), "utf8"),
      expected: JSON.parse(
        readFileSync(join(ACCURACY_DIR, dir, `${basename(f, ext)}.json`), "utf8"),
      ) as Expected,
    }));

export async function scoreAll(): Promise<FixtureScore[]> {
  const out: FixtureScore[] = [];
  for (const f of fixturesOf("typed", ".txt"))
    out.push({
      route: "typed",
      name: f.name,
      checks: score(importPlanText(f.source).draft, f.expected, true),
    });
  for (const f of fixturesOf("docx", ".spec"))
    for (const numbering of ["typed", "auto"] as const) {
      const r = await importPlanDocx(await docxFromSpec(f.source, numbering));
      out.push({ route: `docx-${numbering}`, name: f.name, checks: score(r.draft, f.expected, true) });
    }
  for (const f of fixturesOf("pdf", ".txt"))
    out.push({
      route: "pdf",
      name: f.name,
      checks: score(importPlanText(f.source).draft, f.expected, false),
    });
  return out;
}

export type RouteAccuracy = {
  route: Route;
  fixtures: number;
  fields: number;
  kept: number;
  accuracy: number;
};

export function byRoute(scores: FixtureScore[]): RouteAccuracy[] {
  const routes: Route[] = ["typed", "docx-typed", "docx-auto", "pdf"];
  return routes.map((route) => {
    const mine = scores.filter((s) => s.route === route);
    const checks = mine.flatMap((s) => s.checks);
    const kept = checks.filter((c) => c.ok).length;
    return {
      route,
      fixtures: mine.length,
      fields: checks.length,
      kept,
      accuracy: checks.length ? kept / checks.length : 0,
    };
  });
}

/** The table, and every field that was lost, as text. */
export function report(scores: FixtureScore[]): string {
  const rows = byRoute(scores).map(
    (r) =>
      `${r.route.padEnd(11)} ${String(r.fixtures).padStart(3)} files ${String(r.kept).padStart(4)}/${String(r.fields).padEnd(4)} ${(r.accuracy * 100).toFixed(1)} %`,
  );
  const lost = scores.flatMap((s) =>
    s.checks
      .filter((c) => !c.ok)
      .map(
        (c) =>
          `  ${s.route}/${s.name}: ${c.field} — expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.actual)}`,
      ),
  );
  return ["Importer accuracy (key fields kept)", ...rows, ...(lost.length ? ["Lost:", ...lost] : [])].join(
    "\n",
  );
}
