// `npm test`: every check the project has, independent ones in parallel, outputs printed whole as each
// step finishes. Steps: type-check → Prettier check of snippets/ → vitest; notebooks executed through the
// kernel; site build (under a sub-path, with its link check) → browser test (every page, axe included).
// Always offline: tests never call AWS.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../generator/snippets";

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
const siteDir = join(projectRoot, ".cache", "site-test");
const basePath = "/guide";
// The browser test needs Chromium. Locally, without it, the step is skipped loudly; in CI (CI=true) it runs
// and fails, so a CI machine without Chromium never passes quietly.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const noChromium =
  !existsSync(chromiumPath) && !process.env.CI
    ? `no Chromium at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH`
    : undefined;

// Each lane runs its steps in order; lanes run side by side (2 cores: the notebook kernels mostly wait).
const lanes: Step[][] = [
  [{ name: "notebooks", command: [node, bin("tsx/dist/cli.mjs"), join(projectRoot, "generator", "exec.ts")] }],
  [
    { name: "typecheck", command: [node, bin("typescript/bin/tsc"), "--noEmit"] },
    // Snippets are formatted with Prettier at a width that fits the site's code column (.prettierrc).
    { name: "format", command: [node, bin("prettier/bin/prettier.cjs"), "--check", "snippets"] },
    { name: "vitest", command: [node, bin("vitest/vitest.mjs"), "run", "--project", "unit"] },
  ],
  [
    { name: "site build", command: [node, bin("astro/bin/astro.mjs"), "build"], env: { BASE_PATH: basePath, ASTRO_OUT_DIR: siteDir } },
    {
      name: "browser",
      command: [node, bin("vitest/vitest.mjs"), "run", "--project", "browser"],
      env: { BASE_PATH: basePath, SITE_DIR: siteDir },
      needsPrevious: true,
      ...(noChromium ? { skip: noChromium } : {}),
    },
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

function run(step: Step): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command[0]!, step.command.slice(1), {
      cwd: projectRoot,
      env: { ...colorEnv(), BEDROCK_GUIDE_MODE: "offline", ...step.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c));
    child.stderr.on("data", (c: Buffer) => (output += c));
    child.on("close", (code) => {
      const seconds = (Date.now() - started) / 1000;
      const ok = code === 0;
      console.log(`\n━━ ${step.name} ${ok ? "passed" : "FAILED"} in ${seconds.toFixed(1)}s ━━`);
      console.log(output.trimEnd());
      const failures = ok ? [] : stripColors(output).split("\n").filter((line) => failureLine.test(line));
      resolve({ name: step.name, ok, seconds, failures: [...new Set(failures.map((l) => l.trim()))].slice(0, 40) });
    });
  });
}

// Colours only on a terminal; a CI log gets plain text.
function colorEnv(): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _, ...env } = process.env;
  return process.stdout.isTTY ? { ...env, FORCE_COLOR: "1" } : { ...env, NO_COLOR: "1" };
}

const skippedOnPurpose: Step[] = [];

async function lane(steps: Step[]): Promise<Result[]> {
  const results: Result[] = [];
  for (const step of steps) {
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
  console.log(`npm test: ${failed ? "FAILED" : "passed"} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.exitCode = failed ? 1 : 0;
}

main();
