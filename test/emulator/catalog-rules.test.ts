// The catalog's rules called directly: regions it does not cover, the lifecycle turning Legacy,
// profiles whose models retire, and how a runtime model identifier resolves (or fails like AWS).
// Facts come from data/catalog.json, read here; where the data has no example (no ACTIVE model has
// a legacyTime yet), a small hand-made catalog stands in, with the expected answers worked out by hand.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GetFoundationModelAvailabilityCommand } from "@aws-sdk/client-bedrock";
import { Catalog, catalogFor, loadCatalog, startEmulator, type CatalogData, type CatalogModel } from "bedrock-emulator/node";
import { failure, sdk, TODAY } from "./helpers";

const data = JSON.parse(readFileSync(fileURLToPath(new URL("../../data/catalog.json", import.meta.url)), "utf8")) as CatalogData;
const INVALID = "The provided model identifier is invalid.";
const END_OF_LIFE = "This model version has reached the end of its life. Please refer to the AWS documentation for more details.";

function model(modelId: string, extra: Partial<CatalogModel> = {}): CatalogModel {
  return {
    modelId,
    modelName: modelId,
    providerName: "Example",
    inputModalities: ["TEXT"],
    outputModalities: ["TEXT"],
    customizationsSupported: [],
    inferenceTypesSupported: ["ON_DEMAND"],
    modelLifecycle: { status: "ACTIVE" },
    regions: ["us-east-1"],
    ...extra,
  } as CatalogModel;
}

/**
 * A hand-made catalog: `example.new-v1:0` is alive; `example.old-v1:0` is retired (facts sheet only,
 * end of life passed); `example.aging-v1:0` turns Legacy on 2026-06-01. Profiles exist in us-east-1 only:
 * one routes to the old and the new model, one to the old model only, one to a model nobody lists.
 */
function handMade(): Catalog {
  return new Catalog({
    source: {},
    capturedAt: "2026-08-22",
    date: "2026-08-22",
    regions: ["us-east-1", "us-west-2"],
    models: [
      model("example.new-v1:0", { regions: ["us-east-1", "us-west-2"] }),
      model("example.aging-v1:0", { modelLifecycle: { status: "ACTIVE", legacyTime: "2026-06-01T00:00:00Z" } as CatalogModel["modelLifecycle"] }),
    ],
    profiles: [
      { inferenceProfileId: "us.example.mixed", inferenceProfileName: "Mixed", models: { "example.old-v1:0": ["us-east-1"], "example.new-v1:0": ["us-east-1"] }, status: "ACTIVE", type: "SYSTEM_DEFINED", regions: ["us-east-1"] },
      { inferenceProfileId: "us.example.old", inferenceProfileName: "Old", models: { "example.old-v1:0": ["us-east-1"] }, status: "ACTIVE", type: "SYSTEM_DEFINED", regions: ["us-east-1"] },
      { inferenceProfileId: "us.example.ghost", inferenceProfileName: "Ghost", models: { "example.ghost-v1:0": ["us-east-1"] }, status: "ACTIVE", type: "SYSTEM_DEFINED", regions: ["us-east-1"] },
    ],
    retired: [{ modelIds: ["example.old-v1:0"], endOfLifeNote: "gone", passed: true, replacement: "example.new-v1:0" }],
  } as unknown as CatalogData);
}

describe("regions the catalog does not cover", () => {
  it("answer ValidationException naming the covered regions, and warn once per region", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const expected = `The Bedrock emulator has no model catalog for region xx-test-7. Its catalog covers ${data.regions.join(", ")}. Set AWS_REGION (or the client's region) to one of them.`;
      const catalog = loadCatalog();
      for (let i = 0; i < 2; i++) {
        expect(failure(() => catalog.assertCovers("xx-test-7"))).toMatchObject({ name: "ValidationException", status: 400, message: expected });
      }
      expect(warn.mock.calls).toEqual([[`[bedrock-emulator] ${expected}`]]);
      expect(() => catalog.assertCovers("us-east-1")).not.toThrow();
    } finally {
      warn.mockRestore();
    }
  });
});

describe("lifecycle", () => {
  it("an ACTIVE model is LEGACY from its legacyTime on, with its other dates kept", () => {
    const c = handMade();
    const aging = c.model("example.aging-v1:0")!;
    expect(c.lifecycle(aging, new Date("2026-05-31T23:59:59.999Z"))).toEqual({ status: "ACTIVE", legacyTime: "2026-06-01T00:00:00Z" });
    expect(c.lifecycle(aging, new Date("2026-06-01T00:00:00Z"))).toEqual({ status: "LEGACY", legacyTime: "2026-06-01T00:00:00Z" });
    expect(c.lifecycle(c.model("example.new-v1:0")!, TODAY)).toEqual({ status: "ACTIVE" });
    // Once Legacy, a new account is refused, as AWS refuses it; an account that keeps using it is not.
    expect(failure(() => c.resolveForInvocation("example.aging-v1:0", "us-east-1", TODAY))).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(c.resolveForInvocation("example.aging-v1:0", "us-east-1", TODAY, new Set(["example.aging-v1:0"])).model.modelId).toBe("example.aging-v1:0");
  });
});

