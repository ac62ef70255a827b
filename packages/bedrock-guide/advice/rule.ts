import type { Bilingual, Language } from "../language";

// The shape every advice rule has: which problem it names, when it applies, and what it says.
// To add advice: write a rule in the file of its topic and place it in advice/rules.ts, where the
// order says which rule wins when several match (the most specific first).

/** The problems a newcomer to Bedrock meets most, each with its own advice. */
export type Problem =
  | "model-not-callable-here"
  | "no-credentials"
  | "expired-credentials"
  | "region-not-enabled"
  | "invalid-credentials"
  | "no-region"
  | "region-without-bedrock"
  | "model-not-in-region"
  | "profile-not-in-region"
  | "invalid-model-id"
  | "needs-inference-profile"
  | "use-case-not-submitted"
  | "legacy-model"
  | "extended-access"
  | "end-of-life"
  | "no-access"
  | "daily-token-quota"
  | "throttling"
  | "quota"
  | "budget"
  | "cannot-connect"
  | "temperature-refused"
  | "temperature-with-top-p"
  | "invalid-request"
  | "prompt-not-found"
  | "batch-pass-role"
  | "batch-role-not-assumable"
  | "batch-s3-access"
  | "batch-too-few-records"
  | "batch-not-supported"
  | "batch-record-failed"
  | "unknown";

export interface Advice {
  problem: Problem;
  title: string;
  explanation: string;
  fix: string;
}

export interface AdviceContext {
  /** The modelId the failing call used, if any. */
  modelId?: string;
  region?: string;
  lang?: Language;
  /** The SDK command that failed (e.g. "CreatePromptCommand"): Prompt Management advice names its IAM action. */
  operation?: string;
  /**
   * The system profiles the region lists for the model, as ListInferenceProfiles answered in this
   * session. The guide's clients pass them; without them, advice falls back to the catalog capture.
   */
  profilesHere?: string[];
}

/** What a rule sees of the failure. */
export interface Failure {
  name: string;
  message: string;
  code: string;
  status?: number;
  model: string;
  region: string;
  /** The region the caller gave (the failing client's), without the environment's fallback. */
  clientRegion?: string;
  /** The SDK operation that failed, without the Command suffix (e.g. "CreatePrompt"), or "". */
  operation: string;
  lang: Language;
  /** The region's profiles for the model: asked live when the caller could, else the capture. */
  profilesHere: () => string[];
}

export interface Text {
  title: Bilingual;
  explanation: Bilingual;
  fix: Bilingual;
}

export interface Rule {
  problem: Problem;
  when: (f: Failure) => boolean;
  /** The advice, or undefined to let a later rule answer. */
  advise: (f: Failure) => Text | undefined;
}

/** A rule whose advice does not depend on the failure. */
export const same = (text: Text) => () => text;
