import {
  BedrockAgentClient,
  CreatePromptVersionCommand,
  GetPromptCommand,
  paginateListPrompts,
  UpdatePromptCommand,
  type GetPromptCommandOutput,
  type PromptSummary,
} from "@aws-sdk/client-bedrock-agent";
import {
  currentLanguage,
  say,
  templateVariables,
  type Language,
} from "bedrock-guide";
import { createTwoFilesPatch } from "diff";

/** A version is a frozen copy of the DRAFT. Unlike what the article believed, it takes a description. */
export async function createVersion(promptId: string, description: string) {
  const agent = new BedrockAgentClient({});
  return agent.send(
    new CreatePromptVersionCommand({
      promptIdentifier: promptId,
      description,
    }),
  );
}

/** The numbered versions of one prompt (ListPrompts with promptIdentifier lists them, DRAFT aside). */
export async function listVersions(
  promptId: string,
): Promise<PromptSummary[]> {
  const agent = new BedrockAgentClient({});
  const versions: PromptSummary[] = [];
  for await (const page of paginateListPrompts(
    { client: agent },
    { promptIdentifier: promptId },
  )) {
    versions.push(
      ...(page.promptSummaries ?? []).filter((p) => p.version !== "DRAFT"),
    );
  }
  return versions;
}

/**
 * Edits the DRAFT's template text. UpdatePrompt replaces the whole draft, so it sends everything back,
 * the encryption key included, and declares the variables of the new text. Only TEXT templates: a CHAT
 * prompt's text is spread over a system prompt and messages, so it refuses rather than guess.
 */
export async function editDraftText(
  promptId: string,
  edit: (text: string) => string,
) {
  const agent = new BedrockAgentClient({});
  const draft = await agent.send(
    new GetPromptCommand({ promptIdentifier: promptId }),
  );
  const variants = (draft.variants ?? []).map((variant) => {
    const text = variant.templateConfiguration?.text;
    if (variant.templateType !== "TEXT" || typeof text?.text !== "string")
      throw new Error(
        say(
          {
            es: `editDraftText solo edita plantillas TEXT, y la variante ${variant.name} de ${draft.name} es ${variant.templateType}: cambia su system o sus messages con UpdatePrompt.`,
            en: `editDraftText only edits TEXT templates, and variant ${variant.name} of ${draft.name} is ${variant.templateType}: change its system or messages with UpdatePrompt.`,
          },
          currentLanguage(),
        ),
      );
    const edited = edit(text.text);
    return {
      ...variant,
      templateConfiguration: {
        text: {
          ...text,
          text: edited,
          inputVariables: templateVariables(edited).map((name) => ({
            name,
          })),
        },
      },
    };
  });
  return agent.send(
    new UpdatePromptCommand({
      promptIdentifier: promptId,
      name: draft.name,
      description: draft.description,
      customerEncryptionKeyArn: draft.customerEncryptionKeyArn,
      defaultVariant: draft.defaultVariant,
      variants,
    }),
  );
}

/** The parts of a prompt version a reviewer cares about, one per line, so a line diff reads well. */
function reviewText(prompt: GetPromptCommandOutput): string {
  const lines = [
    `name: ${prompt.name}`,
    `description: ${prompt.description ?? ""}`,
  ];
  for (const variant of prompt.variants ?? []) {
    lines.push(
      `variant: ${variant.name}`,
      `model: ${variant.modelId ?? ""}`,
    );
    for (const [key, value] of Object.entries(
      variant.inferenceConfiguration?.text ?? {},
    ))
      lines.push(`${key}: ${JSON.stringify(value)}`);
    const text = variant.templateConfiguration?.text;
    const chat = variant.templateConfiguration?.chat;
    if (text?.text)
      lines.push("text:", ...text.text.split("\n").map((l) => `  ${l}`));
    for (const block of chat?.system ?? [])
      lines.push(
        "system:",
        ...(block.text ?? "").split("\n").map((l) => `  ${l}`),
      );
    for (const message of chat?.messages ?? []) {
      for (const block of message.content ?? [])
        lines.push(
          `${message.role}:`,
          ...(block.text ?? "").split("\n").map((l) => `  ${l}`),
        );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A unified diff of two versions (numbers or "DRAFT") of the same prompt. */
export async function diffVersions(
  promptId: string,
  from: string,
  to: string,
  lang: Language = currentLanguage(),
): Promise<string> {
  const label = (version: string) =>
    `${say({ es: "versión", en: "version" }, lang)} ${version}`;
  const agent = new BedrockAgentClient({});
  const [a, b] = await Promise.all(
    [from, to].map((version) =>
      agent.send(
        new GetPromptCommand({
          promptIdentifier: promptId,
          promptVersion: version,
        }),
      ),
    ),
  );
  return createTwoFilesPatch(
    label(from),
    label(to),
    reviewText(a),
    reviewText(b),
    a.description ?? "",
    b.description ?? "",
  );
}
