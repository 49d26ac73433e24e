import { router } from "./router";

/** The Vite dashboard, built in apps/dashboard and served by the Router at `/`. */
export const dashboard = new sst.aws.StaticSite("Dashboard", {
  path: "apps/dashboard",
  build: { command: "npm run build", output: "dist" },
  router: { instance: router },
});
