// Prompt Management persistence: with a data dir the prompts survive a restart, every answer is
// on disk before the client gets it, and the file is never seen half-written, even when the
// process is killed in the middle of a write. Writes are paused at chosen points rather than raced,
// so no verdict depends on how fast the machine or its disk is.
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
import { startEmulator } from "bedrock-emulator/node";
import { PromptStore, type PromptVariant as StoreVariant } from "../../packages/emulator/src/prompts";
import { filePromptPersistence } from "../../packages/emulator/src/file-persistence";

/** A store saved in `dataDir`, as the Node entry builds it for startEmulator({ dataDir }). */
const fileStore = (dataDir: string) => new PromptStore({ persistence: filePromptPersistence(dataDir) });
import { clients, textVariant } from "./prompts-helpers";

const here = path.dirname(fileURLToPath(import.meta.url));
const storeModule = path.resolve(here, "../../packages/emulator/src/prompts/store.ts");
const fileModule = path.resolve(here, "../../packages/emulator/src/file-persistence.ts");
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
    const store = fileStore(dataDir);
    await store.create("us-east-1", { name: "renamed-in" });
    expect(renames).toHaveLength(1);
    const [from, to] = renames[0];
    expect(to).toBe(path.join(dataDir, "prompts.json"));
    expect(path.dirname(from)).toBe(dataDir);
    expect(from).toMatch(/prompts\.json\.\d+\.\d+\.tmp$/);
    expect(fs.existsSync(from)).toBe(false);
  });

  it("never exposes a half-written file: paused in the middle of each write, prompts.json is the last whole one", async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, "prompts.json");
    const store = fileStore(dataDir);
    const p = await store.create("us-east-1", {
      name: "busy",
      // The SDK's and the store's variant types differ only in optionality.
      variants: [textVariant(`Long template ${"lorem ipsum ".repeat(400)} {{x}}`, ["x"]) as unknown as StoreVariant],
    });
    // Every temp-file write is split in two, and between the halves (a torn temp file on disk) the test
    // reads prompts.json as any reader would. No timing involved: each write is checked, however fast.
    const seen: { torn: boolean; versionsOnDisk: number; versionsBeingWritten: number }[] = [];
    const realOpen = fs.promises.open;
    vi.spyOn(fs.promises, "open").mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const fh = await realOpen(...args);
      if (args[1] !== "w") return fh;
      const tmp = String(args[0]);
      return new Proxy(fh, {
        get(target, prop) {
          if (prop === "writeFile") {
            return async (body: string) => {
              const bytes = Buffer.from(body, "utf8");
              await target.write(bytes.subarray(0, bytes.length >> 1));
              const torn = (() => {
                try {
                  JSON.parse(fs.readFileSync(tmp, "utf8"));
                  return false;
                } catch {
                  return true;
                }
              })();
              const onDisk = JSON.parse(fs.readFileSync(file, "utf8")) as ReturnType<typeof readStoreFile>;
              const writing = JSON.parse(body) as ReturnType<typeof readStoreFile>;
              seen.push({
                torn,
                versionsOnDisk: Object.keys(onDisk.prompts[0].versions).length,
                versionsBeingWritten: Object.keys(writing.prompts[0].versions).length,
              });
              await target.write(bytes.subarray(bytes.length >> 1));
            };
          }
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    });
    const versions = await Promise.all(Array.from({ length: 200 }, () => store.createVersion("us-east-1", p.id)));
    vi.restoreAllMocks();
    expect(seen.length).toBeGreaterThan(0);
    for (const s of seen) {
      expect(s.torn).toBe(true); // the pause really was mid-write…
      expect(s.versionsOnDisk).toBeLessThan(s.versionsBeingWritten); // …and readers saw the previous whole file
    }
    expect(versions.map((v) => Number(v.version)).sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(Object.keys(readStoreFile(dataDir).prompts[0].versions)).toHaveLength(200);
  });

  // A writer process pauses at a chosen point of its second write (version 2) and is killed there, so every
  // point is hit on every machine, fast or slow. What the next start must find at each point:
  it.each([
    ["with the temp file half written", "mid-write", [1]],
    ["with the temp file whole but not yet renamed", "before-rename", [1]],
    ["after the rename, before the folder is synced", "after-rename", [1, 2]],
  ] as const)("survives being killed %s: the file loads, with consecutive versions", { timeout: 100_000 }, async (_label, point, expected) => {
    const script = [
      `const fs = require("node:fs");`,
      `const { PromptStore } = require(${JSON.stringify(storeModule)});`,
      `const [dataDir, point] = process.argv.slice(2);`,
      `const { filePromptPersistence } = require(${JSON.stringify(fileModule)});`,
      `const store = new PromptStore({ persistence: filePromptPersistence(dataDir) });`,
      `const pause = (what) => { process.stdout.write("paused " + what + "\\n"); return new Promise(() => {}); };`,
      `function arm() {`,
      `  const { open, rename } = fs.promises;`,
      `  if (point === "mid-write") fs.promises.open = async (...a) => {`,
      `    const fh = await open(...a);`,
      `    if (a[1] !== "w") return fh;`,
      `    return { writeFile: async (body) => { await fh.write(body.slice(0, body.length >> 1)); await pause(a[0]); }, sync: () => fh.sync(), close: () => fh.close() };`,
      `  };`,
      `  if (point === "before-rename") fs.promises.rename = (from) => pause(from);`,
      `  if (point === "after-rename") fs.promises.rename = async (from, to) => { await rename(from, to); await pause(from); };`,
      `}`,
      `(async () => {`,
      `  const p = await store.create("us-east-1", { name: "crash", variants: [{ name: "v", templateType: "TEXT",`,
      `    templateConfiguration: { text: { text: "x".repeat(20000) + " {{y}}", inputVariables: [{ name: "y" }] } } }] });`,
      `  await store.createVersion("us-east-1", p.id, { description: "first" });`,
      `  arm();`,
      `  await store.createVersion("us-east-1", p.id, { description: "second" });`,
      `  process.stdout.write("not paused\\n");`,
      `})();`,
    ].join("\n");
    const dataDir = tempDir();
    const scriptFile = path.join(dataDir, "..", `${path.basename(dataDir)}-writer.cjs`);
    fs.writeFileSync(scriptFile, script);
    let tmp: string;
    try {
      const child = spawn(process.execPath, ["--require", "tsx/cjs", scriptFile, dataDir, point], {
        cwd: projectRoot,
        stdio: ["ignore", "pipe", "pipe"],
        // tsx compiles the store on the child's start: slow on a loaded machine (npm test's lanes).
        timeout: 90_000,
      });
      const exited = new Promise((r) => child.once("exit", r));
      try {
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += d));
        tmp = await new Promise<string>((resolve, reject) => {
          let out = "";
          child.stdout.on("data", (d) => {
            out += d;
            const m = /paused (\S+)\n/.exec(out);
            if (m) resolve(m[1]);
            else if (out.includes("not paused")) reject(new Error("the writer never reached the pause point"));
          });
          child.once("exit", (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
        });
        // Killed where it paused: mid-write, the temp file on disk is torn.
        if (point === "mid-write") expect(() => JSON.parse(fs.readFileSync(tmp, "utf8"))).toThrow();
        if (point === "before-rename") expect(fs.existsSync(tmp)).toBe(true);
      } finally {
        child.kill("SIGKILL");
        await exited;
      }
    } finally {
      fs.rmSync(scriptFile, { force: true });
    }
    // Loading must succeed (a torn prompts.json would throw) and drop any stray temp file.
    const reloaded = fileStore(dataDir);
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const [summary] = reloaded.list("us-east-1").promptSummaries;
    expect(summary.name).toBe("crash");
    const versions = reloaded.list("us-east-1", { promptIdentifier: summary.id, maxResults: 1000 }).promptSummaries;
    expect(versions.slice(1).map((v) => Number(v.version))).toEqual(expected);
    // The next version continues the sequence.
    const next = await reloaded.createVersion("us-east-1", summary.id);
    expect(Number(next.version)).toBe(expected.length + 1);
  });

  it("refuses a damaged prompts.json with a clear message, and ignores leftover temp files", () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, "prompts.json.999.1.tmp"), '{"half": ');
    const empty = fileStore(dataDir);
    expect(empty.count()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "prompts.json.999.1.tmp"))).toBe(false);

    fs.writeFileSync(path.join(dataDir, "prompts.json"), '{"format": "bedrock-emulator-prompts", "prom');
    expect(() => fileStore(dataDir)).toThrow(/prompts\.json is not valid JSON/);
    fs.writeFileSync(path.join(dataDir, "prompts.json"), JSON.stringify({ something: "else" }));
    expect(() => fileStore(dataDir)).toThrow(/not a Bedrock emulator prompt store/);
  });

  it("stays in memory without a data dir", async () => {
    const store = new PromptStore();
    await store.create("us-east-1", { name: "memory-only" });
    expect(store.where).toBeUndefined();
    expect(store.count("us-east-1")).toBe(1);
  });
});
