import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests spawn the built CLI; give a slow machine room without timing anything.
    testTimeout: 60_000,
  },
});
