// bedrock-runtime InvokeModel, InvokeModelWithResponseStream and CountTokens with the
// provider-native bodies: Anthropic messages (bedrock-2023-05-31), Amazon Nova (messages-v1),
// Titan text and Titan embeddings, Meta Llama (prompt), Mistral (prompt and chat), Cohere embed v3/v4,
// AI21 Jamba / OpenAI gpt-oss and other chat-completions models (messages), DeepSeek (prompt),
// and Stability text-to-image. Text goes through the same responder and post-processing as Converse.
import { errors, type EmulatorContext, type EmulatorRequest, type Reply, type Route, type StreamEvent } from "../http";
import { defineRoutes, validateValue } from "../validate";
import { modelIdOf } from "../arn";

const CONVERSE_MESSAGES = "botocore:bedrockruntime#Messages";
const CONVERSE_INFERENCE_CONFIG = "botocore:bedrockruntime#InferenceConfiguration";
import type { CatalogModel, ResolvedModel } from "../catalog";
import { approximateTokens, converseInputTokens } from "../tokens";
import { fnv1a, type ResponderRequest, type ToolSpecLite } from "../responders";
import { sizeFor, syntheticImage } from "../png";
import {
  checkInferenceConfig,
  checkMessages,
  checkSystem,
  finishTurn,
  breakMidStream,
  checkSamplingParameters,
  modelFaults,
  parseJson,
  requireStreaming,
  splitDeltas,
  type FinishedTurn,
  type InferenceConfig,
} from "./converse";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);

/** AWS's wording for a body that doesn't match the model's schema. */
function malformed(detail?: string) {
  return errors.validation(detail ? `Malformed input request: ${detail}, please reformat your input and try again.` : "Malformed input request, please reformat your input and try again.");
}
const requiredKey = (key: string) => malformed(`#: required key [${key}] not found`);
const extraneousKey = (key: string) => malformed(`#: extraneous key [${key}] is not permitted`);
function expectType(value: unknown, path: string, type: "string" | "number" | "integer" | "array" | "object" | "boolean") {
  const ok =
    type === "array" ? Array.isArray(value) : type === "object" ? isObject(value) : type === "integer" ? Number.isInteger(value) : typeof value === type;
  if (!ok) throw malformed(`#/${path}: expected type: ${type === "number" || type === "integer" ? (type === "integer" ? "Integer" : "Number") : type === "array" ? "JSONArray" : type === "object" ? "JSONObject" : type === "boolean" ? "Boolean" : "String"}, found: ${Array.isArray(value) ? "JSONArray" : value === null ? "Null" : typeof value === "object" ? "JSONObject" : typeof value === "number" ? "Integer" : typeof value === "boolean" ? "Boolean" : "String"}`);
}
function onlyKeys(body: Json, allowed: string[]) {
  for (const k of Object.keys(body)) if (!allowed.includes(k)) throw extraneousKey(k);
}
function range(value: unknown, path: string, min: number, max: number) {
  if (value === undefined) return;
  expectType(value, path, "number");
  const v = value as number;
  if (v < min) throw malformed(`#/${path}: ${v} is not greater or equal to ${min}`);
  if (v > max) throw malformed(`#/${path}: ${v} is not less or equal to ${max}`);
}

type Kind = "anthropic" | "nova" | "titan-text" | "titan-embed" | "llama" | "mistral" | "cohere-embed" | "chat" | "prompt" | "stability" | "unsupported";

/** Which native body family a model speaks. */
export function nativeKind(m: CatalogModel): Kind {
  const id = m.modelId;
  if (id.startsWith("anthropic.")) return "anthropic";
  if (id.startsWith("amazon.nova") && m.outputModalities.includes("TEXT") && !id.includes("sonic")) return "nova";
  if (id.startsWith("amazon.titan-text")) return "titan-text";
  if (id.startsWith("amazon.titan-embed-text") || id.startsWith("amazon.titan-embed-g1")) return "titan-embed";
  if (id.startsWith("meta.")) return "llama";
  if (id.startsWith("mistral.")) return "mistral";
  if (id.startsWith("cohere.embed")) return "cohere-embed";
  if (id.startsWith("stability.")) return "stability";
  if (id.startsWith("deepseek.r1")) return "prompt";
  if (m.outputModalities.includes("TEXT") && !m.outputModalities.includes("EMBEDDING")) return "chat";
  return "unsupported";
}

