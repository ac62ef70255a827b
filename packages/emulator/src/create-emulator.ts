// The factory: one emulator's state (catalog, prompt store, responder, faults) and its transport-free core.
import { loadCatalog } from "./catalog";
import { FaultController, parseFaultRules, type FaultRule } from "./faults";
import type { EmulatorContext, Route } from "./contract";
import { PromptStore } from "./prompts/store";
import { responderFromEnv, type Responder } from "./responders";
import { allRoutes } from "./all-routes";
import { createDispatcher, type ServerRequest, type WireReply, type WireRequest } from "./core";

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
