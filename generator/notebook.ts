// Turns a chapter page (MDX) into a Jupyter notebook: prose → markdown cells, each <Snippet> → a code cell
// holding the snippet's code itself. The MDX dialect is deliberately small and line-based, so anything
// the generator does not understand is an error instead of a silently different notebook.
import { createHash } from "node:crypto";
import { labels, type Lang } from "../shared/i18n";
import { KERNEL_DISPLAY_NAME, KERNEL_NAME } from "./install-kernel.mjs";
import { readSnippet } from "./snippets";

export const KERNELSPEC = { name: KERNEL_NAME, display_name: KERNEL_DISPLAY_NAME, language: "typescript" };
export const SETUP_SNIPPET = "setup.ts";

export class ChapterError extends Error {
  override name = "ChapterError";
}

export interface ChapterSource {
  /** e.g. "00-before-you-start" */
  chapter: string;
  lang: Lang;
  /** MDX text of the page. */
  mdx: string;
  /** Path shown in error messages. */
  path: string;
}

export interface LinkContext {
  /** Published site with its base path, ending in "/". */
  publishedBase: string;
  /** Chapters that have a notebook in the same language (links to them stay relative). */
  notebookChapters: ReadonlySet<string>;
  /** How to read a snippet; defaults to the files under snippets/ (tests pass fixtures). */
  readSnippet?: (file: string, region?: string) => string;
}

export type Block =
  | { kind: "markdown"; text: string }
  | { kind: "code"; file: string; region?: string; code: string; hidden?: true };

export interface ParsedChapter {
  title: string;
  description?: string;
  blocks: Block[];
}

/** Components the site renders but the notebook leaves out. */
const SITE_ONLY = new Set(["NotebookLink", "OfflineSample"]);
const ASIDES = new Set(["note", "tip", "caution", "danger"]);

function parseFrontmatter(lines: string[], path: string): { data: Record<string, string>; end: number } {
  if (lines[0]?.trim() !== "---") throw new ChapterError(`${path}: the page must start with frontmatter (---)`);
  const end = lines.indexOf("---", 1);
  if (end < 0) throw new ChapterError(`${path}: frontmatter is never closed`);
  const data: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (!m) continue; // nested keys (e.g. sidebar options) do not concern the notebook
    let value = m[2]!.trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1).replace(/\\"/g, '"');
    data[m[1]!] = value;
  }
  if (!data.title) throw new ChapterError(`${path}: frontmatter has no title`);
  return { data, end };
}

