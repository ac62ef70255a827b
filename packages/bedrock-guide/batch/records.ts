import { z } from "zod";
import type { ModelInvocationType } from "@aws-sdk/client-bedrock";
import type { ConverseCommandInput } from "@aws-sdk/client-bedrock-runtime";
import {
  currentLanguage,
  type Bilingual,
  type Language,
} from "../language";
import { parseModelReference } from "../model-reference";
import { batchLimitsFor } from "./facts";
import { BatchRecordCountError, BatchRecordError } from "./errors";

// Batch input records as AWS documents them ("Format and upload your batch inference data"):
// one JSON object per JSONL line, { recordId, modelInput }, where modelInput is the model's
// InvokeModel body (modelInvocationType "InvokeModel", the default) or the Converse request body
// ("Converse"). Built from the same Converse requests chapter 3's A/B variants send.

export type BatchInvocationType = ModelInvocationType;

export interface BatchRecord {
  recordId: string;
  modelInput: Record<string, unknown>;
}

/** The providers whose native InvokeModel body the lib can write: Anthropic's Messages API. */
export const INVOKE_MODEL_BODY_PROVIDERS = ["anthropic"] as const;

/** The version string Bedrock's Anthropic Messages body requires. */
export const ANTHROPIC_BEDROCK_VERSION = "bedrock-2023-05-31";

/** A Converse request without the model: what a batch job's Converse record carries. */
export type ConverseBody = Omit<ConverseCommandInput, "modelId">;

export interface BatchRecordsOptions<I> {
  /** The data set: one record per input. */
  inputs: readonly I[];
  /** The Converse request for one input (a chapter 3 variant's `request`). */
  request: (input: I) => ConverseBody | ConverseCommandInput;
  invocationType: BatchInvocationType;
  /** The model the job will run (bare ID or profile ID): chooses the native body for InvokeModel. */
  modelId: string;
  /** Record IDs are this prefix and the 1-based position, zero-padded to 11 characters. Default "R". */
  idPrefix?: string;
  lang?: Language;
}

const say = (lang: Language, text: Bilingual) => text[lang];

/** The record ID of the n-th record (0-based): alphanumeric, as AWS's format asks. */
export function recordIdFor(index: number, prefix = "R"): string {
  return (
    prefix +
    String(index + 1).padStart(Math.max(1, 11 - prefix.length), "0")
  );
}

/**
 * The batch records of a data set. Converse: the Converse body (no modelId: the job names the
 * model). InvokeModel: the model's native body, written for the providers the lib knows
 * (INVOKE_MODEL_BODY_PROVIDERS); another provider throws and suggests the Converse type.
 * Every record is validated before it is returned (see validateBatchRecords).
 */
export function batchRecords<I>(
  options: BatchRecordsOptions<I>,
): BatchRecord[] {
  const lang = options.lang ?? currentLanguage();
  const records = options.inputs.map((input, i) => {
    const { modelId: _ignored, ...body } = options.request(
      input,
    ) as ConverseCommandInput;
    const recordId = recordIdFor(i, options.idPrefix);
    const modelInput =
      options.invocationType === "Converse"
        ? (JSON.parse(JSON.stringify(body)) as Record<string, unknown>)
        : nativeBody(body, options.modelId, i, recordId, lang);
    return { recordId, modelInput };
  });
  validateBatchRecords(records, {
    invocationType: options.invocationType,
    modelId: options.modelId,
    lang,
  });
  return records;
}

function textOf(
  blocks: readonly { text?: string }[] | undefined,
  where: string,
  index: number,
  recordId: string,
  lang: Language,
): string[] {
  return (blocks ?? []).map((b) => {
    if (typeof b.text !== "string")
      throw new BatchRecordError(
        index,
        recordId,
        {
          es: `El registro ${index} («${recordId}»): ${where} tiene un bloque que no es texto. El cuerpo nativo que escribe la guía solo lleva texto: usa modelInvocationType "Converse" para imágenes o documentos.`,
          en: `Record ${index} ("${recordId}"): ${where} has a block that is not text. The native body the guide writes carries text only: use modelInvocationType "Converse" for images or documents.`,
        },
        lang,
      );
    return b.text;
  });
}

