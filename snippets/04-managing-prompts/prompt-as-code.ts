import type { CreatePromptCommandInput } from "@aws-sdk/client-bedrock-agent";
import { templateVariables } from "bedrock-guide";

/** The chapter's prompt, defined once. Both the API request and the CloudFormation resource come from here. */
export interface PromptDefinition {
  name: string;
  description: string;
  /** What the variant stores as modelId (a profile or model ID your region can call). */
  modelId: string;
  text: string;
  temperature: number;
  maxTokens: number;
  tags: Record<string, string>;
}

/** The CreatePrompt request for the definition. */
export function toCreatePromptRequest(
  def: PromptDefinition,
): CreatePromptCommandInput {
  return {
    name: def.name,
    description: def.description,
    defaultVariant: "main",
    variants: [
      {
        name: "main",
        templateType: "TEXT",
        templateConfiguration: {
          text: {
            text: def.text,
            inputVariables: templateVariables(def.text).map((name) => ({
              name,
            })),
          },
        },
        modelId: def.modelId,
        inferenceConfiguration: {
          text: { temperature: def.temperature, maxTokens: def.maxTokens },
        },
      },
    ],
    tags: def.tags,
  };
}

/** CloudFormation spells each API field in PascalCase; tag keys and values stay as written. */
function pascalCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalCase);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]) => [
        key[0].toUpperCase() + key.slice(1),
        key === "tags" ? v : pascalCase(v),
      ]),
  );
}

/**
 * The same definition as an AWS::Bedrock::Prompt resource: the CreatePrompt request with
 * CloudFormation's spelling, so the template and the API call cannot drift apart.
 */
export function toCloudFormation(
  def: PromptDefinition,
  logicalId = "ChapterPrompt",
) {
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Resources: {
      [logicalId]: {
        Type: "AWS::Bedrock::Prompt",
        Properties: pascalCase(toCreatePromptRequest(def)),
      },
    },
  };
}
