// The site build's HTML sanitiser: render-output.ts's pipeline with parse5 (rehype-parse), as Node has no DOM.
import rehypeParse from "rehype-parse";
import { safeHtmlWith } from "./render-output";

export { markdownToSafeHtml } from "./render-output";
export const safeHtml = safeHtmlWith(rehypeParse);
