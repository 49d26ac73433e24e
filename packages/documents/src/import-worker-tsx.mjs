// Plain-JS entry of the import worker when running from TypeScript source (npm start under tsx, vitest, the
// CLI): on Node 20 tsx's loader does not reach worker threads, so the worker registers tsx itself and then
// loads the TypeScript module, whose worker side runs the job. (The Lambda bundle starts itself instead.)
import { register } from "tsx/esm/api";

register();
await import("./import-worker.ts");
