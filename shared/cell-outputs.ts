// The format of site/outputs/<lang>/<chapter>.json: the generator writes it (generator/outputs.ts) and
// the site reads it (site/components/Snippet.astro, CellOutput.astro).
import type { Lang } from "./i18n";

/** One output of a code cell, as the site shows it. */
export type CellOutput =
  | { type: "text"; stream: "stdout" | "stderr"; text: string }
  | { type: "html"; html: string }
  | { type: "markdown"; text: string }
  | { type: "svg"; file: string; alt: string }
  | { type: "png"; file: string; alt: string };

export interface OutputCell {
  /** `file` or `file#region`, as the page's <Snippet> names it. */
  snippet: string;
  /** Hash of this cell's source and of every code cell before it in the notebook. */
  hash: string;
  outputs: CellOutput[];
}

export interface ChapterOutputs {
  about: string;
  chapter: string;
  lang: Lang;
  environment: string;
  cells: OutputCell[];
}
