import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scriptedResponder, startBedrockEmulatorForTests, type TestEmulator } from "bedrock-emulator/node";
import { checks, comparePrompts, runConsistency } from "bedrock-guide";
import { backOffQuickly } from "../shared/quick-backoff";

// The toolkit's clients retry throttled calls up to 6 attempts (adaptive mode), twice the SDK's
// default of 3: three throttled attempts in a row must not fail the run. The SDK's back-off runs
// on quick timers: these tests count attempts, not seconds.

let emu: TestEmulator;
const model = scriptedResponder([{ prompt: "Name a colour.", reply: "red" }, { prompt: "Say hi", reply: "- a\n- b" }]);

beforeAll(async () => {
  process.env.BEDROCK_GUIDE_LANG = "en";
  emu = await startBedrockEmulatorForTests({ responder: model, region: "us-east-1" });
});
afterAll(async () => {
  await emu.stop();
});

describe("throttled calls are retried past the SDK's default 3 attempts", () => {
  it("runConsistency", async () => {
    backOffQuickly();
    emu.faults.add({ fault: "throttle", times: 3 });
    const request = { modelId: "mistral.ministral-3-8b-instruct", messages: [{ role: "user" as const, content: [{ text: "Name a colour." }] }] };
    const scored = await runConsistency({ request, times: 2, concurrency: 1 });
    expect(scored.answers).toEqual(["red", "red"]);
  });

  it("comparePrompts", async () => {
    backOffQuickly();
    emu.faults.add({ fault: "throttle", times: 3 });
    const comparison = await comparePrompts({
      variants: [{ name: "ok", request: (q: string) => ({ modelId: "mistral.ministral-3-8b-instruct", messages: [{ role: "user" as const, content: [{ text: q }] }] }) }],
      cases: [{ input: "Say hi", checks: [checks.bullets()] }],
    });
    expect(comparison.runs[0].error).toBeUndefined();
    expect(comparison.runs[0].passed).toBe(true);
  });
});
