// Fuzz: 1,200 malformed requests over raw HTTP/1.1 and HTTP/2 (random paths, methods, bodies and
// headers, aimed at real routes). Each must get a 4xx with a Bedrock error type in
// x-amzn-errortype, and the server must still answer a valid request afterwards.
import http from "node:http";
import http2 from "node:http2";
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "bedrock-emulator/node";
import { AUTH, h1, h2, user } from "./helpers";
import { fuzzCount } from "../shared/fuzz-size";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ env: {} });
});
afterAll(() => emu.close());

// A small seeded PRNG keeps failures reproducible.
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ERROR_TYPES = new Set([
  "ValidationException",
  "SerializationException",
  "ResourceNotFoundException",
  "UnknownOperationException",
  "MissingAuthenticationTokenException",
  "AccessDeniedException",
  "ThrottlingException",
  "ConflictException",
]);

const MODELS = ["us.amazon.nova-micro-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0", "meta.llama3-8b-instruct-v1:0", "nope", "%ZZ", "amazon.titan-embed-text-v2:0", "arn:aws:bedrock:us-east-1:123456789012:prompt/ABCDEFGHIJ:1", ""];
const SUFFIXES = ["converse", "converse-stream", "invoke", "invoke-with-response-stream", "count-tokens"];

function randomPath(r: () => number): { method: string; path: string } {
  const pick = <T,>(a: T[]) => a[Math.floor(r() * a.length)];
  const model = encodeURIComponent(pick(MODELS));
  const choices = [
    () => ({ method: "POST", path: `/model/${model}/${pick(SUFFIXES)}` }),
    () => ({ method: pick(["GET", "PUT", "DELETE", "PATCH"]), path: `/model/${model}/${pick(SUFFIXES)}` }),
    () => ({ method: "POST", path: `/guardrail/${pick(["abc", "UPPER", "g1", "%00"])}/version/${pick(["DRAFT", "0", "x", "1"])}/apply` }),
    () => ({ method: "GET", path: `/foundation-models?byOutputModality=${pick(["AUDIO", "text", "%FF", ""])}` }),
    () => ({ method: "GET", path: `/foundation-models/${model}x` }),
    () => ({ method: "GET", path: `/inference-profiles?maxResults=${pick(["0", "-1", "abc", "100000"])}` }),
    () => ({ method: "GET", path: `/inference-profiles?nextToken=${pick(["!!", "b2Zmc2V0Oi0x", "zzz"])}` }),
    () => ({ method: "GET", path: `/inference-profiles/${pick(["nope", "eu.x", "%E0%A4%A"])}` }),
    () => ({ method: "POST", path: `/prompts/` }),
    () => ({ method: "GET", path: `/prompts/${pick(["short", "ABCDEFGHIJ", "%%"])}/` }),
    () => ({ method: "POST", path: "/optimize-prompt" }),
    () => ({ method: pick(["GET", "POST", "DELETE"]), path: "/" + Array.from({ length: 1 + Math.floor(r() * 4) }, () => Math.random().toString(36).slice(2, 7)).join("/") }),
  ];
  return pick(choices)();
}

function randomBody(r: () => number): string | undefined {
  const pick = <T,>(a: T[]) => a[Math.floor(r() * a.length)];
  return pick([
    undefined,
    "",
    "{",
    "null",
    "[]",
    "42",
    '"text"',
    JSON.stringify({ messages: "hola" }),
    JSON.stringify({ messages: [] }),
    JSON.stringify({ messages: [{ role: "assistant", content: [{ text: "x" }] }] }),
    JSON.stringify({ messages: [{ role: "robot", content: [{ text: "x" }] }] }),
    JSON.stringify({ messages: [{ role: "user", content: [] }] }),
    JSON.stringify({ messages: [{ role: "user", content: [{ text: "" }] }] }),
    JSON.stringify({ messages: [user("x")], inferenceConfig: { temperature: 7 } }),
    JSON.stringify({ messages: [user("x")], inferenceConfig: { maxTokens: -3 } }),
    JSON.stringify({ messages: [user("x")], inferenceConfig: { stopSequences: [""] } }),
    JSON.stringify({ messages: [user("x")], inferenceConfig: "fast" }),
    JSON.stringify({ messages: [user("x")], toolConfig: { tools: [] } }),
    JSON.stringify({ messages: [user("x")], toolConfig: { tools: [{ toolSpec: { name: "bad name!", inputSchema: { json: {} } } }] } }),
    JSON.stringify({ messages: [user("x")], promptVariables: { a: { text: "b" } } }),
    JSON.stringify({ anthropic_version: "bedrock-2023-05-31", messages: [user("x")] }),
    JSON.stringify({ prompt: 5 }),
    JSON.stringify({ inputText: ["a"] }),
    JSON.stringify({ input: { converse: { messages: 3 } } }),
    JSON.stringify({ input: {} }),
    JSON.stringify({ source: "SIDEWAYS", content: [] }),
    JSON.stringify({ source: "INPUT", content: [{ nothing: 1 }] }),
    JSON.stringify({ name: "", variants: 3 }),
    JSON.stringify({ input: { textPrompt: { text: "" } }, targetModelId: "nope" }),
    Buffer.from(Array.from({ length: 64 }, () => Math.floor(r() * 256))).toString("latin1"),
  ]);
}

