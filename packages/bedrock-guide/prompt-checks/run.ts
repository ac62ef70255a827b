import type { ConverseCommandOutput } from "@aws-sdk/client-bedrock-runtime";
import {
  CheckConfigError,
  answerOf,
  type Answer,
  type Check,
  type CheckResult,
} from "./types";

export interface CheckReport {
  /** True when every check passed. */
  passed: boolean;
  results: CheckResult[];
}

function assertChecks(list: unknown): asserts list is Check[] {
  if (!Array.isArray(list) || !list.length) {
    throw new CheckConfigError("checks", {
      es: "hace falta al menos una comprobación, p. ej. [checks.maxWords(50)]",
      en: "at least one check is needed, e.g. [checks.maxWords(50)]",
    });
  }
  const bad = list.findIndex((c) => typeof c?.run !== "function");
  if (bad >= 0)
    throw new CheckConfigError(`checks[${bad}]`, {
      es: "no es una comprobación: créala con checks.…()",
      en: "is not a check: build it with checks.…()",
    });
}

/**
 * Runs every check on one answer (plain text or a Converse response). An empty, non-text or
 * refused answer fails each check with a reason; nothing here throws because of the answer.
 */
export async function checkAnswer(
  answer: string | Answer | ConverseCommandOutput,
  list: Check[],
): Promise<CheckReport> {
  assertChecks(list);
  const normal = answerOf(answer);
  const results = await Promise.all(list.map((check) => check.run(normal)));
  return { passed: results.every((r) => r.passed), results };
}

export { assertChecks };
