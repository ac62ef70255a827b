// `npm test`: the quick lane, every check a change needs, independent ones in parallel, outputs printed
// whole as each step finishes. Steps: each chapter's notebook once through the kernel (languages in turn);
// vitest's unit projects; type-check (incremental) → Prettier check of snippets/ → site build (under a
// sub-path, with its link check) → browser test (every page; axe on the Spanish ones and the English home).
// `npm run test:full` (`--full`) adds the slow truths: every notebook in both languages, vitest's slow
// project (test/slow/), axe on every page and npm start for real. README, "Tests".
// Always offline: tests never call AWS.
// Each step runs in a process group of its own, with a time limit (BEDROCK_GUIDE_STEP_TIMEOUT_S, default 600 s).
// SIGINT/SIGTERM are forwarded to every running group, then SIGKILL after a grace period: cancelling leaves no
// kernel (notebooks:exec stops its own), Chromium (Playwright closes it on SIGTERM) or Astro process behind.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../generator/snippets";

const { values: flags } = parseArgs({ options: { full: { type: "boolean", default: false } }, strict: true });
const full = flags.full;
const label = full ? "npm run test:full" : "npm test";

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** Skip this step when the previous step of its lane failed (the browser test needs the build). */
  needsPrevious?: boolean;
  /** Why this step cannot run here; it is then skipped with a loud message instead of failing. */
  skip?: string;
}

const node = process.execPath;
const bin = (path: string) => join(projectRoot, "node_modules", path);
// One build folder per run, so two runs in one checkout never share it.
mkdirSync(join(projectRoot, ".cache"), { recursive: true });
const siteDir = mkdtempSync(join(projectRoot, ".cache", "site-test-"));
const STEP_TIMEOUT_MS = Number(process.env.BEDROCK_GUIDE_STEP_TIMEOUT_S ?? 600) * 1000;
/** After a forwarded signal or a time-out, how long a step's group gets to clean up before SIGKILL. */
const GRACE_MS = 15_000;
const basePath = "/guide";
// The browser test needs Chromium. Locally, without it, the step is skipped loudly; in CI (CI=true) it runs
// and fails, so a CI machine without Chromium never passes quietly.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const noChromium =
  !existsSync(chromiumPath) && !process.env.CI
    ? `no Chromium at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH`
    : undefined;

// Each lane runs its steps in order; lanes run side by side (2 cores: the notebook kernels mostly wait).
const vitest = (...projects: string[]) => [node, bin("vitest/vitest.mjs"), "run", ...projects.flatMap((p) => ["--project", p])];
const lanes: Step[][] = [
  [
    {
      name: full ? "notebooks (all)" : "notebooks (each chapter once)",
      command: [node, bin("tsx/dist/cli.mjs"), join(projectRoot, "generator", "exec.ts"), ...(full ? [] : ["--each-chapter-once"])],
    },
  ],
  // vitest mostly waits (child processes, real back-off in a page's example), so it shares the cores well.
  [
    { name: "vitest", command: vitest("unit", "unit-isolated") },
    ...(full ? [{ name: "vitest slow", command: vitest("slow") }] : []),
  ],
  [
    // Incremental (tsconfig.json's tsBuildInfoFile, under node_modules/.cache): a second run rechecks only what changed.
    { name: "typecheck", command: [node, bin("typescript/bin/tsc"), "--noEmit"] },
    // Snippets are formatted with Prettier at a width that fits the site's code column (.prettierrc).
    { name: "format", command: [node, bin("prettier/bin/prettier.cjs"), "--check", "--cache", "--cache-location", join(projectRoot, "node_modules/.cache/prettier/cache.json"), "snippets", "packages/bedrock-guide"] },
  ],
  // The browser test is the longest step after the notebooks, and it needs the build: they start at once.
  [
    { name: "site build", command: [node, bin("astro/bin/astro.mjs"), "build"], env: { BASE_PATH: basePath, ASTRO_OUT_DIR: siteDir } },
    {
      name: "browser",
      command: vitest("browser"),
      env: { BASE_PATH: basePath, SITE_DIR: siteDir },
      needsPrevious: true,
      ...(noChromium ? { skip: noChromium } : {}),
    },
    ...(full ? [{ name: "npm start", command: vitest("start"), needsPrevious: true }] : []),
  ],
];

interface Result {
  name: string;
  ok: boolean;
  seconds: number;
  /** For a failed step: the lines naming what failed, repeated in the summary so a log's tail shows them. */
  failures: string[];
}

// Lines that name a failure in vitest, tsc, astro and notebooks:exec output.
const failureLine = /^\s*(FAIL\b|×|❯ .*:\d+:\d+|\w*Error\b|error TS\d+|AssertionError|Expected|Received|FAILED|not ok\b)/;
const stripColors = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

const running = new Set<ChildProcess>();
let cancelled: NodeJS.Signals | undefined;

