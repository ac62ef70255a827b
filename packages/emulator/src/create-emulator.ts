// The factory: one emulator's state (catalog, prompt store, responder, faults) and its transport-free core.
import { loadCatalog } from "./catalog";
import { FaultController, parseFaultRules, type FaultRule } from "./faults";
import type { EmulatorContext } from "./contract";
import { PromptStore } from "./prompts/store";
import { responderFromEnv, type Responder } from "./responders";
import { allRoutes } from "./all-routes";
import { createDispatcher, type WireReply, type WireRequest } from "./core";

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
  });
  return { faults, context: ctx, dispatch };
}