/**
 * A second hand-made catalog for end of life, worked out by hand: `example.closing-v1:0` is captured
 * with an endOfLifeTime; the facts sheet retires `example.listed-v1:0` (listed, exact row) on a date
 * not yet marked passed, `example.old-v1:0` (passed), and every unlisted `example.stable-*-v1:0`.
 */
function retiring(): Catalog {
  return new Catalog({
    source: {},
    capturedAt: "2026-08-22",
    date: "2026-08-22",
    regions: ["us-east-1"],
    models: [
      model("example.closing-v1:0", { modelLifecycle: { status: "LEGACY", endOfLifeTime: "2026-06-01T00:00:00Z" } as CatalogModel["modelLifecycle"] }),
      model("example.listed-v1:0"),
      model("example.stable-listed-v1:0"),
    ],
    profiles: [],
    retired: [
      { modelIds: ["example.listed-v1:0"], endOfLife: "2026-12-01T00:00:00Z", endOfLifeNote: "2026-12-01", passed: false, replacement: "x" },
      { modelIds: ["example.old-v1:0"], endOfLifeNote: "gone", passed: true, replacement: "x" },
      { modelIds: ["example.stable-*-v1:0"], endOfLifeNote: "gone", passed: true, replacement: "x" },
    ],
  } as unknown as CatalogData);
}

describe("end of life", () => {
  it("a captured endOfLifeTime ends the model at that instant", () => {
    const c = retiring();
    expect(c.isEndOfLife("example.closing-v1:0", new Date("2026-05-31T23:59:59.999Z"))).toBe(false);
    expect(c.isEndOfLife("example.closing-v1:0", new Date("2026-06-01T00:00:00Z"))).toBe(true);
    expect(c.listModels("us-east-1", new Date("2026-06-01T00:00:00Z")).map((m) => m.modelId)).not.toContain("example.closing-v1:0");
  });

  it("a facts-sheet row ends the model on its endOfLife date, whatever `passed` said when it was written", () => {
    const c = retiring();
    expect(c.isEndOfLife("example.listed-v1:0", new Date("2026-11-30T23:59:59.999Z"))).toBe(false);
    expect(c.isEndOfLife("example.listed-v1:0", new Date("2026-12-01T00:00:00Z"))).toBe(true);
  });

  it("a context-length variant (`…:0:200k`) ends with its base model", () => {
    const c = retiring();
    expect(c.isEndOfLife("example.old-v1:0:200k", TODAY)).toBe(true);
    expect(c.isEndOfLife("us.example.old-v1:0:mm", TODAY)).toBe(true);
    expect(c.isEndOfLife("example.new-v1:0:200k", TODAY)).toBe(false);
  });

  it("an exact row retires a listed model; a wildcard row covers only unlisted IDs, whole IDs only", () => {
    const c = retiring();
    expect(c.retirement("example.listed-v1:0")?.endOfLifeNote).toBe("2026-12-01");
    expect(c.retirement("example.stable-fast-v1:0")?.modelIds).toEqual(["example.stable-*-v1:0"]);
    // The wildcard's dots are literal, and it must match from the first character to the last.
    expect(c.retirement("example.stable-listed-v1:0")).toBeUndefined();
    expect(c.retirement("exampleXstable-fast-v1:0")).toBeUndefined();
    expect(c.retirement("my.example.stable-fast-v1:0")).toBeUndefined();
    expect(c.retirement("example.stable-fast-v1:0:extra")).toBeUndefined();
  });
});

describe("summaries", () => {
  it("a model summary carries responseStreamingSupported only when the catalog has it", () => {
    const c = handMade();
    const withFlag = model("example.flag-v1:0", { responseStreamingSupported: false });
    expect(c.summary(withFlag, "us-east-1", TODAY).responseStreamingSupported).toBe(false);
    expect("responseStreamingSupported" in c.summary(model("example.plain-v1:0"), "us-east-1", TODAY)).toBe(false);
  });

  it("a profile summary lists one model ARN per routed Region, and the optional fields that are set", () => {
    const c = handMade();
    const p = {
      inferenceProfileId: "us.example.new",
      inferenceProfileName: "US New",
      description: "Routes to New",
      createdAt: "2025-01-01T00:00:00Z",
      updatedAt: "2025-02-01T00:00:00Z",
      models: { "example.new-v1:0": ["us-east-1", "us-west-2"] },
      status: "ACTIVE",
      type: "SYSTEM_DEFINED",
      regions: ["us-east-1"],
    } as Parameters<Catalog["profileSummary"]>[0];
    expect(c.profileSummary(p, "us-east-1")).toStrictEqual({
      inferenceProfileName: "US New",
      description: "Routes to New",
      createdAt: "2025-01-01T00:00:00Z",
      updatedAt: "2025-02-01T00:00:00Z",
      inferenceProfileArn: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.example.new",
      models: [
        { modelArn: "arn:aws:bedrock:us-east-1::foundation-model/example.new-v1:0" },
        { modelArn: "arn:aws:bedrock:us-west-2::foundation-model/example.new-v1:0" },
      ],
      inferenceProfileId: "us.example.new",
      status: "ACTIVE",
      type: "SYSTEM_DEFINED",
    });
  });
});

