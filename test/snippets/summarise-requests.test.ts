// snippets/testing-offline/summarise.ts beyond what its own lesson tests show: the client's retry
// settings, what summarise sends, and how it reads odd answers. A scripted emulator behind the
// SDK's request handler records each request and gives canned replies (hand-chosen here).
import { emulatorRequestHandler, scriptedResponder, type ScriptedRule } from "bedrock-emulator/node";
import { describe, expect, it } from "vitest";
import { SUMMARY_MODEL, summariserClient, summarise } from "../../snippets/testing-offline/summarise";

function scriptedClient(replies: ScriptedRule[] = []) {
  const responder = scriptedResponder(replies);
  const client = summariserClient({
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    requestHandler: emulatorRequestHandler({ env: {}, responder }),
  });
  return { client, calls: responder.calls };
}

describe("summariserClient", () => {
  it("retries in adaptive mode, four attempts in all", async () => {
    const client = summariserClient({ region: "us-east-1" });
    expect(client.config.retryMode).toBe("adaptive");
    expect(await client.config.maxAttempts()).toBe(4);
    expect(((await client.config.retryStrategy()) as { mode?: string }).mode).toBe("adaptive");
  });

  it("lets the caller's settings win over its defaults", async () => {
    const client = summariserClient({ region: "eu-west-1", maxAttempts: 2, retryMode: "standard" });
    expect(await client.config.maxAttempts()).toBe(2);
    expect(client.config.retryMode).toBe("standard");
    expect(await client.config.region()).toBe("eu-west-1");
  });
});

describe("summarise, against a scripted emulator", () => {
  it("sends the text as the only user message, with a one-sentence system prompt and a length cap", async () => {
    const { client, calls } = scriptedClient([{ reply: "A short summary." }]);
    expect(await summarise("Some long article.", { client })).toBe("A short summary.");
    expect(calls).toHaveLength(1);
    expect(calls[0].requestedModelId).toBe(SUMMARY_MODEL);
    expect(calls[0].messages).toEqual([{ role: "user", content: [{ text: "Some long article." }] }]);
    // The emulator follows "in one sentence" (packages/emulator/README.md); the system prompt must ask for it.
    expect(JSON.stringify(calls[0].system)).toMatch(/one sentence/);
    expect(calls[0].inferenceConfig.maxTokens).toBeGreaterThan(0);
  });

  it("calls the model it is given instead of the default", async () => {
    const { client, calls } = scriptedClient([{ reply: "Done." }]);
    await summarise("Text.", { client, modelId: "amazon.nova-pro-v1:0" });
    expect(calls[0].requestedModelId).toBe("amazon.nova-pro-v1:0");
  });

  it("trims the answer", async () => {
    const { client } = scriptedClient([{ reply: "  Padded summary.\n" }]);
    expect(await summarise("Text.", { client })).toBe("Padded summary.");
  });

  it("reads only the text blocks of the answer", async () => {
    const toolCall = { name: "lookup", input: { q: "x" } };
    const { client } = scriptedClient([{ reply: { text: "Text part.", toolUses: [toolCall] } }]);
    expect(await summarise("Text.", { client })).toBe("Text part.");
    // A tool call alone is no summary (the emulator ends such a turn with tool_use).
    const toolOnly = scriptedClient([{ reply: { text: "", toolUses: [toolCall] } }]);
    await expect(summarise("Text.", { client: toolOnly.client })).rejects.toThrow("No summary (stopReason: tool_use)");
  });

  it("refuses an empty or blank answer, naming the stopReason", async () => {
    for (const reply of ["", "  \n "]) {
      const { client } = scriptedClient([{ reply }]);
      await expect(summarise("Text.", { client })).rejects.toThrow("No summary (stopReason: end_turn)");
    }
  });
});