function randomHeaders(r: () => number): Record<string, string> {
  const h: Record<string, string> = {};
  if (r() > 0.08) h.authorization = r() > 0.5 ? AUTH : "Bearer not-a-token";
  if (r() > 0.5) h["content-type"] = ["application/json", "text/plain", "application/x-amz-json-1.1", "garbage/*"][Math.floor(r() * 4)];
  if (r() > 0.9) h["x-bedrock-emulator-fault"] = ["bogus", "throttle", "latency,latencyMs=-5", "{", "access-denied,model=*"][Math.floor(r() * 5)];
  if (r() > 0.8) h["x-amz-date"] = "not-a-date";
  return h;
}

it(`answers ${fuzzCount(1200)} malformed requests with 4xx Bedrock errors and stays up`, async () => {
  const r = prng(20261125);
  const session = http2.connect(emu.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const total = fuzzCount(1200);
  try {
    const batch = 50;
    for (let start = 0; start < total; start += batch) {
      const jobs = Array.from({ length: batch }, async (_, k) => {
        const i = start + k;
        const { method, path } = randomPath(r);
        let body = randomBody(r);
        const headers = randomHeaders(r);
        if (method === "GET" || method === "DELETE") body = r() > 0.7 ? body : undefined;
        const useH2 = i % 2 === 0;
        const res = useH2
          ? await h2(session, method, path, body, headers)
          : await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
              const req = http.request(emu.url + path, { method, headers, agent }, (res2) => {
                const chunks: Buffer[] = [];
                res2.on("data", (c) => chunks.push(c));
                res2.on("end", () => resolve({ status: res2.statusCode!, headers: res2.headers, body: Buffer.concat(chunks).toString() }));
              });
              req.on("error", reject);
              if (body !== undefined) req.write(body);
              req.end();
            });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const type = String(res.headers["x-amzn-errortype"] ?? "");
        // A malformed request may still be acceptable (e.g. an ignored header); then it must be a 2xx.
        const ok = (res.status >= 400 && res.status < 500 && ERROR_TYPES.has(type)) || (res.status >= 200 && res.status < 300 && !type);
        if (!ok) failures.push(`${useH2 ? "h2" : "h1"} ${method} ${path} ${JSON.stringify(headers)} ${String(body).slice(0, 80)} → ${res.status} ${type} ${res.body.slice(0, 160)}`);
      });
      await Promise.all(jobs);
    }
  } finally {
    session.close();
    agent.destroy();
  }
  expect(failures.slice(0, 10)).toEqual([]);
  const errors4xx = [...statuses].filter(([s]) => s >= 400 && s < 500).reduce((n, [, c]) => n + c, 0);
  // At least five in six are refused (1,000 of 1,200 in the full lane, 250 of 300 in npm test).
  expect(errors4xx).toBeGreaterThanOrEqual(Math.ceil((total * 5) / 6));

  const after = await h1(emu.url, "POST", `/model/${encodeURIComponent("us.amazon.nova-micro-v1:0")}/converse`, JSON.stringify({ messages: [user("¿sigues ahí?")] }));
  expect(after.status).toBe(200);
  expect(JSON.parse(after.body).output.message.content[0].text).toContain("¿sigues ahí?");
});

it("survives connections that aren't HTTP at all (garbage, truncated h2 preface, bad frames)", async () => {
  const r = prng(7);
  const port = Number(new URL(emu.url).port);
  const payloads = [
    () => Buffer.from(Array.from({ length: 1 + Math.floor(r() * 200) }, () => Math.floor(r() * 256))),
    () => Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + "\u0000\u0000\u0012\u0004garbage-frame-bytes"),
    () => Buffer.from("PRI * HT"),
    () => Buffer.from("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
    () => Buffer.from("POST /model/x/converse HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
  ];
  const answers: string[] = [];
  await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      new Promise<void>((resolve) => {
        const socket = net.connect(port, "127.0.0.1");
        let got = "";
        socket.on("data", (d) => (got += d.toString("latin1")));
        socket.on("error", () => {});
        socket.on("close", () => {
          answers.push(got.slice(0, 12));
          resolve();
        });
        socket.write(payloads[i % payloads.length]());
        setTimeout(() => socket.end(), 50);
      }),
    ),
  );
  expect(answers).toHaveLength(60);
  // Whatever came back over HTTP/1.1 was a 4xx, never a 5xx.
  expect(answers.filter((a) => a.startsWith("HTTP/1.1 5"))).toEqual([]);
  const after = await h1(emu.url, "GET", "/foundation-models?byProvider=Meta");
  expect(after.status).toBe(200);
  expect(JSON.parse(after.body).modelSummaries.length).toBeGreaterThan(0);
});
