import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { generateNotebooks } from "../../generator/generate";
import { projectRoot } from "../../generator/snippets";

// Spanish and English tell the same lesson: same code cells in the same order, and the same
// sections. Prose may differ; structure may not.
interface Cell {
  cell_type: "code" | "markdown";
  source: string | string[];
}

function cellsOf(json: string): Cell[] {
  return (JSON.parse(json) as { cells: Cell[] }).cells;
}

const text = (cell: Cell) => [cell.source].flat().join("");
const headingLevels = (cells: Cell[]) =>
  cells.filter((c) => c.cell_type === "markdown").flatMap((c) => text(c).split("\n").filter((l) => /^#{1,6} /.test(l)).map((l) => l.indexOf(" ")));

describe("translations", () => {
  // The chapters are the Spanish pages (the root locale); the notebooks are generated inside each
  // test, so mutation testing can tell which tests exercise the generator.
  const chapters = readdirSync(join(projectRoot, "site", "content", "docs"))
    .filter((f) => /^\d\d-.+\.mdx$/.test(f))
    .map((f) => f.replace(/\.mdx$/, ".ipynb"));

  it("cover every chapter", () => {
    expect(chapters.length).toBeGreaterThanOrEqual(4);
  });

  it.each(chapters)("%s: both languages run the same code cells and have the same sections", (chapter) => {
    const notebooks = generateNotebooks();
    const es = cellsOf(notebooks.get(`notebooks/es/${chapter}`)!);
    const en = cellsOf(notebooks.get(`notebooks/en/${chapter}`)!);
    const code = (cells: Cell[]) => cells.filter((c) => c.cell_type === "code").map(text);
    expect(code(es).length).toBeGreaterThan(0);
    expect(code(en)).toEqual(code(es));
    expect(headingLevels(es).length).toBeGreaterThan(1);
    expect(headingLevels(en)).toEqual(headingLevels(es));
  });
});
