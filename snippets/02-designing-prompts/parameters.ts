import {
  BedrockRuntimeClient,
  ConverseCommand,
  type InferenceConfiguration,
} from "@aws-sdk/client-bedrock-runtime";
import {
  explainError,
  modelFacts,
  modelIdFor,
  runConsistency,
  samplingRulesFor,
  say,
  type Language,
} from "bedrock-guide";

// What each inference parameter changes, by running it. `stopReason` tells which limit ended
// the answer: end_turn (the model finished), max_tokens (maxTokens cut it), stop_sequence (one
// of stopSequences appeared).

export interface ParameterTrial {
  setting: string;
  inferenceConfig: InferenceConfiguration;
}

export interface TrialRow {
  setting: string;
  stopReason: string;
  outputTokens: number;
  answer: string;
}

/** Sends the same prompt once per setting and records how each answer ended. */
export async function tryParameters(
  model: string,
  prompt: string,
  trials: ParameterTrial[],
): Promise<TrialRow[]> {
  const runtime = new BedrockRuntimeClient({});
  const modelId = await modelIdFor(model);
  const rows: TrialRow[] = [];
  for (const { setting, inferenceConfig } of trials) {
    try {
      const response = await runtime.send(
        new ConverseCommand({
          modelId,
          messages: [{ role: "user", content: [{ text: prompt }] }],
          inferenceConfig,
        }),
      );
      const answer = (response.output?.message?.content ?? [])
        .map((b) => b.text ?? "")
        .join("");
      rows.push({
        setting,
        stopReason: response.stopReason ?? "",
        outputTokens: response.usage?.outputTokens ?? 0,
        answer,
      });
    } catch (error) {
      // A refused setting is a lesson too: keep the row with the explanation.
      rows.push({
        setting,
        stopReason: `⚠ ${(error as Error).name}`,
        outputTokens: 0,
        answer: explainError(error, { modelId }).title,
      });
    }
  }
  return rows;
}

/**
 * The end of an answer, whitespace collapsed: where it stops shows which limit cut it (a
 * max_tokens cut mid-sentence, a stop sequence just before its marker).
 */
export function answerEnding(answer: string, length: number): string {
  const text = answer.replace(/\s+/g, " ").trim();
  return text.length > length ? `…${text.slice(-length)}` : text;
}

/**
 * Temperature and topP both control how adventurous sampling is, and models disagree on what
 * they take (data/sampling-rules.json, with sources): Claude Sonnet 4.5, Haiku 4.5, later
 * Claude models and Opus 4.1 refuse the two together, and Opus 4.7 and later refuse
 * temperature itself (their provider removed topP too). This sends only what the model takes:
 * with both wanted where the pair is refused, it keeps temperature, as Anthropic recommends.
 */
export function sampling(
  model: string,
  wanted: { temperature?: number; topP?: number },
): InferenceConfiguration {
  const rules = samplingRulesFor(model);
  const sent: InferenceConfiguration = { ...wanted };
  if (rules.refuses.includes("temperature")) delete sent.temperature;
  if (rules.leaveOut.includes("topP")) delete sent.topP;
  if (
    rules.refuses.includes("temperatureWithTopP") &&
    sent.temperature !== undefined
  ) {
    delete sent.topP;
  }
  return sent;
}

/** For each model, what it takes and what `sampling` sends when you ask for both. */
export function whatModelsTake(
  models: string[],
  lang: Language,
): Array<Record<string, string>> {
  const yes = say({ es: "sí", en: "yes" }, lang);
  const refused = say({ es: "rechazado", en: "refused" }, lang);
  const leftOut = say(
    { es: "retirado: se omite", en: "removed: left out" },
    lang,
  );
  return models.map((model) => {
    const rules = samplingRulesFor(model);
    const refuses = (r: "temperature" | "temperatureWithTopP") =>
      rules.refuses.includes(r) ? refused : yes;
    return {
      [say({ es: "modelo", en: "model" }, lang)]:
        modelFacts(model)?.modelName ?? model,
      temperature: refuses("temperature"),
      topP: rules.leaveOut.includes("topP") ? leftOut : yes,
      [say({ es: "los dos", en: "both" }, lang)]: rules.refuses.includes(
        "temperature",
      )
        ? refused
        : refuses("temperatureWithTopP"),
      "sampling({ temperature: 0.7, topP: 0.9 })": JSON.stringify(
        sampling(model, { temperature: 0.7, topP: 0.9 }),
      ),
    };
  });
}

/**
 * How much the answers vary at each temperature: the same request several times, scored with the
 * toolkit's similarity (1 = the same words every run). Live, higher temperatures vary more.
 */
export async function temperatureSpread(
  model: string,
  prompt: string,
  temperatures: number[],
  runs = 3,
): Promise<Array<{ temperature: number; similarity: number }>> {
  const modelId = await modelIdFor(model);
  const rows = [];
  for (const temperature of temperatures) {
    const scored = await runConsistency({
      request: {
        modelId,
        messages: [{ role: "user", content: [{ text: prompt }] }],
        inferenceConfig: { temperature, maxTokens: 200 },
      },
      times: runs,
    });
    rows.push({
      temperature,
      similarity: Number(scored.similarity.toFixed(2)),
    });
  }
  return rows;
}
