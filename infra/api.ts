import { router } from "./router";
import { files, table } from "./storage";

/**
 * The Hono app (apps/api/src/lambda.ts). Served through the Router at `/api`; the prefix is
 * kept (the app uses `basePath("/api")`), so no rewrite. `Resource.Web.url` is the public
 * origin (behind the Router, `c.req.url` carries the function URL host instead).
 */
export const api = new sst.aws.Function("Api", {
  handler: "apps/api/src/lambda.handler",
  memory: "1024 MB",
  timeout: "30 seconds",
  link: [table, files, router],
  // The API reference page serves Scalar's browser bundle from node_modules (no CDN), so that
  // package is installed beside the bundle instead of being bundled by esbuild.
  nodejs: { install: ["@scalar/api-reference"] },
  environment: {
    KEHOACH_STAGE: $app.stage,
  },
  url: {
    router: { instance: router, path: "/api" },
  },
});
