// A chapter's notebook, run in the reader's page: the code cells of the very notebook the site
// serves (notebooks/<lang>/<chapter>.ipynb), in order, sharing one scope as tslab's kernel shares
// it, against the emulator in the page (the lib's offline mode; live mode is Node only). What a cell
// prints or shows is recorded as Jupyter records it (streams, display data), so the browser test can
// compare it with the kernel's stored outputs through the same normaliser.
import { Buffer } from "buffer";
import {
  forgetPagePrompts,
  stopGuide,
  useHost,
  environment,
  type Display,
} from "bedrock-guide";
import { formatWithOptions } from "node-inspect-extracted";
import { runnerLabels, type Lang } from "../../shared/i18n";
import { CELL_PARAMETERS, compileCell } from "./compile-cell";
import { loadModule } from "./modules";

/** One output, in Jupyter's shape (nbformat 4). */
export type RawOutput =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string }
  | {
      output_type: "display_data";
      data: Record<string, string>;
      metadata: object;
    };

export interface PageCell {
  /** The snippet it shows: "file" or "file#region", as the page's blocks and the stored outputs name it. */
  key: string;
  /** The page's code for it, as the notebook has it. */
  code: string;
}

export type CellState = "idle" | "running" | "done" | "failed";

export interface CellEvents {
  /** A cell starts (its outputs are cleared); `because` is the cell the reader asked for when it runs first as a prerequisite. */
  started(index: number, because?: number): void;
  output(index: number, output: RawOutput): void;
  finished(index: number, state: CellState): void;
}

const AsyncFunction = Object.getPrototypeOf(async () => {})
  .constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;

const text = (source: string | string[]) =>
  Array.isArray(source) ? source.join("") : source;

/** The code cells of a notebook the site serves. */
export async function readNotebook(url: string): Promise<PageCell[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const notebook = (await response.json()) as {
    cells: {
      cell_type: string;
      source: string | string[];
      metadata?: { bedrock_guide?: { snippet: string; region?: string } };
    }[];
  };
  return notebook.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => {
      const origin = c.metadata?.bedrock_guide;
      return {
        key: origin
          ? origin.region
            ? `${origin.snippet}#${origin.region}`
            : origin.snippet
          : "",
        code: text(c.source),
      };
    });
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

