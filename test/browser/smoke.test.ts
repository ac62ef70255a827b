/// <reference lib="dom" />
// Browser smoke test of the built site (run after `astro build`): Debian's chromium driven by playwright-core.
// The site is served under a sub-path, as a deployment under a base path would be.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractRegion } from "../../shared/snippet-regions";
import { projectRoot } from "../../generator/snippets";
import { serveStatic } from "./static-server";
import {
  BASELINE_PAGE,
  builtPages,
  builtRedirects,
  JS_ALLOWANCE,
  pageWeight,
} from "../../scripts/site-weight";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// scripts/test.ts builds into SITE_DIR with BASE_PATH; run alone, the test builds it itself, into a folder of
// its own (so two runs never share one), before the tests are collected: the page list comes from the build.
const base = `${(process.env.BASE_PATH ?? "/guide").replace(/\/$/, "")}/`;
const ownBuild = !process.env.SITE_DIR;
const siteDir = process.env.SITE_DIR ?? buildSite();

function buildSite(): string {
  mkdirSync(join(projectRoot, ".cache"), { recursive: true });
  const dir = mkdtempSync(join(projectRoot, ".cache", "site-test-"));
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test…) in process.env; a child Astro build
  // would take them over its config, so it gets a clean environment.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(k),
    ),
  );
  const build = spawnSync(
    process.execPath,
    [join(projectRoot, "node_modules/astro/bin/astro.mjs"), "build"],
    {
      cwd: projectRoot,
      env: { ...env, BASE_PATH: base, ASTRO_OUT_DIR: dir },
      encoding: "utf8",
      // spawnSync blocks the worker, so nothing else could stop a hung build.
      timeout: 10 * 60_000,
    },
  );
  if (build.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `astro build failed (${build.error?.message ?? `exit ${build.status}`}):\n${build.stdout}\n${build.stderr}`,
    );
  }
  return dir;
}

let context: BrowserContext;
let page: Page;
let server: Awaited<ReturnType<typeof serveStatic>>;
let userDataDir: string;

