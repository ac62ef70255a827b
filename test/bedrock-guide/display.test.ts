import { describe, expect, it } from "vitest";
import { barChart, htmlTable, inNotebook, inParallel, textTable } from "bedrock-guide";
import { escapeHtml } from "../../packages/bedrock-guide/display";

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

describe("htmlTable", () => {
  it("writes a whole table: header row, one row per object, no caption unless asked", () => {
    // Hand-written expectation for the smallest table.
    expect(htmlTable([{ model: "nova" }])).toBe(
      "<table><thead><tr><th>model</th></tr></thead>\n<tbody>\n<tr><td>nova</td></tr>\n</tbody></table>",
    );
  });

  it("puts each row on its own line", () => {
    expect(htmlTable([{ n: 1 }, { n: 2 }]).split("\n")).toEqual([
      '<table><thead><tr><th style="text-align:right">n</th></tr></thead>',
      "<tbody>",
      '<tr><td style="text-align:right">1</td></tr>',
      '<tr><td style="text-align:right">2</td></tr>',
      "</tbody></table>",
    ]);
  });

  it("escapes what HTML would read as markup, and prints nothing for null or undefined", () => {
    expect(escapeHtml('<a href="x">Q&A</a>')).toBe("&lt;a href=&quot;x&quot;&gt;Q&amp;A&lt;/a&gt;");
    expect(escapeHtml(undefined)).toBe("");
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtml(0)).toBe("0");
  });

  it("keeps the columns asked for, in that order, with an empty cell for a missing field", () => {
    const html = htmlTable([{ a: "x", b: "y" }, { b: "z" }], { columns: ["b", "a"] });
    expect(html).toContain("<tr><th>b</th><th>a</th></tr>");
    expect(html).toContain("<tr><td>y</td><td>x</td></tr>");
    expect(html).toContain("<tr><td>z</td><td></td></tr>");
  });

  it("right-aligns only columns whose every value is a number (or missing)", () => {
    const html = htmlTable([{ ms: 5, mixed: 1, id: "a" }, { mixed: "n/a", id: "b" }]);
    const right = ' style="text-align:right"';
    expect(html).toContain(`<tr><th${right}>ms</th><th>mixed</th><th>id</th></tr>`);
    expect(html).toContain(`<tr><td${right}>5</td><td>1</td><td>a</td></tr>`);
    expect(html).toContain(`<tr><td${right}></td><td>n/a</td><td>b</td></tr>`);
    // No rows: nothing to call numeric.
    expect(htmlTable([], { columns: ["ms"] })).toContain("<tr><th>ms</th></tr>");
  });

  it("prints empty cells for null and undefined, lists joined, objects as JSON, all escaped", () => {
    const html = htmlTable([{ a: null, b: undefined, c: ["x", "<y>"], d: { k: "v" }, e: false }], { caption: 'Models & "prices"' });
    // (b has no value at all, so nothing contradicts "numeric": it is right-aligned.)
    expect(html).toContain('<td></td><td style="text-align:right"></td><td>x, &lt;y&gt;</td><td>{&quot;k&quot;:&quot;v&quot;}</td><td>false</td>');
    expect(html).toContain("<table><caption>Models &amp; &quot;prices&quot;</caption><thead>");
  });
});

describe("textTable", () => {
  it("pads each column to its widest cell, two spaces apart, with a rule under the header", () => {
    // Worked by hand: "claude-haiku" is 12 wide, "1200" makes the ms column 4 wide.
    expect(textTable([{ name: "nova", ms: 1200 }, { name: "claude-haiku", ms: 9 }])).toBe(
      ["name          ms", "------------  ----", "nova          1200", "claude-haiku  9"].join("\n"),
    );
  });

  it("puts the caption on the first line and prints empty text for missing values", () => {
    expect(textTable([{ a: null, b: "x" }, { b: "y" }], { caption: "Two rows", columns: ["a", "b"] })).toBe(
      ["Two rows", "a  b", "-  -", "   x", "   y"].join("\n"),
    );
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
