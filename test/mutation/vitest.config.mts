// The tests Stryker runs (`npm run test:mutation`). GUIDE_MUTATION_SCOPE, set by each Stryker config
// in this folder, picks them:
// - "lib-and-emulator": the unit tests without the generator's and shared/'s (test/generator,
//   test/shared): those read lesson files as text (notebooks, outputs, translations, staleness), and
//   Stryker instruments the lessons it mutates, so their text is no longer the page's source;
// - "generator": the generator's tests, which do read the (then unmutated) lessons as text; the
//   staleness test's comparison with the committed notebooks is the sharpest of them.
// Always left out:
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

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const scope = process.env.GUIDE_MUTATION_SCOPE;
if (scope !== "lib-and-emulator" && scope !== "generator") {
  throw new Error(`GUIDE_MUTATION_SCOPE must be "lib-and-emulator" or "generator", not ${scope}`);
}

// GUIDE_MUTATION_TESTS (comma-separated globs) narrows a quick run of one file to the tests that
// matter for it; the scope's full set stays the default, and the committed records come from it.
const only = process.env.GUIDE_MUTATION_TESTS?.split(",").filter(Boolean);

const neverHere = [
  "**/node_modules/**",
  "test/browser/**",
  "test/start/**",
  "test/notebooks/**",
  "test/emulator/package.test.ts",
  "test/lib/leak-scan.test.ts",
];

export default defineConfig({
  root: here("../.."),
  resolve: {
    alias: [
      { find: /^bedrock-guide$/, replacement: here("../../snippets/bedrock-guide/index.ts") },
      { find: /^bedrock-emulator$/, replacement: here("../../emulator/src/index.ts") },
      { find: /^bedrock-emulator\/(.*)$/, replacement: here("../../emulator/$1") },
    ],
  },
  test: {
    include: only?.length
      ? only
      : scope === "generator"
        ? ["test/generator/**/*.test.ts", "test/shared/**/*.test.ts"]
        : ["test/**/*.test.ts", "emulator/**/*.test.ts", "snippets/**/*.test.ts"],
    exclude:
      scope === "generator"
        ? neverHere
        : [...neverHere, "test/generator/**", "test/shared/**"],
    testNamePattern: /^(?!.*(were produced by the current emulator|points tslab's TypeScript at the emitted declarations))/,
    pool: "forks",
    testTimeout: 30_000,
  },
});
