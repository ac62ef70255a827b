/// <reference lib="dom" />
// The chapter page's side of running cells (loaded on the first click; run-buttons.ts is what loads
// up front): outputs under each block, the state of each cell, and editing with CodeMirror, which
// loads on the first Edit. The stored offline output stays in the page, hidden while a run's is shown.
import { runnerLabels, type Lang } from "../../shared/i18n";
import rehypeDomParse from "rehype-dom-parse";
import { markdownToSafeHtml, safeHtmlWith } from "../components/render-output";
import {
  PageNotebook,
  readNotebook,
  type RawOutput,
} from "./page-notebook";

interface Block {
  element: HTMLElement;
  index: number;
  live?: HTMLElement;
  editor?: {
    view: { state: { doc: { toString(): string } }; destroy(): void };
    holder: HTMLElement;
  };
}

export interface PageRunner {
  run(key: string): Promise<void>;
  runAll(): Promise<void>;
  reset(): Promise<void>;
  edit(key: string): Promise<void>;
  restore(key: string): void;
  /** What each cell has output in this page, in Jupyter's shape (the browser test compares it with the kernel's). */
  outputs(): { key: string; state: string; outputs: RawOutput[] }[];
}

// The build's sanitiser, with the browser's own HTML parser.
const safeHtml = safeHtmlWith(rehypeDomParse);

const svgAlt = (svg: string) =>
  /<svg\b[^>]*\baria-label="([^"]*)"/.exec(svg)?.[1] ??
  /<title>([^<]*)<\/title>/.exec(svg)?.[1] ??
  "";

