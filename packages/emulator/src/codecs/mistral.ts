// Mistral: a raw [INST] prompt (outputs[]) or chat messages (choices[] with stop_reason).
import { chatBody, expectType, fromPrompt, invocationMetrics, onlyKeys, openAiFinish, range, requiredKey, stops, toolCalls } from "./native";
import type { TextCodec } from "./types";

export const mistral: TextCodec = {
  kind: "text",
  name: "mistral",
  matches: (m) => m.modelId.startsWith("mistral."),
  parse(body, model) {
    if (body.messages !== undefined) return { ...chatBody(body), style: "chat" };
    if (body.prompt === undefined) throw requiredKey("prompt");
    expectType(body.prompt, "prompt", "string");
    onlyKeys(body, ["prompt", "max_tokens", "temperature", "top_p", "top_k", "stop"]);
    range(body.temperature, "temperature", 0, 1);
    range(body.top_p, "top_p", 0, 1);
    if (body.max_tokens !== undefined) range(body.max_tokens, "max_tokens", 1, model.maxOutputTokens ?? 32768);
    return {
      ...fromPrompt(body.prompt as string),
      cfg: { maxTokens: body.max_tokens as number | undefined, temperature: body.temperature as number | undefined, topP: body.top_p as number | undefined, stopSequences: stops(body.stop, "stop") },
      tools: [],
      style: "prompt",
    };
  },
  response(turn, _m, parsed) {
    if (parsed.style === "prompt") return { outputs: [{ text: turn.text, stop_reason: turn.stopReason === "max_tokens" ? "length" : "stop" }] };
    return {
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: turn.text, ...(turn.toolUses.length ? { tool_calls: toolCalls(turn) } : {}) },
          stop_reason: openAiFinish(turn.stopReason),
        },
      ],
    };
  },
  chunks(turn, _m, parsed, pieces) {
    const isLast = (i: number) => i === pieces.length - 1;
    const metricsOnLast = (i: number) => (isLast(i) ? invocationMetrics(turn) : {});
    if (parsed.style === "prompt") {
      return pieces.map((p, i) => ({ outputs: [{ text: p, stop_reason: isLast(i) ? (turn.stopReason === "max_tokens" ? "length" : "stop") : null }], ...metricsOnLast(i) }));
    }
    return pieces.map((p, i) => ({
      choices: [{ index: 0, message: { role: "assistant", content: p }, stop_reason: isLast(i) ? openAiFinish(turn.stopReason) : null }],
      ...metricsOnLast(i),
    }));
  },
};
