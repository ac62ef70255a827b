// notebooks:exec's decisions, in-process: its command line, which notebooks it runs, what happens without
// Jupyter, and the exact command it hands to the executor. The executor itself (exec_notebooks.py through
// a real kernel) is tested end to end in test/slow/notebooks-exec.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SpawnSyncOptions } from "node:child_process";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { allNotebooks, eachChapterOnce, execNotebooks, parseExecArgs } from "../../generator/exec";
import { HOW_TO_GET_JUPYTER } from "../../generator/jupyter";

const tmp = mkdtempSync(join(tmpdir(), "bedrock-guide-exec-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const cwd = process.cwd();
const BAR = "!".repeat(78);

/** A checkout with notebooks/es/{b,a}.ipynb, notebooks/en/c.ipynb and a file that is no notebook. */
function checkout(): string {
  const root = mkdtempSync(join(tmp, "root-"));
  for (const [lang, names] of [["es", ["b.ipynb", "a.ipynb", "notes.txt"]], ["en", ["c.ipynb"]]] as const) {
    mkdirSync(join(root, "notebooks", lang), { recursive: true });
    for (const n of names) writeFileSync(join(root, "notebooks", lang, n), "{}");
  }
  return root;
}

describe("eachChapterOnce", () => {
  it("takes every chapter once, Spanish and English in turn by chapter, the other language where one is missing", () => {
    const root = mkdtempSync(join(tmp, "chapters-"));
    const files = { es: ["00-a.ipynb", "01-b.ipynb", "02-c.ipynb", "03-d.ipynb"], en: ["00-a.ipynb", "01-b.ipynb", "03-d.ipynb"] };
    for (const [lang, names] of Object.entries(files)) {
      mkdirSync(join(root, "notebooks", lang), { recursive: true });
      for (const n of names) writeFileSync(join(root, "notebooks", lang, n), "{}");
    }
    expect(eachChapterOnce(root).map((p) => p.slice(root.length + 1))).toEqual([
      "notebooks/es/00-a.ipynb",
      "notebooks/en/01-b.ipynb",
      "notebooks/es/02-c.ipynb",
      "notebooks/en/03-d.ipynb",
    ]);
  });

  it("in this checkout, runs each chapter of notebooks/es once, in both languages overall", () => {
    const chosen = eachChapterOnce();
    expect(chosen.map((p) => p.split("/").at(-1)).sort()).toEqual(allNotebooks().filter((p) => p.includes("/es/")).map((p) => p.split("/").at(-1)).sort());
    expect(new Set(chosen.map((p) => p.split("/").at(-2)))).toEqual(new Set(["es", "en"]));
  });
});

describe("parseExecArgs", () => {
  it("passes --out (made absolute), --jobs and --timeout through, and resolves the notebook paths", () => {
    expect(parseExecArgs([])).toEqual({ passThrough: [], paths: [], eachChapterOnce: false });
    expect(parseExecArgs(["--each-chapter-once"])).toMatchObject({ paths: [], eachChapterOnce: true });
    expect(() => parseExecArgs(["--each-chapter-once", "a.ipynb"])).toThrow(/give no paths with it/);
    expect(parseExecArgs(["--out", "o", "--jobs", "2", "--timeout=30", "a.ipynb", "/abs/b.ipynb"])).toEqual({
      passThrough: ["--out", `${cwd}/o`, "--jobs", "2", "--timeout", "30"],
      paths: [`${cwd}/a.ipynb`, "/abs/b.ipynb"],
      eachChapterOnce: false,
    });
    expect(parseExecArgs(["--timeout", "600", "--jobs", "10", "--out=/x/y"])).toEqual({
      passThrough: ["--out", "/x/y", "--jobs", "10", "--timeout", "600"],
      paths: [],
      eachChapterOnce: false,
    });
  });

  it("refuses unknown and misspelt options instead of guessing", () => {
    expect(() => parseExecArgs(["--outdir=x"])).toThrow(/^Unknown option '--outdir'/);
    expect(() => parseExecArgs(["--job", "2"])).toThrow(/^Unknown option '--job'/);
    expect(() => parseExecArgs(["--out"])).toThrow(/--out/);
  });

  it("takes only positive integers for --jobs and --timeout", () => {
    for (const bad of ["two", "0", "01", "-3", "1.5", "2x", "x2", ""]) {
      expect(() => parseExecArgs([`--jobs=${bad}`])).toThrow(`--jobs must be a positive integer, not ${JSON.stringify(bad)}`);
      expect(() => parseExecArgs([`--timeout=${bad}`])).toThrow(`--timeout must be a positive integer, not ${JSON.stringify(bad)}`);
    }
  });
});

describe("allNotebooks", () => {
  it("lists the Spanish notebooks, then the English ones, each sorted, and nothing else", () => {
    const root = checkout();
    expect(allNotebooks(root)).toEqual([
      join(root, "notebooks/es/a.ipynb"),
      join(root, "notebooks/es/b.ipynb"),
      join(root, "notebooks/en/c.ipynb"),
    ]);
    rmSync(join(root, "notebooks", "es"), { recursive: true });
    expect(allNotebooks(root)).toEqual([join(root, "notebooks/en/c.ipynb")]);
    expect(allNotebooks(join(tmp, "nowhere"))).toEqual([]);
  });
});

describe("execNotebooks", () => {
  type Call = { command: string; args: string[]; options: SpawnSyncOptions };
  const fakes = (root: string, result: { status: number | null; error?: Error } = { status: 0 }, env: NodeJS.ProcessEnv = {}) => {
    const calls: Call[] = [];
    const kernels: { dataDir: string }[] = [];
    const deps = {
      root,
      env,
      findPython: () => "/fake/python3",
      registerKernel: (o: { dataDir: string }) => kernels.push(o),
      run: (command: string, args: string[], options: SpawnSyncOptions) => {
        calls.push({ command, args, options });
        return result;
      },
    };
    return { calls, kernels, deps };
  };

  it("refuses bad arguments with the usage, missing notebooks by name, and an empty checkout", () => {
    const root = checkout();
    const { deps, calls } = fakes(root);
    expect(() => execNotebooks(["--jobs", "0"], deps)).toThrow(
      '--jobs must be a positive integer, not "0" (usage: notebooks:exec [--out DIR] [--jobs N] [--timeout SECONDS per cell] [--each-chapter-once | paths…])',
    );
    expect(() => execNotebooks(["--outdir=x"], deps)).toThrow(/^Unknown option '--outdir'.* \(usage: notebooks:exec \[--out DIR\]/);
    expect(() => execNotebooks([join(root, "notebooks/es/a.ipynb"), "/nope/x.ipynb", "/nope/y.ipynb"], deps)).toThrow(
      "no such notebook: /nope/x.ipynb, /nope/y.ipynb",
    );
    expect(() => execNotebooks([], { ...deps, root: mkdtempSync(join(tmp, "empty-")) })).toThrow(
      "no notebooks to execute (run npm run notebooks:generate)",
    );
    expect(calls).toEqual([]);
  });

  it("without Jupyter fails loudly, and skips only when BEDROCK_GUIDE_SKIP_NOTEBOOKS is exactly 1", () => {
    const root = checkout();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { deps, calls, kernels } = fakes(root);
    const noPython = { ...deps, findPython: () => undefined };
    expect(execNotebooks([], noPython)).toBe(1);
    expect(errors.mock.calls).toEqual([
      [`\n${BAR}\nCANNOT EXECUTE THE NOTEBOOKS.\n${HOW_TO_GET_JUPYTER}\nTo skip this step on purpose: BEDROCK_GUIDE_SKIP_NOTEBOOKS=1\n${BAR}\n`],
    ]);
    expect(execNotebooks([], { ...noPython, env: { BEDROCK_GUIDE_SKIP_NOTEBOOKS: "true" } })).toBe(1);
    errors.mockClear();
    expect(execNotebooks([], { ...noPython, env: { BEDROCK_GUIDE_SKIP_NOTEBOOKS: "1" } })).toBe(0);
    expect(errors.mock.calls).toEqual([[`\n${BAR}\nNOTEBOOKS NOT EXECUTED (BEDROCK_GUIDE_SKIP_NOTEBOOKS=1): 3 notebooks unchecked.\n${HOW_TO_GET_JUPYTER}\n${BAR}\n`]]);
    expect({ calls, kernels }).toEqual({ calls: [], kernels: [] });
  });

  it("registers a private kernel spec and runs exec_notebooks.py offline on the given notebooks, with the options passed through", () => {
    const root = checkout();
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    const { deps, calls, kernels } = fakes(root, { status: 0 }, { HOME: "/home/x", BEDROCK_GUIDE_SKIP_NOTEBOOKS: "1" });
    const a = join(root, "notebooks/es/a.ipynb");
    const c = join(root, "notebooks/en/c.ipynb");
    expect(execNotebooks(["--out", "/o", "--jobs", "2", c, a], deps)).toBe(0);
    expect(kernels).toEqual([{ dataDir: join(root, ".cache/jupyter") }]);
    expect(calls).toEqual([
      {
        command: "/fake/python3",
        args: ["-Xfrozen_modules=off", join(root, "generator/exec_notebooks.py"), "--kernel", "bedrock-guide", "--out", "/o", "--jobs", "2", c, a],
        options: {
          stdio: "inherit",
          env: {
            HOME: "/home/x",
            BEDROCK_GUIDE_SKIP_NOTEBOOKS: "1",
            JUPYTER_PATH: join(root, ".cache/jupyter"),
            BEDROCK_GUIDE_MODE: "offline",
            PYDEVD_DISABLE_FILE_VALIDATION: "1",
          },
          // The whole run's limit: 30 minutes unless BEDROCK_GUIDE_NOTEBOOKS_TIMEOUT_S says otherwise.
          timeout: 1_800_000,
          killSignal: "SIGTERM",
        },
      },
    ]);
    expect(logs.mock.calls).toEqual([["notebooks:exec: 2 notebooks, mode offline, kernel bedrock-guide via /fake/python3"]]);
  });

  it("runs every notebook when given none, keeps an explicit mode and the caller's JUPYTER_PATH after its own", () => {
    const root = checkout();
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    const { deps, calls } = fakes(root, { status: 0 }, { BEDROCK_GUIDE_MODE: "live", JUPYTER_PATH: "/theirs" });
    expect(execNotebooks([], deps)).toBe(0);
    expect(calls[0]!.args.slice(4)).toEqual(allNotebooks(root));
    expect(calls[0]!.options.env).toEqual({
      BEDROCK_GUIDE_MODE: "live",
      JUPYTER_PATH: `${join(root, ".cache/jupyter")}:/theirs`,
      PYDEVD_DISABLE_FILE_VALIDATION: "1",
    });
    expect(logs.mock.calls).toEqual([["notebooks:exec: 3 notebooks, mode live, kernel bedrock-guide via /fake/python3"]]);
  });

  it("returns the executor's exit code, 1 when it has none, and says so when the run's time limit stopped it", () => {
    const root = checkout();
    vi.spyOn(console, "log").mockImplementation(() => {});
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(execNotebooks([], fakes(root, { status: 3 }).deps)).toBe(3);
    expect(execNotebooks([], fakes(root, { status: null, error: Object.assign(new Error("spawn"), { code: "ENOENT" }) }).deps)).toBe(1);
    expect(errors).not.toHaveBeenCalled();
    const timedOut = { status: null, error: Object.assign(new Error("spawnSync"), { code: "ETIMEDOUT" }) };
    expect(execNotebooks([], fakes(root, timedOut).deps)).toBe(1);
    const limited = fakes(root, timedOut, { BEDROCK_GUIDE_NOTEBOOKS_TIMEOUT_S: "5" });
    expect(execNotebooks([], limited.deps)).toBe(1);
    expect(limited.calls[0]!.options.timeout).toBe(5000);
    expect(errors.mock.calls).toEqual([
      ["notebooks:exec: stopped after 1800 s (BEDROCK_GUIDE_NOTEBOOKS_TIMEOUT_S)"],
      ["notebooks:exec: stopped after 5 s (BEDROCK_GUIDE_NOTEBOOKS_TIMEOUT_S)"],
    ]);
  });
});
