// Prompt Management persistence: with a data dir the prompts survive a restart, every answer is
// on disk before the client gets it, and the file is never seen half-written, even when the
// process is killed in the middle of a write.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  CreatePromptCommand,
  CreatePromptVersionCommand,
  GetPromptCommand,
  ListPromptsCommand,
  UpdatePromptCommand,
} from "@aws-sdk/client-bedrock-agent";
import { startEmulator } from "bedrock-emulator";
import { PromptStore, type PromptVariant as StoreVariant } from "bedrock-emulator/src/prompt-store";
import { clients, textVariant } from "./prompts-helpers";

const here = path.dirname(fileURLToPath(import.meta.url));
const storeModule = path.resolve(here, "../../emulator/src/prompt-store.ts");
const projectRoot = path.resolve(here, "../..");

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "bedrock-prompts-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function readStoreFile(dir: string): { prompts: { id: string; versions: Record<string, unknown>; draft: { name: string } }[] } {
  return JSON.parse(fs.readFileSync(path.join(dir, "prompts.json"), "utf8"));
}

describe("persistence with a data dir", () => {
  it("keeps prompts, drafts and versions across an emulator restart", async () => {
    const dataDir = tempDir();
    const first = await startEmulator({ dataDir });
    const a = clients(first.url).agent;
    const created = await a.send(
      new CreatePromptCommand({
        name: "persisted",
        description: "survives restarts",
        defaultVariant: "main",
        variants: [textVariant("Translate {{text}} into {{language}}.", ["text", "language"])],
      }),
    );
    await a.send(new CreatePromptVersionCommand({ promptIdentifier: created.id, description: "v1 notes" }));
    await a.send(
      new UpdatePromptCommand({
        promptIdentifier: created.id,
        name: "persisted",
        defaultVariant: "main",
        variants: [textVariant("Translate {{text}} into {{language}}, formally.", ["text", "language"])],
      }),
    );
    await a.send(new CreatePromptVersionCommand({ promptIdentifier: created.id }));
    const before = {
      draft: await a.send(new GetPromptCommand({ promptIdentifier: created.id })),
      v1: await a.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: "1" })),
      v2: await a.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: "2" })),
    };
    a.destroy();
    await first.close();

    const second = await startEmulator({ dataDir });
    const b = clients(second.url).agent;
    try {
      for (const [version, old] of [["DRAFT", before.draft], ["1", before.v1], ["2", before.v2]] as const) {
        const now = await b.send(new GetPromptCommand({ promptIdentifier: created.arn, promptVersion: version }));
        const { $metadata: _a, ...oldBody } = old;
        const { $metadata: _b, ...newBody } = now;
        expect(newBody).toEqual(oldBody);
      }
      expect(before.v1.description).toBe("v1 notes");
      expect(before.v1.variants![0].templateConfiguration!.text!.text).toBe("Translate {{text}} into {{language}}.");
      const listed = await b.send(new ListPromptsCommand({ promptIdentifier: created.id }));
      expect(listed.promptSummaries!.map((s) => s.version)).toEqual(["DRAFT", "1", "2"]);
      // Numbering continues where it stopped.
      const v3 = await b.send(new CreatePromptVersionCommand({ promptIdentifier: created.id }));
      expect(v3.version).toBe("3");
      // And the name is still taken after the restart.
      await expect(b.send(new CreatePromptCommand({ name: "persisted" }))).rejects.toMatchObject({ name: "ConflictException" });
    } finally {
      b.destroy();
      await second.close();
    }
  });

  it("has each change on disk before the client gets its answer", async () => {
    const dataDir = tempDir();
    const emu = await startEmulator({ dataDir });
    const a = clients(emu.url).agent;
    try {
      const created = await a.send(new CreatePromptCommand({ name: "durable" }));
      expect(readStoreFile(dataDir).prompts.map((p) => p.id)).toContain(created.id);
      await a.send(new CreatePromptVersionCommand({ promptIdentifier: created.id }));
      expect(Object.keys(readStoreFile(dataDir).prompts.find((p) => p.id === created.id)!.versions)).toEqual(["1"]);
      expect(fs.readdirSync(dataDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    } finally {
      a.destroy();
      await emu.close();
    }
  });

  it("writes a temp file in the same folder and renames it over prompts.json", async () => {
    const dataDir = tempDir();
    const renames: [string, string][] = [];
    const realRename = fs.promises.rename;
    vi.spyOn(fs.promises, "rename").mockImplementation(async (from, to) => {
      renames.push([String(from), String(to)]);
      // The temp file is complete, valid JSON before it takes the real name.
      JSON.parse(fs.readFileSync(String(from), "utf8"));
      return realRename(from, to);
    });
    const store = new PromptStore({ dataDir });
    await store.create("us-east-1", { name: "renamed-in" });
    expect(renames).toHaveLength(1);
    const [from, to] = renames[0];
    expect(to).toBe(path.join(dataDir, "prompts.json"));
    expect(path.dirname(from)).toBe(dataDir);
    expect(from).toMatch(/prompts\.json\.\d+\.\d+\.tmp$/);
    expect(fs.existsSync(from)).toBe(false);
  });

  it("never exposes a half-written file to a reader while 200 versions are written", async () => {
    const dataDir = tempDir();
    const store = new PromptStore({ dataDir });
    const p = await store.create("us-east-1", {
      name: "busy",
      // The SDK's and the store's variant types differ only in optionality.
      variants: [textVariant(`Long template ${"lorem ipsum ".repeat(400)} {{x}}`, ["x"]) as unknown as StoreVariant],
    });
    let done = false;
    let reads = 0;
    const reader = (async () => {
      while (!done) {
        const text = fs.readFileSync(path.join(dataDir, "prompts.json"), "utf8");
        JSON.parse(text); // throws on a torn file
        reads++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const versions = await Promise.all(Array.from({ length: 200 }, () => store.createVersion("us-east-1", p.id)));
    done = true;
    await reader;
    expect(reads).toBeGreaterThan(10);
    expect(versions.map((v) => Number(v.version)).sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(Object.keys(readStoreFile(dataDir).prompts[0].versions)).toHaveLength(200);
  });

  it("survives being killed mid-write: the file always loads, with consecutive versions", async () => {
    const script = [
      `const { PromptStore } = require(${JSON.stringify(storeModule)});`,
      `const store = new PromptStore({ dataDir: process.argv[2] });`,
      `(async () => {`,
      `  const p = await store.create("us-east-1", { name: "crash", variants: [{ name: "v", templateType: "TEXT",`,
      `    templateConfiguration: { text: { text: "x".repeat(20000) + " {{y}}", inputVariables: [{ name: "y" }] } } }] });`,
      // "ready" only once a version exists, so even the shortest delay kills a store with history.
      `  await store.createVersion("us-east-1", p.id, { description: "first" });`,
      `  process.stdout.write("ready\\n");`,
      `  for (;;) await store.createVersion("us-east-1", p.id, { description: "looping" });`,
      `})();`,
    ].join("\n");
    const delays = [30, 120, 260];
    for (const delay of delays) {
      const dataDir = tempDir();
      const scriptFile = path.join(dataDir, "..", `${path.basename(dataDir)}-writer.cjs`);
      fs.writeFileSync(scriptFile, script);
      try {
        const child = spawn(process.execPath, ["--require", "tsx/cjs", scriptFile, dataDir], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += d));
        await new Promise<void>((resolve, reject) => {
          child.stdout.on("data", (d) => String(d).includes("ready") && resolve());
          child.on("exit", (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
        });
        await new Promise((r) => setTimeout(r, delay));
        const exited = new Promise((r) => child.on("exit", r));
        child.kill("SIGKILL");
        await exited;
      } finally {
        fs.rmSync(scriptFile, { force: true });
      }
      // Loading must succeed (a torn prompts.json would throw) and drop any stray temp file.
      const reloaded = new PromptStore({ dataDir });
      expect(fs.readdirSync(dataDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      const [summary] = reloaded.list("us-east-1").promptSummaries;
      expect(summary.name).toBe("crash");
      const versions = reloaded.list("us-east-1", { promptIdentifier: summary.id, maxResults: 1000 }).promptSummaries;
      const numbers = versions.slice(1).map((v) => Number(v.version));
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(numbers.length).toBeGreaterThan(0);
      // The next version continues the sequence.
      const next = await reloaded.createVersion("us-east-1", summary.id);
      expect(Number(next.version)).toBe(numbers.length + 1);
    }
  });

  it("refuses a damaged prompts.json with a clear message, and ignores leftover temp files", () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, "prompts.json.999.1.tmp"), '{"half": ');
    const empty = new PromptStore({ dataDir });
    expect(empty.count()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "prompts.json.999.1.tmp"))).toBe(false);

    fs.writeFileSync(path.join(dataDir, "prompts.json"), '{"format": "bedrock-emulator-prompts", "prom');
    expect(() => new PromptStore({ dataDir })).toThrow(/prompts\.json is not valid JSON/);
    fs.writeFileSync(path.join(dataDir, "prompts.json"), JSON.stringify({ something: "else" }));
    expect(() => new PromptStore({ dataDir })).toThrow(/not a Bedrock emulator prompt store/);
  });

  it("stays in memory without a data dir", async () => {
    const store = new PromptStore();
    await store.create("us-east-1", { name: "memory-only" });
    expect(store.dataFile).toBeUndefined();
    expect(store.count("us-east-1")).toBe(1);
  });
});
