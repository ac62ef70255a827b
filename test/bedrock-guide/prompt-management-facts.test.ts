import { describe, expect, it } from "vitest";
import { fieldsThePromptDefines, optimizationTargets, optimizationTargetsIn } from "bedrock-guide";
import facts from "../../data/prompt-management.json";

describe("optimizationTargets", () => {
  it("gives AWS's page, its regions and its models as data/prompt-management.json records them", () => {
    const recorded = facts.optimizationTargets;
    expect(optimizationTargets()).toEqual({ source: recorded.source, regions: recorded.regions, models: recorded.models });
    expect(optimizationTargets().source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/bedrock\//);
  });
});

describe("optimizationTargetsIn", () => {
  // Hand-checked against data/catalog.json (capture 2026-08-22) and its "retired" table, model by
  // model: Claude 3 Haiku and Claude 3.7 Sonnet are still ACTIVE in the capture but have a
  // retirement row, Nova Premier and Claude Sonnet 4 are LEGACY, Titan Text Premier, Claude 3 Opus,
  // Claude 3.5 Haiku, Claude Opus 4 and Llama 3.2 11B are not in the capture at all.
  it("without a region: every target still active and not retiring, in the page's order", () => {
    expect(optimizationTargetsIn()).toEqual([
      "amazon.nova-lite-v1:0",
      "amazon.nova-micro-v1:0",
      "amazon.nova-pro-v1:0",
      "anthropic.claude-3-sonnet-20240229-v1:0",
      "anthropic.claude-3-5-sonnet-20241022-v2:0",
      "anthropic.claude-3-5-sonnet-20240620-v1:0",
      "deepseek.r1-v1:0",
      "meta.llama3-70b-instruct-v1:0",
      "meta.llama3-1-70b-instruct-v1:0",
      "meta.llama3-3-70b-instruct-v1:0",
      "meta.llama4-maverick-17b-instruct-v1:0",
      "meta.llama4-scout-17b-instruct-v1:0",
      "mistral.mistral-large-2402-v1:0",
      "mistral.mistral-large-2407-v1:0",
    ]);
  });

  it("in a region: only those its ListFoundationModels lists (Frankfurt, São Paulo, Osaka)", () => {
    expect(optimizationTargetsIn("eu-central-1")).toEqual(["amazon.nova-lite-v1:0", "amazon.nova-micro-v1:0", "amazon.nova-pro-v1:0"]);
    expect(optimizationTargetsIn("sa-east-1")).toEqual(["anthropic.claude-3-sonnet-20240229-v1:0", "mistral.mistral-large-2402-v1:0"]);
    // Osaka lists Claude Sonnet 4, but it is LEGACY: nothing is left.
    expect(optimizationTargetsIn("ap-northeast-3")).toEqual([]);
  });
});

describe("fieldsThePromptDefines", () => {
  it("are the Converse fields the data file records, from the Converse API reference", () => {
    expect(fieldsThePromptDefines()).toEqual(facts.fieldsThePromptDefines.fields);
    // The Converse reference: with a prompt ARN as modelId, these four may not be set.
    expect([...fieldsThePromptDefines()].sort()).toEqual(["additionalModelRequestFields", "inferenceConfig", "system", "toolConfig"]);
  });
});
