// Tagging prompts (bedrock-agent TagResource / UntagResource / ListTagsForResource) through the real SDK.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreatePromptCommand, CreatePromptVersionCommand, ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand, type BedrockAgentClient } from "@aws-sdk/client-bedrock-agent";
import { startEmulator } from "bedrock-emulator/node";
import { clients, expectAwsError, textVariant } from "./prompts-helpers";

let emu: Awaited<ReturnType<typeof startEmulator>>;
let agent: BedrockAgentClient;
beforeAll(async () => {
  emu = await startEmulator();
  agent = clients(emu.url).agent;
});
afterAll(async () => {
  agent?.destroy();
  await emu?.close();
});

describe("prompt tags", () => {
  it("lists the tags given at creation, adds, overwrites and removes them", async () => {
    const created = await agent.send(new CreatePromptCommand({ name: "tagged-prompt", variants: [textVariant("Hi {{x}}", ["x"])], defaultVariant: "main", tags: { team: "docs", owner: "ana" } }));
    const arn = created.arn!;
    expect((await agent.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ team: "docs", owner: "ana" });
    await agent.send(new TagResourceCommand({ resourceArn: arn, tags: { owner: "luis", stage: "test" } }));
    expect((await agent.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ team: "docs", owner: "luis", stage: "test" });
    await agent.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ["stage", "not-there"] }));
    expect((await agent.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ team: "docs", owner: "luis" });
  });

  it("a version keeps its own tags", async () => {
    const created = await agent.send(new CreatePromptCommand({ name: "versioned-tags", variants: [textVariant("Hi", [])], defaultVariant: "main", tags: { team: "docs" } }));
    const version = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: created.id, description: "v1", tags: { release: "1" } }));
    expect((await agent.send(new ListTagsForResourceCommand({ resourceArn: version.arn }))).tags).toEqual({ release: "1" });
    expect((await agent.send(new ListTagsForResourceCommand({ resourceArn: created.arn }))).tags).toEqual({ team: "docs" });
  });

  it("an ARN that names no prompt is ResourceNotFoundException", async () => {
    await expectAwsError(agent.send(new ListTagsForResourceCommand({ resourceArn: "arn:aws:bedrock:us-east-1:123456789012:prompt/ABCDEFGHIJ" })), "ResourceNotFoundException", 404);
  });
});
