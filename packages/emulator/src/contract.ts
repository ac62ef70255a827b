// The contract between the emulator's core and its service modules (types only).
// Every service (bedrock, bedrock-runtime, bedrock-agent, bedrock-agent-runtime) exports
// a list of Routes; the server matches method + path, decodes path labels and calls handle().
import type { Catalog } from "./catalog";
import type { FaultController } from "./faults";
import type { FaultPhase } from "./fault-phase";
import type { SamplingRules } from "./facts";
import type { Responder } from "./responders/types";
import type { PromptStore } from "./prompts/store";
import type { BatchJobStore } from "./batch/jobs";
import type { ObjectStore } from "./batch/object-store";
import type { EvaluationJobStore } from "./batch/evaluation-jobs";

/** One decoded HTTP request, whatever the HTTP version it arrived on. */
export interface EmulatorRequest {
  method: string;
  /** Raw path, still percent-encoded, without the query string. */
  rawPath: string;
  /** Path labels from the route pattern, percent-decoded (model and prompt ARNs arrive encoded). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Uint8Array;
  /** Region taken from the SigV4 credential scope; the SDK's region selects the catalog. */
  region: string;
  /** The request's fault phase (fault-phase.ts), opened by the core. */
  faults?: FaultPhase;
}

/** A frame of an AWS event stream, before binary encoding. */
export type StreamEvent =
  | { kind: "event"; eventType: string; payload: unknown }
  /** exceptionType is the event-stream member name, e.g. "throttlingException". */
  | { kind: "exception"; exceptionType: string; message: string };

export type Reply =
  | { status: number; headers?: Record<string, string>; json: unknown }
  | {
      status: number;
      headers?: Record<string, string>;
      body: Uint8Array | string;
      contentType: string;
    }
  | {
      status: number;
      headers?: Record<string, string>;
      events: AsyncIterable<StreamEvent> | Iterable<StreamEvent>;
    };

/** What a service module writes for an operation: its name and its behaviour. */
export interface RouteSpec {
  /** Operation name as in the service model, e.g. "Converse". */
  operation: string;
  /**
   * True when the operation names a model: the handler runs the request's fault phase once the model
   * is resolved (modelFaults in fault-phase.ts), so rules can name it. Otherwise the core runs the
   * phase, with no model, before handle(): reading the catalog works even for a model the account
   * can't invoke, and GetFoundationModelAvailability reports that instead.
   */
  faultsNameModel?: boolean;
  handle(req: EmulatorRequest, ctx: EmulatorContext): Promise<Reply>;
}

/**
 * A served route: the spec plus the method and path pattern of the SDK's operation schema
 * (src/generated/constraints.json), never typed by hand. `handle` validates the input against
 * AWS's model before the spec's handler runs. Built by defineRoutes() in validate.ts.
 */
export interface Route extends RouteSpec {
  /** The service it belongs to ("bedrock", "s3"…): the SigV4 scope's service picks the route table. */
  readonly service: string;
  readonly method: string;
  /**
   * Path pattern with {labels}, e.g. "/model/{modelId}/converse". A trailing slash is significant. A
   * query part ("?x-id=PutObject", "?delete") names parameters the request must carry.
   */
  readonly pattern: string;
}

/** Shared state of one emulator instance. Built by startEmulator(). */
export interface EmulatorContext {
  /** The model catalog (all regions); use catalog.forRegion(req.region). */
  readonly catalog: Catalog;
  /** Prompt Management state (bedrock-agent). */
  readonly prompts: PromptStore;
  /** Batch inference jobs (CreateModelInvocationJob…), on the emulator's clock. */
  readonly batchJobs: BatchJobStore;
  /** Evaluation jobs (CreateEvaluationJob…), on the same clock. */
  readonly evaluationJobs: EvaluationJobStore;
  /** Where batch and evaluation jobs read input and write output, and what the S3 subset serves; in memory by default. */
  readonly objects: ObjectStore;
  /** Produces model output for Converse / InvokeModel. */
  readonly responder: Responder;
  /** Which sampling parameters each model refuses (data/sampling-rules.json unless replaced). */
  readonly samplingRules: SamplingRules;
  /** Fault injection (throttling, access denied, latency). */
  readonly faults: FaultController;
  /** The emulator's "today": model lifecycle (legacy, end of life) is judged against it. */
  now(): Date;
  /**
   * Legacy models this pretend account has used in the last 15 days, so AWS still lets it call
   * them until their end of life. Other Legacy models are refused, as AWS refuses new users.
   */
  readonly recentlyUsedModels: ReadonlySet<string>;
}

/** One HTTP request, whatever carried it. Header names lower-case. */
export interface WireRequest {
  method: string;
  /** Path and query, still percent-encoded. */
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
  /** The transport dropped a body over MAX_BODY_BYTES. */
  bodyTooLarge?: boolean;
}

/** The reply: a whole body, or event-stream frames (already encoded) to send as they come. */
export type WireReply =
  | {
      status: number;
      headers: Record<string, string>;
      body: Uint8Array | string;
    }
  | {
      status: number;
      headers: Record<string, string>;
      frames: AsyncIterable<Uint8Array>;
    };
