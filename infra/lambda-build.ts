/**
 * How the Lambda functions are bundled, in one place: infra/api.ts and infra/jobs.ts pass `NODEJS` to
 * SST, and the offline bundler below (used by the bench and the infra tests) runs esbuild with the same
 * options SST uses, so what is measured here is what would be deployed.
 */
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { JOBS } from "../packages/core/src/schedule/jobs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The Lambda runtime: the Node major of local and CI too (package.json engines, .ci/node). */
export const RUNTIME = "nodejs24.x";

/**
 * SST's `nodejs` options for every function: ESM, minified, split so that the document libraries
 * (docx, exceljs, mammoth), loaded with `import()` by the routes and jobs that use them, are chunks
 * of their own that a cold start does not read; zod without its unused locales.
 */
export const NODEJS = {
  format: "esm",
  minify: true,
  splitting: true,
  plugins: "infra/esbuild-plugins.mjs",
} as const;

/**
 * What SST prepends to an ESM bundle: bundled CommonJS code (the AWS SDK's `require("node:https")`)
 * needs a `require`. The offline bundler adds it as SST does; SST adds it itself on deploy.
 */
export const SST_ESM_BANNER = [
  `import { createRequire as topLevelCreateRequire } from "module";`,
  `const require = topLevelCreateRequire(import.meta.url);`,
  `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url";`,
  `const __filename = topLevelFileUrlToPath(import.meta.url);`,
  `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url));`,
].join("\n");

/** The handlers SST deploys: `<file without extension>.<export>`, relative to the project root. */
export const HANDLERS = {
  api: "apps/api/src/lambda.handler",
  reminders: JOBS.reminders.handler,
  exports: JOBS.exports.handler,
} as const;

export interface Bundle {
  dir: string;
  /** The entry file: import it and call its handler export. */
  entry: string;
  /** Bytes of the entry and the chunks it imports statically: what a cold start loads. */
  startBytes: number;
  /** Bytes of every file in the bundle, the lazily loaded chunks included. */
  totalBytes: number;
}

/** Bundle one handler as SST would, into `outDir`. */
export async function bundleHandler(handler: string, outDir: string): Promise<Bundle> {
  const { build } = await import("esbuild");
  const plugins = (await import(join(root, NODEJS.plugins))).default;
  const file = handler.slice(0, handler.lastIndexOf("."));
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: { index: join(root, `${file}.ts`) },
    bundle: true,
    platform: "node",
    target: "node22",
    format: NODEJS.format,
    splitting: NODEJS.splitting,
    minify: NODEJS.minify,
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    mainFields: ["module", "main"],
    banner: { js: SST_ESM_BANNER },
    plugins,
    metafile: true,
    logLevel: "error",
  });
  const outputs = result.metafile.outputs;
  const entryKey = Object.keys(outputs).find((k) => outputs[k]?.entryPoint?.endsWith(`${file}.ts`));
  if (!entryKey) throw new Error(`no entry in the bundle of ${handler}`);
  // The entry plus its static imports, transitively: the code a cold start reads.
  const seen = new Set<string>();
  const walk = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of outputs[k]?.imports ?? [])
      if (i.kind === "import-statement" && outputs[i.path]) walk(i.path);
  };
  walk(entryKey);
  let startBytes = 0;
  for (const k of seen) startBytes += outputs[k]?.bytes ?? 0;
  let totalBytes = 0;
  for (const f of await readdir(outDir)) totalBytes += (await stat(join(outDir, f))).size;
  return { dir: outDir, entry: resolve(process.cwd(), entryKey), startBytes, totalBytes };
}
