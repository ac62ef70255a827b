// What the provider codecs share: AWS's "Malformed input request" wording for bodies that break a
// model's schema, the JSON helpers, message conversion for chat-style bodies, completion prompts,
// OpenAI-style chat completions and the invocation metrics every stream's last chunk carries.
import { errors } from "../errors";
import { fnv1a } from "../synthetic/language";
import type { ResponderRequest, ToolSpecLite } from "../responders/types";
import type { CatalogModel } from "../catalog";
import type { FinishedTurn, InferenceConfig } from "../runtime/turn";

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);

/** AWS's wording for a body that doesn't match the model's schema. */
export function malformed(detail?: string) {
  return errors.validation(detail ? `Malformed input request: ${detail}, please reformat your input and try again.` : "Malformed input request, please reformat your input and try again.");
}
export const requiredKey = (key: string) => malformed(`#: required key [${key}] not found`);
export const extraneousKey = (key: string) => malformed(`#: extraneous key [${key}] is not permitted`);
export function expectType(value: unknown, path: string, type: "string" | "number" | "integer" | "array" | "object" | "boolean") {
  const ok =
    type === "array" ? Array.isArray(value) : type === "object" ? isObject(value) : type === "integer" ? Number.isInteger(value) : typeof value === type;
  if (!ok) throw malformed(`#/${path}: expected type: ${type === "number" || type === "integer" ? (type === "integer" ? "Integer" : "Number") : type === "array" ? "JSONArray" : type === "object" ? "JSONObject" : type === "boolean" ? "Boolean" : "String"}, found: ${Array.isArray(value) ? "JSONArray" : value === null ? "Null" : typeof value === "object" ? "JSONObject" : typeof value === "number" ? "Integer" : typeof value === "boolean" ? "Boolean" : "String"}`);
}
export function onlyKeys(body: Json, allowed: string[]) {
  for (const k of Object.keys(body)) if (!allowed.includes(k)) throw extraneousKey(k);
}
export function range(value: unknown, path: string, min: number, max: number) {
  if (value === undefined) return;
  expectType(value, path, "number");
  const v = value as number;
  if (v < min) throw malformed(`#/${path}: ${v} is not greater or equal to ${min}`);
  if (v > max) throw malformed(`#/${path}: ${v} is not less or equal to ${max}`);
}

/** A native text request turned into the Converse-shaped view the responders take. */
export interface ParsedText {
  messages: ResponderRequest["messages"];
  system: Json[];
  cfg: InferenceConfig;
  tools: ToolSpecLite[];
  toolChoice?: ResponderRequest["toolChoice"];
  /** Chat-style (messages) or completion-style (prompt) for formats that have both. */
  style?: "chat" | "prompt";
}

export function textBlocks(content: unknown, path: string): Json[] {
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

export function nativeMessages(value: unknown, roles = ["user", "assistant"]): { messages: ResponderRequest["messages"]; system: Json[] } {
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
export function fromPrompt(prompt: string): { messages: ResponderRequest["messages"]; system: Json[] } {
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

export function stops(value: unknown, path: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return [value];
  expectType(value, path, "array");
  return (value as unknown[]).map((s, i) => {
    expectType(s, `${path}/${i}`, "string");
    return s as string;
  });
}

/** OpenAI chat-completions style bodies (AI21 Jamba, gpt-oss, Qwen, Mistral chat…). */
export function chatBody(body: Json): ParsedText {
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

export function anthropicStop(reason: string): string {
  return reason === "max_tokens" || reason === "stop_sequence" || reason === "tool_use" ? reason : "end_turn";
}
export const openAiFinish = (reason: string) => (reason === "max_tokens" ? "length" : reason === "tool_use" ? "tool_calls" : "stop");
export const shortId = (turn: FinishedTurn, model: string) => fnv1a(model + turn.text).toString(36).padStart(7, "0");

export function toolCalls(turn: FinishedTurn) {
  return turn.toolUses.map((t) => ({ id: t.toolUseId, type: "function", function: { name: t.name, arguments: JSON.stringify(t.input) } }));
}

export function chatCompletion(turn: FinishedTurn, m: CatalogModel): Json {
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

export function invocationMetrics(turn: FinishedTurn): Json {
  return {
    "amazon-bedrock-invocationMetrics": {
      inputTokenCount: turn.usage.inputTokens,
      outputTokenCount: turn.usage.outputTokens,
      invocationLatency: turn.latencyMs,
      firstByteLatency: Math.max(1, Math.round(turn.latencyMs / 4)),
    },
  };
}

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

export interface NonTextResult {
  body: Json;
  inputTokens: number;
  outputTokens: number;
}

