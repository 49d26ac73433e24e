import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const which = (cmd: string) =>
  spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).stdout.trim();

/**
 * A DOCX as LibreOffice prints it: converted to PDF in `dir` (`<name>.pdf`, with its own
 * LibreOffice profile there) and read back with `pdftotext -layout`. `.ci/provision test` (run by
 * `npm test`) installs LibreOffice, poppler and a Times-metric font with Vietnamese letters.
 */
export function docxToPdf(docx: Uint8Array, dir: string, name: string): { pdf: string; text: string } {
  const soffice = which("libreoffice") || which("soffice");
  if (!soffice) throw new Error("LibreOffice is not installed: run .ci/provision test");
  const pdftotext = which("pdftotext");
  if (!pdftotext) throw new Error("pdftotext (poppler-utils) is not installed: run .ci/provision test");
  const docxPath = join(dir, `${name}.docx`);
  writeFileSync(docxPath, docx);
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      docxPath,
    ],
    { stdio: "ignore", timeout: 180_000 },
  );
  const pdf = join(dir, `${name}.pdf`);
  if (readFileSync(pdf).subarray(0, 5).toString() !== "%PDF-") throw new Error(`${pdf} is not a PDF`);
  return { pdf, text: execFileSync(pdftotext, ["-layout", pdf, "-"], { encoding: "utf8" }) };
}