function parseAttributes(attrs: string, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  const rest = attrs.replace(/(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g, (_m, k: string, a?: string, b?: string) => {
    out[k] = (a ?? b)!; // one of the two quoted forms matched
    return "";
  });
  if (rest.trim()) throw new ChapterError(`${where}: only string attributes are supported, got: ${rest.trim()}`);
  return out;
}

/** Strips inline code spans so `<Tag>` inside backticks is not mistaken for JSX. */
const withoutInlineCode = (line: string) => line.replace(/`+[^`]*`+/g, "");

export function parseChapter(src: ChapterSource, links: LinkContext): ParsedChapter {
  const lines = src.mdx.replace(/\r\n/g, "\n").split("\n");
  const { data, end } = parseFrontmatter(lines, src.path);
  const blocks: Block[] = [];
  let prose: string[] = [];
  const t = labels[src.lang];

  const flush = () => {
    const text = prose.join("\n").replace(/^\n+|\n+$/g, "").replace(/\n{3,}/g, "\n\n");
    if (text.trim()) blocks.push({ kind: "markdown", text });
    prose = [];
  };

  let fence: string | null = null;
  let aside = false; // inside a :::note … ::: block (its lines become a blockquote)
  let notebookOnly = false;
  // Inside <details>…</details>: a folded solution. Its <summary> becomes a markdown cell and each
  // <Snippet> a code cell whose source starts hidden (nbformat's `jupyter.source_hidden`).
  let details: { where: string; summary?: string; cells: number } | null = null;

  for (let i = end + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const where = `${src.path}:${i + 1}`;
    const push = (text: string) => prose.push(aside ? (text ? `> ${text}` : ">") : text);

    if (fence) {
      push(line);
      if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    const fenceOpen = /^\s*(```+|~~~+)/.exec(line);
    if (fenceOpen) {
      fence = fenceOpen[1]!;
      push(line);
      continue;
    }
    if (/^import\s.+\sfrom\s+["'][^"']+["'];?\s*$/.test(line)) continue;
    if (/^\s*\{\/\*.*\*\/\}\s*$/.test(line)) continue; // MDX comment

    const asideOpen = /^:::(\w+)(?:\[(.*)\])?\s*$/.exec(line);
    if (asideOpen) {
      if (aside) throw new ChapterError(`${where}: nested asides are not supported`);
      const kind = asideOpen[1]!;
      if (!ASIDES.has(kind)) throw new ChapterError(`${where}: unknown aside :::${kind}`);
      flush();
      aside = true;
      push(`**${asideOpen[2] || t[kind as keyof typeof t]}**`);
      push("");
      continue;
    }
    if (/^:::\s*$/.test(line)) {
      if (!aside) throw new ChapterError(`${where}: ::: closes no aside`);
      aside = false;
      flush();
      continue;
    }

    if (/^\s*<NotebookOnly>\s*$/.test(line)) {
      if (notebookOnly) throw new ChapterError(`${where}: nested <NotebookOnly>`);
      notebookOnly = true;
      continue;
    }
    if (/^\s*<\/NotebookOnly>\s*$/.test(line)) {
      if (!notebookOnly) throw new ChapterError(`${where}: </NotebookOnly> without <NotebookOnly>`);
      notebookOnly = false;
      continue;
    }

    if (/^\s*<details>\s*$/.test(line)) {
      if (details || aside || notebookOnly) throw new ChapterError(`${where}: <details> cannot be nested in another block`);
      flush();
      details = { where, cells: 0 };
      continue;
    }
    if (/^\s*<\/details>\s*$/.test(line)) {
      if (!details) throw new ChapterError(`${where}: </details> without <details>`);
      if (!details.cells) throw new ChapterError(`${details.where}: <details> holds no <Snippet>`);
      details = null;
      continue;
    }
    if (details) {
      const summary = /^\s*<summary>(.+)<\/summary>\s*$/.exec(line);
      if (summary && details.summary === undefined && !details.cells) {
        details.summary = summary[1]!.trim();
        blocks.push({ kind: "markdown", text: `**${details.summary}**\n\n${t.foldedCell}` });
        continue;
      }
      if (!line.trim()) continue;
      if (details.summary === undefined) throw new ChapterError(`${where}: <details> must start with <summary>…</summary> on one line`);
      if (!/^\s*<Snippet\b/.test(line)) {
        throw new ChapterError(`${where}: only <summary> and <Snippet> go inside <details> (the notebook folds code cells, not prose)`);
      }
    }

    const component = /^\s*<([A-Z]\w*)\b(.*?)\/>\s*$/.exec(line);
    if (component) {
      const [, name, attrText] = component;
      const attrs = parseAttributes(attrText!, where);
      if (name === "Snippet") {
        if (aside) throw new ChapterError(`${where}: <Snippet> inside an aside is not supported`);
        if (!attrs.file) throw new ChapterError(`${where}: <Snippet> needs file="…"`);
        let code: string;
        try {
          code = (links.readSnippet ?? readSnippet)(attrs.file, attrs.region);
        } catch (err) {
          throw new ChapterError(`${where}: ${(err as Error).message}`);
        }
        try {
          code = forNotebookCell(code);
        } catch (err) {
          throw new ChapterError(`${where}: snippets/${attrs.file}${attrs.region ? `#${attrs.region}` : ""}: ${(err as Error).message}`);
        }
        flush();
        blocks.push({ kind: "code", file: attrs.file, ...(attrs.region ? { region: attrs.region } : {}), code, ...(details ? { hidden: true as const } : {}) });
        if (details) details.cells++;
        continue;
      }
      if (SITE_ONLY.has(name!)) continue;
      throw new ChapterError(`${where}: component <${name}> is not supported in chapters (notebooks cannot show it)`);
    }
    if (/<\/?[A-Z]/.test(withoutInlineCode(line))) {
      throw new ChapterError(`${where}: JSX the notebook generator does not understand: ${line.trim()}`);
    }
    // One markdown cell per section reads better in a notebook than one cell per page.
    if (!aside && /^#{1,3}\s/.test(line)) flush();
    push(rewriteLinks(line, src, links));
  }
  if (fence) throw new ChapterError(`${src.path}: a code fence is never closed`);
  if (aside) throw new ChapterError(`${src.path}: an aside is never closed`);
  if (notebookOnly) throw new ChapterError(`${src.path}: <NotebookOnly> is never closed`);
  if (details) throw new ChapterError(`${details.where}: <details> is never closed`);
  flush();

  const firstCode = blocks.find((b) => b.kind === "code");
  if (!firstCode || firstCode.file !== SETUP_SNIPPET) {
    throw new ChapterError(
      `${src.path}: the first code cell must be <Snippet file="${SETUP_SNIPPET}" /> (it starts the guide and prints mode, region and endpoint)`,
    );
  }
  return { title: data.title!, ...(data.description ? { description: data.description } : {}), blocks };
}

