import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { fieldsThePromptDefines } from "bedrock-guide";

/**
 * Fields a Converse request may not carry when its modelId is a prompt: the prompt defines them.
 * The list and its source (the Converse API reference) live in data/prompt-management.json.
 */
export const FIELDS_THE_PROMPT_DEFINES = fieldsThePromptDefines();

const asPromptVariables = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values).map(([name, text]) => [name, { text }]),
  );

/** Runs a prompt version: its ARN goes where a model ID would, and the variables fill its template. */
export async function runPrompt(
  versionArn: string,
  values: Record<string, string>,
) {
  const runtime = new BedrockRuntimeClient({});
  const reply = await runtime.send(
    new ConverseCommand({
      modelId: versionArn,
      promptVariables: asPromptVariables(values),
    }),
  );
  const text = (reply.output?.message?.content ?? [])
    .map((block) => block.text ?? "")
    .join("");
  return { text, stopReason: reply.stopReason, usage: reply.usage };
}

/** The same, streamed: each piece of text goes to `onText` as it arrives. */
export async function streamPrompt(
  versionArn: string,
  values: Record<string, string>,
  onText: (text: string) => void,
) {
  const runtime = new BedrockRuntimeClient({});
  const { stream } = await runtime.send(
    new ConverseStreamCommand({
      modelId: versionArn,
      promptVariables: asPromptVariables(values),
    }),
  );
  let text = "";
  for await (const event of stream ?? []) {
    const piece = event.contentBlockDelta?.delta?.text;
    if (piece) {
      text += piece;
      onText(piece);
    }
  }
  return text;
}
