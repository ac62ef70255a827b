// Prompt persistence in Node: one JSON file, `prompts.json` in a folder, replaced atomically (temp
// file + fsync + rename) before the caller gets its answer, and read again on the next start.
import * as fs from "node:fs";
import * as path from "node:path";
import type { PromptPersistence } from "./prompts/persistence";

const DATA_FILE = "prompts.json";

export function filePromptPersistence(dataDir: string): PromptPersistence & { readonly file: string } {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, DATA_FILE);
  let tmpCounter = 0;
  return {
    where: file,
    file,
    load() {
      fs.mkdirSync(dir, { recursive: true });
      // A temp file left by a crash mid-write is never the real data: the rename didn't happen.
      for (const name of fs.readdirSync(dir)) {
        if (name.startsWith(`${DATA_FILE}.`) && name.endsWith(".tmp")) {
          try {
            fs.unlinkSync(path.join(dir, name));
          } catch {
            // Another process may have removed it already.
          }
        }
      }
      try {
        return fs.readFileSync(file, "utf8");
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw err;
      }
    },
    // Write a sibling temp file, flush it to disk, then rename over the real file. rename() is atomic
    // on POSIX, so a reader (or the next start after a crash) sees either the old file or the new one.
    async save(body) {
      const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`;
      const fh = await fs.promises.open(tmp, "w");
      try {
        await fh.writeFile(body, "utf8");
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.promises.rename(tmp, file);
      // Make the rename itself durable. Some platforms can't fsync a directory; that is not fatal.
      try {
        const dh = await fs.promises.open(dir, "r");
        try {
          await dh.sync();
        } finally {
          await dh.close();
        }
      } catch {
        // ignore
      }
    },
  };
}