export class PageNotebook {
  private scope: Record<string, unknown> = {};
  private known: string[] = [];
  private readonly state: CellState[];
  private readonly edits = new Map<number, string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly cells: PageCell[],
    readonly lang: Lang,
    private readonly events: CellEvents,
  ) {
    this.state = cells.map(() => "idle");
    const env = environment();
    env.BEDROCK_GUIDE_LANG = lang;
    env.BEDROCK_GUIDE_MODE = "offline"; // AWS keys do not belong in a page: live mode is the notebooks'
    this.process.version = runnerLabels[lang].nodeVersion;
  }

  stateOf(index: number): CellState {
    return this.state[index]!;
  }

  /** The code a cell runs: the reader's edit, or the page's. */
  codeOf(index: number): string {
    return this.edits.get(index) ?? this.cells[index]!.code;
  }

  edit(index: number, code: string | undefined): void {
    if (code === undefined || code === this.cells[index]!.code)
      this.edits.delete(index);
    else this.edits.set(index, code);
  }

  /** Runs a cell, after every earlier cell that has not run yet (in order), as a reader would in Jupyter. */
  run(index: number): Promise<void> {
    return this.enqueue(async () => {
      for (let i = 0; i < index; i++) {
        if (this.state[i] === "done") continue;
        if (!(await this.runOne(i, index))) return;
      }
      await this.runOne(index);
    });
  }

  /** Every cell in order; stops at the first that fails, as Jupyter's "Run all" does. */
  runAll(): Promise<void> {
    return this.enqueue(async () => {
      for (let i = 0; i < this.cells.length; i++)
        if (!(await this.runOne(i))) return;
    });
  }

  /** A fresh start: the session stopped, every name forgotten, the prompts saved in this browser deleted. */
  reset(): Promise<void> {
    return this.enqueue(async () => {
      await stopGuide();
      await forgetPagePrompts();
      this.scope = {};
      this.known = [];
      this.state.fill("idle");
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Where the console, process.stdout and show.* write now: the running cell's output. */
  private emit: (output: RawOutput) => void = () => undefined;
  private readonly streams = {
    stdout: (...args: unknown[]) =>
      this.emit({
        output_type: "stream",
        name: "stdout",
        text: `${formatWithOptions({}, ...args)}\n`,
      }),
    stderr: (...args: unknown[]) =>
      this.emit({
        output_type: "stream",
        name: "stderr",
        text: `${formatWithOptions({}, ...args)}\n`,
      }),
  };
  private readonly display: Display = {
    html: (html) =>
      this.emit({
        output_type: "display_data",
        data: { "text/html": html },
        metadata: {},
      }),
    markdown: (md) =>
      this.emit({
        output_type: "display_data",
        data: { "text/markdown": md },
        metadata: {},
      }),
    svg: (svg) =>
      this.emit({
        output_type: "display_data",
        data: { "image/svg+xml": svg },
        metadata: {},
      }),
    png: (png) =>
      this.emit({
        output_type: "display_data",
        data: { "image/png": base64(png) },
        metadata: {},
      }),
  };
  // What cells read of Node's process: the session's environment, and stdout for streamed text. One
  // object for every cell: a function declared in one cell writes to the cell that calls it.
  private readonly process = {
    env: environment(),
    version: "", // set in the constructor, in the page's language: a page has no Node (chapter 0 prints it)
    stdout: {
      write: (chunk: unknown) => (
        this.emit({
          output_type: "stream",
          name: "stdout",
          text: String(chunk),
        }),
        true
      ),
    },
    stderr: {
      write: (chunk: unknown) => (
        this.emit({
          output_type: "stream",
          name: "stderr",
          text: String(chunk),
        }),
        true
      ),
    },
  };

  private async runOne(index: number, because?: number): Promise<boolean> {
    this.emit = (output) => this.events.output(index, output);
    this.state[index] = "running";
    this.events.started(index, because);
    // Node's console, as tslab's kernel captures it (log/info/debug on stdout, warn/error on
    // stderr); the lib prints through it too (the session's banner, plain-text tables).
    const saved = {
      log: console.log,
      info: console.info,
      debug: console.debug,
      warn: console.warn,
      error: console.error,
    };
    const { stdout, stderr } = this.streams;
    Object.assign(console, {
      log: stdout,
      info: stdout,
      debug: stdout,
      warn: stderr,
      error: stderr,
    });
    const restoreHost = useHost({ display: () => this.display });
    try {
      const { body, declares } = compileCell(
        this.codeOf(index),
        this.known,
      );
      for (const name of declares)
        if (!this.known.includes(name)) this.known.push(name);
      const run = new AsyncFunction(...CELL_PARAMETERS, body);
      const value = await run(
        this.scope,
        (name: string) => loadModule(name, this.lang),
        this.process,
        Buffer,
      );
      // tslab prints a cell's last expression with console.log when it is neither null nor undefined.
      if (value !== undefined && value !== null) stdout(value);
      this.state[index] = "done";
      return true;
    } catch (error) {
      const e = error as { name?: string; message?: string };
      // Jupyter shows "Name: message"; the lib has already added its advice to the message.
      this.emit({
        output_type: "stream",
        name: "stderr",
        text: `${e?.name ?? "Error"}: ${e?.message ?? String(error)}\n`,
      });
      this.state[index] = "failed";
      return false;
    } finally {
      restoreHost();
      Object.assign(console, saved);
      this.emit = () => undefined;
      this.events.finished(index, this.state[index]!);
    }
  }
}
