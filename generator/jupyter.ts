// Finding a Python that has Jupyter, shared by `npm start` and `npm run notebooks:exec`.
import { spawnSync } from "node:child_process";
import { KERNEL_DISPLAY_NAME } from "./install-kernel.mjs";

/**
 * BEDROCK_GUIDE_PYTHON picks the interpreter (a virtualenv's, say). Otherwise the Debian packages' python
 * comes first: on many machines `python3` on PATH is a pyenv build without Jupyter.
 */
export const pythonCandidates = () =>
  process.env.BEDROCK_GUIDE_PYTHON ? [process.env.BEDROCK_GUIDE_PYTHON] : ["/usr/bin/python3", "python3", "python"];

function has(python: string, modules: string): boolean {
  const r = spawnSync(python, ["-c", `import ${modules}`], { stdio: "ignore", timeout: 20000 });
  return r.status === 0;
}

/** A python that can execute notebooks headless (nbclient + nbformat), or undefined. */
export function pythonWithNbclient(): string | undefined {
  return pythonCandidates().find((p) => has(p, "nbclient, nbformat, jupyter_client"));
}

/** A python that can serve notebooks (the classic `notebook` package or JupyterLab), or undefined. */
export function pythonWithNotebookServer(): { python: string; module: "notebook" | "jupyterlab" } | undefined {
  for (const python of pythonCandidates()) {
    if (has(python, "notebook")) return { python, module: "notebook" };
    if (has(python, "jupyterlab")) return { python, module: "jupyterlab" };
  }
  return undefined;
}

export const HOW_TO_GET_JUPYTER = [
  "Jupyter is not installed (no python with nbclient/notebook found). Any one of these works:",
  "  pip install notebook nbclient            (or: pipx install notebook)",
  "  sudo apt install jupyter-notebook jupyter-nbconvert python3-nbclient   (Debian/Ubuntu)",
  "  VS Code + the Jupyter extension: open notebooks/<lang>/*.ipynb and pick the kernel",
  `  "${KERNEL_DISPLAY_NAME}" (registered by npm install; re-run with npm run kernel:install).`,
].join("\n");
