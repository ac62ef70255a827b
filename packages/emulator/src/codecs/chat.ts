// OpenAI-style chat completions (AI21 Jamba, gpt-oss, Qwen, Gemma, Kimi… any other text model):
// messages in, choices out; the stream is chat.completion.chunk objects.
import { chatBody, chatCompletion, invocationMetrics, openAiFinish, shortId, type Json } from "./native";
import type { FinishedTurn } from "../runtime/turn";
import type { CatalogModel } from "../catalog";
import type { TextCodec } from "./types";

export function chatCompletionChunks(turn: FinishedTurn, m: CatalogModel, pieces: string[]): Json[] {
  const u = turn.usage;
  const isLast = (i: number) => i === pieces.length - 1;
  return pieces.map((p, i) => ({
    id: `chatcmpl-emu${shortId(turn, m.modelId)}`,
    object: "chat.completion.chunk",
    created: 0,
    model: m.modelId,
    choices: [{ index: 0, delta: { ...(i === 0 ? { role: "assistant" } : {}), content: p }, finish_reason: isLast(i) ? openAiFinish(turn.stopReason) : null }],
    ...(isLast(i) ? { usage: { prompt_tokens: u.inputTokens, completion_tokens: u.outputTokens, total_tokens: u.totalTokens }, ...invocationMetrics(turn) } : {}),
  }));
}

export const chat: TextCodec = {
  kind: "text",
  name: "chat",
  matches: (m) => m.outputModalities.includes("TEXT") && !m.outputModalities.includes("EMBEDDING"),
  parse: (body) => ({ ...chatBody(body), style: "chat" }),
  response: (turn, m) => chatCompletion(turn, m),
  chunks: (turn, m, _parsed, pieces) => chatCompletionChunks(turn, m, pieces),
};
