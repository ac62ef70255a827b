// The transport floor for `npm run bench:emulator -- --only 5,6`: a bare node:http2 server that reads
// each request body and answers with fixed bytes, a Converse reply the size of the emulator's and
// a short ConverseStream. It validates, routes and computes nothing, so the CPU it uses per call is
// what Node's HTTP/2 stack alone costs; the emulator cannot use less while it is built on node:http2.
import { randomUUID } from "node:crypto";
import { createServer, type ServerHttp2Stream } from "node:http2";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";

const text = "Amazon Bedrock es un servicio gestionado de AWS que da acceso a modelos fundacionales de varios proveedores mediante una única API.";
const usage = { inputTokens: 24, outputTokens: 31, totalTokens: 55 };
const converse = Buffer.from(
  JSON.stringify({ output: { message: { role: "assistant", content: [{ text }] } }, stopReason: "end_turn", usage, metrics: { latencyMs: 1 } }),
);

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const event = (type: string, body: unknown) =>
  codec.encode({
    headers: {
      ":event-type": { type: "string", value: type },
      ":message-type": { type: "string", value: "event" },
      ":content-type": { type: "string", value: "application/json" },
    },
    body: fromUtf8(JSON.stringify(body)),
  });
const frames = [
  event("messageStart", { role: "assistant" }),
  ...text.split(/(?<= )/).map((word) => event("contentBlockDelta", { contentBlockIndex: 0, delta: { text: word } })),
  event("contentBlockStop", { contentBlockIndex: 0 }),
  event("messageStop", { stopReason: "end_turn" }),
  event("metadata", { usage, metrics: { latencyMs: 1 } }),
];

const server = createServer();
server.on("stream", (stream: ServerHttp2Stream, headers) => {
  stream.on("data", () => {});
  stream.on("end", () => {
    const streaming = String(headers[":path"]).endsWith("/converse-stream");
    stream.respond({
      ":status": 200,
      "content-type": streaming ? "application/vnd.amazon.eventstream" : "application/json",
      "x-amzn-requestid": randomUUID(),
    });
    if (!streaming) return stream.end(converse);
    for (const f of frames) stream.write(f);
    stream.end();
  });
});
server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.log(`Bedrock emulator listening on http://127.0.0.1:${address.port} (transport floor)`);
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.close(() => process.exit(0)));
