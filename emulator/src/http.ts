// The contract between the emulator's server and its service modules.
// Every service (bedrock, bedrock-runtime, bedrock-agent, bedrock-agent-runtime) exports
// a list of Routes; the server matches method + path, decodes path labels and calls handle().

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
  body: Buffer;
  /** Region taken from the SigV4 credential scope; the SDK's region selects the catalog. */
  region: string;
}

/** A frame of an AWS event stream, before binary encoding. */
export type StreamEvent =
  | { kind: "event"; eventType: string; payload: unknown }
  | { kind: "exception"; exceptionType: string; message: string };

export type Reply =
  | { status: number; headers?: Record<string, string>; json: unknown }
  | { status: number; headers?: Record<string, string>; body: Buffer | string; contentType: string }
  | { status: number; headers?: Record<string, string>; events: AsyncIterable<StreamEvent> };

export interface Route {
  /** Operation name as in the service model, e.g. "Converse". */
  operation: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path pattern with {labels}, e.g. "/model/{modelId}/converse". */
  pattern: string;
  handle(req: EmulatorRequest, ctx: EmulatorContext): Promise<Reply>;
}

/**
 * An error that goes out exactly as AWS sends it: the type in `x-amzn-errortype` and in the
 * body's `__type`, with the status code the service model gives that type.
 */
export class BedrockError extends Error {
  constructor(
    public readonly type: string,
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/** Shared state of one emulator instance. Filled in by the server when it starts. */
export interface EmulatorContext {
  /** Anything a service module needs to keep per instance (catalog, prompt store, responder, faults). */
  readonly services: Record<string, unknown>;
}
