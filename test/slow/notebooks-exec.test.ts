// notebooks:exec end to end on small notebooks written here: a failing cell fails the run and is printed,
// rich outputs land in the --out copies, and a missing Jupyter is loud (or an explicit, loud skip).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pythonWithNbclient } from "../../generator/jupyter";
import { KERNELSPEC } from "../../generator/notebook";
import { projectRoot } from "../../generator/snippets";

// Without Jupyter these tests fail, like npm test's notebook step, unless the skip is explicit;
// then vitest lists them as skipped.
const skipKernel = !pythonWithNbclient() && process.env.BEDROCK_GUIDE_SKIP_NOTEBOOKS === "1";

// Inside the project so the kernel resolves bedrock-guide and tslab from node_modules; one folder per run,
// so two runs in one checkout never share files.
mkdirSync(join(projectRoot, ".cache"), { recursive: true });
const dir = mkdtempSync(join(projectRoot, ".cache", "exec-test-"));
const out = join(dir, "out");
// spawnSync blocks the worker, so vitest's hook timeout cannot stop it: the child gets its own limit, below the hook's.
const RUN_LIMIT_MS = 150_000;

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({ cell_type: "code", execution_count: null, id: `c${i}`, metadata: {}, outputs: [], source })),
    metadata: { kernelspec: KERNELSPEC },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

function exec(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(projectRoot, "node_modules/tsx/dist/cli.mjs"), join(projectRoot, "generator/exec.ts"), ...args], {
    cwd: projectRoot,
    env: { ...process.env, BEDROCK_GUIDE_MODE: "offline", ...env },
    encoding: "utf8",
    timeout: RUN_LIMIT_MS,
  });
  if (r.error) throw new Error(`notebooks:exec did not finish: ${r.error.message}\n${r.stdout}${r.stderr}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

let run: ReturnType<typeof exec>;

beforeAll(() => {
  if (skipKernel) return;
  writeFileSync(
    join(dir, "good.ipynb"),
    notebook([
      'import { show } from "bedrock-guide";\nconst rows = [{ model: "a", tokens: 3 }, { model: "b", tokens: 5 }];',
      "show.table(rows);",
      'show.svg(`<svg xmlns="http://www.w3.org/2000/svg" width="${rows.length * 10}" height="10"></svg>`);',
      "const total = await Promise.resolve(rows.reduce((sum, r) => sum + r.tokens, 0));\nconsole.log(`total ${total}`);",
    ]),
  );
  writeFileSync(
    join(dir, "bad.ipynb"),
    notebook(['console.log("first");', 'throw new Error("boom " + (6 * 7));', 'console.log("never runs");']),
  );
  writeFileSync(
    join(dir, "silent.ipynb"),
    notebook(['import { show } from "bedrock-guide";\nconst picture: Uint8Array | undefined = undefined;\nif (picture) show.png(picture);']),
  );
  run = exec(["--out", out, join(dir, "good.ipynb"), join(dir, "bad.ipynb"), join(dir, "silent.ipynb")]);
}, RUN_LIMIT_MS + 10_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("notebooks:exec", () => {
  it.skipIf(skipKernel)("fails the run on a cell error and prints the failing cell with its error", () => {
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/FAIL .*bad\.ipynb: code cell #1/);
    expect(run.output).toContain('throw new Error("boom " + (6 * 7));');
    expect(run.output).toContain("boom 42");
    expect(run.output).toMatch(/ok +.*good\.ipynb/);
    expect(run.output).toContain("2 of 3 notebooks failed");
  });

  it.skipIf(skipKernel)("fails a cell that calls show.png but displays no picture", () => {
    expect(run.output).toMatch(/FAIL .*silent\.ipynb: code cell #0 \(the cell calls show\.\* but displayed no image\/png\)/);
  });

  it.skipIf(skipKernel)("writes executed copies with rich outputs to --out", () => {
    const nb = JSON.parse(readFileSync(join(out, "good.ipynb"), "utf8")) as {
      cells: { outputs: { output_type: string; data?: Record<string, string | string[]>; text?: string | string[] }[] }[];
    };
    const data = (i: number, mime: string) => [nb.cells[i]!.outputs.find((o) => o.output_type === "display_data")?.data?.[mime] ?? ""].flat().join("");
    expect(data(1, "text/html")).toMatch(/<table[\s\S]*<td[^>]*>a<\/td>[\s\S]*<td[^>]*>5<\/td>/);
    expect(data(2, "image/svg+xml")).toContain('width="20"');
    expect([nb.cells[3]!.outputs[0]?.text ?? ""].flat().join("")).toBe("total 8\n");
  });

  it.skipIf(skipKernel)("also writes the failed notebook to --out, up to the failing cell", () => {
    const nb = JSON.parse(readFileSync(join(out, "bad.ipynb"), "utf8")) as { cells: { outputs: { text?: string | string[] }[] }[] };
    const text = (i: number) => nb.cells[i]!.outputs.map((o) => [o.text ?? ""].flat().join("")).join("");
    expect(text(0)).toBe("first\n");
    expect(text(1)).toContain("boom 42");
    expect(nb.cells[2]!.outputs).toEqual([]);
  });

  it("refuses an unknown or misspelt option instead of guessing", () => {
    const r = exec(["--outdir=x", join(dir, "good.ipynb")]);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/Unknown option '--outdir'/);
    const jobs = exec(["--jobs", "two", join(dir, "good.ipynb")]);
    expect(jobs.status).toBe(1);
    expect(jobs.output).toContain('--jobs must be a positive integer, not "two"');
  });

  it("fails loudly without Jupyter, and skips only when told to, saying so", () => {
    const missing = exec([join(dir, "good.ipynb")], { BEDROCK_GUIDE_PYTHON: "/nonexistent/python3" });
    expect(missing.status).toBe(1);
    expect(missing.output).toContain("CANNOT EXECUTE THE NOTEBOOKS");
    expect(missing.output).toContain("pip install notebook");
    const skipped = exec([join(dir, "good.ipynb")], { BEDROCK_GUIDE_PYTHON: "/nonexistent/python3", BEDROCK_GUIDE_SKIP_NOTEBOOKS: "1" });
    expect(skipped.status).toBe(0);
    expect(skipped.output).toContain("NOTEBOOKS NOT EXECUTED (BEDROCK_GUIDE_SKIP_NOTEBOOKS=1): 1 notebooks unchecked");
  });
});
