import { planContent } from "@kehoach/core/plan/schema";
import { Document, Packer, Paragraph } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ImportError, importPlanDocx, MAX_DOCX_INFLATED_BYTES } from "../src/import";
import { importInWorker } from "../src/import-worker";
import { renderPlanDocx } from "../src/render-docx";
import { readZipDirectory } from "../src/zip-directory";
import { zipBomb } from "./adversarial";
import { seedPlan } from "./helpers";

const MB = 1024 * 1024;

describe("a .docx is measured from its ZIP directory before it is read", () => {
  it("reads the directory of a real .docx", async () => {
    const buf = await renderPlanDocx(seedPlan());
    const dir = readZipDirectory(buf);
    const zip = await JSZip.loadAsync(buf);
    expect(dir?.entries).toBe(Object.keys(zip.files).length);
    expect(dir?.inflatedBytes).toBeGreaterThan(buf.length);
    expect(dir?.inflatedBytes).toBeLessThan(MAX_DOCX_INFLATED_BYTES);
    expect(readZipDirectory(Buffer.from("PK\u0003\u0004 not really a zip"))).toBeUndefined();
  });

  it("a 200 KB file that inflates to 200 MB is refused with 413 before anything is inflated", async () => {
    const bomb = zipBomb(200 * MB);
    expect(bomb.length).toBeLessThan(250 * 1024);
    expect(readZipDirectory(bomb)?.inflatedBytes).toBeGreaterThan(200 * MB);
    const before = process.memoryUsage().arrayBuffers;
    const e = await importPlanDocx(bomb).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect(e).toMatchObject({ code: "inflates-too-large", status: 413 });
    expect((e as ImportError).message.vi).toMatch(/giải nén/);
    expect((e as ImportError).message.en).toMatch(/expands/);
    // Nothing was inflated: no 200 MB buffer appeared.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * MB);
  });
});

describe("a small .docx of hostile text", () => {
  it('1 MB of "Ư" compressed into a few KB is read promptly into a valid draft', {
    timeout: 60_000,
  }, async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph("Ư".repeat(512 * 1024))] }] });
    const buf = await Packer.toBuffer(doc);
    expect(buf.length).toBeLessThan(64 * 1024);
    const r = await importPlanDocx(buf);
    expect(planContent.safeParse(r.draft).success).toBe(true);
    expect(r.originalText.length).toBeGreaterThanOrEqual(512 * 1024);
  });
});

describe("the import worker", () => {
  it("imports and checks off the calling thread", async () => {
    const buf = await renderPlanDocx(seedPlan());
    const r = await importInWorker({ kind: "docx", data: buf });
    expect(r.draft.subject).toBe(seedPlan().subject);
    expect(r.findings.length).toBeGreaterThan(0);
  });

  it("answers a typed error for a file it cannot read, a timeout and a memory blow-up", async () => {
    await expect(importInWorker({ kind: "text", text: "   " })).rejects.toMatchObject({
      code: "empty",
      status: 400,
    });
    await expect(
      importInWorker({ kind: "text", text: "Ư".repeat(100_000) }, { timeMs: 1, memoryMb: 256 }),
    ).rejects.toMatchObject({ code: "timeout", status: 422 });
    await expect(
      importInWorker({ kind: "text", text: "Ư".repeat(100_000) }, { timeMs: 60_000, memoryMb: 2 }),
    ).rejects.toMatchObject({ code: "too-complex", status: 413 });
  });
});
