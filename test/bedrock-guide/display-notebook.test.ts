import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// How `show` finds out it runs in a tslab kernel. tslab's jupyter module sets
// `lastWriteDisplayData` once the kernel is serving a notebook (node_modules/tslab/dist/jupyter.js
// starts it as null), and `display` is tslab's public API for rich output. Here node:module's
// createRequire is replaced, so each test decides what Node's module cache holds.

const state = vi.hoisted(() => ({
  cache: {} as Record<string, unknown>,
  modules: {} as Record<string, unknown>,
  requiredFrom: [] as string[],
  required: [] as string[],
}));

vi.mock("node:module", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:module")>();
  return {
    ...actual,
    createRequire(from: string) {
      state.requiredFrom.push(from);
      const require = (id: string) => {
        state.required.push(id);
        if (!(id in state.modules)) throw new Error(`Cannot find module '${id}'`);
        return state.modules[id];
      };
      require.cache = state.cache;
      return require;
    },
  };
});

const KERNEL_MODULE = "/work/project/node_modules/tslab/dist/jupyter.js";

function fakeTslab(lastWriteDisplayData: unknown) {
  const display = { html: vi.fn(), markdown: vi.fn(), svg: vi.fn(), png: vi.fn() };
  state.cache[KERNEL_MODULE] = {};
  state.modules["tslab/dist/jupyter"] = { lastWriteDisplayData };
  state.modules.tslab = { display };
  return display;
}

/** Fresh copies of display.ts and its host, given tslab's display as node.ts gives it: they remember what they found. */
async function freshDisplay() {
  vi.resetModules();
  const { useHost } = await import("../../packages/bedrock-guide/host");
  const { notebookDisplay } = await import("../../packages/bedrock-guide/node-display");
  useHost({ kind: "node", display: notebookDisplay });
  return import("../../packages/bedrock-guide/display");
}

const muteLog = () => vi.spyOn(console, "log").mockImplementation(() => {});
let log: ReturnType<typeof muteLog>;
beforeEach(() => {
  state.cache = {};
  state.modules = {};
  state.requiredFrom = [];
  state.required = [];
  log = muteLog();
});
afterEach(() => vi.restoreAllMocks());

describe("show in a tslab notebook", () => {
  it("sends tables as HTML, markdown, SVG and PNG to tslab's display, printing nothing", async () => {
    const display = fakeTslab(() => {});
    const { show, inNotebook, htmlTable } = await freshDisplay();
    expect(inNotebook()).toBe(true);
    const rows = [{ model: "a<b", ms: 3 }];
    show.table(rows, { caption: "c" });
    expect(display.html).toHaveBeenCalledWith(htmlTable(rows, { caption: "c" }));
    expect(display.html.mock.calls[0][0]).toContain("<caption>c</caption>");
    show.markdown("**bold**");
    expect(display.markdown).toHaveBeenCalledWith("**bold**");
    show.svg("<svg/>", "chart");
    expect(display.svg).toHaveBeenCalledWith("<svg/>");
    const png = new Uint8Array([137, 80, 78, 71]);
    show.png(png, "picture");
    expect(display.png).toHaveBeenCalledWith(png);
    expect(log).not.toHaveBeenCalled();
  });

  it("looks for tslab from the working directory, where the kernel starts (the project)", async () => {
    fakeTslab(() => {});
    const { inNotebook } = await freshDisplay();
    inNotebook();
    const from = state.requiredFrom[0];
    // createRequire resolves from the folder of the path it gets; a trailing "/" makes it the folder.
    expect(from.endsWith("/") ? from : dirname(from)).toBe(join(process.cwd(), "/"));
  });

  it("finds the kernel module on Windows paths too", async () => {
    const display = fakeTslab(() => {});
    delete state.cache[KERNEL_MODULE];
    state.cache["C:\\project\\node_modules\\tslab\\dist\\jupyter.js"] = {};
    const { inNotebook } = await freshDisplay();
    expect(inNotebook()).toBe(true);
    expect(display.html).not.toHaveBeenCalled();
  });

  it("asks once: the answer is kept for the whole session", async () => {
    fakeTslab(() => {});
    const { inNotebook, show } = await freshDisplay();
    expect(inNotebook()).toBe(true);
    const asked = state.required.length;
    state.cache = {};
    state.modules = {};
    expect(inNotebook()).toBe(true);
    show.markdown("still here");
    expect(state.required.length).toBe(asked);
  });
});

describe("Node's entry", () => {
  it("hands tslab's display to show (the lib's main entry alone prints text)", { timeout: 60_000 }, async () => {
    const display = fakeTslab(() => {});
    vi.resetModules();
    const neutral = await import("../../packages/bedrock-guide/display");
    expect(neutral.inNotebook()).toBe(false);
    const node = await import("../../packages/bedrock-guide/node");
    expect(node.inNotebook()).toBe(true);
    node.show.markdown("*from node.ts*");
    expect(display.markdown).toHaveBeenCalledWith("*from node.ts*");
  });
});

describe("show outside a notebook", () => {
  it("prints plain text when tslab is not loaded, without loading it (it would pull a compiler)", async () => {
    state.modules.tslab = { display: {} };
    state.modules["tslab/dist/jupyter"] = { lastWriteDisplayData: () => {} };
    const { inNotebook, show, textTable } = await freshDisplay();
    expect(inNotebook()).toBe(false);
    expect(state.required).toEqual([]);
    const rows = [{ model: "m", ms: 1 }];
    show.table(rows);
    show.markdown("# title");
    show.svg("<svg>12345</svg>");
    show.svg("<svg/>", "Latency chart");
    show.png(new Uint8Array(10));
    show.png(new Uint8Array(3), "Image");
    expect(log.mock.calls.map((c) => c[0])).toEqual([
      textTable(rows),
      "# title",
      "[SVG: 16 bytes of SVG; run this in a notebook to see it]",
      "[Latency chart: 6 bytes of SVG; run this in a notebook to see it]",
      "[PNG: 10 bytes of PNG; run this in a notebook to see it]",
      "[Image: 3 bytes of PNG; run this in a notebook to see it]",
    ]);
    // Once decided, outside stays outside.
    fakeTslab(() => {});
    expect(inNotebook()).toBe(false);
  });

  it("a module that only looks like tslab's kernel does not count", async () => {
    for (const decoy of [
      "/work/project/node_modules/not-tslab/dist/jupyter.js",
      "/work/project/node_modules/tslab/dist/jupyter.js.map",
      "/work/project/node_modules/tslab/lib/jupyter.js",
      "/work/project/node_modules/tslab/dist/jupyterXjs",
      "/work/project/node_modules/tslab/dist/other.js",
    ]) {
      fakeTslab(() => {});
      delete state.cache[KERNEL_MODULE];
      state.cache[decoy] = {};
      const { inNotebook } = await freshDisplay();
      expect(inNotebook(), decoy).toBe(false);
      state.cache = {};
    }
  });

  it("tslab loaded but not serving a notebook (e.g. its compiler used from a script) is not a notebook", async () => {
    const display = fakeTslab(null);
    const { inNotebook, show } = await freshDisplay();
    expect(inNotebook()).toBe(false);
    show.markdown("text");
    expect(display.markdown).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith("text");
  });
});
