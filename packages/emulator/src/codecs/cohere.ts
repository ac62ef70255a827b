// Cohere Embed v3 / v4: texts + input_type in, embeddings (floats or by type) out.
import { fnv1a } from "../synthetic/language";
import { approximateTokens } from "../tokens";
import { expectType, malformed, requiredKey, syntheticEmbedding } from "./native";
import type { ValueCodec } from "./types";

const INPUT_TYPES = ["search_document", "search_query", "classification", "clustering", "image"];

export const cohereEmbed: ValueCodec = {
  kind: "value",
  name: "cohere-embed",
  matches: (m) => m.modelId.startsWith("cohere.embed"),
  invoke(body, m) {
    if (body.texts === undefined && body.images === undefined && body.inputs === undefined) throw requiredKey("texts");
    if (body.input_type === undefined) throw requiredKey("input_type");
    if (!INPUT_TYPES.includes(body.input_type as string)) throw malformed(`#/input_type: ${JSON.stringify(body.input_type)} is not a valid enum value`);
    const texts = (body.texts ?? []) as unknown[];
    expectType(texts, "texts", "array");
    if (texts.length > 96) throw malformed(`#/texts: expected maximum item count: 96, found: ${texts.length}`);
    texts.forEach((t, i) => expectType(t, `texts/${i}`, "string"));
    const dims = m.modelId.includes("v4") ? ((body.output_dimension as number) ?? 1536) : 1024;
    // input_type changes the vector, as it does for Cohere (queries and documents embed differently).
    const vectors = (texts as string[]).map((t) => syntheticEmbedding(`${body.input_type}|${t}`, dims));
    const tokens = (texts as string[]).reduce((n, t) => n + approximateTokens(t), 0);
    const byType = Array.isArray(body.embedding_types) ? (body.embedding_types as string[]) : undefined;
    return {
      body: {
        id: `emb-${fnv1a(JSON.stringify(texts)).toString(16)}`,
        texts,
        embeddings: byType ? Object.fromEntries(byType.map((t) => [t, t === "float" ? vectors : vectors.map((v) => v.map((x) => Math.max(-128, Math.min(127, Math.round(x * 1270)))))])) : vectors,
        response_type: byType ? "embeddings_by_type" : "embeddings_floats",
      },
      inputTokens: tokens,
      outputTokens: 0,
    };
  },
  latencyMs: (out) => 20 + out.inputTokens,
};
