// What guide-offline.test.ts runs inside the page: the lib's browser entry, which brings the
// emulator's core, and the four SDK clients, bundled for the browser. A lesson's cells, as the site
// will run them: startGuide(), then plain clients built with no endpoint, region or credentials.
// Every answer and every error goes back to the test as data.
import {
  BedrockClient,
  ListFoundationModelsCommand,
} from "@aws-sdk/client-bedrock";
import {
  BedrockAgentClient,
  CreatePromptCommand,
  GetPromptCommand,
} from "@aws-sdk/client-bedrock-agent";
import {
  BedrockAgentRuntimeClient,
  OptimizePromptCommand,
} from "@aws-sdk/client-bedrock-agent-runtime";
import {
  BedrockRuntimeClient,
  ConverseCommand,
} from "@aws-sdk/client-bedrock-runtime";
import {
  describeSession,
  forgetPagePrompts,
  modelIdFor,
  startGuide,
} from "bedrock-guide";

const question = (modelId: string) =>
  new ConverseCommand({
    modelId,
    messages: [
      {
        role: "user",
        content: [{ text: "Explain tides in two sentences." }],
      },
    ],
  });

/** An error as data: its name, its message and the advice the guide attached. */
function failure(error: unknown) {
  // The SDK rejects a missing region with a bare string.
  if (typeof error === "string") return { name: "string", message: error };
  const e = error as {
    name?: string;
    message?: string;
    advice?: { problem?: string };
  };
  return { name: e.name, message: e.message, advice: e.advice?.problem };
}
const outcome = (call: Promise<unknown>) =>
  call.then(() => ({ name: "no error" }), failure);

async function run(
  explicitEndpoint: string,
): Promise<Record<string, unknown>> {
  const guide = await startGuide({ lang: "en" });
  const banner = describeSession(guide);

  const runtime = new BedrockRuntimeClient({});
  const converse = await runtime.send(question("amazon.nova-lite-v1:0"));
  // Lessons resolve a model for the session's region with no region of their own.
  const haikuHere = await modelIdFor(
    "anthropic.claude-haiku-4-5-20251001-v1:0",
  ).then((modelId) => ({ modelId }), failure);

  const agent = new BedrockAgentClient({});
  const created = await agent.send(
    new CreatePromptCommand({
      name: `tides-${Date.now()}`,
      variants: [
        {
          name: "main",
          templateType: "TEXT",
          modelId: "amazon.nova-lite-v1:0",
          templateConfiguration: {
            text: {
              text: "Explain {{topic}} to a child.",
              inputVariables: [{ name: "topic" }],
            },
          },
        },
      ],
    }),
  );

  const models = await new BedrockClient({}).send(
    new ListFoundationModelsCommand({}),
  );

  const optimized = await new BedrockAgentRuntimeClient({}).send(
    new OptimizePromptCommand({
      input: { textPrompt: { text: "Explain {{topic}} to a child." } },
      targetModelId: "amazon.nova-lite-v1:0",
    }),
  );
  const optimizedEvents: string[] = [];
  for await (const event of optimized.optimizedPrompt!)
    optimizedEvents.push(Object.keys(event).find((k) => k !== "$unknown")!);

  // A client the reader pointed somewhere on purpose is left alone: it goes to its endpoint.
  const explicit = new BedrockRuntimeClient({
    region: "us-east-1",
    endpoint: explicitEndpoint,
    credentials: { accessKeyId: "reader", secretAccessKey: "reader" },
    maxAttempts: 1,
  });
  const fromExplicit = await explicit.send(
    question("amazon.nova-lite-v1:0"),
  );

  // guide.simulate reaches the in-page emulator: the next call is refused, with the guide's advice.
  guide.simulate({ fault: "access-denied", times: 1 });
  const denied = await outcome(
    runtime.send(question("amazon.nova-lite-v1:0")),
  );

  const metered = guide.meter.calls.map((c) => ({
    operation: c.operation,
    modelId: c.modelId,
    inputTokens: c.inputTokens,
    outputTokens: c.outputTokens,
  }));

  await guide.stop();
  const afterStop = await outcome(
    runtime.send(question("amazon.nova-lite-v1:0")),
  );
  const newClientAfterStop = await outcome(
    new BedrockRuntimeClient({}).send(question("amazon.nova-lite-v1:0")),
  );

  // A second session (as when the setup cell runs again, in Spanish): a new emulator, which finds
  // the prompt the first one saved, reached through the same client the first session routed.
  const again = await startGuide({ lang: "es", quiet: true });
  const reread = await agent.send(
    new GetPromptCommand({ promptIdentifier: created.id! }),
  );
  await again.stop();
  const afterSecondStop = await outcome(
    agent.send(new GetPromptCommand({ promptIdentifier: created.id! })),
  );

  // The page's Reset: the saved prompts forgotten, so a third session starts with none.
  await forgetPagePrompts();
  const third = await startGuide({ lang: "en", quiet: true });
  const afterForget = await outcome(
    agent.send(new GetPromptCommand({ promptIdentifier: created.id! })),
  );
  await third.stop();

  return {
    haikuHere,
    banner,
    endpoint: guide.endpoint,
    converse: {
      text: converse.output?.message?.content?.[0]?.text,
      usage: converse.usage,
    },
    prompt: { id: created.id, name: created.name, rereadName: reread.name },
    modelCount: models.modelSummaries?.length,
    optimizedEvents,
    fromExplicit: fromExplicit.output?.message?.content?.[0]?.text,
    denied,
    metered,
    afterStop,
    newClientAfterStop,
    afterSecondStop,
    afterForget,
  };
}

(globalThis as { guideResult?: Promise<unknown> }).guideResult = run(
  `${location.origin}/explicit`,
).catch((e: unknown) => ({
  error:
    e instanceof Error
      ? `${e.name}: ${e.message}\n${e.stack}`
      : `not an Error: ${String(e)} ${JSON.stringify(e)}`,
}));
