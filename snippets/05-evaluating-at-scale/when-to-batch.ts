import {
  batchCostBound,
  batchLimitsFor,
  batchTiming,
  formatUsd,
  priceOf,
  say,
  type BatchRecord,
  type Language,
} from "bedrock-guide";

/**
 * The numbers behind "call one at a time or run a job?" for one model, all from data/: the floor
 * a requests-per-minute quota puts on one call at a time (yours, or AWS's default where the guide
 * has it), what AWS publishes about a job's duration (no figure, only a timeout), the same
 * records' cost bound on demand and at the batch price, and the model's minimum records per job.
 */
export function batchOrCalls(options: {
  model: string;
  modelId: string;
  records: readonly BatchRecord[];
  requestsPerMinute?: number;
  lang: Language;
}): Record<string, string | number> {
  const { records, modelId, lang } = options;
  const timing = batchTiming({
    records: records.length,
    modelId,
    requestsPerMinute: options.requestsPerMinute,
    lang,
  });
  // No price in data/ means no bound: the lib refuses to call that free.
  const batch = priceOf(modelId)
    ? batchCostBound(records, modelId, lang)
    : undefined;
  // The same token bound at the on-demand price: only the price differs.
  const onDemand = priceOf(modelId);
  const onDemandUsd =
    onDemand && batch
      ? (batch.inputTokens * onDemand.inputPerMillion +
          batch.outputTokens * onDemand.outputPerMillion) /
        1e6
      : undefined;
  const minimum = batchLimitsFor(modelId)?.minRecordsPerJob ?? null;
  const { min, max } = timing.job.timeoutHours;
  const oneAtATime =
    timing.oneAtATimeMinutes === undefined
      ? say(
          {
            es: "sin cuota en la guía: mira la tuya",
            en: "no quota in the guide: look up yours",
          },
          lang,
        )
      : `≥ ${duration(timing.oneAtATimeMinutes)} (${timing.requestsPerMinute}/min)`;
  return {
    [say({ es: "modelo", en: "model" }, lang)]: options.model,
    [say({ es: "registros", en: "records" }, lang)]: records.length,
    [say({ es: "de uno en uno", en: "one at a time" }, lang)]: oneAtATime,
    [say({ es: "trabajo", en: "job" }, lang)]: say(
      {
        es: `duración no publicada (límite ${min}–${max} h)`,
        en: `no published duration (timeout ${min}–${max} h)`,
      },
      lang,
    ),
    [say({ es: "bajo demanda", en: "on demand" }, lang)]:
      onDemandUsd === undefined ? "—" : `≤ ${formatUsd(onDemandUsd)}`,
    [say({ es: "por lotes", en: "batch" }, lang)]: batch
      ? `≤ ${formatUsd(batch.usd)}`
      : "—",
    [say({ es: "mínimo de registros", en: "minimum records" }, lang)]:
      minimum === null
        ? say(
            {
              es: "no publicado en la fuente de la guía",
              en: "not published in the guide's source",
            },
            lang,
          )
        : minimum,
  };
}

/** Minutes as the reader would say them: seconds below one minute. */
function duration(minutes: number): string {
  return minutes < 1
    ? `${Math.ceil(minutes * 60)} s`
    : `${Math.ceil(minutes)} min`;
}
