// `npm run bench:test`: wall time of the whole `npm test`, then of executing every notebook alone, with
// the per-cell times the executor reports (setup cell = kernel's first compile + emulator start).
// A benchmark prints figures; it does not pass or fail on them.
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../generator/snippets";

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

const test = timed("npm test", [bin("tsx/dist/cli.mjs"), join(projectRoot, "scripts", "test.ts")]);
const steps = [...test.output.matchAll(/^(ok  |FAIL|SKIP)\s+(.+?)\s+([\d.]+)s$/gm)].map((m) => `${m[2]} ${m[3]}s${m[1] === "ok  " ? "" : " (FAILED)"}`);

const exec = timed("notebooks:exec", [bin("tsx/dist/cli.mjs"), join(projectRoot, "generator", "exec.ts")]);
const notebooks = [...exec.output.matchAll(/^ok\s+(\S+)\s+([\d.]+)s \(kernel ([\d.]+)s; cells: ([\d., ]+)\)$/gm)].map((m) => ({
  name: m[1]!.replace(`${projectRoot}/`, ""),
  total: Number(m[2]),
  kernel: Number(m[3]),
  cells: m[4]!.split(",").map(Number),
}));
const setup = notebooks.map((n) => n.cells[0]!);
const rest = notebooks.flatMap((n) => n.cells.slice(1));

console.log(`
bench:test on ${cpus().length} cores, Node ${process.version}
  npm test wall time:            ${test.seconds.toFixed(1)}s ${test.ok ? "(passed)" : "(FAILED)"}
    steps (in parallel lanes):   ${steps.join(", ")}
  all notebooks, executed alone: ${exec.seconds.toFixed(1)}s ${exec.ok ? "" : "(FAILED)"} for ${notebooks.length} notebooks, 2 at a time
${notebooks.map((n) => `    ${n.name.padEnd(42)} ${n.total.toFixed(1)}s (kernel start ${n.kernel.toFixed(1)}s, ${n.cells.length} code cells)`).join("\n")}
  setup cell (first compile):    median ${median(setup).toFixed(2)}s, max ${Math.max(...setup).toFixed(2)}s
  other cells (compile + run):   median ${median(rest).toFixed(2)}s, max ${Math.max(...rest).toFixed(2)}s over ${rest.length} cells`);
if (!test.ok || !exec.ok) process.exitCode = 1;