/** A native text request turned into the Converse-shaped view the responders take. */
interface ParsedText {
  messages: ResponderRequest["messages"];
  system: Json[];
  cfg: InferenceConfig;
  tools: ToolSpecLite[];
  toolChoice?: ResponderRequest["toolChoice"];
  /** Chat-style (messages) or completion-style (prompt) for formats that have both. */
  style?: "chat" | "prompt";
}

function textBlocks(content: unknown, path: string): Json[] {
  if (typeof content === "string") {
    if (!content.trim()) throw malformed(`#/${path}: expected minLength: 1, actual: 0`);
    return [{ text: content }];
  }
  if (!Array.isArray(content)) throw malformed(`#/${path}: expected type: String or JSONArray`);
  return content.map((c, i) => {
    if (!isObject(c)) throw malformed(`#/${path}/${i}: expected type: JSONObject`);
    if (c.type === "text" || (c.type === undefined && typeof c.text === "string")) {
      if (typeof c.text !== "string") throw requiredKey("text");
      return { text: c.text };
    }
    if (c.type === "image" || c.image) return { image: { format: "png", source: { bytes: "" } } };
    if (c.type === "tool_use") return { toolUse: { toolUseId: String(c.id ?? ""), name: String(c.name ?? ""), input: c.input ?? {} } };
    if (c.type === "tool_result") {
      const inner = typeof c.content === "string" ? [{ text: c.content }] : Array.isArray(c.content) ? c.content.map((x) => (isObject(x) && typeof x.text === "string" ? { text: x.text } : { json: x })) : [];
      return { toolResult: { toolUseId: String(c.tool_use_id ?? ""), content: inner } };
    }
    return { text: JSON.stringify(c) };
  });
}

function nativeMessages(value: unknown, roles = ["user", "assistant"]): { messages: ResponderRequest["messages"]; system: Json[] } {
  if (value === undefined) throw requiredKey("messages");
  expectType(value, "messages", "array");
  const list = value as unknown[];
  if (list.length === 0) throw malformed("#/messages: expected minimum item count: 1, found: 0");
  const system: Json[] = [];
  const messages: ResponderRequest["messages"] = [];
  list.forEach((m, i) => {
    if (!isObject(m)) throw malformed(`#/messages/${i}: expected type: JSONObject`);
    if (typeof m.role !== "string") throw requiredKey("role");
    if (m.role === "system" && roles.includes("system")) {
      system.push(...textBlocks(m.content, `messages/${i}/content`));
      return;
    }
    if (m.role === "tool" && roles.includes("tool")) {
      messages.push({ role: "user", content: [{ toolResult: { toolUseId: String(m.tool_call_id ?? ""), content: [{ text: String(m.content ?? "") }] } }] });
      return;
    }
    if (!roles.includes(m.role)) throw malformed(`#/messages/${i}/role: ${m.role} is not a valid enum value`);
    if (m.content === undefined || m.content === null) {
      if (Array.isArray(m.tool_calls)) {
        messages.push({ role: m.role, content: [{ text: "(tool call)" }] });
        return;
      }
      throw requiredKey("content");
    }
    messages.push({ role: m.role, content: textBlocks(m.content, `messages/${i}/content`) });
  });
  // Merge consecutive turns of the same role, as chat templates do, then check like Converse.
  const merged: ResponderRequest["messages"] = [];
  for (const m of messages) {
    const last = merged[merged.length - 1];
    if (last && last.role === m.role) last.content.push(...m.content);
    else merged.push({ role: m.role, content: [...m.content] });
  }
  if (!merged.length || merged[0].role !== "user") {
    throw errors.validation("A conversation must start with a user message. Try again with a conversation that starts with a user message.");
  }
  return { messages: merged, system };
}

