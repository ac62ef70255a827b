import { z } from "zod";
import { currentLanguage, type Language } from "../language";
import type { BatchRecord } from "./records";

// A job's output as AWS documents it ("View the results of a batch inference job"): per input
// file a <file>.jsonl.out whose lines are { recordId, modelInput, modelOutput } or, for a record
// that failed, { recordId, modelInput, error: { errorCode, errorMessage } }; and manifest.json.out
// with the job's counts. AWS does not keep input order, so results join inputs by recordId only.

const OutputLine = z.union([
  z
    .object({
      recordId: z.string(),
      modelInput: z.unknown(),
      modelOutput: z.unknown(),
    })
    .passthrough(),
  z
    .object({
      recordId: z.string(),
      modelInput: z.unknown(),
      error: z
        .object({
          errorCode: z.union([z.number(), z.string()]),
          errorMessage: z.string(),
        })
        .passthrough(),
    })
    .passthrough(),
]);
export type BatchOutputLine = z.infer<typeof OutputLine>;

const Manifest = z
  .object({
    totalRecordCount: z.number().int().min(0),
    processedRecordCount: z.number().int().min(0),
    successRecordCount: z.number().int().min(0),
    errorRecordCount: z.number().int().min(0),
    inputTokenCount: z.number().int().min(0).optional(),
    outputTokenCount: z.number().int().min(0).optional(),
  })
  .passthrough();
export type BatchManifest = z.infer<typeof Manifest>;

/** Parses a .jsonl.out file's text; a bad line throws an error naming its line number. */
export function parseBatchOutput(
  text: string,
  lang: Language = currentLanguage(),
): BatchOutputLine[] {
  const lines: BatchOutputLine[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    const parsed = OutputLine.safeParse(value);
    if (!parsed.success)
      throw new Error(
        lang === "es"
          ? `La línea ${i + 1} de la salida no es un resultado de lote: cada línea es un objeto JSON con recordId, modelInput y modelOutput o error. ¿Es un archivo .jsonl.out de la ubicación de salida del trabajo?`
          : `Line ${i + 1} of the output is not a batch result: each line is a JSON object with recordId, modelInput and modelOutput or error. Is it a .jsonl.out file from the job's output location?`,
      );
    lines.push(parsed.data);
  });
  return lines;
}

/** Parses manifest.json.out. */
export function parseBatchManifest(
  text: string,
  lang: Language = currentLanguage(),
): BatchManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = Manifest.safeParse(value);
  if (!parsed.success)
    throw new Error(
      lang === "es"
        ? "manifest.json.out no tiene la forma que documenta AWS (totalRecordCount, processedRecordCount, successRecordCount, errorRecordCount)."
        : "manifest.json.out does not have the shape AWS documents (totalRecordCount, processedRecordCount, successRecordCount, errorRecordCount).",
    );
  return parsed.data;
}

export interface JoinedRecord<I = unknown> {
  recordId: string;
  /** The item of the data set this record came from (same position as the record). */
  input: I;
  status: "ok" | "failed" | "missing";
  modelOutput?: unknown;
  error?: { errorCode: number | string; errorMessage: string };
}

export interface BatchResults<I = unknown> {
  rows: JoinedRecord<I>[];
  /** Records with no line in the output (a PartiallyCompleted, Stopped or Expired job leaves some). */
  missing: string[];
  failed: JoinedRecord<I>[];
  /** Output lines whose recordId is not one of the inputs': not joined, reported. */
  unexpected: string[];
  /** Where manifest.json.out disagrees with the lines read, each in the reader's language. */
  manifestMismatches: string[];
}

/**
 * Joins a job's output lines to its input records by recordId, never by position. `items` (same
 * order as `records`) are the data set the records were built from, carried into each row.
 */
export function joinBatchResults<I = BatchRecord>(options: {
  records: readonly BatchRecord[];
  output: readonly BatchOutputLine[] | string;
  items?: readonly I[];
  manifest?: BatchManifest | string;
  lang?: Language;
}): BatchResults<I> {
  const lang = options.lang ?? currentLanguage();
  const lines =
    typeof options.output === "string"
      ? parseBatchOutput(options.output, lang)
      : options.output;
  const byId = new Map<string, BatchOutputLine>();
  for (const line of lines) byId.set(line.recordId, line);
  const wanted = new Set(options.records.map((r) => r.recordId));
  const rows = options.records.map((record, i): JoinedRecord<I> => {
    const input = (options.items ? options.items[i] : record) as I;
    const line = byId.get(record.recordId);
    if (!line)
      return { recordId: record.recordId, input, status: "missing" };
    if ("error" in line && line.error)
      return {
        recordId: record.recordId,
        input,
        status: "failed",
        error: line.error as JoinedRecord["error"],
      };
    return {
      recordId: record.recordId,
      input,
      status: "ok",
      modelOutput: (line as { modelOutput?: unknown }).modelOutput,
    };
  });
  const manifestMismatches: string[] = [];
  if (options.manifest !== undefined) {
    const m =
      typeof options.manifest === "string"
        ? parseBatchManifest(options.manifest, lang)
        : options.manifest;
    const seen = {
      success: rows.filter((r) => r.status === "ok").length,
      error: rows.filter((r) => r.status === "failed").length,
    };
    const compare = (field: string, manifest: number, read: number) => {
      if (manifest !== read)
        manifestMismatches.push(
          lang === "es"
            ? `${field}: el manifiesto dice ${manifest} y las líneas leídas dan ${read}. ¿Falta algún archivo .jsonl.out?`
            : `${field}: the manifest says ${manifest} and the lines read give ${read}. Is a .jsonl.out file missing?`,
        );
    };
    compare("successRecordCount", m.successRecordCount, seen.success);
    compare("errorRecordCount", m.errorRecordCount, seen.error);
  }
  return {
    rows,
    missing: rows
      .filter((r) => r.status === "missing")
      .map((r) => r.recordId),
    failed: rows.filter((r) => r.status === "failed"),
    unexpected: lines
      .map((l) => l.recordId)
      .filter((id) => !wanted.has(id)),
    manifestMismatches,
  };
}

/** A failed record as an error ("BatchRecordFailed", AWS's errorCode as its status): explainError advises on it. */
export function recordFailure(row: JoinedRecord<unknown>): Error {
  const error = row.error ?? { errorCode: "?", errorMessage: "" };
  const code = Number(error.errorCode);
  return Object.assign(new Error(error.errorMessage), {
    name: "BatchRecordFailed",
    recordId: row.recordId,
    ...(Number.isFinite(code)
      ? { $metadata: { httpStatusCode: code } }
      : {}),
  });
}
