// The prompt store's data file (prompts.json) beyond the crash tests in prompts-persistence: what a
// restart keeps, which files the start tidies up, which files it refuses, and the write's own
// hygiene (every handle closed, the folder synced after the rename, as the store's comments say).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PromptStore } from "../../packages/emulator/src/prompts";
import { filePromptPersistence } from "../../packages/emulator/src/file-persistence";

/** A store saved in `dataDir`, as the Node entry builds it for startEmulator({ dataDir }). */
const fileStore = (dataDir: string) => new PromptStore({ persistence: filePromptPersistence(dataDir) });

const REGION = "us-east-1";
const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "bedrock-prompt-files-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const dataFile = (dir: string) => path.join(dir, "prompts.json");
const readJson = (dir: string) => JSON.parse(fs.readFileSync(dataFile(dir), "utf8")) as Record<string, unknown>;
const writeJson = (dir: string, data: unknown) => fs.writeFileSync(dataFile(dir), JSON.stringify(data));

describe("starting on a data dir", () => {
  it("removes only its own leftover temp files", () => {
    const dir = tempDir();
    for (const f of ["prompts.json.4242.1.tmp", "prompts.json.bak", "notes.tmp", "prompts.jsonx.tmp"]) fs.writeFileSync(path.join(dir, f), "{}");
    fileStore(dir);
    // A leftover is `prompts.json.<pid>.<n>.tmp`; a backup or someone else's temp file stays.
    expect(fs.readdirSync(dir).sort()).toEqual(["notes.tmp", "prompts.json.bak", "prompts.jsonx.tmp"]);
  });

  it("refuses a prompts.json that is not JSON, naming the file", () => {
    const dir = tempDir();
    fs.writeFileSync(dataFile(dir), '{"format": "bedrock-emulator-prompts", "prom');
    expect(() => fileStore(dir)).toThrow(`${dataFile(dir)} is not valid JSON`);
  });

  it("refuses a prompts.json it cannot read instead of starting empty", () => {
    const dir = tempDir();
    fs.mkdirSync(dataFile(dir));
    expect(() => fileStore(dir)).toThrow(/EISDIR/);
  });

  it("refuses a file of another format, another format version, or without a prompt list", async () => {
    const dir = tempDir();
    const store = fileStore(dir);
    await store.create(REGION, { name: "kept" });
    const good = readJson(dir);
    for (const bad of [
      { ...good, format: "something-else" },
      { ...good, formatVersion: 2 },
      { ...good, prompts: {} },
    ]) {
      writeJson(dir, bad);
      expect(() => fileStore(dir)).toThrow(/is not a Bedrock emulator prompt store/);
    }
    writeJson(dir, good);
    expect(fileStore(dir).count()).toBe(1);
  });
});

