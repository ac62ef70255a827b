import { describe, expect, it } from "vitest";
import { costOf, formatUsd, parseModelReference, priceOf, priceSources } from "bedrock-guide";
import prices from "../../data/prices.json";

describe("parseModelReference", () => {
  it("strips inference-profile prefixes and ARNs down to the model ID", () => {
    expect(parseModelReference("us.anthropic.claude-haiku-4-5-20251001-v1:0")).toEqual({ modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", profilePrefix: "us" });
    expect(parseModelReference("global.anthropic.claude-sonnet-4-6")).toEqual({ modelId: "anthropic.claude-sonnet-4-6", profilePrefix: "global" });
    expect(parseModelReference("arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.amazon.nova-lite-v1:0").modelId).toBe("amazon.nova-lite-v1:0");
    expect(parseModelReference("mistral.ministral-3-8b-instruct")).toEqual({ modelId: "mistral.ministral-3-8b-instruct" });
  });
});

describe("priceOf", () => {
  it("charges the global rate for global. profiles and the regional one otherwise", () => {
    expect(priceOf("global.anthropic.claude-haiku-4-5-20251001-v1:0")).toMatchObject({ inputPerMillion: 1, outputPerMillion: 5, rate: "global" });
    expect(priceOf("us.anthropic.claude-haiku-4-5-20251001-v1:0")).toMatchObject({ inputPerMillion: 1.1, outputPerMillion: 5.5, rate: "regional" });
  });

  it("prices image models per image", () => {
    expect(priceOf("stability.stable-image-core-v1:1")?.perImage).toBe(0.04);
  });

  it("knows nothing about models missing from the table", () => {
    expect(priceOf("anthropic.claude-v2")).toBeUndefined();
    expect(costOf("anthropic.claude-v2", { inputTokens: 10 })).toBeUndefined();
  });

  it("gives every entry a source the file declares", () => {
    const declared = Object.keys(prices.sources);
    for (const entry of [...prices.text, ...prices.image]) {
      const cited = entry.source.match(/S\d/g) ?? [];
      expect(cited.length, entry.models.join()).toBeGreaterThan(0);
      for (const s of cited) expect(declared).toContain(s);
    }
    expect(priceSources().retrievedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("costOf", () => {
  it("adds input, output and image costs", () => {
    // 1,000 in + 2,000 out on Nova Micro: 1000 * 0.035/1e6 + 2000 * 0.14/1e6
    expect(costOf("us.amazon.nova-micro-v1:0", { inputTokens: 1000, outputTokens: 2000 })).toBeCloseTo(0.000315, 9);
    expect(costOf("stability.sd3-5-large-v1:0", { images: 3 })).toBeCloseTo(0.24, 9);
  });

  it("formats small and large amounts readably", () => {
    expect(formatUsd(0.000315)).toBe("$0.000315");
    expect(formatUsd(1.23456)).toBe("$1.2346");
    expect(formatUsd(undefined)).toBe("?");
  });
});
