import { defineConfig } from "vitest/config";

// One vitest run, one project per package (each has its own vitest.config.ts).
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "infra", "tests"],
  },
});
