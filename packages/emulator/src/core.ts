// The emulator's core: one request in, one reply out, with no transport. It routes by the SDK's
// own operation schemas, reads the region from the SigV4 scope, applies faults, validates the input
// against AWS's models and calls the operation's handler. The HTTP server (server.ts) and the SDK
// request handler (sdk-handler.ts) are thin adapters around it; nothing here needs Node.
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { randomUuid } from "./bytes";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { BedrockError } from "./errors";
import type {
  EmulatorContext,
  EmulatorRequest,
  Reply,
  Route,
  StreamEvent,
  WireReply,
  WireRequest,
} from "./contract";
import { openFaultPhase } from "./fault-phase";
import { s3ErrorReply, s3Errors } from "./s3/wire";

/**
 * Largest request body accepted: 25,000,000 bytes, the limit the bedrock-runtime model puts on
 * InvokeModel bodies. Larger bodies get ValidationException 400 with AWS's constraint wording.
 */
export type { WireReply, WireRequest } from "./contract";

export const MAX_BODY_BYTES = 25_000_000;

/** Region used when a request carries a bearer token (Bedrock API key) instead of a SigV4 scope. */
export const DEFAULT_REGION = "us-east-1";

export interface DispatcherOptions {
  routes: Route[];
  ctx: EmulatorContext;
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);

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

/** The error AWS REST-JSON services send; the SDK reads the type from the header. */
export function errorReply(err: BedrockError): WireReply {
  return {
    status: err.status,
    headers: {
      "x-amzn-errortype": err.type,
      "content-type": "application/json",
      "x-amzn-requestid": randomUuid(),
    },
    body: JSON.stringify({ message: err.message, __type: err.type }),
  };
}

const internalError = () =>
  new BedrockError(
    "InternalServerException",
    500,
    "Internal error in the emulator.",
  );

interface CompiledRoute {
  route: Route;
  re: RegExp;
  labels: string[];
  /** Query parameters the route requires (S3's "?list-type=2", "?delete"); null = present, any value. */
  query: [string, string | null][];
}

/** Method + path pattern of every route (from the SDK operation schemas, via defineRoutes). */
function compile(routes: Route[]): Map<string, CompiledRoute[]> {
  const byMethod = new Map<string, CompiledRoute[]>();
  for (const route of routes) {
    const labels: string[] = [];
    const [path, queryPart] = route.pattern.split("?");
    const query = queryPart
      ? queryPart
          .split("&")
          .map((p): [string, string | null] =>
            p.includes("=")
              ? [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]
              : [p, null],
          )
      : [];
    const source = path
      .split(/(\{[A-Za-z0-9_]+\+?\})/)
      .map((part) => {
        const m = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(part);
        if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        labels.push(m[1]);
        return m[2] ? "(.+)" : "([^/]+)";
      })
      .join("");
    const list = byMethod.get(route.method) ?? [];
    // Path-style S3 clients address a bucket as "/{Bucket}/" (the SDK adds the slash).
    const slash =
      route.service === "s3" && path.endsWith("{Bucket}") ? "/?" : "";
    list.push({
      route,
      re: new RegExp("^" + source + slash + "$"),
      labels,
      query,
    });
    byMethod.set(route.method, list);
  }
  return byMethod;
}

async function* framesOf(
  first: StreamEvent,
  iterator: AsyncIterator<StreamEvent> | Iterator<StreamEvent>,
): AsyncIterable<Uint8Array> {
  yield encodeEvent(first);
  while (true) {
    let step: IteratorResult<StreamEvent>;
    try {
      step = await iterator.next();
    } catch (e) {
      // Errors in the middle of a stream go out as exception frames.
      const err = e instanceof BedrockError ? e : internalError();
      if (!(e instanceof BedrockError))
        console.error("[bedrock-emulator] stream error:", e);
      yield encodeEvent({
        kind: "exception",
        exceptionType: err.type.charAt(0).toLowerCase() + err.type.slice(1),
        message: err.message,
      });
      return;
    }
    if (step.done) return;
    yield encodeEvent(step.value);
  }
}

