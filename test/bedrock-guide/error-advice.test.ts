import { describe, expect, it } from "vitest";
import { adviseOn, explainError, profilesFor, regionsOffering, retirementOf } from "bedrock-guide";
import catalog from "../../data/catalog.json";

const awsError = (name: string, message: string, status = 400) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe("retirementOf", () => {
  // The rows of data/catalog.json's "retired" table (from the facts sheet), read directly.
  const rowNaming = (id: string) => catalog.retired.find((r) => r.modelIds.includes(id));

  it("returns the row that names a model exactly, with its dates as recorded", () => {
    const exactIds = catalog.retired.flatMap((r) => r.modelIds.filter((id) => !id.includes("*")));
    expect(exactIds.length).toBeGreaterThan(20);
    for (const id of exactIds) expect(retirementOf(id), id).toEqual(rowNaming(id));
  });

  it("hand-checked rows: Claude 3 Haiku, Claude Opus 4.1, Titan Text Express", () => {
    // Legacy 2026-03-10, end of life 2026-09-10, passed; replaced by Claude Haiku 4.5.
    expect(retirementOf("anthropic.claude-3-haiku-20240307-v1:0")).toMatchObject({
      legacyTime: "2026-03-10T00:00:00Z",
      endOfLife: "2026-09-10T00:00:00Z",
      passed: true,
      replacement: "Claude Haiku 4.5",
    });
    // Legacy since 2026-07-08, end of life 2027-01-08: not passed at the facts' date (2026-11-25).
    expect(retirementOf("anthropic.claude-opus-4-1-20250805-v1:0")).toMatchObject({
      legacyTime: "2026-07-08T00:00:00Z",
      endOfLife: "2027-01-08T00:00:00Z",
      passed: false,
      replacement: "Claude Opus 4.8 / 4.6",
    });
    // Retired 2026-02-01 with no Legacy date recorded.
    const titan = retirementOf("amazon.titan-text-express-v1");
    expect(titan).toMatchObject({ endOfLife: "2026-02-01T00:00:00Z", passed: true, replacement: "Nova Micro / Lite / Pro, Nova 2 Lite" });
    expect(titan?.legacyTime).toBeUndefined();
  });

  it("finds nothing for current models", () => {
    for (const id of ["anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic.claude-sonnet-4-6", "amazon.nova-micro-v1:0", "meta.llama4-scout-17b-instruct-v1:0", "stability.stable-image-core-v1:1"]) {
      expect(retirementOf(id), id).toBeUndefined();
    }
  });

  it("every model the capture lists gets only a row that names it exactly, or none", () => {
    // Wildcard rows never retire a listed model (the capture is the newer word on those).
    for (const m of catalog.models) expect(retirementOf(m.modelId), m.modelId).toEqual(rowNaming(m.modelId));
  });

  it("wildcards cover only IDs the capture does not list", () => {
    // `stability.stable-image-*-v1:0` retires the old image models, not the listed, active edit tools.
    expect(catalog.models.some((m) => m.modelId === "stability.stable-image-inpaint-v1:0")).toBe(true);
    expect(retirementOf("stability.stable-image-inpaint-v1:0")).toBeUndefined();
    expect(catalog.models.some((m) => m.modelId === "stability.stable-image-core-v1:0")).toBe(false);
    expect(retirementOf("stability.stable-image-core-v1:0")?.replacement).toBe("`sd3-5-large-v1:0`, `stable-image-core/ultra-v1:1`");
    // `anthropic.claude-3-opus-*` sits in the Claude 3.7 Sonnet row: end of life 2026-07-30.
    expect(retirementOf("anthropic.claude-3-opus-20240229-v1:0")).toMatchObject({ endOfLife: "2026-07-30T00:00:00Z", replacement: "Claude Sonnet 4.6 / 5, Opus 4.x" });
    // `meta.llama3-2-*`: end of life 2026-07-07; `meta.llama2-*`: passed, no date recorded.
    expect(retirementOf("meta.llama3-2-90b-instruct-v1:0")).toMatchObject({ endOfLife: "2026-07-07T00:00:00Z", replacement: "Llama 4 Scout / Maverick" });
    expect(retirementOf("meta.llama2-13b-chat-v1")).toMatchObject({ passed: true, replacement: "Llama 3.x / 4" });
    expect(retirementOf("meta.llama2-13b-chat-v1")?.endOfLife).toBeUndefined();
  });

  it("a profile ID or an ARN names the same model as its bare ID", () => {
    const sonnet37 = rowNaming("anthropic.claude-3-7-sonnet-20250219-v1:0");
    expect(sonnet37?.endOfLife).toBe("2026-07-30T00:00:00Z");
    expect(retirementOf("anthropic.claude-3-7-sonnet-20250219-v1:0")).toEqual(sonnet37);
    expect(retirementOf("us.anthropic.claude-3-7-sonnet-20250219-v1:0")).toEqual(sonnet37);
    expect(retirementOf("eu.anthropic.claude-3-7-sonnet-20250219-v1:0")).toEqual(sonnet37);
    expect(retirementOf("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0")).toEqual(sonnet37);
    expect(retirementOf("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-opus-4-1-20250805-v1:0")?.endOfLife).toBe("2027-01-08T00:00:00Z");
  });

  it("its dates and successor reach the advice", () => {
    const gone = awsError("ResourceNotFoundException", "This model version has reached the end of its life.", 404);
    const haiku3 = explainError(gone, { modelId: "anthropic.claude-3-haiku-20240307-v1:0", lang: "en" });
    expect(haiku3.explanation).toContain("(2026-09-10)");
    expect(haiku3.fix).toContain("Claude Haiku 4.5");
    const legacy = awsError("ResourceNotFoundException", "Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock", 404);
    const opus41 = explainError(legacy, { modelId: "us.anthropic.claude-opus-4-1-20250805-v1:0", lang: "en" });
    expect(opus41.problem).toBe("legacy-model");
    expect(opus41.explanation).toContain("its end of life is 2027-01-08");
    expect(opus41.fix).toContain("Claude Opus 4.8 / 4.6");
  });
});

