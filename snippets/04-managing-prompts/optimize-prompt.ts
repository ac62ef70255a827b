import {
  BedrockAgentRuntimeClient,
  OptimizePromptCommand,
} from "@aws-sdk/client-bedrock-agent-runtime";
import {
  checkAnswer,
  checks,
  optimizationTargets,
  optimizationTargetsIn,
  say,
  templateVariables,
  type Language,
} from "bedrock-guide";

export interface Optimized {
  analysis: string;
  optimized: string;
  /** `{{variables}}` of the original that the rewrite lost (should be none). */
  lostVariables: string[];
}

/**
 * Whether `region` can optimise a prompt, and for which target. AWS offers OptimizePrompt in some
 * regions only, and for some models (`optimizationTargets()` lists both, with AWS's page). The
 * target is `preferred` if this region lists it, else the first active target listed here.
 */
export function optimizationPlan(
  region: string,
  preferred: string,
  lang: Language,
): { target: string } | { unavailable: string } {
  const { regions, source } = optimizationTargets();
  if (!regions.includes(region))
    return {
      unavailable: say(
        {
          es: `AWS no ofrece la optimización de prompts en ${region}, solo en ${regions.join(", ")} (${source}). Esta celda no la llama; para probarla, usa una de esas regiones en AWS_REGION.`,
          en: `AWS does not offer prompt optimisation in ${region}, only in ${regions.join(", ")} (${source}). This cell does not call it; to try it, set AWS_REGION to one of those regions.`,
        },
        lang,
      ),
    };
  const here = optimizationTargetsIn(region);
  if (here.includes(preferred)) return { target: preferred };
  if (here.length) return { target: here[0] };
  return {
    unavailable: say(
      {
        es: `El catálogo de la guía no lista en ${region} ninguno de los modelos que OptimizePrompt admite como destino (${source}).`,
        en: `The guide's catalog lists none of OptimizePrompt's target models in ${region} (${source}).`,
      },
      lang,
    ),
  };
}

/**
 * OptimizePrompt streams two events: first the analysis of your prompt, then the rewrite. Only some
 * base models can be targets (`optimizationTargets()` lists them, with AWS's page); for any other,
 * AWS answers ValidationException and the guide's advice names the targets.
 */
export async function optimizePrompt(
  text: string,
  targetModelId: string,
  onEvent: (
    kind: "analysis" | "optimized",
    text: string,
  ) => void = () => {},
): Promise<Optimized> {
  const agentRuntime = new BedrockAgentRuntimeClient({});
  const { optimizedPrompt } = await agentRuntime.send(
    new OptimizePromptCommand({
      input: { textPrompt: { text } },
      targetModelId,
    }),
  );
  let analysis = "";
  let optimized = "";
  for await (const event of optimizedPrompt ?? []) {
    if (event.analyzePromptEvent?.message) {
      analysis += event.analyzePromptEvent.message;
      onEvent("analysis", event.analyzePromptEvent.message);
    }
    const rewrite =
      event.optimizedPromptEvent?.optimizedPrompt?.textPrompt?.text;
    if (rewrite) {
      optimized += rewrite;
      onEvent("optimized", rewrite);
    }
  }
  return {
    analysis,
    optimized,
    // The original's variables by AWS's rule; the rewrite keeps one if it still spells it {{name}}.
    lostVariables: templateVariables(text).filter(
      (name) => !optimized.includes(`{{${name}}}`),
    ),
  };
}

const ANSWER_IN: Record<Language, string> = {
  es: "Responde siempre en español.",
  en: "Always answer in English.",
};

/**
 * AWS recommends optimizing prompts in English, and a Spanish prompt may come back in English.
 * If the rewrite is not in the reader's language, say so in the prompt: the answer keeps it.
 */
export async function keepReaderLanguage(
  optimized: string,
  lang: Language,
): Promise<{
  prompt: string;
  rewrittenIn: "same" | "other";
  reason: string;
}> {
  const { passed, results } = await checkAnswer(optimized, [
    checks.language(lang),
  ]);
  if (passed)
    return {
      prompt: optimized,
      rewrittenIn: "same",
      reason: results[0].reason,
    };
  return {
    prompt: `${optimized}\n\n${ANSWER_IN[lang]}`,
    rewrittenIn: "other",
    reason: results[0].reason,
  };
}