async function toWire(reply: Reply): Promise<WireReply> {
  const requestId = { "x-amzn-requestid": randomUuid() };
  if ("events" in reply) {
    const iterable = reply.events as
      AsyncIterable<StreamEvent> | Iterable<StreamEvent>;
    const iterator: AsyncIterator<StreamEvent> | Iterator<StreamEvent> =
      Symbol.asyncIterator in iterable
        ? (iterable as AsyncIterable<StreamEvent>)[Symbol.asyncIterator]()
        : (iterable as Iterable<StreamEvent>)[Symbol.iterator]();
    // Pull the first event before answering, so an error raised up front is a plain HTTP error.
    let first: IteratorResult<StreamEvent>;
    try {
      first = await iterator.next();
    } catch (e) {
      if (e instanceof BedrockError) return errorReply(e);
      throw e;
    }
    const headers = {
      "content-type": "application/vnd.amazon.eventstream",
      ...requestId,
      ...(reply.headers ?? {}),
    };
    if (first.done)
      return { status: reply.status, headers, body: new Uint8Array(0) };
    return {
      status: reply.status,
      headers,
      frames: framesOf(first.value, iterator),
    };
  }
  if ("json" in reply)
    return {
      status: reply.status,
      headers: {
        "content-type": "application/json",
        ...requestId,
        ...(reply.headers ?? {}),
      },
      body: JSON.stringify(reply.json),
    };
  return {
    status: reply.status,
    headers: {
      "content-type": reply.contentType,
      ...requestId,
      ...(reply.headers ?? {}),
    },
    body: reply.body,
  };
}

const AUTH_SCOPE =
  /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\//;

/** Builds the core: `dispatch(request)` answers exactly as Bedrock would. */
export function createDispatcher(
  opts: DispatcherOptions,
): (req: WireRequest) => Promise<WireReply> {
  const table = compile(opts.routes);

  async function dispatch(req: WireRequest): Promise<WireReply> {
    const url = req.url || "/";
    const q = url.indexOf("?");
    const rawPath = q < 0 ? url : url.slice(0, q);
    const headers = req.headers;

    const auth = headers.authorization;
    if (!auth) {
      // What Bedrock answers a request with no Authorization header.
      return {
        status: 403,
        headers: {
          "x-amzn-errortype": "MissingAuthenticationTokenException",
          "content-type": "application/json",
          "x-amzn-requestid": randomUuid(),
        },
        body: JSON.stringify({
          message: "Authorization header is missing",
        }),
      };
    }
    const scope = AUTH_SCOPE.exec(auth);
    const region = scope?.[1] ?? DEFAULT_REGION;
    // The SigV4 scope names the service: S3's path-style paths ("/{Bucket}") would shadow Bedrock's.
    const s3 = scope?.[2] === "s3";

    const method = (req.method || "GET").toUpperCase();
    const query = new URLSearchParams(q < 0 ? "" : url.slice(q + 1));
    let match: { route: Route; params: Record<string, string> } | undefined;
    for (const c of table.get(method) ?? []) {
      if ((c.route.service === "s3") !== s3) continue;
      if (
        !c.query.every(
          ([k, v]) => query.has(k) && (v === null || query.get(k) === v),
        )
      )
        continue;
      const m = c.re.exec(rawPath);
      if (!m) continue;
      const params: Record<string, string> = {};
      try {
        c.labels.forEach(
          (label, i) => (params[label] = decodeURIComponent(m[i + 1])),
        );
      } catch {
        return errorReply(
          new BedrockError(
            "ValidationException",
            400,
            "A path parameter is not valid percent-encoded UTF-8.",
          ),
        );
      }
      match = { route: c.route, params };
      break;
    }
    if (!match) {
      if (s3)
        return s3ErrorReply(
          s3Errors.notImplemented(
            `${method} ${rawPath.slice(0, 200)}${q < 0 ? "" : "?" + [...query.keys()].join("&")}`,
          ),
          method,
        );
      return errorReply(
        new BedrockError(
          "UnknownOperationException",
          404,
          `The operation ${method} ${rawPath.slice(0, 200)} is not supported.`,
        ),
      );
    }
    if (req.bodyTooLarge) {
      return errorReply(
        new BedrockError(
          "ValidationException",
          400,
          `1 validation error detected: Value at 'body' failed to satisfy constraint: Member must have length less than or equal to ${MAX_BODY_BYTES}`,
        ),
      );
    }

    const request: EmulatorRequest = {
      method,
      rawPath,
      params: match.params,
      query,
      headers,
      body: req.body,
      region,
    };
    try {
      const phase = openFaultPhase(
        opts.ctx.faults,
        match.route.operation,
        headers["x-bedrock-emulator-fault"],
      );
      request.faults = phase;
      if (!match.route.faultsNameModel) await phase.run([]);
      return await toWire(await match.route.handle(request, opts.ctx));
    } catch (e) {
      const reply = s3
        ? (err: BedrockError) => s3ErrorReply(err, method)
        : errorReply;
      if (e instanceof BedrockError) return reply(e);
      console.error("[bedrock-emulator] internal error:", e);
      return reply(
        s3
          ? new BedrockError(
              "InternalError",
              500,
              "We encountered an internal error. Please try again.",
            )
          : internalError(),
      );
    }
  }
  return dispatch;
}
