// Benchmark of the offline emulator over loopback, through the real AWS SDK client (HTTP/2):
// - Converse latency p50 / p99 with one request at a time;
// - Converse requests/s with 300 in flight;
// - time to the first ConverseStream event (p50 / p99);
// - 100 concurrent ConverseStream calls (wall time and events/s);
// - CPU per 1,000 Converse calls: the emulator's own process (set-ups 3 and 4, read from
//   /proc/<pid>/stat), and the whole process, SDK client included, when they share one (1 and 2).
// Targets (issue 3, 2-core machine): p50 < 2 ms, >= 1,000 req/s at 300 in flight, first event < 5 ms.
// Set-ups measured:
// 1. SDK defaults. The bedrock-runtime client sets disableConcurrentStreams: true, so it opens a new
//    TCP connection and HTTP/2 session for every request; connection set-up dominates.
// 2. A shared HTTP/2 session: requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: false }).
// 3. As 2, with the emulator in its own process (the CLI), so SDK and server get a core each.
// 4. As 1 (SDK defaults), with the emulator in its own process.
// 5. As 3 and 6. As 4, against the transport floor (scripts/bench-floor-server.ts): a bare node:http2
//    server answering fixed bytes, i.e. what Node's HTTP/2 stack alone costs per call.
// In 1 and 2 the emulator runs in the SDK's process, as notebooks and tests run it.
// Run: npm run bench:emulator [-- --quick] [--only 3,4,5,6] [--emulator-dir DIR] [--cpu-prof DIR]
//   --emulator-dir: run set-ups 3 and 4 against the emulator in DIR (e.g. an older checkout, to compare)
//   --cpu-prof: write a V8 CPU profile of each separate emulator process into DIR
//   --tsx: run the separate emulator from its TypeScript sources even when packages/emulator/dist/ is built
// Set-ups 3 and 4 run the compiled CLI (packages/emulator/dist/packages/emulator/src/cli.js, `npm run build -w packages/emulator`) when it
// exists, as `npx bedrock-emulator` runs it; otherwise the sources through tsx.
// Every emulator process it starts is stopped on every path: success, failure, Ctrl+C, and a
// start-up timeout.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { NodeHttp2Handler } from "@smithy/node-http-handler";
import { startEmulator } from "bedrock-emulator/node";

const args = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    "emulator-dir": { type: "string" },
    "cpu-prof": { type: "string" },
    tsx: { type: "boolean", default: false },
  },
}).values;
const quick = args.quick!;
const only = args.only ? new Set(args.only.split(",").map((s) => Number(s.trim()))) : undefined;
const N_SEQ = quick ? 300 : 1000;
const N_CONC = quick ? 3000 : 10000;
const IN_FLIGHT = 300;
const START_TIMEOUT_MS = 20_000;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (x: number) => x.toFixed(2) + " ms";

// ---- processes we start, stopped on every path --------------------------------------------------
const children = new Set<ChildProcess>();
function killAll(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
}
process.on("exit", killAll);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

interface Emulator {
  url: string;
  /** CPU seconds the emulator's own process has used so far; undefined when it shares ours. */
  serverCpu(): number | undefined;
  close(): Promise<void>;
}

