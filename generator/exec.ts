// `npm run notebooks:exec -- [--out DIR] [paths…]`: runs notebooks headless through the project's kernel.
// Without Jupyter it fails loudly; BEDROCK_GUIDE_SKIP_NOTEBOOKS=1 turns that into a loud, explicit skip.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { installKernel, KERNEL_NAME } from "./install-kernel.mjs";
import { HOW_TO_GET_JUPYTER, pythonWithNbclient } from "./jupyter";
import { projectRoot } from "./snippets";

function banner(lines: string): void {
  const bar = "!".repeat(78);
  console.error(`\n${bar}\n${lines}\n${bar}\n`);
}

export function allNotebooks(): string[] {
  return ["es", "en"].flatMap((lang) => {
    const dir = join(projectRoot, "notebooks", lang);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".ipynb"))
          .sort()
          .map((f) => join(dir, f))
      : [];
  });
}

/** The whole run's limit; past it the executor gets SIGTERM and stops its kernels (each cell also has --timeout). */
const TOTAL_TIMEOUT_MS = Number(process.env.BEDROCK_GUIDE_NOTEBOOKS_TIMEOUT_S ?? 30 * 60) * 1000;

function parse(argv: string[]): { passThrough: string[]; paths: string[] } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { out: { type: "string" }, jobs: { type: "string" }, timeout: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  for (const name of ["jobs", "timeout"] as const) {
    const v = values[name];
    if (v !== undefined && !/^[1-9]\d*$/.test(v)) throw new Error(`--${name} must be a positive integer, not ${JSON.stringify(v)}`);
  }
  const passThrough = [
    ...(values.out !== undefined ? ["--out", resolve(values.out)] : []),
    ...(values.jobs !== undefined ? ["--jobs", values.jobs] : []),
    ...(values.timeout !== undefined ? ["--timeout", values.timeout] : []),
  ];
  return { passThrough, paths: positionals.map((p) => resolve(p)) };
}

function main(): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(process.argv.slice(2));
  } catch (err) {
    throw new Error(`${(err as Error).message} (usage: notebooks:exec [--out DIR] [--jobs N] [--timeout SECONDS per cell] [paths…])`);
  }
  const { passThrough, paths } = parsed;
  const notebooks = paths.length ? paths : allNotebooks();
  const missing = notebooks.filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`no such notebook: ${missing.join(", ")}`);
  if (!notebooks.length) throw new Error("no notebooks to execute (run npm run notebooks:generate)");

  const python = pythonWithNbclient();
  if (!python) {
    if (process.env.BEDROCK_GUIDE_SKIP_NOTEBOOKS === "1") {
      banner(`NOTEBOOKS NOT EXECUTED (BEDROCK_GUIDE_SKIP_NOTEBOOKS=1): ${notebooks.length} notebooks unchecked.\n${HOW_TO_GET_JUPYTER}`);
      return 0;
    }
    banner(`CANNOT EXECUTE THE NOTEBOOKS.\n${HOW_TO_GET_JUPYTER}\nTo skip this step on purpose: BEDROCK_GUIDE_SKIP_NOTEBOOKS=1`);
    return 1;
  }
  // A private copy of the kernel spec, found first through JUPYTER_PATH: execution always uses this
  // checkout, whatever another clone registered in the user's Jupyter folder.
  const jupyterPath = join(projectRoot, ".cache", "jupyter");
  installKernel({ dataDir: jupyterPath });
  const env = {
    ...process.env,
    JUPYTER_PATH: [jupyterPath, process.env.JUPYTER_PATH].filter(Boolean).join(":"),
    // Executing notebooks never spends money unless the caller explicitly asked for live mode.
    BEDROCK_GUIDE_MODE: process.env.BEDROCK_GUIDE_MODE ?? "offline",
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
  };
  console.log(`notebooks:exec: ${notebooks.length} notebooks, mode ${env.BEDROCK_GUIDE_MODE}, kernel ${KERNEL_NAME} via ${python}`);
  const r = spawnSync(python, ["-Xfrozen_modules=off", join(projectRoot, "generator", "exec_notebooks.py"), "--kernel", KERNEL_NAME, ...passThrough, ...notebooks], {
    stdio: "inherit",
    env,
    timeout: TOTAL_TIMEOUT_MS,
    killSignal: "SIGTERM",
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT") {
    console.error(`notebooks:exec: stopped after ${TOTAL_TIMEOUT_MS / 1000} s (BEDROCK_GUIDE_NOTEBOOKS_TIMEOUT_S)`);
  }
  return r.status ?? 1;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`notebooks:exec: ${(err as Error).message}`);
  process.exitCode = 1;
}
