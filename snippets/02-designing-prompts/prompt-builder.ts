import {
  BedrockRuntimeClient,
  ConverseCommand,
  type InferenceConfiguration,
  type Message,
  type SystemContentBlock,
} from "@aws-sdk/client-bedrock-runtime";
import { modelIdFor } from "bedrock-guide";

/** The five parts of a well-built prompt. Only the instruction is required. */
export interface PromptParts {
  /** Who the model is and who it is talking to. Goes into the system prompt. */
  context?: string;
  /** What to do. */
  instruction: string;
  /** How the answer must look: length, lists, JSON, language. */
  format?: string;
  /** An answer of the kind you expect, to imitate in shape, not in content. */
  example?: string;
  /** What to include or leave out. */
  constraints?: string[];
}

/** What Converse takes: a system prompt and the conversation so far. */
export interface BuiltPrompt {
  system: SystemContentBlock[];
  messages: Message[];
}

/**
 * Renders the parts for Converse. The context becomes the system prompt, so it frames every turn;
 * the other parts go in the user message, each inside its own tag so the model can tell an
 * instruction from an example. Tags are what Anthropic's and Amazon's prompting guides suggest,
 * and they read the same in any language.
 */
export function buildPrompt(parts: PromptParts): BuiltPrompt {
  if (typeof parts?.instruction !== "string" || !parts.instruction.trim()) {
    throw new Error(
      "buildPrompt: `instruction` is required: say what the model must do.",
    );
  }
  const constraints = parts.constraints ?? [];
  const blank = constraints.findIndex(
    (c) => typeof c !== "string" || !c.trim(),
  );
  if (blank >= 0)
    throw new Error(
      `buildPrompt: \`constraints[${blank}]\` is empty; remove it or write the rule.`,
    );

  const sections = [
    `<instruction>\n${parts.instruction.trim()}\n</instruction>`,
    parts.format?.trim() && `<format>\n${parts.format.trim()}\n</format>`,
    parts.example?.trim() &&
      `<example>\n${parts.example.trim()}\n</example>`,
    constraints.length &&
      `<constraints>\n${constraints.map((c) => `- ${c.trim()}`).join("\n")}\n</constraints>`,
  ].filter(Boolean);
  return {
    system: parts.context?.trim() ? [{ text: parts.context.trim() }] : [],
    messages: [
      { role: "user", content: [{ text: sections.join("\n\n") }] },
    ],
  };
}

/** Sends a built prompt to a model, resolved for the reader's region, and returns the answer's text. */
export async function sendPrompt(
  prompt: BuiltPrompt,
  model: string,
  inferenceConfig: InferenceConfiguration = { maxTokens: 500 },
): Promise<string> {
  const runtime = new BedrockRuntimeClient({});
  const response = await runtime.send(
    new ConverseCommand({
      modelId: await modelIdFor(model),
      ...prompt,
      inferenceConfig,
    }),
  );
  return (response.output?.message?.content ?? [])
    .map((b) => b.text ?? "")
    .join("");
}
