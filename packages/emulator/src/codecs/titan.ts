// Amazon Titan: text (inputText + textGenerationConfig; all Titan Text models are past end of life,
// kept for their errors) and text embeddings v1/v2.
import { approximateTokens } from "../tokens";
import { expectType, fromPrompt, invocationMetrics, malformed, onlyKeys, range, requiredKey, stops, syntheticEmbedding, type Json } from "./native";
import type { TextCodec, ValueCodec } from "./types";

const completionReason = (stop: string) => (stop === "max_tokens" ? "LENGTH" : stop === "stop_sequence" ? "STOP_CRITERIA_MET" : "FINISH");

export const titanText: TextCodec = {
  kind: "text",
  name: "titan-text",
  matches: (m) => m.modelId.startsWith("amazon.titan-text"),
  parse(body) {
    if (body.inputText === undefined) throw requiredKey("inputText");
    expectType(body.inputText, "inputText", "string");
    onlyKeys(body, ["inputText", "textGenerationConfig"]);
    const g = body.textGenerationConfig === undefined ? {} : (expectType(body.textGenerationConfig, "textGenerationConfig", "object"), body.textGenerationConfig as Json);
    range(g.temperature, "textGenerationConfig/temperature", 0, 1);
    range(g.topP, "textGenerationConfig/topP", 0, 1);
    return {
      ...fromPrompt(body.inputText as string),
      cfg: { maxTokens: g.maxTokenCount as number | undefined, temperature: g.temperature as number | undefined, topP: g.topP as number | undefined, stopSequences: stops(g.stopSequences, "textGenerationConfig/stopSequences") },
      tools: [],
    };
  },
  response(turn) {
    const u = turn.usage;
    return { inputTextTokenCount: u.inputTokens, results: [{ tokenCount: u.outputTokens, outputText: turn.text, completionReason: completionReason(turn.stopReason) }] };
  },
  chunks(turn, _m, _parsed, pieces) {
    const u = turn.usage;
    const isLast = (i: number) => i === pieces.length - 1;
    return pieces.map((p, i) => ({
      outputText: p,
      index: 0,
      totalOutputTextTokenCount: isLast(i) ? u.outputTokens : null,
      completionReason: isLast(i) ? completionReason(turn.stopReason) : null,
      inputTextTokenCount: i === 0 ? u.inputTokens : null,
      ...(isLast(i) ? invocationMetrics(turn) : {}),
    }));
  },
};

export const titanEmbed: ValueCodec = {
  kind: "value",
  name: "titan-embed",
  matches: (m) => m.modelId.startsWith("amazon.titan-embed-text") || m.modelId.startsWith("amazon.titan-embed-g1"),
  invoke(body, m) {
    if (body.inputText === undefined) throw requiredKey("inputText");
    expectType(body.inputText, "inputText", "string");
    const v2 = m.modelId.includes("v2");
    onlyKeys(body, v2 ? ["inputText", "dimensions", "normalize", "embeddingTypes"] : ["inputText"]);
    const dims = body.dimensions === undefined ? (v2 ? 1024 : 1536) : (body.dimensions as number);
    if (v2 && ![256, 512, 1024].includes(dims)) throw malformed(`#/dimensions: ${JSON.stringify(body.dimensions)} is not a valid enum value`);
    const embedding = syntheticEmbedding(body.inputText as string, dims, body.normalize !== false);
    const tokens = approximateTokens(body.inputText as string);
    return { body: { embedding, inputTextTokenCount: tokens, ...(v2 ? { embeddingsByType: { float: embedding } } : {}) }, inputTokens: tokens, outputTokens: 0 };
  },
  latencyMs: (out) => 20 + out.inputTokens,
};
