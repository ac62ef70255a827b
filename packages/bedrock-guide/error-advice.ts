import { promptManagementAdvice } from "./advice/prompt-management";
import { profilesFor } from "./catalog-facts";
import { currentLanguage, say, type Language } from "./language";
import type { Failure, Problem } from "./advice/rule";
import { RULES } from "./advice/rules";

export type { Problem } from "./advice/rule";

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

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Recognises the problem behind an error from the AWS SDK (or the guide) and says how to fix it. */
export function explainError(
  error: unknown,
  context: AdviceContext = {},
): Advice {
  const e = (error ?? {}) as ErrorLike;
  const lang = context.lang ?? currentLanguage();
  const forPrompts = promptManagementAdvice(
    error,
    context.operation,
    lang,
    context.region,
  );
  if (forPrompts) return forPrompts;
  const message = e.message ?? String(error);
  const failure: Failure = {
    name: e.name ?? "",
    message,
    code: e.code ?? "",
    status: e.$metadata?.httpStatusCode,
    model: context.modelId ?? modelIdIn(message) ?? "",
    region:
      context.region ??
      process.env.AWS_REGION ??
      process.env.AWS_DEFAULT_REGION ??
      "?",
    lang,
    profilesHere: () =>
      context.profilesHere ?? profilesFor(failure.model, failure.region),
  };
  for (const rule of RULES) {
    if (!rule.when(failure)) continue;
    const text = rule.advise(failure);
    if (text)
      return {
        problem: rule.problem,
        title: say(text.title, lang),
        explanation: say(text.explanation, lang),
        fix: say(text.fix, lang),
      };
  }
  return {
    problem: "unknown",
    title: say({ es: "Error inesperado", en: "Unexpected error" }, lang),
    explanation: say(
      {
        es: `${failure.name || "Error"}: la guía no reconoce este caso.`,
        en: `${failure.name || "Error"}: the guide does not recognise this case.`,
      },
      lang,
    ),
    fix: say(
      {
        es: "Lee el mensaje de AWS de arriba; si crees que es un fallo de la guía, abre una incidencia con la celda que lo provoca.",
        en: "Read AWS's message above; if you think the guide is at fault, open an issue with the cell that caused it.",
      },
      lang,
    ),
  };
}

function modelIdIn(message: string): string | undefined {
  return /model ID ([\w.:\-/]+)/i.exec(message)?.[1]?.replace(/[.]$/, "");
}

/** The advice as a short text block, ready to print or to append to the error. */
export function formatAdvice(advice: Advice): string {
  return `💡 ${advice.title}. ${advice.explanation}\n   → ${advice.fix}`;
}

/**
 * Attaches advice to an error (as `error.advice`, and after its message so a notebook shows it
 * under the AWS text). Done once per error; the error's type and status stay as AWS sent them.
 */
export function adviseOn(
  error: unknown,
  context: AdviceContext = {},
): Advice | undefined {
  if (!error || typeof error !== "object") return undefined;
  const target = error as { advice?: Advice; message?: string };
  if (target.advice) return target.advice;
  const advice = explainError(error, context);
  target.advice = advice;
  if (typeof target.message === "string")
    target.message = `${target.message}\n\n${formatAdvice(advice)}`;
  return advice;
}
