import {
  BedrockAgentClient,
  GetPromptCommand,
  paginateListPrompts,
  type PromptSummary,
  type PromptVariant,
} from "@aws-sdk/client-bedrock-agent";

/** What an application needs from a stored prompt to run it, typed. */
export interface PromptSettings {
  name: string;
  arn: string;
  version: string;
  modelId: string;
  templateType: "TEXT" | "CHAT";
  /** TEXT: the template. CHAT: the user messages, one per line. */
  text: string;
  /** CHAT only. */
  system?: string;
  variables: string[];
  maxTokens: number;
  /** Optional: recent Claude models take temperature or topP, not both. */
  temperature?: number;
  topP?: number;
}

/** A field the prompt does not have, named by its path so you know what to fix. */
export class PromptFieldMissing extends Error {
  override name = "PromptFieldMissing";
  constructor(
    readonly prompt: string,
    readonly field: string,
  ) {
    super(
      `Prompt ${prompt} has no ${field}. Set it in the prompt (UpdatePrompt, then CreatePromptVersion) or read another version.`,
    );
  }
}

/**
 * The article's get_prompt_information done right: by ID or ARN (with or without a version),
 * TEXT or CHAT, and a clear error naming the missing field instead of a KeyError.
 */
export async function readPromptSettings(
  identifier: string,
  version?: string,
): Promise<PromptSettings> {
  const agent = new BedrockAgentClient({});
  const prompt = await agent.send(
    new GetPromptCommand({
      promptIdentifier: identifier,
      promptVersion: version,
    }),
  );
  const label = prompt.arn ?? identifier;
  const variant: PromptVariant | undefined =
    prompt.variants?.find((v) => v.name === prompt.defaultVariant) ??
    prompt.variants?.[0];
  if (!variant) throw new PromptFieldMissing(label, "variants[0]");
  if (!variant.modelId)
    throw new PromptFieldMissing(label, `variant ${variant.name}: modelId`);
  const inference = variant.inferenceConfiguration?.text;
  if (inference?.maxTokens === undefined)
    throw new PromptFieldMissing(
      label,
      `variant ${variant.name}: inferenceConfiguration.text.maxTokens`,
    );

  let text: string;
  let system: string | undefined;
  let variables: (string | undefined)[];
  if (variant.templateType === "TEXT") {
    const template = variant.templateConfiguration?.text;
    if (!template?.text)
      throw new PromptFieldMissing(
        label,
        `variant ${variant.name}: templateConfiguration.text.text`,
      );
    text = template.text;
    variables = (template.inputVariables ?? []).map((v) => v.name);
  } else if (variant.templateType === "CHAT") {
    const chat = variant.templateConfiguration?.chat;
    if (!chat?.messages?.length)
      throw new PromptFieldMissing(
        label,
        `variant ${variant.name}: templateConfiguration.chat.messages`,
      );
    text = chat.messages
      .map((m) => (m.content ?? []).map((b) => b.text ?? "").join(""))
      .join("\n");
    system = chat.system?.map((b) => b.text ?? "").join("\n");
    variables = (chat.inputVariables ?? []).map((v) => v.name);
  } else {
    throw new PromptFieldMissing(
      label,
      `variant ${variant.name}: templateType TEXT or CHAT`,
    );
  }
  return {
    name: prompt.name ?? "",
    arn: label,
    version: prompt.version ?? "DRAFT",
    modelId: variant.modelId,
    templateType: variant.templateType,
    text,
    system,
    variables: variables.filter((v): v is string => !!v),
    maxTokens: inference.maxTokens,
    temperature: inference.temperature,
    topP: inference.topP,
  };
}

/** Every prompt in the account and region, page after page (ListPrompts returns a few at a time). */
export async function listAllPrompts(): Promise<PromptSummary[]> {
  const agent = new BedrockAgentClient({});
  const prompts: PromptSummary[] = [];
  for await (const page of paginateListPrompts(
    { client: agent, pageSize: 10 },
    {},
  ))
    prompts.push(...(page.promptSummaries ?? []));
  return prompts;
}
