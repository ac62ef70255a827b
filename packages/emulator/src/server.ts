// Transport: one port on 127.0.0.1 that speaks HTTP/2 cleartext (prior knowledge, what the
// bedrock-runtime and bedrock-agent-runtime clients use in Node) and HTTP/1.1 (bedrock,
// bedrock-agent). The first bytes of each connection decide: the h2 preface "PRI * HTTP/2.0"
// goes to an http2 server, anything else to an http server. Both feed the transport-free core
// (core.ts); this file only moves bytes.
import http from "node:http";
import http2 from "node:http2";
import net from "node:net";
import { BedrockError } from "./errors";
import { MAX_BODY_BYTES, errorReply, type WireReply, type WireRequest } from "./core";

export { DEFAULT_REGION, MAX_BODY_BYTES, encodeEvent } from "./core";

// Both response kinds share the methods used here; one structural type keeps calls simple.
type Res = http.ServerResponse;

async function sendReply(res: Res, reply: WireReply): Promise<void> {
  if (res.headersSent || res.destroyed) return;
  if ("frames" in reply) {
    res.writeHead(reply.status, reply.headers);
    for await (const frame of reply.frames) {
      if (res.destroyed) return;
      res.write(frame);
    }
    res.end();
    return;
  }
  const h: Record<string, string | number> = { ...reply.headers };
  // A HEAD reply states the object's length and sends no body (S3's HeadObject).
  if (!("content-length" in h)) h["content-length"] = typeof reply.body === "string" ? Buffer.byteLength(reply.body) : reply.body.length;
  res.writeHead(reply.status, h);
  res.end(reply.body);
}

export interface EmulatorServer {
  listen(port: number): Promise<number>;
  close(): Promise<void>;
}

/** Serves a dispatcher (core.ts) on 127.0.0.1. */
export function createEmulatorServer(dispatch: (req: WireRequest) => Promise<WireReply>): EmulatorServer {
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
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (k.charCodeAt(0) === 58 /* ":" pseudo-header */ || v === undefined) continue;
        headers[k] = Array.isArray(v) ? v.join(", ") : String(v);
      }
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      dispatch({ method: req.method ?? "GET", url: req.url ?? "/", headers, body, bodyTooLarge: tooLarge })
        .then((reply) => sendReply(res as Res, reply))
        .catch((e) => {
          console.error("[bedrock-emulator] unexpected error:", e);
          try {
            void sendReply(res as Res, errorReply(new BedrockError("InternalServerException", 500, "Internal error in the emulator.")));
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