describe("explainError", () => {
  it("names the profiles to use when a model needs one, for the caller's region", () => {
    const error = awsError("ValidationException", "Invocation of model ID anthropic.claude-haiku-4-5-20251001-v1:0 with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.");
    const advice = explainError(error, { region: "eu-west-1", lang: "en" });
    expect(advice.problem).toBe("needs-inference-profile");
    for (const profile of profilesFor("anthropic.claude-haiku-4-5-20251001-v1:0", "eu-west-1")) expect(advice.fix).toContain(profile);
    expect(advice.fix).toContain("eu.anthropic.claude-haiku-4-5-20251001-v1:0");
  });

  it("tells a model in another region apart from a misspelt ID", () => {
    const invalid = awsError("ValidationException", "The provided model identifier is invalid.");
    const elsewhere = explainError(invalid, { modelId: "stability.stable-image-core-v1:1", region: "us-east-1", lang: "es" });
    expect(elsewhere.problem).toBe("model-not-in-region");
    expect(regionsOffering("stability.stable-image-core-v1:1")).toEqual(["us-west-2"]);
    expect(elsewhere.fix).toContain('region: "us-west-2"');
    expect(explainError(invalid, { modelId: "anthropic.claude-haiku-4-5", region: "us-east-1", lang: "es" }).problem).toBe("invalid-model-id");
  });

  it("names the region's own profiles when a geographic profile is used elsewhere", () => {
    const invalid = awsError("ValidationException", "The provided model identifier is invalid.");
    const advice = explainError(invalid, { modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0", region: "eu-west-1", lang: "en" });
    expect(advice.problem).toBe("profile-not-in-region");
    expect(advice.fix).toContain("`eu.anthropic.claude-haiku-4-5-20251001-v1:0`");
    expect(advice.fix).not.toContain("`us.anthropic");
  });

  it("names the successor of a retired model from the lifecycle data", () => {
    const advice = explainError(awsError("ResourceNotFoundException", "This model version has reached the end of its life. Please refer to the AWS documentation for more details.", 404), { modelId: "anthropic.claude-v2", lang: "en" });
    expect(advice.problem).toBe("end-of-life");
    expect(advice.fix).toContain("Claude Haiku 4.5");
  });

  it("says when a retired model has no successor", () => {
    const advice = explainError(awsError("ResourceNotFoundException", "This model version has reached the end of its life.", 404), { modelId: "cohere.command-r-v1:0", lang: "es" });
    expect(advice.fix).toContain("no nombra un sucesor");
  });

  it("speaks the reader's language", () => {
    const throttled = awsError("ThrottlingException", "Too many requests, please wait before trying again.", 429);
    expect(explainError(throttled, { lang: "es" }).title).toBe("Demasiadas peticiones");
    expect(explainError(throttled, { lang: "en" }).title).toBe("Too many requests");
  });

  it("recognises missing credentials, access and budget problems", () => {
    expect(explainError(awsError("CredentialsProviderError", "Could not load credentials from any providers"), { lang: "en" }).problem).toBe("no-credentials");
    expect(explainError(awsError("AccessDeniedException", "You don't have access to the model with the specified model ID.", 403), { lang: "en" }).problem).toBe("no-access");
    expect(explainError(awsError("BudgetExceededError", "Budget reached"), { lang: "en" }).problem).toBe("budget");
  });
});

describe("adviseOn", () => {
  it("appends advice once and keeps the error's type", () => {
    const error = awsError("ThrottlingException", "Too many requests, please wait before trying again.", 429);
    adviseOn(error, { lang: "en" });
    adviseOn(error, { lang: "en" });
    expect(error.name).toBe("ThrottlingException");
    expect(error.message.startsWith("Too many requests")).toBe(true);
    expect(error.message.match(/💡/g)).toHaveLength(1);
  });
});

describe("temperature with topP (Claude 4.5 and later)", () => {
  const message = "The model returned the following errors: `temperature` and `top_p` cannot both be specified for this model. Please use only one.";

  it("explains the error and says to keep only one, in both languages", () => {
    const error = Object.assign(new Error(message), { name: "ValidationException", $metadata: { httpStatusCode: 400 } });
    const en = explainError(error, { modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0", lang: "en" });
    expect(en.problem).toBe("temperature-with-top-p");
    expect(en.explanation).toContain("us.anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(en.fix).toMatch(/only one of temperature or topP/);
    expect(en.fix).toMatch(/recommends temperature/);
    const es = explainError(error, { lang: "es" });
    expect(es.problem).toBe("temperature-with-top-p");
    expect(es.fix).toMatch(/solo uno de los dos/);
    expect(es.fix).toMatch(/recomienda temperature/);
  });

  it("explains Opus 4.7's temperature refusal, not as the pair's, and says to leave temperature out, in both languages", () => {
    const error = Object.assign(new Error("The model returned the following errors: `temperature` is deprecated for this model."), { name: "ValidationException", $metadata: { httpStatusCode: 400 } });
    const en = explainError(error, { modelId: "global.anthropic.claude-opus-4-7", lang: "en" });
    expect(en.problem).toBe("temperature-refused");
    expect(en.explanation).toContain("global.anthropic.claude-opus-4-7");
    expect(en.fix).toMatch(/Remove temperature/);
    const es = explainError(error, { lang: "es" });
    expect(es.problem).toBe("temperature-refused");
    expect(es.fix).toMatch(/Quita temperature/);
  });

  it("knows which models refuse both, by ID, profile or ARN (from data/sampling-rules.json)", async () => {
    const { refusesTemperatureWithTopP } = await import("bedrock-guide");
    expect(refusesTemperatureWithTopP("anthropic.claude-sonnet-4-5-20250929-v1:0")).toBe(true);
    expect(refusesTemperatureWithTopP("us.anthropic.claude-haiku-4-5-20251001-v1:0")).toBe(true);
    expect(refusesTemperatureWithTopP("global.anthropic.claude-opus-4-5-20251101-v1:0")).toBe(true);
    expect(refusesTemperatureWithTopP("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-6")).toBe(true);
    expect(refusesTemperatureWithTopP("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-7")).toBe(true);
    // Claude Opus 4.1 already refused the pair (aws-samples/bedrock-chat PR #979).
    expect(refusesTemperatureWithTopP("anthropic.claude-opus-4-1-20250805-v1:0")).toBe(true);
    // Sonnet 4, and other providers: both are accepted.
    expect(refusesTemperatureWithTopP("anthropic.claude-sonnet-4-20250514-v1:0")).toBe(false);
    expect(refusesTemperatureWithTopP("us.amazon.nova-micro-v1:0")).toBe(false);
    expect(refusesTemperatureWithTopP("mistral.mistral-large-2402-v1:0")).toBe(false);
  });
});

describe("profile advice comes from the region's live answer when the guide has one", () => {
  const onDemandError = Object.assign(new Error("Invocation of model ID anthropic.claude-haiku-4-5-20251001-v1:0 with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model."), {
    name: "ValidationException",
    $metadata: { httpStatusCode: 400 },
  });

  it("names the profiles it is given, not the capture's", () => {
    const advice = explainError(onDemandError, { modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", region: "eu-west-1", lang: "en", profilesHere: ["eu.anthropic.claude-haiku-4-5-20251001-v1:0"] });
    expect(advice.problem).toBe("needs-inference-profile");
    expect(advice.fix).toContain("`eu.anthropic.claude-haiku-4-5-20251001-v1:0`");
    expect(advice.fix).not.toContain("global.");
  });

  it("an instrumented client asks ListInferenceProfiles of its region before advising", async () => {
    const { BedrockClient } = await import("@aws-sdk/client-bedrock");
    const { BedrockRuntimeClient, ConverseCommand } = await import("@aws-sdk/client-bedrock-runtime");
    const { forgetRegionListings, startGuide } = await import("bedrock-guide");
    const guide = await startGuide({ mode: "offline", region: "eu-west-1", lang: "en", quiet: true });
    forgetRegionListings();
    const asked: string[] = [];
    const send = BedrockClient.prototype.send;
    BedrockClient.prototype.send = function (this: InstanceType<typeof BedrockClient>, command: { constructor: { name: string } }, ...rest: unknown[]) {
      asked.push(command.constructor.name);
      return (send as (...a: unknown[]) => Promise<unknown>).call(this, command, ...rest);
    } as typeof send;
    try {
      const error = (await new BedrockRuntimeClient({})
        .send(new ConverseCommand({ modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", messages: [{ role: "user", content: [{ text: "hi" }] }] }))
        .catch((e: unknown) => e)) as Error;
      expect(asked).toContain("ListInferenceProfilesCommand");
      // The emulator's eu-west-1 lists the eu. and global. profiles for Haiku 4.5.
      expect(error.message).toContain("`eu.anthropic.claude-haiku-4-5-20251001-v1:0`");
      expect(error.message).toContain("`global.anthropic.claude-haiku-4-5-20251001-v1:0`");
    } finally {
      BedrockClient.prototype.send = send;
      await guide.stop();
    }
  });
});
