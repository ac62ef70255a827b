import { z } from "zod";
import type { ModelInvocationJobStatus } from "@aws-sdk/client-bedrock";
import { readDataFile } from "../data";
import type { Bilingual } from "../language";
import { parseModelReference } from "../model-reference";

// What the guide knows about batch inference, from data/batch.json (each fact with its source).
// The file is checked against this schema when first read: a broken file stops with its problems.

const count = z.number().int().positive().nullable();
const QuotaRow = z.object({
  quotaName: z.string(),
  models: z.array(z.string()).min(1),
  minRecordsPerJob: count,
  maxRecordsPerJob: count,
  maxRecordsPerFile: count,
  maxInputFileGB: z.number().positive().nullable(),
  maxJobSizeGB: z.number().positive().nullable(),
});
const Source = z
  .object({ url: z.string().url(), title: z.string(), read: z.string() })
  .passthrough();
const STATUSES = [
  "Submitted",
  "Validating",
  "Scheduled",
  "InProgress",
  "Completed",
  "PartiallyCompleted",
  "Failed",
  "Stopping",
  "Stopped",
  "Expired",
] as const satisfies readonly ModelInvocationJobStatus[];
const PerMillion = z.object({
  input: z.number().min(0),
  output: z.number().min(0),
});
const BatchPriceEntry = z.object({
  models: z.array(z.string()).min(1),
  input: z.number().min(0).optional(),
  output: z.number().min(0).optional(),
  global: PerMillion.optional(),
  regional: PerMillion.optional(),
  source: z.string(),
});
const BatchFile = z.object({
  read: z.string(),
  pricing: z.object({
    discount: z.number().gt(0).lt(1),
    source: z.string(),
    perModel: z.array(BatchPriceEntry),
  }),
  sources: z.record(z.string(), Source),
  quotas: z.object({ source: z.string(), models: z.array(QuotaRow) }),
  requestsPerMinute: z.object({
    source: z.string(),
    models: z.array(
      z.object({
        quotaName: z.string(),
        models: z.array(z.string()),
        default: z.number().int().positive(),
      }),
    ),
  }),
  jobDuration: z.object({
    published: z.boolean(),
    sources: z.array(z.string()),
    timeoutHours: z.object({ min: z.number(), max: z.number() }),
    note: z.string(),
  }),
  jobStates: z.object({
    source: z.string(),
    states: z.record(
      z.enum(STATUSES),
      z.object({ es: z.string(), en: z.string() }),
    ),
  }),
});
type BatchFile = z.infer<typeof BatchFile>;

let checked = false;
/** The file as data/ holds it, checked against the schema on the first read. */
function batchFile(): BatchFile {
  const raw = readDataFile("batch.json");
  if (!checked) {
    const parsed = BatchFile.safeParse(raw);
    if (!parsed.success)
      throw new Error(
        `data/batch.json does not have the shape the guide expects: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".")}: ${i.message}`)
          .join("; ")}`,
      );
    checked = true;
  }
  return raw as BatchFile;
}

/** Where a fact came from: the page's title and address, and when the guide read it. */
export interface BatchSource {
  title: string;
  url: string;
  read: string;
}

function source(id: string): BatchSource {
  const s = batchFile().sources[id];
  if (!s)
    throw new Error(
      `data/batch.json cites a source it does not list: ${id}`,
    );
  return { title: s.title, url: s.url, read: s.read };
}

/** AWS's published batch quotas for a model; a null field is one the guide's source does not give. */
export interface BatchLimits {
  modelId: string;
  /** The model's name in the quota names ("Minimum number of records per batch inference job for <quotaName>"). */
  quotaName: string;
  minRecordsPerJob: number | null;
  maxRecordsPerJob: number | null;
  maxRecordsPerFile: number | null;
  maxInputFileGB: number | null;
  maxJobSizeGB: number | null;
  source: BatchSource;
}

/**
 * The batch quotas AWS publishes for a model (a bare ID or a profile ID such as `us.<model>`), or
 * undefined when the guide's sourced table has no row for it: then nothing is known, not zero.
 */
export function batchLimitsFor(reference: string): BatchLimits | undefined {
  const { modelId } = parseModelReference(reference);
  const { quotas } = batchFile();
  const row = quotas.models.find((r) => r.models.includes(modelId));
  if (!row) return undefined;
  const { models: _models, ...limits } = row;
  return { modelId, ...limits, source: source(quotas.source) };
}

/** The default on-demand requests-per-minute quota of a model, where the guide has it sourced. */
export function defaultRequestsPerMinute(
  reference: string,
):
  | { quotaName: string; requestsPerMinute: number; source: BatchSource }
  | undefined {
  const { modelId } = parseModelReference(reference);
  const { requestsPerMinute } = batchFile();
  const row = requestsPerMinute.models.find((r) =>
    r.models.includes(modelId),
  );
  return row
    ? {
        quotaName: row.quotaName,
        requestsPerMinute: row.default,
        source: source(requestsPerMinute.source),
      }
    : undefined;
}

/** What AWS publishes about how long a job takes: no duration, only its timeout range. */
export function batchJobDuration(): {
  published: boolean;
  timeoutHours: { min: number; max: number };
  sources: BatchSource[];
} {
  const d = batchFile().jobDuration;
  return {
    published: d.published,
    timeoutHours: d.timeoutHours,
    sources: d.sources.map(source),
  };
}

/** Every status the SDK's ModelInvocationJobStatus defines, with what it means in both languages. */
export function batchJobStates(): Record<
  ModelInvocationJobStatus,
  Bilingual
> {
  return batchFile().jobStates.states as Record<
    ModelInvocationJobStatus,
    Bilingual
  >;
}

/** The batch discount on the on-demand price and AWS's per-model batch prices, where published. */
export function batchPricing(): {
  discount: number;
  source: BatchSource;
  perModel: z.infer<typeof BatchPriceEntry>[];
} {
  const p = batchFile().pricing;
  return {
    discount: p.discount,
    source: source(p.source),
    perModel: p.perModel,
  };
}

/** Where the job states' meanings come from. */
export function batchJobStatesSource(): BatchSource {
  return source(batchFile().jobStates.source);
}
