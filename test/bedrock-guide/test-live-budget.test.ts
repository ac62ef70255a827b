import { afterEach, describe, expect, it, vi } from "vitest";
import { actAsLiveAccount } from "../shared/live-account";
import { startEmulator } from "bedrock-emulator/node";
import { forgetRegionListings, modelFacts, startGuide, type Guide } from "bedrock-guide";
import {
  callUpperBoundUsd,
  cheapestModels,
  decide,
  DEFAULT_BUDGET_USD,
  inputTokenBound,
  LIVE_CALLS,
  MAX_TOKENS,
  planUpperBoundUsd,
  runLiveCalls,
} from "../../scripts/test-live";

// npm run test:live spends real money, so its budget logic is tested here, offline. Prices are
// the facts sheet's (data/prices.json): Nova Micro 0.035 / 0.14 USD per 1M tokens, Claude Haiku 4.5
// 1.00 / 5.00 through global. profiles and 1.10 / 5.50 through regional ones.
const ch1 = LIVE_CALLS.find((c) => c.chapter === "01-foundation-models")!;
const ch0 = LIVE_CALLS.find((c) => c.chapter === "00-before-you-start")!;

describe("upper bound of the cost", () => {
  it("counts at most one token per UTF-8 byte, plus the chat template", () => {
    expect(inputTokenBound("hola")).toBe(4 + 200);
    // ¿ and é take two bytes each in UTF-8.
    expect(inputTokenBound("¿qué?")).toBe(7 + 200);
  });

  it("prices one call by hand-checked arithmetic", () => {
    // "Say hello in one word." is 22 bytes: (222 × 0.035 + 1 × 0.14) / 1e6.
    expect(ch1.text).toBe("Say hello in one word.");
    expect(callUpperBoundUsd("amazon.nova-micro-v1:0", ch1)).toBeCloseTo((222 * 0.035 + 1 * 0.14) / 1e6, 12);
    // Claude Haiku 4.5 is bounded at the dearer, regional rate: the route is not known yet.
    expect(callUpperBoundUsd("anthropic.claude-haiku-4-5-20251001-v1:0", ch1)).toBeCloseTo((222 * 1.1 + 1 * 5.5) / 1e6, 12);
    // Listing models is a control-plane call: free.
    expect(callUpperBoundUsd("amazon.nova-micro-v1:0", ch0)).toBe(0);
  });

  it("never treats a model without a price as free", () => {
    expect(callUpperBoundUsd("anthropic.claude-opus-4-1-20250805-v1:0", ch1)).toBeUndefined();
    expect(planUpperBoundUsd("anthropic.claude-opus-4-1-20250805-v1:0")).toBeUndefined();
  });

  it("uses the smallest answer and stays far below the default budget on the cheapest model", () => {
    expect(MAX_TOKENS).toBe(1);
    expect(DEFAULT_BUDGET_USD).toBe(0.05);
    const [cheapest] = cheapestModels();
    expect(cheapest!.upperBoundUsd).toBeLessThan(0.001);
  });

  it("picks only current Converse text models, cheapest first", () => {
    const now = new Date();
    const list = cheapestModels(now);
    expect(list.length).toBeGreaterThan(5);
    for (const { model } of list) {
      const facts = modelFacts(model)!;
      expect(facts.modelLifecycle.status).toBe("ACTIVE");
      expect(facts.apis?.converse).toBe(true);
    }
    const bounds = list.map((c) => c.upperBoundUsd);
    expect(bounds).toEqual([...bounds].sort((a, b) => a - b));
    // Embedding models have no output price worth bounding and no Converse: never picked.
    expect(list.map((c) => c.model)).not.toContain("amazon.titan-embed-text-v2:0");
  });
});

describe("when test:live runs", () => {
  const base = { optedIn: true, hasCredentials: true, upperBoundUsd: 0.0001, budgetUsd: 0.05, lang: "en" as const };

  it("runs with opt-in, credentials and a bound inside the budget", () => {
    expect(decide(base)).toEqual({ run: true });
    // A bound exactly at the budget still fits.
    expect(decide({ ...base, upperBoundUsd: 0.05 })).toEqual({ run: true });
  });

  it("skips without opt-in, saying how to opt in", () => {
    const d = decide({ ...base, optedIn: false });
    expect(d.run).toBe(false);
    expect(!d.run && d.reason).toMatch(/--yes|BEDROCK_GUIDE_LIVE_TESTS=1/);
  });

  it("skips without credentials, in the reader's language", () => {
    const d = decide({ ...base, hasCredentials: false, lang: "es" });
    expect(!d.run && d.reason).toContain("no hay credenciales de AWS");
  });

  it("refuses a bound over the budget, or no bound at all", () => {
    const over = decide({ ...base, upperBoundUsd: 0.06 });
    expect(!over.run && over.reason).toContain("$0.0600");
    expect(decide({ ...base, upperBoundUsd: undefined }).run).toBe(false);
    expect(decide({ ...base, budgetUsd: Number.NaN }).run).toBe(false);
    expect(decide({ ...base, budgetUsd: -1 }).run).toBe(false);
  });
});

describe("the live calls, against the emulator standing in for AWS", () => {
  let guide: Guide | undefined;
  afterEach(async () => {
    await guide?.stop();
    guide = undefined;
    forgetRegionListings();
  });

  it("makes one call per chapter and spends no more than the bound", async () => {
    const aws = await startEmulator();
    actAsLiveAccount(aws.url, "eu-west-1");
    try {
      guide = await startGuide({ mode: "live", budgetUsd: DEFAULT_BUDGET_USD, quiet: true, lang: "en" });
      const model = "amazon.nova-micro-v1:0";
      const results = await runLiveCalls(model, "eu-west-1");
      expect(results.map((r) => [r.chapter, r.ok])).toEqual(LIVE_CALLS.map((c) => [c.chapter, true]));
      // Chapters 1 and 2 call the model directly; each answer is at most one token.
      const direct = guide.meter.calls.filter((c) => c.modelId.includes(model));
      expect(direct).toHaveLength(2);
      for (const call of direct) expect(call.outputTokens).toBeLessThanOrEqual(MAX_TOKENS);
      expect(guide.meter.totalUsd).toBeLessThanOrEqual(planUpperBoundUsd(model)!);
    } finally {
      vi.unstubAllEnvs();
      await aws.close();
    }
  });
});
