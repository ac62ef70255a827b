import { currentLanguage, type Language } from "../language";
import {
  batchJobDuration,
  defaultRequestsPerMinute,
  type BatchSource,
} from "./facts";

// How long a data set takes sent one call at a time, at a requests-per-minute quota, against a
// batch job, from sourced figures only. AWS publishes no duration for a job: the guide says so.

export interface BatchTiming {
  records: number;
  /** Minutes the quota alone needs (records / requests per minute), or undefined without a quota. */
  oneAtATimeMinutes?: number;
  requestsPerMinute?: number;
  /** Where the quota came from: the reader's own value, or AWS's default for the model. */
  quotaFrom?: "reader" | BatchSource;
  job: {
    published: false;
    timeoutHours: { min: number; max: number };
    sources: BatchSource[];
  };
  text: string;
}

/**
 * The floor a requests-per-minute quota puts on sending `records` calls: records / rpm minutes
 * (latency can only add to it). `requestsPerMinute` is the reader's quota from Service Quotas;
 * without it, AWS's default for the model where the guide has it, else the time is not given.
 */
export function batchTiming(options: {
  records: number;
  modelId: string;
  requestsPerMinute?: number;
  lang?: Language;
}): BatchTiming {
  const lang = options.lang ?? currentLanguage();
  const fallback =
    options.requestsPerMinute === undefined
      ? defaultRequestsPerMinute(options.modelId)
      : undefined;
  const rpm = options.requestsPerMinute ?? fallback?.requestsPerMinute;
  if (rpm !== undefined && !(rpm > 0))
    throw new Error(
      lang === "es"
        ? `requestsPerMinute debe ser un número mayor que 0, no ${rpm}: mira tu cuota en Service Quotas.`
        : `requestsPerMinute must be a number above 0, not ${rpm}: look up your quota in Service Quotas.`,
    );
  const duration = batchJobDuration();
  const job = {
    published: false as const,
    timeoutHours: duration.timeoutHours,
    sources: duration.sources,
  };
  const minutes = rpm === undefined ? undefined : options.records / rpm;
  const { min, max } = duration.timeoutHours;
  const jobText =
    lang === "es"
      ? `AWS no publica cuánto tarda un trabajo por lotes; solo su tiempo límite, entre ${min} y ${max} horas (timeoutDurationInHours).`
      : `AWS publishes no duration for a batch job; only its timeout, ${min} to ${max} hours (timeoutDurationInHours).`;
  const callsText =
    minutes === undefined
      ? lang === "es"
        ? `La guía no tiene la cuota de peticiones por minuto de ${options.modelId}: pásala (requestsPerMinute) desde Service Quotas para calcular el tiempo de uno en uno.`
        : `The guide has no requests-per-minute quota for ${options.modelId}: pass yours (requestsPerMinute) from Service Quotas to time one call at a time.`
      : lang === "es"
        ? `De uno en uno, a ${rpm} peticiones por minuto, ${options.records} llamadas necesitan al menos ${formatMinutes(minutes, lang)}.`
        : `One at a time, at ${rpm} requests per minute, ${options.records} calls need at least ${formatMinutes(minutes, lang)}.`;
  return {
    records: options.records,
    oneAtATimeMinutes: minutes,
    requestsPerMinute: rpm,
    quotaFrom:
      options.requestsPerMinute !== undefined ? "reader" : fallback?.source,
    job,
    text: `${callsText} ${jobText}`,
  };
}

function formatMinutes(minutes: number, lang: Language): string {
  const rounded = Math.round(minutes * 10) / 10;
  return lang === "es"
    ? `${String(rounded).replace(".", ",")} min`
    : `${rounded} min`;
}
