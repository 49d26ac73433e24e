/// <reference path="./.sst/platform/config.d.ts" />

/**
 * KeHoach on AWS: one DynamoDB table, one Hono Lambda, the Vite dashboard, one Router
 * (dashboard at `/`, API at `/api`, same origin). Each concern lives in `infra/`.
 * Needs AWS to deploy; offline, `infra/typecheck.sh` and `vitest --project infra` check it.
 */
export default $config({
  app(input) {
    const production = input?.stage === "production";
    return {
      name: "kehoach",
      home: "aws",
      removal: production ? "retain" : "remove",
      protect: production,
      providers: { aws: { region: "ap-southeast-1" } },
    };
  },
  async run() {
    await import("./infra/storage");
    const { router } = await import("./infra/router");
    const { api } = await import("./infra/api");
    const { dashboard } = await import("./infra/web");
    await import("./infra/jobs");
    return {
      url: router.url,
      api: api.url,
      dashboard: dashboard.url,
    };
  },
});
