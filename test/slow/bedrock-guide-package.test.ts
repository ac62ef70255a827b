// bedrock-guide installs on its own: `npm pack` in packages/bedrock-guide gives compiled JS, types
// and the data files it imports (from data/, emitted by the compiler: no copy is committed). Its
// AWS SDK clients and bedrock-emulator are peers, so the scratch project installs the emulator's
// tarball beside it, as a reader would. Then the kit runs from plain Node, CommonJS and ESM: a
// session offline against the emulator, a prompt check, error advice in the reader's language.
// Both packs run in a temporary copy of the repository's packages, so this checkout is never
// touched. Needs the npm registry (or npm's cache) for the scratch project's SDK clients.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = resolve(__dirname, "..", "..");
let work: string;
let scratch: string;
let guideTarball: string;

function run(cmd: string, args: string[], cwd: string, timeout = 120_000): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", timeout, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });
}

/** Packs one package of the temporary repository; returns the tarball's path. */
function pack(folder: string, into: string): string {
  mkdirSync(into, { recursive: true });
  run("npm", ["pack", "--silent", "--pack-destination", into], folder);
  return join(into, readdirSync(into).find((f) => f.endsWith(".tgz"))!);
}

const lastLine = (out: string) => JSON.parse(out.trim().split("\n").at(-1)!);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "bedrock-guide-pack-"));
  // A minimal copy of the repository: both packages, data/, the root manifest (version ranges) and
  // node_modules (the TypeScript compiler, the SDK's declarations).
  const copy = join(work, "repo");
  const skip = (src: string) => !/[\\/](dist|node_modules|\.pack-work)$/.test(src);
  for (const pkg of ["emulator", "bedrock-guide"]) cpSync(join(repo, "packages", pkg), join(copy, "packages", pkg), { recursive: true, filter: skip });
  cpSync(join(repo, "data"), join(copy, "data"), { recursive: true });
  cpSync(join(repo, "package.json"), join(copy, "package.json"));
  symlinkSync(join(repo, "node_modules"), join(copy, "node_modules"));
  const emulatorTarball = pack(join(copy, "packages", "emulator"), join(work, "emulator-pack"));
  guideTarball = pack(join(copy, "packages", "bedrock-guide"), join(work, "guide-pack"));

  scratch = join(work, "scratch");
  mkdirSync(scratch);
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", version: "1.0.0", private: true }));
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", emulatorTarball, guideTarball, "@aws-sdk/client-bedrock-runtime"], scratch, 180_000);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed bedrock-guide", () => {
  it("holds compiled JS, types and its data files, and no TypeScript sources", () => {
    const files = run("tar", ["-tzf", guideTarball], work).split("\n").filter(Boolean);
    for (const f of ["index.js", "index.d.ts", "node.js", "prompt-checks/index.js"]) expect(files).toContain(`package/dist/packages/bedrock-guide/${f}`);
    for (const f of ["prices.json", "sampling-rules.json", "prompt-management.json"]) expect(files).toContain(`package/dist/data/${f}`);
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    // The data shipped is data/'s, byte for byte.
    const shipped = run("tar", ["-xzOf", guideTarball, "package/dist/data/prices.json"], work);
    expect(JSON.parse(shipped)).toEqual(JSON.parse(readFileSync(join(repo, "data", "prices.json"), "utf8")));
  });

  it("names the AWS SDK clients and the emulator as peers, and what its own code imports as dependencies", () => {
    const manifest = JSON.parse(readFileSync(join(scratch, "node_modules", "bedrock-guide", "package.json"), "utf8"));
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual([
      "@aws-sdk/client-bedrock",
      "@aws-sdk/client-bedrock-agent",
      "@aws-sdk/client-bedrock-agent-runtime",
      "@aws-sdk/client-bedrock-runtime",
      "@aws-sdk/client-sts",
      "bedrock-emulator",
    ]);
    expect(Object.keys(manifest.dependencies).sort()).toEqual(["@aws-sdk/credential-providers", "tinyld", "zod"]);
    // npm installed the peers the scratch project did not name.
    for (const peer of ["client-bedrock", "client-bedrock-agent", "client-bedrock-agent-runtime", "client-sts"]) {
      expect(readdirSync(join(scratch, "node_modules", "@aws-sdk"))).toContain(peer);
    }
  });

  it("runs a prompt check against the offline emulator from CommonJS", () => {
    writeFileSync(
      join(scratch, "check.cjs"),
      `const { startGuide, modelIdFor, checks, checkAnswer } = require("bedrock-guide");
const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");
(async () => {
  const guide = await startGuide({ lang: "en", region: "eu-west-1", quiet: true });
  const modelId = await modelIdFor("amazon.nova-lite-v1:0");
  const answer = await new BedrockRuntimeClient({}).send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: "Explain how to brew tea in exactly 3 numbered steps." }] }] }));
  const report = await checkAnswer(answer, [checks.numberedSteps({ count: 3 })]);
  await guide.stop();
  console.log(JSON.stringify({ mode: guide.mode, endpoint: guide.endpoint.startsWith("http://127.0.0.1:"), passed: report.passed }));
})();
`,
    );
    expect(lastLine(run(process.execPath, ["check.cjs"], scratch, 60_000))).toEqual({ mode: "offline", endpoint: true, passed: true });
  }, 90_000);

  it("runs from ESM too, and its advice speaks the reader's language", () => {
    writeFileSync(
      join(scratch, "check.mjs"),
      `import { startGuide, modelIdFor, checks, checkAnswer } from "bedrock-guide";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
const guide = await startGuide({ lang: "es", region: "eu-west-1", quiet: true });
const client = new BedrockRuntimeClient({});
const ask = (modelId) => client.send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: "Responde en 10 palabras como máximo: ¿qué es Amazon Bedrock?" }] }] }));
// Nova Lite is called through a profile from Ireland: its bare ID fails, with the guide's advice.
const advice = await ask("amazon.nova-lite-v1:0").then(() => undefined, (error) => error.advice);
const report = await checkAnswer(await ask(await modelIdFor("amazon.nova-lite-v1:0")), [checks.maxWords(10)]);
await guide.stop();
console.log(JSON.stringify({ problem: advice?.problem, title: advice?.title, passed: report.passed }));
`,
    );
    expect(lastLine(run(process.execPath, ["check.mjs"], scratch, 60_000))).toEqual({
      problem: "needs-inference-profile",
      title: "Este modelo solo se invoca a través de un perfil de inferencia",
      passed: true,
    });
  }, 90_000);
});
