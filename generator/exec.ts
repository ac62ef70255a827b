// `npm run notebooks:exec -- [--out DIR] [--each-chapter-once | paths…]`: runs notebooks headless through the project's kernel.
// Without Jupyter it fails loudly; BEDROCK_GUIDE_SKIP_NOTEBOOKS=1 turns that into a loud, explicit skip.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { installKernel, KERNEL_NAME } from "./install-kernel.mjs";
import { HOW_TO_GET_JUPYTER, pythonWithNbclient } from "./jupyter";
import { projectRoot } from "./snippets";

function banner(lines: string): void {
  const bar = "!".repeat(78);
  console.error(`\n${bar}\n${lines}\n${bar}\n`);
}

export function allNotebooks(root = projectRoot): string[] {
  return ["es", "en"].flatMap((lang) => {
    const dir = join(root, "notebooks", lang);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".ipynb"))
          .sort()
          .map((f) => join(dir, f))
      : [];
  });
}

/**
 * Each chapter once, the languages taking turns (chapter 00 in Spanish, 01 in English, …): the two
 * languages' notebooks hold the same code cells (test/generator/translations.test.ts), so this runs
 * every cell, and each language's strings at run time, in half the time. `npm test` runs these;
 * `npm run test:full` runs every notebook.
 */
export function eachChapterOnce(root = projectRoot): string[] {
  const all = allNotebooks(root);
  const chapters = [...new Set(all.map((p) => basename(p)))].sort();
  return chapters.flatMap((chapter, i) => {
    const preferred = ["es", "en"][i % 2]!;
    const inLanguage = (lang: string) => all.find((p) => basename(p) === chapter && basename(dirname(p)) === lang);
    return [inLanguage(preferred) ?? inLanguage(preferred === "es" ? "en" : "es")!];
  });
}

/** The command line: options for exec_notebooks.py (paths made absolute) and the notebooks to run. Throws on anything else. */
export function parseExecArgs(argv: string[]): { passThrough: string[]; paths: string[]; eachChapterOnce: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      out: { type: "string" },
      jobs: { type: "string" },
      timeout: { type: "string" },
      "each-chapter-once": { type: "boolean" },
    },
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
  const eachChapter = values["each-chapter-once"] ?? false;
  if (eachChapter && positionals.length) throw new Error("--each-chapter-once picks the notebooks itself: give no paths with it");
  return { passThrough, paths: positionals.map((p) => resolve(p)), eachChapterOnce: eachChapter };
}

/** What notebooks:exec reaches outside this process through; tests pass fakes. */
export interface ExecDeps {
  env: NodeJS.ProcessEnv;
  /** The checkout whose notebooks/, kernel and executor are used. */
  root: string;
  findPython: () => string | undefined;
  registerKernel: (options: { dataDir: string }) => unknown;
  run: (command: string, args: string[], options: SpawnSyncOptions) => { status: number | null; error?: Error };
}

/** `notebooks:exec` without the process around it: returns the exit code. */
export function execNotebooks(argv: string[], deps: Partial<ExecDeps> = {}): number {
  const { env = process.env, root = projectRoot, findPython = pythonWithNbclient, registerKernel = installKernel, run = spawnSync } = deps;
  let parsed: ReturnType<typeof parseExecArgs>;
  try {
    parsed = parseExecArgs(argv);
  } catch (err) {
    throw new Error(`${(err as Error).message} (usage: notebooks:exec [--out DIR] [--jobs N] [--timeout SECONDS per cell] [--each-chapter-once | paths…])`);
  }
  const { passThrough, paths } = parsed;
  const notebooks = paths.length ? paths : parsed.eachChapterOnce ? eachChapterOnce(root) : allNotebooks(root);
  const missing = notebooks.filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`no such notebook: ${missing.join(", ")}`);
  if (!notebooks.length) throw new Error("no notebooks to execute (run npm run notebooks:generate)");

  /** The whole run's limit; past it the executor gets SIGTERM and stops its kernels (each cell also has --timeout). */
  const totalTimeoutMs = Number(env.BEDROCK_GUIDE_NOTEBOOKS_TIMEOUT_S ?? 30 * 60) * 1000;
  const python = findPython();
  if (!python) {
    if (env.BEDROCK_GUIDE_SKIP_NOTEBOOKS === "1") {
      banner(`NOTEBOOKS NOT EXECUTED (BEDROCK_GUIDE_SKIP_NOTEBOOKS=1): ${notebooks.length} notebooks unchecked.\n${HOW_TO_GET_JUPYTER}`);
      return 0;
    }
    banner(`CANNOT EXECUTE THE NOTEBOOKS.\n${HOW_TO_GET_JUPYTER}\nTo skip this step on purpose: BEDROCK_GUIDE_SKIP_NOTEBOOKS=1`);
    return 1;
  }
  // A private copy of the kernel spec, found first through JUPYTER_PATH: execution always uses this
  // checkout, whatever another clone registered in the user's Jupyter folder.
  const jupyterPath = join(root, ".cache", "jupyter");
  registerKernel({ dataDir: jupyterPath });
  const childEnv = {
    ...env,
    JUPYTER_PATH: [jupyterPath, env.JUPYTER_PATH].filter(Boolean).join(":"),
    // Executing notebooks never spends money unless the caller explicitly asked for live mode.
    BEDROCK_GUIDE_MODE: env.BEDROCK_GUIDE_MODE ?? "offline",
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
  };
  console.log(`notebooks:exec: ${notebooks.length} notebooks, mode ${childEnv.BEDROCK_GUIDE_MODE}, kernel ${KERNEL_NAME} via ${python}`);
  const r = run(python, ["-Xfrozen_modules=off", join(root, "generator", "exec_notebooks.py"), "--kernel", KERNEL_NAME, ...passThrough, ...notebooks], {
    stdio: "inherit",
    env: childEnv,
    timeout: totalTimeoutMs,
    killSignal: "SIGTERM",
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT") {
    console.error(`notebooks:exec: stopped after ${totalTimeoutMs / 1000} s (BEDROCK_GUIDE_NOTEBOOKS_TIMEOUT_S)`);
  }
  return r.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = execNotebooks(process.argv.slice(2));
  } catch (err) {
    console.error(`notebooks:exec: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