/** The user and system parts of a raw completion prompt (Llama / Mistral / DeepSeek templates). */
function fromPrompt(prompt: string): { messages: ResponderRequest["messages"]; system: Json[] } {
  let system = "";
  let user = prompt;
  const llamaSys = /<\|start_header_id\|>system<\|end_header_id\|>\s*([\s\S]*?)<\|eot_id\|>/.exec(prompt);
  if (llamaSys) system = llamaSys[1].trim();
  const llamaUsers = [...prompt.matchAll(/<\|start_header_id\|>user<\|end_header_id\|>\s*([\s\S]*?)(?:<\|eot_id\|>|$)/g)];
  const insts = [...prompt.matchAll(/\[INST\]\s*([\s\S]*?)\s*\[\/INST\]/g)];
  if (llamaUsers.length) user = llamaUsers[llamaUsers.length - 1][1];
  else if (insts.length) user = insts[insts.length - 1][1];
  user = user.replace(/<\/?s>|<\|[a-z_]+\|>|<｜[^｜]+｜>/g, "").trim() || prompt.trim() || "(empty prompt)";
  return { messages: [{ role: "user", content: [{ text: user }] }], system: system ? [{ text: system }] : [] };
}

function stops(value: unknown, path: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return [value];
  expectType(value, path, "array");
  return (value as unknown[]).map((s, i) => {
    expectType(s, `${path}/${i}`, "string");
    return s as string;
  });
}

function parseTextBody(kind: Kind, body: Json, model: CatalogModel): ParsedText {
  switch (kind) {
    case "anthropic": {
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
    }
    case "nova": {
      onlyKeys(body, ["schemaVersion", "messages", "system", "inferenceConfig", "toolConfig", "additionalModelRequestFields"]);
      if (body.schemaVersion !== undefined && body.schemaVersion !== "messages-v1") throw malformed(`#/schemaVersion: ${JSON.stringify(body.schemaVersion)} is not a valid enum value`);
      if (body.messages === undefined) throw requiredKey("messages");
      // Nova's messages-v1 body shares Converse's message shapes: the same engine checks them.
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
    }
    case "titan-text": {
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
    }
    case "llama": {
      if (body.prompt === undefined) throw requiredKey("prompt");
      expectType(body.prompt, "prompt", "string");
      onlyKeys(body, ["prompt", "max_gen_len", "temperature", "top_p", "images"]);
      range(body.temperature, "temperature", 0, 1);
      range(body.top_p, "top_p", 0, 1);
      if (body.max_gen_len !== undefined) range(body.max_gen_len, "max_gen_len", 1, 8192);
      return { ...fromPrompt(body.prompt as string), cfg: { maxTokens: body.max_gen_len as number | undefined, temperature: body.temperature as number | undefined, topP: body.top_p as number | undefined }, tools: [] };
    }
    case "mistral": {
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
    }
    case "prompt": {
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
    }
    case "chat":
      return { ...chatBody(body), style: "chat" };
    default:
      throw errors.validation("This action doesn't support the model that you provided. Try again with a supported text or chat model.");
  }
}

/** OpenAI chat-completions style bodies (AI21 Jamba, gpt-oss, Qwen, Mistral chat…). */
function chatBody(body: Json): ParsedText {
  if (body.prompt !== undefined && body.messages === undefined) throw requiredKey("messages");
  const { messages, system } = nativeMessages(body.messages, ["user", "assistant", "system", "tool"]);
  range(body.temperature, "temperature", 0, 2);
  range(body.top_p, "top_p", 0, 1);
  const max = body.max_completion_tokens ?? body.max_tokens;
  if (max !== undefined) {
    expectType(max, body.max_completion_tokens !== undefined ? "max_completion_tokens" : "max_tokens", "integer");
    if ((max as number) < 1) throw malformed(`#/max_tokens: ${max} is not greater or equal to 1`);
  }
  let tools: ToolSpecLite[] = [];
  if (body.tools !== undefined) {
    expectType(body.tools, "tools", "array");
    tools = (body.tools as unknown[]).map((t, i) => {
      const f = isObject(t) && isObject(t.function) ? t.function : undefined;
      if (!f || typeof f.name !== "string") throw malformed(`#/tools/${i}/function: required key [name] not found`);
      return { name: f.name, description: f.description as string | undefined, inputSchema: { json: f.parameters ?? {} } };
    });
  }
  return {
    messages,
    system,
    cfg: { maxTokens: max as number | undefined, temperature: body.temperature as number | undefined, topP: body.top_p as number | undefined, stopSequences: stops(body.stop, "stop") },
    tools,
  };
}

// ---------------------------------------------------------------- native response bodies

