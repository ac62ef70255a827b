import { failureOf, firstAdvice } from "./advice/engine";
import type { Advice, AdviceContext } from "./advice/rule";
import { RULES } from "./advice/rules";
import { say } from "./language";

// Error advice: what went wrong and how to fix it, in the reader's language. The rules are in
// advice/ by topic, in one order (advice/rules.ts), run by one engine (advice/engine.ts).

export type { Advice, AdviceContext, Problem } from "./advice/rule";

/** Recognises the problem behind an error from the AWS SDK (or the guide) and says how to fix it. */
export function explainError(
  error: unknown,
  context: AdviceContext = {},
): Advice {
  const failure = failureOf(error, context);
  const advice = firstAdvice(RULES, failure);
  if (advice) return advice;
  const lang = failure.lang;
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