describe("inference profiles", () => {
  it("a region without profiles has none, and lists none", () => {
    const c = handMade();
    expect(c.profile("us-west-2", "us.example.mixed")).toBeUndefined();
    expect(c.listProfiles("us-west-2", TODAY)).toEqual([]);
  });

  it("a profile stays listed and callable while one of its models is alive", () => {
    const c = handMade();
    expect(c.listProfiles("us-east-1", TODAY).map((p) => p.inferenceProfileId)).toEqual(["us.example.mixed", "us.example.ghost"]);
    const r = c.resolveForInvocation("us.example.mixed", "us-east-1", TODAY);
    expect(r.model.modelId).toBe("example.new-v1:0");
    expect(r.profile?.inferenceProfileId).toBe("us.example.mixed");
    expect(failure(() => c.resolveForInvocation("us.example.old", "us-east-1", TODAY))).toMatchObject({ name: "ResourceNotFoundException", status: 404, message: END_OF_LIFE });
  });

  it("a profile whose models the catalog does not know is an invalid identifier", () => {
    expect(failure(() => handMade().resolveForInvocation("us.example.ghost", "us-east-1", TODAY))).toMatchObject({ name: "ValidationException", status: 400, message: INVALID });
  });
});

describe("resolving a runtime model identifier (the committed catalog)", () => {
  const catalog = loadCatalog();

  it("takes a foundation-model ARN for its model, and no other kind of ARN", () => {
    // Nova Micro is ON_DEMAND in us-east-1 (data/catalog.json), so its ID and its model ARN run.
    expect(catalog.resolveForInvocation("amazon.nova-micro-v1:0", "us-east-1", TODAY).model.modelId).toBe("amazon.nova-micro-v1:0");
    expect(catalog.resolveForInvocation("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0", "us-east-1", TODAY).model.modelId).toBe("amazon.nova-micro-v1:0");
    for (const arn of [
      // A model ID is no profile, even in an inference-profile ARN.
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/amazon.nova-micro-v1:0",
      "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0",
      "arn:aws:s3:::amazon.nova-micro-v1:0",
    ]) {
      expect(failure(() => catalog.resolveForInvocation(arn, "us-east-1", TODAY))).toMatchObject({ name: "ValidationException", status: 400, message: INVALID });
    }
  });

  it("refuses a model served neither on demand nor through a profile as an invalid identifier", () => {
    const provisionedOnly = data.models.find(
      (m) => !m.mantleOnly && m.regions.includes("us-east-1") && !m.modelLifecycle.endOfLifeTime &&
        !(m.inferenceTypesByRegion?.["us-east-1"] ?? m.inferenceTypesSupported).some((t) => t === "ON_DEMAND" || t === "INFERENCE_PROFILE"),
    )!;
    expect(provisionedOnly).toBeDefined();
    expect(failure(() => catalog.resolveForInvocation(provisionedOnly.modelId, "us-east-1", TODAY))).toMatchObject({ name: "ValidationException", status: 400, message: INVALID });
  });
});

describe("the catalog file", () => {
  it("is the project's data/catalog.json, bundled as a value, checked once and shared", () => {
    expect(loadCatalog().data).toEqual(data);
    expect(loadCatalog()).toBe(loadCatalog());
  });
});

describe("catalogFor", () => {
  it("summarises the region's models as ListFoundationModels does, without mantle-only or retired ones", () => {
    const list = catalogFor("us-east-1", TODAY);
    const ids = list.map((s) => s.modelId as string);
    expect(ids).toContain("amazon.nova-micro-v1:0");
    for (const s of list) expect(s.modelArn).toBe(`arn:aws:bedrock:us-east-1::foundation-model/${s.modelId}`);
    const inRegion = new Set(data.models.filter((m) => m.regions.includes("us-east-1")).map((m) => m.modelId));
    expect(ids.every((id) => inRegion.has(id))).toBe(true);
    for (const m of data.models.filter((m) => m.mantleOnly)) expect(ids).not.toContain(m.modelId);
    expect(ids).not.toContain("amazon.titan-text-express-v1");
    // Without a date it judges the lifecycle today.
    expect(catalogFor("us-east-1").length).toBeGreaterThan(0);
  });
});

describe("GetFoundationModelAvailability for a model Bedrock's API does not offer", () => {
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  beforeAll(async () => {
    emu = await startEmulator({ now: () => TODAY });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("answers ResourceNotFoundException naming the model", async () => {
    const mantleOnly = data.models.find((m) => m.mantleOnly && m.regions.includes("us-east-1"))!;
    const client = sdk(emu.url).bedrock;
    try {
      await expect(client.send(new GetFoundationModelAvailabilityCommand({ modelId: mantleOnly.modelId }))).rejects.toMatchObject({
        name: "ResourceNotFoundException",
        message: expect.stringContaining(mantleOnly.modelId),
      });
    } finally {
      client.destroy();
    }
  });
});
