// Shared helpers for the emulator conformance tests: real SDK clients pointed at an in-process
// emulator, an AWS-error assertion, raw HTTP/1.1 and HTTP/2 requests, and a PNG reader.
import http from "node:http";
import http2 from "node:http2";
import { expect } from "vitest";
import { BedrockClient } from "@aws-sdk/client-bedrock";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

export const credentials = { accessKeyId: "AKIDEMULATORTESTS", secretAccessKey: "not-a-real-secret" };

/** The emulator's "today" in these tests (the facts sheet's date). */
export const TODAY = new Date("2026-11-25T12:00:00Z");

// maxAttempts 1: tests assert the first answer; retries would hide 429s and slow the suite.
export function sdk(url: string, region = "us-east-1") {
  const config = { endpoint: url, region, credentials, maxAttempts: 1 };
  return { runtime: new BedrockRuntimeClient(config), bedrock: new BedrockClient(config) };
}

/** Adds a header to every request a client sends (e.g. x-bedrock-emulator-fault). */
export function withHeader<C extends { middlewareStack: { add: Function } }>(client: C, name: string, value: string): C {
  client.middlewareStack.add(
    (next: (a: unknown) => Promise<unknown>) => async (args: { request: { headers: Record<string, string> } }) => {
      args.request.headers[name] = value;
      return next(args);
    },
    { step: "build", name: `header-${name}` },
  );
  return client;
}

/** Removes a header after signing (e.g. authorization, to send an unsigned request). */
export function withoutHeader<C extends { middlewareStack: { add: Function } }>(client: C, name: string): C {
  client.middlewareStack.add(
    (next: (a: unknown) => Promise<unknown>) => async (args: { request: { headers: Record<string, string> } }) => {
      delete args.request.headers[name];
      return next(args);
    },
    { step: "finalizeRequest", name: `drop-${name}`, priority: "low" },
  );
  return client;
}

/** Records the raw HTTP response headers a client receives. */
export function captureHeaders<C extends { middlewareStack: { add: Function } }>(client: C): Record<string, string>[] {
  const seen: Record<string, string>[] = [];
  client.middlewareStack.add(
    (next: (a: unknown) => Promise<{ response: { headers: Record<string, string> } }>) => async (args: unknown) => {
      const out = await next(args);
      seen.push(out.response.headers);
      return out;
    },
    { step: "deserialize", name: "capture-headers" },
  );
  return seen;
}

export async function expectAwsError(call: Promise<unknown>, name: string, status: number, message?: RegExp | string): Promise<Error> {
  let caught: unknown;
  try {
    await call;
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected ${name} but the call succeeded`).toBeInstanceOf(Error);
  const err = caught as Error & { $metadata?: { httpStatusCode?: number } };
  expect(err.name).toBe(name);
  expect(err.$metadata?.httpStatusCode).toBe(status);
  if (typeof message === "string") expect(err.message).toBe(message);
  else if (message) expect(err.message).toMatch(message);
  return err;
}

export const AUTH = "AWS4-HMAC-SHA256 Credential=AKIDEMULATORTESTS/20261125/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=00";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP/1.1 request with no SDK in between. */
export function h1(url: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = { authorization: AUTH }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url + path, { method, headers: { ...headers, ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

/** One HTTP/2 cleartext request on an existing session. */
export function h2(session: http2.ClientHttp2Session, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = { authorization: AUTH }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = session.request({ ":method": method, ":path": path, ...headers }, { endStream: !body });
    let status = 0;
    let hdrs: Record<string, string | string[] | undefined> = {};
    req.on("response", (h) => {
      status = Number(h[":status"]);
      hdrs = h as Record<string, string | string[] | undefined>;
    });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve({ status, headers: hdrs, body: Buffer.concat(chunks).toString("utf8") }));
    req.on("error", reject);
    if (body) req.end(typeof body === "string" ? Buffer.from(body) : body);
  });
}

/** PNG signature check and IHDR size. */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export const decodeJson = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes));

export const user = (text: string) => ({ role: "user" as const, content: [{ text }] });

/** The AWS-shaped error a synchronous call throws, for assertions on its type, status and message. */
export function failure(call: () => unknown): { name: string; status: number; message: string } {
  try {
    call();
  } catch (err) {
    return err as { name: string; status: number; message: string };
  }
  throw new Error("expected the call to fail");
}
