// The emulator as an AWS SDK requestHandler: no socket, no port. The SDK signs the request as
// usual and hands it here; the transport-free core answers it.
//   const client = new BedrockRuntimeClient({ region: "us-east-1", credentials, requestHandler: emulatorRequestHandler() });
// Streams (ConverseStream, InvokeModelWithResponseStream) arrive as a Node stream of
// event-stream frames, as they would over HTTP/2.
import { Readable } from "node:stream";
import { createEmulator, type EmulatorCore, type StartEmulatorOptions } from "./create-emulator";
import { MAX_BODY_BYTES } from "./core";

/** The parts of @smithy/protocol-http's HttpRequest the handler reads. */
interface SdkHttpRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

async function bodyBytes(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    const chunks: Buffer[] = [];
    for await (const c of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof c === "string" ? Buffer.from(c) : Buffer.from(c));
    return Buffer.concat(chunks);
  }
  throw new Error("emulatorRequestHandler: unsupported request body type");
}

function queryString(query: SdkHttpRequest["query"]): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    for (const one of Array.isArray(v) ? v : [v]) parts.push(one === null ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(one)}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

/**
 * An SDK `requestHandler` backed by an in-memory emulator. Pass `core` to share one emulator
 * (faults, prompts) between several clients; otherwise each handler gets its own.
 * Like startBedrockEmulatorForTests(), it reads no BEDROCK_EMULATOR_* variable unless given
 * `env: process.env`: a fault rule left in a developer's shell must not change a test's result.
 */
export function emulatorRequestHandler(opts: StartEmulatorOptions & { core?: EmulatorCore } = {}) {
  const core = opts.core ?? createEmulator({ env: {}, ...opts });
  return {
    core,
    metadata: { handlerProtocol: "h2" },
    async handle(request: SdkHttpRequest): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Readable } }> {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = String(v);
      const body = await bodyBytes(request.body);
      const reply = await core.dispatch({
        method: request.method,
        url: request.path + queryString(request.query),
        headers,
        body,
        bodyTooLarge: body.length > MAX_BODY_BYTES,
      });
      const out = "frames" in reply ? Readable.from(reply.frames) : Readable.from([typeof reply.body === "string" ? Buffer.from(reply.body) : reply.body]);
      return { response: { statusCode: reply.status, headers: reply.headers, body: out } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
    destroy() {},
  };
}
