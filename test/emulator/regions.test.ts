// Per-region fidelity: inference types from AWS's supported-models page and model cards
// (data/inference-types.json), regions the catalog does not cover, and the availability errors of
// AWS's API reference. Expectations are the published facts, written out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetFoundationModelAvailabilityCommand, ListFoundationModelsCommand, ListInferenceProfilesCommand } from "@aws-sdk/client-bedrock";
import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { catalogCovers, knownRegions, startEmulator, type RunningEmulator } from "bedrock-emulator/node";
import { TODAY, expectAwsError, sdk } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ now: () => TODAY, env: {} });
});
afterAll(() => emu.close());

const ask = (region: string, modelId: string) =>
  sdk(emu.url, region).runtime.send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: "Hello" }] }] }));
const onDemandError = (id: string) =>
  `Invocation of model ID ${id} with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.`;

describe("per-region inference types (AWS's supported-models page, read 2026-12-01)", () => {
  it("Nova Lite's bare ID answers on demand in us-east-1, as AWS's own JS v3 example calls it", async () => {
    const out = await ask("us-east-1", "amazon.nova-lite-v1:0");
    expect(out.stopReason).toBe("end_turn");
  });

  // Row: us-east-1 us-east-2* us-west-1* us-west-2* … ap-northeast-1 … ap-southeast-2 … eu-north-1 … eu-west-1* eu-west-2 eu-west-3*
  it.each(["ap-northeast-1", "ap-southeast-2", "eu-north-1", "eu-west-2"])("Nova Lite is on demand in %s (no asterisk)", async (region) => {
    expect((await ask(region, "amazon.nova-lite-v1:0")).stopReason).toBe("end_turn");
  });
  it.each(["us-west-2", "us-east-2", "eu-west-1", "eu-central-1", "ap-south-1"])("Nova Lite needs a profile in %s (asterisk)", async (region) => {
    await expectAwsError(ask(region, "amazon.nova-lite-v1:0"), "ValidationException", 400, onDemandError("amazon.nova-lite-v1:0"));
  });

  it("Nova Micro and Nova Pro answer on demand in us-east-1; Nova Micro needs a profile in us-west-2", async () => {
    expect((await ask("us-east-1", "amazon.nova-micro-v1:0")).output?.message?.role).toBe("assistant");
    expect((await ask("us-east-1", "amazon.nova-pro-v1:0")).output?.message?.role).toBe("assistant");
    await expectAwsError(ask("us-west-2", "amazon.nova-micro-v1:0"), "ValidationException", 400, onDemandError("amazon.nova-micro-v1:0"));
  });

  it("ListFoundationModels reports the region's inference types", async () => {
    const list = async (region: string) =>
      (await sdk(emu.url, region).bedrock.send(new ListFoundationModelsCommand({ byInferenceType: "ON_DEMAND" }))).modelSummaries!.map((m) => m.modelId);
    const east = await list("us-east-1");
    for (const id of ["amazon.nova-lite-v1:0", "amazon.nova-micro-v1:0", "amazon.nova-pro-v1:0"]) expect(east).toContain(id);
    expect(await list("us-west-2")).not.toContain("amazon.nova-lite-v1:0");
    const { modelSummaries } = await sdk(emu.url, "us-east-1").bedrock.send(new ListFoundationModelsCommand({ byProvider: "Amazon" }));
    expect(modelSummaries!.find((m) => m.modelId === "amazon.nova-lite-v1:0")!.inferenceTypesSupported).toEqual(["ON_DEMAND"]);
  });

  it("the us. profile still works where the bare ID does", async () => {
    expect((await ask("us-east-1", "us.amazon.nova-lite-v1:0")).stopReason).toBe("end_turn");
  });
});

describe("regions the catalog does not cover", () => {
  const NOT_COVERED = /^The Bedrock emulator has no model catalog for region eu-south-2\. Its catalog covers .*us-east-1.*\. Set AWS_REGION/;

  it("knownRegions / catalogCovers name the capture's 18 regions", () => {
    const regions = knownRegions();
    expect(regions).toHaveLength(18);
    expect(regions).toEqual(expect.arrayContaining(["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "sa-east-1"]));
    expect(catalogCovers("us-east-1")).toBe(true);
    expect(catalogCovers("eu-south-2")).toBe(false);
  });

  it("catalog and model calls in eu-south-2 answer an error that names the known regions, not an empty list", async () => {
    const { bedrock } = sdk(emu.url, "eu-south-2");
    await expectAwsError(bedrock.send(new ListFoundationModelsCommand({})), "ValidationException", 400, NOT_COVERED);
    await expectAwsError(bedrock.send(new ListInferenceProfilesCommand({})), "ValidationException", 400, NOT_COVERED);
    await expectAwsError(ask("eu-south-2", "eu.amazon.nova-lite-v1:0"), "ValidationException", 400, NOT_COVERED);
  });
});

describe("GetFoundationModelAvailability (API reference errors)", () => {
  it("a model offered elsewhere but not here is 200 with regionAvailability NOT_AVAILABLE", async () => {
    // Stability's SD3.5 Large is on demand in us-west-2 only (facts sheet).
    const out = await sdk(emu.url, "us-east-1").bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: "stability.sd3-5-large-v1:0" }));
    expect(out.regionAvailability).toBe("NOT_AVAILABLE");
  });

  it("a model ID Bedrock doesn't have is ResourceNotFoundException 404", async () => {
    await expectAwsError(
      sdk(emu.url, "us-east-1").bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: "amazon.nova-ultra-v9:0" })),
      "ResourceNotFoundException",
      404,
    );
  });
});
