import { describe, expect, it } from "vitest";
import { generateNotebooks } from "../../generator/generate";

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
  const notebooks = generateNotebooks();
  const chapters = [...notebooks.keys()].filter((p) => p.startsWith("notebooks/es/")).map((p) => p.slice("notebooks/es/".length));

  it.each(chapters)("%s: both languages run the same code cells and have the same sections", (chapter) => {
    const es = cellsOf(notebooks.get(`notebooks/es/${chapter}`)!);
    const en = cellsOf(notebooks.get(`notebooks/en/${chapter}`)!);
    const code = (cells: Cell[]) => cells.filter((c) => c.cell_type === "code").map(text);
    expect(code(es).length).toBeGreaterThan(0);
    expect(code(en)).toEqual(code(es));
    expect(headingLevels(es).length).toBeGreaterThan(1);
    expect(headingLevels(en)).toEqual(headingLevels(es));
  });
});
