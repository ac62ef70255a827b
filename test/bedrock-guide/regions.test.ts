import { describe, expect, it } from "vitest";
import { isOptInRegion, regionNotCoveredNote } from "bedrock-guide";
import catalog from "../../data/catalog.json";

describe("isOptInRegion", () => {
  // AWS Account Management guide, "Enable or disable AWS Regions in your account": regions launched
  // after 20 March 2019 are disabled until enabled (Cape Town, Bahrain, Spain, Israel…); the older
  // ones, and those Bedrock's capture covers, are on by default.
  it("is true for opt-in regions", () => {
    for (const region of ["af-south-1", "me-south-1", "eu-south-2", "il-central-1", "ap-southeast-3", "mx-central-1"]) {
      expect(isOptInRegion(region), region).toBe(true);
    }
  });

  it("is false for regions enabled by default, for unknown names and for no region", () => {
    for (const region of ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "sa-east-1", "xx-east-9", ""]) {
      expect(isOptInRegion(region), region).toBe(false);
    }
    expect(isOptInRegion(undefined)).toBe(false);
  });
});

describe("regionNotCoveredNote", () => {
  // The emulator serves the regions of the ListFoundationModels capture in data/catalog.json.
  const covered = catalog.regions;

  it("names the region, how many regions the capture covers and each of them, in both languages", () => {
    expect(covered.length).toBeGreaterThan(10);
    const note = regionNotCoveredNote("eu-south-2");
    expect(note.es).toContain("el emulador no tiene catálogo de eu-south-2");
    expect(note.es).toContain(`cubre ${covered.length} regiones: ${covered.join(", ")}.`);
    expect(note.es).toContain("cada llamada a eu-south-2 responderá ValidationException");
    expect(note.es).toContain("para usar eu-south-2 de verdad, pasa al modo en vivo");
    expect(note.en).toContain("the emulator has no catalog for eu-south-2");
    expect(note.en).toContain(`covers ${covered.length} regions: ${covered.join(", ")}.`);
    expect(note.en).toContain("every call to eu-south-2 answers ValidationException");
    expect(note.en).toContain("to use eu-south-2 for real, switch to live mode");
  });

  it("suggests a region the capture does cover", () => {
    expect(covered).toContain("eu-west-1");
    expect(regionNotCoveredNote("me-central-1").en).toContain("with AWS_REGION (for example eu-west-1)");
    expect(regionNotCoveredNote("me-central-1").es).toContain("con AWS_REGION (por ejemplo eu-west-1)");
  });
});
