// notebooks:generate's own logic on fixture folders: which pages are chapters, how each language links,
// which samples it runs, and which files it writes or removes. (staleness.test.ts compares the real output
// with what is committed.)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { chapterPagePath, chaptersIn, committedOutputs, docsDir, generateAll, generateNotebooks, generateSamples, writeGenerated } from "../../generator/generate";
import { projectRoot } from "../../generator/snippets";
import { publishedBase } from "../../shared/project.mjs";

const tmp = mkdtempSync(join(tmpdir(), "bedrock-guide-generate-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const write = (file: string, data: string | Buffer) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
};
const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n<Snippet file="setup.ts" />\n\n${body}\n`;

describe("chapter pages", () => {
  it("are the NN-name.mdx files of the language's folder (Spanish at the top, English under en/), sorted", () => {
    const docs = mkdtempSync(join(tmp, "docs-"));
    for (const f of ["01-b.mdx", "00-a.mdx", "index.mdx", "02-c.md", "3-d.mdx", "en/00-a.mdx"]) write(join(docs, f), "");
    expect(chaptersIn("es", docs)).toEqual(["00-a", "01-b"]);
    expect(chaptersIn("en", docs)).toEqual(["00-a"]);
    expect(chaptersIn("en", join(tmp, "no-docs"))).toEqual([]);
    expect(chapterPagePath("00-a", "es", docs)).toBe(join(docs, "00-a.mdx"));
    expect(chapterPagePath("00-a", "en", docs)).toBe(join(docs, "en/00-a.mdx"));
    expect(chapterPagePath("00-a", "en")).toBe(join(projectRoot, "site/content/docs/en/00-a.mdx"));
    expect(docsDir).toBe(join(projectRoot, "site/content/docs"));
  });

  it("become one notebook each, linking to chapters that have a notebook in the same language", () => {
    const docs = mkdtempSync(join(tmp, "docs-"));
    write(join(docs, "00-a.mdx"), page("Uno", "Sigue en [b](../01-b/)."));
    write(join(docs, "01-b.mdx"), page("Dos", "Fin."));
    write(join(docs, "en/00-a.mdx"), page("One", "Next: [b](../01-b/)."));
    const notebooks = generateNotebooks(docs);
    expect([...notebooks.keys()]).toEqual(["notebooks/es/00-a.ipynb", "notebooks/es/01-b.ipynb", "notebooks/en/00-a.ipynb"]);
    const markdown = (key: string) =>
      (JSON.parse(notebooks.get(key)!) as { cells: { cell_type: string; source: string[] }[] }).cells
        .filter((c) => c.cell_type === "markdown")
        .map((c) => c.source.join(""));
    expect(markdown("notebooks/es/00-a.ipynb")).toEqual(["# Uno", "Sigue en [b](01-b.ipynb)."]);
    expect(markdown("notebooks/en/00-a.ipynb")).toEqual(["# One", `Next: [b](${publishedBase}en/01-b/).`]);
    expect(notebooks.get("notebooks/es/01-b.ipynb")!.endsWith("}\n")).toBe(true);
  });

  it("name the page, relative to the project, in an error", () => {
    const docs = mkdtempSync(join(tmp, "docs-"));
    write(join(docs, "00-a.mdx"), "---\ndescription: x\n---\n");
    expect(() => generateNotebooks(docs)).toThrow(`${relative(projectRoot, join(docs, "00-a.mdx"))}: frontmatter has no title`);
  });
});

describe("offline samples", () => {
  const samples = (body: string) => `export const samples = ${body};\n`;

  it("come from each NN- chapter's samples.ts, as SVG or PNG files, in chapter order", async () => {
    const dir = mkdtempSync(join(tmp, "snippets-"));
    write(
      join(dir, "10-x/samples.ts"),
      samples('{ chart: async () => ({ mime: "image/svg+xml", data: "<svg/>" }), "photo-1": async () => ({ mime: "image/png", data: Buffer.from([1, 2, 3]) }) }'),
    );
    write(join(dir, "02-y/samples.ts"), samples('{ a_b: async () => ({ mime: "image/png", data: "png" }) }'));
    write(join(dir, "03-z/lesson.ts"), "export {};\n");
    write(join(dir, "notes/samples.ts"), "export {};\n");
    write(join(dir, "old-01-x/samples.ts"), "export {};\n");
    const out = await generateSamples(dir);
    expect([...out.keys()]).toEqual(["site/assets/samples/02-y/a_b.png", "site/assets/samples/10-x/chart.svg", "site/assets/samples/10-x/photo-1.png"]);
    expect(out.get("site/assets/samples/02-y/a_b.png")).toEqual(Buffer.from("png"));
    expect(out.get("site/assets/samples/10-x/chart.svg")).toEqual(Buffer.from("<svg/>"));
    expect(out.get("site/assets/samples/10-x/photo-1.png")).toEqual(Buffer.from([1, 2, 3]));
  });

  it("must be exported as `samples`, with plain names and an image type", async () => {
    const dir = (name: string, content: string) => {
      const d = mkdtempSync(join(tmp, "snippets-"));
      write(join(d, name, "samples.ts"), content);
      return d;
    };
    await expect(generateSamples(dir("04-w", "export const other = {};\n"))).rejects.toThrow("snippets/04-w/samples.ts must export `samples`");
    await expect(generateSamples(dir("05-v", samples('{ "bad name": async () => ({ mime: "image/png", data: "" }) }')))).rejects.toThrow(
      'snippets/05-v/samples.ts: bad sample name "bad name"',
    );
    await expect(generateSamples(dir("06-u", samples('{ "x/y": async () => ({ mime: "image/png", data: "" }) }')))).rejects.toThrow(
      'snippets/06-u/samples.ts: bad sample name "x/y"',
    );
    await expect(generateSamples(dir("07-t", samples('{ g: async () => ({ mime: "image/gif", data: "" }) }')))).rejects.toThrow(
      'snippets/07-t/samples.ts: sample "g" has unsupported type image/gif',
    );
  });
});

describe("generateAll", () => {
  it("holds the notebooks, then the samples, as bytes", async () => {
    const docs = mkdtempSync(join(tmp, "docs-"));
    write(join(docs, "00-a.mdx"), page("Uno", "Fin."));
    const snippets = mkdtempSync(join(tmp, "snippets-"));
    write(join(snippets, "00-a/samples.ts"), 'export const samples = { s: async () => ({ mime: "image/svg+xml", data: "<svg/>" }) };\n');
    const all = await generateAll(docs, snippets);
    expect([...all.keys()]).toEqual(["notebooks/es/00-a.ipynb", "site/assets/samples/00-a/s.svg"]);
    const nb = all.get("notebooks/es/00-a.ipynb")!.toString("utf8");
    expect(nb.endsWith("\n}\n")).toBe(true);
    expect((JSON.parse(nb) as { cells: { source: string[] }[] }).cells.map((c) => c.source.join(""))).toEqual([
      "# Uno",
      readFileSync(join(projectRoot, "snippets/setup.ts"), "utf8").trimEnd(),
      "Fin.",
    ]);
    expect(all.get("site/assets/samples/00-a/s.svg")).toEqual(Buffer.from("<svg/>"));
  });
});

describe("writing the generated files", () => {
  function checkout(): string {
    const root = mkdtempSync(join(tmp, "root-"));
    write(join(root, "notebooks/es/00-a.ipynb"), "same");
    write(join(root, "notebooks/es/01-b.ipynb"), "old");
    write(join(root, "notebooks/en/99-gone.ipynb"), "gone");
    write(join(root, "notebooks/README.md"), "not generated");
    write(join(root, "site/assets/samples/01-b/chart.svg"), "<svg/>");
    write(join(root, "site/assets/samples/01-b/old.png"), "png");
    write(join(root, "site/assets/samples/01-b/notes.txt"), "not generated");
    write(join(root, "site/assets/samples/01-b/chart.svg.orig"), "backup");
    write(join(root, "site/assets/outputs/es/01-b/0-1.svg"), "a cell output, not a sample");
    write(join(root, "drafts/scratch.ipynb"), "not generated either");
    return root;
  }

  it("finds the notebooks and sample figures on disk, and nothing else", () => {
    const root = checkout();
    const found = committedOutputs(root);
    expect([...found.keys()].sort()).toEqual([
      "notebooks/en/99-gone.ipynb",
      "notebooks/es/00-a.ipynb",
      "notebooks/es/01-b.ipynb",
      "site/assets/samples/01-b/chart.svg",
      "site/assets/samples/01-b/old.png",
    ]);
    expect(found.get("notebooks/es/01-b.ipynb")).toEqual(Buffer.from("old"));
    expect([...committedOutputs(join(tmp, "empty")).keys()]).toEqual([]);
  });

  it("writes only what changed, removes what nothing generates any more, and says so", () => {
    const root = checkout();
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    const wanted = new Map([
      ["notebooks/es/00-a.ipynb", Buffer.from("same")],
      ["notebooks/es/01-b.ipynb", Buffer.from("new")],
      ["notebooks/en/01-b.ipynb", Buffer.from("new en")],
      ["site/assets/samples/01-b/chart.svg", Buffer.from("<svg/>")],
    ]);
    expect(writeGenerated(wanted, root)).toBe(2);
    expect(logs.mock.calls).toEqual([
      ["wrote notebooks/es/01-b.ipynb"],
      ["wrote notebooks/en/01-b.ipynb"],
      ["removed notebooks/en/99-gone.ipynb (no page or sample produces it)"],
      ["removed site/assets/samples/01-b/old.png (no page or sample produces it)"],
      ["notebooks:generate: 4 files, 2 changed"],
    ]);
    expect([...committedOutputs(root)].map(([k, v]) => [k, v.toString()]).sort()).toEqual([
      ["notebooks/en/01-b.ipynb", "new en"],
      ["notebooks/es/00-a.ipynb", "same"],
      ["notebooks/es/01-b.ipynb", "new"],
      ["site/assets/samples/01-b/chart.svg", "<svg/>"],
    ]);
    expect(readFileSync(join(root, "notebooks/README.md"), "utf8")).toBe("not generated");
    logs.mockClear();
    expect(writeGenerated(wanted, root)).toBe(0);
    expect(logs.mock.calls).toEqual([["notebooks:generate: 4 files, 0 changed"]]);
  });
});
