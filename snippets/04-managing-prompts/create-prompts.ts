import {
  BedrockAgentClient,
  CreatePromptCommand,
  type CreatePromptCommandOutput,
} from "@aws-sdk/client-bedrock-agent";
import { modelIdFor, templateVariables } from "bedrock-guide";

export interface NewPrompt {
  name: string;
  description: string;
  /** A foundation-model ID; the prompt stores what your region can call (a profile or the ID). */
  foundationModelId: string;
  tags: Record<string, string>;
}

/**
 * A TEXT prompt: one template with `{{variables}}` that Bedrock fills in at run time. The guide's
 * `templateVariables` lists them by AWS's naming rule, and refuses a name AWS would refuse.
 * Claude Haiku 4.5 and later refuse temperature and topP together, so only temperature is set.
 */
export async function createTextPrompt(
  prompt: NewPrompt & { text: string },
): Promise<CreatePromptCommandOutput> {
  const agent = new BedrockAgentClient({});
  const variables = templateVariables(prompt.text);
  return agent.send(
    new CreatePromptCommand({
      name: prompt.name,
      description: prompt.description,
      defaultVariant: "main",
      variants: [
        {
          name: "main",
          templateType: "TEXT",
          templateConfiguration: {
            text: {
              text: prompt.text,
              inputVariables: variables.map((name) => ({ name })),
            },
          },
          modelId: await modelIdFor(prompt.foundationModelId),
          inferenceConfiguration: {
            text: { temperature: 0.2, maxTokens: 400 },
          },
        },
      ],
      tags: prompt.tags,
    }),
  );
}

/** A CHAT prompt: a system prompt plus messages, the shape Converse itself takes. */
export async function createChatPrompt(
  prompt: NewPrompt & { system: string; userMessage: string },
): Promise<CreatePromptCommandOutput> {
  const agent = new BedrockAgentClient({});
  const text = `${prompt.system}\n${prompt.userMessage}`;
  const variables = templateVariables(text);
  return agent.send(
    new CreatePromptCommand({
      name: prompt.name,
      description: prompt.description,
      defaultVariant: "main",
      variants: [
        {
          name: "main",
          templateType: "CHAT",
          templateConfiguration: {
            chat: {
              system: [{ text: prompt.system }],
              messages: [
                { role: "user", content: [{ text: prompt.userMessage }] },
              ],
              inputVariables: variables.map((name) => ({ name })),
            },
          },
          modelId: await modelIdFor(prompt.foundationModelId),
          inferenceConfiguration: {
            text: { temperature: 0.3, maxTokens: 500 },
          },
        },
      ],
      tags: prompt.tags,
    }),
  );
}
