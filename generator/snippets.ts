// Reads snippet files for the notebook generator; the site reads the same files through Vite (Snippet.astro).
import { existsSync, readFileSync } from "node:fs";
import { join, normalize, relative } from "node:path";
import { extractRegion, SnippetError } from "../shared/snippet-regions";

export const projectRoot = join(import.meta.dirname, "..");
export const snippetsDir = join(projectRoot, "snippets");

/** Absolute path of `snippets/<file>`; refuses paths that leave snippets/ or do not exist. */
export function snippetPath(file: string): string {
  const abs = normalize(join(snippetsDir, file));
  if (relative(snippetsDir, abs).startsWith("..")) throw new SnippetError(`snippet path leaves snippets/: ${file}`);
  if (!existsSync(abs)) throw new SnippetError(`no such snippet file: snippets/${file}`);
  return abs;
}

export function readSnippet(file: string, region?: string): string {
  return extractRegion(readFileSync(snippetPath(file), "utf8"), region, `snippets/${file}`);
}
