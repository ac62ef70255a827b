import {
  BedrockClient,
  ListFoundationModelsCommand,
} from "@aws-sdk/client-bedrock";
import {
  BedrockRuntimeClient,
  ConverseCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { fromIni } from "@aws-sdk/credential-providers";
import {
  chooseModelFor,
  explainError,
  ModelNotCallableHere,
  modelIdFor,
  parseModelReference,
  profilesFor,
  regionsOffering,
  type Guide,
  type Problem,
} from "bedrock-guide";

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
  await client.send(
    new ConverseCommand({
      modelId,
      messages: [{ role: "user", content: [{ text: "Hi" }] }],
      inferenceConfig: { maxTokens: 20 },
    }),
  );
}

/**
 * A text model your region lists as Legacy today, as you would call it (bare ID or profile). Models
 * keep moving to Legacy, so the guide looks one up instead of naming it: the one that retires last.
 */
export async function findLegacyModel(
  region: string,
): Promise<string | undefined> {
  const { modelSummaries = [] } = await new BedrockClient({ region }).send(
    new ListFoundationModelsCommand({ byOutputModality: "TEXT" }),
  );
  const retiresLast = (m: (typeof modelSummaries)[number]) =>
    m.modelLifecycle?.endOfLifeTime?.getTime() ?? Infinity;
  const legacy = modelSummaries
    .filter((m) => m.modelLifecycle?.status === "LEGACY")
    .sort((a, b) => retiresLast(b) - retiresLast(a));
  for (const model of legacy) {
    if (model.inferenceTypesSupported?.includes("ON_DEMAND"))
      return model.modelId;
    try {
      return await modelIdFor(model.modelId!, region);
    } catch (error) {
      if (!(error instanceof ModelNotCallableHere)) throw error;
    }
  }
  return undefined;
}

/**
 * A geographic profile of `model` that belongs to another geography than `region`'s: `eu.` or
 * `jp.` seen from us-east-1, `us.` or `jp.` from Europe. ListInferenceProfiles only lists your
 * region's profiles, so the others come from the guide's catalog of all regions.
 */
export async function profileFromAnotherGeography(
  model: string,
  region: string,
): Promise<string | undefined> {
  const here = await chooseModelFor(model, region).then(
    (choice) => choice.profilesHere,
    (error: unknown) => {
      if (error instanceof ModelNotCallableHere) return [];
      throw error;
    },
  );
  const geographiesHere = new Set(
    here.map((id) => parseModelReference(id).profilePrefix),
  );
  const elsewhere = regionsOffering(model).flatMap((r) =>
    profilesFor(model, r),
  );
  return elsewhere.find((id) => {
    const prefix = parseModelReference(id).profilePrefix;
    return prefix !== "global" && !geographiesHere.has(prefix);
  });
}

/** Makes each mistake on purpose and shows the guide's explanation of it. */
export async function meetCommonErrors(guide: Guide): Promise<ErrorCase[]> {
  const region = guide.region;
  // Claude Haiku 4.5 can be called from every region of the catalog, each through its own profile.
  const haiku = "anthropic.claude-haiku-4-5-20251001-v1:0";
  const haikuHere = await modelIdFor(haiku, region);
  // Where Stable Image Core is missing: your region, unless yours has it (us-east-1 does not).
  const image = "stability.stable-image-core-v1:1";
  const noImages = regionsOffering(image).includes(region)
    ? "us-east-1"
    : region;
  const mistakes: Array<{
    label: string;
    modelId: string;
    region: string;
    client?: BedrockRuntimeClient;
  }> = [
    {
      label: "no credentials",
      modelId: haikuHere,
      region,
      client: new BedrockRuntimeClient({
        credentials: fromIni({ profile: "bedrock-guide-missing-profile" }),
      }),
    },
    {
      label: "wrong region",
      modelId: image,
      region: noImages,
      client: new BedrockRuntimeClient({ region: noImages }),
    },
    {
      label: "invalid model ID",
      modelId: "anthropic.claude-haiku-4-5",
      region,
    },
    { label: "on-demand not supported", modelId: haiku, region },
    { label: "retired model", modelId: "anthropic.claude-v2", region },
  ];
  const foreignProfile = await profileFromAnotherGeography(haiku, region);
  if (foreignProfile)
    mistakes.push({
      label: "profile from another geography",
      modelId: foreignProfile,
      region,
    });
  const legacyModel = await findLegacyModel(region);
  if (legacyModel)
    mistakes.push({ label: "legacy model", modelId: legacyModel, region });
  // Access and throttling depend on your account; offline the emulator plays them out.
  if (
    guide.simulate({ fault: "access-denied", model: haikuHere, times: 1 })
  ) {
    mistakes.push({ label: "no access", modelId: haikuHere, region });
  }
  const throttled = await modelIdFor("anthropic.claude-sonnet-4-6", region);
  if (guide.simulate({ fault: "throttle", model: throttled, times: 2 })) {
    mistakes.push({
      label: "throttling",
      modelId: throttled,
      region,
      client: new BedrockRuntimeClient({ maxAttempts: 2 }),
    });
  }

  const cases: ErrorCase[] = [];
  for (const mistake of mistakes) {
    const label = mistake.label;
    try {
      await ask(mistake.modelId, mistake.client);
      cases.push({
        case: label,
        model: mistake.modelId,
        error: "(no error)",
        problem: "unknown",
        advice: "",
      });
    } catch (error) {
      const advice = explainError(error, {
        modelId: mistake.modelId,
        region: mistake.region,
        lang: guide.lang,
      });
      cases.push({
        case: label,
        model: mistake.modelId,
        error: (error as Error).name,
        problem: advice.problem,
        advice: `${advice.title}: ${advice.fix}`,
      });
    }
  }
  return cases;
}