describe("what a restart keeps", () => {
  it("the clientTokens: a retry after a restart still returns the prompt it created", async () => {
    const dir = tempDir();
    const t = "restart-token-0123456789abcdefghijklmn";
    const created = await fileStore(dir).create(REGION, { name: "retried", clientToken: t });
    const again = await fileStore(dir).create(REGION, { name: "retried", clientToken: t });
    expect(again.id).toBe(created.id);
  });

  it("the creation order: a prompt created after a restart is listed after the older ones, even after deletes", async () => {
    const dir = tempDir();
    const first = fileStore(dir);
    const [a, b] = [await first.create(REGION, { name: "a" }), await first.create(REGION, { name: "b" })];
    await first.create(REGION, { name: "c" });
    await first.delete(REGION, a.id);
    await first.delete(REGION, b.id);
    const second = fileStore(dir);
    await second.create(REGION, { name: "d" });
    expect(second.list(REGION).promptSummaries.map((s) => s.name)).toEqual(["c", "d"]);
  });

  it("the creation order of a file without nextSeq (an older or hand-made file)", async () => {
    const dir = tempDir();
    const first = fileStore(dir);
    await first.create(REGION, { name: "a" });
    await first.create(REGION, { name: "b" });
    const { nextSeq: _dropped, ...rest } = readJson(dir);
    writeJson(dir, rest);
    const second = fileStore(dir);
    await second.create(REGION, { name: "c" });
    expect(second.list(REGION).promptSummaries.map((s) => s.name)).toEqual(["a", "b", "c"]);
  });

  it("pages in creation order whatever order the file lists the prompts in", async () => {
    const dir = tempDir();
    const first = fileStore(dir);
    for (const name of ["a", "b", "c", "d", "e"]) await first.create(REGION, { name });
    const data = readJson(dir) as { prompts: unknown[] };
    writeJson(dir, { ...data, prompts: [...data.prompts].reverse() });
    const second = fileStore(dir);
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = second.list(REGION, { maxResults: 2, nextToken });
      names.push(...page.promptSummaries.map((s) => s.name));
      nextToken = page.nextToken;
    } while (nextToken && names.length < 10);
    expect(names).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("nothing of a deleted prompt: its ID is gone from the file, clientTokens included", async () => {
    const dir = tempDir();
    const store = fileStore(dir);
    const gone = await store.create(REGION, { name: "gone", clientToken: "gone-token-0123456789abcdefghijklmnop" });
    await store.createVersion(REGION, gone.id, { clientToken: "gone-version-0123456789abcdefghijklm" });
    await store.create(REGION, { name: "stays" });
    await store.delete(REGION, gone.id);
    expect(fs.readFileSync(dataFile(dir), "utf8")).not.toContain(gone.id);
  });
});

describe("each write", () => {
  it("closes every handle it opens and syncs the folder after the rename", async () => {
    const dir = tempDir();
    const store = fileStore(dir);
    const events: string[] = [];
    const realOpen = fs.promises.open;
    vi.spyOn(fs.promises, "open").mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const fh = await realOpen(...args);
      const what = String(args[0]) === dir ? "folder" : "temp file";
      // A temp file is `prompts.json.<pid>.<n>.tmp`, the pattern a restart cleans up.
      if (what === "temp file") expect(path.basename(String(args[0]))).toMatch(new RegExp(`^prompts\\.json\\.${process.pid}\\.[1-9]\\d*\\.tmp$`));
      events.push(`open ${what} ${String(args[1])}`);
      const { sync, close } = { sync: fh.sync.bind(fh), close: fh.close.bind(fh) };
      fh.sync = async () => {
        events.push(`sync ${what}`);
        return sync();
      };
      fh.close = async () => {
        events.push(`close ${what}`);
        return close();
      };
      return fh;
    });
    const realRename = fs.promises.rename;
    vi.spyOn(fs.promises, "rename").mockImplementation(async (from, to) => {
      events.push("rename");
      return realRename(from, to);
    });
    await store.create(REGION, { name: "hygiene" });
    expect(events).toEqual(["open temp file w", "sync temp file", "close temp file", "rename", "open folder r", "sync folder", "close folder"]);
  });

  it("closes the temp file even when writing it fails", async () => {
    const dir = tempDir();
    const store = fileStore(dir);
    let closed = 0;
    const realOpen = fs.promises.open;
    vi.spyOn(fs.promises, "open").mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const fh = await realOpen(...args);
      if (args[1] === "w") {
        fh.writeFile = async () => {
          throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
        };
        const close = fh.close.bind(fh);
        fh.close = async () => {
          closed++;
          return close();
        };
      }
      return fh;
    });
    await expect(store.create(REGION, { name: "full-disk" })).rejects.toThrow(/ENOSPC/);
    expect(closed).toBe(1);
  });

  it("a folder that cannot be synced is not an error", async () => {
    const dir = tempDir();
    const store = fileStore(dir);
    const realOpen = fs.promises.open;
    vi.spyOn(fs.promises, "open").mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const fh = await realOpen(...args);
      if (String(args[0]) === dir) {
        fh.sync = async () => {
          throw Object.assign(new Error("EINVAL: invalid argument, fsync"), { code: "EINVAL" });
        };
      }
      return fh;
    });
    await store.create(REGION, { name: "no-dir-sync" });
    expect(fileStore(dir).count()).toBe(1);
  });
});
