// Which tests answer for which files, for mutation testing (`npm run test:mutation`, issue 12).
// Each group is one Stryker run: it mutates its files and runs only its tests, with its own
// incremental record (test/mutation/records/<group>.json).
//
// Why groups: with every unit test in one run, a mutant in the lib reran the chapter tests that
// happen to pass through it (each a walk through the SDK and the emulator): `chart.ts` took 9 min
// for 65 mutants, 52 s with its own tests, and the whole scope three to four hours. A mutant the
// group's tests miss might still be caught by another folder's tests, so a group's score is a lower
// bound of what the whole suite catches; that is the safe side.
//
// Left out on purpose: the notebooks' own cells, each chapter's walkthrough.ts (its cells in order:
// prompts, tables, prose-sized inputs) and snippets/setup.ts (every notebook's first cell, two
// calls). They run end to end in the notebook lane (npm run notebooks:exec), in a Jupyter kernel, a child
// process Stryker cannot instrument; their logic lives in the lesson modules and the lib, which are
// mutated here. test/mutation/groups.test.ts checks that every other source file
// belongs to exactly one group.

const lib = (...names) => names.map((n) => `packages/bedrock-guide/${n}.ts`);

/** @type {Record<string, { mutate: string[]; tests: string[] }>} */
export const groups = {
  generator: {
    mutate: [
      "generator/**/*.ts",
      "generator/**/*.mjs",
      "!generator/**/*.d.mts",
      "shared/**/*.ts",
      "shared/**/*.mjs",
    ],
    // They read the lessons as text; here the lessons are not mutated, so that text is the page's.
    tests: ["test/generator/**/*.test.ts", "test/shared/**/*.test.ts"],
  },
  "lib-display": {
    mutate: lib(
      "chart",
      "display",
      "node-display",
      "host",
      "node",
      "cost-meter",
      "concurrency",
      "catalog-facts",
    ),
    tests: [
      "test/bedrock-guide/chart.test.ts",
      "test/bedrock-guide/display.test.ts",
      "test/bedrock-guide/display-notebook.test.ts",
      "test/bedrock-guide/host.test.ts",
      "test/bedrock-guide/cost-meter.test.ts",
      "test/bedrock-guide/concurrency.test.ts",
      "test/bedrock-guide/catalog-facts.test.ts",
      "test/bedrock-guide/new-account-advice.test.ts",
    ],
  },
  "lib-session": {
    mutate: lib(
      "doctor",
      "doctor-account",
      "doctor-report",
      "doctor-terminal",
      "caller-identity",
      "live-mode",
      "guide",
      "instrument",
      "language",
      "language-code",
      "node-emulator",
      "page-emulator",
    ),
    tests: [
      "test/bedrock-guide/doctor.test.ts",
      "test/bedrock-guide/guide.test.ts",
      "test/bedrock-guide/instrument.test.ts",
      "test/bedrock-guide/language.test.ts",
      "test/bedrock-guide/host.test.ts",
    ],
  },
  "lib-advice": {
    mutate: lib(
      "error-advice",
      "model-for-region",
      "regions",
      "advice/*",
      "prompt-management-facts",
      "template-variables",
      "sampling-rules",
      "data",
      "index",
      "prices",
      "model-reference",
    ),
    tests: [
      "test/bedrock-guide/error-advice.test.ts",
      "test/bedrock-guide/error-advice-rules.test.ts",
      "test/bedrock-guide/model-for-region.test.ts",
      "test/bedrock-guide/new-account-advice.test.ts",
      "test/bedrock-guide/prices.test.ts",
      "test/bedrock-guide/model-reference.test.ts",
      "test/bedrock-guide/template-variables.test.ts",
      "test/bedrock-guide/regions.test.ts",
      "test/bedrock-guide/sampling-rules.test.ts",
      "test/bedrock-guide/data.test.ts",
      "test/bedrock-guide/prompt-management-facts.test.ts",
      "test/bedrock-guide/prompt-management-advice.test.ts",
      // advice/batch.ts and prices.ts's batch price.
      "test/bedrock-guide/batch-advice.test.ts",
      "test/bedrock-guide/batch-cost.test.ts",
    ],
  },
  "lib-batch": {
    mutate: ["packages/bedrock-guide/batch/*.ts"],
    tests: ["test/bedrock-guide/batch-*.test.ts"],
  },
  "lib-checks": {
    mutate: ["packages/bedrock-guide/prompt-checks/*.ts"],
    tests: ["test/bedrock-guide/prompt-checks*.test.ts"],
  },
  "lessons-ch02": {
    mutate: [
      "snippets/00-before-you-start/*.ts",
      "snippets/02-designing-prompts/*.ts",
      "snippets/03-validating-prompts/*.ts",
      "snippets/testing-offline/*.ts",
      "!snippets/**/walkthrough.ts",
      "!snippets/**/*.test.ts",
    ],
    tests: [
      "test/snippets/before-you-start*.test.ts",
      "test/snippets/designing-prompts*.test.ts",
      "test/snippets/validating-prompts*.test.ts",
      "test/snippets/summarise-requests.test.ts",
      "snippets/testing-offline/*.test.ts",
    ],
  },
  "lessons-ch1": {
    mutate: ["snippets/01-foundation-models/*.ts", "!snippets/**/walkthrough.ts"],
    tests: ["test/snippets/foundation-models*.test.ts", "test/snippets/model-defaults.test.ts"],
  },
  "lessons-ch3": {
    mutate: ["snippets/04-managing-prompts/*.ts", "!snippets/**/walkthrough.ts"],
    tests: ["test/snippets/managing-prompts*.test.ts"],
  },
  "lessons-ch5": {
    mutate: ["snippets/05-evaluating-at-scale/*.ts", "!snippets/**/walkthrough.ts"],
    tests: ["test/snippets/evaluating-at-scale*.test.ts"],
  },
  // The emulator's two groups run the tests written for those modules; the protocol-level suites
  // (prompts, prompts-runtime, prompts-persistence, the fuzzers) cover them too but take hours per
  // run here, so a mutant they alone catch counts as alive (and is listed as such).
  "emulator-catalog": {
    mutate: ["packages/emulator/src/catalog.ts", "packages/emulator/src/faults.ts"],
    tests: [
      "test/emulator/catalog-rules.test.ts",
      "test/emulator/faults-rules.test.ts",
      "test/emulator/faults-strict.test.ts",
      "test/emulator/errors-and-catalog.test.ts",
      "test/emulator/catalog-schema.test.ts",
      "test/emulator/regions.test.ts",
      "test/emulator/contract.test.ts",
    ],
  },
  "emulator-prompts": {
    mutate: ["packages/emulator/src/prompts/store.ts", "packages/emulator/src/prompts/identifiers.ts", "packages/emulator/src/prompts/converse.ts"],
    tests: [
      "test/emulator/prompt-store-unit.test.ts",
      "test/emulator/prompt-store-files.test.ts",
      "test/emulator/prompt-converse-resolve.test.ts",
      "test/emulator/prompt-store-ids.test.ts",
      "test/emulator/prompts-tags.test.ts",
    ],
  },
};

/** The group a run is for: GUIDE_MUTATION_GROUP, which the Stryker config and vitest both read. */
export function currentGroup(env = process.env) {
  const name = env.GUIDE_MUTATION_GROUP;
  if (!name || !Object.hasOwn(groups, name)) {
    throw new Error(
      `GUIDE_MUTATION_GROUP must be one of ${Object.keys(groups).join(", ")}; it is ${name ?? "unset"}. ` +
        "Run `npm run test:mutation` (all groups) or `npm run test:mutation -- --group <name>`.",
    );
  }
  return { name, ...groups[name] };
}
