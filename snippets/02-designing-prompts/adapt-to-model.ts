import {
  BedrockRuntimeClient,
  ConverseCommand,
  type Message,
  type SystemContentBlock,
} from "@aws-sdk/client-bedrock-runtime";
import {
  checkAnswer,
  explainError,
  inParallel,
  modelIdFor,
  type Check,
} from "bedrock-guide";

export interface ModelVerdict {
  model: string;
  passed: string;
  /** The checks that failed, with their reasons. */
  failures: string;
  answer: string;
}

/**
 * The same prompt to several models side by side, each answer put through the same checks: what
 * the article did by eye in the playground, done by a program.
 */
export async function samePromptOnModels(
  prompt: { system: SystemContentBlock[]; messages: Message[] },
  models: string[],
  checks: Check[],
): Promise<ModelVerdict[]> {
  const runtime = new BedrockRuntimeClient({});
  return inParallel(models, 3, async (model) => {
    // The advice names what was really called, so keep the resolved ID once there is one.
    let modelId = model;
    try {
      modelId = await modelIdFor(model);
      const response = await runtime.send(
        new ConverseCommand({
          modelId,
          ...prompt,
          inferenceConfig: { maxTokens: 500 },
        }),
      );
      const report = await checkAnswer(response, checks);
      const failed = report.results.filter((r) => !r.passed);
      return {
        model,
        passed: `${report.results.length - failed.length}/${report.results.length}`,
        failures:
          failed.map((r) => `${r.check}: ${r.reason}`).join("; ") || "—",
        answer: (response.output?.message?.content ?? [])
          .map((b) => b.text ?? "")
          .join(""),
      };
    } catch (error) {
      return {
        model,
        passed: `0/${checks.length}`,
        failures: explainError(error, { modelId }).title,
        answer: "",
      };
    }
  });
}
