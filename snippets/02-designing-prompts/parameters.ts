import {
  BedrockRuntimeClient,
  ConverseCommand,
  type InferenceConfiguration,
} from "@aws-sdk/client-bedrock-runtime";
import {
  explainError,
  modelIdFor,
  refusesTemperatureWithTopP,
  runConsistency,
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
 * Temperature and topP both control how adventurous sampling is. Some models (Claude Sonnet 4.5,
 * Haiku 4.5 and later) refuse both in one request, so this keeps temperature and drops topP there.
 */
export function sampling(
  model: string,
  wanted: { temperature?: number; topP?: number },
): InferenceConfiguration {
  if (
    wanted.temperature !== undefined &&
    wanted.topP !== undefined &&
    refusesTemperatureWithTopP(model)
  ) {
    return { temperature: wanted.temperature };
  }
  return { ...wanted };
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
