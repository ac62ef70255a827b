/// <reference lib="dom" />
// Every chapter page, both languages, runs its cells in the reader's browser: "Run all" through the
// page's own button, in headless Chromium, on the built site under its base path. The truth each
// output is judged by is independent of the page's runner: what the chapter's notebook printed
// through the Jupyter kernel (site/outputs/, written by `npm run outputs:generate`), normalised by
// the same code (IDs, timestamps, measured times). Where a cell cannot print the same in a page,
// DIFFERENCES says what it prints instead and why. No request may leave the site.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseOutputs } from "../../generator/outputs-normalise";
import { projectRoot } from "../../generator/snippets";
import type { ChapterOutputs, CellOutput } from "../../shared/cell-outputs";
import { runnerLabels, type Lang } from "../../shared/i18n";
import { runAllEnded } from "./run-all";
import { serveStatic } from "./static-server";
// The page runner's window.bedrockGuideRunner, declared there.
import type {} from "../../site/runtime/run-buttons";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const base = `${(process.env.BASE_PATH ?? "/guide").replace(/\/$/, "")}/`;
const siteDir = process.env.SITE_DIR;

// `npm run test:full` runs every chapter page in both languages; `npm test` each chapter once, the
// languages taking turns, as it runs the notebooks (both languages hold the same code cells).
const full = process.env.GUIDE_TEST_FULL === "1";
const chapters = existsSync(join(projectRoot, "site", "outputs", "es"))
  ? (["es", "en"] as const)
      .flatMap((lang) =>
        readdirChapters(lang).map((chapter, i) => ({
          lang,
          chapter,
          i,
          path: `${lang === "en" ? "en/" : ""}${chapter}/`,
        })),
      )
      .filter(({ lang, i }) => full || lang === ["es", "en"][i % 2])
  : [];

function readdirChapters(lang: Lang): string[] {
  return readdirSync(join(projectRoot, "site", "outputs", lang))
    .filter((f: string) => f.endsWith(".json"))
    .map((f: string) => f.replace(/\.json$/, ""))
    .sort();
}

/**
 * What a page prints differently from the kernel, by cell, and why: each is a rewrite of the stored
 * output into what the page must print, so the rest of the output is still compared.
 */
const DIFFERENCES: Record<
  string,
  { why: string; expect: (text: string, lang: Lang) => string }
> = {
  "setup.ts": {
    why: "the emulator runs inside the page, with no port: the session names it so",
    expect: (text, lang) =>
      text.replace(
        /http:\/\/127\.0\.0\.1:<(port|puerto)>/,
        lang === "es"
          ? "el emulador de esta página (sin red)"
          : "the emulator in this page (no network)",
      ),
  },
  "00-before-you-start/where-am-i.ts#session": {
    why: "a page has no Node.js version and no AWS_ENDPOINT_URL (the emulator is not on a port)",
    expect: (html, lang) =>
      html
        .replace(
          /<td>v\d+\.\d+\.\d+<\/td>/,
          `<td>${runnerLabels[lang].nodeVersion}</td>`,
        )
        .replace(
          /<td>http:\/\/127\.0\.0\.1:&lt;(port|puerto)&gt;<\/td>/,
          "<td>-</td>",
        ),
  },
};