beforeAll(async () => {
  if (!existsSync(join(siteDir, "index.html")))
    throw new Error(`no built site in ${siteDir}`);
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: install chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  server = await serveStatic(siteDir, base);
  userDataDir = mkdtempSync(join(tmpdir(), "bedrock-guide-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  // Headless Chromium can go without idle periods after a navigation (it draws no frames), so a
  // requestIdleCallback without a deadline may never run. Starlight builds Pagefind's search UI from
  // one: in 224 page loads here the search box never appeared in 5, with a plain idle callback
  // starved for 3 s each time (1 of 10 loaded npm test runs failed on it). A reader's visible tab
  // draws frames and gets idle periods; this test browser gives every idle callback a 1 s deadline
  // instead (0 failures in 120 loads).
  await context.addInitScript(() => {
    const requestIdle = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = (callback, options) =>
      requestIdle(callback, { timeout: 1000, ...options });
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  if (ownBuild) rmSync(siteDir, { recursive: true, force: true });
});

describe("built site", () => {
  it("renders the Spanish home at the base path", async () => {
    const res = await page.goto(server.url);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("es");
    await expect(page.locator("h1").first().innerText()).resolves.toBe(
      "Guía interactiva de Amazon Bedrock",
    );
    // The call to action leads to chapter 00 under the base path.
    await Promise.all([
      page.waitForURL(`${server.url}00-before-you-start/`),
      page.getByRole("link", { name: "Empieza aquí" }).click(),
    ]);
    await expect(page.locator("h1").first().innerText()).resolves.toBe(
      "Antes de empezar",
    );
  });

  it("renders the English home under /en/", async () => {
    const res = await page.goto(`${server.url}en/`);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expect(page.locator("h1").first().innerText()).resolves.toBe(
      "Interactive Amazon Bedrock guide",
    );
  });

  it("switches language with the language picker, staying on the same chapter", async () => {
    await page.goto(`${server.url}00-before-you-start/`);
    await expect(page.locator("h1").first().innerText()).resolves.toBe(
      "Antes de empezar",
    );
    await Promise.all([
      page.waitForURL(`${server.url}en/00-before-you-start/`),
      page
        .locator("header starlight-lang-select select")
        .selectOption({ label: "English" }),
    ]);
    await expect(page.locator("h1").first().innerText()).resolves.toBe(
      "Before you start",
    );
  });

  it("shows a snippet file's exact text in its code block, titled with the file path", async () => {
    await page.goto(`${server.url}en/00-before-you-start/`);
    const file = "00-before-you-start/where-am-i.ts";
    const expected = extractRegion(
      readFileSync(join(projectRoot, "snippets", file), "utf8"),
      "session",
    );
    const block = page
      .locator("figure")
      .filter({
        has: page.locator(`figcaption :text-is("snippets/${file}")`),
      });
    await expect(block.count()).resolves.toBe(1);
    // Expressive Code renders one .ec-line per source line; an empty line holds a lone newline.
    const lines = await block
      .locator(".ec-line")
      .evaluateAll((els) =>
        els.map((e) => (e.textContent ?? "").replace(/\n$/, "")),
      );
    expect(lines.join("\n")).toBe(expected);
  });

  it("sends the published URLs of the old chapter 3 (Prompt Management) to chapter 4, under the base path", async () => {
    const redirects = Object.fromEntries(builtRedirects(siteDir));
    expect(redirects).toEqual({
      "03-managing-prompts/": `${base}04-managing-prompts/`,
      "en/03-managing-prompts/": `${base}en/04-managing-prompts/`,
    });
    for (const [from, title] of [
      ["03-managing-prompts/", "es"],
      ["en/03-managing-prompts/", "en"],
    ] as const) {
      await Promise.all([
        page.waitForURL(`${server.url}${from.replace("03-", "04-")}`),
        page.goto(`${server.url}${from}`),
      ]);
      expect(await page.getAttribute("html", "lang")).toBe(title);
    }
  });

  it("links each chapter to its notebook in the page's language, served by the site", async () => {
    for (const [path, lang] of [
      ["00-before-you-start/", "es"],
      ["en/00-before-you-start/", "en"],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      const href = await page
        .locator(".notebook-link a[download]")
        .getAttribute("href");
      expect(href).toBe(
        `${base}notebooks/${lang}/00-before-you-start.ipynb`,
      );
      const res = await page.request.get(new URL(href!, server.url).href);
      expect(res.status()).toBe(200);
      expect(await res.text()).toBe(
        readFileSync(
          join(projectRoot, "notebooks", lang, "00-before-you-start.ipynb"),
          "utf8",
        ),
      );
    }
  });
});

// Every page of the built site, both languages: English paths start with en/ (404.html aside).
const pages = existsSync(siteDir)
  ? builtPages(siteDir).filter((p) => p !== "404.html")
  : [];
const chapterPages = pages.filter((p) => /^(en\/)?\d\d-/.test(p));

/**
 * axe runs on every page in `npm run test:full` (GUIDE_TEST_FULL=1). In `npm test` it runs on the Spanish
 * pages and the English home: both languages are built from the same components, so a violation in
 * a component shows in Spanish too, and the English pages' own words (image alternatives, link names)
 * are checked on every page below without axe. axe is most of this test's time (README, "Tests").
 */
const axeOn = (path: string) =>
  process.env.GUIDE_TEST_FULL === "1" ||
  !path.startsWith("en/") ||
  path === "en/";

/** What each page is checked for, in one visit (a chapter page is about 550 KB of HTML), in a tab of its own. */
async function checkPage(path: string): Promise<string[]> {
  const page = await context.newPage();
  try {
    return await checkPageIn(page, path);
  } finally {
    await page.close();
  }
}

async function checkPageIn(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) =>
    m.type() === "error" && problems.push(`console error: ${m.text()}`);
  const onError = (e: Error) => problems.push(`page error: ${e.message}`);
  const onResponse = (r: { status(): number; url(): string }) =>
    r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  page.on("response", onResponse);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    const res = await page.goto(`${server.url}${path}`, {
      waitUntil: "load",
    });
    if (res?.status() !== 200)
      problems.push(`HTTP ${res?.status()} for the page itself`);

    // Every image, lazy ones included, loads once scrolled into view.
    const images = page.locator("main img");
    for (let i = 0; i < (await images.count()); i++) {
      const img = images.nth(i);
      await img.scrollIntoViewIfNeeded();
      const loaded = await img.evaluate(
        (el: HTMLImageElement) =>
          new Promise<boolean>((resolve) => {
            if (el.complete) return resolve(el.naturalWidth > 0);
            el.addEventListener(
              "load",
              () => resolve(el.naturalWidth > 0),
              { once: true },
            );
            el.addEventListener("error", () => resolve(false), {
              once: true,
            });
          }),
      );
      if (!loaded)
        problems.push(
          `image did not load: ${await img.getAttribute("src")}`,
        );
    }
    await page.evaluate(() =>
      window.scrollTo(0, document.documentElement.scrollHeight),
    );

    if (/^(en\/)?\d\d-/.test(path)) {
      // At 1280 px no code block scrolls sideways.
      const wide = await page
        .locator(".expressive-code pre")
        .evaluateAll(
          (els) =>
            els.filter((e) => e.scrollWidth > e.clientWidth + 1).length,
        );
      if (wide)
        problems.push(`${wide} code blocks scroll sideways at 1280 px`);
      // No value lost between the notebook and the page: no ARN cut at its ID ("prompt/:1"), and no
      // more empty table cells than the stored outputs hold (a placeholder read as a tag empties one).
      const cut = await page.locator(".cell-output").evaluateAll((els) =>
        // innerText: a tab between table cells, so an ARN ends where its cell does.
        els
          .flatMap(
            (e) =>
              (e as HTMLElement).innerText.match(/arn:aws[^\s"']*/g) ?? [],
          )
          .filter((arn) => /\/:|\/$/.test(arn)),
      );
      if (cut.length) problems.push(`ARNs cut at an ID: ${cut.join(", ")}`);
      const emptyOnPage = await page
        .locator(".cell-output td")
        .evaluateAll(
          (tds) => tds.filter((td) => !td.textContent?.trim()).length,
        );
      const [lang, chapter] = path.startsWith("en/")
        ? ["en", path.slice(3, -1)]
        : ["es", path.slice(0, -1)];
      const stored = JSON.parse(
        readFileSync(
          join(projectRoot, "site", "outputs", lang, `${chapter}.json`),
          "utf8",
        ),
      ) as { cells: { outputs: { html?: string }[] }[] };
      const emptyStored = stored.cells
        .flatMap((c) => c.outputs)
        .reduce(
          (n, o) =>
            n + (o.html?.match(/<td\b[^>]*>\s*<\/td>/g)?.length ?? 0),
          0,
        );
      if (emptyOnPage > emptyStored)
        problems.push(
          `${emptyOnPage} empty table cells, where the stored outputs have ${emptyStored}`,
        );
      // Code cells show their offline output, labelled; the first (setup) says it ran offline, with no real port.
      const outputs = page.locator(".cell-output");
      const en = path.startsWith("en/");
      if ((await outputs.count()) === 0)
        problems.push("no cell output on the page");
      else {
        const summary = await outputs
          .first()
          .locator("summary")
          .innerText();
        if (
          !summary.includes(en ? "Offline output" : "Salida sin conexión")
        )
          problems.push(`output label: ${summary}`);
        const first = await outputs.first().innerText();
        if (
          !(en ? /offline/i : /sin conexión/i).test(first) ||
          /127\.0\.0\.1:\d/.test(first)
        )
          problems.push(`setup output: ${first}`);
      }
    }

    // Accessibility, with folded blocks opened so axe checks what they hold too. Code lines are left
    // out: thousands of highlighted tokens make axe take ~20 s a chapter, and expressive-code already
    // raises every token's colour to its minimum contrast (5.5:1 by default); the code blocks' frames,
    // titles and buttons are still checked. Legacy mode runs axe in the page (there are no iframes).
    await page.evaluate(() =>
      document.querySelectorAll("details").forEach((d) => (d.open = true)),
    );
    // The excluded code lines are still walked by axe; emptying them (after every check above) halves its time.
    await page.evaluate(() =>
      document
        .querySelectorAll(".expressive-code pre code")
        .forEach((c) => c.replaceChildren(document.createTextNode(" "))),
    );
    // Every image has a text alternative and every link a name, on every page: the parts of axe's
    // verdict that depend on a page's own words rather than the components both languages share.
    const unnamed = await page.evaluate(() => [
      ...[...document.querySelectorAll("main img")]
        .filter((i) => !i.getAttribute("alt")?.trim())
        .map((i) => `image without alt: ${i.getAttribute("src")}`),
      ...[...document.querySelectorAll("a[href]")]
        .filter(
          (a) =>
            !(
              a.textContent?.trim() ||
              a.getAttribute("aria-label") ||
              a.querySelector("img[alt], svg[aria-label]")
            ),
        )
        .map((a) => `link without a name: ${a.getAttribute("href")}`),
    ]);
    problems.push(...unnamed);
    if (axeOn(path)) {
      // resultTypes: only violations are read, so axe skips collecting what passed (a third faster).
      const { violations } = await new AxeBuilder({ page })
        .exclude(".expressive-code pre")
        .setLegacyMode(true)
        .options({ resultTypes: ["violations"] })
        .analyze();
      for (const v of violations.filter(
        (v) => v.impact === "serious" || v.impact === "critical",
      )) {
        problems.push(
          `axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(" ")})`,
        );
      }
    }
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onError);
    page.off("response", onResponse);
  }
  return problems;
}

describe("every page, both languages", () => {
  it("finds the site's pages: home, chapters and the run-it-yourself page in both languages", () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        "",
        "en/",
        "run-it-yourself/",
        "en/run-it-yourself/",
      ]),
    );
    expect(chapterPages.filter((p) => p.startsWith("en/")).length).toBe(
      chapterPages.filter((p) => !p.startsWith("en/")).length,
    );
    expect(chapterPages.length).toBeGreaterThanOrEqual(8);
  });

  // Three tabs at a time (the browser project's maxConcurrency): a page's visit mostly waits on loads.
  it.concurrent.each(pages)(
    "/%s: no console error or failed request, every image loads once scrolled to and has an alternative, every link a name, no serious or critical axe violation (chapters: no code block scrolls sideways at 1280 px, offline outputs shown)",
    async (path) => {
      expect(await checkPage(path)).toEqual([]);
    },
  );

  it.each(pages)(
    "/%s loads no more JavaScript up front than Starlight's baseline plus 10 KB",
    (path) => {
      const baseline = pageWeight(siteDir, base, BASELINE_PAGE).js;
      expect(pageWeight(siteDir, base, path).js).toBeLessThanOrEqual(
        baseline + JS_ALLOWANCE,
      );
    },
  );

  it("takes the baseline from a page that uses only Starlight's features", () => {
    // If the run-it-yourself page ever imports a guide component, it stops being a fair baseline.
    const mdx = readFileSync(
      join(projectRoot, "site/content/docs/run-it-yourself.mdx"),
      "utf8",
    );
    expect(mdx).not.toMatch(/^import\s/m);
    expect(pageWeight(siteDir, base, BASELINE_PAGE).js).toBeGreaterThan(0);
  });

  it.each(["", "en/"])(
    "the home page /%s links to the run-it-yourself page in its language",
    async (home) => {
      await page.goto(`${server.url}${home}`);
      const links = page.locator('main a[href*="run-it-yourself"]');
      expect(await links.count()).toBeGreaterThan(0);
      for (const href of await links.evaluateAll((els) =>
        els.map((a) => (a as HTMLAnchorElement).href),
      )) {
        expect(href).toBe(`${server.url}${home}run-it-yourself/`);
      }
    },
  );

  it("serves the favicon every page links to", async () => {
    await page.goto(server.url);
    const href = await page
      .locator('link[rel~="icon"]')
      .first()
      .getAttribute("href");
    expect(href).toBe(`${base}favicon.svg`);
    const res = await page.request.get(new URL(href!, server.url).href);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("<svg");
  });

  // Pagefind's search, opened from the header as a reader does, in each language.
  it.each(["es", "en"] as const)(
    "search (%s) finds each chapter by the longest word of its title, titled as the page",
    async (lang) => {
      const chapters = chapterPages.filter(
        (p) => p.startsWith("en/") === (lang === "en"),
      );
      await page.goto(`${server.url}${lang === "en" ? "en/" : ""}`);
      await page
        .locator("button[data-open-modal]:not([disabled])")
        .first()
        .click();
      const input = page.locator("#starlight__search input");
      // Pagefind's UI builds the input from an idle callback after the page loads, fetching its script
      // (see the init script above): on a loaded machine, wait for it by itself, past an action's 30 s.
      await input.waitFor({ state: "visible", timeout: 90_000 });
      for (const chapter of chapters) {
        const html = readFileSync(
          join(siteDir, chapter, "index.html"),
          "utf8",
        );
        const title = /<h1\b[^>]*>([^<]+)<\/h1>/.exec(html)![1]!;
        const word = title
          .split(/[^\p{L}\p{N}]+/u)
          .sort((a, b) => b.length - a.length)[0]!;
        await input.fill(word);
        const hit = page
          .locator(
            `#starlight__search .pagefind-ui__result-link[href^="${base}${chapter}"]`,
          )
          .first();
        await hit.waitFor({ timeout: 15_000 });
        expect(await hit.innerText()).toContain(title);
      }
    },
    180_000,
  );
});
