import { environment } from "../host";
import { profilesFor } from "../catalog-facts";
import { currentLanguage, say } from "../language";
import type { Advice, AdviceContext, Failure, Rule } from "./rule";

// The one rule engine of the error advice: it reads a failure out of an error and asks the rules in
// order; the first that matches and answers gives the advice. The rules live in this folder by topic.

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** What the rules see of an error and the call that failed. */
export function failureOf(
  error: unknown,
  context: AdviceContext = {},
): Failure {
  const e = (error ?? {}) as ErrorLike;
  const message = e.message ?? String(error);
  const failure: Failure = {
    name: e.name ?? "",
    message,
    code: e.code ?? "",
    status: e.$metadata?.httpStatusCode,
    model: context.modelId ?? modelIdIn(message) ?? "",
    region:
      context.region ??
      environment().AWS_REGION ??
      environment().AWS_DEFAULT_REGION ??
      "?",
    clientRegion: context.region,
    operation: (context.operation ?? "").replace(/Command$/, ""),
    lang: context.lang ?? currentLanguage(),
    profilesHere: () =>
      context.profilesHere ?? profilesFor(failure.model, failure.region),
  };
  return failure;
}

/** The advice of the first rule that matches and answers, in the failure's language. */
export function firstAdvice(
  rules: readonly Rule[],
  failure: Failure,
): Advice | undefined {
  for (const rule of rules) {
    if (!rule.when(failure)) continue;
    const text = rule.advise(failure);
    if (text)
      return {
        problem: rule.problem,
        title: say(text.title, failure.lang),
        explanation: say(text.explanation, failure.lang),
        fix: say(text.fix, failure.lang),
      };
  }
  return undefined;
}

function modelIdIn(message: string): string | undefined {
  return /model ID ([\w.:\-/]+)/i.exec(message)?.[1]?.replace(/[.]$/, "");
}