/** Signals a step's whole process group (the step and everything it started in its group). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is gone already
  }
}

/** Asks a group to stop, then kills it if it is still there after the grace period. */
function stopGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  signalGroup(child, signal);
  setTimeout(() => signalGroup(child, "SIGKILL"), GRACE_MS).unref();
}

function run(step: Step): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command[0]!, step.command.slice(1), {
      cwd: projectRoot,
      env: { ...colorEnv(), BEDROCK_GUIDE_MODE: "offline", ...(full ? { GUIDE_TEST_FULL: "1" } : {}), ...step.env },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: a signal reaches everything the step started, and only that.
      detached: true,
    });
    running.add(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup(child, "SIGTERM");
    }, STEP_TIMEOUT_MS);
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c));
    child.stderr!.on("data", (c: Buffer) => (output += c));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      // Whatever the step left in its group (a worker, a browser) goes with it.
      signalGroup(child, "SIGKILL");
      const seconds = (Date.now() - started) / 1000;
      const ok = code === 0 && !timedOut && !cancelled;
      const why = timedOut
        ? ` (stopped after the ${STEP_TIMEOUT_MS / 1000} s limit, BEDROCK_GUIDE_STEP_TIMEOUT_S)`
        : cancelled
          ? ` (cancelled by ${cancelled})`
          : signal
            ? ` (${signal})`
            : "";
      console.log(`\n━━ ${step.name} ${ok ? "passed" : "FAILED"} in ${seconds.toFixed(1)}s${why} ━━`);
      console.log(output.trimEnd());
      const failures = ok ? [] : stripColors(output).split("\n").filter((line) => failureLine.test(line));
      if (why) failures.unshift(`${step.name}${why}`);
      resolve({ name: step.name, ok, seconds, failures: [...new Set(failures.map((l) => l.trim()))].slice(0, 40) });
    });
  });
}

function cancel(signal: NodeJS.Signals, why: string = signal): void {
  if (cancelled) return;
  cancelled = signal;
  console.log(`\n${label}: ${why}: stopping ${running.size} running step(s)…`);
  for (const child of running) stopGroup(child, signal);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => cancel(signal));

// npm does not pass a SIGTERM sent to it alone on to its script (tsx, then this process): when our parent
// or grandparent (tsx, npm) goes away, cancel as if signalled rather than run on, orphaned.
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};
const parentOf = (pid: number): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined; // not Linux: only the direct parent is watched
  }
};
const ancestors = [process.ppid, parentOf(process.ppid)].filter((p): p is number => p !== undefined && p > 1);
setInterval(() => {
  const gone = ancestors.find((p) => !alive(p));
  if (gone !== undefined) cancel("SIGTERM", `process ${gone} that started this run is gone`);
}, 1000).unref();
// Should this process die some other way, its steps die with it.
process.on("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

// Colours only on a terminal; a CI log gets plain text.
function colorEnv(): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _, ...env } = process.env;
  return process.stdout.isTTY ? { ...env, FORCE_COLOR: "1" } : { ...env, NO_COLOR: "1" };
}

const skippedOnPurpose: Step[] = [];

async function lane(steps: Step[]): Promise<Result[]> {
  const results: Result[] = [];
  for (const step of steps) {
    if (cancelled) break;
    if (step.needsPrevious && results.length && !results.at(-1)!.ok) break;
    if (step.skip) {
      const bar = "!".repeat(78);
      console.log(`\n${bar}\n${step.name.toUpperCase()} NOT RUN: ${step.skip}\n${bar}`);
      skippedOnPurpose.push(step);
      continue;
    }
    results.push(await run(step));
  }
  return results;
}

async function main() {
  const started = Date.now();
  const results = (await Promise.all(lanes.map(lane))).flat();
  const skipped = lanes.flat().filter((s) => !results.some((r) => r.name === s.name) && !skippedOnPurpose.includes(s));
  console.log("\n━━ summary ━━");
  for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"}  ${r.name.padEnd(20)} ${r.seconds.toFixed(1)}s`);
  for (const s of skipped) console.log(`SKIP  ${s.name.padEnd(20)} (the step it needs failed)`);
  for (const s of skippedOnPurpose) console.log(`SKIP  ${s.name.padEnd(20)} NOT RUN: ${s.skip}`);
  for (const r of results.filter((r) => !r.ok && r.failures.length)) {
    console.log(`\n${r.name} failed on:`);
    for (const line of r.failures) console.log(`  ${line}`);
  }
  const failed = results.filter((r) => !r.ok).length + skipped.length;
  rmSync(siteDir, { recursive: true, force: true });
  if (cancelled) {
    console.log(`${label}: CANCELLED (${cancelled}) after ${((Date.now() - started) / 1000).toFixed(1)}s`);
    process.exitCode = cancelled === "SIGINT" ? 130 : 143;
    return;
  }
  console.log(`${label}: ${failed ? "FAILED" : "passed"} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.exitCode = failed ? 1 : 0;
}

main();