function anthropicStop(reason: string): string {
  return reason === "max_tokens" || reason === "stop_sequence" || reason === "tool_use" ? reason : "end_turn";
}
const openAiFinish = (reason: string) => (reason === "max_tokens" ? "length" : reason === "tool_use" ? "tool_calls" : "stop");
const shortId = (turn: FinishedTurn, model: string) => fnv1a(model + turn.text).toString(36).padStart(7, "0");

function formatText(kind: Kind, turn: FinishedTurn, m: CatalogModel, parsed: ParsedText): Json {
  const u = turn.usage;
  switch (kind) {
    case "anthropic":
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
    case "nova":
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
    case "titan-text":
      return {
        inputTextTokenCount: u.inputTokens,
        results: [{ tokenCount: u.outputTokens, outputText: turn.text, completionReason: turn.stopReason === "max_tokens" ? "LENGTH" : turn.stopReason === "stop_sequence" ? "STOP_CRITERIA_MET" : "FINISH" }],
      };
    case "llama":
      return { generation: turn.text, prompt_token_count: u.inputTokens, generation_token_count: u.outputTokens, stop_reason: turn.stopReason === "max_tokens" ? "length" : "stop" };
    case "mistral":
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
    case "prompt":
      if (parsed.style === "prompt") return { choices: [{ text: turn.text, stop_reason: turn.stopReason === "max_tokens" ? "length" : "stop" }] };
      return chatCompletion(turn, m);
    default:
      return chatCompletion(turn, m);
  }
}

function toolCalls(turn: FinishedTurn) {
  return turn.toolUses.map((t) => ({ id: t.toolUseId, type: "function", function: { name: t.name, arguments: JSON.stringify(t.input) } }));
}

function chatCompletion(turn: FinishedTurn, m: CatalogModel): Json {
  return {
    id: `chatcmpl-emu${shortId(turn, m.modelId)}`,
    object: "chat.completion",
    created: 0,
    model: m.modelId,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: turn.text, ...(turn.toolUses.length ? { tool_calls: toolCalls(turn) } : {}) },
        finish_reason: openAiFinish(turn.stopReason),
      },
    ],
    usage: { prompt_tokens: turn.usage.inputTokens, completion_tokens: turn.usage.outputTokens, total_tokens: turn.usage.totalTokens },
  };
}

function invocationMetrics(turn: FinishedTurn): Json {
  return {
    "amazon-bedrock-invocationMetrics": {
      inputTokenCount: turn.usage.inputTokens,
      outputTokenCount: turn.usage.outputTokens,
      invocationLatency: turn.latencyMs,
      firstByteLatency: Math.max(1, Math.round(turn.latencyMs / 4)),
    },
  };
}

