import batch from "../../data/batch.json";
import prices from "../../data/prices.json";
import promptManagement from "../../data/prompt-management.json";
import samplingRules from "../../data/sampling-rules.json";

// The facts the guide relies on (prices, sampling rules, Prompt Management) live as JSON in the
// repository's data/, each file with its sources and dates: the one source, imported as modules so
// the same code runs in Node, in the kernel and bundled into a page (no file system needed).
const FILES: Record<string, unknown> = {
  "batch.json": batch,
  "prices.json": prices,
  "prompt-management.json": promptManagement,
  "sampling-rules.json": samplingRules,
};

export function readDataFile<T>(name: string): T {
  if (!(name in FILES))
    throw new Error(
      `The guide has no data file "${name}": it knows ${Object.keys(FILES).join(", ")} (from data/).`,
    );
  return FILES[name] as T;
}
