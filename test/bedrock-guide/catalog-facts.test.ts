import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "bedrock-emulator";
import { catalogDate, inExtendedAccess, modelFacts, profilesFor, regionsOffering, retirementOf } from "bedrock-guide";

// Expectations are read from data/catalog.json (the ListFoundationModels / ListInferenceProfiles
// capture) or picked from it by hand, as noted.
const catalog = JSON.parse(readFileSync(new URL("../../data/catalog.json", import.meta.url), "utf8"));
const NOVA_MICRO = "amazon.nova-micro-v1:0";
const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const OPUS_41 = "anthropic.claude-opus-4-1-20250805-v1:0";
const rawModel = (id: string) => catalog.models.find((m: { modelId: string }) => m.modelId === id);

describe("catalogDate", () => {
  it("is the capture date of data/catalog.json", () => {
    expect(catalogDate()).toBe(catalog.capturedAt);
    expect(catalogDate()).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });
});

describe("modelFacts and regionsOffering", () => {
  it("find a model by its ID, a profile ID or an ARN", () => {
    for (const reference of [
      NOVA_MICRO,
      `us.${NOVA_MICRO}`,
      `arn:aws:bedrock:us-east-1::foundation-model/${NOVA_MICRO}`,
      `arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.${NOVA_MICRO}`,
    ]) {
      expect(modelFacts(reference)?.modelId, reference).toBe(NOVA_MICRO);
      expect(regionsOffering(reference), reference).toEqual(rawModel(NOVA_MICRO).regions);
    }
    expect(regionsOffering(NOVA_MICRO)).toContain("us-east-1");
  });

  it("know nothing about a model outside the catalog: no facts, no regions", () => {
    expect(modelFacts("example.not-a-model-v1:0")).toBeUndefined();
    expect(regionsOffering("example.not-a-model-v1:0")).toEqual([]);
  });
});

describe("profilesFor", () => {
  // Picked by hand from data/catalog.json's profiles.
  it("lists the system profiles of that region that route to the model, sorted", () => {
    expect(profilesFor(HAIKU, "us-east-1")).toEqual([`global.${HAIKU}`, `us.${HAIKU}`]);
    expect(profilesFor(HAIKU, "eu-west-1")).toEqual([`eu.${HAIKU}`, `global.${HAIKU}`]);
    expect(profilesFor(HAIKU, "ap-northeast-1")).toEqual([`global.${HAIKU}`, `jp.${HAIKU}`]);
    // Any form of the reference works.
    expect(profilesFor(`us.${NOVA_MICRO}`, "us-east-1")).toEqual([`us.${NOVA_MICRO}`]);
  });

  it("sorts whatever order the capture lists them in", () => {
    // The capture happens to list them sorted; reverse the loaded list for this test only.
    const profiles = loadCatalog().data.profiles;
    profiles.reverse();
    try {
      expect(profilesFor(HAIKU, "us-east-1")).toEqual([`global.${HAIKU}`, `us.${HAIKU}`]);
    } finally {
      profiles.reverse();
    }
  });

  it("is empty in a region with no profile for the model, or for an unknown model", () => {
    // Nova Micro has no profile listed in eu-west-2 (data/catalog.json).
    expect(profilesFor(NOVA_MICRO, "eu-west-2")).toEqual([]);
    expect(profilesFor("example.not-a-model-v1:0", "us-east-1")).toEqual([]);
  });
});

describe("retirementOf", () => {
  it("gives the facts sheet's row with its replacement, for any form of the reference", () => {
    for (const reference of ["anthropic.claude-3-5-haiku-20241022-v1:0", "us.anthropic.claude-3-5-haiku-20241022-v1:0"]) {
      expect(retirementOf(reference)).toMatchObject({ endOfLifeNote: "2026-06-19", passed: true, replacement: "Claude Haiku 4.5" });
    }
    expect(retirementOf(HAIKU)).toBeUndefined();
  });
});

describe("inExtendedAccess", () => {
  // Claude Opus 4.1 in data/catalog.json: public extended access from 2026-10-08T08:00:00Z,
  // end of life 2027-01-08T08:00:00Z.
  const start = new Date("2026-10-08T08:00:00Z");
  const end = new Date("2027-01-08T08:00:00Z");
  const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

  it("starts the moment public extended access begins and ends at end of life", () => {
    expect(rawModel(OPUS_41).modelLifecycle).toMatchObject({ publicExtendedAccessTime: start.toISOString().replace(".000", ""), endOfLifeTime: end.toISOString().replace(".000", "") });
    expect(inExtendedAccess(OPUS_41, ms(start, -1))).toBe(false);
    expect(inExtendedAccess(OPUS_41, start)).toBe(true);
    expect(inExtendedAccess(OPUS_41, ms(end, -1))).toBe(true);
    // At end of life the model is gone (the emulator's rule too), so no longer in extended access.
    expect(inExtendedAccess(OPUS_41, end)).toBe(false);
    expect(inExtendedAccess(`global.${OPUS_41}`, start)).toBe(true);
  });

  it("is false for a Legacy model without public extended access, an active one, or an unknown one", () => {
    // Nova Premier: Legacy with an end of life but no public extended access (data/catalog.json).
    expect(rawModel("amazon.nova-premier-v1:0").modelLifecycle.publicExtendedAccessTime).toBeUndefined();
    expect(inExtendedAccess("amazon.nova-premier-v1:0", new Date("2026-08-01T00:00:00Z"))).toBe(false);
    expect(inExtendedAccess(HAIKU, new Date("2026-12-01T00:00:00Z"))).toBe(false);
    expect(inExtendedAccess("example.not-a-model-v1:0", new Date("2026-12-01T00:00:00Z"))).toBe(false);
  });
});
