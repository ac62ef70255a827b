// Transport: one port on 127.0.0.1 that speaks HTTP/2 cleartext (prior knowledge, what the
// bedrock-runtime and bedrock-agent-runtime clients use in Node) and HTTP/1.1 (bedrock,
// bedrock-agent). The first bytes of each connection decide: the h2 preface "PRI * HTTP/2.0"
// goes to an http2 server, anything else to an http server. Both feed the same router.
import http from "node:http";
import http2 from "node:http2";
import net from "node:net";
import { randomUUID } from "node:crypto";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { BedrockError, type EmulatorContext, type EmulatorRequest, type Reply, type Route, type StreamEvent } from "./http";
import { parseFaultRules, type FaultRule } from "./faults";

/**
 * Largest request body accepted: 25,000,000 bytes, the limit the bedrock-runtime model puts on
 * InvokeModel bodies. Larger bodies get ValidationException 400 with AWS's constraint wording.
 */
export const MAX_BODY_BYTES = 25_000_000;

/** Region used when a request carries a bearer token (Bedrock API key) instead of a SigV4 scope. */
export const DEFAULT_REGION = "us-east-1";

const codec = new EventStreamCodec(toUtf8, fromUtf8);

interface CompiledRoute {
  route: Route;
  re: RegExp;
  labels: string[];
}

/** Extra per-request data the server adds for the runtime's fault handling. */
export interface ServerRequest extends EmulatorRequest {
  /** Rules from the x-bedrock-emulator-fault header. */
  faultRules: FaultRule[];
}

function compile(routes: Route[]): Map<string, CompiledRoute[]> {
  const byMethod = new Map<string, CompiledRoute[]>();
  for (const route of routes) {
    const labels: string[] = [];
    const source = route.pattern
      .split(/(\{[A-Za-z0-9_]+\+?\})/)
      .map((part) => {
        const m = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(part);
        if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        labels.push(m[1]);
        return m[2] ? "(.+)" : "([^/]+)";
      })
      .join("");
    const list = byMethod.get(route.method) ?? [];
    list.push({ route, re: new RegExp("^" + source + "$"), labels });
    byMethod.set(route.method, list);
  }
  return byMethod;
}

/** The error body AWS REST-JSON services send; the SDK reads the type from the header. */
function errorReply(err: BedrockError): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: err.status,
    headers: { "x-amzn-errortype": err.type, "content-type": "application/json" },
    body: JSON.stringify({ message: err.message, __type: err.type }),
  };
}

// Both response kinds share the methods used here; one structural type keeps calls simple.
type Res = http.ServerResponse;

function send(res: Res, status: number, headers: Record<string, string>, body: string | Buffer): void {
  if (res.headersSent || (res as http.ServerResponse).destroyed) return;
  const h: Record<string, string | number> = { ...headers, "x-amzn-requestid": randomUUID() };
  h["content-length"] = typeof body === "string" ? Buffer.byteLength(body) : body.length;
  res.writeHead(status, h);
  res.end(body);
}

function sendError(res: Res, err: BedrockError): void {
  const r = errorReply(err);
  send(res, r.status, r.headers, r.body);
}

