// The emulator's judge for model-as-judge evaluation jobs. It asks no model: its scores are
// synthetic, computed from word overlap, deterministic, and its explanations say so.
//   Builtin.Correctness  = share of the response's words found in the referenceResponse
//                          (does it say what the reference says, and little else?)
//   Builtin.Completeness = share of the referenceResponse's words found in the response
//                          (does it cover what the reference says?)
//   Builtin.Relevance    = share of the prompt's words found in the response
// Every other built-in metric gets `result: null` and an explanation that it was not judged offline.
// Words: Unicode letters and digits, lower-cased, each counted once. Scores are 0–1, as AWS reports
// judge scores (normalised), rounded to 4 decimals.

/** Built-in metrics of model-as-judge jobs, from the CreateEvaluationJob API reference (EvaluationDatasetMetricConfig.metricNames). */
export const JUDGE_METRICS = [
  "Builtin.Correctness",
  "Builtin.Completeness",
  "Builtin.Faithfulness",
  "Builtin.Helpfulness",
  "Builtin.Coherence",
  "Builtin.Relevance",
  "Builtin.FollowingInstructions",
  "Builtin.ProfessionalStyleAndTone",
  "Builtin.Harmfulness",
  "Builtin.Stereotyping",
  "Builtin.Refusal",
] as const;

export interface JudgeInput {
  prompt: string;
  referenceResponse?: string;
  response: string;
}
export interface JudgeScore {
  metricName: string;
  result: number | null;
  evaluatorDetails: { modelIdentifier: string; explanation: string }[];
}

function words(text: string): Set<string> {
  return new Set(text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function share(of: Set<string>, foundIn: Set<string>): { hits: number; total: number; score: number } {
  let hits = 0;
  for (const w of of) if (foundIn.has(w)) hits++;
  return { hits, total: of.size, score: of.size ? Math.round((hits / of.size) * 10_000) / 10_000 : 0 };
}

const SYNTHETIC = "Synthetic score from the Bedrock emulator (word overlap, no model was asked):";

export function judge(metric: string, input: JudgeInput, evaluator: string): JudgeScore {
  const detail = (explanation: string) => [{ modelIdentifier: evaluator, explanation }];
  const response = words(input.response);
  const overlap = (label: string, of: Set<string>, inWhat: Set<string>, ofWhat: string, inWhatName: string): JudgeScore => {
    const s = share(of, inWhat);
    return { metricName: metric, result: s.score, evaluatorDetails: detail(`${SYNTHETIC} ${s.hits} of the ${s.total} distinct words of the ${ofWhat} appear in the ${inWhatName} (${label} ${s.score}).`) };
  };
  if (metric === "Builtin.Correctness" || metric === "Builtin.Completeness") {
    if (input.referenceResponse === undefined) {
      return { metricName: metric, result: null, evaluatorDetails: detail(`${SYNTHETIC} the record has no referenceResponse, so ${metric} was not scored.`) };
    }
    const reference = words(input.referenceResponse);
    return metric === "Builtin.Correctness"
      ? overlap("correctness", response, reference, "response", "referenceResponse")
      : overlap("completeness", reference, response, "referenceResponse", "response");
  }
  if (metric === "Builtin.Relevance") return overlap("relevance", words(input.prompt), response, "prompt", "response");
  return {
    metricName: metric,
    result: null,
    evaluatorDetails: detail(`The Bedrock emulator's synthetic judge scores only Builtin.Correctness, Builtin.Completeness and Builtin.Relevance (from word overlap); ${metric} was not judged offline.`),
  };
}
