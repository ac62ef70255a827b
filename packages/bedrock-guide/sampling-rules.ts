import { readDataFile } from "./data";
import { parseModelReference } from "./model-reference";

// Which sampling parameters each model refuses, model by model. The facts live in
// data/sampling-rules.json (with their sources), which the emulator reads too.

/** A refusal Bedrock answers with a ValidationException (data/sampling-rules.json, "refusals"). */
export type SamplingRefusal = "temperature" | "temperatureWithTopP";

interface SamplingRules {
  refusals: Record<
    SamplingRefusal,
    { when: string; status: number; errorType: string; message: string }
  >;
  models: Record<
    string,
    { refuses: SamplingRefusal[]; leaveOut?: "topP"[]; sources: string[] }
  >;
}

/** What a model takes: the refusals Bedrock answers, and what its provider removed. */
export interface SamplingRulesForModel {
  /** The model ID the rules are recorded under (profile prefix and ARN removed). */
  modelId: string;
  refuses: SamplingRefusal[];
  /** Parameters the provider removed, which Bedrock's error for is not recorded. */
  leaveOut: "topP"[];
  sources: string[];
}

/**
 * The sampling rules for a model ID, an inference profile ID (us., eu., global.…) or an ARN.
 * A model with no rule recorded takes temperature and topP, alone or together.
 */
export function samplingRulesFor(
  modelIdOrProfileOrArn: string,
): SamplingRulesForModel {
  const { modelId } = parseModelReference(modelIdOrProfileOrArn);
  const rule = readDataFile<SamplingRules>("sampling-rules.json").models[
    modelId
  ];
  return {
    modelId,
    refuses: rule?.refuses ?? [],
    leaveOut: rule?.leaveOut ?? [],
    sources: rule?.sources ?? [],
  };
}

/** True when the model refuses temperature and topP in one request (Claude Sonnet 4.5 and later, Opus 4.1). */
export function refusesTemperatureWithTopP(
  modelIdOrProfileOrArn: string,
): boolean {
  return samplingRulesFor(modelIdOrProfileOrArn).refuses.includes(
    "temperatureWithTopP",
  );
}

/** True when the model refuses temperature itself (Claude Opus 4.7 and later). */
export function refusesTemperature(modelIdOrProfileOrArn: string): boolean {
  return samplingRulesFor(modelIdOrProfileOrArn).refuses.includes(
    "temperature",
  );
}