/** Encodes one event-stream frame the way AWS sends it. */
export function encodeEvent(ev: StreamEvent): Uint8Array {
  if (ev.kind === "event") {
    return codec.encode({
      headers: {
        ":message-type": { type: "string", value: "event" },
        ":event-type": { type: "string", value: ev.eventType },
        ":content-type": { type: "string", value: "application/json" },
      },
      body: fromUtf8(JSON.stringify(ev.payload ?? {})),
    });
  }
  return codec.encode({
    headers: {
      ":message-type": { type: "string", value: "exception" },
      ":exception-type": { type: "string", value: ev.exceptionType },
      ":content-type": { type: "string", value: "application/json" },
    },
    body: fromUtf8(JSON.stringify({ message: ev.message })),
  });
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

async function writeEvents(res: Res, reply: Extract<Reply, { events: unknown }>): Promise<void> {
  const iterable = reply.events as AsyncIterable<StreamEvent> | Iterable<StreamEvent>;
  const iterator: AsyncIterator<StreamEvent> | Iterator<StreamEvent> =
    Symbol.asyncIterator in iterable ? (iterable as AsyncIterable<StreamEvent>)[Symbol.asyncIterator]() : (iterable as Iterable<StreamEvent>)[Symbol.iterator]();
  // Pull the first event before answering, so an error raised up front is a plain HTTP error.
  let first: IteratorResult<StreamEvent>;
  try {
    first = await iterator.next();
  } catch (e) {
    if (e instanceof BedrockError) return sendError(res, e);
    throw e;
  }
  res.writeHead(reply.status, {
    "content-type": "application/vnd.amazon.eventstream",
    "x-amzn-requestid": randomUUID(),
    ...(reply.headers ?? {}),
  });
  let step = first;
  while (!step.done) {
    if ((res as http.ServerResponse).destroyed) return;
    res.write(encodeEvent(step.value));
    try {
      step = await iterator.next();
    } catch (e) {
      // Errors in the middle of a stream go out as exception frames.
      const err = e instanceof BedrockError ? e : new BedrockError("InternalServerException", 500, "Internal error in the emulator.");
      if (!(e instanceof BedrockError)) console.error("[bedrock-emulator] stream error:", e);
      res.write(encodeEvent({ kind: "exception", exceptionType: lowerFirst(err.type), message: err.message }));
      break;
    }
  }
  res.end();
}

export interface EmulatorServerOptions {
  routes: Route[];
  ctx: EmulatorContext;
  /** Applies faults (throttle / access denied / latency) to routes that don't handle them. */
  applyFaults(req: ServerRequest, route: Route): Promise<void>;
}

export interface EmulatorServer {
  listen(port: number): Promise<number>;
  close(): Promise<void>;
}

const AUTH_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\//;

export function createEmulatorServer(opts: EmulatorServerOptions): EmulatorServer {
  const table = compile(opts.routes);

  async function handle(req: http.IncomingMessage | http2.Http2ServerRequest, res: Res, body: Buffer, tooLarge: boolean) {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const rawPath = q < 0 ? url : url.slice(0, q);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (k.charCodeAt(0) === 58 /* ":" pseudo-header */ || v === undefined) continue;
      headers[k] = Array.isArray(v) ? v.join(", ") : String(v);
    }

    const auth = headers.authorization;
    if (!auth) {
      // What Bedrock answers a request with no Authorization header.
      send(res, 403, { "x-amzn-errortype": "MissingAuthenticationTokenException", "content-type": "application/json" }, JSON.stringify({ message: "Authorization header is missing" }));
      return;
    }
    const region = AUTH_SCOPE.exec(auth)?.[1] ?? DEFAULT_REGION;

    const method = (req.method ?? "GET").toUpperCase();
    let match: { route: Route; params: Record<string, string> } | undefined;
    for (const c of table.get(method) ?? []) {
      const m = c.re.exec(rawPath);
      if (!m) continue;
      const params: Record<string, string> = {};
      try {
        c.labels.forEach((label, i) => (params[label] = decodeURIComponent(m[i + 1])));
      } catch {
        return sendError(res, new BedrockError("ValidationException", 400, "A path parameter is not valid percent-encoded UTF-8."));
      }
      match = { route: c.route, params };
      break;
    }
    if (!match) {
      return sendError(res, new BedrockError("UnknownOperationException", 404, `The operation ${method} ${rawPath.slice(0, 200)} is not supported.`));
    }
    if (tooLarge) {
      return sendError(
        res,
        new BedrockError(
          "ValidationException",
          400,
          `1 validation error detected: Value at 'body' failed to satisfy constraint: Member must have length less than or equal to ${MAX_BODY_BYTES}`,
        ),
      );
    }

    let faultRules: FaultRule[] = [];
    const faultHeader = headers["x-bedrock-emulator-fault"];
    const request: ServerRequest = {
      method,
      rawPath,
      params: match.params,
      query: new URLSearchParams(q < 0 ? "" : url.slice(q + 1)),
      headers,
      body,
      region,
      faultRules,
    };
    try {
      if (faultHeader) request.faultRules = faultRules = parseFaultRules(faultHeader);
      await opts.applyFaults(request, match.route);
      const reply = await match.route.handle(request, opts.ctx);
      if ("events" in reply) return await writeEvents(res, reply);
      if ("json" in reply) {
        return send(res, reply.status, { "content-type": "application/json", ...(reply.headers ?? {}) }, JSON.stringify(reply.json));
      }
      return send(res, reply.status, { "content-type": reply.contentType, ...(reply.headers ?? {}) }, reply.body);
    } catch (e) {
      if (e instanceof BedrockError) return sendError(res, e);
      console.error("[bedrock-emulator] internal error:", e);
      return sendError(res, new BedrockError("InternalServerException", 500, "Internal error in the emulator."));
    }
  }

  function onRequest(req: http.IncomingMessage | http2.Http2ServerRequest, res: Res | http2.Http2ServerResponse) {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Keep reading (and dropping) so the client gets the 400 instead of a reset.
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      handle(req, res as Res, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), tooLarge).catch((e) => {
        console.error("[bedrock-emulator] unexpected error:", e);
        try {
          sendError(res as Res, new BedrockError("InternalServerException", 500, "Internal error in the emulator."));
        } catch {
          /* connection already gone */
        }
      });
    });
    req.on("error", () => {
      /* client went away; nothing to answer */
    });
  }

  const h1 = http.createServer({ keepAliveTimeout: 65_000 }, onRequest);
  // Bytes that aren't HTTP (or a body without framing) still get an AWS-shaped 400, then close.
  h1.on("clientError", (err: NodeJS.ErrnoException, socket: net.Socket) => {
    if (!socket.writable || err.code === "ECONNRESET") return socket.destroy();
    const body = JSON.stringify({ message: "The request is not valid HTTP/1.1.", __type: "SerializationException" });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nx-amzn-errortype: SerializationException\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  const h2 = http2.createServer({}, onRequest);
  h2.on("sessionError", () => {});
  h2.on("error", () => {});
  const sockets = new Set<net.Socket>();
  const h2Sessions = new Set<http2.ServerHttp2Session>();
  h2.on("session", (s) => {
    h2Sessions.add(s);
    s.on("close", () => h2Sessions.delete(s));
    s.on("error", () => {});
  });

  const PREFACE = Buffer.from("PRI * HTTP/2.0");
  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.setNoDelay(true);
    let head: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = head.length ? Buffer.concat([head, chunk]) : chunk;
      const n = Math.min(head.length, PREFACE.length);
      const isH2 = head.subarray(0, n).equals(PREFACE.subarray(0, n));
      // Wait for more bytes only while the start still looks like the h2 preface.
      if (isH2 && n < PREFACE.length) return;
      socket.removeListener("data", onData);
      socket.pause();
      // Both servers read bytes already buffered on the socket before consuming new ones.
      socket.unshift(head);
      if (isH2) h2.emit("connection", socket);
      else {
        h1.emit("connection", socket);
        socket.resume();
      }
    };
    socket.on("data", onData);
  });

  return {
    listen(port: number) {
      return new Promise<number>((resolve, reject) => {
        tcp.once("error", reject);
        tcp.listen(port, "127.0.0.1", () => {
          tcp.removeListener("error", reject);
          resolve((tcp.address() as net.AddressInfo).port);
        });
      });
    },
    close() {
      return new Promise<void>((resolve) => {
        tcp.close(() => resolve());
        for (const s of h2Sessions) s.destroy();
        for (const s of sockets) s.destroy();
        h1.close();
        h2.close();
      });
    },
  };
}