/**
 * tslab already shares every top-level name of a cell with later cells, and it rejects cells that
 * export explicitly ("Cannot redeclare exported variable"). Snippet files are modules with tests, so
 * they export; in a notebook cell the `export` keyword of top-level declarations is dropped and
 * `export { … };` lines are left out. Anything else export-like is an error.
 */
export function forNotebookCell(code: string): string {
  const out: string[] = [];
  for (const [i, line] of code.split("\n").entries()) {
    if (!/^export\b/.test(line)) {
      out.push(line);
    } else if (/^export\s*(?:type\s*)?\{[^}]*\}\s*;?\s*$/.test(line)) {
      // Before declarations: `export type { A };` is a list, not a `type` declaration.
      continue;
    } else if (/^export\s+(?:declare\s+|abstract\s+)?(?:async\s+function|function|const|let|var|class|interface|type|enum)\b/.test(line)) {
      out.push(line.replace(/^export\s+/, ""));
    } else {
      throw new Error(`line ${i + 1} of the cell, \`${line.trim()}\`, cannot run in a tslab cell (no default exports or re-exports)`);
    }
  }
  return out.join("\n").replace(/\n+$/, "");
}

/**
 * Links in the page are written for the site (relative, so they survive a base path). In a notebook a
 * link to another chapter points at that chapter's notebook next to it; anything else at the published site.
 */
export function rewriteLinks(line: string, src: Pick<ChapterSource, "chapter" | "lang">, links: LinkContext): string {
  const pagePath = `${src.lang === "en" ? "en/" : ""}${src.chapter}/`;
  return line.replace(/\]\(([^)\s]+)((?:\s+"[^"]*")?)\)/g, (whole, href: string, title: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#")) return whole;
    const url = new URL(href, `https://guide.invalid/${pagePath}`);
    const path = url.pathname.replace(/^\//, "");
    const chapter = /^(?:en\/)?(\d\d-[\w-]+)\/?$/.exec(path);
    const sameLang = path.startsWith("en/") === (src.lang === "en");
    if (chapter && sameLang && links.notebookChapters.has(chapter[1]!)) {
      return `](${chapter[1]}.ipynb${url.hash}${title})`;
    }
    return `](${links.publishedBase}${path}${url.search}${url.hash}${title})`;
  });
}

const sourceLines = (text: string) => text.split("\n").map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l));

/** Stable cell id: same chapter and position → same id, so regenerating does not churn the diff. */
const cellId = (chapter: string, index: number) =>
  createHash("sha1").update(`${chapter}#${index}`).digest("hex").slice(0, 12);

export function toNotebook(src: ChapterSource, parsed: ParsedChapter): object {
  const cells: object[] = [];
  const intro = `# ${parsed.title}` + (parsed.description ? `\n\n${parsed.description}` : "");
  const all: Block[] = [{ kind: "markdown", text: intro }, ...parsed.blocks];
  all.forEach((block, index) => {
    const id = cellId(src.chapter, index);
    if (block.kind === "markdown") {
      cells.push({ cell_type: "markdown", id, metadata: {}, source: sourceLines(block.text) });
    } else {
      cells.push({
        cell_type: "code",
        execution_count: null,
        id,
        metadata: {
          bedrock_guide: { snippet: block.file, ...(block.region ? { region: block.region } : {}) },
          // Jupyter and VS Code show a folded input the reader opens with a click; it still runs.
          ...(block.hidden ? { jupyter: { source_hidden: true } } : {}),
        },
        outputs: [],
        source: sourceLines(block.code),
      });
    }
  });
  return {
    cells,
    metadata: {
      kernelspec: KERNELSPEC,
      language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Notebook JSON as Jupyter writes it (1-space indent, trailing newline), so saving in Jupyter makes no diff noise. */
export const serializeNotebook = (nb: object) => JSON.stringify(nb, null, 1) + "\n";
