// Public API of the offline Bedrock emulator: start it in-process (notebooks, tests) or from the
// CLI (src/cli.ts). It speaks AWS's wire protocol, so the real AWS SDK clients work against it.
import { loadCatalog } from "./catalog";
import { FaultController, parseFaultRules, type FaultRule } from "./faults";
import type { EmulatorContext, Route } from "./http";
import { PromptStore } from "./prompt-store";
import { responderFromEnv, type Responder } from "./responders";
import { allRoutes } from "./router";
import { createDispatcher, type ServerRequest, type WireReply, type WireRequest } from "./core";
import { createEmulatorServer } from "./server";

export interface StartEmulatorOptions {
  /** 0 or undefined: a random free port. The host is always 127.0.0.1. */
  port?: number;
  /** Prompt Management persistence folder; none = in memory. */
  dataDir?: string;
  /** Default: the deterministic synthetic responder (or the OpenAI proxy if the env says so). */
  responder?: Responder;
  /** Fault rules, added to those in BEDROCK_EMULATOR_FAULTS and the per-request header. */
  faults?: FaultRule[];
  /** Where BEDROCK_EMULATOR_* settings are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** The emulator's "today" (model lifecycle is judged against it). Default: the real clock. */
  now?: () => Date;
  /**
   * Legacy model IDs the pretend account "has used in the last 15 days": they stay callable until
   * their end of life. Added to BEDROCK_EMULATOR_RECENTLY_USED (comma-separated). Default: none,
   * like a new account, which AWS refuses with "…marked by provider as Legacy…".
   */
  recentlyUsedModels?: string[];
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:4010 — pass it as `endpoint` to the SDK clients. */
  url: string;
  port: number;
  faults: FaultController;
  /** The instance's shared state (catalog, prompt store, responder…). */
  context: EmulatorContext;
  close(): Promise<void>;
}

/** An emulator without a socket: the shared state and the transport-free core. */
export interface EmulatorCore {
  faults: FaultController;
  context: EmulatorContext;
  /** One HTTP request in, Bedrock's reply out. */
  dispatch(req: WireRequest): Promise<WireReply>;
}

/** Builds the emulator's state and core without listening anywhere (see emulatorRequestHandler). */
export function createEmulator(opts: StartEmulatorOptions = {}): EmulatorCore {
  const env = opts.env ?? process.env;
  const now = opts.now ?? (() => new Date());
  const faults = new FaultController([...parseFaultRules(env.BEDROCK_EMULATOR_FAULTS ?? ""), ...(opts.faults ?? [])]);
  const ctx: EmulatorContext = {
    catalog: loadCatalog(),
    prompts: new PromptStore({ dataDir: opts.dataDir, now }),
    responder: opts.responder ?? responderFromEnv(env),
    faults,
    now,
    recentlyUsedModels: new Set([
      ...(env.BEDROCK_EMULATOR_RECENTLY_USED ?? "").split(",").map((s) => s.trim()).filter(Boolean),
      ...(opts.recentlyUsedModels ?? []),
    ]),
  };
  const dispatch = createDispatcher({
    routes: allRoutes(),
    ctx,
    async applyFaults(req: ServerRequest, route: Route) {
      // Runtime model routes apply faults themselves once the model is resolved. Elsewhere only
      // rules without a model apply: reading the catalog (GetFoundationModel…) works even for a
      // model the account can't invoke, and GetFoundationModelAvailability reports that instead.
      if (route.handlesFaults) return;
      const out = faults.evaluate(route.operation, [], req.faultRules);
      if (out.latencyMs > 0) await new Promise((r) => setTimeout(r, out.latencyMs));
      if (out.error) throw out.error;
    },
  });
  return { faults, context: ctx, dispatch };
}

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const core = createEmulator(opts);
  const server = createEmulatorServer(core.dispatch);
  const port = await server.listen(opts.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    faults: core.faults,
    context: core.context,
    async close() {
      await server.close();
      // Writes finish before each reply; this also covers a client that hung up mid-request.
      await core.context.prompts.flush();
    },
  };
}

export { BedrockError, errors } from "./http";
export type { EmulatorContext, EmulatorRequest, Reply, Route, StreamEvent } from "./http";
export { Catalog, catalogCovers, catalogFor, knownRegions, loadCatalog, messages as awsMessages, DOC_ACCOUNT } from "./catalog";
export type { CatalogData, CatalogModel, CatalogProfile, RetiredEntry } from "./catalog";
export { FaultController, parseFaultRules } from "./faults";
export type { FaultKind, FaultRule } from "./faults";
export { openAICompatibleResponder, replyLanguage, scriptedResponder, syntheticResponder, responderFromEnv } from "./responders";
export type { Responder, ResponderRequest, ResponderResult, ScriptedRule, ScriptedResponder } from "./responders";
export { approximateTokens, converseInputTokens, BINARY_BLOCK_TOKENS } from "./tokens";
export { MAX_BODY_BYTES } from "./core";
export { ACCOUNT_ID, PROFILE_PREFIXES, modelIdOf, parseBedrockArn, withoutProfilePrefix } from "./arn";
export type { BedrockArn } from "./arn";
export type { WireReply, WireRequest } from "./core";
export { emulatorRequestHandler } from "./request-handler";
export { startBedrockEmulatorForTests, type TestEmulator } from "./testing";
export { crc32, encodePng, sizeFor, syntheticImage } from "./png";
