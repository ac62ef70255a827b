// Browser smoke test of the built site (run after `astro build`): Debian's chromium driven by playwright-core.
// The site is served under a sub-path, as a deployment under a base path would be.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractRegion } from "../../generator/regions";
import { projectRoot } from "../../generator/snippets";
import { serveStatic } from "./static-server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// scripts/test.ts builds into SITE_DIR with BASE_PATH; run alone, the test builds it itself.
const base = `${(process.env.BASE_PATH ?? "/guide").replace(/\/$/, "")}/`;
const siteDir = process.env.SITE_DIR ?? join(projectRoot, ".cache", "site-test");

let context: BrowserContext;
let page: Page;
let server: Awaited<ReturnType<typeof serveStatic>>;
let userDataDir: string;

beforeAll(async () => {
  if (!process.env.SITE_DIR) {
    // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test…) in process.env; a child Astro build
    // would take them over its config, so it gets a clean environment.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(k)),
    );
    const build = spawnSync(process.execPath, [join(projectRoot, "node_modules/astro/bin/astro.mjs"), "build"], {
      cwd: projectRoot,
      env: { ...env, BASE_PATH: base, ASTRO_OUT_DIR: siteDir },
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  }
  if (!existsSync(join(siteDir, "index.html"))) throw new Error(`no built site in ${siteDir}`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  server = await serveStatic(siteDir, base);
  userDataDir = mkdtempSync(join(tmpdir(), "bedrock-guide-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe("built site", () => {
  it("renders the Spanish home at the base path", async () => {
    const res = await page.goto(server.url);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("es");
    await expect(page.locator("h1").first().innerText()).resolves.toBe("Guía interactiva de Amazon Bedrock");
    // The call to action leads to chapter 00 under the base path.
    await Promise.all([page.waitForURL(`${server.url}00-before-you-start/`), page.getByRole("link", { name: "Empieza aquí" }).click()]);
    await expect(page.locator("h1").first().innerText()).resolves.toBe("Antes de empezar");
  });

  it("renders the English home under /en/", async () => {
    const res = await page.goto(`${server.url}en/`);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expect(page.locator("h1").first().innerText()).resolves.toBe("Interactive Amazon Bedrock guide");
  });

  it("switches language with the language picker, staying on the same chapter", async () => {
    await page.goto(`${server.url}00-before-you-start/`);
    await expect(page.locator("h1").first().innerText()).resolves.toBe("Antes de empezar");
    await Promise.all([page.waitForURL(`${server.url}en/00-before-you-start/`), page.locator("header starlight-lang-select select").selectOption({ label: "English" })]);
    await expect(page.locator("h1").first().innerText()).resolves.toBe("Before you start");
  });

  it("finds a chapter with Pagefind search", async () => {
    await page.goto(server.url);
    await page.locator("button[data-open-modal]").first().click();
    await page.locator("#starlight__search input").fill("credenciales");
    const hit = page.locator(`#starlight__search .pagefind-ui__result-link[href^="${base}00-before-you-start/"]`).first();
    await hit.waitFor({ timeout: 15_000 });
    expect(await hit.innerText()).toContain("Antes de empezar");
  });

  it("shows a snippet file's exact text in its code block, titled with the file path", async () => {
    await page.goto(`${server.url}en/00-before-you-start/`);
    const file = "00-before-you-start/where-am-i.ts";
    const expected = extractRegion(readFileSync(join(projectRoot, "snippets", file), "utf8"), "session");
    const block = page.locator("figure").filter({ has: page.locator(`figcaption :text-is("snippets/${file}")`) });
    await expect(block.count()).resolves.toBe(1);
    // Expressive Code renders one .ec-line per source line; an empty line holds a lone newline.
    const lines = await block.locator(".ec-line").evaluateAll((els) => els.map((e) => (e.textContent ?? "").replace(/\n$/, "")));
    expect(lines.join("\n")).toBe(expected);
  });

  it("links each chapter to its notebook in the page's language, served by the site", async () => {
    for (const [path, lang] of [["00-before-you-start/", "es"], ["en/00-before-you-start/", "en"]] as const) {
      await page.goto(`${server.url}${path}`);
      const href = await page.locator(".notebook-link a[download]").getAttribute("href");
      expect(href).toBe(`${base}notebooks/${lang}/00-before-you-start.ipynb`);
      const res = await page.request.get(new URL(href!, server.url).href);
      expect(res.status()).toBe(200);
      expect(await res.text()).toBe(readFileSync(join(projectRoot, "notebooks", lang, "00-before-you-start.ipynb"), "utf8"));
    }
  });
});
