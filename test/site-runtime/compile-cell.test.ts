// The page's cell compiler (site/runtime/compile-cell.ts), judged by running its output: cells must
// behave as the notebook's kernel runs them (tslab): declarations carry to later cells, top-level
// await works, a later cell may declare a name again, imports resolve through the page's modules.
import { describe, expect, it } from "vitest";
import {
  CELL_PARAMETERS,
  CellSyntaxError,
  compileCell,
} from "../../site/runtime/compile-cell";

const AsyncFunction = Object.getPrototypeOf(async () => {})
  .constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;

/** Runs cells in order with one shared scope, as the page does; returns each cell's last value. */
async function runCells(
  cells: string[],
  modules: Record<string, unknown> = {},
) {
  const scope: Record<string, unknown> = {};
  const known: string[] = [];
  const values: unknown[] = [];
  const printed: string[] = [];
  // The global console, as the page's runner points it at the running cell.
  const log = console.log;
  console.log = (...a: unknown[]) => printed.push(a.join(" "));
  try {
    for (const cell of cells) {
      const { body, declares } = compileCell(cell, known);
      known.push(...declares.filter((n) => !known.includes(n)));
      const run = new AsyncFunction(...CELL_PARAMETERS, body);
      values.push(
        await run(
          scope,
          async (name: string) => modules[name],
          {},
          undefined,
        ),
      );
    }
  } finally {
    console.log = log;
  }
  return { values, printed, scope };
}

describe("compileCell", () => {
  it("strips the types and lets later cells use what earlier ones declared", async () => {
    const { printed } = await runCells([
      "const greeting: string = 'hola';\nfunction shout(s: string): string { return s.toUpperCase(); }\ninterface Unused { a: number }",
      "console.log(shout(greeting));",
    ]);
    expect(printed).toEqual(["HOLA"]);
  });

  it("runs top-level await, and returns the last expression's value as a kernel shows it", async () => {
    const { values } = await runCells([
      "const n = await Promise.resolve(20);\nn + 1",
    ]);
    expect(values).toEqual([21]);
  });

  it("resolves imports through the page's modules: named, renamed, default and namespace", async () => {
    const lib = {
      default: "the default",
      say: (s: string) => `said ${s}`,
      other: 2,
    };
    const { printed } = await runCells(
      [
        'import def, { say, other as two } from "bedrock-guide";\nimport * as all from "bedrock-guide";',
        "console.log(def, say('x'), two, all.other);",
      ],
      { "bedrock-guide": lib },
    );
    expect(printed).toEqual(["the default said x 2 2"]);
  });

  it("keeps an import a cell does not use itself, for the cells after it (tslab keeps it too)", async () => {
    const { printed } = await runCells(
      [
        'import { say } from "bedrock-guide";',
        "console.log(say('later'));",
      ],
      {
        "bedrock-guide": { say: (s: string) => s.toUpperCase() },
      },
    );
    expect(printed).toEqual(["LATER"]);
  });

  it("lets a later cell declare a name again, and the cells after it see the new value", async () => {
    const { printed } = await runCells([
      "const model = 'a';",
      "const model = 'b';",
      "console.log(model);",
    ]);
    expect(printed).toEqual(["b"]);
  });

  it("carries a reassigned `let` and destructured names to later cells", async () => {
    const { printed } = await runCells([
      "let count = 1;\nconst { a, b: [c] } = { a: 'A', b: ['C'] };",
      "count += 1;",
      "console.log(count, a, c);",
    ]);
    expect(printed).toEqual(["2 A C"]);
  });

  it("keeps what a cell declared before it threw, as a kernel does", async () => {
    const scope: Record<string, unknown> = {};
    const { body, declares } = compileCell(
      "const before = 1;\nthrow new Error('boom');\nconst after = 2;",
    );
    await expect(
      new AsyncFunction(...CELL_PARAMETERS, body)(
        scope,
        async () => ({}),
        {},
        undefined,
      ),
    ).rejects.toThrow("boom");
    expect(declares).toEqual(["before", "after"]);
    expect(scope).toEqual({ before: 1 });
  });

  it("turns `export` declarations into plain ones", async () => {
    const { printed } = await runCells([
      "export function double(n: number) { return n * 2; }\nexport const ten = 10;",
      "console.log(double(ten));",
    ]);
    expect(printed).toEqual(["20"]);
  });

  it("reports code that is not TypeScript as a SyntaxError", () => {
    expect(() => compileCell("const = 3;")).toThrow(CellSyntaxError);
  });
});
