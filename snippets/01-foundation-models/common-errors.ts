import { BedrockClient, ListFoundationModelsCommand } from "@aws-sdk/client-bedrock";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { fromIni } from "@aws-sdk/credential-providers";
import { explainError, profilesFor, type Guide, type Problem } from "bedrock-guide";

export interface ErrorCase {
  case: string;
  /** The model ID the mistaken call used. */
  model: string;
  /** The error type AWS (or the SDK) answered with. */
  error: string;
  problem: Problem;
  advice: string;
}

/** A one-line Converse call: cheap even live (failing calls are not billed). */
async function ask(modelId: string, client = new BedrockRuntimeClient({})) {
  await client.send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: "Hi" }] }], inferenceConfig: { maxTokens: 20 } }));
}

/**
 * A text model your region lists as Legacy today, as you would call it (bare ID or profile). Models
 * keep moving to Legacy, so the guide looks one up instead of naming it: the one that retires last.
 */
export async function findLegacyModel(region: string): Promise<string | undefined> {
  const { modelSummaries = [] } = await new BedrockClient({ region }).send(new ListFoundationModelsCommand({ byOutputModality: "TEXT" }));
  const retiresLast = (m: (typeof modelSummaries)[number]) => m.modelLifecycle?.endOfLifeTime?.getTime() ?? Infinity;
  const legacy = modelSummaries.filter((m) => m.modelLifecycle?.status === "LEGACY").sort((a, b) => retiresLast(b) - retiresLast(a));
  for (const model of legacy) {
    if (model.inferenceTypesSupported?.includes("ON_DEMAND")) return model.modelId;
    const [profile] = profilesFor(model.modelId!, region);
    if (profile) return profile;
  }
  return undefined;
}

/** Makes each mistake on purpose and shows the guide's explanation of it. */
export async function meetCommonErrors(guide: Guide): Promise<ErrorCase[]> {
  const region = guide.region;
  const mistakes: Array<{ label: string; modelId: string; region: string; client?: BedrockRuntimeClient }> = [
    { label: "no credentials", modelId: "us.amazon.nova-micro-v1:0", region, client: new BedrockRuntimeClient({ credentials: fromIni({ profile: "bedrock-guide-missing-profile" }) }) },
    // Stability's image models are only in us-west-2.
    { label: "wrong region", modelId: "stability.stable-image-core-v1:1", region: "us-east-1", client: new BedrockRuntimeClient({ region: "us-east-1" }) },
    { label: "invalid model ID", modelId: "anthropic.claude-haiku-4-5", region },
    { label: "on-demand not supported", modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", region },
    { label: "retired model", modelId: "anthropic.claude-v2", region },
  ];
  const legacyModel = await findLegacyModel(region);
  if (legacyModel) mistakes.push({ label: "legacy model", modelId: legacyModel, region });
  // Access and throttling depend on your account; offline the emulator plays them out.
  if (guide.simulate({ fault: "access-denied", model: "us.amazon.nova-lite-v1:0", times: 1 })) {
    mistakes.push({ label: "no access", modelId: "us.amazon.nova-lite-v1:0", region });
  }
  if (guide.simulate({ fault: "throttle", model: "mistral.ministral-3-3b-instruct", times: 2 })) {
    mistakes.push({ label: "throttling", modelId: "mistral.ministral-3-3b-instruct", region, client: new BedrockRuntimeClient({ maxAttempts: 2 }) });
  }

  const cases: ErrorCase[] = [];
  for (const mistake of mistakes) {
    const label = mistake.label;
    try {
      await ask(mistake.modelId, mistake.client);
      cases.push({ case: label, model: mistake.modelId, error: "(no error)", problem: "unknown", advice: "" });
    } catch (error) {
      const advice = explainError(error, { modelId: mistake.modelId, region: mistake.region, lang: guide.lang });
      cases.push({ case: label, model: mistake.modelId, error: (error as Error).name, problem: advice.problem, advice: `${advice.title}: ${advice.fix}` });
    }
  }
  return cases;
}
