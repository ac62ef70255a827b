// What another project uses: the SDK requestHandler (no socket) and the test helper (free port,
// standard AWS env vars, restored on stop).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BedrockClient, ListFoundationModelsCommand } from "@aws-sdk/client-bedrock";
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { emulatorRequestHandler, startBedrockEmulatorForTests, type TestEmulator } from "bedrock-emulator/node";

const credentials = { accessKeyId: "x", secretAccessKey: "x" };
const hello = { modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user" as const, content: [{ text: "Hello" }] }] };

describe("emulatorRequestHandler", () => {
  it("answers Converse, ConverseStream and ListFoundationModels without a port", async () => {
    const handler = emulatorRequestHandler({ env: {} });
    const rt = new BedrockRuntimeClient({ region: "us-east-1", credentials, requestHandler: handler });
    const out = await rt.send(new ConverseCommand(hello));
    expect(out.output?.message?.role).toBe("assistant");
    const res = await rt.send(new ConverseStreamCommand(hello));
    const kinds: string[] = [];
    for await (const ev of res.stream!) kinds.push(Object.keys(ev)[0]);
    expect(kinds[0]).toBe("messageStart");
    expect(kinds.at(-1)).toBe("metadata");
    const br = new BedrockClient({ region: "eu-west-1", credentials, requestHandler: emulatorRequestHandler({ env: {}, core: handler.core }) });
    const { modelSummaries } = await br.send(new ListFoundationModelsCommand({}));
    expect(modelSummaries!.every((m) => m.modelArn!.startsWith("arn:aws:bedrock:eu-west-1::"))).toBe(true);
  });
});

describe("BEDROCK_EMULATOR_* in the developer's shell", () => {
  // Both test helpers are hermetic by default (documented in packages/emulator/README.md and on the page
  // "Test your own Bedrock code offline"); `env: process.env` opts in, as the CLI always does.
  const saved = process.env.BEDROCK_EMULATOR_FAULTS;
  beforeAll(() => {
    process.env.BEDROCK_EMULATOR_FAULTS = "throttle";
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.BEDROCK_EMULATOR_FAULTS;
    else process.env.BEDROCK_EMULATOR_FAULTS = saved;
  });
  const converse = (requestHandler: ReturnType<typeof emulatorRequestHandler>) =>
    new BedrockRuntimeClient({ region: "us-east-1", credentials, maxAttempts: 1, requestHandler }).send(new ConverseCommand(hello));

  it("are ignored by emulatorRequestHandler() unless env: process.env is passed", async () => {
    expect((await converse(emulatorRequestHandler())).stopReason).toBe("end_turn");
    await expect(converse(emulatorRequestHandler({ env: process.env }))).rejects.toMatchObject({ name: "ThrottlingException" });
  });

  it("are ignored by startBedrockEmulatorForTests() unless env: process.env is passed", async () => {
    for (const [opts, throttled] of [[{}, false], [{ env: process.env }, true]] as const) {
      const emu = await startBedrockEmulatorForTests(opts);
      try {
        const call = new BedrockRuntimeClient({ maxAttempts: 1 }).send(new ConverseCommand(hello));
        if (throttled) await expect(call).rejects.toMatchObject({ name: "ThrottlingException" });
        else expect((await call).stopReason).toBe("end_turn");
      } finally {
        await emu.stop();
      }
    }
  });
});

describe("startBedrockEmulatorForTests", () => {
  let emu: TestEmulator;
  const before = { ...process.env };
  beforeAll(async () => {
    process.env.AWS_PROFILE = "someone-elses-profile";
    emu = await startBedrockEmulatorForTests();
  });
  afterAll(async () => {
    await emu.stop();
    expect(process.env.AWS_ENDPOINT_URL).toBe(before.AWS_ENDPOINT_URL);
    expect(process.env.AWS_PROFILE).toBe("someone-elses-profile");
    if (before.AWS_PROFILE === undefined) delete process.env.AWS_PROFILE;
    else process.env.AWS_PROFILE = before.AWS_PROFILE;
  });

  it("points a client built with no options at the emulator", async () => {
    expect(process.env.AWS_ENDPOINT_URL).toBe(emu.url);
    expect(process.env.AWS_PROFILE).toBeUndefined();
    const out = await new BedrockRuntimeClient({}).send(new ConverseCommand(hello));
    expect(out.stopReason).toBe("end_turn");
  });

  it("exposes faults for retry tests", async () => {
    emu.faults.add({ fault: "throttle", model: "amazon.nova-lite-v1:0", times: 1 });
    await expect(new BedrockRuntimeClient({ maxAttempts: 1 }).send(new ConverseCommand(hello))).rejects.toMatchObject({ name: "ThrottlingException" });
    expect((await new BedrockRuntimeClient({ maxAttempts: 1 }).send(new ConverseCommand(hello))).stopReason).toBe("end_turn");
  });
});