/** Provider-native stream chunks: together they carry exactly the non-streaming text and usage. */
function streamChunks(kind: Kind, turn: FinishedTurn, m: CatalogModel, parsed: ParsedText): Json[] {
  const pieces = splitDeltas(turn.text);
  const u = turn.usage;
  // Only the last chunk says why generation stopped and carries the invocation metrics.
  const isLast = (i: number) => i === pieces.length - 1;
  const promptStop = (i: number) => (isLast(i) ? (turn.stopReason === "max_tokens" ? "length" : "stop") : null);
  const metricsOnLast = (i: number) => (isLast(i) ? invocationMetrics(turn) : {});
  switch (kind) {
    case "anthropic": {
      const full = formatText(kind, turn, m, parsed);
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
    }
    case "nova":
      return [
        { messageStart: { role: "assistant" } },
        ...pieces.map((p) => ({ contentBlockDelta: { delta: { text: p }, contentBlockIndex: 0 } })),
        { contentBlockStop: { contentBlockIndex: 0 } },
        { messageStop: { stopReason: turn.stopReason } },
        { metadata: { usage: { inputTokens: u.inputTokens, outputTokens: u.outputTokens }, metrics: {}, trace: {} }, ...invocationMetrics(turn) },
      ];
    case "titan-text":
      return pieces.map((p, i) => ({
        outputText: p,
        index: 0,
        totalOutputTextTokenCount: isLast(i) ? u.outputTokens : null,
        completionReason: isLast(i) ? (formatText(kind, turn, m, parsed).results as Json[])[0].completionReason : null,
        inputTextTokenCount: i === 0 ? u.inputTokens : null,
        ...metricsOnLast(i),
      }));
    case "llama":
      return pieces.map((p, i) => ({
        generation: p,
        prompt_token_count: i === 0 ? u.inputTokens : null,
        generation_token_count: isLast(i) ? u.outputTokens : i + 1,
        stop_reason: promptStop(i),
        ...metricsOnLast(i),
      }));
    case "mistral":
      if (parsed.style === "prompt") {
        return pieces.map((p, i) => ({
          outputs: [{ text: p, stop_reason: promptStop(i) }],
          ...metricsOnLast(i),
        }));
      }
      return pieces.map((p, i) => ({
        choices: [{ index: 0, message: { role: "assistant", content: p }, stop_reason: isLast(i) ? openAiFinish(turn.stopReason) : null }],
        ...metricsOnLast(i),
      }));
    case "prompt":
      if (parsed.style === "prompt") {
        return pieces.map((p, i) => ({
          choices: [{ text: p, stop_reason: promptStop(i) }],
          ...metricsOnLast(i),
        }));
      }
    // falls through: chat-style DeepSeek streams like chat completions
    default:
      return pieces.map((p, i) => ({
        id: `chatcmpl-emu${shortId(turn, m.modelId)}`,
        object: "chat.completion.chunk",
        created: 0,
        model: m.modelId,
        choices: [{ index: 0, delta: { ...(i === 0 ? { role: "assistant" } : {}), content: p }, finish_reason: isLast(i) ? openAiFinish(turn.stopReason) : null }],
        ...(isLast(i) ? { usage: { prompt_tokens: u.inputTokens, completion_tokens: u.outputTokens, total_tokens: u.totalTokens }, ...invocationMetrics(turn) } : {}),
      }));
  }
}

// ---------------------------------------------------------------- embeddings and images

/** A deterministic unit vector for a text (same text → same vector; similar texts share nothing). */
export function syntheticEmbedding(text: string, dimensions: number, normalize = true): number[] {
  const v = new Array<number>(dimensions);
  let seed = fnv1a(text);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    // xorshift32: cheap and reproducible
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    v[i] = seed / 0xffffffff - 0.5;
    norm += v[i] * v[i];
  }
  const scale = normalize ? 1 / Math.sqrt(norm) : 1;
  for (let i = 0; i < dimensions; i++) v[i] = Math.round(v[i] * scale * 1e6) / 1e6;
  return v;
}

interface NonTextResult {
  body: Json;
  inputTokens: number;
  outputTokens: number;
}

function embed(kind: Kind, body: Json, m: CatalogModel): NonTextResult {
  if (kind === "titan-embed") {
    if (body.inputText === undefined) throw requiredKey("inputText");
    expectType(body.inputText, "inputText", "string");
    const v2 = m.modelId.includes("v2");
    onlyKeys(body, v2 ? ["inputText", "dimensions", "normalize", "embeddingTypes"] : ["inputText"]);
    const dims = body.dimensions === undefined ? (v2 ? 1024 : 1536) : (body.dimensions as number);
    if (v2 && ![256, 512, 1024].includes(dims)) throw malformed(`#/dimensions: ${JSON.stringify(body.dimensions)} is not a valid enum value`);
    const embedding = syntheticEmbedding(body.inputText as string, dims, body.normalize !== false);
    const tokens = approximateTokens(body.inputText as string);
    return { body: { embedding, inputTextTokenCount: tokens, ...(v2 ? { embeddingsByType: { float: embedding } } : {}) }, inputTokens: tokens, outputTokens: 0 };
  }
  // Cohere embed v3 / v4
  if (body.texts === undefined && body.images === undefined && body.inputs === undefined) throw requiredKey("texts");
  if (body.input_type === undefined) throw requiredKey("input_type");
  const types = ["search_document", "search_query", "classification", "clustering", "image"];
  if (!types.includes(body.input_type as string)) throw malformed(`#/input_type: ${JSON.stringify(body.input_type)} is not a valid enum value`);
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
}

