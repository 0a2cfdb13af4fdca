import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 60_000 },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // The end-to-end tests spawn the built CLI: build it first, so they never test an old bundle.
          globalSetup: ["test/e2e/build-first.ts"],
          // Give a slow machine room without timing anything.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
