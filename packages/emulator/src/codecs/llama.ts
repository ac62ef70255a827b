// Meta Llama: a raw prompt in Llama's chat template; generation / stop_reason out.
import { expectType, fromPrompt, invocationMetrics, onlyKeys, range, requiredKey } from "./native";
import type { TextCodec } from "./types";

export const llama: TextCodec = {
  kind: "text",
  name: "llama",
  matches: (m) => m.modelId.startsWith("meta."),
  parse(body) {
    if (body.prompt === undefined) throw requiredKey("prompt");
    expectType(body.prompt, "prompt", "string");
    onlyKeys(body, ["prompt", "max_gen_len", "temperature", "top_p", "images"]);
    range(body.temperature, "temperature", 0, 1);
    range(body.top_p, "top_p", 0, 1);
    if (body.max_gen_len !== undefined) range(body.max_gen_len, "max_gen_len", 1, 8192);
    return { ...fromPrompt(body.prompt as string), cfg: { maxTokens: body.max_gen_len as number | undefined, temperature: body.temperature as number | undefined, topP: body.top_p as number | undefined }, tools: [] };
  },
  response(turn) {
    const u = turn.usage;
    return { generation: turn.text, prompt_token_count: u.inputTokens, generation_token_count: u.outputTokens, stop_reason: turn.stopReason === "max_tokens" ? "length" : "stop" };
  },
  chunks(turn, _m, _parsed, pieces) {
    const u = turn.usage;
    const isLast = (i: number) => i === pieces.length - 1;
    return pieces.map((p, i) => ({
      generation: p,
      prompt_token_count: i === 0 ? u.inputTokens : null,
      generation_token_count: isLast(i) ? u.outputTokens : i + 1,
      stop_reason: isLast(i) ? (turn.stopReason === "max_tokens" ? "length" : "stop") : null,
      ...(isLast(i) ? invocationMetrics(turn) : {}),
    }));
  },
};
