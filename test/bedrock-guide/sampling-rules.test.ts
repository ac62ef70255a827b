import { describe, expect, it } from "vitest";
import { refusesTemperatureWithTopP } from "bedrock-guide";
import catalog from "../../data/catalog.json";
import rules from "../../data/sampling-rules.json";

const refusing = rules.temperatureWithTopP.models;

describe("refusesTemperatureWithTopP", () => {
  it("is true for each model data/sampling-rules.json lists, by bare ID, by any geography's profile and by ARN", () => {
    expect(refusing.length).toBeGreaterThan(5);
    for (const id of refusing) {
      for (const reference of [
        id,
        `us.${id}`,
        `eu.${id}`,
        `apac.${id}`,
        `jp.${id}`,
        `global.${id}`,
        `arn:aws:bedrock:eu-west-1::foundation-model/${id}`,
        `arn:aws:bedrock:ap-northeast-1:123456789012:inference-profile/jp.${id}`,
      ]) {
        expect(refusesTemperatureWithTopP(reference), reference).toBe(true);
      }
    }
  });

  it("is false for every other Anthropic model of the capture, and for other providers", () => {
    const others = catalog.models.filter((m) => m.providerName === "Anthropic" && !refusing.includes(m.modelId));
    // Claude 3.x, Sonnet 4 and Opus 4.1 are among them (before Claude Sonnet 4.5).
    expect(others.map((m) => m.modelId)).toEqual(expect.arrayContaining(["anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-3-haiku-20240307-v1:0"]));
    for (const m of others) {
      expect(refusesTemperatureWithTopP(m.modelId), m.modelId).toBe(false);
      expect(refusesTemperatureWithTopP(`global.${m.modelId}`), m.modelId).toBe(false);
    }
    expect(refusesTemperatureWithTopP("eu.amazon.nova-micro-v1:0")).toBe(false);
    expect(refusesTemperatureWithTopP("meta.llama4-scout-17b-instruct-v1:0")).toBe(false);
  });

  it("the list matches its documented selection: Claude <family> <version> with version 4.5 or later", () => {
    // Re-derives data/sampling-rules.json's "selection" from the catalog's model names.
    const selected = catalog.models
      .filter((m) => m.providerName === "Anthropic")
      .filter((m) => {
        const version = /^Claude [A-Za-z]+ (\d+(?:\.\d+)?)$/.exec(m.modelName)?.[1];
        return version !== undefined && Number(version) >= 4.5;
      })
      .map((m) => m.modelId)
      .sort();
    expect(selected).toEqual([...refusing].sort());
  });
});
