// `npm run links:external`: prints one report of every external link the pages contain, with the pages
// that use it, for checking by hand (the build's link validator checks the internal links and anchors).
// Printed rather than committed, so adding a link to a page never leaves a generated file stale.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../generator/snippets";

const docs = join(projectRoot, "site", "content", "docs");

/** External URLs in the pages (Markdown links, autolinks, bare URLs, href attributes), each with its pages. */
export function externalLinks(): Map<string, string[]> {
  const links = new Map<string, Set<string>>();
  const pages = readdirSync(docs, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".mdx") || f.endsWith(".md"));
  for (const page of pages.sort()) {
    const text = readFileSync(join(docs, page), "utf8");
    for (const m of text.matchAll(/https?:\/\/[^\s)<>"'`\]]+/g)) {
      const url = m[0].replace(/[.,;:]+$/, "");
      if (/^https?:\/\/(localhost|127\.0\.0\.1)([:/]|$)/.test(url)) continue; // the reader's own machine
      if (!links.has(url)) links.set(url, new Set());
      links.get(url)!.add(`site/content/docs/${page}`);
    }
  }
  return new Map([...links].sort(([a], [b]) => a.localeCompare(b)).map(([url, where]) => [url, [...where]]));
}

export function report(): string {
  const links = externalLinks();
  const lines = [
    "# External links in the guide's pages",
    "",
    "Printed by `npm run links:external`. The build checks internal links and anchors",
    "(starlight-links-validator); these point outside the site and are checked by hand: open each one,",
    "and fix or replace what moved.",
    "",
    `${links.size} links.`,
    "",
    ...[...links].map(([url, pages]) => `- <${url}> — ${pages.join(", ")}`),
  ];
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(report());
}
