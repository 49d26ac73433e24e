import { defineProject } from "vitest/config";

// The dashboard's own checks (its UI is tested end to end in tests/e2e, in a real Chromium).
export default defineProject({
  test: {
    name: "dashboard",
    include: ["test/**/*.test.ts"],
  },
});
