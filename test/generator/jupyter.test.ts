// Which python notebooks:exec and npm start use: BEDROCK_GUIDE_PYTHON alone when set, else the Debian
// python first. Fake interpreters (shell scripts that "have" a fixed set of modules) make each case exact.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { HOW_TO_GET_JUPYTER, pythonCandidates, pythonWithNbclient, pythonWithNotebookServer } from "../../generator/jupyter";

const tmp = mkdtempSync(join(tmpdir(), "bedrock-guide-jupyter-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** A python that succeeds at `-c "import <modules>"` for exactly these import lines. */
function fakePython(name: string, imports: string[]): string {
  const file = join(tmp, name);
  const cases = imports.map((i) => `  "import ${i}") exit 0 ;;`).join("\n");
  writeFileSync(file, `#!/bin/sh\n[ "$1" = "-c" ] || exit 2\ncase "$2" in\n${cases}\nesac\nexit 1\n`);
  chmodSync(file, 0o755);
  return file;
}

describe("finding a python with Jupyter", () => {
  it("tries BEDROCK_GUIDE_PYTHON alone when set, else the Debian python, then python3 and python on PATH", () => {
    vi.stubEnv("BEDROCK_GUIDE_PYTHON", "");
    expect(pythonCandidates()).toEqual(["/usr/bin/python3", "python3", "python"]);
    vi.stubEnv("BEDROCK_GUIDE_PYTHON", "/opt/venv/bin/python");
    expect(pythonCandidates()).toEqual(["/opt/venv/bin/python"]);
  });

  it("finds none when BEDROCK_GUIDE_PYTHON does not exist", () => {
    vi.stubEnv("BEDROCK_GUIDE_PYTHON", join(tmp, "no-such-python"));
    expect(pythonWithNbclient()).toBeUndefined();
    expect(pythonWithNotebookServer()).toBeUndefined();
  });

  it("asks for nbclient, nbformat and jupyter_client to execute, and for notebook, else jupyterlab, to serve", () => {
    const full = fakePython("full", ["nbclient, nbformat, jupyter_client", "notebook", "jupyterlab"]);
    vi.stubEnv("BEDROCK_GUIDE_PYTHON", full);
    expect(pythonWithNbclient()).toBe(full);
    expect(pythonWithNotebookServer()).toEqual({ python: full, module: "notebook" });

    const lab = fakePython("lab", ["jupyterlab"]);
    vi.stubEnv("BEDROCK_GUIDE_PYTHON", lab);
    expect(pythonWithNbclient()).toBeUndefined();
    expect(pythonWithNotebookServer()).toEqual({ python: lab, module: "jupyterlab" });

    const partial = fakePython("partial", ["nbclient, nbformat", "nbclient"]);
    vi.stubEnv("BEDROCK_GUIDE_PYTHON", partial);
    expect(pythonWithNbclient()).toBeUndefined();
    expect(pythonWithNotebookServer()).toBeUndefined();
  });

  it.skipIf(!existsSync("/usr/bin/python3"))("takes /usr/bin/python3 exactly when it can import the executor's modules", () => {
    vi.stubEnv("BEDROCK_GUIDE_PYTHON", "/usr/bin/python3");
    const canExecute = spawnSync("/usr/bin/python3", ["-c", "import nbclient, nbformat, jupyter_client"], { timeout: 20_000 }).status === 0;
    expect(pythonWithNbclient()).toBe(canExecute ? "/usr/bin/python3" : undefined);
  });

  it("tells how to get Jupyter and names the kernel to pick", () => {
    expect(HOW_TO_GET_JUPYTER.split("\n")).toEqual([
      "Jupyter is not installed (no python with nbclient/notebook found). Any one of these works:",
      "  pip install notebook nbclient            (or: pipx install notebook)",
      "  sudo apt install jupyter-notebook jupyter-nbconvert python3-nbclient   (Debian/Ubuntu)",
      "  VS Code + the Jupyter extension: open notebooks/<lang>/*.ipynb and pick the kernel",
      '  "TypeScript (Bedrock guide)" (registered by npm install; re-run with npm run kernel:install).',
    ]);
  });
});
