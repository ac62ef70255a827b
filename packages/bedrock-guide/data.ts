import { readFileSync } from "node:fs";
import { join } from "node:path";

// The facts the guide relies on (prices, catalog, lifecycle) live as JSON in data/, each file
// with its sources and dates. Read with fs, not import, so the same code loads under tslab's
// older compiler, tsx and vitest alike.
const cache = new Map<string, unknown>();

export function readDataFile<T>(name: string): T {
  if (!cache.has(name)) {
    const path = join(__dirname, "..", "..", "data", name);
    cache.set(name, JSON.parse(readFileSync(path, "utf8")));
  }
  return cache.get(name) as T;
}
