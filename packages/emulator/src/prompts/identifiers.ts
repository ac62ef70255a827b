// Prompt identifiers: a 10-character ID, or a prompt ARN with an optional `:version`.
import { errors } from "../errors";
import { ACCOUNT_ID } from "../arn";

export const PROMPT_ACCOUNT = ACCOUNT_ID;

const ID_RE = /^[0-9a-zA-Z]{10}$/;
export const PROMPT_ARN_RE = /^arn:aws:bedrock:([a-z0-9-]{1,20}):([0-9]{12}):prompt\/([0-9a-zA-Z]{10})(?::([0-9]{1,5}))?$/;
const IDENTIFIER_PATTERN =
  "([0-9a-zA-Z]{10})|(arn:aws:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:prompt/[0-9a-zA-Z]{10})(?::[0-9]{1,5})?";

/** A reference to a prompt (and maybe one version) parsed from an ID or an ARN. */
export interface PromptRef {
  id: string;
  /** Region named by an ARN; undefined for a bare ID. */
  region?: string;
  account?: string;
  /** Version named by an ARN suffix (`prompt/ID:3`). */
  version?: string;
}

/** Parses a promptIdentifier (10-char ID or prompt ARN, optionally with `:version`). */
export function parsePromptIdentifier(identifier: string, where = "promptIdentifier"): PromptRef {
  if (ID_RE.test(identifier)) return { id: identifier };
  const m = PROMPT_ARN_RE.exec(identifier);
  if (m) return { region: m[1], account: m[2], id: m[3], version: m[4] };
  throw errors.validation(
    `1 validation error detected: Value '${identifier}' at '${where}' failed to satisfy constraint: ` +
      `Member must satisfy regular expression pattern: ${IDENTIFIER_PATTERN}`,
  );
}

/** True when a Converse modelId names a Prompt Management prompt rather than a model. */
export function isPromptArn(modelId: string): boolean {
  return PROMPT_ARN_RE.test(modelId);
}

export function promptArn(region: string, id: string, version?: string): string {
  const base = `arn:aws:bedrock:${region}:${PROMPT_ACCOUNT}:prompt/${id}`;
  return version && version !== "DRAFT" ? `${base}:${version}` : base;
}
