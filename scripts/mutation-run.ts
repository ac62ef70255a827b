// `npm run test:mutation [-- --group NAME ...] [-- --concurrency N]`: Stryker over each group of
// test/mutation/groups.mjs in turn (all of them by default), each with only its own tests and its
// own committed incremental record, so a rerun retests only what changed. Ctrl-C stops the current
// group; Stryker keeps what it finished in that group's record. Scores: `npm run mutation:scores`.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../generator/snippets";
import { groups } from "../test/mutation/groups.mjs";

const { values } = parseArgs({
  options: {
    group: { type: "string", multiple: true },
    concurrency: { type: "string" },
  },
});
const chosen = values.group ?? Object.keys(groups);
const unknown = chosen.filter((g) => !Object.hasOwn(groups, g));
if (unknown.length > 0) {
  console.error(`Unknown group: ${unknown.join(", ")}. The groups are: ${Object.keys(groups).join(", ")}.`);
  process.exit(2);
}

// The quick-look variable narrows the tests; a committed record must come from the group's own.
if (process.env.GUIDE_MUTATION_TESTS) {
  console.error("GUIDE_MUTATION_TESTS is set: unset it first; the groups' records come from each group's own tests.");
  process.exit(2);
}

const stryker = join(projectRoot, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js");
for (const name of chosen) {
  console.log(`\n== mutation group ${name} ==`);
  const run = spawnSync(
    process.execPath,
    [stryker, "run", "test/mutation/stryker.config.mjs", ...(values.concurrency ? ["--concurrency", values.concurrency] : [])],
    {
      cwd: projectRoot,
      env: { ...process.env, GUIDE_MUTATION_GROUP: name },
      stdio: "inherit",
      // A generous bound, not a verdict: the largest group takes tens of minutes on two cores.
      timeout: 4 * 60 * 60_000,
      killSignal: "SIGINT",
    },
  );
  if (run.status !== 0) {
    console.error(`Stryker stopped in group ${name} (${run.status ?? run.signal}).`);
    process.exit(run.status ?? 1);
  }
}
