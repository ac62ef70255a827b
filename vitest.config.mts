import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts", "emulator/**/*.test.ts", "snippets/**/*.test.ts"],
          exclude: ["test/browser/**", "test/start/**", "**/node_modules/**"],
          // Snippets start emulators and the staleness test runs samples; forks keep them isolated.
          pool: "forks",
          // Several suites mostly wait (kernels, retries with back-off, npm pack): more workers than
          // the two cores keep those waits overlapping.
          maxWorkers: 4,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          // npm start's test runs here too: its astro dev writes .astro/ as the site build does, so
          // it runs after the build (npm test's site lane), not beside it in the unit project.
          include: ["test/browser/**/*.test.ts", "test/start/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
