// Renders a cell's rich outputs (HTML tables and Markdown from the guide's `show.*`) as safe HTML for the
// site. The outputs come from the project's own code, but the page treats them as untrusted anyway: only
// GitHub's sanitize schema survives (no scripts, styles, event handlers or foreign elements).
// The same pipelines render a run's outputs in the reader's page (site/runtime/page-ui.ts), where the
// HTML parser is the browser's own (rehype-dom-parse) instead of parse5, which the page need not load.
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type Plugin } from "unified";
import type { Root } from "hast";

type HtmlParser = Plugin<[{ fragment: true }?], string, Root>;

/** Sanitised HTML, parsed by `parser`; numeric columns keep their right alignment as the `align` attribute the schema allows. */
export function safeHtmlWith(parser: HtmlParser): (html: string) => string {
  const pipeline = unified().use(parser, { fragment: true }).use(rehypeSanitize).use(rehypeStringify);
  return (html) => {
    const aligned = html.replace(/\sstyle="text-align:\s*(left|right|center);?"/g, ' align="$1"');
    return String(pipeline.processSync(aligned));
  };
}

const markdownPipeline = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

export function markdownToSafeHtml(markdown: string): string {
  return String(markdownPipeline.processSync(markdown));
}