const CLK_TCK = 100; // Linux USER_HZ; /proc/<pid>/stat counts in these ticks.
function procCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the command name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** Starts the CLI (or the transport floor) in a child Node process and resolves once it prints its URL. */
function startSeparate(floor = false): Promise<Emulator> {
  const dir = resolve(args["emulator-dir"] ?? process.cwd());
  const prof = args["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", resolve(args["cpu-prof"])] : [];
  const compiled = join(dir, "packages/emulator/dist/packages/emulator/src/cli.js");
  const entry = floor
    ? ["--import", "tsx", join(process.cwd(), "scripts/bench-floor-server.ts")]
    : !args.tsx && existsSync(compiled)
      ? [compiled]
      : ["--import", "tsx", join(dir, "packages/emulator/src/cli.ts")];
  console.log(`  (emulator process: ${entry.join(" ")})`);
  const child = spawn(process.execPath, [...prof, ...entry, ...(floor ? ["0"] : ["--port", "0"])], {
    cwd: dir,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, BEDROCK_EMULATOR_FAULTS: "", BEDROCK_EMULATOR_OPENAI_URL: "", NODE_OPTIONS: "" },
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  const stop = () =>
    new Promise<void>((r) => {
      if (child.exitCode !== null || child.signalCode !== null) return r();
      const hard = setTimeout(() => child.kill("SIGKILL"), 5000);
      child.once("exit", () => {
        clearTimeout(hard);
        r();
      });
      child.kill("SIGTERM");
    });
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the emulator did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    let out = "";
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveStart({ url: m[1], serverCpu: () => procCpuSeconds(child.pid!), close: stop });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code}`));
    });
  });
}

async function inProcess(): Promise<Emulator> {
  const emu = await startEmulator({ env: {} });
  return { url: emu.url, serverCpu: () => undefined, close: () => emu.close() };
}

const processCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function bench(label: string, start: () => Promise<Emulator>, sharedSession: boolean) {
  const emu = await start();
  const client = new BedrockRuntimeClient({
    endpoint: emu.url,
    region: "us-east-1",
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    maxAttempts: 1,
    ...(sharedSession ? { requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: false }) } : {}),
  });
  try {
    const input = {
      modelId: "us.amazon.nova-micro-v1:0",
      system: [{ text: "Eres un asistente conciso." }],
      messages: [{ role: "user" as const, content: [{ text: "Resume en una frase qué es Amazon Bedrock." }] }],
      inferenceConfig: { maxTokens: 200, temperature: 0.2 },
    };

    // Warm up: JIT, the HTTP/2 session, the catalog.
    for (let i = 0; i < 200; i++) await client.send(new ConverseCommand(input));

    const cpu0 = { server: emu.serverCpu(), all: processCpu() };
    const seq: number[] = [];
    for (let i = 0; i < N_SEQ; i++) {
      const t = performance.now();
      await client.send(new ConverseCommand(input));
      seq.push(performance.now() - t);
    }
    seq.sort((a, b) => a - b);
    const cpu1 = { server: emu.serverCpu(), all: processCpu() };

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
    const cpu2 = { server: emu.serverCpu(), all: processCpu() };

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

    const per1000 = (a: number | undefined, b: number | undefined, n: number) => (a === undefined || b === undefined ? "n/a" : `${(((b - a) / n) * 1000 * 1000).toFixed(0)} ms`);
    const separate = cpu0.server !== undefined;
    console.log(`\n${label}`);
    const rows: [string, string, string][] = [
      ["Converse p50 (sequential)", ms(pct(seq, 50)), "< 2 ms"],
      ["Converse p99 (sequential)", ms(pct(seq, 99)), ""],
      [`Converse req/s (${IN_FLIGHT} in flight, ${N_CONC} requests)`, (N_CONC / concSeconds).toFixed(0), ">= 1000"],
      ["ConverseStream first event p50", ms(pct(first, 50)), "< 5 ms"],
      ["ConverseStream first event p99", ms(pct(first, 99)), ""],
      ["100 concurrent ConverseStream: wall time", ms(streamsMs), ""],
      ["100 concurrent ConverseStream: events", `${events} (${((events / streamsMs) * 1000).toFixed(0)}/s)`, ""],
      separate
        ? ["Emulator CPU per 1,000 calls, sequential", per1000(cpu0.server, cpu1.server, N_SEQ), ""]
        : ["Process CPU (SDK + emulator) per 1,000 calls, sequential", per1000(cpu0.all, cpu1.all, N_SEQ), ""],
      separate
        ? [`Emulator CPU per 1,000 calls, ${IN_FLIGHT} in flight`, per1000(cpu1.server, cpu2.server, N_CONC), ""]
        : [`Process CPU (SDK + emulator) per 1,000 calls, ${IN_FLIGHT} in flight`, per1000(cpu1.all, cpu2.all, N_CONC), ""],
      ...(separate ? [["Client process CPU per 1,000 calls, sequential", per1000(cpu0.all, cpu1.all, N_SEQ), ""] as [string, string, string]] : []),
    ];
    for (const [name, value, target] of rows) console.log(`${name.padEnd(60)} ${value.padStart(14)}  ${target}`);
  } finally {
    client.destroy();
    await emu.close();
  }
}

async function main() {
  const where = args["emulator-dir"] ? ` (separate process from ${resolve(args["emulator-dir"])})` : "";
  console.log(`Bedrock emulator benchmark — Node ${process.version}, ${new Date().toISOString()}${quick ? " (quick)" : ""}${where}`);
  const setups: [number, string, () => Promise<Emulator>, boolean][] = [
    [1, "1. SDK defaults (a new HTTP/2 session per request), emulator in-process:", inProcess, false],
    [2, "2. Shared HTTP/2 session, emulator in-process:", inProcess, true],
    [3, "3. Shared HTTP/2 session, emulator in its own process:", startSeparate, true],
    [4, "4. SDK defaults, emulator in its own process:", startSeparate, false],
    [5, "5. As 3, against the transport floor (bare node:http2, fixed replies):", () => startSeparate(true), true],
    [6, "6. As 4, against the transport floor (bare node:http2, fixed replies):", () => startSeparate(true), false],
  ];
  // Without --only: 1-4, the emulator's figures; 5 and 6 on request, for the floor comparison.
  for (const [n, label, start, shared] of setups) if (only ? only.has(n) : n <= 4) await bench(label, start, shared);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    killAll();
    // The SDK's sockets may linger; leave promptly.
    setTimeout(() => process.exit(), 200).unref();
  });
