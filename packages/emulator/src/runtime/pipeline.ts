// The runtime pipeline a Converse or ConverseStream request goes through once: the body (or the
// prompt it names) becomes the responder's request, the fault phase runs once the model is known,
// the guardrail checks the input, the responder answers, and the turn is finished and checked again.
import { errors } from "../errors";
import type { EmulatorContext, EmulatorRequest } from "../contract";
import type { ResolvedModel } from "../catalog";
import { converseInputTokens } from "../tokens";
import type { ResponderRequest } from "../responders/types";
import { resolvePromptForConverse } from "../prompts/converse";
import { isPromptArn } from "../prompts/identifiers";
import { parseJson } from "../request-body";
import { modelFaults, modelNames } from "../fault-phase";
import { BLOCKED_MESSAGE, evaluateGuardrail, guardedTexts } from "./guardrail-policy";
import { finishTurn, type FinishedTurn, type InferenceConfig } from "./turn";
import {
  checkGuardrailConfig,
  checkInferenceConfig,
  checkMessages,
  checkSamplingParameters,
  checkSystem,
  checkToolConfig,
  requireStreaming,
  requireTextModel,
  type GuardrailRequest,
} from "./conversation";

interface PreparedConverse {
  resolved: ResolvedModel;
  request: ResponderRequest;
  cfg: InferenceConfig;
  inputTokens: number;
  defaultMaxTokens: number;
  guardrail?: GuardrailRequest;
}

function prepare(req: EmulatorRequest, ctx: EmulatorContext, operation: string, namesPrompt: boolean): PreparedConverse {
  let body = parseJson(req);
  let identifier = req.params.modelId;
  let promptVariables: Record<string, string> | undefined;
  if (namesPrompt) {
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
  const guardrail = checkGuardrailConfig(body.guardrailConfig);
  checkSamplingParameters(ctx.samplingRules, resolved.model.modelId, cfg);
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
    guardrail,
  };
}

/**
 * With guardrailConfig, the emulator's guardrail policy checks the input first (a block stops the
 * call before the model: stopReason guardrail_intervened, the blocked message, no tokens), then
 * the model's output (blocked → the blocked message; PII → masked text; both guardrail_intervened).
 */
export async function runConverse(req: EmulatorRequest, ctx: EmulatorContext, operation: string): Promise<FinishedTurn & { midStreamError?: Error }> {
  // A prompt saved in IndexedDB may still be loading.
  const namesPrompt = isPromptArn(req.params.modelId);
  if (namesPrompt) await ctx.prompts.ready();
  const p = prepare(req, ctx, operation, namesPrompt);
  const faults = await modelFaults(req, modelNames(p.resolved));
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
