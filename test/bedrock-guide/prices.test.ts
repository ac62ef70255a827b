import { describe, expect, it, vi } from "vitest";
import { costOf, formatUsd, parseModelReference, priceOf, priceSources, sourceCitationsOf, sourceDatesOf, type ModelPrice } from "bedrock-guide";
import catalog from "../../data/catalog.json";
import prices from "../../data/prices.json";

describe("parseModelReference", () => {
  it("strips inference-profile prefixes and ARNs down to the model ID", () => {
    expect(parseModelReference("us.anthropic.claude-haiku-4-5-20251001-v1:0")).toEqual({ modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", profilePrefix: "us" });
    expect(parseModelReference("global.anthropic.claude-sonnet-4-6")).toEqual({ modelId: "anthropic.claude-sonnet-4-6", profilePrefix: "global" });
    expect(parseModelReference("arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.amazon.nova-lite-v1:0").modelId).toBe("amazon.nova-lite-v1:0");
    expect(parseModelReference("mistral.ministral-3-8b-instruct")).toEqual({ modelId: "mistral.ministral-3-8b-instruct" });
  });

  it("unwraps only whole ARNs: without arn: a slash is part of the reference", () => {
    // The resource part of a profile ARN, without its arn:aws:bedrock:…: head, is no ARN: it stays whole
    // (its first dot-separated part, "inference-profile/us", is no profile prefix).
    expect(parseModelReference("inference-profile/us.amazon.nova-lite-v1:0")).toEqual({ modelId: "inference-profile/us.amazon.nova-lite-v1:0" });
  });

  it("reads a prefix as a profile's only when a provider.model ID follows it", () => {
    // A profile ID is prefix.provider.model: "us.nova-lite-v1:0" and "global.x" have one dot, so they
    // are taken as they are, not as the prefix "us" or "global" and a model ID "nova-lite-v1:0" or "x".
    expect(parseModelReference("us.nova-lite-v1:0")).toEqual({ modelId: "us.nova-lite-v1:0" });
    expect(parseModelReference("global.x")).toEqual({ modelId: "global.x" });
    // Model IDs may have more dots after the provider's (deepseek.v3.2 in catalog.json): only the prefix goes.
    expect(parseModelReference("us.deepseek.v3.2")).toEqual({ modelId: "deepseek.v3.2", profilePrefix: "us" });
  });
});

describe("priceOf", () => {
  it("charges the global rate for global. profiles and the regional one otherwise", () => {
    expect(priceOf("global.anthropic.claude-haiku-4-5-20251001-v1:0")).toMatchObject({ inputPerMillion: 1, outputPerMillion: 5, rate: "global" });
    expect(priceOf("us.anthropic.claude-haiku-4-5-20251001-v1:0")).toMatchObject({ inputPerMillion: 1.1, outputPerMillion: 5.5, rate: "regional" });
  });

  it("prices image models per image", () => {
    expect(priceOf("stability.stable-image-core-v1:1")?.perImage).toBe(0.04);
    // Stable Image Core (S2, S3): 0.04 USD per image at the on-demand rate, no token prices.
    expect(priceOf("stability.stable-image-core-v1:1")).toEqual({
      modelId: "stability.stable-image-core-v1:1",
      inputPerMillion: 0,
      outputPerMillion: 0,
      perImage: 0.04,
      rate: "on-demand",
      source: "S2, S3",
    });
  });

  it("gives each text price either a global and a regional rate, or one on-demand rate", () => {
    // No entry has one of global/regional without the other, nor both kinds of price.
    for (const entry of [...prices.text, ...prices.extendedAccess] as Record<string, unknown>[]) {
      const id = String(entry.models);
      expect("global" in entry, id).toBe("regional" in entry);
      expect("input" in entry && "output" in entry, id).toBe(!("global" in entry));
    }
  });

  it("rates a Legacy model in public extended access at its sourced extended-access price (fixture)", async () => {
    // prices.json has no extended-access price yet, so this reads it with one made-up entry added.
    // catalog.json: Claude Opus 4.1 is in public extended access from 2026-10-08 until 2027-01-08.
    const id = "anthropic.claude-opus-4-1-20250805-v1:0";
    expect(catalog.models.find((m) => m.modelId === id)?.modelLifecycle).toMatchObject({
      status: "LEGACY",
      publicExtendedAccessTime: "2026-10-08T08:00:00Z",
      endOfLifeTime: "2027-01-08T08:00:00Z",
    });
    const fixture = { models: [id], input: 30, output: 150, source: "fixture" };
    const dataModule = "../../packages/bedrock-guide/data";
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-01T00:00:00Z"));
    vi.resetModules();
    vi.doMock(dataModule, async (importOriginal) => {
      const real = await importOriginal<typeof import("../../packages/bedrock-guide/data")>();
      return {
        readDataFile: (name: string) =>
          name === "prices.json" ? { ...real.readDataFile<object>(name), extendedAccess: [fixture] } : real.readDataFile(name),
      };
    });
    try {
      // Re-import the prices module only, not the whole lib: a module loaded inside a test counts as
      // that test's coverage, which would turn every lib module's static mutants into mutants only
      // this test "covers" (and cannot kill) instead of the ignored static mutants they are.
      const guide = await import("../../packages/bedrock-guide/prices");
      expect(guide.priceOf(`us.${id}`)).toEqual({ modelId: id, inputPerMillion: 30, outputPerMillion: 150, rate: "extended-access", source: "fixture" });
      // 1,000 in + 100 out: 1000 × 30/1e6 + 100 × 150/1e6 = 0.03 + 0.015.
      expect(guide.costOf(id, { inputTokens: 1000, outputTokens: 100 })).toBeCloseTo(0.045, 12);
    } finally {
      vi.doUnmock(dataModule);
      vi.resetModules();
      vi.useRealTimers();
    }
  });

  it("knows nothing about models missing from the table", () => {
    expect(priceOf("anthropic.claude-v2")).toBeUndefined();
    expect(costOf("anthropic.claude-v2", { inputTokens: 10 })).toBeUndefined();
  });

  it("gives every entry a source the file declares, each with its date", () => {
    const declared = Object.keys(prices.sources);
    for (const entry of [...prices.text, ...prices.image]) {
      const cited = entry.source.match(/S\d+/g) ?? [];
      expect(cited.length, entry.models.join()).toBeGreaterThan(0);
      for (const s of cited) expect(declared).toContain(s);
    }
    // Each source has a date, which its description repeats, and none is later than the file.
    const dates = prices.sourceDates as Record<string, string>;
    expect(Object.keys(dates).sort()).toEqual(declared.sort());
    for (const [id, text] of Object.entries(prices.sources)) {
      expect(text, id).toContain(dates[id]);
      expect(dates[id] <= prices.retrievedAt, id).toBe(true);
    }
  });

  it("hands out the file's own sources and dates", () => {
    expect(priceSources()).toEqual({ retrievedAt: prices.retrievedAt, sources: prices.sources, sourceDates: prices.sourceDates });
    // The file was compiled from the facts sheet of that date, and not in the future.
    expect(prices.notes.join(" ")).toContain(`bedrock-facts.md (${prices.retrievedAt})`);
    expect(Date.parse(prices.retrievedAt)).toBeLessThanOrEqual(Date.now());
  });

  it("prices only models the catalog knows, each once", () => {
    const known = new Set(catalog.models.map((m) => m.modelId));
    const priced = [...prices.text, ...prices.image].flatMap((e) => e.models);
    for (const id of priced) expect(known.has(id), id).toBe(true);
    expect(new Set(priced).size).toBe(priced.length);
  });

  it("hand-checked prices, as recorded with their sources", () => {
    // Claude Haiku 4.5 (S4 from the AWS Price List API, and S2): 1.00 / 5.00 USD per million tokens
    // through global., 10% more (1.10 / 5.50) through a geographic profile.
    const haiku = prices.text.find((e) => e.models.includes("anthropic.claude-haiku-4-5-20251001-v1:0"));
    expect(haiku).toMatchObject({ global: { input: 1, output: 5 }, regional: { input: 1.1, output: 5.5 }, source: "S4, S2" });
    expect(priceOf("global.anthropic.claude-haiku-4-5-20251001-v1:0")).toEqual({ modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", inputPerMillion: 1, outputPerMillion: 5, rate: "global", source: "S4, S2" });
    expect(priceOf("eu.anthropic.claude-haiku-4-5-20251001-v1:0")).toMatchObject({ inputPerMillion: 1.1, outputPerMillion: 5.5, rate: "regional" });
    // Nova Micro (S2, S3, US price): 0.035 / 0.14, one on-demand rate whatever the profile.
    const micro = prices.text.find((e) => e.models.includes("amazon.nova-micro-v1:0"));
    expect(micro).toMatchObject({ input: 0.035, output: 0.14, source: "S2, S3 (US)" });
    expect(priceOf("amazon.nova-micro-v1:0")).toMatchObject({ inputPerMillion: 0.035, outputPerMillion: 0.14, rate: "on-demand" });
    expect(priceOf("apac.amazon.nova-micro-v1:0")).toMatchObject({ inputPerMillion: 0.035, outputPerMillion: 0.14, rate: "on-demand" });
    // Llama 4 Scout (S2, S3): 0.17 / 0.66.
    expect(prices.text.find((e) => e.models.includes("meta.llama4-scout-17b-instruct-v1:0"))).toMatchObject({ input: 0.17, output: 0.66, source: "S2, S3" });
    expect(priceOf("us.meta.llama4-scout-17b-instruct-v1:0")).toMatchObject({ inputPerMillion: 0.17, outputPerMillion: 0.66 });
    // Stable Image Core (S2, S3): 0.04 USD per image.
    expect(prices.image.find((e) => e.models.includes("stability.stable-image-core-v1:1"))).toMatchObject({ perImage: 0.04, source: "S2, S3" });
  });

  it("gives every priced model the file's numbers", () => {
    for (const entry of prices.text) {
      for (const id of entry.models) {
        if ("global" in entry && entry.global && entry.regional) {
          expect(priceOf(`global.${id}`), id).toMatchObject({ inputPerMillion: entry.global.input, outputPerMillion: entry.global.output, rate: "global", source: entry.source });
          expect(priceOf(`us.${id}`), id).toMatchObject({ inputPerMillion: entry.regional.input, outputPerMillion: entry.regional.output, rate: "regional", source: entry.source });
          // A global. profile is never dearer than a geographic one.
          expect(entry.global.input, id).toBeLessThan(entry.regional.input);
        } else {
          expect(priceOf(id), id).toMatchObject({ inputPerMillion: (entry as { input: number }).input, outputPerMillion: (entry as { output: number }).output, source: entry.source });
        }
      }
    }
    for (const entry of prices.image) for (const id of entry.models) expect(priceOf(id), id).toMatchObject({ perImage: entry.perImage, source: entry.source });
  });
});

describe("sourceDatesOf", () => {
  it("lists the sources of the prices shown, each once, in order, with their dates", () => {
    // Haiku 4.5 cites "S4, S2" and Nova Micro "S2, S3 (US)"; the dates are prices.json's sourceDates.
    const shown = [priceOf("us.anthropic.claude-haiku-4-5-20251001-v1:0")!, priceOf("amazon.nova-micro-v1:0")!];
    expect(sourceDatesOf(shown)).toEqual(["S2 2026-07-24", "S3 2026-07-17", "S4 2026-09-29"]);
    expect(prices.sourceDates).toEqual({ S2: "2026-07-24", S3: "2026-07-17", S4: "2026-09-29" });
  });

  it("reads S-numbers of several digits whole and marks an undated source with ?", () => {
    // prices.json dates S2 but has no S10; as strings "S10" sorts before "S2".
    expect(prices.sourceDates).not.toHaveProperty("S10");
    const price: ModelPrice = { modelId: "x", inputPerMillion: 1, outputPerMillion: 1, rate: "on-demand", source: "S2, S10" };
    expect(sourceDatesOf([price])).toEqual(["S10 ?", "S2 2026-07-24"]);
  });

  it("cites nothing for prices whose source names no S-number", () => {
    const price: ModelPrice = { modelId: "x", inputPerMillion: 1, outputPerMillion: 1, rate: "on-demand", source: "AWS pricing page" };
    expect(sourceDatesOf([price])).toEqual([]);
    expect(sourceDatesOf([])).toEqual([]);
  });
});

describe("costOf", () => {
  it("adds input, output and image costs", () => {
    // 1,000 in + 2,000 out on Nova Micro: 1000 * 0.035/1e6 + 2000 * 0.14/1e6
    expect(costOf("us.amazon.nova-micro-v1:0", { inputTokens: 1000, outputTokens: 2000 })).toBeCloseTo(0.000315, 9);
    expect(costOf("stability.sd3-5-large-v1:0", { images: 3 })).toBeCloseTo(0.24, 9);
    // 1,000 in + 500 out on Haiku 4.5 through us.: 1000 × 1.10/1e6 + 500 × 5.50/1e6 = 0.0011 + 0.00275;
    // through global.: 1000 × 1.00/1e6 + 500 × 5.00/1e6 = 0.001 + 0.0025.
    expect(costOf("us.anthropic.claude-haiku-4-5-20251001-v1:0", { inputTokens: 1000, outputTokens: 500 })).toBeCloseTo(0.00385, 12);
    expect(costOf("global.anthropic.claude-haiku-4-5-20251001-v1:0", { inputTokens: 1000, outputTokens: 500 })).toBeCloseTo(0.0035, 12);
  });

  it("formats small and large amounts readably", () => {
    expect(formatUsd(0.000315)).toBe("$0.000315");
    expect(formatUsd(1.23456)).toBe("$1.2346");
    expect(formatUsd(undefined)).toBe("?");
    expect(formatUsd(0)).toBe("$0");
    // One cent is no longer "small": 0.01.toFixed(4) = "0.0100"; just under it, six decimals.
    expect(formatUsd(0.01)).toBe("$0.0100");
    expect(formatUsd(0.009)).toBe("$0.009000");
  });
});

describe("sourceCitationsOf", () => {
  it("names every declared source in both languages, with a link", () => {
    const names = prices.sourceNames as Record<string, { es: string; en: string; url: string }>;
    expect(Object.keys(names).sort()).toEqual(Object.keys(prices.sources).sort());
    for (const [id, name] of Object.entries(names)) {
      expect(name.es, id).not.toBe("");
      expect(name.en, id).not.toBe("");
      expect(new URL(name.url).protocol, id).toBe("https:");
    }
  });

  it("cites the sources of the prices shown as Markdown links in the reader's language, with dates", () => {
    // Haiku 4.5 cites "S4, S2": LiteLLM (2026-07-24) and the AWS Price List API (2026-09-29).
    const haiku = [priceOf("global.anthropic.claude-haiku-4-5-20251001-v1:0")!];
    const litellm = "(https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json), 2026-07-24";
    expect(sourceCitationsOf(haiku, "es")).toEqual([`[tabla de precios de LiteLLM]${litellm}`, expect.stringMatching(/^\[AWS Price List API\]\(https:\/\/.+\), 2026-09-29$/)]);
    expect(sourceCitationsOf(haiku, "en")[0]).toBe(`[LiteLLM's price table]${litellm}`);
    for (const cited of sourceCitationsOf(haiku, "en")) expect(cited).not.toMatch(/\bS\d+\b/);
  });

  it("keeps the ID of a source the file does not name, and cites nothing without S-numbers", () => {
    const price: ModelPrice = { modelId: "x", inputPerMillion: 1, outputPerMillion: 1, rate: "on-demand", source: "S10" };
    expect(sourceCitationsOf([price], "es")).toEqual(["S10, ?"]);
    expect(sourceCitationsOf([], "en")).toEqual([]);
  });
});
