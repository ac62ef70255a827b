// `npm run notebooks:exec -- [--out DIR] [paths…]`: runs notebooks headless through the project's kernel.
// Without Jupyter it fails loudly; BEDROCK_GUIDE_SKIP_NOTEBOOKS=1 turns that into a loud, explicit skip.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { installKernel } from "./install-kernel.mjs";
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

function main(): number {
  const args = process.argv.slice(2);
  const passThrough: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--out" || a === "--jobs" || a === "--timeout") {
      const value = args[++i];
      if (!value) throw new Error(`${a} needs a value`);
      passThrough.push(a, a === "--out" ? resolve(value) : value);
    } else if (a.startsWith("--")) {
      throw new Error(`unknown option ${a} (known: --out DIR, --jobs N, --timeout SECONDS)`);
    } else {
      paths.push(resolve(a));
    }
  }
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
  console.log(`notebooks:exec: ${notebooks.length} notebooks, mode ${env.BEDROCK_GUIDE_MODE}, kernel bedrock-guide via ${python}`);
  const r = spawnSync(python, ["-Xfrozen_modules=off", join(projectRoot, "generator", "exec_notebooks.py"), ...passThrough, ...notebooks], {
    stdio: "inherit",
    env,
  });
  return r.status ?? 1;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`notebooks:exec: ${(err as Error).message}`);
  process.exitCode = 1;
}
