import { describe, expect, it } from "vitest";
import { extractRegion } from "../../shared/snippet-regions";
import { parseChapter, rewriteLinks, serializeNotebook, toNotebook, type LinkContext } from "../../generator/notebook";

// Snippet files the fixture pages include, read through the same region logic as the real ones.
const files: Record<string, string> = {
  "setup.ts": 'import { startGuide } from "bedrock-guide";\nconst guide = await startGuide();\n',
  "99-demo/count.ts": [
    'import { startGuide } from "bedrock-guide";',
    "const guide = await startGuide();",
    "// #region count",
    "const total = [1, 2, 3].length;",
    "console.log(total);",
    "// #endregion count",
    "export { total };",
  ].join("\n"),
  "99-demo/exported.ts": [
    "export interface Pair { a: number; b: number }",
    "export async function twice(n: number) {",
    "  return 2 * n;",
    "}",
    "const half = (n: number) => n / 2;",
    "export { half };",
  ].join("\n"),
  "99-demo/reexport.ts": 'export * from "./elsewhere";\n',
};
const ctx: LinkContext = {
  publishedBase: "https://guide.example/base/",
  notebookChapters: new Set(["99-demo", "98-other"]),
  readSnippet: (file, region) => {
    if (!(file in files)) throw new Error(`no such snippet file: snippets/${file}`);
    return extractRegion(files[file]!, region, `snippets/${file}`);
  },
};

const page = (body: string, title = "Demostración") =>
  `---\ntitle: ${title}\ndescription: "Una página de prueba"\n---\n\nimport Snippet from "../../components/Snippet.astro";\n\n${body}\n`;

const parse = (body: string, lang: "es" | "en" = "es") =>
  parseChapter({ chapter: "99-demo", lang, mdx: page(body), path: "demo.mdx" }, ctx);

describe("parseChapter", () => {
  it("turns prose into markdown, snippets into code cells holding the code, in page order", () => {
    const parsed = parse(
      [
        "Intro text.",
        "",
        '<Snippet file="setup.ts" />',
        "",
        "## Counting",
        "",
        "Count the list:",
        "",
        '<Snippet file="99-demo/count.ts" region="count" />',
        "",
        "Done.",
      ].join("\n"),
    );
    expect(parsed.title).toBe("Demostración");
    expect(parsed.description).toBe("Una página de prueba");
    expect(parsed.blocks.map((b) => b.kind)).toEqual(["markdown", "code", "markdown", "code", "markdown"]);
    expect(parsed.blocks[1]).toMatchObject({ kind: "code", file: "setup.ts", code: files["setup.ts"]!.trim() });
    expect(parsed.blocks[3]).toEqual({
      kind: "code",
      file: "99-demo/count.ts",
      region: "count",
      code: "const total = [1, 2, 3].length;\nconsole.log(total);",
    });
    expect(parsed.blocks[2]).toEqual({ kind: "markdown", text: "## Counting\n\nCount the list:" });
    // The import line of the MDX never reaches the notebook.
    expect(JSON.stringify(parsed)).not.toContain("Snippet.astro");
  });

  it("starts a new markdown cell at each heading", () => {
    const parsed = parse('<Snippet file="setup.ts" />\n\n## One\n\nA\n\n### Two\n\nB');
    expect(parsed.blocks.filter((b) => b.kind === "markdown").map((b) => (b as { text: string }).text)).toEqual([
      "## One\n\nA",
      "### Two\n\nB",
    ]);
  });

  it("turns asides into blockquotes labelled in the page's language", () => {
    const body = '<Snippet file="setup.ts" />\n\n:::tip\nFree calls.\n:::\n\n:::caution[Ojo con la región]\nSome text.\n\nMore.\n:::';
    const es = parse(body).blocks.filter((b) => b.kind === "markdown");
    expect(es).toEqual([
      { kind: "markdown", text: "> **Consejo**\n>\n> Free calls." },
      { kind: "markdown", text: "> **Ojo con la región**\n>\n> Some text.\n>\n> More." },
    ]);
    const en = parse(body, "en").blocks.filter((b) => b.kind === "markdown");
    expect((en[0] as { text: string }).text).toBe("> **Tip**\n>\n> Free calls.");
  });

  it("drops site-only components and keeps <NotebookOnly> content", () => {
    const parsed = parse(
      [
        "<NotebookLink />",
        '<Snippet file="setup.ts" />',
        '<OfflineSample chapter="99-demo" name="chart" alt="A chart" />',
        "<NotebookOnly>",
        "Press <kbd>Shift</kbd>+<kbd>Enter</kbd>.",
        "</NotebookOnly>",
      ].join("\n"),
    );
    expect(parsed.blocks).toEqual([
      { kind: "code", file: "setup.ts", code: files["setup.ts"]!.trim() },
      { kind: "markdown", text: "Press <kbd>Shift</kbd>+<kbd>Enter</kbd>." },
    ]);
  });

  it("leaves fenced code and inline code alone, even when they look like JSX", () => {
    const parsed = parse('<Snippet file="setup.ts" />\n\nUse `<Snippet />` like this:\n\n```mdx\n<Snippet file="x.ts" />\n<Other />\n```');
    expect((parsed.blocks[1] as { text: string }).text).toContain('```mdx\n<Snippet file="x.ts" />\n<Other />\n```');
  });

  it("fails on unknown components, unknown snippets and regions, and unclosed blocks", () => {
    expect(() => parse('<Snippet file="setup.ts" />\n<Tabs />')).toThrow(/demo.mdx:\d+: component <Tabs> is not supported/);
    expect(() => parse('<Snippet file="setup.ts" />\nSee <Badge text="x" /> here.')).toThrow(/JSX the notebook generator does not understand/);
    expect(() => parse('<Snippet file="setup.ts" />\n<Snippet file="nope.ts" />')).toThrow(/no such snippet file: snippets\/nope.ts/);
    expect(() => parse('<Snippet file="setup.ts" />\n<Snippet file="99-demo/count.ts" region="nope" />')).toThrow(/no region "nope"/);
    expect(() => parse('<Snippet file="setup.ts" />\n:::tip\nnever closed')).toThrow(/aside is never closed/);
    expect(() => parse('<Snippet file="setup.ts" />\n```ts\nnever closed')).toThrow(/code fence is never closed/);
    expect(() => parse('<Snippet file="setup.ts" />\n:::warning\nx\n:::')).toThrow(/unknown aside :::warning/);
  });

  it("requires the setup snippet as the first code cell", () => {
    expect(() => parse('<Snippet file="99-demo/count.ts" region="count" />')).toThrow(/first code cell must be <Snippet file="setup.ts"/);
    expect(() => parse("No code at all.")).toThrow(/first code cell/);
  });

  it("drops `export` from top-level declarations and export lists (tslab rejects them) and refuses re-exports", () => {
    const parsed = parse('<Snippet file="setup.ts" />\n<Snippet file="99-demo/exported.ts" />');
    expect(parsed.blocks[1]).toMatchObject({
      kind: "code",
      code: [
        "interface Pair { a: number; b: number }",
        "async function twice(n: number) {",
        "  return 2 * n;",
        "}",
        "const half = (n: number) => n / 2;",
      ].join("\n"),
    });
    expect(() => parse('<Snippet file="setup.ts" />\n<Snippet file="99-demo/reexport.ts" />')).toThrow(
      /reexport.ts: line 1 of the cell, `export \* from ".\/elsewhere";`, cannot run in a tslab cell/,
    );
  });

  it("requires a title in the frontmatter", () => {
    expect(() => parseChapter({ chapter: "99-demo", lang: "es", mdx: "---\ndescription: x\n---\n", path: "p.mdx" }, ctx)).toThrow(
      /no title/,
    );
  });
});

