// `npm run bench:site`: builds the site (into a fresh .cache/site-bench-*, removed afterwards, under /guide/ as a deployment would be)
// and prints the build time and each page's HTML, CSS and up-front JavaScript, raw and gzip-compressed,
// against Starlight's own baseline (scripts/site-weight.ts). Figures only: nothing here passes or fails.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
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
rmSync(siteDir, { recursive: true, force: true });
