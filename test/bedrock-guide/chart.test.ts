import { describe, expect, it } from "vitest";
import { barChart, type BarChartInput } from "bedrock-guide";

// The chart is read by people, so these tests check what a reader needs from the SVG (bars to
// scale, nothing overlapping, everything inside the picture, text escaped) rather than the layout
// constants. The SVG is parsed with a small tokenizer: the chart only uses a handful of elements.

interface Element {
  tag: string;
  attrs: Record<string, string>;
  /** Text inside the element (for <text> and <title>), still escaped. */
  text: string;
  /** Index of the enclosing <g>, or -1 outside any panel. */
  panel: number;
}

const TOKEN = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;

/** Parses the chart; fails if tags do not nest or stray text sits outside <text> and <title>. */
function parse(svg: string): { root: Element; elements: Element[] } {
  const elements: Element[] = [];
  const open: Element[] = [];
  let panel = -1;
  let consumed = 0;
  for (const m of svg.matchAll(TOKEN)) {
    expect(m.index, "nothing unparsed between tokens").toBe(consumed);
    consumed = m.index! + m[0].length;
    const [, closing, tag, rawAttrs, selfClosing, text] = m;
    if (text !== undefined) {
      const parent = open.at(-1);
      if (parent && (parent.tag === "text" || parent.tag === "title")) parent.text += text;
      else expect(text.trim(), "stray text outside <text>/<title>").toBe("");
      continue;
    }
    if (closing) {
      expect(open.pop()?.tag, `</${tag}> closes the element it ends`).toBe(tag);
      continue;
    }
    const attrs = Object.fromEntries(
      [...rawAttrs.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]),
    );
    if (tag === "g") panel++;
    const element = { tag, attrs, text: "", panel: tag === "g" || open.some((e) => e.tag === "g") ? panel : -1 };
    elements.push(element);
    if (!selfClosing) open.push(element);
  }
  expect(consumed, "the whole SVG parsed").toBe(svg.length);
  expect(open, "every element closed").toEqual([]);
  expect(elements[0].tag).toBe("svg");
  return { root: elements[0], elements };
}

const num = (e: Element, name: string) => {
  const v = Number(e.attrs[name]);
  expect(Number.isFinite(v), `${e.tag} ${name}="${e.attrs[name]}" is a number`).toBe(true);
  return v;
};

// ~7 px per character at font-size 12 (the chart's own rule of thumb for system-ui).
const CHAR_PX = 7;

interface Bar {
  label: Element;
  rect: Element;
  tooltip: Element;
  value: Element;
}

/** Per panel: its heading and, per category, the label, the bar, its tooltip and the value text. */
function panelsOf(elements: Element[]): Array<{ heading: Element; bars: Bar[] }> {
  const panels: Array<{ heading: Element; bars: Bar[] }> = [];
  for (let p = 0; ; p++) {
    const inside = elements.filter((e) => e.panel === p && e.tag !== "g");
    if (inside.length === 0) return panels;
    const [heading, ...rest] = inside;
    expect(heading.tag).toBe("text");
    expect(heading.attrs["font-weight"]).toBe("bold");
    const bars: Bar[] = [];
    for (let i = 0; i < rest.length; i += 4) {
      const [label, rect, tooltip, value] = rest.slice(i, i + 4);
      expect([label.tag, rect.tag, tooltip.tag, value.tag]).toEqual(["text", "rect", "title", "text"]);
      bars.push({ label, rect, tooltip, value });
    }
    panels.push({ heading, bars });
  }
}

function chart(input: BarChartInput) {
  const svg = barChart(input);
  const { root, elements } = parse(svg);
  return { svg, root, elements, panels: panelsOf(elements) };
}

const models = ["anthropic.claude-haiku-4-5-20251001-v1:0", "amazon.nova-micro-v1:0", "x"];
const sample: BarChartInput = {
  title: "Haiku <vs> Nova & co",
  categories: models,
  series: [
    { name: "Latency (ms)", values: [400, 100, 200], format: (v) => `${v} ms` },
    { name: "Output tokens", values: [30, 60, 15] },
    { name: "USD × 1,000 calls", values: [0.5, 0.035, 0.25], format: (v) => `$${v.toFixed(3)}` },
  ],
};

