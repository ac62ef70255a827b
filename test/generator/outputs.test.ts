import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { committedOutputs, environmentHash, expectedOutputs, outputAssetsDir, referencedAssets } from "../../generator/outputs";
import { measuredColumns, measuredTimes, normaliseOutputs } from "../../generator/outputs-normalise";
import { projectRoot } from "../../generator/snippets";

// The site shows each cell's offline output (site/outputs/, site/assets/outputs/). They come from
// executing the notebooks, which is slow, so this test does not execute anything: it recomputes the hash
// of every cell (its source and the cells before it) and of what else produced them (emulator, lib,
// setup, data) and fails when any changed. Fix: `npm run outputs:generate`, then commit the result.
const FIX = "run `npm run outputs:generate` and commit site/outputs and site/assets/outputs";

describe("cell outputs shown on the site", () => {
  // Computed inside each test, not when the file is collected, so mutation testing can tell which
  // tests exercise the generator.

  it("exist for every chapter page in both languages, and for no other", () => {
    const expected = expectedOutputs();
    const committed = committedOutputs();
    expect([...committed.keys()].sort(), FIX).toEqual([...expected.keys()].sort());
  });

  it("were produced by the current emulator, lib, setup and data", () => {
    const committed = committedOutputs();
    const env = environmentHash();
    const stale = [...committed].filter(([, c]) => c.environment !== env).map(([k]) => k);
    expect(stale, `${FIX} (the emulator, packages/bedrock-guide, snippets/setup.ts or data/ changed)`).toEqual([]);
  });

  it("match every cell's current code, cell by cell", () => {
    const expected = expectedOutputs();
    const committed = committedOutputs();
    const stale: string[] = [];
    for (const [key, want] of expected) {
      const have = committed.get(key);
      if (!have) continue;
      want.cells.forEach((cell, i) => {
        const got = have.cells[i];
        if (got?.snippet !== cell.snippet || got.hash !== cell.hash) stale.push(`${key} cell ${i + 1} (${cell.snippet})`);
      });
      if (have.cells.length > want.cells.length) stale.push(`${key}: ${have.cells.length - want.cells.length} cells too many`);
    }
    expect(stale, FIX).toEqual([]);
  });

  it("name each cell once per chapter, so a <Snippet> finds its output", () => {
    const expected = expectedOutputs();
    for (const [key, want] of expected) {
      const names = want.cells.map((c) => c.snippet);
      expect(names.filter((n, i) => names.indexOf(n) !== i), `${key} shows the same snippet twice`).toEqual([]);
    }
  });

  it("have every figure they reference, and no figure nobody references", () => {
    const committed = committedOutputs();
    const referenced = referencedAssets(committed.values()).sort();
    expect(referenced.filter((f) => !existsSync(join(projectRoot, f))), FIX).toEqual([]);
    const onDisk: string[] = [];
    const walk = (dir: string) => {
      if (!existsSync(dir)) return;
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else onDisk.push(relative(projectRoot, join(dir, e.name)));
      }
    };
    walk(outputAssetsDir);
    expect(onDisk.sort(), FIX).toEqual(referenced);
  });

  it("are labelled by the run: the setup cell says it ran offline", () => {
    const committed = committedOutputs();
    for (const [key, c] of committed) {
      const setup = c.cells[0]!.outputs.map((o) => (o.type === "text" ? o.text : "")).join("");
      expect(setup, key).toMatch(key.startsWith("es/") ? /sin conexión/ : /offline/);
      expect(setup, key).not.toMatch(/127\.0\.0\.1:\d/);
    }
  });
});

describe("output normalisation (what makes regenerating deterministic)", () => {
  it("replaces the emulator's port, timestamps and generated prompt IDs", () => {
    const { cells } = normaliseOutputs(
      [
        {
          snippet: "a.ts",
          hash: "h",
          outputs: [
            { output_type: "stream", name: "stdout", text: ["Endpoint: http://127.0.0.1:41234\n", "at 2026-12-01T18:10:06.622Z\n"] },
            { output_type: "stream", name: "stdout", text: "arn:aws:bedrock:us-east-1:123456789012:prompt/W02JDLKX3H:1 W02JDLKX3H\n" },
          ],
        },
      ],
      { lang: "en", assetPrefix: "x" },
    );
    expect(cells[0]!.outputs).toEqual([
      { type: "text", stream: "stdout", text: "Endpoint: http://127.0.0.1:<port>\nat <timestamp>\narn:aws:bedrock:us-east-1:123456789012:prompt/<id-1>:1 <id-1>\n" },
    ]);
  });

  it("blanks measured times in tables and text, and keeps everything else", () => {
    const table = '<table><thead><tr><th>model</th><th style="text-align:right">measured ms</th><th>tokens</th></tr></thead>\n<tbody>\n<tr><td>a</td><td style="text-align:right">12.3</td><td>7</td></tr>\n</tbody></table>';
    expect(measuredColumns(table, "(varies)")).toContain('<tr><td>a</td><td style="text-align:right">(varies)</td><td>7</td></tr>');
    expect(measuredColumns(table.replace("measured ms", "tokens out"), "(varies)")).toContain("12.3");
    expect(measuredTimes("answered in 842 ms, 3 chunks", "(varies)")).toBe("answered in (varies) ms, 3 chunks");
  });
});
