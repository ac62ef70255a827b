import {
  BedrockAgentRuntimeClient,
  OptimizePromptCommand,
} from "@aws-sdk/client-bedrock-agent-runtime";
import { checkAnswer, checks, type Language } from "bedrock-guide";

/**
 * The models AWS lists as prompt-optimization targets ("Optimize a prompt", Bedrock user guide,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-management-optimize.html; kept with
 * its date in data/prompt-management.json). Base model IDs only: inference profiles are refused.
 */
export const OPTIMIZATION_TARGETS = [
  "amazon.nova-lite-v1:0",
  "amazon.nova-micro-v1:0",
  "amazon.nova-premier-v1:0",
  "amazon.nova-pro-v1:0",
  "amazon.titan-text-premier-v1:0",
  "anthropic.claude-3-haiku-20240307-v1:0",
  "anthropic.claude-3-opus-20240229-v1:0",
  "anthropic.claude-3-sonnet-20240229-v1:0",
  "anthropic.claude-3-5-haiku-20241022-v1:0",
  "anthropic.claude-3-5-sonnet-20241022-v2:0",
  "anthropic.claude-3-5-sonnet-20240620-v1:0",
  "anthropic.claude-3-7-sonnet-20250219-v1:0",
  "anthropic.claude-opus-4-20250514-v1:0",
  "anthropic.claude-sonnet-4-20250514-v1:0",
  "deepseek.r1-v1:0",
  "meta.llama3-70b-instruct-v1:0",
  "meta.llama3-1-70b-instruct-v1:0",
  "meta.llama3-2-11b-instruct-v1:0",
  "meta.llama3-3-70b-instruct-v1:0",
  "meta.llama4-maverick-17b-instruct-v1:0",
  "meta.llama4-scout-17b-instruct-v1:0",
  "mistral.mistral-large-2402-v1:0",
  "mistral.mistral-large-2407-v1:0",
];

export interface Optimized {
  analysis: string;
  optimized: string;
  /** `{{variables}}` of the original that the rewrite lost (should be none). */
  lostVariables: string[];
}

const variablesIn = (text: string) => [
  ...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])),
];

/** OptimizePrompt streams two events: first the analysis of your prompt, then the rewrite. */
export async function optimizePrompt(
  text: string,
  targetModelId: string,
  onEvent: (
    kind: "analysis" | "optimized",
    text: string,
  ) => void = () => {},
): Promise<Optimized> {
  if (!OPTIMIZATION_TARGETS.includes(targetModelId)) {
    throw new Error(
      `${targetModelId} is not a prompt-optimization target. Pick a base model ID from OPTIMIZATION_TARGETS, such as amazon.nova-lite-v1:0 (inference profiles are not accepted).`,
    );
  }
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
  const kept = new Set(variablesIn(optimized));
  return {
    analysis,
    optimized,
    lostVariables: variablesIn(text).filter((name) => !kept.has(name)),
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
