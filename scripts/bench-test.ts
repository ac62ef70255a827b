// `npm run bench:test [-- --runs N] [--notebooks]`: wall time of `npm test` over N runs in a row (default
// 3) with each step's time and the median; the first run of a fresh clone has no type-check or Prettier
// cache, the later ones do. With --notebooks, then every notebook executed alone, with the per-cell
// times the executor reports (setup cell = kernel's first compile + emulator start).
// A benchmark prints figures; it does not pass or fail on them.
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../generator/snippets";

const { values: options } = parseArgs({
  options: { runs: { type: "string", default: "3" }, notebooks: { type: "boolean", default: false } },
  strict: true,
});
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${options.runs}`);

const node = process.execPath;
const bin = (path: string) => join(projectRoot, "node_modules", path);
// npm test bounds each of its own steps; this bounds the whole run (SIGTERM, which npm test forwards to its lanes).
const TIMEOUT_MS = 45 * 60_000;

function timed(label: string, args: string[]): { seconds: number; output: string; ok: boolean } {
  console.log(`running ${label}…`);
  const started = process.hrtime.bigint();
  const r = spawnSync(node, args, { cwd: projectRoot, encoding: "utf8", env: { ...process.env, BEDROCK_GUIDE_MODE: "offline" }, maxBuffer: 64 << 20, timeout: TIMEOUT_MS });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, output: `${r.stdout}${r.stderr}`, ok: r.status === 0 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

const tests = Array.from({ length: runs }, (_, i) => {
  const run = timed(`npm test (${i + 1} of ${runs})`, [bin("tsx/dist/cli.mjs"), join(projectRoot, "scripts", "test.ts")]);
  const steps = [...run.output.matchAll(/^(ok  |FAIL|SKIP)\s+(.+?)\s+([\d.]+)s$/gm)].map((m) => `${m[2]} ${m[3]}s${m[1] === "ok  " ? "" : " (FAILED)"}`);
  return { ...run, steps };
});
const walls = tests.map((t) => t.seconds);
console.log(`
bench:test on ${cpus().length} cores, Node ${process.version}
  npm test wall time: median ${median(walls).toFixed(1)}s of ${runs} (min ${Math.min(...walls).toFixed(1)}s, max ${Math.max(...walls).toFixed(1)}s)
${tests.map((t, i) => `    run ${i + 1}: ${t.seconds.toFixed(1)}s ${t.ok ? "(passed)" : "(FAILED)"}; steps in parallel lanes: ${t.steps.join(", ")}`).join("\n")}`);
// A failed run's own summary names what failed (npm test repeats it at the end of its output).
for (const [i, t] of tests.entries()) {
  if (!t.ok) console.log(`  run ${i + 1} failed on:\n${t.output.slice(t.output.lastIndexOf("━━ summary ━━")).trimEnd()}`);
}

let notebooksOk = true;
if (options.notebooks) {
  const exec = timed("notebooks:exec", [bin("tsx/dist/cli.mjs"), join(projectRoot, "generator", "exec.ts")]);
  notebooksOk = exec.ok;
  const notebooks = [...exec.output.matchAll(/^ok\s+(\S+)\s+([\d.]+)s \(kernel ([\d.]+)s; cells: ([\d., ]+)\)$/gm)].map((m) => ({
    name: m[1]!.replace(`${projectRoot}/`, ""),
    total: Number(m[2]),
    kernel: Number(m[3]),
    cells: m[4]!.split(",").map(Number),
  }));
  const setup = notebooks.map((n) => n.cells[0]!);
  const rest = notebooks.flatMap((n) => n.cells.slice(1));
  console.log(`  all notebooks, executed alone: ${exec.seconds.toFixed(1)}s ${exec.ok ? "" : "(FAILED)"} for ${notebooks.length} notebooks, 2 at a time
${notebooks.map((n) => `    ${n.name.padEnd(42)} ${n.total.toFixed(1)}s (kernel start ${n.kernel.toFixed(1)}s, ${n.cells.length} code cells)`).join("\n")}
  setup cell (first compile):    median ${median(setup).toFixed(2)}s, max ${Math.max(...setup).toFixed(2)}s
  other cells (compile + run):   median ${median(rest).toFixed(2)}s, max ${Math.max(...rest).toFixed(2)}s over ${rest.length} cells`);
}
if (tests.some((t) => !t.ok) || !notebooksOk) process.exitCode = 1;
