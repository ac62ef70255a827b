// Responders produce the model's turn for Converse and the text InvokeModel bodies.
// - syntheticResponder (default): deterministic, clearly synthetic text that reflects what the model
//   received (model, system prompt, messages, parameters, tools, prompt variables);
// - scriptedResponder: canned answers registered by tests, matched by model and/or prompt text;
// - openAICompatibleResponder: forwards to a local OpenAI-compatible server (Ollama, llama.cpp,
//   vLLM) for real text offline; selected with BEDROCK_EMULATOR_OPENAI_URL.
// The runtime applies stopSequences and maxTokens to whatever a responder returns.
import type { Responder } from "./types";
import { syntheticResponder } from "../synthetic/responder";
import { openAICompatibleResponder } from "./openai-compatible";

export type { Responder, ResponderRequest, ResponderResult, ResponderToolUse, ToolSpecLite } from "./types";
export { syntheticResponder, replyLanguage, textOf, lastUserText } from "../synthetic/responder";
export { fnv1a } from "../synthetic/language";
export { scriptedResponder, type ScriptedRule, type ScriptedResponder } from "./scripted";
export { openAICompatibleResponder, type OpenAICompatibleOptions } from "./openai-compatible";

/** The responder the env selects: the OpenAI proxy when BEDROCK_EMULATOR_OPENAI_URL is set, else synthetic. */
export function responderFromEnv(env: Record<string, string | undefined>): Responder {
  const url = env.BEDROCK_EMULATOR_OPENAI_URL;
  if (url) return openAICompatibleResponder({ baseUrl: url, model: env.BEDROCK_EMULATOR_OPENAI_MODEL || undefined, apiKey: env.BEDROCK_EMULATOR_OPENAI_KEY || undefined });
  return syntheticResponder();
}
