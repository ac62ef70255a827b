// What the browser test runs inside the page: the emulator's core and its SDK handler, bundled for
// the browser with the real AWS SDK v3 browser clients. Every answer comes back to the test as data.
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { BedrockClient, ListFoundationModelsCommand } from "@aws-sdk/client-bedrock";
import { BedrockAgentClient, CreatePromptCommand, CreatePromptVersionCommand, GetPromptCommand } from "@aws-sdk/client-bedrock-agent";
import { browserPromptPersistence, createEmulator } from "bedrock-emulator";
import { emulatorRequestHandler } from "bedrock-emulator/sdk-handler";

const credentials = { accessKeyId: "emulator", secretAccessKey: "emulator" };

async function run(): Promise<Record<string, unknown>> {
  // One emulator for every client, its prompts saved in this page's IndexedDB.
  const persistence = browserPromptPersistence({ key: "prompts-under-test" });
  const core = createEmulator({ promptPersistence: persistence });
  const requestHandler = emulatorRequestHandler({ core });
  const runtime = new BedrockRuntimeClient({ region: "us-east-1", credentials, requestHandler });
  const runtimeWest = new BedrockRuntimeClient({ region: "us-west-2", credentials, requestHandler });
  const bedrock = new BedrockClient({ region: "us-east-1", credentials, requestHandler });
  const agent = new BedrockAgentClient({ region: "us-east-1", credentials, requestHandler });

  const question = { modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user" as const, content: [{ text: "Explain tides in two sentences." }] }] };
  const converse = await runtime.send(new ConverseCommand(question));
  const stream = await runtime.send(new ConverseStreamCommand(question));
  let streamed = "";
  const eventTypes: string[] = [];
  for await (const event of stream.stream!) {
    eventTypes.push(Object.keys(event).find((k) => k !== "$unknown")!);
    if (event.contentBlockDelta?.delta?.text) streamed += event.contentBlockDelta.delta.text;
  }

  const image = await runtimeWest.send(
    new InvokeModelCommand({ modelId: "stability.sd3-5-large-v1:0", contentType: "application/json", body: JSON.stringify({ prompt: "a lighthouse at dusk", aspect_ratio: "16:9" }) }),
  );
  const imageBody = JSON.parse(new TextDecoder().decode(image.body)) as { images: string[] };
  const png = Uint8Array.from(atob(imageBody.images[0]), (c) => c.charCodeAt(0));
  // Chromium's own PNG decoder is the judge of the bytes.
  const bitmap = await createImageBitmap(new Blob([png], { type: "image/png" }));

  const models = await bedrock.send(new ListFoundationModelsCommand({}));

  const created = await agent.send(
    new CreatePromptCommand({
      name: "tides-in-a-page",
      variants: [
        {
          name: "main",
          templateType: "TEXT",
          modelId: "amazon.nova-lite-v1:0",
          templateConfiguration: { text: { text: "Explain {{topic}} to a child.", inputVariables: [{ name: "topic" }] } },
        },
      ],
    }),
  );
  const version = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: created.id! }));
  const byArn = await runtime.send(new ConverseCommand({ modelId: version.arn!, promptVariables: { topic: { text: "ocean tides" } } } as never));

  // A second emulator on the same IndexedDB key finds the prompt: it was saved, not only kept in memory.
  const reopened = createEmulator({ promptPersistence: browserPromptPersistence({ key: "prompts-under-test" }) });
  const agentAgain = new BedrockAgentClient({ region: "us-east-1", credentials, requestHandler: emulatorRequestHandler({ core: reopened }) });
  const reread = await agentAgain.send(new GetPromptCommand({ promptIdentifier: created.id!, promptVersion: version.version }));

  return {
    converse: { text: converse.output?.message?.content?.[0]?.text, stopReason: converse.stopReason, usage: converse.usage },
    stream: { text: streamed, eventTypes },
    image: { signature: [...png.subarray(0, 8)], width: bitmap.width, height: bitmap.height, bytes: png.length },
    models: models.modelSummaries?.map((m) => m.modelId),
    prompt: { arn: version.arn, version: version.version, text: byArn.output?.message?.content?.[0]?.text, rereadName: reread.name, rereadArn: reread.arn },
  };
}

(globalThis as { emulatorResult?: Promise<unknown> }).emulatorResult = run().catch((e: Error) => ({ error: `${e.name}: ${e.message}\n${e.stack}` }));