describe("rewriteLinks", () => {
  const es = { chapter: "99-demo", lang: "es" as const };
  const en = { chapter: "99-demo", lang: "en" as const };
  it("points links to other chapters at the sibling notebook", () => {
    expect(rewriteLinks("see [next](../98-other/) and [part](../98-other/#models)", es, ctx)).toBe(
      "see [next](98-other.ipynb) and [part](98-other.ipynb#models)",
    );
    expect(rewriteLinks("[next](../98-other/)", en, ctx)).toBe("[next](98-other.ipynb)");
  });
  it("makes other internal links absolute to the published site, keeping the language", () => {
    expect(rewriteLinks("[home](../)", es, ctx)).toBe("[home](https://guide.example/base/)");
    expect(rewriteLinks("[home](../)", en, ctx)).toBe("[home](https://guide.example/base/en/)");
    expect(rewriteLinks("[later](../03-prompt-management/)", es, ctx)).toBe("[later](https://guide.example/base/03-prompt-management/)");
    expect(rewriteLinks("[es](/98-other/)", en, ctx)).toBe("[es](https://guide.example/base/98-other/)");
  });
  it("leaves external links and anchors untouched", () => {
    const line = "[aws](https://aws.amazon.com/bedrock/) [top](#intro) [mail](mailto:a@b.c)";
    expect(rewriteLinks(line, es, ctx)).toBe(line);
  });
});

describe("toNotebook", () => {
  const src = { chapter: "99-demo", lang: "es" as const, mdx: page('<Snippet file="setup.ts" />\n\nText.'), path: "demo.mdx" };
  const nb = toNotebook(src, parseChapter(src, ctx)) as {
    cells: { cell_type: string; id: string; source: string[]; outputs?: unknown[]; execution_count?: null }[];
    metadata: { kernelspec: { name: string; display_name: string; language: string }; language_info: { name: string } };
    nbformat: number;
    nbformat_minor: number;
  };

  it("opens with the title and description, names the project kernel and carries no outputs", () => {
    expect(nb.cells[0]!.source.join("")).toBe("# Demostración\n\nUna página de prueba");
    expect(nb.metadata.kernelspec).toEqual({ name: "bedrock-guide", display_name: "TypeScript (Bedrock guide)", language: "typescript" });
    expect(nb.metadata.language_info.name).toBe("typescript");
    expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
    const code = nb.cells.filter((c) => c.cell_type === "code");
    expect(code).toHaveLength(1);
    expect(code[0]!.outputs).toEqual([]);
    expect(code[0]!.execution_count).toBeNull();
    expect(code[0]!.source.join("")).toBe(files["setup.ts"]!.trim());
  });

  it("is deterministic, with unique ids that depend on chapter and position only", () => {
    const again = serializeNotebook(toNotebook(src, parseChapter(src, ctx)));
    expect(again).toBe(serializeNotebook(nb));
    const ids = nb.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(id).toMatch(/^[a-f0-9]{12}$/));
    const other = toNotebook({ ...src, chapter: "98-other" }, parseChapter(src, ctx)) as typeof nb;
    expect(other.cells[0]!.id).not.toBe(ids[0]);
  });
});
