#!/usr/bin/env node
// Registers this checkout's Jupyter kernel spec ("bedrock-guide"): tslab run by the project's Node 22,
// with tsx's CommonJS require hook so notebooks can load the TypeScript sources of the workspace packages.
// Plain .mjs on purpose: it runs from `npm install` (postinstall) and must never fail the install.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { KERNEL_DISPLAY_NAME, KERNEL_NAME } from "../shared/kernel.mjs";

export { KERNEL_DISPLAY_NAME, KERNEL_NAME };

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The kernel.json for this checkout; absolute paths so Jupyter, JupyterLab and VS Code can start it from anywhere. */
export function kernelSpec(projectRoot = root) {
  const nm = join(projectRoot, "node_modules");
  return {
    argv: [
      join(nm, "node", "bin", "node"),
      join(nm, "tslab", "bin", "tslab"),
      "kernel",
      "--config-path",
      "{connection_file}",
    ],
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
    env: {
      // tsx's hook loads the workspace packages' TypeScript; the watcher ends the kernel when the
      // process that started it is gone (kernel-parent-watch.cjs); the bind guard keeps an early
      // request from killing a kernel that is still binding its sockets (kernel-bind-guard.cjs).
      NODE_OPTIONS: [
        join(nm, "tsx", "dist", "cjs", "index.cjs"),
        join(projectRoot, "generator", "kernel-parent-watch.cjs"),
        join(projectRoot, "generator", "kernel-bind-guard.cjs"),
      ]
        .map((file) => `--require ${file}`)
        .join(" "),
      // Suppresses tsx/Node experimental warnings that would otherwise land in every first cell's stderr.
      NODE_NO_WARNINGS: "1",
    },
    metadata: { bedrock_guide_root: projectRoot },
  };
}

/** The commands that print Jupyter's data dir, tried in order. */
export const DATA_DIR_COMMANDS = [
  ["jupyter", ["--data-dir"]],
  ["/usr/bin/python3", ["-m", "jupyter", "--data-dir"]],
];

/** Jupyter's per-user data dir: ask jupyter when present (it honours JUPYTER_DATA_DIR etc.), else the XDG default. */
export function jupyterDataDir(commands = DATA_DIR_COMMANDS) {
  if (process.env.JUPYTER_DATA_DIR) return process.env.JUPYTER_DATA_DIR;
  for (const cmd of commands) {
    try {
      const out = execFileSync(cmd[0], cmd[1], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 15000 })
        .trim()
        .split("\n")
        .pop();
      if (out && out.startsWith("/")) return out;
    } catch {
      // jupyter is optional; fall through to the default location
    }
  }
  const xdg = process.env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(xdg, "jupyter");
}

/**
 * Declarations for the kernel. tslab type-checks every TypeScript source a cell imports, but skips
 * declaration files (skipLibCheck). So the workspace packages' package.json files point tslab's
 * TypeScript (5.0, hence "typesVersions": {"<5.1": …}) at .cache/types, emitted here from their
 * sources in about a second; the project's own tsc (7) ignores that mapping and checks the sources.
 * It cut the first cell from about 5 s to 2 s. The mapping's paths are relative to the packages'
 * node_modules links (node_modules/<name>), which is how TypeScript resolves them.
 */
/** The newest modification time among the files the declarations come from. */
function newestSource(projectRoot) {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ["packages/bedrock-guide", "packages/emulator/src"]) visit(join(projectRoot, dir));
  return Math.max(newest, statSync(join(projectRoot, "tsconfig.types.json")).mtimeMs);
}

export function buildKernelTypes(projectRoot = root) {
  // Only when a source changed since the last build: kernels that are running read these files, and
  // rewriting them under a kernel (npm test runs notebooks beside tests that install the kernel)
  // could hand it a half-written declaration.
  const stamp = join(projectRoot, ".cache", "types", ".built");
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(projectRoot)) return;
  try {
    execFileSync(process.execPath, [join(projectRoot, "node_modules", "typescript", "bin", "tsc"), "-p", join(projectRoot, "tsconfig.types.json")], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 120000,
    });
  } catch (err) {
    // tsc still emits declarations when the sources have type errors (npm run typecheck reports
    // those); only a build that produced nothing may stop the kernel from starting.
    if (!existsSync(join(projectRoot, ".cache", "types", "packages", "bedrock-guide", "index.d.ts"))) throw err;
    const first = String(err.stdout ?? "").split("\n").find(Boolean);
    console.warn(`bedrock-guide: declarations emitted with type errors${first ? ` (${first})` : ""}; see npm run typecheck.`);
  }
  writeFileSync(stamp, new Date().toISOString() + "\n");
}

export function installKernel({ dataDir = jupyterDataDir(), projectRoot = root, buildTypes = true } = {}) {
  // Every path that (re)installs the kernel (npm install, npm start, notebooks:exec) refreshes them.
  if (buildTypes) buildKernelTypes(projectRoot);
  const dir = join(dataDir, "kernels", KERNEL_NAME);
  const file = join(dir, "kernel.json");
  const text = JSON.stringify(kernelSpec(projectRoot), null, 2) + "\n";
  const same = existsSync(file) && readFileSync(file, "utf8") === text;
  if (!same) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
  }
  return { file, changed: !same };
}

/** `npm run kernel:install` and postinstall: registers the kernel, saying what happened, and never fails. */
export function cli(options) {
  try {
    const { file, changed } = installKernel(options);
    console.log(`bedrock-guide: Jupyter kernel "${KERNEL_DISPLAY_NAME}" ${changed ? "registered" : "already registered"} at ${file}`);
  } catch (err) {
    // Never break npm install over an optional Jupyter integration.
    console.log(`bedrock-guide: could not register the Jupyter kernel (${err.message}); run \`npm run kernel:install\` later.`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) cli();