/** Anthropic's Messages body (Bedrock's InvokeModel format) for a text-only Converse request. */
function nativeBody(
  body: ConverseBody,
  modelId: string,
  index: number,
  recordId: string,
  lang: Language,
): Record<string, unknown> {
  const provider = parseModelReference(modelId).modelId.split(".")[0];
  if (
    !(INVOKE_MODEL_BODY_PROVIDERS as readonly string[]).includes(provider)
  )
    throw new BatchRecordError(
      index,
      recordId,
      {
        es: `La guía solo sabe escribir el cuerpo nativo de InvokeModel de ${INVOKE_MODEL_BODY_PROVIDERS.join(", ")} (API Messages), no el de ${modelId}. Usa modelInvocationType "Converse": su cuerpo es el mismo para todos los modelos.`,
        en: `The guide can write the native InvokeModel body of ${INVOKE_MODEL_BODY_PROVIDERS.join(", ")} only (the Messages API), not ${modelId}'s. Use modelInvocationType "Converse": its body is the same for every model.`,
      },
      lang,
    );
  const cfg = body.inferenceConfig ?? {};
  if (cfg.maxTokens === undefined)
    throw new BatchRecordError(
      index,
      recordId,
      {
        es: `El registro ${index} («${recordId}») no fija inferenceConfig.maxTokens, y el cuerpo de Anthropic exige max_tokens. Ponlo en la petición.`,
        en: `Record ${index} ("${recordId}") sets no inferenceConfig.maxTokens, and Anthropic's body requires max_tokens. Set it in the request.`,
      },
      lang,
    );
  const system = textOf(body.system, "system", index, recordId, lang).join(
    "\n\n",
  );
  return {
    anthropic_version: ANTHROPIC_BEDROCK_VERSION,
    max_tokens: cfg.maxTokens,
    ...(system ? { system } : {}),
    messages: (body.messages ?? []).map((m, k) => ({
      role: m.role,
      content: textOf(
        m.content,
        `messages[${k}]`,
        index,
        recordId,
        lang,
      ).map((text) => ({
        type: "text",
        text,
      })),
    })),
    ...(cfg.temperature !== undefined
      ? { temperature: cfg.temperature }
      : {}),
    ...(cfg.topP !== undefined ? { top_p: cfg.topP } : {}),
    ...(cfg.stopSequences?.length
      ? { stop_sequences: cfg.stopSequences }
      : {}),
  };
}

// The record contracts. Converse: the Converse API's request body (messages required; the SDK's
// ConverseRequest). Anthropic: Bedrock's Messages body (anthropic_version, max_tokens, messages).
const Role = z.enum(["user", "assistant"]);
const ConverseInput = z
  .object({
    messages: z
      .array(
        z.object({
          role: Role,
          content: z.array(z.record(z.string(), z.unknown())).min(1),
        }),
      )
      .min(1),
    system: z.array(z.record(z.string(), z.unknown())).optional(),
    inferenceConfig: z
      .object({
        maxTokens: z.number().int().min(1).optional(),
        temperature: z.number().min(0).max(1).optional(),
        topP: z.number().min(0).max(1).optional(),
        stopSequences: z.array(z.string()).optional(),
      })
      .optional(),
  })
  .passthrough();
const AnthropicInput = z
  .object({
    anthropic_version: z.literal(ANTHROPIC_BEDROCK_VERSION),
    max_tokens: z.number().int().min(1),
    messages: z
      .array(
        z.object({
          role: Role,
          content: z.union([
            z.string().min(1),
            z.array(z.record(z.string(), z.unknown())).min(1),
          ]),
        }),
      )
      .min(1),
    system: z
      .union([z.string(), z.array(z.record(z.string(), z.unknown()))])
      .optional(),
    temperature: z.number().min(0).max(1).optional(),
    top_p: z.number().min(0).max(1).optional(),
  })
  .passthrough();
// "alphanumeric string" (AWS's batch data format).
const RecordId = z.string().regex(/^[A-Za-z0-9]+$/);

function describeIssue(issue: z.core.$ZodIssue, lang: Language): string {
  const path = issue.path.length ? issue.path.join(".") : "(record)";
  switch (issue.code) {
    case "invalid_type":
      return say(lang, {
        es: `${path}: falta o no es ${issue.expected}`,
        en: `${path}: missing or not ${issue.expected}`,
      });
    case "too_small":
      return say(lang, {
        es: `${path}: por debajo del mínimo (${String(issue.minimum)})`,
        en: `${path}: below the minimum (${String(issue.minimum)})`,
      });
    case "too_big":
      return say(lang, {
        es: `${path}: por encima del máximo (${String(issue.maximum)})`,
        en: `${path}: above the maximum (${String(issue.maximum)})`,
      });
    case "invalid_value":
      return say(lang, {
        es: `${path}: debe ser ${issue.values.map((v) => JSON.stringify(v)).join(" o ")}`,
        en: `${path}: must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`,
      });
    case "invalid_format":
      return say(lang, {
        es: `${path}: solo letras y cifras (A-Z, a-z, 0-9)`,
        en: `${path}: letters and digits only (A-Z, a-z, 0-9)`,
      });
    default:
      return `${path}: ${issue.message}`;
  }
}

/**
 * Checks every record before upload: the record's shape, its modelInput against the contract of
 * the invocation type (Converse body, or Anthropic's Messages body for InvokeModel), a unique
 * alphanumeric recordId, and no tools (batch inference does not support tool calling, per AWS's
 * batch inference page). Throws BatchRecordError naming the first bad record and its problem.
 */
