// Anthropic Claude, messages API (anthropic_version bedrock-2023-05-31).
import { errors } from "../errors";
import type { ToolSpecLite } from "../responders/types";
import { anthropicStop, expectType, invocationMetrics, isObject, malformed, nativeMessages, onlyKeys, range, requiredKey, shortId, stops, textBlocks, type Json } from "./native";
import type { TextCodec } from "./types";

export const anthropic: TextCodec = {
  kind: "text",
  name: "anthropic",
  matches: (m) => m.modelId.startsWith("anthropic."),
  parse(body, model) {
    if (body.anthropic_version === undefined) throw requiredKey("anthropic_version");
    if (body.anthropic_version !== "bedrock-2023-05-31") throw malformed(`#/anthropic_version: ${JSON.stringify(body.anthropic_version)} is not a valid enum value`);
    if (body.max_tokens === undefined) throw requiredKey("max_tokens");
    expectType(body.max_tokens, "max_tokens", "integer");
    if ((body.max_tokens as number) < 1) throw malformed(`#/max_tokens: ${body.max_tokens} is not greater or equal to 1`);
    // Anthropic's own check, passed through by Bedrock.
    if (model.maxOutputTokens && (body.max_tokens as number) > model.maxOutputTokens) {
      throw errors.validation(`max_tokens: ${body.max_tokens} > ${model.maxOutputTokens}, which is the maximum allowed number of output tokens for ${model.modelId}`);
    }
    onlyKeys(body, ["anthropic_version", "anthropic_beta", "max_tokens", "messages", "system", "temperature", "top_p", "top_k", "stop_sequences", "tools", "tool_choice", "metadata", "thinking"]);
    range(body.temperature, "temperature", 0, 1);
    range(body.top_p, "top_p", 0, 1);
    const { messages } = nativeMessages(body.messages);
    const system = body.system === undefined ? [] : textBlocks(body.system, "system");
    let tools: ToolSpecLite[] = [];
    if (body.tools !== undefined) {
      expectType(body.tools, "tools", "array");
      tools = (body.tools as unknown[]).map((t, i) => {
        if (!isObject(t) || typeof t.name !== "string") throw malformed(`#/tools/${i}: required key [name] not found`);
        return { name: t.name, description: typeof t.description === "string" ? t.description : undefined, inputSchema: { json: t.input_schema ?? {} } };
      });
    }
    const tc = isObject(body.tool_choice) ? body.tool_choice : undefined;
    return {
      messages,
      system,
      cfg: { maxTokens: body.max_tokens as number, temperature: body.temperature as number | undefined, topP: body.top_p as number | undefined, stopSequences: stops(body.stop_sequences, "stop_sequences") },
      tools,
      toolChoice: tc?.type === "tool" ? { tool: { name: String(tc.name) } } : tc?.type === "any" ? { any: {} } : undefined,
    };
  },
  response(turn, m) {
    const u = turn.usage;
    return {
      id: `msg_bdrk_emu${shortId(turn, m.modelId)}`,
      type: "message",
      role: "assistant",
      model: m.modelId.replace(/^anthropic\./, "").replace(/-v\d+(:\d+)?$/, ""),
      content: [
        ...(turn.text || !turn.toolUses.length ? [{ type: "text", text: turn.text }] : []),
        ...turn.toolUses.map((t) => ({ type: "tool_use", id: t.toolUseId, name: t.name, input: t.input })),
      ],
      stop_reason: anthropicStop(turn.stopReason),
      stop_sequence: turn.stopSequence ?? null,
      usage: { input_tokens: u.inputTokens, output_tokens: u.outputTokens },
    };
  },
  chunks(turn, m, parsed, pieces) {
    const u = turn.usage;
    const full = anthropic.response(turn, m, parsed);
    const chunks: Json[] = [
      { type: "message_start", message: { ...full, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: u.inputTokens, output_tokens: 1 } } },
    ];
    let index = 0;
    if (turn.text || !turn.toolUses.length) {
      chunks.push({ type: "content_block_start", index, content_block: { type: "text", text: "" } });
      for (const p of pieces) chunks.push({ type: "content_block_delta", index, delta: { type: "text_delta", text: p } });
      chunks.push({ type: "content_block_stop", index });
      index++;
    }
    for (const t of turn.toolUses) {
      chunks.push({ type: "content_block_start", index, content_block: { type: "tool_use", id: t.toolUseId, name: t.name, input: {} } });
      chunks.push({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: JSON.stringify(t.input) } });
      chunks.push({ type: "content_block_stop", index });
      index++;
    }
    chunks.push({ type: "message_delta", delta: { stop_reason: anthropicStop(turn.stopReason), stop_sequence: turn.stopSequence ?? null }, usage: { output_tokens: u.outputTokens } });
    chunks.push({ type: "message_stop", ...invocationMetrics(turn) });
    return chunks;
  },
};
