import { defineProject } from "vitest/config";

// End-to-end: a real Chromium against the real local server (API + built dashboard + DynamoDB Local).
export default defineProject({
  test: {
    name: "e2e",
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["./e2e/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
