import { HANDLERS, NODEJS, RUNTIME } from "./lambda-build";
import { router } from "./router";
import { files, table } from "./storage";

/**
 * The Hono app (apps/api/src/lambda.ts), served through the Router at `/api`; the prefix is kept
 * (the app uses `basePath("/api")`), so no rewrite.
 *
 * - Memory 1024 MB: Lambda gives CPU in proportion to memory, and the heavy requests (a DOCX or
 *   XLSX rendered in the request, an import on a worker thread allowed 384 MB) need both; list and
 *   board reads use ~100 MB, and at this size they finish in a few ms of billed time.
 * - Timeout 30 s: an import may take its worker's 20 s limit; nothing else comes close. CloudFront
 *   waits 30 s for an origin by default, so a longer timeout would only be paid, never seen.
 * - Links: the table and the files bucket, nothing else.
 */
export const api = new sst.aws.Function("Api", {
  handler: HANDLERS.api,
  runtime: RUNTIME,
  memory: "1024 MB",
  timeout: "30 seconds",
  link: [table, files],
  nodejs: NODEJS,
  url: {
    router: { instance: router, path: "/api" },
  },
});
