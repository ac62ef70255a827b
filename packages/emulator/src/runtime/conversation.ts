// The request rules of a conversation that AWS's model can't express (first turn, alternation, blank
// text, tools, sampling refusals, which models take Converse). Field constraints were checked from
// the model before (../input-validation.ts). Converse and the text codecs of InvokeModel share them.
import { errors } from "../errors";
import type { ResolvedModel } from "../catalog";
import type { SamplingRules } from "../facts";
import type { ResponderRequest, ToolSpecLite } from "../responders/types";
import { isObject, typeError } from "../request-body";
import type { InferenceConfig } from "./turn";

export type Message = { role: string; content: Record<string, unknown>[] };

/**
 * The conversation rules of Converse that AWS's model can't express (first turn, alternation, blank
 * text). Field constraints were checked from the model before (../validate.ts).
 */
export function checkMessages(value: unknown, path = "messages"): Message[] {
  if (value === undefined || value === null) value = [];
  if (!Array.isArray(value)) throw typeError(path, "a list of messages");
  if (value.length === 0 || !isObject(value[0]) || value[0].role !== "user") {
    throw errors.validation("A conversation must start with a user message. Try again with a conversation that starts with a user message.");
  }
  let previous = "";
  value.forEach((m, i) => {
    if (!isObject(m)) throw typeError(`${path}.${i}`, "a Message object");
    if (m.role === previous) {
      throw errors.validation("A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.");
    }
    previous = m.role as string;
    if (!Array.isArray(m.content)) throw typeError(`${path}.${i}.content`, "a list of content blocks");
    if (m.content.length === 0) {
      throw errors.validation(`The content field in the Message object at ${path}.${i} is empty. Add a ContentBlock object to the content field and try again.`);
    }
    m.content.forEach((c, j) => {
      if (!isObject(c) || Object.keys(c).length === 0) throw typeError(`${path}.${i}.content.${j}`, "a ContentBlock object");
      if ("text" in c) {
        if (typeof c.text !== "string") throw typeError(`${path}.${i}.content.${j}.text`, "a string");
        if (!c.text.trim()) {
          throw errors.validation(`The text field in the ContentBlock object at ${path}.${i}.content.${j} is blank. Add text to the text field, and try again.`);
        }
      }
      if ("toolUse" in c && (!isObject(c.toolUse) || typeof c.toolUse.name !== "string" || typeof c.toolUse.toolUseId !== "string")) {
        throw typeError(`${path}.${i}.content.${j}.toolUse`, "a ToolUseBlock with toolUseId, name and input");
      }
      if ("toolResult" in c && (!isObject(c.toolResult) || typeof c.toolResult.toolUseId !== "string" || !Array.isArray(c.toolResult.content))) {
        throw typeError(`${path}.${i}.content.${j}.toolResult`, "a ToolResultBlock with toolUseId and content");
      }
    });
  });
  return value as Message[];
}

export function checkSystem(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw typeError("system", "a list of SystemContentBlock objects");
  value.forEach((s, i) => {
    if (!isObject(s)) throw typeError(`system.${i}`, "a SystemContentBlock object");
  });
  return value as Record<string, unknown>[];
}

export function checkInferenceConfig(value: unknown, path = "inferenceConfig"): InferenceConfig {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw typeError(path, "an InferenceConfiguration object");
  const out: InferenceConfig = {};
  if (value.maxTokens !== undefined) {
    if (typeof value.maxTokens !== "number" || !Number.isInteger(value.maxTokens)) throw typeError(`${path}.maxTokens`, "an integer");
    out.maxTokens = value.maxTokens;
  }
  for (const key of ["temperature", "topP"] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isFinite(v)) throw typeError(`${path}.${key}`, "a number");
    out[key] = v;
  }
  if (value.stopSequences !== undefined) {
    if (!Array.isArray(value.stopSequences)) throw typeError(`${path}.stopSequences`, "a list of strings");
    value.stopSequences.forEach((s, i) => {
      if (typeof s !== "string") throw typeError(`${path}.stopSequences.${i}`, "a string");
    });
    out.stopSequences = value.stopSequences as string[];
  }
  return out;
}

