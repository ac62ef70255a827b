// bedrock-runtime InvokeModel, InvokeModelWithResponseStream and CountTokens with the
// provider-native bodies. Each provider's body schema, request conversion, response body and stream
// chunks live in its codec (../codecs/); this file picks the codec and runs the call. Text goes
// through the same responder and post-processing as Converse.
import { errors, messages } from "../errors";
import { fromBase64, toBase64, utf8Bytes, utf8Text } from "../bytes";
import type { EmulatorContext, EmulatorRequest, Reply, Route, StreamEvent } from "../contract";
import { defineRoutes } from "../define-routes";
import { modelIdOf } from "../arn";
import type { ResolvedModel } from "../catalog";
import { converseInputTokens } from "../tokens";
import type { ResponderRequest } from "../responders/types";
import { codecFor, type Codec, type TextCodec } from "../codecs";
import { isObject, malformed, type Json } from "../codecs/native";
import { parseJson } from "../request-body";
import { modelFaults, modelNames } from "../fault-phase";
import { checkMessages, checkSamplingParameters, checkSystem, requireStreaming } from "../runtime/conversation";
import { breakMidStream, finishTurn, splitDeltas } from "../runtime/turn";

// ---------------------------------------------------------------- the routes

interface Invocation {
  codec: Codec | undefined;
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
  return { codec: codecFor(resolved.model), resolved, body };
}

async function runText(codec: TextCodec, inv: Invocation, ctx: EmulatorContext, req: EmulatorRequest, operation: string) {
  const m = inv.resolved.model;
  const parsed = codec.parse(inv.body, m);
  checkSamplingParameters(ctx.samplingRules, m.modelId, parsed.cfg);
  const faults = await modelFaults(req, modelNames(inv.resolved));
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


export const invokeRoutes: Route[] = defineRoutes([
  {
    operation: "InvokeModel",
    faultsNameModel: true,
    async handle(req, ctx): Promise<Reply> {
      const inv = prepareInvocation(req, ctx);
      const codec = inv.codec;
      if (codec?.kind === "text") {
        const { parsed, turn } = await runText(codec, inv, ctx, req, "InvokeModel");
        return {
          status: 200,
          contentType: "application/json",
          headers: usageHeaders(turn.usage.inputTokens, turn.usage.outputTokens, turn.latencyMs),
          body: JSON.stringify(codec.response(turn, inv.resolved.model, parsed)),
        };
      }
      if (!codec) {
        throw errors.validation(`The emulator doesn't implement InvokeModel bodies for ${inv.resolved.model.modelId} yet. Try a text, embedding or Stability image model.`);
      }
      const out = codec.invoke(inv.body, inv.resolved.model);
      const extra = (await modelFaults(req, modelNames(inv.resolved))).latencyMs;
      const latency = codec.latencyMs(out) + extra;
      return { status: 200, contentType: "application/json", headers: usageHeaders(out.inputTokens, out.outputTokens, latency), body: JSON.stringify(out.body) };
    },
  },
  {
    operation: "InvokeModelWithResponseStream",
    faultsNameModel: true,
    async handle(req, ctx): Promise<Reply> {
      const inv = prepareInvocation(req, ctx);
      requireStreaming(inv.resolved);
      const codec = inv.codec;
      if (codec?.kind !== "text") throw errors.validation("The model is unsupported for streaming.");
      const { parsed, turn, midStreamError } = await runText(codec, inv, ctx, req, "InvokeModelWithResponseStream");
      const events: StreamEvent[] = codec.chunks(turn, inv.resolved.model, parsed, splitDeltas(turn.text)).map((c) => ({
        kind: "event",
        eventType: "chunk",
        payload: { bytes: toBase64(utf8Bytes(JSON.stringify(c))) },
      }));
      return { status: 200, headers: { "x-amzn-bedrock-content-type": "application/json" }, events: breakMidStream(events, midStreamError) };
    },
  },
  {
    operation: "CountTokens",
    faultsNameModel: true,
    async handle(req, ctx): Promise<Reply> {
      const body = parseJson(req);
      const id = req.params.modelId;
      const now = ctx.now();
      // CountTokens takes a foundation model ID; counting never invokes, so profile-only models count too.
      const profile = ctx.catalog.profile(req.region, id);
      const modelId = profile ? Object.keys(profile.models)[0] : modelIdOf(id);
      if (ctx.catalog.isEndOfLife(modelId, now)) throw errors.notFound(messages.endOfLife);
      const model = ctx.catalog.model(modelId);
      if (!model || model.mantleOnly || !model.regions.includes(req.region)) throw errors.validation(messages.invalidModel);
      await modelFaults(req, [id, modelId]);
      // input is a required union in AWS's model: the engine refused a missing or non-object one.
      const input = body.input as Record<string, unknown>;
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
        native = JSON.parse(utf8Text(fromBase64(inner)));
      } catch {
        throw malformed();
      }
      if (!isObject(native)) throw malformed();
      const codec = codecFor(model);
      if (codec?.kind !== "text") throw errors.validation("The provided model doesn't support counting tokens.");
      const parsed = codec.parse(native, model);
      return {
        status: 200,
        json: { inputTokens: converseInputTokens({ system: parsed.system, messages: parsed.messages, toolConfig: parsed.tools.length ? { tools: parsed.tools } : undefined }) },
      };
    },
  },
]);
