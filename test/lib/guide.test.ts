import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator } from "bedrock-emulator";
import { describeSession, startGuide, type Guide } from "bedrock-guide";

const converse = (modelId: string) =>
  new BedrockRuntimeClient({}).send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: "Hello there" }] }] }));

let guide: Guide | undefined;
afterEach(async () => {
  await guide?.stop();
  guide = undefined;
});

describe("offline session", () => {
  it("points the SDK at the in-process emulator and puts the environment back on stop", async () => {
    const before = process.env.AWS_ENDPOINT_URL;
    guide = await startGuide({ quiet: true, region: "eu-west-1", lang: "en" });
    expect(guide.mode).toBe("offline");
    expect(process.env.AWS_ENDPOINT_URL).toBe(guide.endpoint);
    expect(guide.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const reply = await converse("eu.anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(reply.output?.message?.role).toBe("assistant");
    await guide.stop();
    guide = undefined;
    expect(process.env.AWS_ENDPOINT_URL).toBe(before);
  });

  it("reuses the session when the setup cell runs again, restarts it when options change", async () => {
    const first = await startGuide({ quiet: true, lang: "en" });
    expect(await startGuide({ quiet: true, lang: "en" })).toBe(first);
    guide = await startGuide({ quiet: true, lang: "en", region: "us-west-2" });
    expect(guide).not.toBe(first);
    expect(guide.region).toBe("us-west-2");
  });

  it("describes the session in the reader's language without printing secrets", async () => {
    guide = await startGuide({ quiet: true, lang: "es" });
    const lines = describeSession(guide).join("\n");
    expect(lines).toContain("Modo: sin conexión");
    expect(lines).toContain(`Endpoint: ${guide.endpoint}`);
    expect(lines).not.toContain(process.env.AWS_SECRET_ACCESS_KEY!);
  });

  it("explains a US profile called from a European region with that region's profiles", async () => {
    guide = await startGuide({ quiet: true, region: "eu-west-1", lang: "en" });
    const error = (await converse("us.anthropic.claude-haiku-4-5-20251001-v1:0").then(() => undefined, (e: unknown) => e)) as (Error & { advice?: { problem: string } }) | undefined;
    expect(error?.name).toBe("ValidationException");
    expect(error?.advice?.problem).toBe("profile-not-in-region");
    expect(error?.message).toContain("eu.anthropic.claude-haiku-4-5-20251001-v1:0");
  });

  it("gives advice for the region of the client that failed, not the session's", async () => {
    guide = await startGuide({ quiet: true, region: "us-west-2", lang: "en" });
    const eastClient = new BedrockRuntimeClient({ region: "us-east-1" });
    const call = eastClient.send(new ConverseCommand({ modelId: "stability.stable-image-core-v1:1", messages: [{ role: "user", content: [{ text: "a fox" }] }] }));
    const error = (await call.then(() => undefined, (e: unknown) => e)) as (Error & { advice?: { problem: string } }) | undefined;
    expect(error?.advice?.problem).toBe("model-not-in-region");
    expect(error?.message).toContain('region: "us-west-2"');
  });

  it("refuses a mode it does not know", async () => {
    process.env.BEDROCK_GUIDE_MODE = "production";
    try {
      await expect(startGuide({ quiet: true })).rejects.toThrow(/"offline" or "live"/);
    } finally {
      delete process.env.BEDROCK_GUIDE_MODE;
    }
  });
});

describe("live session", () => {
  it("never starts the emulator and stops spending at the budget", async () => {
    // A stand-in for AWS: the live session only sees an endpoint and keys, as with a real account.
    const aws = await startEmulator();
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ENDPOINT_URL: aws.url, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "example-secret" });
    try {
      guide = await startGuide({ mode: "live", budgetUsd: 1e-9, quiet: true, lang: "en" });
      expect(guide.endpoint).toBe(aws.url);
      expect(guide.simulate({ fault: "throttle" })).toBe(false);
      await converse("us.amazon.nova-micro-v1:0");
      expect(guide.meter.totalUsd).toBeGreaterThan(1e-9);
      const error = await converse("us.amazon.nova-micro-v1:0").then(() => undefined, (e: Error) => e);
      expect(error?.name).toBe("BudgetExceededError");
      expect(error?.message).toContain("BEDROCK_GUIDE_BUDGET_USD");
      expect(guide.meter.calls).toHaveLength(1);
    } finally {
      process.env = saved;
      await aws.close();
    }
  });
});
