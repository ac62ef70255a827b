/// <reference lib="dom" />
// `npm run bench:site`: builds the site (into a fresh .cache/site-bench-*, removed afterwards, under /guide/ as a deployment would be)
// and prints the build time and each page's HTML, CSS and up-front JavaScript, raw and gzip-compressed,
// against Starlight's own baseline (scripts/site-weight.ts). Then, in headless Chromium, the page's
// runtime (site/runtime/): the bytes the first Run loads, the time from the first click to the first
// output (cold: an empty cache; warm: the runtime cached), and "Run all" on every chapter page next
// to the same chapter's notebook through the Jupyter kernel (--no-notebooks leaves that out).
// Figures only: nothing here passes or fails.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";
import { runAllEnded } from "../test/browser/run-all";
import { serveStatic } from "../test/browser/static-server";
import type {} from "../site/runtime/run-buttons";
import { projectRoot } from "../generator/snippets";
import { BASELINE_PAGE, builtPages, JS_ALLOWANCE, pageWeight } from "./site-weight";

// Its own folder per run, so a second run (or npm test's build) in this checkout cannot collide with it.
mkdirSync(join(projectRoot, ".cache"), { recursive: true });
const siteDir = mkdtempSync(join(projectRoot, ".cache", "site-bench-"));
process.on("exit", () => rmSync(siteDir, { recursive: true, force: true }));
const base = "/guide/";
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const started = Date.now();
const build = spawnSync(process.execPath, [join(projectRoot, "node_modules/astro/bin/astro.mjs"), "build"], {
  cwd: projectRoot,
  env: { ...process.env, BASE_PATH: base, ASTRO_OUT_DIR: siteDir },
  encoding: "utf8",
  timeout: 10 * 60_000,
});
const seconds = (Date.now() - started) / 1000;
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  throw new Error(`astro build failed (${build.status ?? build.signal})`);
}

const weights = builtPages(siteDir).map((p) => pageWeight(siteDir, base, p));
const baseline = weights.find((w) => w.page === BASELINE_PAGE)!;
console.log(`bench:site — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, astro build ${seconds.toFixed(1)}s (${weights.length} pages)\n`);
console.log("| page | HTML | CSS | JS up front | JS vs Starlight baseline | gzip HTML / CSS / JS |");
console.log("|---|---:|---:|---:|---:|---|");
for (const w of weights) {
  const delta = w.js - baseline.js;
  console.log(
    `| /${w.page} | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.js)} | ${delta >= 0 ? "+" : ""}${kb(delta)} | ${kb(w.gzip.html)} / ${kb(w.gzip.css)} / ${kb(w.gzip.js)} |`,
  );
}
console.log(`\nBaseline: /${BASELINE_PAGE} (Starlight features only), ${kb(baseline.js)} of JS; allowance +${kb(JS_ALLOWANCE)}.`);

const { values: flags } = parseArgs({ options: { "no-notebooks": { type: "boolean", default: false } }, strict: true });
const chapters = weights.map((w) => w.page).filter((p) => /^(en\/)?\d\d-/.test(p));
void (async () => {
  const server = await serveStatic(siteDir, base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    await runtimeFigures(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
    rmSync(siteDir, { recursive: true, force: true });
  }
})();

async function runtimeFigures(browser: Browser, url: string) {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  // Cold and warm: one context (one HTTP cache), the same chapter twice; the first click runs the setup cell.
  const context = await browser.newContext();
  const loaded = new Map<string, number>();
  const firstOutput = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`${url}${path}`);
    page.on("response", (r) => {
      const name = new URL(r.url()).pathname.replace(base, "");
      if (name.endsWith(".js")) loaded.set(name, 0);
    });
    const started = Date.now();
    await page.locator('.guide-cell[data-cell="setup.ts"] button[data-action="run"]').click();
    await page.locator('.guide-cell[data-cell="setup.ts"] .cell-output-live pre').first().waitFor();
    const ms = Date.now() - started;
    await page.close();
    return ms;
  };
  const cold = await firstOutput(chapters[0]!);
  const runtimeFiles = [...loaded.keys()];
  const warm = await firstOutput(chapters[0]!);
  await context.close();
  const bytes = runtimeFiles.map((f) => readFileSync(join(siteDir, f)));
  const raw = bytes.reduce((n, b) => n + b.length, 0);
  const gz = bytes.reduce((n, b) => n + gzipSync(b).length, 0);
  console.log(`\nThe page's runtime (loaded on the first Run): ${runtimeFiles.length} files, ${kb(raw)}, ${kb(gz)} gzipped.`);
  const largest = runtimeFiles
    .map((f, i) => ({ f, gz: gzipSync(bytes[i]!).length }))
    .sort((a, b) => b.gz - a.gz)
    .slice(0, 5);
  console.log(`Largest, gzipped: ${largest.map((l) => `${l.f.replace(/^_astro\//, "")} ${kb(l.gz)}`).join(", ")}.`);
  console.log(`First click to first output (setup cell of /${chapters[0]}): cold ${seconds(cold)}, warm ${seconds(warm)}.\n`);

  console.log("| chapter page | Run all in the page | notebook through the kernel |");
  console.log("|---|---:|---:|");
  for (const path of chapters) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}${path}`);
    const started = Date.now();
    await page.locator('button[data-action="run-all"]').click();
    await runAllEnded(page, { timeoutMs: 10 * 60_000, pollMs: 50 });
    const inPage = Date.now() - started;
    await page.context().close();
    console.log(`| /${path} | ${seconds(inPage)} | ${flags["no-notebooks"] ? "-" : notebookSeconds(path)} |`);
  }
}

/** The chapter's notebook alone through notebooks:exec (its own figure: kernel start included). */
function notebookSeconds(path: string): string {
  const [lang, chapter] = path.startsWith("en/") ? ["en", path.slice(3, -1)] : ["es", path.slice(0, -1)];
  const run = spawnSync(process.execPath, [join(projectRoot, "node_modules/tsx/dist/cli.mjs"), join(projectRoot, "generator/exec.ts"), `notebooks/${lang}/${chapter}.ipynb`], {
    cwd: projectRoot,
    encoding: "utf8",
    timeout: 10 * 60_000,
  });
  const total = /ok\s+\S+\s+([\d.]+)s/.exec(run.stdout)?.[1];
  return total ? `${Number(total).toFixed(2)} s` : `failed (${run.status})`;
}
