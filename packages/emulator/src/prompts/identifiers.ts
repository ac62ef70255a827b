// Prompt identifiers: a 10-character ID, or a prompt ARN with an optional `:version`. ARNs are read
// by ../arn.ts (the one ARN parser) and names refused by the validation engine, in AWS's wording.
import { errors } from "../errors";
import { ACCOUNT_ID, parseBedrockArn, promptArn as baseArn } from "../arn";
import { validateValue } from "../input-validation";

const ID_RE = /^[0-9a-zA-Z]{10}$/;
/** What follows `prompt/` in a prompt ARN: the ID and an optional version (AWS's PromptIdentifier pattern). */
const RESOURCE_RE = /^([0-9a-zA-Z]{10})(?::([0-9]{1,5}))?$/;
const REGION_RE = /^[a-z0-9-]{1,20}$/;

/** A reference to a prompt (and maybe one version) parsed from an ID or an ARN. */
export interface PromptRef {
  id: string;
  /** Region named by an ARN; undefined for a bare ID. */
  region?: string;
  account?: string;
  /** Version named by an ARN suffix (`prompt/ID:3`). */
  version?: string;
}

/** A prompt ARN (`arn:aws:bedrock:REGION:ACCOUNT:prompt/ID[:VERSION]`) read; undefined for anything else. */
export function parsePromptArn(value: string): Required<Pick<PromptRef, "id" | "region" | "account">> & { version?: string } | undefined {
  const arn = parseBedrockArn(value);
  if (!arn || arn.partition !== "aws" || arn.resourceType !== "prompt" || !arn.account || !REGION_RE.test(arn.region)) return undefined;
  const m = RESOURCE_RE.exec(arn.resource);
  return m ? { region: arn.region, account: arn.account, id: m[1], version: m[2] } : undefined;
}

/** Parses a promptIdentifier (10-char ID or prompt ARN, optionally with `:version`). */
export function parsePromptIdentifier(identifier: string, where = "promptIdentifier"): PromptRef {
  if (ID_RE.test(identifier)) return { id: identifier };
  const arn = parsePromptArn(identifier);
  if (arn) return arn;
  validateValue("botocore:bedrockagent#PromptIdentifier", identifier, where);
  // The engine accepts exactly what the two parsers above accept; this is never reached.
  throw errors.validation(`The prompt identifier ${identifier} is not valid.`);
}

/** True when a Converse modelId names a Prompt Management prompt rather than a model. */
export function isPromptArn(modelId: string): boolean {
  return parsePromptArn(modelId) !== undefined;
}

/** True when an ARN's account is the emulator's pretend account (../arn.ts). */
export const isOwnAccount = (account: string | undefined): boolean => account === undefined || account === ACCOUNT_ID;

/** The ARN of a prompt, or of one of its numbered versions (DRAFT has none of its own). */
export function promptArn(region: string, id: string, version?: string): string {
  const base = baseArn(region, id);
  return version && version !== "DRAFT" ? `${base}:${version}` : base;
}
