// What every group's Stryker run shares. See stryker.config.mjs and groups.mjs.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export const base = {
  testRunner: "vitest",
  coverageAnalysis: "perTest",
  ignorePatterns: ["dist", ".cache"],
  // Static mutants (module-level values: label tables, regexes, constants) run once at import, so
  // Stryker cannot tell which tests cover them and runs the whole suite for each: in the generator
  // they were 46% of the mutants and 99% of the time. They are reported as Ignored, not counted.
  ignoreStatic: true,
  incremental: true,
  reporters: ["clear-text", "progress", "json", "html"],
  clearTextReporter: { reportTestsBelowThreshold: false, allowColor: false, logTests: false },
  thresholds: { high: 80, low: 70, break: null },
  concurrency: 3,
  timeoutMS: 20_000,
  // Stryker rewrites tsconfig "extends"/"references" paths for its sandbox through TypeScript's JS
  // API, which TypeScript 7 (native) no longer ships. Ours has neither, so point it at no file.
  tsconfigFile: "no-tsconfig-to-rewrite.json",
  // vitest does not type-check, and the generator tests read lesson files as text: an added
  // "// @ts-nocheck" line would change them.
  disableTypeChecks: false,
  cleanTempDir: "always",
};

/** Options for one group (groups.mjs): its files, its incremental record (committed), its reports. */
export function scoped(scope, mutate) {
  return {
    ...base,
    mutate,
    vitest: { configFile: "test/mutation/vitest.config.mts", related: false },
    incrementalFile: `test/mutation/records/${scope}.json`,
    // Its own sandbox folder, so two groups can run at once in one checkout.
    tempDirName: `.cache/stryker/${scope}`,
    jsonReporter: { fileName: `.cache/mutation/${scope}.report.json` },
    htmlReporter: { fileName: `.cache/mutation/${scope}.report.html` },
  };
}
