/// <reference lib="dom" />
// Loaded up front on a chapter page, and kept small: it adds Run and Edit to each code block that is
// a notebook cell, and Run all / Reset above the first. Everything else (the lib, the emulator, the
// SDK clients, the cell compiler) loads on the first click (page-ui.ts). Without JavaScript the page
// stays as it is, stored outputs included.
import { runnerLabels } from "../../shared/i18n";
import type { PageRunner } from "./page-ui";

declare global {
  interface Window {
    /** The page's runner once loaded: the browser test reads its outputs, a curious reader can too. */
    bedrockGuideRunner?: Promise<PageRunner>;
  }
}

const cells = [
  ...document.querySelectorAll<HTMLElement>(
    ".guide-cell[data-cell][data-notebook]",
  ),
];
if (cells.length) {
  const lang = document.documentElement.lang.startsWith("en") ? "en" : "es";
  const t = runnerLabels[lang];
  const notebookUrl = cells[0]!.dataset.notebook!;

  const button = (label: string, action: string, key?: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.dataset.action = action;
    if (key) b.dataset.cell = key;
    return b;
  };

  const bar = document.createElement("div");
  bar.className = "guide-run-bar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", t.toolbar);
  const about = document.createElement("p");
  const howTo = document.createElement("a");
  howTo.href = "../run-it-yourself/"; // a chapter's sibling in either language (/en/… or /…)
  howTo.textContent = t.runItYourself;
  about.append(`${t.about} `, howTo, ".");
  const status = document.createElement("p");
  status.className = "guide-run-status";
  status.setAttribute("role", "status");
  bar.append(
    about,
    button(t.runAll, "run-all"),
    button(t.reset, "reset"),
    status,
  );
  cells[0]!.before(bar);

  for (const cell of cells) {
    const tools = document.createElement("div");
    tools.className = "guide-cell-tools";
    tools.append(
      button(t.run, "run", cell.dataset.cell),
      button(t.edit, "edit", cell.dataset.cell),
      button(t.restore, "restore", cell.dataset.cell),
    );
    cell.prepend(tools);
  }

  const say = (message: string) => (status.textContent = message);
  const runner = () =>
    (window.bedrockGuideRunner ??=
      (say(t.loading),
      import("./page-ui").then((ui) => ui.attach(lang, notebookUrl, say))));

  document.addEventListener("click", async (event) => {
    const target = (
      event.target as Element | null
    )?.closest<HTMLButtonElement>("button[data-action]");
    if (
      !target ||
      !(
        target.closest(".guide-cell-tools") ||
        target.closest(".guide-run-bar")
      )
    )
      return;
    const key = target.dataset.cell!;
    const busy = target.closest(".guide-cell, .guide-run-bar");
    busy?.setAttribute("aria-busy", "true");
    try {
      let page: PageRunner;
      try {
        page = await runner();
      } catch (error) {
        // The runtime did not load (offline reader, a failed chunk): say so, and let a later click retry.
        window.bedrockGuideRunner = undefined;
        say(`${t.loadFailed} (${(error as Error).message})`);
        return;
      }
      if (target.dataset.action === "run") await page.run(key);
      else if (target.dataset.action === "run-all") await page.runAll();
      else if (target.dataset.action === "reset") await page.reset();
      else if (target.dataset.action === "edit") await page.edit(key);
      else if (target.dataset.action === "restore") page.restore(key);
    } finally {
      busy?.removeAttribute("aria-busy");
    }
  });
}