const ASPECT_RATIOS = ["16:9", "1:1", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21"];

/** Stability image models: a real PNG, deterministic from prompt and seed. Always PNG bytes. */
function stabilityImage(body: Json, m: CatalogModel): NonTextResult {
  const textToImage = /sd3|stable-image-(core|ultra)/.test(m.modelId);
  if (textToImage && body.prompt === undefined) throw requiredKey("prompt");
  if (!textToImage && body.image === undefined) throw requiredKey("image");
  if (body.prompt !== undefined) expectType(body.prompt, "prompt", "string");
  const prompt = (body.prompt as string | undefined) ?? "";
  if (prompt.length > 10000) throw malformed(`#/prompt: expected maxLength: 10000, actual: ${prompt.length}`);
  const aspect = (body.aspect_ratio as string | undefined) ?? "1:1";
  if (!ASPECT_RATIOS.includes(aspect)) throw malformed(`#/aspect_ratio: ${JSON.stringify(aspect)} is not a valid enum value`);
  if (body.output_format !== undefined && !["png", "jpeg", "webp"].includes(body.output_format as string)) {
    throw malformed(`#/output_format: ${JSON.stringify(body.output_format)} is not a valid enum value`);
  }
  let seed = body.seed === undefined ? 0 : (body.seed as number);
  if (body.seed !== undefined) {
    expectType(body.seed, "seed", "integer");
    if (seed < 0 || seed > 4294967294) throw malformed(`#/seed: ${seed} is not less or equal to 4294967294`);
  }
  // Seed 0 means "random" on AWS; the emulator derives one from the prompt to stay deterministic.
  if (seed === 0) seed = fnv1a(prompt + m.modelId) % 4294967294 || 1;
  const { width, height } = sizeFor(aspect);
  const png = syntheticImage(prompt, seed, width, height);
  return { body: { seeds: [seed], finish_reasons: [null], images: [png.toString("base64")] }, inputTokens: 0, outputTokens: 0 };
}

// ---------------------------------------------------------------- the routes

interface Invocation {
  kind: Kind;
  resolved: ResolvedModel;
  body: Json;
}

function prepareInvocation(req: EmulatorRequest, ctx: EmulatorContext): Invocation {
  const resolved = ctx.catalog.resolveForInvocation(req.params.modelId, req.region, ctx.now(), ctx.recentlyUsedModels);
  let body: Json;
  try {
    body = parseJson(req);
  } catch {
    throw malformed();
  }
  // The catalog's model card says which APIs a model takes; Nova 2 Sonic, for one, only streams both ways.
  if (resolved.model.apis?.invoke === false) {
    throw errors.validation("This action doesn't support the model that you provided. Try again with a model that supports InvokeModel.");
  }
  return { kind: nativeKind(resolved.model), resolved, body };
}

async function runText(inv: Invocation, ctx: EmulatorContext, req: EmulatorRequest, operation: string) {
  const m = inv.resolved.model;
  const parsed = parseTextBody(inv.kind, inv.body, m);
  checkSamplingParameters(m.modelId, parsed.cfg);
  const faults = await modelFaults(ctx, req, operation, inv.resolved);
  const extra = faults.latencyMs;
  const request: ResponderRequest = {
    operation,
    requestedModelId: inv.resolved.requested,
    modelId: m.modelId,
    providerName: m.providerName,
    messages: parsed.messages,
    system: parsed.system,
    inferenceConfig: parsed.cfg,
    tools: parsed.tools,
    toolChoice: parsed.toolChoice,
  };
  const inputTokens = converseInputTokens({ system: parsed.system, messages: parsed.messages, toolConfig: parsed.tools.length ? { tools: parsed.tools } : undefined });
  const result = await ctx.responder.respond(request);
  const turn = finishTurn(result, inputTokens, parsed.cfg, Math.min(m.maxOutputTokens ?? 4096, 4096), extra);
  return { parsed, turn, midStreamError: faults.midStreamError };
}

function usageHeaders(input: number, output: number, latency: number): Record<string, string> {
  return {
    "x-amzn-bedrock-input-token-count": String(input),
    "x-amzn-bedrock-output-token-count": String(output),
    "x-amzn-bedrock-invocation-latency": String(latency),
  };
}

function isText(kind: Kind) {
  return kind !== "titan-embed" && kind !== "cohere-embed" && kind !== "stability" && kind !== "unsupported";
}

export const invokeRoutes: Route[] = defineRoutes([
  {
    operation: "InvokeModel",
    handlesFaults: true,
    async handle(req, ctx): Promise<Reply> {
      const inv = prepareInvocation(req, ctx);
      if (isText(inv.kind)) {
        const { parsed, turn } = await runText(inv, ctx, req, "InvokeModel");
        return {
          status: 200,
          contentType: "application/json",
          headers: usageHeaders(turn.usage.inputTokens, turn.usage.outputTokens, turn.latencyMs),
          body: JSON.stringify(formatText(inv.kind, turn, inv.resolved.model, parsed)),
        };
      }
      if (inv.kind === "unsupported") {
        throw errors.validation(`The emulator doesn't implement InvokeModel bodies for ${inv.resolved.model.modelId} yet. Try a text, embedding or Stability image model.`);
      }
      const out = inv.kind === "stability" ? stabilityImage(inv.body, inv.resolved.model) : embed(inv.kind, inv.body, inv.resolved.model);
      const extra = (await modelFaults(ctx, req, "InvokeModel", inv.resolved)).latencyMs;
      const latency = (inv.kind === "stability" ? 900 : 20 + out.inputTokens) + extra;
      return { status: 200, contentType: "application/json", headers: usageHeaders(out.inputTokens, out.outputTokens, latency), body: JSON.stringify(out.body) };
    },
  },
  {
    operation: "InvokeModelWithResponseStream",
    handlesFaults: true,
    async handle(req, ctx): Promise<Reply> {
      const inv = prepareInvocation(req, ctx);
      requireStreaming(inv.resolved);
      if (!isText(inv.kind)) throw errors.validation("The model is unsupported for streaming.");
      const { parsed, turn, midStreamError } = await runText(inv, ctx, req, "InvokeModelWithResponseStream");
      const events: StreamEvent[] = streamChunks(inv.kind, turn, inv.resolved.model, parsed).map((c) => ({
        kind: "event",
        eventType: "chunk",
        payload: { bytes: Buffer.from(JSON.stringify(c)).toString("base64") },
      }));
      return { status: 200, headers: { "x-amzn-bedrock-content-type": "application/json" }, events: breakMidStream(events, midStreamError) };
    },
  },
  {
    operation: "CountTokens",
    handlesFaults: true,
    async handle(req, ctx): Promise<Reply> {
      const body = parseJson(req);
      const id = req.params.modelId;
      const now = ctx.now();
      // CountTokens takes a foundation model ID; counting never invokes, so profile-only models count too.
      const profile = ctx.catalog.profile(req.region, id);
      const modelId = profile ? Object.keys(profile.models)[0] : modelIdOf(id);
      if (ctx.catalog.isEndOfLife(modelId, now)) throw errors.notFound("This model version has reached the end of its life. Please refer to the AWS documentation for more details.");
      const model = ctx.catalog.model(modelId);
      if (!model || model.mantleOnly || !model.regions.includes(req.region)) throw errors.validation("The provided model identifier is invalid.");
      await modelFaults(ctx, req, "CountTokens", [id, modelId]);
      if (!isObject(body.input)) throw errors.validation("1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null");
      const input = body.input;
      const keys = Object.keys(input);
      if (keys.length !== 1 || !["converse", "invokeModel"].includes(keys[0])) {
        throw errors.validation("The input must set exactly one of converse or invokeModel.");
      }
      if (isObject(input.converse)) {
        const c = input.converse;
        const messages = checkMessages(c.messages);
        const system = checkSystem(c.system);
        return { status: 200, json: { inputTokens: converseInputTokens({ system, messages, toolConfig: c.toolConfig }) } };
      }
      const inner = isObject(input.invokeModel) ? input.invokeModel.body : undefined;
      if (typeof inner !== "string") throw errors.validation("1 validation error detected: Value null at 'input.invokeModel.body' failed to satisfy constraint: Member must not be null");
      let native: Json;
      try {
        native = JSON.parse(Buffer.from(inner, "base64").toString("utf8"));
      } catch {
        throw malformed();
      }
      if (!isObject(native)) throw malformed();
      const kind = nativeKind(model);
      if (!isText(kind)) throw errors.validation("The provided model doesn't support counting tokens.");
      const parsed = parseTextBody(kind, native, model);
      return {
        status: 200,
        json: { inputTokens: converseInputTokens({ system: parsed.system, messages: parsed.messages, toolConfig: parsed.tools.length ? { tools: parsed.tools } : undefined }) },
      };
    },
  },
]);
