// The prompt validation toolkit: checks for the four criteria of a good answer (accuracy,
// consistency, coherence, format), a model as judge, and an A/B comparison of prompt variants.
// In this repository import it from `bedrock-guide`. To reuse it elsewhere, install the kit's
// package (`npm pack` in packages/bedrock-guide, with bedrock-emulator's beside it): the toolkit
// uses the kit's language, region, pricing and chart helpers.
import { contains, exactly, matches, numberNear } from "./accuracy";
import {
  bullets,
  language,
  maxSentences,
  maxWords,
  numberedSteps,
} from "./format";
import { json } from "./json";
import { judgedBy } from "./judge";

/** Every check, by name: `checks.maxWords(50)`, `checks.json(schema)`, `checks.judgedBy({...})`. */
export const checks = {
  bullets,
  numberedSteps,
  maxWords,
  maxSentences,
  language,
  json,
  exactly,
  contains,
  matches,
  numberNear,
  judgedBy,
};

export {
  answerOf,
  CheckConfigError,
  type Answer,
  type Check,
  type CheckResult,
  type Criterion,
} from "./types";
export { countWords, countSentences, type ListOptions } from "./format";
export { numbersIn } from "./accuracy";
export {
  readVerdict,
  VERDICT_TOOL,
  type JudgeOptions,
  type Verdict,
} from "./judge";
export {
  similarity,
  consistencyOf,
  runConsistency,
  type Consistency,
  type ConsistencyRun,
} from "./consistency";
export { checkAnswer, type CheckReport } from "./run";
export {
  comparePrompts,
  type ComparisonRun,
  type PromptCase,
  type PromptComparison,
  type PromptVariant,
} from "./compare";
