// Where a prompt store is saved: an interface with one implementation per platform. The store keeps
// the whole state as one JSON text and hands it over after every change, one write at a time.
// - none (the default): in memory, gone when the emulator stops;
// - files, in Node: filePromptPersistence(dir) in ../node/file-persistence.ts (atomic writes);
// - a browser page: browserPromptPersistence() below, in IndexedDB through idb-keyval.
import { createStore, del, get, set } from "idb-keyval";

export interface PromptPersistence {
  /** Where it saves, for messages: a file path, an IndexedDB database and key. */
  readonly where: string;
  /** The text last saved, or undefined when nothing was. Synchronous where the platform allows, so a damaged file fails the start. */
  load(): string | undefined | Promise<string | undefined>;
  /** Replaces what is saved with `text`; resolves once it is durable. Never called twice at once. */
  save(text: string): Promise<void>;
  /** Forgets what was saved (a page's "Reset"), where the platform offers it. */
  forget?(): Promise<void>;
}

export interface BrowserPersistenceOptions {
  /** IndexedDB database name (default "bedrock-emulator"). */
  database?: string;
  /** Key the store is saved under (default "prompts"): one key per emulator that should keep its own prompts. */
  key?: string;
}

/** Prompt persistence in a browser page: IndexedDB (idb-keyval), which survives reloads. */
export function browserPromptPersistence(opts: BrowserPersistenceOptions = {}): PromptPersistence {
  const database = opts.database ?? "bedrock-emulator";
  const key = opts.key ?? "prompts";
  const store = createStore(database, "store");
  return {
    where: `IndexedDB ${database}/${key}`,
    load: () => get<string>(key, store),
    save: (text) => set(key, text, store),
    forget: () => del(key, store),
  };
}
