// What only Node does before an emulator starts: read BEDROCK_EMULATOR_* from the environment and
// the files they name, and save prompts in a folder. The core (create-emulator.ts) takes values.
import { readFileSync } from "node:fs";
import type { EmulatorOptions } from "./create-emulator";
import { catalogFromData, type Catalog } from "./catalog";
import type { SamplingRules } from "./facts";
import { filePromptPersistence } from "./file-persistence";

/** Options of an emulator started in Node. */
export interface StartEmulatorOptions extends EmulatorOptions {
  /** 0 or undefined: a random free port. The host is always 127.0.0.1. */
  port?: number;
  /** Prompt Management persistence folder (prompts.json, atomic writes); none = in memory. */
  dataDir?: string;
  /** Where BEDROCK_EMULATOR_* settings are read from (default process.env). */
  env?: Record<string, string | undefined>;
}

function readJson(path: string, what: string): unknown {
  const text = readFileSync(path, "utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${path} (${what}): not valid JSON (${(err as Error).message})`);
  }
}

/**
 * Reads and checks a catalog file (BEDROCK_EMULATOR_CATALOG). A file that is not JSON or does not
 * match the schema throws one Error naming the file and the first problems' paths.
 */
export function loadCatalogFile(path: string): Catalog {
  const text = readFileSync(path, "utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return catalogFromData(data, path);
}

/**
 * The core's options for a Node emulator: the environment (default process.env), with
 * BEDROCK_EMULATOR_CATALOG and BEDROCK_EMULATOR_SAMPLING_RULES naming files that replace the
 * bundled data, and `dataDir` saving prompts to files.
 */
export function nodeEmulatorOptions(opts: StartEmulatorOptions = {}): EmulatorOptions {
  const env = opts.env ?? process.env;
  const out: EmulatorOptions = { ...opts, env };
  if (opts.catalog === undefined && env.BEDROCK_EMULATOR_CATALOG) out.catalog = loadCatalogFile(env.BEDROCK_EMULATOR_CATALOG);
  if (opts.samplingRules === undefined && env.BEDROCK_EMULATOR_SAMPLING_RULES) {
    out.samplingRules = readJson(env.BEDROCK_EMULATOR_SAMPLING_RULES, "BEDROCK_EMULATOR_SAMPLING_RULES") as SamplingRules;
  }
  if (opts.promptPersistence === undefined && opts.dataDir) out.promptPersistence = filePromptPersistence(opts.dataDir);
  return out;
}
