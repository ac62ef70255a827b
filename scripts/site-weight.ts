// What each page of a built site weighs: its HTML, the CSS it links (plus inline styles) and the JavaScript
// it loads up front (module scripts, their static imports, inline scripts). Code loaded on demand, such as
// Pagefind's when the search opens, is not up front. Used by `npm run bench:site` and the browser test.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  /** Page path under the base, e.g. "en/01-foundation-models/" ("" for the home page). */
  page: string;
  html: number;
  css: number;
  js: number;
  /** The same, gzip-compressed, as a server would usually send them. */
  gzip: { html: number; css: number; js: number };
}

/** Every page (directory with an index.html, plus 404.html) of a built site. */
/** Where a built redirect stub sends the reader (its meta refresh URL), or undefined for a real page. */
export function redirectTarget(htmlFile: string): string | undefined {
  const html = readFileSync(htmlFile, "utf8");
  return /<meta http-equiv="refresh" content="\d+;url=([^"]+)">/.exec(html)?.[1];
}

/** The redirect stubs of a built site: page path (as builtPages gives it) → the URL it sends to. */
export function builtRedirects(siteDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith("_") || ["pagefind", "notebooks"].includes(e.name)) continue;
      const index = join(dir, e.name, "index.html");
      const target = existsSync(index) ? redirectTarget(index) : undefined;
      if (target !== undefined) out.set(`${relative(siteDir, join(dir, e.name))}/`, target);
      walk(join(dir, e.name));
    }
  };
  walk(siteDir);
  return out;
}

export function builtPages(siteDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith("_") || ["pagefind", "notebooks"].includes(e.name)) continue;
      const index = join(dir, e.name, "index.html");
      // A redirect (astro.config.mjs `redirects`) is a stub that sends the reader on, not a page.
      if (existsSync(index) && redirectTarget(index) === undefined) out.push(`${relative(siteDir, join(dir, e.name))}/`);
      walk(join(dir, e.name));
    }
  };
  walk(siteDir);
  return ["", ...out.sort(), ...(existsSync(join(siteDir, "404.html")) ? ["404.html"] : [])];
}

export function pageWeight(siteDir: string, base: string, page: string): PageWeight {
  const file = page.endsWith(".html") ? join(siteDir, page) : join(siteDir, page, "index.html");
  const html = readFileSync(file, "utf8");
  const local = (url: string) => {
    const path = url.split(/[?#]/)[0]!;
    if (!path.startsWith(base)) return undefined; // external: not part of the site's weight
    const full = join(siteDir, path.slice(base.length));
    return existsSync(full) && statSync(full).isFile() ? full : undefined;
  };
  const css: Buffer[] = [];
  for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
    if (/media="print"/.test(m[0])) continue;
    const href = /href="([^"]+)"/.exec(m[0])?.[1];
    const f = href && local(href);
    if (f && !css.some((b) => b.equals(readFileSync(f)))) css.push(readFileSync(f));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css.push(Buffer.from(m[1]!));

  const js: Buffer[] = [];
  const seen = new Set<string>();
  const addModule = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(path, "utf8");
    js.push(Buffer.from(text));
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); import() is loaded on demand.
    for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)) {
      const target = m[1]!.startsWith("/") ? local(m[1]!) : join(dirname(path), m[1]!);
      if (target && existsSync(target)) addModule(target);
    }
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /src="([^"]+)"/.exec(m[1]!)?.[1];
    if (src) {
      const f = local(src);
      if (f) addModule(f);
    } else if (!/type="application\/(ld\+)?json"/.test(m[1]!)) {
      js.push(Buffer.from(m[2]!));
    }
  }
  const sum = (bs: Buffer[]) => bs.reduce((n, b) => n + b.length, 0);
  const gz = (bs: Buffer[]) => (bs.length ? gzipSync(Buffer.concat(bs)).length : 0);
  return {
    page,
    html: Buffer.byteLength(html),
    css: sum(css),
    js: sum(js),
    gzip: { html: gzipSync(html).length, css: gz(css), js: gz(js) },
  };
}

/**
 * Starlight's own JavaScript for a docs page: the run-it-yourself page uses nothing but Starlight's
 * features (Markdown, code blocks, table of contents, search, theme and language pickers), so what it
 * loads is the baseline the guide's pages are held to.
 */
export const BASELINE_PAGE = "run-it-yourself/";
export const JS_ALLOWANCE = 10 * 1024;
