// The project's data files the emulator's behaviour follows, imported as values (bundled into the
// core, so it reads no file): data/ at the repository root is their one source, each fact with its
// source and the date it was checked. The catalog comes in the same way (catalog.ts).
import promptManagement from "../../../data/prompt-management.json";
import samplingRules from "../../../data/sampling-rules.json";

/** Fields AWS refuses in a Converse request whose modelId is a prompt: the prompt defines them. */
export const FIELDS_FIXED_BY_PROMPT: readonly string[] = promptManagement.fieldsThePromptDefines.fields;

/**
 * Models AWS lists as supported for prompt optimization (user guide, "Optimize a prompt").
 * Inference profile IDs are not accepted: the request pattern only admits model IDs and ARNs.
 */
export const OPTIMIZABLE_MODELS: readonly string[] = promptManagement.optimizationTargets.models;

export type SamplingRefusal = "temperature" | "temperatureWithTopP";
/** Which sampling parameters each model refuses, and AWS's message for each refusal. */
export interface SamplingRules {
  refusals: Record<SamplingRefusal, { message: string }>;
  models: Record<string, { refuses: SamplingRefusal[] }>;
}

/** data/sampling-rules.json, the one source the guide's lib reads too. */
export const SAMPLING_RULES = samplingRules as unknown as SamplingRules;
