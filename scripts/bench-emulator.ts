// Benchmark of the offline emulator over loopback, through the real AWS SDK client (HTTP/2):
// - Converse latency p50 / p99 with one request at a time;
// - Converse requests/s with 300 in flight;
// - time to the first ConverseStream event (p50 / p99);
// - 100 concurrent ConverseStream calls (wall time and events/s).
// Targets (issue 3, 2-core machine): p50 < 2 ms, >= 1,000 req/s at 300 in flight, first event < 5 ms.
// Set-ups measured:
// 1. SDK defaults. The bedrock-runtime client sets disableConcurrentStreams: true, so it opens a new
//    TCP connection and HTTP/2 session for every request; connection set-up dominates.
// 2. A shared HTTP/2 session: requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: false }).
// 3. As 2, with the emulator in its own process (npm run emulator), so SDK and server get a core each.
// 4. As 1 (SDK defaults), with the emulator in its own process.
// In 1 and 2 the emulator runs in the SDK's process, as notebooks and tests run it.
// Run: npm run bench:emulator [-- --quick]
import { spawn } from "node:child_process";
import { join } from "node:path";
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { NodeHttp2Handler } from "@smithy/node-http-handler";
import { startEmulator } from "bedrock-emulator";

const quick = process.argv.includes("--quick");
const N_SEQ = quick ? 300 : 1000;
const N_CONC = quick ? 3000 : 10000;
const IN_FLIGHT = 300;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (x: number) => x.toFixed(2) + " ms";

/** Starts the CLI in a child process and resolves its URL once it prints it. */
function startSeparate(): Promise<{ url: string; close(): Promise<void> }> {
  const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["emulator/src/cli.ts", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, BEDROCK_EMULATOR_FAULTS: "", BEDROCK_EMULATOR_OPENAI_URL: "" } });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1], close: () => new Promise((r) => { child.once("exit", () => r()); child.kill("SIGTERM"); }) });
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

async function bench(label: string, emu: { url: string; close(): Promise<void> }, sharedSession: boolean) {
  const client = new BedrockRuntimeClient({
    endpoint: emu.url,
    region: "us-east-1",
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    maxAttempts: 1,
    ...(sharedSession ? { requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: false }) } : {}),
  });
  const input = {
    modelId: "us.amazon.nova-micro-v1:0",
    system: [{ text: "Eres un asistente conciso." }],
    messages: [{ role: "user" as const, content: [{ text: "Resume en una frase qué es Amazon Bedrock." }] }],
    inferenceConfig: { maxTokens: 200, temperature: 0.2 },
  };

  // Warm up: JIT, the HTTP/2 session, the catalog.
  for (let i = 0; i < 200; i++) await client.send(new ConverseCommand(input));

  const seq: number[] = [];
  for (let i = 0; i < N_SEQ; i++) {
    const t = performance.now();
    await client.send(new ConverseCommand(input));
    seq.push(performance.now() - t);
  }
  seq.sort((a, b) => a - b);

  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < N_CONC) {
        next++;
        await client.send(new ConverseCommand(input));
      }
    }),
  );
  const concSeconds = (performance.now() - t0) / 1000;

  const first: number[] = [];
  for (let i = 0; i < (quick ? 200 : 500); i++) {
    const t = performance.now();
    const res = await client.send(new ConverseStreamCommand(input));
    let seen = false;
    for await (const _ of res.stream!) {
      if (!seen) {
        first.push(performance.now() - t);
        seen = true;
      }
    }
  }
  first.sort((a, b) => a - b);

  const t1 = performance.now();
  let events = 0;
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      const res = await client.send(new ConverseStreamCommand(input));
      for await (const _ of res.stream!) events++;
    }),
  );
  const streamsMs = performance.now() - t1;

  await emu.close();
  client.destroy();
  console.log(`\n${label}`);

  const rows: [string, string, string][] = [
    ["Converse p50 (sequential)", ms(pct(seq, 50)), "< 2 ms"],
    ["Converse p99 (sequential)", ms(pct(seq, 99)), ""],
    [`Converse req/s (${IN_FLIGHT} in flight, ${N_CONC} requests)`, (N_CONC / concSeconds).toFixed(0), ">= 1000"],
    ["ConverseStream first event p50", ms(pct(first, 50)), "< 5 ms"],
    ["ConverseStream first event p99", ms(pct(first, 99)), ""],
    ["100 concurrent ConverseStream: wall time", ms(streamsMs), ""],
    ["100 concurrent ConverseStream: events", `${events} (${((events / streamsMs) * 1000).toFixed(0)}/s)`, ""],
  ];
  for (const [name, value, target] of rows) console.log(`${name.padEnd(52)} ${value.padStart(14)}  ${target}`);
}

async function main() {
  console.log(`Bedrock emulator benchmark — Node ${process.version}, ${new Date().toISOString()}${quick ? " (quick)" : ""}`);
  await bench("1. SDK defaults (a new HTTP/2 session per request), emulator in-process:", await startEmulator({ env: {} }), false);
  await bench("2. Shared HTTP/2 session, emulator in-process:", await startEmulator({ env: {} }), true);
  await bench("3. Shared HTTP/2 session, emulator in its own process:", await startSeparate(), true);
  await bench("4. SDK defaults, emulator in its own process:", await startSeparate(), false);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
