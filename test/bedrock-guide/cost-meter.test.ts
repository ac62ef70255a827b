import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BudgetExceededError, CostMeter, ExtendedAccessPriceUnknown, type MeteredCall } from "bedrock-guide";
import { readDataFile } from "../../packages/bedrock-guide/data";

// Expected costs are worked out by hand from data/prices.json (USD per million tokens, or per
// image); the first test pins the prices used, so a price update says which numbers to redo.
const prices = JSON.parse(readFileSync(new URL("../../data/prices.json", import.meta.url), "utf8"));
const textEntry = (model: string) => prices.text.find((e: { models: string[] }) => e.models.includes(model));

const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const NOVA_MICRO = "amazon.nova-micro-v1:0";
const IMAGE_CORE = "stability.stable-image-core-v1:1";
// In data/catalog.json but not in data/prices.json, and not a Legacy model.
const UNPRICED = "nvidia.nemotron-nano-12b-v2";
// Claude Opus 4.1 (data/catalog.json): public extended access from 2026-10-08, end of life
// 2027-01-08; data/prices.json has no extended-access price for it.
const OPUS_41 = "anthropic.claude-opus-4-1-20250805-v1:0";
const IN_EXTENDED_ACCESS = new Date("2026-12-01T00:00:00Z");

const call = (modelId: string, inputTokens: number, outputTokens: number, images = 0): Omit<MeteredCall, "costUsd"> => ({
  operation: images ? "InvokeModel" : "Converse",
  modelId,
  inputTokens,
  outputTokens,
  images,
  elapsedMs: 120,
});

const meter = (live: boolean, lang: "es" | "en" = "en", budgetUsd = 1, allowExtendedAccess?: boolean) =>
  new CostMeter({ live, budgetUsd, lang, allowExtendedAccess });

beforeEach(() => {
  // Whether a model is in extended access depends on the date: pin it.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(IN_EXTENDED_ACCESS);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the prices these tests were worked out with", () => {
  it("match data/prices.json", () => {
    expect(textEntry(HAIKU)).toMatchObject({ global: { input: 1, output: 5 }, regional: { input: 1.1, output: 5.5 } });
    expect(textEntry(NOVA_MICRO)).toMatchObject({ input: 0.035, output: 0.14, source: "S2, S3 (US)" });
    expect(prices.image.find((e: { models: string[] }) => e.models.includes(IMAGE_CORE))).toMatchObject({ perImage: 0.04 });
    expect(textEntry(UNPRICED)).toBeUndefined();
    expect(textEntry(OPUS_41)).toBeUndefined();
    expect(prices.extendedAccess.some((e: { models: string[] }) => e.models.includes(OPUS_41))).toBe(false);
    expect(prices.sourceDates).toMatchObject({ S2: "2026-07-24", S3: "2026-07-17" });
  });
});

describe("CostMeter.record and totalUsd", () => {
  it("prices each call from data/prices.json and adds them up", () => {
    const m = meter(false);
    // 1,000 in × $1/M + 200 out × $5/M = $0.001 + $0.001 (global profile rate).
    const haiku = m.record(call(`global.${HAIKU}`, 1000, 200));
    expect(haiku.costUsd).toBeCloseTo(0.002, 12);
    expect(haiku).toMatchObject({ operation: "Converse", modelId: `global.${HAIKU}`, inputTokens: 1000, outputTokens: 200, images: 0, elapsedMs: 120 });
    // 10,000 in × $0.035/M + 1,000 out × $0.14/M = $0.00035 + $0.00014.
    expect(m.record(call(NOVA_MICRO, 10_000, 1000)).costUsd).toBeCloseTo(0.00049, 12);
    // 2 images × $0.04.
    expect(m.record(call(IMAGE_CORE, 0, 0, 2)).costUsd).toBeCloseTo(0.08, 12);
    expect(m.calls).toHaveLength(3);
    expect(m.totalUsd).toBeCloseTo(0.08249, 12);
  });

  it("keeps a call without a known price as undefined, not $0, and leaves it out of the sum", () => {
    const m = meter(false);
    expect(m.record(call(UNPRICED, 5000, 5000)).costUsd).toBeUndefined();
    expect(m.totalUsd).toBe(0);
    m.record(call(NOVA_MICRO, 10_000, 1000));
    expect(m.totalUsd).toBeCloseTo(0.00049, 12);
  });
});

