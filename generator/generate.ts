// `npm run notebooks:generate`: writes notebooks/<lang>/<chapter>.ipynb from the chapter pages and
// site/assets/samples/<chapter>/<name>.<svg|png> from each chapter's samples.ts. The staleness test calls
// generateAll() and compares with what is committed.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { publishedBase } from "../shared/project.mjs";
import type { Lang } from "../shared/i18n";
import { parseChapter, serializeNotebook, toNotebook } from "./notebook";
import { projectRoot, snippetsDir } from "./snippets";

export const LANGS: readonly Lang[] = ["es", "en"];
export const docsDir = join(projectRoot, "site", "content", "docs");
export const notebooksDir = join(projectRoot, "notebooks");
export const samplesDir = join(projectRoot, "site", "assets", "samples");

const CHAPTER_FILE = /^(\d\d-[\w-]+)\.mdx$/;

/** Chapter slugs that have a page in the given language. */
export function chaptersIn(lang: Lang, docs = docsDir): string[] {
  const dir = lang === "es" ? docs : join(docs, lang);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => CHAPTER_FILE.exec(f)?.[1])
    .filter((c): c is string => !!c)
    .sort();
}

export function chapterPagePath(chapter: string, lang: Lang, docs = docsDir): string {
  return lang === "es" ? join(docs, `${chapter}.mdx`) : join(docs, lang, `${chapter}.mdx`);
}

/** Notebooks keyed by path relative to the project root; `docs` is the pages' folder (tests pass fixtures). */
export function generateNotebooks(docs = docsDir): Map<string, string> {
  const out = new Map<string, string>();
  for (const lang of LANGS) {
    const chapters = chaptersIn(lang, docs);
    for (const chapter of chapters) {
      const path = chapterPagePath(chapter, lang, docs);
      const src = { chapter, lang, mdx: readFileSync(path, "utf8"), path: relative(projectRoot, path) };
      const parsed = parseChapter(src, { publishedBase, notebookChapters: new Set(chapters) });
      out.set(`notebooks/${lang}/${chapter}.ipynb`, serializeNotebook(toNotebook(src, parsed)));
    }
  }
  return out;
}

export type SampleFn = () => Promise<{ mime: "image/png" | "image/svg+xml"; data: Buffer | string }>;

/** Runs every chapter's samples.ts (they start the emulator themselves); outputs keyed by path. */
export async function generateSamples(snippets = snippetsDir): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const chapters = readdirSync(snippets).filter((d) => /^\d\d-/.test(d)).sort();
  for (const chapter of chapters) {
    const file = join(snippets, chapter, "samples.ts");
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as { samples?: Record<string, SampleFn> };
    if (!mod.samples) throw new Error(`snippets/${chapter}/samples.ts must export \`samples\``);
    for (const [name, make] of Object.entries(mod.samples)) {
      if (!/^[\w-]+$/.test(name)) throw new Error(`snippets/${chapter}/samples.ts: bad sample name "${name}"`);
      const { mime, data } = await make();
      const ext = mime === "image/png" ? "png" : mime === "image/svg+xml" ? "svg" : null;
      if (!ext) throw new Error(`snippets/${chapter}/samples.ts: sample "${name}" has unsupported type ${mime}`);
      out.set(`site/assets/samples/${chapter}/${name}.${ext}`, typeof data === "string" ? Buffer.from(data) : data);
    }
  }
  return out;
}

/** Generated files currently on disk under root, keyed like generateNotebooks/generateSamples. */
export function committedOutputs(root = projectRoot): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string, keep: (f: string) => boolean) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full, keep);
      else if (keep(entry.name)) out.set(relative(root, full), readFileSync(full));
    }
  };
  walk(join(root, "notebooks"), (f) => f.endsWith(".ipynb"));
  walk(join(root, "site", "assets", "samples"), (f) => /\.(svg|png)$/.test(f));
  return out;
}

export async function generateAll(docs = docsDir, snippets = snippetsDir): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const [k, v] of generateNotebooks(docs)) out.set(k, Buffer.from(v));
  for (const [k, v] of await generateSamples(snippets)) out.set(k, v);
  return out;
}

/** Writes the generated files that changed under root and removes those nothing generates any more; returns how many it wrote. */
export function writeGenerated(wanted: Map<string, Buffer>, root = projectRoot): number {
  const current = committedOutputs(root);
  let written = 0;
  for (const [path, data] of wanted) {
    const full = join(root, path);
    if (current.get(path)?.equals(data)) continue;
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, data);
    written++;
    console.log(`wrote ${path}`);
  }
  for (const path of current.keys()) {
    if (!wanted.has(path)) {
      rmSync(join(root, path));
      console.log(`removed ${path} (no page or sample produces it)`);
    }
  }
  console.log(`notebooks:generate: ${wanted.size} files, ${written} changed`);
  return written;
}

async function main() {
  writeGenerated(await generateAll());
  // Samples start emulators; make sure no handle keeps the process alive.
  process.exit(0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
