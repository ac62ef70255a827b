import { describe, expect, it } from "vitest";
import { extractRegion } from "../../shared/snippet-regions";
import { ChapterError, forNotebookCell, parseChapter, rewriteLinks, serializeNotebook, toNotebook, type LinkContext } from "../../generator/notebook";
import { failure } from "../shared/failure";

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

  it("folds a <details> solution: its summary becomes a markdown cell and each snippet a code cell with hidden source", () => {
    const body = [
      '<Snippet file="setup.ts" />',
      "Try it yourself first.",
      "",
      "<details>",
      "<summary>Solución</summary>",
      "",
      '<Snippet file="99-demo/count.ts" region="count" />',
      "",
      "</details>",
      "",
      "After the solution.",
    ].join("\n");
    const es = parse(body);
    expect(es.blocks).toEqual([
      { kind: "code", file: "setup.ts", code: files["setup.ts"]!.trim() },
      { kind: "markdown", text: "Try it yourself first." },
      { kind: "markdown", text: "**Solución**\n\nEstá en la celda siguiente, plegada: despliégala cuando quieras verla. También se ejecuta con las demás." },
      { kind: "code", file: "99-demo/count.ts", region: "count", code: "const total = [1, 2, 3].length;\nconsole.log(total);", hidden: true },
      { kind: "markdown", text: "After the solution." },
    ]);
    expect((parse(body, "en").blocks[2] as { text: string }).text).toBe("**Solución**\n\nIt is in the next cell, folded: unfold it when you want to see it. It also runs with the others.");
    // In the notebook, nbformat's source_hidden folds the cell's input; cells outside <details> carry no such key.
    const nb = toNotebook({ chapter: "99-demo", lang: "es", mdx: "", path: "demo.mdx" }, es) as { cells: Array<{ metadata: Record<string, unknown> }> };
    expect(nb.cells.map((c) => c.metadata.jupyter)).toEqual([undefined, undefined, undefined, undefined, { source_hidden: true }, undefined]);
  });

  it("refuses <details> without a summary, with prose or no snippet inside, nested or never closed", () => {
    const wrap = (...inner: string[]) => ['<Snippet file="setup.ts" />', "<details>", ...inner, "</details>"].join("\n");
    const code = '<Snippet file="99-demo/count.ts" region="count" />';
    expect(() => parse(wrap(code))).toThrow(/demo.mdx:\d+: <details> must start with <summary>/);
    expect(() => parse(wrap("<summary>S</summary>", "Some prose.", code))).toThrow(/only <summary> and <Snippet> go inside <details>/);
    expect(() => parse(wrap("<summary>S</summary>"))).toThrow(/<details> holds no <Snippet>/);
    expect(() => parse(wrap("<summary>S</summary>", "<details>", code))).toThrow(/<details> cannot be nested/);
    expect(() => parse('<Snippet file="setup.ts" />\n</details>')).toThrow(/<\/details> without <details>/);
    expect(() => parse('<Snippet file="setup.ts" />\n<details>\n<summary>S</summary>\n' + code)).toThrow(/<details> is never closed/);
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

// The cases below pin the MDX dialect line by line. Each expected value is written out by hand from the
// rules in notebook.ts's comments; body line N of `page()` is line N + 7 of the file (frontmatter, import).

const SETUP = '<Snippet file="setup.ts" />';
const setupBlock = { kind: "code", file: "setup.ts", code: 'import { startGuide } from "bedrock-guide";\nconst guide = await startGuide();' };
const countBlock = { kind: "code", file: "99-demo/count.ts", region: "count", code: "const total = [1, 2, 3].length;\nconsole.log(total);" };
const md = (text: string) => ({ kind: "markdown", text });

describe("the frontmatter", () => {
  const parseMdx = (mdx: string) => parseChapter({ chapter: "99-demo", lang: "es", mdx, path: "p.mdx" }, ctx);

  it("must open the page and be closed", () => {
    expect(new ChapterError("x").name).toBe("ChapterError");
    expect(failure(() => parseMdx(`title: X\n---\n${SETUP}\n`))).toBe("ChapterError: p.mdx: the page must start with frontmatter (---)");
    expect(failure(() => parseMdx(`---\ntitle: X\n${SETUP}\n`))).toBe("ChapterError: p.mdx: frontmatter is never closed");
    expect(parseMdx(`---   \ntitle: Espacios tras la valla\n---\n${SETUP}\n`).title).toBe("Espacios tras la valla");
    // A stray carriage return breaks the line: it is not read, and the page has no title.
    expect(failure(() => parseMdx(`---\ntitle: Uno\rDos\n---\n${SETUP}\n`))).toBe("ChapterError: p.mdx: frontmatter has no title");
  });

  it("ends at the second ---, not at a blank line", () => {
    const parsed = parseMdx(`---\ntitle: T\n\ndescription: D\n---\n${SETUP}\n`);
    expect(parsed).toEqual({ title: "T", description: "D", blocks: [setupBlock] });
  });

  it("reads top-level keys with or without spaces, and skips nested ones", () => {
    const parsed = parseMdx(
      [
        "---",
        "title:Sin espacio",
        "description:   Con espacios   ",
        "sidebar:",
        "  order: 2",
        "  title: Anidado",
        "---",
        SETUP,
        "title: prosa, no frontmatter",
      ].join("\n"),
    );
    expect(parsed).toEqual({ title: "Sin espacio", description: "Con espacios", blocks: [setupBlock, md("title: prosa, no frontmatter")] });
  });

  it("unquotes values that are quoted whole, and only those", () => {
    const get = (title: string, description: string) => {
      const p = parseMdx(`---\ntitle: ${title}\ndescription: ${description}\n---\n${SETUP}\n`);
      return [p.title, p.description];
    };
    expect(get('"Comillas \\"dobles\\""', "'Simples'")).toEqual(['Comillas "dobles"', "Simples"]);
    expect(get('Un "cierre"', '"Inicio" y fin')).toEqual(['Un "cierre"', '"Inicio" y fin']);
  });
});

describe("the MDX dialect, line by line", () => {
  it("accepts spaces around = and single-quoted attributes, and refuses other attribute forms", () => {
    expect(parse(`${SETUP}\n<Snippet file = "99-demo/count.ts" region = 'count' />`).blocks).toEqual([setupBlock, countBlock]);
    expect(failure(() => parse(`${SETUP}\n<Snippet file={x} />`))).toBe("ChapterError: demo.mdx:9: only string attributes are supported, got: file={x}");
    expect(failure(() => parse(`${SETUP}\n<Snippet region="count" />`))).toBe('ChapterError: demo.mdx:9: <Snippet> needs file="…"');
    expect(failure(() => parse(`${SETUP}\n<Snippet file="" />`))).toBe('ChapterError: demo.mdx:9: <Snippet> needs file="…"');
  });

  it("reads CRLF pages like LF pages", () => {
    const body = `${SETUP}\n\nUno.\n\nDos.`;
    const crlf = parseChapter({ chapter: "99-demo", lang: "es", mdx: page(body).replace(/\n/g, "\r\n"), path: "demo.mdx" }, ctx);
    expect(crlf).toEqual({ title: "Demostración", description: "Una página de prueba", blocks: [setupBlock, md("Uno.\n\nDos.")] });
  });

  it("trims blank lines around a markdown cell, keeps at most one blank line inside, and makes no cell of blank lines", () => {
    const parsed = parse(`${SETUP}\n\n\n\nPárrafo uno.\n\n\n\nPárrafo dos.\n\n\n`);
    expect(parsed.blocks).toEqual([setupBlock, md("Párrafo uno.\n\nPárrafo dos.")]);
    expect(parse(`${SETUP}\n   \n<Snippet file="99-demo/count.ts" region="count" />`).blocks).toEqual([setupBlock, countBlock]);
  });

  it("names the file and line of an error", () => {
    expect(failure(() => parse(`${SETUP}\n\n<Tabs />`))).toBe(
      "ChapterError: demo.mdx:10: component <Tabs> is not supported in chapters (notebooks cannot show it)",
    );
  });

  it("keeps code fences whole: indented ones, ones with ``` inside, and longer fences around shorter ones", () => {
    const list = "Lista:\n\n1. Paso\n\n   ```ts\n   <Other />\n   ```";
    expect(parse(`${list}\n\n${SETUP}`).blocks).toEqual([md(list), setupBlock]);
    const inside = "```md\nUn bloque se abre con ```\n```";
    expect(parse(`${SETUP}\n\n${inside}`).blocks).toEqual([setupBlock, md(inside)]);
    const nested = '````mdx\n```ts\n<Snippet file="x.ts" />\n```\n````\n\n~~~~\n~~~\n<Tabs />\n~~~\n~~~~';
    expect(parse(`${SETUP}\n\n${nested}`).blocks).toEqual([setupBlock, md(nested)]);
    // Three backticks inside a line do not open a fence.
    expect(parse(`${SETUP}\n\nEscribe \`\`\` y sigue.`).blocks).toEqual([setupBlock, md("Escribe ``` y sigue.")]);
  });

  it("drops whole-line imports and MDX comments, and keeps lines that only contain them", () => {
    const dropped = [
      'import A from "b"',
      'import A from  "b";',
      'import A from "b";   ',
      "{/* nota */}",
      "{/*x*/}",
      "  {/* con sangría */}  ",
    ];
    expect(parse([...dropped, SETUP].join("\n")).blocks).toEqual([setupBlock]);
    const kept = ['Texto: import A from "b";', 'import A from "b"; y más', "{/* x */} y texto", "texto {/* x */}"];
    expect(parse([SETUP, ...kept].join("\n")).blocks).toEqual([setupBlock, md(kept.join("\n"))]);
  });

  it("closes the markdown cell before and after an aside, with or without trailing spaces on its markers", () => {
    const parsed = parse(`${SETUP}\nAntes.\n:::note  \nDentro.\n:::  \nDespués.`);
    expect(parsed.blocks).toEqual([setupBlock, md("Antes."), md("> **Nota**\n>\n> Dentro."), md("Después.")]);
    // Headings inside an aside stay in it.
    expect(parse(`${SETUP}\n:::note\n## Dentro\n:::`).blocks).toEqual([setupBlock, md("> **Nota**\n>\n> ## Dentro")]);
  });

  it("leaves lines that only look like aside markers as prose", () => {
    const lines = "Ver :::tip\n:::tip de más\nFin de sección :::\n::: y algo";
    expect(parse(`${SETUP}\n${lines}`).blocks).toEqual([setupBlock, md(lines)]);
  });

  it("refuses nested asides, stray closers and snippets inside an aside", () => {
    expect(failure(() => parse(`${SETUP}\n:::tip\n:::note\nx\n:::\n:::`))).toBe("ChapterError: demo.mdx:10: nested asides are not supported");
    expect(failure(() => parse(`${SETUP}\n:::`))).toBe("ChapterError: demo.mdx:9: ::: closes no aside");
    expect(failure(() => parse(`${SETUP}\n:::tip\n${SETUP}\n:::`))).toBe("ChapterError: demo.mdx:10: <Snippet> inside an aside is not supported");
  });

  it("takes <NotebookOnly> markers on lines of their own, indented or not, and refuses them anywhere else", () => {
    expect(parse(`${SETUP}\n  <NotebookOnly>  \nSolo aquí.\n  </NotebookOnly>  `).blocks).toEqual([setupBlock, md("Solo aquí.")]);
    const jsx = (line: string) => `ChapterError: demo.mdx:9: JSX the notebook generator does not understand: ${line}`;
    for (const line of ["Texto <NotebookOnly>", "<NotebookOnly> texto", "Texto </NotebookOnly>", "</NotebookOnly> texto"]) {
      expect(failure(() => parse(`${SETUP}\n${line}`))).toBe(jsx(line));
    }
    expect(failure(() => parse(`${SETUP}\n<NotebookOnly>\n<NotebookOnly>`))).toBe("ChapterError: demo.mdx:10: nested <NotebookOnly>");
    expect(failure(() => parse(`${SETUP}\n</NotebookOnly>`))).toBe("ChapterError: demo.mdx:9: </NotebookOnly> without <NotebookOnly>");
    expect(failure(() => parse(`${SETUP}\n<NotebookOnly>\nx`))).toBe("ChapterError: demo.mdx: <NotebookOnly> is never closed");
  });

  it("takes components on lines of their own only, and quotes the offending line trimmed", () => {
    expect(parse(`  <NotebookLink />  \n${SETUP}`).blocks).toEqual([setupBlock]);
    expect(failure(() => parse(`${SETUP}\nVer <NotebookLink />`))).toBe(
      "ChapterError: demo.mdx:9: JSX the notebook generator does not understand: Ver <NotebookLink />",
    );
    expect(failure(() => parse(`${SETUP}\n<NotebookLink /> y más`))).toBe(
      "ChapterError: demo.mdx:9: JSX the notebook generator does not understand: <NotebookLink /> y más",
    );
    expect(failure(() => parse(`${SETUP}\n   Ver <Badge text="x" />   `))).toBe(
      'ChapterError: demo.mdx:9: JSX the notebook generator does not understand: Ver <Badge text="x" />',
    );
  });

  it("ignores JSX-like text inside inline code spans of any length, and nothing outside them", () => {
    const fine = "Usa ``<Tabs>`` o `<Tabs>`, y `a`<`b` para comparar.";
    expect(parse(`${SETUP}\n${fine}`).blocks).toEqual([setupBlock, md(fine)]);
    expect(failure(() => parse(`${SETUP}\n\`\`x\`\` <Y> \`z\``))).toBe(
      "ChapterError: demo.mdx:9: JSX the notebook generator does not understand: ``x`` <Y> `z`",
    );
  });

  it("starts a cell at headings of levels 1 to 3 only, not at a # inside a line", () => {
    const parsed = parse(`${SETUP}\n\nUno.\n# Parte\nDos.\nEn C# o F#, no.\n#### Cuatro`);
    expect(parsed.blocks).toEqual([setupBlock, md("Uno."), md("# Parte\nDos.\nEn C# o F#, no.\n#### Cuatro")]);
  });

  it("names the snippet and region when a cell cannot run in tslab", () => {
    files["99-demo/regions.ts"] = "// #region bad\nexport default 1;\n// #endregion bad\n";
    expect(failure(() => parse(`${SETUP}\n<Snippet file="99-demo/regions.ts" region="bad" />`))).toBe(
      "ChapterError: demo.mdx:9: snippets/99-demo/regions.ts#bad: line 1 of the cell, `export default 1;`, cannot run in a tslab cell (no default exports or re-exports)",
    );
  });
});

describe("forNotebookCell", () => {
  it("drops `export` from declarations however spaced, drops export lists, keeps other lines, trims trailing newlines", () => {
    const code = [
      "const a = 1; // export below",
      "// export it later",
      "export  const b = 2;",
      "export declare const c: number;",
      "export declare  let d: string;",
      "export abstract class E {}",
      "export abstract  class F {}",
      "export async  function g() {}",
      "export{ a };",
      "export type{ A };",
      "export type { B };",
      "export { a } ;",
      "export { b }",
      "export { c };  ",
      "",
      "",
      "",
    ].join("\n");
    expect(forNotebookCell(code)).toBe(
      [
        "const a = 1; // export below",
        "// export it later",
        "const b = 2;",
        "declare const c: number;",
        "declare  let d: string;",
        "abstract class E {}",
        "abstract  class F {}",
        "async  function g() {}",
      ].join("\n"),
    );
  });

  it("refuses default exports, re-exports and export lists followed by code, quoting the trimmed line", () => {
    const refused = (line: string, n = 2) =>
      `Error: line ${n} of the cell, \`${line.trim()}\`, cannot run in a tslab cell (no default exports or re-exports)`;
    for (const line of ["export default greet; // export function greet is above", "export default x; // export { x };", "export { a }; const b = 1;"]) {
      expect(failure(() => forNotebookCell(`const x = 1;\n${line}`))).toBe(refused(line));
    }
    expect(failure(() => forNotebookCell("export * from './x';   "))).toBe(refused("export * from './x';", 1));
  });
});

describe("rewriteLinks, more cases", () => {
  const es = { chapter: "99-demo", lang: "es" as const };
  it("resolves links relative to the page's own folder", () => {
    expect(rewriteLinks("[fig](./images/)", es, ctx)).toBe("[fig](https://guide.example/base/99-demo/images/)");
    expect(rewriteLinks("[x](../../guides/98-other/)", es, ctx)).toBe("[x](https://guide.example/base/guides/98-other/)");
  });
  it("keeps link titles and takes colons in anchors for part of a relative link", () => {
    expect(rewriteLinks('[a](../98-other/ "Next chapter") [b](../98-other/  "Two")', es, ctx)).toBe(
      '[a](98-other.ipynb "Next chapter") [b](98-other.ipynb  "Two")',
    );
    expect(rewriteLinks("[step](../98-other/#step:2)", es, ctx)).toBe("[step](98-other.ipynb#step:2)");
  });
  it("points at a notebook only for a chapter's own page, with or without the trailing slash", () => {
    expect(rewriteLinks("[x](../98-other)", es, ctx)).toBe("[x](98-other.ipynb)");
    expect(rewriteLinks("[chart](../98-other/chart.svg)", es, ctx)).toBe("[chart](https://guide.example/base/98-other/chart.svg)");
    expect(rewriteLinks("[q](../03-x/?a=1#h)", es, ctx)).toBe("[q](https://guide.example/base/03-x/?a=1#h)");
  });
});

describe("toNotebook and serializeNotebook, exactly", () => {
  it("writes the cells, their ids (sha1 of chapter#index), the snippet metadata and the kernel", () => {
    const src = { chapter: "99-demo", lang: "es" as const, mdx: "", path: "demo.mdx" };
    const nb = toNotebook(src, {
      title: "Título",
      blocks: [
        { kind: "code", file: "99-demo/count.ts", region: "count", code: "a\nb" },
        { kind: "code", file: "setup.ts", code: "c" },
      ],
    });
    expect(nb).toEqual({
      cells: [
        { cell_type: "markdown", id: "c02eaed6f93e", metadata: {}, source: ["# Título"] },
        {
          cell_type: "code",
          execution_count: null,
          id: "397f0d7cdb58",
          metadata: { bedrock_guide: { snippet: "99-demo/count.ts", region: "count" } },
          outputs: [],
          source: ["a\n", "b"],
        },
        { cell_type: "code", execution_count: null, id: "bcfb2d647bf7", metadata: { bedrock_guide: { snippet: "setup.ts" } }, outputs: [], source: ["c"] },
      ],
      metadata: {
        kernelspec: { name: "bedrock-guide", display_name: "TypeScript (Bedrock guide)", language: "typescript" },
        language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript" },
      },
      nbformat: 4,
      nbformat_minor: 5,
    });
  });
  it("serialises with a one-space indent and a final newline, as Jupyter does", () => {
    expect(serializeNotebook({ a: [1] })).toBe('{\n "a": [\n  1\n ]\n}\n');
  });
});