export function validateBatchRecords(
  records: readonly unknown[],
  options: {
    invocationType: BatchInvocationType;
    modelId: string;
    lang?: Language;
  },
): asserts records is BatchRecord[] {
  const lang = options.lang ?? currentLanguage();
  const provider = parseModelReference(options.modelId).modelId.split(
    ".",
  )[0];
  const input =
    options.invocationType === "Converse"
      ? ConverseInput
      : provider === "anthropic"
        ? AnthropicInput
        : undefined;
  const schema = z.object({
    recordId: RecordId,
    modelInput: input ?? z.record(z.string(), z.unknown()),
  });
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const id = (record as { recordId?: unknown })?.recordId;
    const recordId = typeof id === "string" ? id : undefined;
    const name = recordId === undefined ? "" : ` («${recordId}»)`;
    const nameEn = recordId === undefined ? "" : ` ("${recordId}")`;
    const fail = (es: string, en: string) =>
      new BatchRecordError(
        index,
        recordId,
        {
          es: `El registro ${index}${name} ${es}`,
          en: `Record ${index}${nameEn} ${en}`,
        },
        lang,
      );
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const problems = parsed.error.issues
        .slice(0, 3)
        .map((i) => describeIssue(i, lang))
        .join("; ");
      throw fail(
        `no es válido para ${options.invocationType} con ${options.modelId}: ${problems}. Cada línea es { recordId, modelInput } y modelInput es ${options.invocationType === "Converse" ? "el cuerpo de Converse" : "el cuerpo de InvokeModel del modelo"}.`,
        `is not valid for ${options.invocationType} with ${options.modelId}: ${problems}. Each line is { recordId, modelInput } and modelInput is ${options.invocationType === "Converse" ? "the Converse request body" : "the model's InvokeModel body"}.`,
      );
    }
    const body = parsed.data.modelInput;
    if ("toolConfig" in body || "tools" in body)
      throw fail(
        "pide herramientas, y la inferencia por lotes no admite llamadas a herramientas. Quita toolConfig/tools y pide el formato en el prompt.",
        "asks for tools, and batch inference does not support tool calling. Remove toolConfig/tools and ask for the format in the prompt.",
      );
    const before = seen.get(parsed.data.recordId);
    if (before !== undefined)
      throw fail(
        `repite el recordId del registro ${before}: los resultados se unen a las entradas por recordId, así que cada uno debe ser único.`,
        `repeats the recordId of record ${before}: results are joined to inputs by recordId, so each must be unique.`,
      );
    seen.set(parsed.data.recordId, index);
  });
}

/**
 * Checks a job's record count against the model's published minimum and maximum. Throws
 * BatchRecordCountError outside them; where the guide has no sourced figure it says so (status
 * "unknown") and names the Service Quotas entry to look up, rather than guessing.
 */
export function checkRecordCount(
  count: number,
  modelId: string,
  lang: Language = currentLanguage(),
): { status: "ok" | "unknown"; message: string } {
  const limits = batchLimitsFor(modelId);
  const name = limits?.quotaName ?? parseModelReference(modelId).modelId;
  if (!limits || limits.minRecordsPerJob === null) {
    return {
      status: "unknown",
      message: say(lang, {
        es: `La guía no tiene una fuente para el mínimo de registros de ${modelId}. Antes de crear el trabajo, busca en Service Quotas (Amazon Bedrock) «Minimum number of records per batch inference job for ${name}».`,
        en: `The guide has no source for ${modelId}'s minimum number of records. Before you create the job, look up "Minimum number of records per batch inference job for ${name}" in Service Quotas (Amazon Bedrock).`,
      }),
    };
  }
  const min = limits.minRecordsPerJob;
  if (count < min)
    throw new BatchRecordCountError(
      count,
      min,
      "min",
      {
        es: `El trabajo tiene ${count} registros y ${modelId} pide al menos ${min} por trabajo por lotes (cuota «Minimum number of records per batch inference job for ${name}», no ajustable; ${limits.source.url}). Añade ${min - count} casos más, o para tan pocos casos llama al modelo de uno en uno.`,
        en: `The job has ${count} records and ${modelId} needs at least ${min} per batch job (quota "Minimum number of records per batch inference job for ${name}", not adjustable; ${limits.source.url}). Add ${min - count} more cases, or for so few cases call the model one at a time.`,
      },
      lang,
    );
  const max = limits.maxRecordsPerJob;
  if (max !== null && count > max)
    throw new BatchRecordCountError(
      count,
      max,
      "max",
      {
        es: `El trabajo tiene ${count} registros y ${modelId} admite como mucho ${max} por trabajo por defecto (cuota «Records per batch inference job for ${name}», ajustable). Divide los datos en varios trabajos o pide más cuota.`,
        en: `The job has ${count} records and ${modelId} takes at most ${max} per job by default (quota "Records per batch inference job for ${name}", adjustable). Split the data into several jobs or request a higher quota.`,
      },
      lang,
    );
  return {
    status: "ok",
    message: say(lang, {
      es: `${count} registros: dentro de lo que AWS publica para ${modelId} (mínimo ${min}${max === null ? "" : `, máximo ${max}`}).`,
      en: `${count} records: within what AWS publishes for ${modelId} (minimum ${min}${max === null ? "" : `, maximum ${max}`}).`,
    }),
  };
}

/** The records as a JSONL file's text, one record per line. */
export function toJsonl(records: readonly BatchRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join("\n") + "\n";
}
