// Renders a cell's rich outputs (HTML tables and Markdown from the guide's `show.*`) as safe HTML for the
// site. The outputs come from the project's own code, but the page treats them as untrusted anyway: only
// GitHub's sanitize schema survives (no scripts, styles, event handlers or foreign elements).
import rehypeParse from "rehype-parse";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const htmlPipeline = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize).use(rehypeStringify);
const markdownPipeline = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

/** Sanitised HTML; numeric columns keep their right alignment as the `align` attribute the schema allows. */
export function safeHtml(html: string): string {
  const aligned = html.replace(/\sstyle="text-align:\s*(left|right|center);?"/g, ' align="$1"');
  return String(htmlPipeline.processSync(aligned));
}

export function markdownToSafeHtml(markdown: string): string {
  return String(markdownPipeline.processSync(markdown));
}
