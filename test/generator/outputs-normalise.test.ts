// What the site shows of each kind of Jupyter output, and which run-to-run differences are blanked.
// Every expected value is written out by hand from the rules in generator/outputs-normalise.ts.
import { describe, expect, it } from "vitest";
import { measuredColumns, measuredTimes, normaliseOutputs } from "../../generator/outputs-normalise";
import { safeHtml } from "../../site/components/render-output-build";

const ES_ALT = "Imagen generada sin conexión por el emulador";

describe("normaliseOutputs", () => {
  it("joins stream fragments per stream, strips ANSI colours, and turns errors into stderr text", () => {
    const { cells, files } = normaliseOutputs(
      [
        {
          snippet: "a.ts",
          hash: "h0",
          outputs: [
            { output_type: "stream", name: "stdout", text: ["\x1b[1;31mrojo\x1b[0m ", "listo\n"] },
            { output_type: "stream", name: "stdout", text: "sigue\n" },
            { output_type: "stream", name: "stderr", text: "aviso\n" },
            { output_type: "stream", name: "stderr", text: "más\n" },
            { output_type: "stream", name: "stdout" },
            { output_type: "error", ename: "ValidationException", evalue: "at 2026-01-02T03:04:05Z", traceback: ["x"] },
            { output_type: "error", ename: "Error", evalue: "again" },
          ],
        },
      ],
      { lang: "es", assetPrefix: "site/assets/outputs/es/99-demo" },
    );
    expect(cells).toEqual([
      {
        snippet: "a.ts",
        hash: "h0",
        outputs: [
          { type: "text", stream: "stdout", text: "rojo listo\nsigue\n" },
          { type: "text", stream: "stderr", text: "aviso\nmás\n" },
          { type: "text", stream: "stdout", text: "" },
          { type: "text", stream: "stderr", text: "ValidationException: at <fecha y hora>" },
          { type: "text", stream: "stderr", text: "Error: again" },
        ],
      },
    ]);
    expect(files.size).toBe(0);
  });

  it("writes figures to numbered files with their labels as alt text, and keeps rich outputs by kind", () => {
    const svg = (attrs: string, inner = "") => `<svg xmlns="http://www.w3.org/2000/svg"${attrs}>${inner}</svg>`;
    const table = "<table><thead><tr><th>model</th><th>latency (ms)</th></tr></thead><tbody><tr><td>a</td><td>12</td></tr></tbody></table>";
    const { cells, files } = normaliseOutputs(
      [
        { snippet: "setup.ts", hash: "h0", outputs: [] },
        {
          snippet: "b.ts#r",
          hash: "h1",
          outputs: [
            { output_type: "display_data", data: { "image/svg+xml": [svg(' aria-label="Coste &amp; &quot;tokens&quot; &lt;1&gt; &#39;x&#39; &amp;lt;"'), "\n"] } },
            { output_type: "display_data", data: { "image/svg+xml": svg("", "<title>Gráfico</title>") + "\n" } },
            { output_type: "display_data", data: { "image/svg+xml": svg("") } },
            { output_type: "display_data", data: { "image/png": "aGVs\nbG8=\n", "text/plain": "<Figure>" } },
            { output_type: "execute_result", data: { "text/html": table, "text/plain": "table" } },
            { output_type: "display_data", data: { "text/markdown": ["**ok** in ", "5 ms"], "text/plain": "ok" } },
            { output_type: "execute_result", data: { "text/plain": "undefined" } },
            { output_type: "execute_result", data: { "text/plain": ["undefined", "\n"] } },
            { output_type: "execute_result", data: { "text/plain": "   " } },
            { output_type: "execute_result", data: { "text/plain": "42" } },
            { output_type: "execute_result", data: { "text/plain": ["7", "\n"] } },
            { output_type: "display_data", metadata: {} },
          ],
        },
      ],
      { lang: "es", assetPrefix: "site/assets/outputs/es/99-demo" },
    );
    expect(cells[0]).toEqual({ snippet: "setup.ts", hash: "h0", outputs: [] });
    expect(cells[1]).toEqual({
      snippet: "b.ts#r",
      hash: "h1",
      outputs: [
        { type: "svg", file: "site/assets/outputs/es/99-demo/1-1.svg", alt: `Coste & "tokens" <1> 'x' &lt;` },
        { type: "svg", file: "site/assets/outputs/es/99-demo/1-2.svg", alt: "Gráfico" },
        { type: "svg", file: "site/assets/outputs/es/99-demo/1-3.svg", alt: ES_ALT },
        { type: "png", file: "site/assets/outputs/es/99-demo/1-4.png", alt: ES_ALT },
        { type: "html", html: table.replace("<td>12</td>", "<td>(varía)</td>") },
        { type: "markdown", text: "**ok** in 5 ms" },
        { type: "text", stream: "stdout", text: "42\n" },
        { type: "text", stream: "stdout", text: "7\n" },
      ],
    });
    expect([...files.keys()]).toEqual([
      "site/assets/outputs/es/99-demo/1-1.svg",
      "site/assets/outputs/es/99-demo/1-2.svg",
      "site/assets/outputs/es/99-demo/1-3.svg",
      "site/assets/outputs/es/99-demo/1-4.png",
    ]);
    const file = (n: string) => files.get(`site/assets/outputs/es/99-demo/${n}`)!.toString("utf8");
    expect(file("1-1.svg")).toBe(`${svg(' aria-label="Coste &amp; &quot;tokens&quot; &lt;1&gt; &#39;x&#39; &amp;lt;"')}\n`);
    expect(file("1-2.svg")).toBe(`${svg("", "<title>Gráfico</title>")}\n`);
    expect(file("1-3.svg")).toBe(`${svg("")}\n`);
    expect(file("1-4.png")).toBe("hello");
  });

  it("labels figures in English for English pages", () => {
    const { cells } = normaliseOutputs(
      [{ snippet: "c.ts", hash: "h", outputs: [{ output_type: "display_data", data: { "image/png": "aGVsbG8=" } }] }],
      { lang: "en", assetPrefix: "p" },
    );
    expect(cells[0]!.outputs).toEqual([{ type: "png", file: "p/0-1.png", alt: "Image produced offline by the emulator" }]);
  });

  it("replaces local endpoints, timestamps with or without fractions and offsets", () => {
    const text =
      "http://localhost:8080/x https://[::1]:1234 http://127.0.0.1:9 2026-12-01T18:10:06Z 2026-12-01T18:10:06.5+02:00 2026-12-01T18:10:06-05:30 2026-12-01";
    const { cells } = normaliseOutputs([{ snippet: "d.ts", hash: "h", outputs: [{ output_type: "stream", name: "stdout", text }] }], {
      lang: "en",
      assetPrefix: "p",
    });
    expect(cells[0]!.outputs).toEqual([
      {
        type: "text",
        stream: "stdout",
        text: "http://127.0.0.1:<port>/x https://127.0.0.1:<port> http://127.0.0.1:<port> <timestamp> <timestamp> <timestamp> 2026-12-01",
      },
    ]);
  });

  it("names generated prompt IDs in order of appearance, in ARNs, table cells and id fields of any quoting", () => {
    const { cells } = normaliseOutputs(
      [
        {
          snippet: "e.ts",
          hash: "h",
          outputs: [
            { output_type: "stream", name: "stdout", text: "arn:aws:bedrock:us-east-1:123456789012:prompt/W02JDLKX3H:1\n" },
            { output_type: "stream", name: "stdout", text: "{ id: 'ABCDEFGH12', name: 'demo' }\n" },
            { output_type: "stream", name: "stdout", text: '{"promptId":"KLMNOPQR34"}\n' },
            { output_type: "display_data", data: { "text/html": "<table><tbody><tr><td>UVWXYZ0123</td><td>W02JDLKX3H</td></tr></tbody></table>" } },
            { output_type: "stream", name: "stderr", text: "again W02JDLKX3H, but not NOTANID123 nor promptIdentifier: x\n" },
          ],
        },
      ],
      { lang: "es", assetPrefix: "p" },
    );
    expect(cells[0]!.outputs).toEqual([
      {
        type: "text",
        stream: "stdout",
        text: "arn:aws:bedrock:us-east-1:123456789012:prompt/<id-1>:1\n{ id: '<id-2>', name: 'demo' }\n{\"promptId\":\"<id-3>\"}\n",
      },
      { type: "html", html: "<table><tbody><tr><td>&lt;id-4&gt;</td><td>&lt;id-1&gt;</td></tr></tbody></table>" },
      { type: "text", stream: "stderr", text: "again <id-1>, but not NOTANID123 nor promptIdentifier: x\n" },
    ]);
  });

  it("keeps placeholders visible in HTML tables once the site has sanitised them: no empty cell, no ARN cut at the ID", () => {
    const table =
      "<table><tbody><tr><td>W02JDLKX3H</td><td>2026-12-05T10:11:12.123Z</td><td>arn:aws:bedrock:eu-west-1:123456789012:prompt/W02JDLKX3H:1</td><td>http://127.0.0.1:40123</td></tr></tbody></table>";
    for (const [lang, id, time, port] of [
      ["es", "<id-1>", "<fecha y hora>", "<puerto>"],
      ["en", "<id-1>", "<timestamp>", "<port>"],
    ] as const) {
      const { cells } = normaliseOutputs([{ snippet: "t.ts", hash: "h", outputs: [{ output_type: "display_data", data: { "text/html": table } }] }], { lang, assetPrefix: "p" });
      const output = cells[0]!.outputs[0]!;
      expect(output.type).toBe("html");
      // What a reader sees: the text of each cell after the site's sanitiser, entities decoded.
      const shown = [...safeHtml((output as { html: string }).html).matchAll(/<td>(.*?)<\/td>/g)].map((m) =>
        m[1]!.replace(/&#x3C;|&lt;/g, "<").replace(/&#x3E;|&gt;/g, ">").replace(/&amp;/g, "&"),
      );
      expect(shown).toEqual([id, time, `arn:aws:bedrock:eu-west-1:123456789012:prompt/${id}:1`, `http://127.0.0.1:${port}`]);
    }
  });

  it("blanks measured times in text outputs only, whatever the decimal mark or spacing", () => {
    const { cells } = normaliseOutputs(
      [
        {
          snippet: "f.ts",
          hash: "h",
          outputs: [
            { output_type: "stream", name: "stdout", text: "tardó 12,5 ms, 842ms y 12.34 ms; 3 mss\n" },
            { output_type: "display_data", data: { "text/markdown": "in 5 ms" } },
          ],
        },
      ],
      { lang: "es", assetPrefix: "p" },
    );
    expect(cells[0]!.outputs).toEqual([
      { type: "text", stream: "stdout", text: "tardó (varía) ms, (varía) ms y (varía) ms; 3 mss\n" },
      { type: "markdown", text: "in 5 ms" },
    ]);
  });
});

describe("measuredColumns", () => {
  it("blanks the cells of columns whose header text names a measured time with its unit, and only those", () => {
    const table = [
      "<table><thead><tr>",
      "<th>model</th><th>timeout (ms)</th><th><span class=\"mean\">tokens</span> (ms)</th><th><b>latency</b>(ms)</th><th>ms medios</th><th>wall seconds</th>",
      "</tr></thead><tbody>",
      '<tr><td>a</td><td>100</td><td>7</td><td style="text-align:right">1 234</td><td>0,5</td><td>2</td></tr>',
      "<tr><td>b</td><td>200</td><td>8</td><td>\n5\n</td><td>1</td><td>3</td></tr>",
      "</tbody></table>",
    ].join("");
    expect(measuredColumns(`<p>x</p>${table}`, "(v)")).toBe(
      "<p>x</p>" +
        table
          .replace('<td style="text-align:right">1 234</td><td>0,5</td><td>2</td>', '<td style="text-align:right">(v)</td><td>(v)</td><td>(v)</td>')
          .replace("<td>\n5\n</td><td>1</td><td>3</td>", "<td>(v)</td><td>(v)</td><td>(v)</td>"),
    );
  });

  it("leaves tables without a header row, or without measured columns, as they are", () => {
    const bare = "<table><tbody><tr><td>latency (ms)</td><td>12</td></tr></tbody></table>";
    expect(measuredColumns(bare, "(v)")).toBe(bare);
    const plain = "<table><thead><tr><th>tokens</th></tr></thead><tbody><tr><td>12</td></tr></tbody></table>";
    expect(measuredColumns(plain, "(v)")).toBe(plain);
  });
});

describe("measuredTimes", () => {
  it("keeps the unit and replaces the number", () => {
    expect(measuredTimes("1 ms, 1.5ms, 2,25 ms; 10 s; 3 msgs", "(x)")).toBe("(x) ms, (x) ms, (x) ms; 10 s; 3 msgs");
  });
});
