// The tests a reader would write for summarise.ts, offline: the emulator
// stands in for Amazon Bedrock, imported by package name as in any project.
// #region setup
import {
  AccessDeniedException,
  ThrottlingException,
  type BedrockRuntimeClient,
} from "@aws-sdk/client-bedrock-runtime";
import {
  emulatorRequestHandler,
  startBedrockEmulatorForTests,
  type TestEmulator,
} from "bedrock-emulator/node";
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
} from "vitest";
import { SUMMARY_MODEL, summariserClient, summarise } from "./summarise";

const ARTICLE =
  "The city council approved a new cycling lane along the river. " +
  "Works start in March and should last six months. Shops on the " +
  "street asked for loading zones, and the plan now includes four.";

function sentences(text: string): string[] {
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  return [...segmenter.segment(text)]
    .map((s) => s.segment.trim())
    .filter(Boolean);
}
// #endregion setup

// #region attempts
/** A summariser client that counts the HTTP attempts each call makes. */
function countingClient(): {
  client: BedrockRuntimeClient;
  attempts: () => number;
} {
  const client = summariserClient();
  let attempts = 0;
  // The deserialize step runs inside the retry loop: once per attempt.
  client.middlewareStack.add(
    (next) => (args) => {
      attempts++;
      return next(args);
    },
    { step: "deserialize", name: "countAttempts" },
  );
  return { client, attempts: () => attempts };
}
// #endregion attempts

describe("summarise, against the emulator on a free port", () => {
  // #region lifecycle
  let emu: TestEmulator;
  // Sets AWS_ENDPOINT_URL, AWS_REGION and dummy keys; stop() restores them.
  beforeAll(async () => {
    emu = await startBedrockEmulatorForTests();
  });
  afterAll(() => emu.stop());
  afterEach(() => emu.faults.clear());
  // #endregion lifecycle

  // #region answer
  it("returns the model's one-sentence summary", async () => {
    const summary = await summarise(ARTICLE);
    expect(sentences(summary)).toHaveLength(1);
    expect(sentences(ARTICLE)).toHaveLength(3);
  });
  // #endregion answer

  // #region throttle
  it("survives two throttled attempts", async () => {
    emu.faults.add({ fault: "throttle", model: SUMMARY_MODEL, times: 2 });
    const { client, attempts } = countingClient();
    const summary = await summarise(ARTICLE, { client });
    expect(sentences(summary)).toHaveLength(1);
    expect(attempts()).toBe(3);
  });

  it("gives up after four throttled attempts", async () => {
    emu.faults.add({ fault: "throttle", model: SUMMARY_MODEL, times: 4 });
    const { client, attempts } = countingClient();
    await expect(summarise(ARTICLE, { client })).rejects.toBeInstanceOf(
      ThrottlingException,
    );
    expect(attempts()).toBe(4);
  });
  // #endregion throttle

  // #region denied
  it("does not retry access denied", async () => {
    emu.faults.add({ fault: "access-denied", model: SUMMARY_MODEL });
    const { client, attempts } = countingClient();
    await expect(summarise(ARTICLE, { client })).rejects.toBeInstanceOf(
      AccessDeniedException,
    );
    expect(attempts()).toBe(1);
  });
  // #endregion denied
});

// #region no-port
describe("summarise, with the emulator as the SDK's request handler", () => {
  it("answers and retries without opening a port", async () => {
    // Unlike the test helper, the handler reads BEDROCK_EMULATOR_* from
    // process.env by default; an empty env keeps this test synthetic.
    const handler = emulatorRequestHandler({ env: {} });
    handler.core.faults.add({ fault: "throttle", times: 1 });
    const client = summariserClient({
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      requestHandler: handler,
    });
    const summary = await summarise(ARTICLE, { client });
    expect(sentences(summary)).toHaveLength(1);
  });
});
// #endregion no-port

// #region local-model
// Runs only when BEDROCK_EMULATOR_OPENAI_URL points at a local
// OpenAI-compatible server (Ollama, llama.cpp, vLLM): the answer is real.
describe.runIf(process.env.BEDROCK_EMULATOR_OPENAI_URL)(
  "summarise, with a local model behind the emulator",
  () => {
    let local: TestEmulator;
    // By default the test emulator ignores BEDROCK_EMULATOR_* variables;
    // `env: process.env` lets it read them.
    beforeAll(async () => {
      local = await startBedrockEmulatorForTests({ env: process.env });
    });
    afterAll(() => local.stop());

    it("returns the local model's summary", async () => {
      const summary = await summarise(ARTICLE, {
        client: summariserClient(),
      });
      expect(summary).not.toMatch(/synthetic|sintética/i);
      expect(summary.length).toBeGreaterThan(0);
    });
  },
);
// #endregion local-model
