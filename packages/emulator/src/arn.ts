// One source for the identifiers every service builds and reads: the pretend account, the
// geographic profile prefixes, and Bedrock ARNs.

/** The account every ARN the emulator makes names: AWS's documentation account. */
export const ACCOUNT_ID = "123456789012";

/** Prefixes of system-defined (cross-Region) inference profile IDs, as ListInferenceProfiles shows them. */
export const PROFILE_PREFIXES = ["us", "eu", "apac", "jp", "au", "in", "ca", "global", "us-gov"] as const;
const PROFILE_PREFIX_RE = new RegExp(`^(${PROFILE_PREFIXES.join("|")})\\.`);

/** The model ID inside a profile ID (`us.amazon.nova-lite-v1:0` → `amazon.nova-lite-v1:0`); other IDs unchanged. */
export function withoutProfilePrefix(id: string): string {
  return id.replace(PROFILE_PREFIX_RE, "");
}

export interface BedrockArn {
  partition: string;
  /** Empty for foundation models of global profiles (`arn:aws:bedrock:::foundation-model/…`). */
  region: string;
  /** Empty for foundation models. */
  account: string;
  /** e.g. foundation-model, inference-profile, application-inference-profile, prompt, guardrail. */
  resourceType: string;
  /** Everything after the first slash, e.g. `amazon.nova-lite-v1:0` or `ABCDEFGHIJ:3`. */
  resource: string;
}

const ARN_RE = /^arn:(aws(?:-[a-z-]+)?):bedrock:([a-z0-9-]*):(\d{12})?:([a-z-]+)\/(.+)$/;

/** Parses a Bedrock ARN; undefined for anything else (including plain IDs). */
export function parseBedrockArn(value: string): BedrockArn | undefined {
  const m = ARN_RE.exec(value);
  if (!m) return undefined;
  return { partition: m[1], region: m[2], account: m[3] ?? "", resourceType: m[4], resource: m[5] };
}

/** A foundation model ARN → its model ID; any other identifier unchanged. */
export function modelIdOf(identifier: string): string {
  const arn = parseBedrockArn(identifier);
  return arn?.resourceType === "foundation-model" ? arn.resource : identifier;
}

export function modelArn(region: string, modelId: string): string {
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

export function profileArn(region: string, profileId: string): string {
  return `arn:aws:bedrock:${region}:${ACCOUNT_ID}:inference-profile/${profileId}`;
}

export function promptArn(region: string, promptId: string): string {
  return `arn:aws:bedrock:${region}:${ACCOUNT_ID}:prompt/${promptId}`;
}