export async function attach(
  lang: Lang,
  notebookUrl: string,
  status: (message: string) => void,
): Promise<PageRunner> {
  const t = runnerLabels[lang];
  const cells = await readNotebook(notebookUrl);
  const blocks = new Map<string, Block>();
  for (const element of document.querySelectorAll<HTMLElement>(
    ".guide-cell[data-cell]",
  )) {
    const index = cells.findIndex((c) => c.key === element.dataset.cell);
    if (index >= 0 && !blocks.has(cells[index]!.key))
      blocks.set(cells[index]!.key, { element, index });
  }
  const byIndex = (index: number) =>
    [...blocks.values()].find((b) => b.index === index);
  const recorded = cells.map(() => [] as RawOutput[]);

  /** The block's live output, created under its code on first use. */
  function liveOutput(block: Block): HTMLElement {
    if (block.live) return block.live;
    const details = document.createElement("details");
    details.className = "cell-output cell-output-live";
    details.open = true;
    details.innerHTML = `<summary><span class="cell-output-label"></span> <span class="cell-output-note"></span></summary><div class="cell-output-body" aria-live="polite"></div>`;
    details.querySelector(".cell-output-label")!.textContent = t.output;
    details.querySelector(".cell-output-note")!.textContent = t.outputNote;
    const stored = block.element.querySelector<HTMLElement>(
      ":scope > .cell-output:not(.cell-output-live)",
    );
    if (stored) stored.hidden = true;
    block.element.append(details);
    block.live = details;
    return details;
  }
  const bodyOf = (block: Block) =>
    liveOutput(block).querySelector<HTMLElement>(".cell-output-body")!;

  function render(block: Block, output: RawOutput) {
    const body = bodyOf(block);
    if (output.output_type === "stream") {
      const last = body.lastElementChild as HTMLElement | null;
      const stderr = output.name === "stderr";
      if (
        last?.tagName === "PRE" &&
        last.classList.contains("cell-output-stderr") === stderr
      )
        last.textContent += output.text;
      else {
        const pre = document.createElement("pre");
        pre.className = stderr
          ? "cell-output-text cell-output-stderr"
          : "cell-output-text";
        pre.tabIndex = 0;
        pre.textContent = output.text;
        body.append(pre);
      }
      return;
    }
    const data = output.data;
    if (data["text/html"] !== undefined) {
      const div = document.createElement("div");
      div.className = "cell-output-html";
      div.tabIndex = 0;
      div.setAttribute("role", "group");
      div.innerHTML = safeHtml(data["text/html"]);
      body.append(div);
    } else if (data["text/markdown"] !== undefined) {
      const div = document.createElement("div");
      div.className = "cell-output-markdown";
      div.innerHTML = markdownToSafeHtml(data["text/markdown"]);
      body.append(div);
    } else if (
      data["image/svg+xml"] !== undefined ||
      data["image/png"] !== undefined
    ) {
      const img = document.createElement("img");
      img.className = "cell-output-figure";
      const svg = data["image/svg+xml"];
      img.src =
        svg !== undefined
          ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
          : `data:image/png;base64,${data["image/png"]}`;
      img.alt = svg !== undefined ? svgAlt(svg) : "";
      body.append(img);
    }
  }

  const notebook = new PageNotebook(cells, lang, {
    started(index, because) {
      recorded[index] = [];
      const block = byIndex(index);
      if (block) {
        bodyOf(block).replaceChildren();
        block.element.dataset.state = "running";
      }
      status(
        because !== undefined ? `${t.running} ${t.ranBefore}` : t.running,
      );
    },
    output(index, output) {
      recorded[index]!.push(output);
      const block = byIndex(index);
      if (block) render(block, output);
    },
    finished(index, state) {
      const block = byIndex(index);
      if (block) block.element.dataset.state = state;
      status(state === "failed" ? t.failed : "");
    },
  });

  const blockOf = (key: string) => {
    const block = blocks.get(key);
    if (!block) throw new Error(`no cell ${key} in ${notebookUrl}`);
    return block;
  };
  /** An open editor's text becomes the cell's code before it runs. */
  const takeEdits = () => {
    for (const block of blocks.values())
      if (block.editor)
        notebook.edit(block.index, block.editor.view.state.doc.toString());
  };

  return {
    async run(key) {
      takeEdits();
      await notebook.run(blockOf(key).index);
    },
    async runAll() {
      takeEdits();
      await notebook.runAll();
    },
    async reset() {
      await notebook.reset();
      for (const block of blocks.values()) {
        block.live?.remove();
        block.live = undefined;
        delete block.element.dataset.state;
        const stored = block.element.querySelector<HTMLElement>(
          ":scope > .cell-output",
        );
        if (stored) stored.hidden = false;
      }
      recorded.forEach((_, i) => (recorded[i] = []));
      status(t.resetDone);
    },
    async edit(key) {
      const block = blockOf(key);
      if (block.editor)
        return block.editor.holder
          .querySelector<HTMLElement>(".cm-content")
          ?.focus();
      const [{ EditorView, basicSetup }, { javascript }] =
        await Promise.all([
          import("codemirror"),
          import("@codemirror/lang-javascript"),
        ]);
      const code =
        block.element.querySelector<HTMLElement>(".expressive-code");
      const holder = document.createElement("div");
      holder.className = "guide-cell-editor";
      const view = new EditorView({
        doc: notebook.codeOf(block.index),
        extensions: [
          basicSetup,
          javascript({ typescript: true }),
          EditorView.contentAttributes.of({ "aria-label": t.editor }),
        ],
        parent: holder,
      });
      if (code) {
        code.hidden = true;
        code.after(holder);
      } else block.element.prepend(holder);
      block.editor = { view, holder };
      view.focus();
    },
    restore(key) {
      const block = blockOf(key);
      notebook.edit(block.index, undefined);
      if (!block.editor) return;
      block.editor.view.destroy();
      block.editor.holder.remove();
      block.editor = undefined;
      const code =
        block.element.querySelector<HTMLElement>(".expressive-code");
      if (code) code.hidden = false;
    },
    outputs: () =>
      cells.map((c, i) => ({
        key: c.key,
        state: notebook.stateOf(i),
        outputs: recorded[i]!,
      })),
  };
}
