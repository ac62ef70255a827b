// DeepSeek R1: a raw prompt (choices[].text) or chat messages (chat completions).
import { chatBody, chatCompletion, expectType, fromPrompt, invocationMetrics, onlyKeys, range, requiredKey, stops } from "./native";
import { chatCompletionChunks } from "./chat";
import type { TextCodec } from "./types";

export const deepseek: TextCodec = {
  kind: "text",
  name: "deepseek-prompt",
  matches: (m) => m.modelId.startsWith("deepseek.r1"),
  parse(body) {
    if (body.messages !== undefined) return { ...chatBody(body), style: "chat" };
    if (body.prompt === undefined) throw requiredKey("prompt");
    expectType(body.prompt, "prompt", "string");
    onlyKeys(body, ["prompt", "max_tokens", "temperature", "top_p", "stop"]);
    range(body.temperature, "temperature", 0, 1);
    range(body.top_p, "top_p", 0, 1);
    return {
      ...fromPrompt(body.prompt as string),
      cfg: { maxTokens: body.max_tokens as number | undefined, temperature: body.temperature as number | undefined, topP: body.top_p as number | undefined, stopSequences: stops(body.stop, "stop") },
      tools: [],
      style: "prompt",
    };
  },
  response(turn, m, parsed) {
    if (parsed.style === "prompt") return { choices: [{ text: turn.text, stop_reason: turn.stopReason === "max_tokens" ? "length" : "stop" }] };
    return chatCompletion(turn, m);
  },
  chunks(turn, m, parsed, pieces) {
    if (parsed.style !== "prompt") return chatCompletionChunks(turn, m, pieces);
    const isLast = (i: number) => i === pieces.length - 1;
    return pieces.map((p, i) => ({
      choices: [{ text: p, stop_reason: isLast(i) ? (turn.stopReason === "max_tokens" ? "length" : "stop") : null }],
      ...(isLast(i) ? invocationMetrics(turn) : {}),
    }));
  },
};
