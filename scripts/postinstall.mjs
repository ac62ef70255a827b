#!/usr/bin/env node
// npm install's last words: registers the notebooks' kernel, checks every installed package's
// `engines.node` against the Node that runs them (this one, the project's), and says which Node
// runs what (.npmrc says why npm's own engine warnings are off). Plain .mjs; it never fails the install.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { cli as installKernel } from "../generator/install-kernel.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Every package.json under node_modules (scoped and nested ones included). */
function* installedPackages(dir) {
  let names;
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of names) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith("@")) {
      yield* installedPackages(path);
      continue;
    }
    try {
      yield JSON.parse(readFileSync(join(path, "package.json"), "utf8"));
    } catch {
      // not a package folder
    }
    yield* installedPackages(join(path, "node_modules"));
  }
}

/** Packages whose engines.node the given Node version does not satisfy: "name@version wants range". */
export function engineMismatches(nodeModules, nodeVersion) {
  const found = new Set();
  for (const pkg of installedPackages(nodeModules)) {
    const range = pkg.engines?.node;
    if (typeof range === "string" && semver.validRange(range) && !semver.satisfies(nodeVersion, range, { includePrerelease: true }))
      found.add(`${pkg.name}@${pkg.version} wants Node ${range}`);
  }
  return [...found].sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  installKernel();
  try {
    const mismatches = engineMismatches(join(root, "node_modules"), process.version);
    for (const m of mismatches) console.log(`bedrock-guide: WARNING ${m}, and Node ${process.version} runs it`);
  } catch (err) {
    console.log(`bedrock-guide: could not check the packages' engines (${err.message})`);
  }
  let npmNode = "another Node";
  try {
    // npm_node_execpath: the Node that runs npm (npm sets it for lifecycle scripts).
    if (process.env.npm_node_execpath)
      npmNode = `Node ${execFileSync(process.env.npm_node_execpath, ["--version"], { encoding: "utf8", timeout: 10_000 }).trim()}`;
  } catch {
    // the summary holds without the version
  }
  console.log(`bedrock-guide: installed. npm ran on ${npmNode}; the guide runs on Node ${process.version} from the \`node\` package (npm start, npm test, the notebooks' kernel).`);
  console.log("bedrock-guide: next, `npm start` (offline: no AWS account needed) or `npm test`.");
}