describe("barChart: the picture", () => {
  it("is an accessible SVG whose size matches its viewBox", () => {
    const { root, elements } = chart(sample);
    expect(root.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
    expect(root.attrs.role).toBe("img");
    const [x0, y0, w, h] = root.attrs.viewBox.split(" ").map(Number);
    expect([x0, y0]).toEqual([0, 0]);
    expect(num(root, "width")).toBe(w);
    expect(num(root, "height")).toBe(h);
    // The accessible name and the tooltip of the whole chart are the title, escaped.
    expect(root.attrs["aria-label"]).toBe("Haiku &lt;vs&gt; Nova &amp; co");
    expect(elements[1]).toMatchObject({ tag: "title", text: "Haiku &lt;vs&gt; Nova &amp; co" });
    // A white background covering the whole picture, so it reads on dark notebook themes.
    expect(elements[2]).toMatchObject({ tag: "rect", attrs: { width: "100%", height: "100%", fill: "#ffffff" } });
    // The visible heading: the title again, larger than the 12 px body text.
    expect(elements[3]).toMatchObject({ tag: "text", text: "Haiku &lt;vs&gt; Nova &amp; co" });
    expect(Number(elements[3].attrs["font-size"])).toBeGreaterThan(Number(root.attrs["font-size"]));
  });

  it("puts one line per element: header lines, then one line per panel", () => {
    const { svg } = chart(sample);
    const lines = svg.split("\n");
    expect(lines).toHaveLength(4 + sample.series.length + 1);
    expect(lines[0]).toMatch(/^<svg [^>]*>$/);
    expect(lines[1]).toMatch(/^<title>.*<\/title>$/);
    expect(lines[2]).toMatch(/^<rect [^>]*\/>$/);
    expect(lines[3]).toMatch(/^<text [^>]*>.*<\/text>$/);
    for (const line of lines.slice(4, -1)) expect(line).toMatch(/^<g>.*<\/g>$/);
    expect(lines.at(-1)).toBe("</svg>");
  });

  it("draws one panel per series, each below the previous one, with the series name as heading", () => {
    const { panels, elements } = chart(sample);
    expect(panels.map((p) => p.heading.text)).toEqual(["Latency (ms)", "Output tokens", "USD × 1,000 calls"]);
    const title = elements[3];
    let above = num(title, "y");
    for (const { heading, bars } of panels) {
      expect(bars).toHaveLength(models.length);
      // The heading sits below whatever came before (the title or the previous panel's bars)
      // and above its own first bar.
      expect(num(heading, "y")).toBeGreaterThan(above);
      expect(num(heading, "y")).toBeLessThanOrEqual(num(bars[0].rect, "y"));
      const last = bars.at(-1)!.rect;
      above = num(last, "y") + num(last, "height");
    }
  });

  it("keeps every element inside the viewBox, the longest label included", () => {
    const { root, elements, panels } = chart(sample);
    const width = num(root, "width");
    const height = num(root, "height");
    for (const e of elements.filter((e) => e.tag === "rect" && e.attrs.x !== undefined)) {
      expect(num(e, "x")).toBeGreaterThanOrEqual(0);
      expect(num(e, "y")).toBeGreaterThanOrEqual(0);
      expect(num(e, "x") + num(e, "width")).toBeLessThanOrEqual(width);
      expect(num(e, "y") + num(e, "height")).toBeLessThanOrEqual(height);
    }
    for (const e of elements.filter((e) => e.tag === "text")) {
      const x = num(e, "x");
      const y = num(e, "y");
      const textWidth = CHAR_PX * e.text.length;
      // Labels are right-aligned (they end at x), the rest start at x.
      const [left, right] = e.attrs["text-anchor"] === "end" ? [x - textWidth, x] : [x, x + textWidth];
      expect(left, `"${e.text}" starts inside`).toBeGreaterThanOrEqual(0);
      expect(right, `"${e.text}" ends inside`).toBeLessThanOrEqual(width);
      expect(y, `"${e.text}" baseline inside`).toBeGreaterThan(0);
      expect(y).toBeLessThanOrEqual(height);
    }
    // The longest model ID fits to the left of its bar at ~7 px per character.
    const longest = panels[0].bars[0];
    expect(longest.label.attrs["text-anchor"]).toBe("end");
    expect(num(longest.label, "x") - CHAR_PX * models[0].length).toBeGreaterThanOrEqual(0);
    // The picture leaves no large empty band below the last panel.
    const lastBar = panels.at(-1)!.bars.at(-1)!.rect;
    expect(height - (num(lastBar, "y") + num(lastBar, "height"))).toBeLessThan(40);
  });

  it("never overlaps bars, labels and values", () => {
    const { panels } = chart(sample);
    for (const { bars } of panels) {
      bars.forEach(({ label, rect, value }, i) => {
        const top = num(rect, "y");
        const bottom = top + num(rect, "height");
        const end = num(rect, "x") + num(rect, "width");
        // The label ends before the bar starts, the value starts after the bar ends.
        expect(num(label, "x")).toBeLessThan(num(rect, "x"));
        expect(num(value, "x")).toBeGreaterThan(end);
        // Label and value sit on the bar's row: their baseline is inside the bar's band, low
        // enough that 12 px text does not poke above it.
        for (const text of [label, value]) {
          expect(num(text, "y")).toBeGreaterThan(top + 9);
          expect(num(text, "y")).toBeLessThanOrEqual(bottom);
        }
        if (i > 0) {
          const previous = bars[i - 1].rect;
          expect(top).toBeGreaterThanOrEqual(num(previous, "y") + num(previous, "height"));
        }
      });
    }
  });

  it("colours each panel with one colour of its own", () => {
    const series = Array.from({ length: 6 }, (_, i) => ({ name: `m${i}`, values: [1, 2] }));
    const { panels } = chart({ title: "t", categories: ["a", "b"], series });
    const fills = panels.map(({ bars }) => {
      const colours = new Set(bars.map((b) => b.rect.attrs.fill));
      expect(colours.size).toBe(1);
      const [fill] = colours;
      expect(fill).toMatch(/^#[0-9a-f]{6}$/);
      return fill;
    });
    // Five colours, then the palette starts again.
    expect(new Set(fills.slice(0, 5)).size).toBe(5);
    expect(fills[5]).toBe(fills[0]);
  });
});

describe("barChart: the bars", () => {
  const widths = (input: BarChartInput) => chart(input).panels.map(({ bars }) => bars.map((b) => num(b.rect, "width")));

  it("gives the largest value the full bar area and the others their share of it", () => {
    // Worked by hand: 400 is the maximum, so 100 is a quarter and 200 a half of its bar.
    const [latency, tokens] = widths(sample);
    const full = latency[0];
    expect(full).toBeGreaterThanOrEqual(200);
    expect(latency).toEqual([full, full / 4, full / 2]);
    // Each panel scales to its own maximum: 60 of 60 tokens is a full bar too.
    expect(tokens).toEqual([full / 2, full, full / 4]);
  });

  it("every bar starts at the same x, so lengths compare", () => {
    const { panels } = chart(sample);
    const xs = new Set(panels.flatMap(({ bars }) => bars.map((b) => b.rect.attrs.x)));
    expect(xs.size).toBe(1);
  });

  it("keeps a tiny value visible and draws nothing for values that are not numbers", () => {
    const [[tiny, big, nan, inf, negInf]] = widths({
      title: "t",
      categories: ["tiny", "big", "nan", "inf", "-inf"],
      series: [{ name: "v", values: [0.0001, 1000, NaN, Infinity, -Infinity] }],
    });
    // The maximum ignores the non-finite values: 1000 fills the bar area.
    expect(big).toBeGreaterThanOrEqual(200);
    expect(tiny).toBe(1);
    expect([nan, inf, negInf]).toEqual([0, 0, 0]);
  });

  it("draws no bars when every value is zero (no division by a zero maximum)", () => {
    const { panels, svg } = chart({ title: "t", categories: ["a", "b"], series: [{ name: "v", values: [0, 0] }] });
    expect(panels[0].bars.map((b) => b.rect.attrs.width)).toEqual(["0.0", "0.0"]);
    expect(svg).not.toContain("NaN");
  });

  it("treats a missing value as zero: no bar to scale, and the value prints as 0", () => {
    const { panels } = chart({ title: "t", categories: ["a", "b"], series: [{ name: "v", values: [5] }] });
    const [a, b] = panels[0].bars;
    expect(num(a.rect, "width")).toBeGreaterThanOrEqual(200);
    expect(num(b.rect, "width")).toBeLessThanOrEqual(1);
    expect(b.value.text).toBe("0");
    expect(b.tooltip.text).toBe("b: 0");
  });
});

describe("barChart: the text", () => {
  it("prints values with the series' format, in the value text and the bar's tooltip", () => {
    const { panels } = chart(sample);
    expect(panels[0].bars.map((b) => b.value.text)).toEqual(["400 ms", "100 ms", "200 ms"]);
    expect(panels[2].bars.map((b) => b.value.text)).toEqual(["$0.500", "$0.035", "$0.250"]);
    expect(panels[2].bars[1].tooltip.text).toBe("amazon.nova-micro-v1:0: $0.035");
  });

  it("without a format, rounds values to at most 2 decimals", () => {
    const { panels } = chart({ title: "t", categories: ["pi", "big", "int", "tenth"], series: [{ name: "v", values: [3.14159, 1234.5678, 7, 0.1] }] });
    expect(panels[0].bars.map((b) => b.value.text)).toEqual(["3.14", "1234.57", "7", "0.1"]);
    expect(panels[0].bars[0].tooltip.text).toBe("pi: 3.14");
  });

  it("escapes labels, series names and values", () => {
    const { panels } = chart({
      title: "t",
      categories: ['<b>"a" & b</b>'],
      series: [{ name: "<i>ms</i>", values: [1], format: () => "<1 & >0" }],
    });
    expect(panels[0].heading.text).toBe("&lt;i&gt;ms&lt;/i&gt;");
    const [bar] = panels[0].bars;
    expect(bar.label.text).toBe("&lt;b&gt;&quot;a&quot; &amp; b&lt;/b&gt;");
    expect(bar.value.text).toBe("&lt;1 &amp; &gt;0");
    expect(bar.tooltip.text).toBe("&lt;b&gt;&quot;a&quot; &amp; b&lt;/b&gt;: &lt;1 &amp; &gt;0");
  });

  it("labels each bar with its category, in order", () => {
    const { panels } = chart(sample);
    for (const { bars } of panels) expect(bars.map((b) => b.label.text)).toEqual(models);
  });
});
