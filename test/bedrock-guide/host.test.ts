import { afterEach, describe, expect, it, vi } from "vitest";
import { htmlTable, LiveModeNeedsNode, readerLanguage, runDoctor, show, startGuide, stopGuide, useHost, type Display } from "bedrock-guide";

// What a page gets from the lib: show.* through the display the page provides, and live mode
// refused in the reader's language (a page has no AWS credential chain).

let restore = () => {};
afterEach(() => {
  restore();
  restore = () => {};
  vi.restoreAllMocks();
});

function recordingDisplay() {
  const shown: [keyof Display, unknown][] = [];
  const display: Display = {
    html: (s) => void shown.push(["html", s]),
    markdown: (s) => void shown.push(["markdown", s]),
    svg: (s) => void shown.push(["svg", s]),
    png: (b) => void shown.push(["png", b]),
  };
  return { display, shown };
}

describe("in a page", () => {
  it("live mode says it needs Node, in the reader's language, and starts nothing", async () => {
    restore = useHost({ kind: "page" });
    const endpoint = process.env.AWS_ENDPOINT_URL;
    await expect(startGuide({ mode: "live", lang: "es", quiet: true })).rejects.toThrow(
      "El modo en vivo necesita Node: en la página, la guía solo funciona sin conexión, con el emulador.",
    );
    await expect(startGuide({ mode: "live", lang: "en", quiet: true })).rejects.toThrow(
      "Live mode needs Node: in the page the guide runs offline only, against the emulator.",
    );
    await expect(runDoctor({ mode: "live", lang: "en" })).rejects.toBeInstanceOf(LiveModeNeedsNode);
    expect(process.env.AWS_ENDPOINT_URL).toBe(endpoint);
    await stopGuide();
  });

  it("show sends each kind of output to the page's display and prints nothing", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const { display, shown } = recordingDisplay();
    restore = useHost({ kind: "page", display: () => display });
    const rows = [{ model: "amazon.nova-lite-v1:0", ms: 120 }];
    const png = new Uint8Array([137, 80, 78, 71]);
    show.table(rows);
    show.markdown("**hola**");
    show.svg("<svg/>");
    show.png(png);
    expect(shown).toEqual([
      ["html", htmlTable(rows)],
      ["markdown", "**hola**"],
      ["svg", "<svg/>"],
      ["png", png],
    ]);
    expect(log).not.toHaveBeenCalled();
  });
});

describe("the reader's language from the working directory, without node:path", () => {
  it("reads the notebook's folder from POSIX and Windows paths, with or without a trailing separator", () => {
    expect(readerLanguage({}, "/home/ana/guide/notebooks/en")).toBe("en");
    expect(readerLanguage({}, "/home/ana/guide/notebooks/en/")).toBe("en");
    expect(readerLanguage({ LANG: "en_GB.UTF-8" }, "C:\\Users\\ana\\guide\\notebooks\\es")).toBe("es");
    // Neither folder: the shell's LANG decides.
    expect(readerLanguage({ LANG: "en_GB.UTF-8" }, "")).toBe("en");
  });
});
