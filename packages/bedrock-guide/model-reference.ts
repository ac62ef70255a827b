import { PROFILE_PREFIXES } from "bedrock-emulator";

// What a reader passes as `modelId` (a model ID, a profile ID or either ARN), read apart. Used by
// the prices, the catalog facts, the sampling rules and the error advice alike.

/**
 * Splits what you pass as modelId (a model ID, a profile ID or either ARN) into the
 * foundation model ID and the profile prefix, if any.
 */
export function parseModelReference(reference: string): {
  modelId: string;
  profilePrefix?: string;
} {
  const id = reference.startsWith("arn:")
    ? reference.slice(reference.lastIndexOf("/") + 1)
    : reference;
  const dot = id.indexOf(".");
  const head = dot > 0 ? id.slice(0, dot) : "";
  if (
    (PROFILE_PREFIXES as readonly string[]).includes(head) &&
    id.indexOf(".", dot + 1) > 0
  ) {
    return { modelId: id.slice(dot + 1), profilePrefix: head };
  }
  return { modelId: id };
}
