// Builds the installable bedrock-guide package, for `npm pack` run in packages/bedrock-guide/.
//   prepack:  compile the lib to dist/ (CommonJS + .d.ts). The data files it imports from the
//             repository's data/ are emitted beside it by the compiler (dist/data/), so data/ stays
//             the one source. Then swap in the published package.json; the development one is kept
//             aside.
//   postpack: put the development package.json back and remove dist/.
//   --build-only: compile, leave package.json alone.
// bedrock-emulator is a peer: the lib is compiled against its declarations, built here into a
// temporary folder from packages/emulator (read, never written).
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(here, "..", "..");
const saved = join(here, ".package.dev.json");
const manifestPath = join(here, "package.json");
const mode = process.argv[2] ?? "--pack";

if (mode === "--restore") {
  if (existsSync(saved)) renameSync(saved, manifestPath);
  rmSync(join(here, "dist"), { recursive: true, force: true });
  process.exit(0);
}

function findUp(rel) {
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, rel))) return join(dir, rel);
    if (dirname(dir) === dir)
      throw new Error(
        `${rel} not found above ${here}: run npm install first`,
      );
  }
}
const tsc = findUp("node_modules/typescript/bin/tsc");
const compile = (args) =>
  execFileSync(process.execPath, [tsc, ...args], {
    stdio: "inherit",
    timeout: 5 * 60_000,
  });

// 1. The emulator's declarations, to compile against.
// Inside the package (a dot-folder, removed after), so that the compiler resolves what those
// declarations import (zod, the SDK) from the repository's node_modules.
const work = join(here, ".pack-work");
rmSync(work, { recursive: true, force: true });
try {
  const emulatorTypes = join(work, "emulator-types");
  compile([
    "-p",
    join(repo, "packages", "emulator", "tsconfig.build.json"),
    "--emitDeclarationOnly",
    "--outDir",
    emulatorTypes,
  ]);
  const config = join(work, "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(here, "tsconfig.build.json"),
      compilerOptions: {
        rootDir: repo,
        outDir: join(here, "dist"),
        paths: { "bedrock-emulator": [join(emulatorTypes, "index.d.ts")] },
      },
      files: [join(here, "index.ts"), join(here, "node.ts")],
    }),
  );
  // 2. Compile the lib.
  rmSync(join(here, "dist"), { recursive: true, force: true });
  compile(["-p", config]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
const built = join(here, "dist", "packages", "bedrock-guide");
for (const f of [
  "index.js",
  "index.d.ts",
  "node.js",
  join("..", "..", "data", "prices.json"),
]) {
  if (!existsSync(join(built, f)))
    throw new Error(`the build did not write ${join(built, f)}`);
}
if (mode === "--build-only") process.exit(0);

// 3. The published manifest.
const dev = JSON.parse(readFileSync(manifestPath, "utf8"));
if (existsSync(saved))
  throw new Error(
    `${saved} exists: a previous pack did not finish; restore it first (node scripts/prepack.mjs --restore)`,
  );
copyFileSync(manifestPath, saved);
const rootManifest = JSON.parse(
  readFileSync(join(repo, "package.json"), "utf8"),
);
const emulatorManifest = JSON.parse(
  readFileSync(join(repo, "packages", "emulator", "package.json"), "utf8"),
);
const rangeOf = (name) => {
  const range =
    dev.dependencies?.[name] ??
    rootManifest.dependencies?.[name] ??
    rootManifest.devDependencies?.[name];
  if (!range)
    throw new Error(
      `No version range for ${name} in packages/bedrock-guide/ or the root package.json`,
    );
  return range;
};
const ranges = (names) =>
  Object.fromEntries(names.map((name) => [name, rangeOf(name)]));
const lib = "dist/packages/bedrock-guide";
const published = {
  name: dev.name,
  version: dev.version,
  description:
    "The Amazon Bedrock guide's kit: session mode (offline against bedrock-emulator, or live), cost meter, prices, error advice in Spanish and English, and prompt checks.",
  license: rootManifest.license,
  main: `${lib}/node.js`,
  types: `${lib}/index.d.ts`,
  exports: {
    ".": {
      types: `./${lib}/index.d.ts`,
      browser: `./${lib}/index.js`,
      node: `./${lib}/node.js`,
      default: `./${lib}/index.js`,
    },
    "./package.json": "./package.json",
  },
  files: ["dist"],
  engines: rootManifest.engines,
  // What the lib's own code needs, installed with it.
  dependencies: ranges(["@aws-sdk/credential-providers", "tinyld", "zod"]),
  // The AWS SDK clients the reader's code shares with the lib (its session instruments them), and
  // the emulator that offline mode starts: one copy each, the reader's.
  peerDependencies: {
    ...ranges([
      "@aws-sdk/client-bedrock",
      "@aws-sdk/client-bedrock-runtime",
      "@aws-sdk/client-bedrock-agent",
      "@aws-sdk/client-bedrock-agent-runtime",
      "@aws-sdk/client-sts",
    ]),
    "bedrock-emulator": `^${emulatorManifest.version}`,
  },
};
writeFileSync(manifestPath, JSON.stringify(published, null, 2) + "\n");
