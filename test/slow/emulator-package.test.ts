// bedrock-emulator works outside this repository: `npm pack` gives compiled JS, types, a
// `bedrock-emulator` bin and the README; installed from the tarball into a scratch project,
// `npx bedrock-emulator --port N` serves a plain SDK client, and the test helper works there too.
// The pack runs in a temporary copy of the package, so this repository's files are never touched.
// Needs the npm registry (or npm's cache) for the scratch project's @aws-sdk/client-bedrock-runtime.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = resolve(__dirname, "..", "..");
let work: string;
let scratch: string;
let tarball: string;
const started: ChildProcess[] = [];

function run(cmd: string, args: string[], cwd: string, timeout = 120_000): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", timeout, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => res(port));
    });
  });
}

/** Stops a process group we started (npx runs the bin in a child of its own). */
function stop(child: ChildProcess): void {
  if (child.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "bedrock-emulator-pack-"));
  // A minimal copy of the repository: the package, the data it ships, the root manifest (version
  // ranges of its dependencies) and node_modules (the TypeScript compiler).
  const pkg = join(work, "repo", "packages", "emulator");
  mkdirSync(pkg, { recursive: true });
  for (const entry of ["src", "scripts", "package.json", "tsconfig.build.json", "README.md"]) cpSync(join(repo, "packages", "emulator", entry), join(pkg, entry), { recursive: true });
  mkdirSync(join(work, "repo", "data"));
  for (const f of ["catalog.json", "sampling-rules.json", "prompt-management.json"]) cpSync(join(repo, "data", f), join(work, "repo", "data", f));
  cpSync(join(repo, "package.json"), join(work, "repo", "package.json"));
  symlinkSync(join(repo, "node_modules"), join(work, "repo", "node_modules"));
  run("npm", ["pack", "--silent", "--pack-destination", work], pkg);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);

  scratch = join(work, "scratch");
  mkdirSync(scratch);
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", version: "1.0.0", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball, "@aws-sdk/client-bedrock-runtime"], scratch, 180_000);
}, 240_000);

afterAll(() => {
  for (const c of started) stop(c);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed bedrock-emulator", () => {
  it("holds compiled JS, types, the bin and the README, and no TypeScript sources", () => {
    const files = run("tar", ["-tzf", tarball], work).split("\n").filter(Boolean);
    const out = "package/dist/packages/emulator/src";
    for (const f of [`${out}/index.js`, `${out}/index.d.ts`, `${out}/node.js`, `${out}/sdk-handler.js`, `${out}/testing.js`, `${out}/cli.js`, "package/dist/data/catalog.json", "package/README.md"]) expect(files).toContain(f);
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    const installed = join(scratch, "node_modules", "bedrock-emulator");
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    expect(manifest.bin).toEqual({ "bedrock-emulator": "dist/packages/emulator/src/cli.js" });
    expect(Object.keys(manifest.exports)).toEqual([".", "./node", "./testing", "./sdk-handler", "./package.json"]);
    expect(readFileSync(join(installed, "dist", "packages", "emulator", "src", "cli.js"), "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
    expect(existsSync(join(scratch, "node_modules", ".bin", "bedrock-emulator"))).toBe(true);
  });

  it("serves a plain SDK client after `npx bedrock-emulator --port N`", async () => {
    const port = await freePort();
    const child = spawn("npx", ["--no-install", "bedrock-emulator", "--port", String(port)], { cwd: scratch, detached: true, stdio: ["ignore", "pipe", "pipe"], timeout: 55_000 });
    started.push(child);
    try {
      await new Promise<void>((res, rej) => {
        const timer = setTimeout(() => rej(new Error("bedrock-emulator did not start within 20 s")), 20_000);
        let out = "";
        child.stdout!.on("data", (c) => {
          out += c;
          if (out.includes(`listening on http://127.0.0.1:${port}`)) {
            clearTimeout(timer);
            res();
          }
        });
        child.once("exit", (code) => {
          clearTimeout(timer);
          rej(new Error(`bedrock-emulator exited with ${code}`));
        });
      });
      writeFileSync(
        join(scratch, "converse.mjs"),
        `import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
const client = new BedrockRuntimeClient({ endpoint: "http://127.0.0.1:${port}", region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
const out = await client.send(new ConverseCommand({ modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user", content: [{ text: "Hello from a scratch project" }] }] }));
console.log(JSON.stringify({ stopReason: out.stopReason, role: out.output.message.role }));
`,
      );
      const out = run("node", ["converse.mjs"], scratch, 30_000);
      expect(JSON.parse(out.trim().split("\n").at(-1)!)).toEqual({ stopReason: "end_turn", role: "assistant" });
    } finally {
      stop(child);
    }
  }, 60_000);

  it("its test helper starts on a free port, sets the env vars a default client reads, and restores them", () => {
    writeFileSync(
      join(scratch, "helper.mjs"),
      `import { startBedrockEmulatorForTests } from "bedrock-emulator/node";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
delete process.env.AWS_ENDPOINT_URL;
const emu = await startBedrockEmulatorForTests();
const out = await new BedrockRuntimeClient({}).send(new ConverseCommand({ modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user", content: [{ text: "Hello there" }] }] }));
await emu.stop();
console.log(JSON.stringify({ stopReason: out.stopReason, restored: process.env.AWS_ENDPOINT_URL === undefined }));
`,
    );
    const out = run("node", ["helper.mjs"], scratch, 30_000);
    expect(JSON.parse(out.trim().split("\n").at(-1)!)).toEqual({ stopReason: "end_turn", restored: true });
  }, 60_000);
});
