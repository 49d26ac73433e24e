import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "api",
    include: ["test/**/*.test.ts"],
    globalSetup: ["../../tests/setup/dynamo-global.ts"],
    setupFiles: ["../../tests/setup/dynamo-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
