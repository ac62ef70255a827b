// `npm run mutation:scores`: the mutation score per group and folder (or file), read from the
// incremental records `npm run test:mutation` keeps (test/mutation/records/<group>.json, in Stryker's
// mutation-testing-report schema). Score = detected / (detected + survived + no coverage), where
// detected = killed + timed out, as Stryker counts it; Ignored (static) mutants are outside it.
// A second score counts timeouts as survivors: on a loaded machine a slow test can time out
// without a bug. A run stopped early records only the mutants it reached.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../generator/snippets";
import { groups } from "../test/mutation/groups.mjs";

interface Mutant {
  status: string;
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const { values } = parseArgs({ options: { files: { type: "boolean", default: false } } });

type Tally = { killed: number; timeout: number; survived: number; noCoverage: number; ignored: number };
const empty = (): Tally => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 });
const add = (t: Tally, status: string) => {
  if (status === "Killed") t.killed++;
  else if (status === "Timeout") t.timeout++;
  else if (status === "Survived") t.survived++;
  else if (status === "NoCoverage") t.noCoverage++;
  else if (status === "Ignored") t.ignored++;
};
const scored = (t: Tally) => t.killed + t.timeout + t.survived + t.noCoverage;
const pct = (n: number, d: number) => (d === 0 ? "—" : `${((100 * n) / d).toFixed(1)}%`);

console.log("| group | folder | score | timeouts as survivors | killed | timed out | survived | no coverage | ignored (static) |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
// The targets are per top folder (snippets/, generator/, the emulator modules): summed here.
const tops = new Map<string, Tally>();
const row = (group: string, name: string, t: Tally) => {
  const detected = t.killed + t.timeout;
  console.log(
    `| ${group} | ${name} | ${pct(detected, scored(t))} | ${pct(t.killed, scored(t))} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.ignored} |`,
  );
};
for (const scope of Object.keys(groups)) {
  const file = join(projectRoot, "test", "mutation", "records", `${scope}.json`);
  if (!existsSync(file)) {
    console.log(`| ${scope} | (no record yet: npm run test:mutation -- --group ${scope}) | | | | | | | |`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8")) as Report;
  const folders = new Map<string, Tally>();
  const files = new Map<string, Tally>();
  for (const [path, { mutants }] of Object.entries(report.files)) {
    const folder = path.startsWith("packages/bedrock-guide/") ? "packages/bedrock-guide" : dirname(path).split("/").slice(0, path.startsWith("snippets/") ? 2 : 1).join("/");
    const tf = folders.get(folder) ?? empty();
    const tfile = files.get(path) ?? empty();
    const top = path.startsWith("emulator/") ? "packages/emulator/src (catalog, faults, prompt-store)" : `${path.split("/")[0]}/`;
    const tt = tops.get(top) ?? empty();
    for (const m of mutants) {
      add(tf, m.status);
      add(tfile, m.status);
      add(tt, m.status);
    }
    tops.set(top, tt);
    folders.set(folder, tf);
    files.set(path, tfile);
  }
  const rows = values.files ? files : folders;
  for (const [name, t] of [...rows].sort()) {
    if (scored(t) === 0 && t.ignored === 0) continue;
    row(scope, name, t);
  }
}
for (const [name, t] of [...tops].sort()) row("all groups", `**${name}**`, t);
