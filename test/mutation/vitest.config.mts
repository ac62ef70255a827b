// The tests Stryker runs (`npm run test:mutation`): those of the group GUIDE_MUTATION_GROUP names
// in groups.mjs ("!" patterns leave files out). GUIDE_MUTATION_TESTS (comma-separated globs)
// overrides them for a quick look at one file.
// Never here, whatever the group says:
// - notebooks (exec) and npm pack tests: they run the checkout through child processes (jupyter,
//   tsx, npm), which would load the original files, not the mutated sandbox; for the same reason
//   the kernel test that resolves the workspace packages through node_modules (it would reach the
//   original checkout, not the sandbox);
// - the outputs test that compares the environment hash: it hashes the sources, so every mutant
//   would "fail" it for the wrong reason;
// - the leak scan: it lists files with git, and the sandbox is no git checkout;
// - the browser project.
// Stryker copies the checkout into a sandbox, but node_modules/bedrock-guide and bedrock-emulator are
// workspace symlinks that lead back to the original files; the aliases keep imports in the sandbox.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { currentGroup } from "./groups.mjs";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const only = process.env.GUIDE_MUTATION_TESTS?.split(",").filter(Boolean);
const tests: string[] = only?.length ? only : currentGroup().tests;

const neverHere = [
  "**/node_modules/**",
  "test/browser/**",
  "test/start/**",
  "test/slow/**",
  "test/bedrock-guide/leak-scan.test.ts",
];

export default defineConfig({
  root: here("../.."),
  resolve: {
    alias: [
      { find: /^bedrock-guide$/, replacement: here("../../packages/bedrock-guide/index.ts") },
      { find: /^bedrock-emulator$/, replacement: here("../../packages/emulator/src/index.ts") },
      { find: /^bedrock-emulator\/(.*)$/, replacement: here("../../packages/emulator/$1") },
    ],
  },
  test: {
    include: tests.filter((t) => !t.startsWith("!")),
    exclude: [...neverHere, ...tests.filter((t) => t.startsWith("!")).map((t) => t.slice(1))],
    testNamePattern: /^(?!.*(were produced by the current emulator|points tslab's TypeScript at the emitted declarations))/,
    pool: "forks",
    testTimeout: 30_000,
  },
});
