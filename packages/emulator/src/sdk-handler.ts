// The emulator as an AWS SDK v3 requestHandler: no socket, no port, in Node or in a browser page.
// The SDK signs the request as usual and hands it here; the transport-free core answers it.
//   const client = new BedrockRuntimeClient({ region: "us-east-1", credentials, requestHandler: emulatorRequestHandler() });
// Bodies go back as a web ReadableStream, which the SDK reads on both platforms (event streams
// arrive as event-stream frames, as they would over HTTP/2).
import { createEmulator, type EmulatorCore, type EmulatorOptions } from "./create-emulator";
import { MAX_BODY_BYTES } from "./core";
import { concatBytes, utf8Bytes } from "./bytes";
import { replyStream } from "./fetch-handler";

/** The parts of @smithy/protocol-http's HttpRequest the handler reads. */
interface SdkHttpRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

async function bodyBytes(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === "string") return utf8Bytes(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof Blob !== "undefined" && body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    const chunks: Uint8Array[] = [];
    for await (const c of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof c === "string" ? utf8Bytes(c) : c);
    return concatBytes(chunks);
  }
  if (typeof ReadableStream !== "undefined" && body instanceof ReadableStream) return new Uint8Array(await new Response(body).arrayBuffer());
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
 * It reads no BEDROCK_EMULATOR_* variable unless given `env` (in Node, `env: process.env`): a
 * fault rule left in a developer's shell must not change a test's result.
 */
export function emulatorRequestHandler(opts: EmulatorOptions & { core?: EmulatorCore } = {}) {
  const core = opts.core ?? createEmulator(opts);
  return {
    core,
    metadata: { handlerProtocol: "h2" },
    async handle(request: SdkHttpRequest): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: ReadableStream<Uint8Array> } }> {
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
      return { response: { statusCode: reply.status, headers: reply.headers, body: replyStream(reply) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
    destroy() {},
  };
}
