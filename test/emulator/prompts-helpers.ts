// Shared helpers for the Prompt Management conformance tests: real SDK clients pointed at an
// in-process emulator, and an assertion for AWS-shaped errors.
import { BedrockAgentClient } from "@aws-sdk/client-bedrock-agent";
import { BedrockAgentRuntimeClient } from "@aws-sdk/client-bedrock-agent-runtime";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { PromptVariant } from "@aws-sdk/client-bedrock-agent";

// One definition of "this call must fail like AWS": shared with the rest of the emulator tests.
export { expectAwsError } from "./helpers";

export const dummyCredentials = { accessKeyId: "AKIDEMULATOREXAMPLE", secretAccessKey: "emulator-secret-not-real" };

// maxAttempts 1: the tests assert the first answer, and retries would hide 429s and slow things down.
export function clients(url: string, region = "us-east-1") {
  const config = { endpoint: url, region, credentials: dummyCredentials, maxAttempts: 1 };
  return {
    agent: new BedrockAgentClient(config),
    agentRuntime: new BedrockAgentRuntimeClient(config),
    runtime: new BedrockRuntimeClient(config),
  };
}

/** Base model ID (what OptimizePrompt takes). */
export const NOVA_LITE = "amazon.nova-lite-v1:0";
/** Nova Lite is served only through inference profiles, so a prompt that runs it names the profile. */
export const NOVA_LITE_PROFILE = "us.amazon.nova-lite-v1:0";

export function textVariant(text: string, variables: string[], extra: Partial<PromptVariant> = {}): PromptVariant {
  return {
    name: "main",
    templateType: "TEXT",
    modelId: NOVA_LITE_PROFILE,
    templateConfiguration: { text: { text, inputVariables: variables.map((name) => ({ name })) } },
    inferenceConfiguration: { text: { temperature: 0.2, topP: 0.9, maxTokens: 300, stopSequences: ["###"] } },
    ...extra,
  } as PromptVariant;
}

export function chatVariant(): PromptVariant {
  return {
    name: "chat",
    templateType: "CHAT",
    modelId: NOVA_LITE_PROFILE,
    templateConfiguration: {
      chat: {
        system: [{ text: "You are a tutor who explains {{subject}} to beginners." }],
        messages: [
          { role: "user", content: [{ text: "Give me one tip about {{subject}}." }] },
          { role: "assistant", content: [{ text: "Sure. What level are you at?" }] },
          { role: "user", content: [{ text: "I am a {{level}}." }] },
        ],
        inputVariables: [{ name: "subject" }, { name: "level" }],
        toolConfiguration: {
          tools: [
            {
              toolSpec: {
                name: "lookup_glossary",
                description: "Looks a term up in the glossary",
                inputSchema: { json: { type: "object", properties: { term: { type: "string" } }, required: ["term"] } },
              },
            },
          ],
        },
      },
    },
    inferenceConfiguration: { text: { maxTokens: 400, temperature: 0.5 } },
  } as PromptVariant;
}
