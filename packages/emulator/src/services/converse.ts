// bedrock-runtime Converse and ConverseStream: validation with AWS's messages, model resolution
// (catalog, profiles, end of life, prompt ARNs), the responder call, and the shared post-processing
// (stop sequences, maxTokens, usage, latency) that InvokeModel reuses.
import { BedrockError, errors } from "../errors";
import type { EmulatorContext, EmulatorRequest, Reply, Route, StreamEvent } from "../contract";
import { defineRoutes } from "../define-routes";
import { parseBedrockArn } from "../arn";

const isPromptArn = (id: string) => parseBedrockArn(id)?.resourceType === "prompt";
import type { ResolvedModel } from "../catalog";
import { approximateTokens, converseInputTokens } from "../tokens";
import type { ResponderRequest, ResponderResult, ToolSpecLite } from "../responders";
import { resolvePromptForConverse } from "../prompt-store";
import { constraint, isObject, parseJson, typeError } from "./request-body";
import { BLOCKED_MESSAGE, evaluateGuardrail } from "./guardrail";
import type { ServerRequest } from "../server";
import { readFileSync } from "node:fs";
import { dataFile } from "../catalog";


export { constraint, parseJson } from "./request-body";
type Message = { role: string; content: Record<string, unknown>[] };

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

export interface InferenceConfig {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
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

type SamplingRefusal = "temperature" | "temperatureWithTopP";
interface SamplingRules {
  refusals: Record<SamplingRefusal, { message: string }>;
  models: Record<string, { refuses: SamplingRefusal[] }>;
}
let samplingRules: SamplingRules | undefined;

/** data/sampling-rules.json, the one source the guide's lib reads too (located like data/catalog.json). */
function loadSamplingRules(): SamplingRules {
  samplingRules ??= JSON.parse(readFileSync(process.env.BEDROCK_EMULATOR_SAMPLING_RULES ?? dataFile("sampling-rules.json"), "utf8")) as SamplingRules;
  return samplingRules;
}

/**
 * The sampling parameters a model refuses (Converse and InvokeModel alike), per data/sampling-rules.json:
 * Claude Opus 4.7 and later refuse temperature itself; Claude Sonnet 4.5, Haiku 4.5, later Claude
 * models and Opus 4.1 refuse temperature and topP together. The temperature refusal is checked first.
 */
export function checkSamplingParameters(modelId: string, cfg: { temperature?: number; topP?: number }): void {
  if (cfg.temperature === undefined) return;
  const rules = loadSamplingRules();
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

/** Applies faults after the model is known, so rules can name the model or its profile. */
export async function modelFaults(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  operation: string,
  resolved: ResolvedModel | string[],
): Promise<{ latencyMs: number; midStreamError?: Error }> {
  const ids = Array.isArray(resolved) ? resolved : [resolved.requested, resolved.model.modelId, ...(resolved.profile ? [resolved.profile.inferenceProfileId] : [])];
  const streaming = operation === "ConverseStream" || operation === "InvokeModelWithResponseStream";
  const out = ctx.faults.evaluate(operation, ids, (req as ServerRequest).faultRules ?? [], streaming);
  if (out.latencyMs > 0) await new Promise((r) => setTimeout(r, out.latencyMs));
  if (out.error) throw out.error;
  return { latencyMs: out.latencyMs, midStreamError: out.midStreamError };
}

/** The first half of a stream's events, then the error (sent as an exception frame). */
export function breakMidStream(events: StreamEvent[], error: Error | undefined): Iterable<StreamEvent> {
  if (!error) return events;
  const head = events.slice(0, Math.max(1, Math.floor(events.length / 2)));
  return {
    *[Symbol.iterator]() {
      for (const e of head) yield e;
      throw error;
    },
  };
}

export interface FinishedTurn {
  text: string;
  toolUses: { toolUseId: string; name: string; input: unknown }[];
  stopReason: string;
  /** The stop sequence that ended the text, when stopReason is stop_sequence. */
  stopSequence?: string;
  /** Guardrail trace, when guardrailConfig asked for one. */
  trace?: Record<string, unknown>;
  usage: { inputTokens: number; outputTokens: number; totalTokens: number };
  latencyMs: number;
}

/**
 * The shared end of every text generation: cut at the first stop sequence (stop_sequence), then
 * at maxTokens approximate tokens (max_tokens), count usage with approximateTokens, and compute
 * a simulated latency: 20 ms + 0.02 ms per input token + 1.5 ms per output token (no real waiting;
 * only latency faults sleep).
 */
export function finishTurn(result: ResponderResult, inputTokens: number, cfg: InferenceConfig, defaultMaxTokens: number, extraLatencyMs = 0): FinishedTurn {
  let text = result.text ?? "";
  let toolUses = (result.toolUses ?? []).map((t, i) => ({ toolUseId: t.toolUseId ?? `tooluse_emulator_${i}`, name: t.name, input: t.input ?? {} }));
  let stopReason = result.stopReason ?? (toolUses.length ? "tool_use" : "end_turn");
  let cut = -1;
  let stopSequence: string | undefined;
  for (const s of cfg.stopSequences ?? []) {
    const at = text.indexOf(s);
    if (at >= 0 && (cut < 0 || at < cut)) {
      cut = at;
      stopSequence = s;
    }
  }
  if (cut >= 0) {
    text = text.slice(0, cut);
    toolUses = [];
    stopReason = "stop_sequence";
  }
  const maxTokens = cfg.maxTokens ?? defaultMaxTokens;
  if (approximateTokens(text) > maxTokens) {
    text = text.slice(0, maxTokens * 4);
    toolUses = [];
    stopReason = "max_tokens";
    stopSequence = undefined;
  }
  let outputTokens = result.usage?.outputTokens ?? (text ? approximateTokens(text) : 0);
  if (result.usage?.outputTokens === undefined) for (const t of toolUses) outputTokens += approximateTokens(t.name + JSON.stringify(t.input));
  const input = result.usage?.inputTokens ?? inputTokens;
  return {
    text,
    toolUses,
    stopReason,
    ...(stopSequence !== undefined ? { stopSequence } : {}),
    usage: { inputTokens: input, outputTokens, totalTokens: input + outputTokens },
    latencyMs: Math.round(20 + input * 0.02 + outputTokens * 1.5) + extraLatencyMs,
  };
}

/** Splits text into stream deltas of a few words each (always several for multi-word text). */
export function splitDeltas(text: string, wordsPerDelta = 4): string[] {
  const parts = text.match(/\S+\s*|\s+/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += wordsPerDelta) out.push(parts.slice(i, i + wordsPerDelta).join(""));
  return out.length ? out : [text];
}

interface PreparedConverse {
  resolved: ResolvedModel;
  request: ResponderRequest;
  cfg: InferenceConfig;
  inputTokens: number;
  defaultMaxTokens: number;
  guardrail?: { id: string; version: string; trace: boolean };
}

/** Validates Converse's guardrailConfig (the guardrail itself is the emulator's one policy). */
function checkGuardrailConfig(value: unknown): PreparedConverse["guardrail"] {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw typeError("guardrailConfig", "a GuardrailConfiguration object");
  // Identifier and version patterns and the trace enum were checked from AWS's model (../validate.ts).
  const id = value.guardrailIdentifier as string;
  const version = value.guardrailVersion as string;
  return { id: id.replace(/^.*guardrail\//, ""), version, trace: value.trace === "enabled" || value.trace === "enabled_full" };
}

/** The texts a guardrail checks: guardContent blocks if the request marks any, else every message text. */
function guardedTexts(messages: Message[]): string[] {
  const guarded: string[] = [];
  const all: string[] = [];
  for (const m of messages) {
    for (const c of m.content) {
      const g = (c.guardContent as { text?: { text?: unknown } } | undefined)?.text?.text;
      if (typeof g === "string") guarded.push(g);
      if (typeof c.text === "string") all.push(c.text);
    }
  }
  return guarded.length ? guarded : all;
}

function prepare(req: EmulatorRequest, ctx: EmulatorContext, operation: string): PreparedConverse {
  let body = parseJson(req);
  let identifier = req.params.modelId;
  let promptVariables: Record<string, string> | undefined;
  if (isPromptArn(identifier)) {
    const r = resolvePromptForConverse(ctx.prompts, identifier, body);
    promptVariables = r.prompt?.variables;
    body = { messages: r.messages, system: r.system, inferenceConfig: r.inferenceConfig, toolConfig: r.toolConfig };
    identifier = r.modelId;
  } else if (body.promptVariables !== undefined) {
    throw errors.validation("promptVariables can only be used when modelId is the ARN of a prompt from Prompt management.");
  }
  const now = ctx.now();
  const resolved = ctx.catalog.resolveForInvocation(identifier, req.region, now, ctx.recentlyUsedModels);
  requireTextModel(resolved);
  if (operation === "ConverseStream") requireStreaming(resolved);
  const messages = checkMessages(body.messages);
  const system = checkSystem(body.system);
  const cfg = checkInferenceConfig(body.inferenceConfig);
  const limit = resolved.model.maxOutputTokens;
  if (limit && cfg.maxTokens !== undefined && cfg.maxTokens > limit) {
    throw errors.validation(`The maximum tokens you requested exceeds the model limit of ${limit}. Try again with a maximum tokens value that is lower than ${limit}.`);
  }
  const { tools, toolChoice } = checkToolConfig(body.toolConfig, messages);
  checkSamplingParameters(resolved.model.modelId, cfg);
  const request: ResponderRequest = {
    operation,
    requestedModelId: identifier,
    modelId: resolved.model.modelId,
    providerName: resolved.model.providerName,
    messages,
    system,
    inferenceConfig: cfg,
    tools,
    toolChoice,
    promptVariables,
  };
  return {
    resolved,
    request,
    cfg,
    inputTokens: converseInputTokens({ system, messages, toolConfig: body.toolConfig }),
    defaultMaxTokens: Math.min(limit ?? 4096, 4096),
    guardrail: checkGuardrailConfig(body.guardrailConfig),
  };
}

/**
 * With guardrailConfig, the emulator's guardrail policy checks the input first (a block stops the
 * call before the model: stopReason guardrail_intervened, the blocked message, no tokens), then
 * the model's output (blocked → the blocked message; PII → masked text; both guardrail_intervened).
 */
async function run(req: EmulatorRequest, ctx: EmulatorContext, operation: string): Promise<FinishedTurn & { midStreamError?: Error }> {
  const p = prepare(req, ctx, operation);
  const faults = await modelFaults(ctx, req, operation, p.resolved);
  const extra = faults.latencyMs;
  const g = p.guardrail;
  const input = g ? evaluateGuardrail(guardedTexts(p.request.messages)) : undefined;
  if (g && input!.blocked) {
    const turn = finishTurn({ text: BLOCKED_MESSAGE, stopReason: "guardrail_intervened", usage: { inputTokens: 0, outputTokens: 0 } }, 0, {}, 4096, extra);
    if (g.trace) turn.trace = { guardrail: { inputAssessment: { [g.id]: input!.assessment }, actionReason: "Guardrail blocked." } };
    return { ...turn, midStreamError: faults.midStreamError };
  }
  const result = await ctx.responder.respond(p.request);
  const turn: FinishedTurn & { midStreamError?: Error } = finishTurn(result, p.inputTokens, p.cfg, p.defaultMaxTokens, extra);
  turn.midStreamError = faults.midStreamError;
  if (!g) return turn;
  const output = evaluateGuardrail([turn.text]);
  if (output.action === "GUARDRAIL_INTERVENED") {
    turn.text = output.blocked ? BLOCKED_MESSAGE : output.masked[0];
    turn.toolUses = [];
    turn.stopReason = "guardrail_intervened";
    delete turn.stopSequence;
  }
  if (g.trace) {
    turn.trace = {
      guardrail: {
        inputAssessment: { [g.id]: input!.assessment },
        outputAssessments: { [g.id]: [output.assessment] },
        ...(output.action === "GUARDRAIL_INTERVENED" ? { actionReason: output.blocked ? "Guardrail blocked." : "Guardrail masked." } : {}),
      },
    };
  }
  return turn;
}

/** usage, metrics and trace: the tail of a Converse answer and of ConverseStream's metadata event. */
function usageAndMetrics(turn: FinishedTurn): Record<string, unknown> {
  return { usage: turn.usage, metrics: { latencyMs: turn.latencyMs }, ...(turn.trace ? { trace: turn.trace } : {}) };
}

function contentOf(turn: FinishedTurn): Record<string, unknown>[] {
  const content: Record<string, unknown>[] = [];
  if (turn.text || turn.toolUses.length === 0) content.push({ text: turn.text });
  for (const t of turn.toolUses) content.push({ toolUse: { toolUseId: t.toolUseId, name: t.name, input: t.input } });
  return content;
}

/** The ConverseStream events for a finished turn: same text, same usage as Converse. */
export function converseStreamEvents(turn: FinishedTurn): StreamEvent[] {
  const ev = (eventType: string, payload: unknown): StreamEvent => ({ kind: "event", eventType, payload });
  const events: StreamEvent[] = [ev("messageStart", { role: "assistant" })];
  let index = 0;
  if (turn.text || turn.toolUses.length === 0) {
    for (const piece of splitDeltas(turn.text)) events.push(ev("contentBlockDelta", { delta: { text: piece }, contentBlockIndex: index }));
    events.push(ev("contentBlockStop", { contentBlockIndex: index }));
    index++;
  }
  for (const t of turn.toolUses) {
    events.push(ev("contentBlockStart", { start: { toolUse: { toolUseId: t.toolUseId, name: t.name } }, contentBlockIndex: index }));
    events.push(ev("contentBlockDelta", { delta: { toolUse: { input: JSON.stringify(t.input) } }, contentBlockIndex: index }));
    events.push(ev("contentBlockStop", { contentBlockIndex: index }));
    index++;
  }
  events.push(ev("messageStop", { stopReason: turn.stopReason }));
  events.push(ev("metadata", usageAndMetrics(turn)));
  return events;
}

export const converseRoutes: Route[] = defineRoutes([
  {
    operation: "Converse",
    handlesFaults: true,
    async handle(req, ctx): Promise<Reply> {
      const turn = await run(req, ctx, "Converse");
      return {
        status: 200,
        json: {
          output: { message: { role: "assistant", content: contentOf(turn) } },
          stopReason: turn.stopReason,
          ...usageAndMetrics(turn),
        },
      };
    },
  },
  {
    operation: "ConverseStream",
    handlesFaults: true,
    async handle(req, ctx): Promise<Reply> {
      const turn = await run(req, ctx, "ConverseStream");
      return { status: 200, events: breakMidStream(converseStreamEvents(turn), turn.midStreamError) };
    },
  },
]);
