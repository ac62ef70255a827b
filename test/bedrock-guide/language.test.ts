import { afterEach, describe, expect, it } from "vitest";
import { currentLanguage, readerLanguage, say, startGuide } from "bedrock-guide";

// The reader's language, in the order the lib documents: BEDROCK_GUIDE_LANG, then the notebook's
// folder (Jupyter starts the kernel in notebooks/es or notebooks/en), then the shell's LANG, else
// Spanish (the guide speaks Spanish first).

describe("readerLanguage", () => {
  it("takes BEDROCK_GUIDE_LANG first, in any case, over the folder and LANG", () => {
    expect(readerLanguage({ BEDROCK_GUIDE_LANG: "EN", LANG: "es_ES.UTF-8" }, "/guide/notebooks/es")).toBe("en");
    expect(readerLanguage({ BEDROCK_GUIDE_LANG: "es", LANG: "en_US.UTF-8" }, "/guide/notebooks/en")).toBe("es");
  });

  it("ignores a BEDROCK_GUIDE_LANG it does not speak and falls back to the folder", () => {
    expect(readerLanguage({ BEDROCK_GUIDE_LANG: "fr" }, "/guide/notebooks/en")).toBe("en");
    expect(readerLanguage({ BEDROCK_GUIDE_LANG: "fr", LANG: "en_GB.UTF-8" }, "/guide/notebooks/es")).toBe("es");
  });

  it("reads the notebook's folder by its last part only", () => {
    expect(readerLanguage({ LANG: "en_US.UTF-8" }, "/guide/notebooks/es")).toBe("es");
    expect(readerLanguage({ LANG: "es_ES.UTF-8" }, "/guide/notebooks/en")).toBe("en");
    // "/en/other" is not a notebook folder: LANG decides.
    expect(readerLanguage({ LANG: "es_ES.UTF-8" }, "/en/other")).toBe("es");
  });

  it("falls back to the shell's LANG (English when it starts with en, any case), else Spanish", () => {
    expect(readerLanguage({ LANG: "en_US.UTF-8" }, "/tmp")).toBe("en");
    expect(readerLanguage({ LANG: "EN_us" }, "/tmp")).toBe("en");
    expect(readerLanguage({ LANG: "de_DE.UTF-8" }, "/tmp")).toBe("es");
    // "C.UTF-8" does not start with "en" even though it contains none of Spanish either.
    expect(readerLanguage({ LANG: "C.UTF-8" }, "/tmp")).toBe("es");
    expect(readerLanguage({}, "/tmp")).toBe("es");
  });

  it("defaults to this process's environment and folder", () => {
    const saved = process.env.BEDROCK_GUIDE_LANG;
    try {
      process.env.BEDROCK_GUIDE_LANG = "en";
      expect(readerLanguage()).toBe("en");
      process.env.BEDROCK_GUIDE_LANG = "es";
      expect(readerLanguage()).toBe("es");
    } finally {
      if (saved === undefined) delete process.env.BEDROCK_GUIDE_LANG;
      else process.env.BEDROCK_GUIDE_LANG = saved;
    }
  });
});

describe("say", () => {
  it("picks the reader's version of anything bilingual", () => {
    expect(say({ es: "Hola", en: "Hello" }, "es")).toBe("Hola");
    expect(say({ es: ["uno"], en: ["one"] }, "en")).toEqual(["one"]);
  });
});

describe("currentLanguage", () => {
  const saved = process.env.BEDROCK_GUIDE_LANG;
  afterEach(() => {
    if (saved === undefined) delete process.env.BEDROCK_GUIDE_LANG;
    else process.env.BEDROCK_GUIDE_LANG = saved;
  });

  // No session runs here: each test file starts without one (test/setup/shared-worker.ts stops any).
  it("without a session, is the reader's language", () => {
    process.env.BEDROCK_GUIDE_LANG = "en";
    expect(currentLanguage()).toBe("en");
    process.env.BEDROCK_GUIDE_LANG = "es";
    expect(currentLanguage()).toBe("es");
  });

  it("follows the running session's language, not the environment's", async () => {
    process.env.BEDROCK_GUIDE_LANG = "es";
    const guide = await startGuide({ quiet: true, lang: "en", region: "us-east-1" });
    try {
      expect(currentLanguage()).toBe("en");
    } finally {
      await guide.stop();
    }
  });
});
