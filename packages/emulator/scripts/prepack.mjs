// Builds the publishable bedrock-emulator package, for `npm pack` / `npm publish` run in emulator/.
//   prepack:  compile src/ to dist/ (JS + .d.ts) and swap in the published package.json (exports,
//             types and bin point at dist/; dependencies are what src/ imports). The development
//             manifest is kept aside. The data the core imports (data/catalog.json…, from the
//             repository's one data/ folder) is compiled along: rootDir is the repository, so
//             dist/ mirrors it (dist/packages/emulator/src/*.js, dist/data/*.json) and the
//             compiled imports find their JSON with no copy.
//   postpack: put the development package.json back (it points at src/, for this repository).
//   --build-only: compile and copy, leave package.json alone.
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(here, "..", "..");
const saved = join(here, ".package.dev.json");
const manifestPath = join(here, "package.json");
const mode = process.argv[2] ?? "--pack";

if (mode === "--restore") {
  if (existsSync(saved)) renameSync(saved, manifestPath);
  process.exit(0);
}

// 1. Compile.
function findUp(rel) {
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, rel))) return join(dir, rel);
    if (dirname(dir) === dir) throw new Error(`${rel} not found above ${here}: run npm install first`);
  }
}
const tsc = findUp("node_modules/typescript/bin/tsc");
rmSync(join(here, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", join(here, "tsconfig.build.json")], { stdio: "inherit", timeout: 5 * 60_000 });
const out = "dist/packages/emulator/src";
chmodSync(join(here, out, "cli.js"), 0o755);
for (const name of ["catalog.json", "sampling-rules.json", "prompt-management.json"]) {
  if (!existsSync(join(here, "dist", "data", name))) throw new Error(`dist/data/${name} missing: the build no longer emits the data the core imports`);
}
if (mode === "--build-only") process.exit(0);

// 3. The published manifest.
const dev = JSON.parse(readFileSync(manifestPath, "utf8"));
if (existsSync(saved)) throw new Error(`${saved} exists: a previous pack did not finish; restore it first (node scripts/prepack.mjs --restore)`);
copyFileSync(manifestPath, saved);
const rootManifest = JSON.parse(readFileSync(join(repo, "package.json"), "utf8"));
const rangeOf = (name) => dev.dependencies?.[name] ?? rootManifest.dependencies?.[name] ?? rootManifest.devDependencies?.[name];
const runtimeDeps = Object.keys(dev.dependencies ?? {});
const dependencies = Object.fromEntries(
  runtimeDeps.map((name) => {
    const range = rangeOf(name);
    if (!range) throw new Error(`No version range for ${name} in emulator/ or the root package.json`);
    return [name, range];
  }),
);
const published = {
  name: dev.name,
  version: dev.version,
  description: dev.description,
  license: dev.license,
  keywords: dev.keywords,
  main: `${out}/index.js`,
  types: `${out}/index.d.ts`,
  exports: Object.fromEntries(
    Object.entries(dev.exports).map(([entry, source]) =>
      source.endsWith(".ts")
        ? [entry, { types: source.replace(/^\.\/src\//, `./${out}/`).replace(/\.ts$/, ".d.ts"), default: source.replace(/^\.\/src\//, `./${out}/`).replace(/\.ts$/, ".js") }]
        : [entry, source],
    ),
  ),
  typesVersions: { "*": Object.fromEntries(Object.keys(dev.exports).filter((e) => e !== "." && e.endsWith("package.json") === false).map((e) => [e.slice(2), [`${out}/${e.slice(2)}.d.ts`]])) },
  sideEffects: false,
  bin: { "bedrock-emulator": `${out}/cli.js` },
  files: ["dist", "README.md"],
  engines: dev.engines,
  dependencies,
};
writeFileSync(manifestPath, JSON.stringify(published, null, 2) + "\n");