describe("CostMeter.checkBudget", () => {
  it("offline never stops, whatever the would-be cost", () => {
    const m = meter(false, "en", 0.001);
    m.record(call(IMAGE_CORE, 0, 0, 10)); // $0.40, far over the budget
    expect(() => m.checkBudget(HAIKU)).not.toThrow();
    expect(() => m.checkBudget(OPUS_41)).not.toThrow();
  });

  it("live stops once spending reaches the budget, not after it", () => {
    const m = meter(true, "en", 0.002);
    expect(() => m.checkBudget(HAIKU)).not.toThrow();
    m.record(call(`global.${HAIKU}`, 1000, 100)); // $0.0015, under the budget
    expect(() => m.checkBudget(HAIKU)).not.toThrow();
    expect(() => m.checkBudget()).not.toThrow();
    m.record(call(`global.${HAIKU}`, 500, 0)); // $0.0005 more: exactly $0.002
    const error = (() => {
      try {
        m.checkBudget(HAIKU);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error).toMatchObject({ name: "BudgetExceededError", budgetUsd: 0.002 });
    expect((error as BudgetExceededError).spentUsd).toBeCloseTo(0.002, 12);
    // formatUsd prints amounts under a cent with 6 decimals.
    expect((error as Error).message).toBe("Budget reached: this session has spent $0.002000 of its $0.002000 budget.");
    // Without a model too: every live call asks.
    expect(() => m.checkBudget()).toThrow(BudgetExceededError);
  });

  it("live refuses a model in extended access with no sourced price, unless the reader opts in", () => {
    const live = meter(true);
    for (const reference of [OPUS_41, `us.${OPUS_41}`]) {
      const error = (() => {
        try {
          live.checkBudget(reference);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ExtendedAccessPriceUnknown);
      expect(error).toMatchObject({ name: "ExtendedAccessPriceUnknown", modelId: reference });
      expect((error as Error).message).toContain(`${reference} is in public extended access`);
      expect((error as Error).message).toContain("BEDROCK_GUIDE_ALLOW_EXTENDED_ACCESS=1");
    }
    expect(() => meter(true, "en", 1, true).checkBudget(OPUS_41)).not.toThrow();
    expect(() => meter(false).checkBudget(OPUS_41)).not.toThrow();
    // Unpriced but not in extended access: nothing says it costs more, so only the budget applies.
    expect(() => live.checkBudget(UNPRICED)).not.toThrow();
    expect(() => live.checkBudget(HAIKU)).not.toThrow();
  });

  it("before public extended access starts (and after end of life) the model is not refused for its price", () => {
    vi.setSystemTime(new Date("2026-10-01T00:00:00Z"));
    expect(() => meter(true).checkBudget(OPUS_41)).not.toThrow();
    vi.setSystemTime(new Date("2027-02-01T00:00:00Z"));
    expect(() => meter(true).checkBudget(OPUS_41)).not.toThrow();
  });

  it("live allows a model in extended access once data/prices.json has a sourced price for it", () => {
    // Add a sourced extended-access price to the loaded table for this test only.
    const table = readDataFile<{ extendedAccess: unknown[] }>("prices.json");
    table.extendedAccess.push({ models: [OPUS_41], input: 30, output: 150, source: "S2" });
    try {
      const live = meter(true);
      expect(() => live.checkBudget(OPUS_41)).not.toThrow();
      // 1,000 in × $30/M + 1,000 out × $150/M = $0.03 + $0.15.
      expect(live.record(call(OPUS_41, 1000, 1000)).costUsd).toBeCloseTo(0.18, 12);
      expect(live.summary()).toBe("1 live model calls: $0.1800 of a $1.0000 budget.");
    } finally {
      table.extendedAccess.pop();
    }
  });
});

describe("CostMeter.byModel", () => {
  it("gives one row per model as called, with calls, tokens, images and cost summed", () => {
    const m = meter(false);
    m.record(call(`global.${HAIKU}`, 1000, 200));
    m.record(call(NOVA_MICRO, 10_000, 1000));
    m.record(call(`global.${HAIKU}`, 3000, 2000));
    m.record(call(IMAGE_CORE, 10, 0, 1));
    m.record(call(IMAGE_CORE, 0, 0, 2));
    expect(m.byModel()).toEqual([
      // $0.002 + (3,000 × $1 + 2,000 × $5)/M = $0.002 + $0.013 = $0.015: 4 decimals from a cent up.
      { model: `global.${HAIKU}`, calls: 2, inputTokens: 4000, outputTokens: 2200, images: 0, cost: "$0.0150" },
      // Under a cent: 6 decimals.
      { model: NOVA_MICRO, calls: 1, inputTokens: 10_000, outputTokens: 1000, images: 0, cost: "$0.000490" },
      // 3 images × $0.04.
      { model: IMAGE_CORE, calls: 2, inputTokens: 10, outputTokens: 0, images: 3, cost: "$0.1200" },
    ]);
  });

  it("marks a model without a known price with + ?, and shows $0 for no spend", () => {
    const m = meter(false);
    m.record(call(UNPRICED, 100, 100));
    m.record(call(UNPRICED, 100, 100));
    m.record(call(`global.${HAIKU}`, 0, 0));
    expect(m.byModel()).toEqual([
      { model: UNPRICED, calls: 2, inputTokens: 200, outputTokens: 200, images: 0, cost: "$0 + ?" },
      { model: `global.${HAIKU}`, calls: 1, inputTokens: 0, outputTokens: 0, images: 0, cost: "$0" },
    ]);
  });

  it("has no rows before any call", () => {
    expect(meter(true).byModel()).toEqual([]);
  });
});

describe("CostMeter.summary", () => {
  it("offline: the calls cost nothing, and what they would have cost live, in both languages", () => {
    for (const [lang, expected] of [
      ["en", "2 offline calls: they cost nothing. Live they would have cost about $0.0805."],
      ["es", "2 llamadas sin conexión: no han costado nada. En vivo habrían costado unos $0.0805."],
    ] as const) {
      const m = meter(false, lang);
      m.record(call(NOVA_MICRO, 10_000, 1000)); // $0.00049
      m.record(call(IMAGE_CORE, 0, 0, 2)); // $0.08
      expect(m.summary()).toBe(expected);
    }
  });

  it("live: the spend against the budget, in both languages", () => {
    for (const [lang, expected] of [
      ["en", "1 live model calls: $0.002000 of a $0.5000 budget."],
      ["es", "1 llamadas a modelos en vivo: $0.002000 de un presupuesto de $0.5000."],
    ] as const) {
      const m = meter(true, lang, 0.5);
      m.record(call(`global.${HAIKU}`, 1000, 200));
      expect(m.summary()).toBe(expected);
    }
  });

  it("never counts an unpriced call as free: ? alone, or the known part + ?, naming each model once", () => {
    const onlyUnpriced = meter(false, "en");
    onlyUnpriced.record(call(UNPRICED, 10, 10));
    onlyUnpriced.record(call(UNPRICED, 10, 10));
    expect(onlyUnpriced.summary()).toBe(
      `2 offline calls: they cost nothing. Live they would have cost about ? (no known price: ${UNPRICED}).`,
    );
    const mixed = meter(true, "es", 1);
    mixed.record(call(UNPRICED, 10, 10));
    mixed.record(call(IMAGE_CORE, 0, 0, 1));
    mixed.record(call("example.not-a-model-v1:0", 10, 10));
    expect(mixed.summary()).toBe(
      `3 llamadas a modelos en vivo: $0.0400 + ? de un presupuesto de $1.0000 (sin precio conocido: ${UNPRICED}, example.not-a-model-v1:0).`,
    );
  });

  it("says when an unpriced model is in extended access, where AWS may charge more", () => {
    const en = meter(true, "en", 1, true);
    en.record(call(`us.${OPUS_41}`, 10, 10));
    en.record(call(UNPRICED, 10, 10));
    expect(en.summary()).toBe(
      `2 live model calls: ? of a $1.0000 budget (no known price: us.${OPUS_41} (extended access, dearer than on demand), ${UNPRICED}).`,
    );
    const es = meter(false, "es");
    es.record(call(OPUS_41, 10, 10));
    expect(es.summary()).toBe(
      `1 llamadas sin conexión: no han costado nada. En vivo habrían costado unos ? (sin precio conocido: ${OPUS_41} (acceso extendido, más caro que bajo demanda)).`,
    );
  });

  it("with no calls: zero calls, $0", () => {
    expect(meter(false, "en").summary()).toBe("0 offline calls: they cost nothing. Live they would have cost about $0.");
  });
});

describe("CostMeter.pricesNote and report", () => {
  it("names and links the sources that priced the calls, with their dates (data/prices.json), in the reader's language, never by their bare IDs", () => {
    const en = meter(false, "en");
    en.record(call(NOVA_MICRO, 1, 1)); // source "S2, S3 (US)"
    en.record(call(UNPRICED, 1, 1)); // adds no source
    expect(en.pricesNote()).toBe("On-demand prices in USD from data/prices.json (sources: [LiteLLM's price table](https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json), 2026-07-24; [Amazon Bedrock pricing page](https://aws.amazon.com/bedrock/pricing/), 2026-07-17).");
    const es = meter(false, "es");
    es.record(call(NOVA_MICRO, 1, 1));
    expect(es.pricesNote()).toBe("Precios bajo demanda en USD de data/prices.json (fuentes: [tabla de precios de LiteLLM](https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json), 2026-07-24; [página de precios de Amazon Bedrock](https://aws.amazon.com/bedrock/pricing/), 2026-07-17).");
  });

  it("without any priced call, names the file only", () => {
    const en = meter(false, "en");
    en.record(call(UNPRICED, 1, 1));
    expect(en.pricesNote()).toBe("On-demand prices in USD from data/prices.json.");
    expect(meter(false, "es").pricesNote()).toBe("Precios bajo demanda en USD de data/prices.json.");
  });

  it("report prints the per-model table, then the summary and the prices note (outside a notebook)", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const m = meter(false, "en");
    m.record(call(NOVA_MICRO, 10_000, 1000));
    m.report();
    expect(log).toHaveBeenCalledTimes(2);
    const table = String(log.mock.calls[0][0]).split("\n");
    expect(table[0].split(/\s+/)).toEqual(["model", "calls", "inputTokens", "outputTokens", "images", "cost"]);
    expect(table[2].split(/\s+/)).toEqual([NOVA_MICRO, "1", "10000", "1000", "0", "$0.000490"]);
    expect(log.mock.calls[1][0]).toBe(
      "1 offline calls: they cost nothing. Live they would have cost about $0.000490. On-demand prices in USD from data/prices.json (sources: [LiteLLM's price table](https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json), 2026-07-24; [Amazon Bedrock pricing page](https://aws.amazon.com/bedrock/pricing/), 2026-07-17).",
    );
  });
});
