// data/sampling-rules.json, read through the lib, against the facts sheet's rules
// (../shared/data/bedrock-facts.md, "Sampling parameters") applied to the catalog's model names:
// Claude 4.5 and later, and Opus 4.1, refuse temperature with topP; Claude Opus 4.7 and later
// refuse temperature itself. The names come from ListFoundationModels (data/catalog.json).
import { describe, expect, it } from "vitest";
import { refusesTemperature, refusesTemperatureWithTopP, samplingRulesFor } from "bedrock-guide";
import catalog from "../../data/catalog.json";
import rules from "../../data/sampling-rules.json";

const anthropic = catalog.models.filter((m) => m.providerName === "Anthropic");
const version = (name: string, family?: string) => {
  const m = /^Claude ([A-Za-z]+) (\d+(?:\.\d+)?)$/.exec(name);
  return m && (!family || m[1] === family) ? Number(m[2]) : undefined;
};
const ids = (select: (name: string) => boolean) => [...new Set(anthropic.filter((m) => select(m.modelName)).map((m) => m.modelId))].sort();

const referencesTo = (id: string) => [
  id,
  `us.${id}`,
  `eu.${id}`,
  `apac.${id}`,
  `jp.${id}`,
  `global.${id}`,
  `arn:aws:bedrock:eu-west-1::foundation-model/${id}`,
  `arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/jp.${id}`,
];

describe("which sampling parameters each model refuses", () => {
  it("temperature with topP: Claude <family> 4.5 and later, and Claude Opus 4.1, by bare ID, any geography's profile and ARN", () => {
    const expected = ids((name) => (version(name) ?? 0) >= 4.5 || name === "Claude Opus 4.1");
    expect(expected).toHaveLength(11);
    for (const m of anthropic) {
      for (const reference of referencesTo(m.modelId)) {
        expect(refusesTemperatureWithTopP(reference), reference).toBe(expected.includes(m.modelId));
      }
    }
    // Claude 3.x and Sonnet 4 take both.
    expect(refusesTemperatureWithTopP("anthropic.claude-sonnet-4-20250514-v1:0")).toBe(false);
    expect(refusesTemperatureWithTopP("us.anthropic.claude-3-5-sonnet-20241022-v2:0")).toBe(false);
  });

  it("temperature itself: Claude Opus 4.7 and later only; Opus 4.6, Sonnet and Haiku still take it", () => {
    const expected = ids((name) => (version(name, "Opus") ?? 0) >= 4.7);
    expect(expected).toEqual(["anthropic.claude-opus-4-7", "anthropic.claude-opus-4-8", "anthropic.claude-opus-5"]);
    for (const m of anthropic) {
      for (const reference of referencesTo(m.modelId)) {
        expect(refusesTemperature(reference), reference).toBe(expected.includes(m.modelId));
      }
    }
  });

  it("other providers refuse neither", () => {
    for (const m of catalog.models.filter((m) => m.providerName !== "Anthropic")) {
      expect(samplingRulesFor(m.modelId).refuses, m.modelId).toEqual([]);
    }
    expect(samplingRulesFor("eu.amazon.nova-micro-v1:0")).toEqual({ modelId: "amazon.nova-micro-v1:0", refuses: [], leaveOut: [], sources: [] });
  });

  it("every rule names a model of the catalog, a refusal the file defines, and at least one source", () => {
    const catalogIds = new Set(catalog.models.map((m) => m.modelId));
    for (const [id, rule] of Object.entries(rules.models) as Array<[string, { refuses: string[]; leaveOut?: string[]; sources: string[] }]>) {
      expect(catalogIds.has(id), id).toBe(true);
      expect(rule.sources.length, id).toBeGreaterThan(0);
      for (const r of rule.refuses) expect(Object.keys(rules.refusals), id).toContain(r);
      // Removed topP is recorded where AWS's model card says so: the models that refuse temperature.
      if (rule.leaveOut) expect(rule.refuses, id).toContain("temperature");
    }
  });
});
