import { defineConfig } from "vitest/config";

// Three tiers (README, "Tests"):
// - "unit": most files, on worker threads that load the SDK once (isolate: false); the setup file
//   puts back what a file may change, so no file sees another's session or environment.
// - "unit-isolated": files that replace a module (vi.mock) for their whole file, in forks of their own.
// - "slow": the slow truths in test/slow/ (npm pack into a scratch project, notebooks:exec and the
//   doctor against a real Jupyter, the AWS CDK's synthesis), only in `npm run test:full`, as is
//   "start" (npm start for real).
// `npm test` runs unit and unit-isolated, then "browser" on the built site; `vitest related <file>
// --run` picks from every project.
const unitFiles = ["test/**/*.test.ts", "packages/**/*.test.ts", "snippets/**/*.test.ts"];
const isolated = [
  "test/emulator/prompt-store-ids.test.ts", // vi.mock("node:crypto")
  "test/bedrock-guide/prompt-checks-runs.test.ts", // vi.mock(chart)
  "test/bedrock-guide/prices.test.ts", // vi.doMock(data)
  "test/bedrock-guide/display-notebook.test.ts", // vi.mock("node:module")
  "test/snippets/managing-prompts-optimize-plan.test.ts", // vi.mock("bedrock-guide")
];
const slow = ["test/slow/**/*.test.ts"];
const elsewhere = ["test/browser/**", "test/start/**", "**/node_modules/**"];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: unitFiles,
          exclude: [...elsewhere, ...isolated, ...slow],
          pool: "threads",
          isolate: false,
          // More workers than cores: several files mostly wait (child processes, a real kernel
          // watcher, the page example's real back-off), and a thread costs one SDK load.
          maxWorkers: 3,
          setupFiles: ["test/setup/shared-worker.ts"],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "unit-isolated",
          include: isolated,
          pool: "forks",
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "slow",
          include: slow,
          pool: "forks",
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          // Each file mostly waits on its Chromium: all four at once (vitest's default on two cores is
          // one file at a time), and three chapter pages at a time inside a file (run-in-page, smoke).
          maxWorkers: 4,
          maxConcurrency: 3,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // npm start, for real (astro dev and Jupyter): in the full lane, after the site build,
          // because astro dev writes .astro/ as the build does.
          name: "start",
          include: ["test/start/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