/**
 * The sampling parameters a model refuses (Converse and InvokeModel alike), per data/sampling-rules.json:
 * Claude Opus 4.7 and later refuse temperature itself; Claude Sonnet 4.5, Haiku 4.5, later Claude
 * models and Opus 4.1 refuse temperature and topP together. The temperature refusal is checked first.
 */
export function checkSamplingParameters(rules: SamplingRules, modelId: string, cfg: { temperature?: number; topP?: number }): void {
  if (cfg.temperature === undefined) return;
  const refuses = rules.models[modelId]?.refuses ?? [];
  if (refuses.includes("temperature")) throw errors.validation(rules.refusals.temperature.message);
  if (cfg.topP !== undefined && refuses.includes("temperatureWithTopP")) throw errors.validation(rules.refusals.temperatureWithTopP.message);
}

export function checkToolConfig(value: unknown, messages: Message[]): { tools: ToolSpecLite[]; toolChoice?: ResponderRequest["toolChoice"] } {
  const usesTools = messages.some((m) => m.content.some((c) => "toolUse" in c || "toolResult" in c));
  if (value === undefined || value === null) {
    if (usesTools) throw errors.validation("The toolConfig field must be defined when using toolUse and toolResult content blocks.");
    return { tools: [] };
  }
  if (!isObject(value)) throw typeError("toolConfig", "a ToolConfiguration object");
  if (!Array.isArray(value.tools)) throw typeError("toolConfig.tools", "a list of Tool objects");
  const tools: ToolSpecLite[] = [];
  value.tools.forEach((t, i) => {
    if (!isObject(t)) throw typeError(`toolConfig.tools.${i}`, "a Tool object");
    if (t.cachePoint || t.systemTool) return;
    const spec = t.toolSpec;
    if (!isObject(spec)) throw typeError(`toolConfig.tools.${i}.toolSpec`, "a ToolSpecification object");
    if (typeof spec.name !== "string") throw typeError(`toolConfig.tools.${i}.toolSpec.name`, "a string");
    if (!isObject(spec.inputSchema) || !isObject(spec.inputSchema.json)) {
      throw errors.validation(`The format of the value at toolConfig.tools.${i}.toolSpec.inputSchema.json is invalid. Provide a json object for the field and try again.`);
    }
    tools.push({ name: spec.name, description: typeof spec.description === "string" ? spec.description : undefined, inputSchema: spec.inputSchema });
  });
  let toolChoice: ResponderRequest["toolChoice"];
  if (value.toolChoice !== undefined) {
    if (!isObject(value.toolChoice)) throw typeError("toolConfig.toolChoice", "a ToolChoice object");
    toolChoice = value.toolChoice as ResponderRequest["toolChoice"];
    const name = toolChoice?.tool?.name;
    if (toolChoice?.tool && !tools.some((t) => t.name === name)) {
      throw errors.validation(`The tool ${name} named in toolChoice isn't defined in toolConfig.tools. Add the tool or choose another one.`);
    }
  }
  return { tools, toolChoice };
}

/** The models Converse refuses: no text output (embeddings, images, video), or no Converse per the catalog (rerank, Sonic, Pegasus). */
export function requireTextModel(resolved: ResolvedModel): void {
  if (!resolved.model.outputModalities.includes("TEXT") || resolved.model.apis?.converse === false) {
    throw errors.validation("This action doesn't support the model that you provided. Try again with a supported text or chat model.");
  }
}

export function requireStreaming(resolved: ResolvedModel): void {
  if (resolved.model.responseStreamingSupported === false) throw errors.validation("The model is unsupported for streaming.");
}

/** Validates Converse's guardrailConfig (the guardrail itself is the emulator's one policy). */
export function checkGuardrailConfig(value: unknown): GuardrailRequest | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw typeError("guardrailConfig", "a GuardrailConfiguration object");
  // Identifier and version patterns and the trace enum were checked from AWS's model (../validate.ts).
  const id = value.guardrailIdentifier as string;
  const version = value.guardrailVersion as string;
  return { id: id.replace(/^.*guardrail\//, ""), version, trace: value.trace === "enabled" || value.trace === "enabled_full" };
}

/** What Converse's guardrailConfig asks for. */
export interface GuardrailRequest {
  id: string;
  version: string;
  trace: boolean;
}
