// Amazon Nova understanding models, messages-v1: Converse's message shapes, so the same engine
// checks them.
import { validateValue } from "../input-validation";
import { checkInferenceConfig, checkMessages } from "../runtime/conversation";
import type { ResponderRequest } from "../responders/types";
import { expectType, invocationMetrics, isObject, malformed, onlyKeys, requiredKey, type Json } from "./native";
import type { TextCodec } from "./types";

const CONVERSE_MESSAGES = "botocore:bedrockruntime#Messages";
const CONVERSE_INFERENCE_CONFIG = "botocore:bedrockruntime#InferenceConfiguration";

export const nova: TextCodec = {
  kind: "text",
  name: "nova",
  matches: (m) => m.modelId.startsWith("amazon.nova") && m.outputModalities.includes("TEXT") && !m.modelId.includes("sonic"),
  parse(body) {
    onlyKeys(body, ["schemaVersion", "messages", "system", "inferenceConfig", "toolConfig", "additionalModelRequestFields"]);
    if (body.schemaVersion !== undefined && body.schemaVersion !== "messages-v1") throw malformed(`#/schemaVersion: ${JSON.stringify(body.schemaVersion)} is not a valid enum value`);
    if (body.messages === undefined) throw requiredKey("messages");
    validateValue(CONVERSE_MESSAGES, body.messages, "messages");
    const messages = checkMessages(body.messages) as ResponderRequest["messages"];
    const system = body.system === undefined ? [] : (expectType(body.system, "system", "array"), body.system as Json[]);
    const ic = body.inferenceConfig === undefined ? {} : (expectType(body.inferenceConfig, "inferenceConfig", "object"), body.inferenceConfig as Json);
    const mapped = { maxTokens: ic.max_new_tokens ?? ic.maxTokens, temperature: ic.temperature, topP: ic.top_p ?? ic.topP, stopSequences: ic.stopSequences };
    validateValue(CONVERSE_INFERENCE_CONFIG, mapped, "inferenceConfig");
    const cfg = checkInferenceConfig(mapped);
    const toolsRaw = isObject(body.toolConfig) && Array.isArray(body.toolConfig.tools) ? (body.toolConfig.tools as Json[]) : [];
    const tools = toolsRaw.filter((t) => isObject(t.toolSpec)).map((t) => {
      const s = t.toolSpec as Json;
      return { name: String(s.name), description: s.description as string | undefined, inputSchema: s.inputSchema };
    });
    return { messages, system, cfg, tools };
  },
  response(turn) {
    const u = turn.usage;
    return {
      output: {
        message: {
          role: "assistant",
          content: [...(turn.text || !turn.toolUses.length ? [{ text: turn.text }] : []), ...turn.toolUses.map((t) => ({ toolUse: t }))],
        },
      },
      stopReason: turn.stopReason,
      usage: { inputTokens: u.inputTokens, outputTokens: u.outputTokens, totalTokens: u.totalTokens },
    };
  },
  chunks(turn, _m, _parsed, pieces) {
    const u = turn.usage;
    return [
      { messageStart: { role: "assistant" } },
      ...pieces.map((p) => ({ contentBlockDelta: { delta: { text: p }, contentBlockIndex: 0 } })),
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: turn.stopReason } },
      { metadata: { usage: { inputTokens: u.inputTokens, outputTokens: u.outputTokens }, metrics: {}, trace: {} }, ...invocationMetrics(turn) },
    ];
  },
};
