import { describe, expect, it } from "vitest";
import { markdownToSafeHtml, safeHtml } from "../../site/components/render-output-build";
import { collapsedBodies } from "../../site/components/collapse";

// How the site renders a cell's rich outputs (site/components/render-output.ts) and which lines of a
// long snippet it folds (site/components/collapse.ts).
describe("cell output rendering", () => {
  it("keeps a table and its numeric alignment, and drops scripts, handlers and styles", () => {
    const html = safeHtml(
      '<table><thead><tr><th style="text-align:right">n</th></tr></thead><tbody><tr><td style="text-align:right" onclick="x()">1<script>alert(1)</script></td></tr></tbody></table><img src=x onerror="alert(1)"><style>body{}</style>',
    );
    expect(html).toContain('<th align="right">n</th>');
    expect(html).toContain('<td align="right">1</td>');
    expect(html).not.toMatch(/script|onclick|onerror|alert|<style/);
  });

  it("renders Markdown (GFM tables too) without passing raw HTML through", () => {
    const html = markdownToSafeHtml("**10 calls** cost $0.04.\n\n| a | b |\n|---|--:|\n| x | 1 |\n\n<script>alert(1)</script>");
    expect(html).toContain("<strong>10 calls</strong>");
    expect(html).toContain("<table>");
    expect(html).not.toMatch(/<script|alert\(1\)<\/script>/);
  });
});

describe("folding long snippets", () => {
  const body = Array.from({ length: 12 }, (_, i) => `  const x${i} = ${i};`);
  const fn = ["/** Doc comment stays. */", "export async function lesson(", "  a: string,", "): Promise<void> {", ...body, "}"];

  it("folds the body of a long top-level function, keeping its doc comment and signature", () => {
    const code = [...fn, "", ...Array.from({ length: 20 }, (_, i) => `console.log(${i});`)].join("\n");
    // Lines are 1-based: the body runs from line 5 to line 16.
    expect(collapsedBodies(code)).toEqual([[5, 16]]);
  });

  it("leaves short snippets and short bodies alone", () => {
    expect(collapsedBodies(fn.join("\n"))).toEqual([]);
    const short = ["function f() {", "  return 1;", "}", ...Array.from({ length: 40 }, () => "f();")].join("\n");
    expect(collapsedBodies(short)).toEqual([]);
  });
});