/** The stored output with the page's known differences applied. */
function expected(
  key: string,
  outputs: CellOutput[],
  lang: Lang,
): CellOutput[] {
  const difference = DIFFERENCES[key];
  if (!difference) return outputs;
  return outputs.map((o) =>
    o.type === "text"
      ? { ...o, text: difference.expect(o.text, lang) }
      : o.type === "html"
        ? { ...o, html: difference.expect(o.html, lang) }
        : o,
  );
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  if (!siteDir || !existsSync(join(siteDir, "index.html")))
    throw new Error(
      `no built site in SITE_DIR (${siteDir}); npm test builds it first`,
    );
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: install chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  server = await serveStatic(siteDir, base);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("every chapter page runs all its cells in the browser, printing what the notebook printed", () => {
  it("finds every chapter (in both languages in the full lane)", () => {
    expect(
      new Set(chapters.map((c) => c.chapter)).size,
    ).toBeGreaterThanOrEqual(5);
    if (full)
      expect(chapters.filter((c) => c.lang === "en").length).toBe(
        chapters.filter((c) => c.lang === "es").length,
      );
  });

  it.concurrent.each(chapters)(
    "/$path",
    { timeout: 180_000 },
    async ({ lang, chapter, path }) => {
      // A context of its own: its own IndexedDB, so two chapters' prompts never meet.
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (e) =>
        problems.push(`page error: ${e.message}`),
      );
      page.on(
        "console",
        (m) =>
          m.type() === "error" &&
          problems.push(`console error: ${m.text()}`),
      );
      page.on(
        "request",
        (r) =>
          !r.url().startsWith(server.url) &&
          !r.url().startsWith("data:") &&
          problems.push(`request left the site: ${r.url()}`),
      );
      try {
        await page.goto(`${server.url}${path}`);
        // A long limit: on a loaded machine the page is busy loading its runtime right after the click.
        await page
          .getByRole("button", { name: runnerLabels[lang].runAll })
          .click({ timeout: 120_000 });
        await runAllEnded(page, { timeoutMs: 120_000, pollMs: 250 });
        const ran = await page.evaluate(async () =>
          (await window.bedrockGuideRunner)!.outputs(),
        );
        const stored = JSON.parse(
          readFileSync(
            join(projectRoot, "site", "outputs", lang, `${chapter}.json`),
            "utf8",
          ),
        ) as ChapterOutputs;
        const assetPrefix = `site/assets/outputs/${lang}/${chapter}`;
        const { cells, files } = normaliseOutputs(
          ran.map((c) => ({
            snippet: c.key,
            hash: "",
            outputs: c.outputs as unknown as Record<string, unknown>[],
          })),
          { lang, assetPrefix },
        );
        expect(
          ran
            .filter((c) => c.state !== "done")
            .map(
              (c) =>
                `${c.key}: ${c.state} ${JSON.stringify(c.outputs).slice(0, 400)}`,
            ),
        ).toEqual([]);
        expect(cells.map((c) => c.snippet)).toEqual(
          stored.cells.map((c) => c.snippet),
        );
        for (const [i, cell] of cells.entries()) {
          expect(cell.outputs, `${cell.snippet}`).toEqual(
            expected(cell.snippet, stored.cells[i]!.outputs, lang),
          );
        }
        // Figures: the same file names, and the same bytes as the kernel's.
        for (const [file, bytes] of files)
          expect(
            bytes.equals(readFileSync(join(projectRoot, file))),
            file,
          ).toBe(true);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

describe("editing a cell in the page", () => {
  const path = "en/01-foundation-models/";
  const converse = "01-foundation-models/walkthrough.ts#converse";

  /** Opens the cell's editor, replaces its code with `code`, and runs it; returns what it printed. */
  async function editAndRun(
    page: import("playwright-core").Page,
    code: string,
  ): Promise<string> {
    const cell = page.locator(`.guide-cell[data-cell="${converse}"]`);
    await cell.getByRole("button", { name: runnerLabels.en.edit }).click();
    const editor = cell.getByRole("textbox", {
      name: runnerLabels.en.editor,
    });
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText(code);
    await cell.getByRole("button", { name: runnerLabels.en.run }).click();
    await expect
      .poll(() => cell.getAttribute("data-state"), { timeout: 60_000 })
      .toMatch(/done|failed/);
    return cell.locator(".cell-output-live").innerText();
  }

  it(
    "runs the edited code, after the earlier cells it needs; Restore brings the page's code back and Reset the stored outputs",
    { timeout: 180_000 },
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}${path}`);
        const cell = page.locator(`.guide-cell[data-cell="${converse}"]`);
        const pageCode = await cell
          .locator(".expressive-code pre")
          .innerText();
        // The synthetic answer is about the question's words, so a new question shows in the answer.
        const printed = await editAndRun(
          page,
          'const reply = await askWithConverse("Describe ocean tides in one sentence.");\nconsole.log(answerText(reply));',
        );
        expect(printed).toMatch(/tides/i);
        expect(printed).not.toMatch(/generative/i);
        // The buttons, the editor and a run's output, as a reader meets them: no serious or critical
        // axe violation (the smoke test checks the page before any click).
        const { violations } = await new AxeBuilder({ page })
          .include(".guide-run-bar")
          .include(".guide-cell")
          .exclude(".expressive-code pre")
          .options({ resultTypes: ["violations"] })
          .analyze();
        expect(
          violations
            .filter(
              (v) => v.impact === "serious" || v.impact === "critical",
            )
            .map(
              (v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(" ")})`,
            ),
        ).toEqual([]);
        // The cells before it ran first (it needs askWithConverse and answerText from them).
        const states = await page.evaluate(async () =>
          (await window.bedrockGuideRunner)!.outputs().map((c) => c.state),
        );
        const index = (
          await page.evaluate(async () =>
            (await window.bedrockGuideRunner)!.outputs().map((c) => c.key),
          )
        ).indexOf(converse);
        expect(states.slice(0, index + 1).every((s) => s === "done")).toBe(
          true,
        );

        await cell
          .getByRole("button", { name: runnerLabels.en.restore })
          .click();
        await expect
          .poll(() =>
            cell
              .getByRole("textbox", { name: runnerLabels.en.editor })
              .count(),
          )
          .toBe(0);
        expect(await cell.locator(".expressive-code pre").innerText()).toBe(
          pageCode,
        );
        await cell
          .getByRole("button", { name: runnerLabels.en.run })
          .click();
        await expect
          .poll(() => cell.locator(".cell-output-live").innerText(), {
            timeout: 60_000,
          })
          .toMatch(/generative/i);

        // Reset: every cell back to not run, the page's stored outputs shown again.
        await page
          .getByRole("button", { name: runnerLabels.en.reset })
          .click();
        await expect
          .poll(() => page.locator(".cell-output-live").count())
          .toBe(0);
        expect(await cell.locator(".cell-output").isVisible()).toBe(true);
        const after = await page.evaluate(async () =>
          (await window.bedrockGuideRunner)!.outputs().map((c) => c.state),
        );
        expect(new Set(after)).toEqual(new Set(["idle"]));
      } finally {
        await context.close();
      }
    },
  );

  it(
    "shows the guide's explanation when an edited cell calls a model the region does not offer",
    { timeout: 180_000 },
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}${path}`);
        // Stable Image Core is not offered in us-east-1, the page's region (chapter 1's "wrong region");
        // the capture in data/catalog.json offers it in us-west-2. askWithConverse resolves the model
        // for the region first (modelIdFor), so the guide's own error explains it before any call.
        const printed = await editAndRun(
          page,
          'const reply = await askWithConverse(question, "stability.stable-image-core-v1:1");',
        );
        expect(
          await page
            .locator(`.guide-cell[data-cell="${converse}"]`)
            .getAttribute("data-state"),
        ).toBe("failed");
        expect(printed).toMatch(
          /^ModelNotCallableHere: stability\.stable-image-core-v1:1 cannot be called from us-east-1/m,
        );
        expect(printed).toContain("us-west-2");

        // A raw SDK call with the same model: AWS's error, with the guide's advice added to it.
        const raw = await editAndRun(
          page,
          [
            'import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";',
            "await new BedrockRuntimeClient({}).send(",
            '  new ConverseCommand({ modelId: "stability.stable-image-core-v1:1", messages: [{ role: "user", content: [{ text: "hi" }] }] }),',
            ");",
          ].join("\n"),
        );
        expect(raw).toMatch(/^ValidationException: /m);
        expect(raw).toContain("💡"); // formatAdvice's marker: the lib's advice follows AWS's message
      } finally {
        await context.close();
      }
    },
  );
});
