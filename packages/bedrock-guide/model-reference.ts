import { PROFILE_PREFIXES, parseBedrockArn } from "bedrock-emulator";

// What a reader passes as `modelId` (a model ID, a profile ID or either ARN), read apart. The ARN
// grammar and the profile prefixes are the emulator's (one source for both): the guide only adds
// the split into model and prefix. Used by the prices, the catalog facts, the sampling rules and
// the error advice alike.

/**
 * Splits what you pass as modelId (a model ID, a profile ID or either ARN) into the
 * foundation model ID and the profile prefix, if any.
 */
export function parseModelReference(reference: string): {
  modelId: string;
  profilePrefix?: string;
} {
  // A Bedrock ARN names its model or profile after the resource type; anything else is an ID.
  const id = parseBedrockArn(reference)?.resource ?? reference;
  const dot = id.indexOf(".");
  const head = dot > 0 ? id.slice(0, dot) : "";
  // A profile ID is prefix.provider.model: a prefix with a single dot after it is a model's own name.
  if (
    (PROFILE_PREFIXES as readonly string[]).includes(head) &&
    id.indexOf(".", dot + 1) > 0
  ) {
    return { modelId: id.slice(dot + 1), profilePrefix: head };
  }
  return { modelId: id };
}
