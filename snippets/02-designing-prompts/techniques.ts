import {
  BedrockRuntimeClient,
  ConverseCommand,
  type Message,
} from "@aws-sdk/client-bedrock-runtime";
import { modelIdFor } from "bedrock-guide";

// The seven techniques, each as the conversation it really sends. Incremental prompting and
// self-refinement are several turns: each answer goes back to the model as an assistant turn.

export interface TechniqueRun {
  technique: string;
  system?: string;
  /** Every message of the conversation, the model's answers included. */
  conversation: Message[];
  /** The last answer. */
  answer: string;
}

const user = (text: string): Message => ({
  role: "user",
  content: [{ text }],
});
const assistant = (text: string): Message => ({
  role: "assistant",
  content: [{ text }],
});

/** One Converse turn: sends the conversation, returns the answer's text. */
async function reply(
  model: string,
  conversation: Message[],
  system?: string,
): Promise<string> {
  const runtime = new BedrockRuntimeClient({});
  const response = await runtime.send(
    new ConverseCommand({
      modelId: await modelIdFor(model),
      messages: conversation,
      ...(system ? { system: [{ text: system }] } : {}),
      inferenceConfig: { maxTokens: 400, temperature: 0.2 },
    }),
  );
  return (response.output?.message?.content ?? [])
    .map((b) => b.text ?? "")
    .join("");
}

async function oneTurn(
  technique: string,
  model: string,
  text: string,
  system?: string,
): Promise<TechniqueRun> {
  const conversation = [user(text)];
  const answer = await reply(model, conversation, system);
  return {
    technique,
    system,
    conversation: [...conversation, assistant(answer)],
    answer,
  };
}

/** Zero-shot: the task alone, no examples. */
export const zeroShot = (model: string, task: string) =>
  oneTurn("zero-shot", model, task);

/** Few-shot: worked examples as real earlier turns, so the model continues the pattern. */
export async function fewShot(
  model: string,
  examples: Array<{ question: string; answer: string }>,
  question: string,
): Promise<TechniqueRun> {
  const conversation = [
    ...examples.flatMap((e) => [user(e.question), assistant(e.answer)]),
    user(question),
  ];
  const answer = await reply(model, conversation);
  return {
    technique: "few-shot",
    conversation: [...conversation, assistant(answer)],
    answer,
  };
}

/** Chain of thought: ask for the reasoning as numbered steps before the result. */
export const chainOfThought = (
  model: string,
  problem: string,
  howToReason: string,
) => oneTurn("chain-of-thought", model, `${problem}\n${howToReason}`);

/** Constraints: the task plus explicit limits a program can check. */
export const withConstraints = (
  model: string,
  task: string,
  constraints: string[],
) =>
  oneTurn(
    "constraints",
    model,
    `${task}\n${constraints.map((c) => `- ${c}`).join("\n")}`,
  );

/** Role-playing: the role goes into the system prompt and frames every answer. */
export const rolePlay = (model: string, role: string, task: string) =>
  oneTurn("role-playing", model, task, role);

/** Incremental prompting: one step per turn, each building on the answers before it. */
export async function incremental(
  model: string,
  steps: string[],
): Promise<TechniqueRun> {
  const conversation: Message[] = [];
  let answer = "";
  for (const step of steps) {
    conversation.push(user(step));
    answer = await reply(model, conversation);
    conversation.push(assistant(answer));
  }
  return { technique: "incremental", conversation, answer };
}

/** Self-refinement: draft, critique the draft against criteria, then rewrite it using the critique. */
export async function selfRefine(
  model: string,
  task: string,
  prompts: { critique: string; rewrite: string },
): Promise<TechniqueRun> {
  return {
    ...(await incremental(model, [
      task,
      prompts.critique,
      prompts.rewrite,
    ])),
    technique: "self-refinement",
  };
}

/** The conversation as table rows: what was sent next to what came back. */
export function conversationTable(
  run: TechniqueRun,
  width = 90,
): Array<Record<string, string | number>> {
  const short = (text: string) =>
    (text.length > width ? `${text.slice(0, width - 1)}…` : text).replace(
      /\s+/g,
      " ",
    );
  const rows = run.system
    ? [{ turn: 0, role: "system", text: short(run.system) }]
    : [];
  return [
    ...rows,
    ...run.conversation.map((m, i) => ({
      turn: i + 1,
      role: m.role ?? "",
      text: short((m.content ?? []).map((b) => b.text ?? "").join("")),
    })),
  ];
}

/**
 * Chosen turns in full (whitespace as sent), for what conversationTable cuts: the self-refinement
 * cell compares the draft (turn 2) with the rewrite (turn 6).
 */
export function turnsInFull(
  run: TechniqueRun,
  turns: number[],
): Array<{ turn: number; role: string; text: string }> {
  return turns.map((turn) => {
    const message = run.conversation[turn - 1];
    if (!message) {
      throw new RangeError(
        `turn ${turn} does not exist: the conversation has ${run.conversation.length} turns`,
      );
    }
    return {
      turn,
      role: message.role ?? "",
      text: (message.content ?? []).map((b) => b.text ?? "").join(""),
    };
  });
}
