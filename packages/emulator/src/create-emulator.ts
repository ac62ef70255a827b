// The factory: one emulator's state (catalog, prompt store, responder, faults) and its transport-free core.
import { catalogFromData, loadCatalog, type Catalog, type CatalogData } from "./catalog";
import { FaultController, parseFaultRules, type FaultRule } from "./faults";
import type { EmulatorContext } from "./contract";
import { PromptStore } from "./prompts/store";
import type { PromptPersistence } from "./prompts/persistence";
import { SAMPLING_RULES, type SamplingRules } from "./facts";
import { responderFromEnv, type Responder } from "./responders";
import { allRoutes } from "./all-routes";
import { createDispatcher, type WireReply, type WireRequest } from "./core";
import { handleFetch } from "./fetch-handler";
import { BatchJobStore, batchClockFrom, type BatchClock } from "./batch/jobs";
import { memoryObjectStore, type ObjectStore } from "./batch/object-store";
import { EvaluationJobStore } from "./batch/evaluation-jobs";

/** Settings of an emulator, whatever platform it runs on. */
export interface EmulatorOptions {
  /** Where prompts are saved (files in Node, IndexedDB in a page); none = in memory. */
  promptPersistence?: PromptPersistence;
  /** The model catalog (default: data/catalog.json, bundled). */
  catalog?: CatalogData | Catalog;
  /** Which sampling parameters each model refuses (default: data/sampling-rules.json, bundled). */
  samplingRules?: SamplingRules;
  /** Default: the deterministic synthetic responder (or the OpenAI proxy if the env says so). */
  responder?: Responder;
  /** Fault rules, added to those in BEDROCK_EMULATOR_FAULTS and the per-request header. */
  faults?: FaultRule[];
  /**
   * BEDROCK_EMULATOR_* settings (FAULTS, RECENTLY_USED, OPENAI_URL…). The core reads no environment:
   * default none; the Node entry passes process.env.
   */
  env?: Record<string, string | undefined>;
  /** The emulator's "today" (model lifecycle is judged against it). Default: the real clock. */
  now?: () => Date;
  /**
   * Legacy model IDs the pretend account "has used in the last 15 days": they stay callable until
   * their end of life. Added to BEDROCK_EMULATOR_RECENTLY_USED (comma-separated). Default: none,
   * like a new account, which AWS refuses with "…marked by provider as Legacy…".
   */
  recentlyUsedModels?: string[];
  /** Where batch jobs read input and write output (s3://bucket/key). Default: a new one in memory. */
  objectStore?: ObjectStore;
  /**
   * Seconds each batch job state (Submitted, Validating, Scheduled, InProgress, Stopping) lasts on the
   * emulator's clock (`now`): one number or per state. Default BEDROCK_EMULATOR_BATCH_STATE_SECONDS, else 2.
   */
  batchClock?: BatchClock;
}

/** An emulator without a socket: the shared state and the transport-free core. */
export interface EmulatorCore {
  faults: FaultController;
  /** The object store batch jobs read and write (put input here, read outputs back). */
  objects: ObjectStore;
  context: EmulatorContext;
  /** One HTTP request in, Bedrock's reply out. */
  dispatch(req: WireRequest): Promise<WireReply>;
  /** The same, fetch-style: a web Request in, a web Response out (event streams as a ReadableStream). */
  handle(request: Request): Promise<Response>;
}

/**
 * Builds the emulator's state and core without listening anywhere: `dispatch` (wire requests) and
 * `handle` (fetch-style Request → Response) answer as Bedrock would, in Node or in a page.
 */
export function createEmulator(opts: EmulatorOptions = {}): EmulatorCore {
  const env = opts.env ?? {};
  const now = opts.now ?? (() => new Date());
  const faults = new FaultController([...parseFaultRules(env.BEDROCK_EMULATOR_FAULTS ?? ""), ...(opts.faults ?? [])]);
  const objects = opts.objectStore ?? memoryObjectStore({ now });
  const clock = batchClockFrom(opts.batchClock, env);
  const ctx: EmulatorContext = {
    catalog: opts.catalog === undefined ? loadCatalog() : "covers" in opts.catalog ? opts.catalog : catalogFromData(opts.catalog),
    prompts: new PromptStore({ persistence: opts.promptPersistence, now }),
    samplingRules: opts.samplingRules ?? SAMPLING_RULES,
    responder: opts.responder ?? responderFromEnv(env),
    faults,
    now,
    objects,
    batchJobs: new BatchJobStore(objects, clock, now),
    evaluationJobs: new EvaluationJobStore(objects, clock, now),
    recentlyUsedModels: new Set([
      ...(env.BEDROCK_EMULATOR_RECENTLY_USED ?? "").split(",").map((s) => s.trim()).filter(Boolean),
      ...(opts.recentlyUsedModels ?? []),
    ]),
  };
  const dispatch = createDispatcher({
    routes: allRoutes(),
    ctx,
  });
  return { faults, objects, context: ctx, dispatch, handle: (request) => handleFetch(dispatch, request) };
}
