import { describe, expect, it } from "vitest";
import { barChart, htmlTable, inNotebook, inParallel, textTable } from "bedrock-guide";

describe("tables", () => {
  const rows = [
    { provider: "Anthropic", models: 12 },
    { provider: "<Meta>", models: 7, extra: ["a", "b"] },
  ];

  it("renders every row and column as HTML, escaped, numbers right-aligned", () => {
    const html = htmlTable(rows);
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain("<th>extra</th>");
    expect(html).toContain("&lt;Meta&gt;");
    expect(html).toContain('<td style="text-align:right">12</td>');
    expect(html).toContain("<td>a, b</td>");
  });

  it("renders aligned text outside a notebook", () => {
    const lines = textTable(rows, { columns: ["provider", "models"] }).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe("provider   models");
    expect(lines[3]).toBe("<Meta>     7");
    expect(inNotebook()).toBe(false);
  });
});

describe("barChart", () => {
  it("draws one bar per category in each panel, scaled to the panel's maximum", () => {
    const svg = barChart({ title: "T & co", categories: ["a", "b", "c"], series: [{ name: "ms", values: [10, 20, 40] }, { name: "$", values: [1, 0, 2] }] });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<rect x=/g)).toHaveLength(6);
    expect(svg).toContain('aria-label="T &amp; co"');
    expect(svg).toContain('width="300.0"'); // the largest value fills the bar area
    expect(svg).toContain('width="75.0"'); // 10 of 40
  });
});

describe("inParallel", () => {
  it("keeps input order and never exceeds the limit", async () => {
    let running = 0;
    let peak = 0;
    const out = await inParallel([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
