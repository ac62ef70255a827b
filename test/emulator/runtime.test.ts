// bedrock-runtime conformance through the real SDK client (HTTP/2): Converse, ConverseStream,
// InvokeModel (native bodies), InvokeModelWithResponseStream, CountTokens, ApplyGuardrail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApplyGuardrailCommand,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  type BedrockRuntimeClient,
  type ConverseCommandInput,
  type ConverseStreamOutput,
} from "@aws-sdk/client-bedrock-runtime";
import { approximateTokens, startEmulator, type RunningEmulator } from "bedrock-emulator/node";
import { TODAY, captureHeaders, decodeJson, expectAwsError, pngSize, sdk, user } from "./helpers";

let emu: RunningEmulator;
let rt: BedrockRuntimeClient;
let rtWest: BedrockRuntimeClient;

const HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
const NOVA_MICRO = "us.amazon.nova-micro-v1:0";

beforeAll(async () => {
  // This pretend account keeps using Jamba, so the Legacy model still answers it.
  emu = await startEmulator({ now: () => TODAY, env: {}, recentlyUsedModels: ["ai21.jamba-1-5-mini-v1:0"] });
  rt = sdk(emu.url).runtime;
  rtWest = sdk(emu.url, "us-west-2").runtime;
});
afterAll(() => emu.close());

async function collect(stream: AsyncIterable<ConverseStreamOutput> | undefined) {
  const events: ConverseStreamOutput[] = [];
  for await (const e of stream!) events.push(e);
  return events;
}

describe("Converse", () => {
  const input: ConverseCommandInput = {
    modelId: HAIKU,
    system: [{ text: "Eres un tutor paciente que explica Amazon Bedrock a principiantes." }],
    messages: [user("Hola"), { role: "assistant", content: [{ text: "¡Hola! ¿En qué te ayudo?" }] }, user("¿Qué es una inference profile en Bedrock?")],
    inferenceConfig: { maxTokens: 400, temperature: 0.2 },
  };

  it("reflects what the model received, in the prompt's language", async () => {
    const r = await rt.send(new ConverseCommand(input));
    const text = r.output!.message!.content![0].text!;
    expect(r.output!.message!.role).toBe("assistant");
    expect(text).toContain("Respuesta sintética del emulador de Bedrock");
    expect(text).toContain(HAIKU);
    expect(text).toContain('Prompt de sistema (66 caracteres): "Eres un tutor paciente');
    expect(text).toContain("Mensajes recibidos: 3 (2 del usuario, 1 del asistente)");
    expect(text).toContain('Último mensaje del usuario: "¿Qué es una inference profile en Bedrock?"');
    expect(text).toContain("temperature=0.2");
    expect(text).toContain("maxTokens=400");
    // Haiku 4.5 refuses temperature and topP together, so this request sets only temperature.
    expect(text).toContain("topP=por defecto");
    expect(text).toContain("stopSequences=ninguna");
    const en = await rt.send(
      new ConverseCommand({ modelId: HAIKU, system: [{ text: "You are a patient tutor." }], messages: [user("What is an inference profile?")] }),
    );
    const enText = en.output!.message!.content![0].text!;
    expect(enText).toContain("Synthetic reply from the Bedrock emulator");
    expect(enText).toContain('System prompt (24 chars): "You are a patient tutor."');
    expect(enText).toContain("Messages received: 1 (1 user, 0 assistant)");
    expect(enText).toContain("temperature=default");
    expect(r.stopReason).toBe("end_turn");
    expect(r.usage!.outputTokens).toBe(approximateTokens(text));
    expect(r.usage!.totalTokens).toBe(r.usage!.inputTokens! + r.usage!.outputTokens!);
    expect(r.metrics!.latencyMs).toBeGreaterThan(0);
  });

  it("mentions images and documents it received", async () => {
    const png = Buffer.from("89504e470d0a1a0a", "hex");
    const r = await rt.send(
      new ConverseCommand({
        modelId: HAIKU,
        messages: [
          {
            role: "user",
            content: [
              { text: "Describe la imagen y resume el documento" },
              { image: { format: "png", source: { bytes: png } } },
              { document: { format: "txt", name: "notas", source: { bytes: Buffer.from("hola") } } },
            ],
          },
        ],
      }),
    );
    expect(r.output!.message!.content![0].text).toContain('Adjuntos recibidos: imagen (png), documento (txt, "notas")');
    expect(r.usage!.inputTokens).toBe(approximateTokens("Describe la imagen y resume el documento") + 2 * 256);
  });

  it("is deterministic and depends on the input", async () => {
    const a = await rt.send(new ConverseCommand(input));
    const b = await rt.send(new ConverseCommand(input));
    expect(b.output).toEqual(a.output);
    expect(b.usage).toEqual(a.usage);
    const c = await rt.send(new ConverseCommand({ ...input, messages: [user("Otra pregunta distinta sobre precios")] }));
    expect(c.output!.message!.content![0].text).not.toBe(a.output!.message!.content![0].text);
    expect(c.usage!.inputTokens).not.toBe(a.usage!.inputTokens);
  });

  it("gives different lengths for different models", async () => {
    const models = [HAIKU, NOVA_MICRO, "us.amazon.nova-lite-v1:0", "meta.llama3-8b-instruct-v1:0", "mistral.mistral-7b-instruct-v0:2", "openai.gpt-oss-20b-1:0"];
    const lengths = new Set<number>();
    for (const modelId of models) {
      const r = await rt.send(new ConverseCommand({ modelId, messages: [user("Resume en una frase qué es Bedrock.")] }));
      lengths.add(r.output!.message!.content![0].text!.length - modelId.length);
    }
    expect(lengths.size).toBeGreaterThan(1);
  });

  it("input usage equals CountTokens for the same input", async () => {
    const r = await rt.send(new ConverseCommand(input));
    const count = await rt.send(
      new CountTokensCommand({ modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", input: { converse: { messages: input.messages, system: input.system } } }),
    );
    expect(count.inputTokens).toBe(r.usage!.inputTokens);
    const chars = input.system!.map((s) => s.text!.length).concat(input.messages!.map((m) => m.content![0].text!.length));
    expect(count.inputTokens).toBe(chars.reduce((n, c) => n + Math.ceil(c / 4), 0));
  });

  it("honours maxTokens with stopReason max_tokens", async () => {
    const r = await rt.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("Explica todo con detalle")], inferenceConfig: { maxTokens: 7 } }));
    expect(r.stopReason).toBe("max_tokens");
    expect(r.usage!.outputTokens).toBe(7);
    expect(r.output!.message!.content![0].text!.length).toBe(28);
  });

  it("honours stopSequences with stopReason stop_sequence", async () => {
    const r = await rt.send(
      new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("Escribe hasta FIN y nada más")], inferenceConfig: { stopSequences: ["FIN"] } }),
    );
    expect(r.stopReason).toBe("stop_sequence");
    const text = r.output!.message!.content![0].text!;
    expect(text).not.toContain("FIN");
    expect(text.endsWith("Escribe hasta ")).toBe(true);
  });

  it("returns toolUse when tools are given, then uses the tool result", async () => {
    const toolConfig = {
      tools: [
        {
          toolSpec: {
            name: "get_weather",
            description: "Current weather for a city",
            inputSchema: { json: { type: "object", properties: { city: { type: "string" }, days: { type: "integer" } }, required: ["city"] } },
          },
        },
      ],
    };
    const first = await rt.send(new ConverseCommand({ modelId: HAIKU, messages: [user("¿Qué tiempo hace hoy en Madrid?")], toolConfig }));
    expect(first.stopReason).toBe("tool_use");
    const toolUse = first.output!.message!.content!.find((c) => c.toolUse)!.toolUse!;
    expect(toolUse.name).toBe("get_weather");
    expect(toolUse.input).toEqual({ city: "Madrid" });
    const second = await rt.send(
      new ConverseCommand({
        modelId: HAIKU,
        toolConfig,
        messages: [
          user("¿Qué tiempo hace hoy en Madrid?"),
          first.output!.message!,
          { role: "user", content: [{ toolResult: { toolUseId: toolUse.toolUseId, content: [{ json: { tempC: 21, sky: "despejado" } }] } }] },
        ],
      }),
    );
    expect(second.stopReason).toBe("end_turn");
    expect(second.output!.message!.content![0].text).toContain(`Resultado de la herramienta ${toolUse.toolUseId} (success): {"tempC":21,"sky":"despejado"}`);
  });
});

describe("ConverseStream", () => {
  it("streams exactly the Converse text and usage in several deltas", async () => {
    const input: ConverseCommandInput = { modelId: NOVA_MICRO, system: [{ text: "Sé breve." }], messages: [user("¿Qué es Amazon Bedrock y para qué sirve?")] };
    const whole = await rt.send(new ConverseCommand(input));
    const events = await collect((await rt.send(new ConverseStreamCommand(input))).stream);
    expect(events[0].messageStart?.role).toBe("assistant");
    const deltas = events.filter((e) => e.contentBlockDelta).map((e) => e.contentBlockDelta!.delta!.text!);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(whole.output!.message!.content![0].text);
    expect(events.find((e) => e.messageStop)!.messageStop!.stopReason).toBe(whole.stopReason);
    const meta = events.find((e) => e.metadata)!.metadata!;
    expect(meta.usage).toEqual(whole.usage);
    expect(meta.metrics!.latencyMs).toBe(whole.metrics!.latencyMs);
  });

  it("streams tool use as start, input delta and stop", async () => {
    const events = await collect(
      (
        await rt.send(
          new ConverseStreamCommand({
            modelId: HAIKU,
            messages: [user("Busca vuelos a Lima")],
            toolConfig: { tools: [{ toolSpec: { name: "search_flights", inputSchema: { json: { type: "object", properties: { to: { type: "string" } }, required: ["to"] } } } }] },
          }),
        )
      ).stream,
    );
    const start = events.find((e) => e.contentBlockStart)!.contentBlockStart!;
    expect(start.start!.toolUse!.name).toBe("search_flights");
    const inputJson = events.filter((e) => e.contentBlockDelta?.delta?.toolUse).map((e) => e.contentBlockDelta!.delta!.toolUse!.input).join("");
    expect(JSON.parse(inputJson)).toEqual({ to: "Lima" });
    expect(events.find((e) => e.messageStop)!.messageStop!.stopReason).toBe("tool_use");
  });

  it("honours maxTokens while streaming", async () => {
    const events = await collect((await rt.send(new ConverseStreamCommand({ modelId: NOVA_MICRO, messages: [user("Hola")], inferenceConfig: { maxTokens: 3 } }))).stream);
    expect(events.find((e) => e.messageStop)!.messageStop!.stopReason).toBe("max_tokens");
    expect(events.find((e) => e.metadata)!.metadata!.usage!.outputTokens).toBe(3);
  });
});

describe("InvokeModel with provider-native bodies", () => {
  const invoke = async (client: BedrockRuntimeClient, modelId: string, body: unknown) =>
    decodeJson((await client.send(new InvokeModelCommand({ modelId, body: JSON.stringify(body), contentType: "application/json" }))).body);

  it("Anthropic messages API, with the token-count headers the cost meter reads", async () => {
    const client = sdk(emu.url).runtime;
    const headers = captureHeaders(client);
    const out = await invoke(client, HAIKU, {
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 200,
      system: "Responde en español.",
      messages: [{ role: "user", content: [{ type: "text", text: "Dime algo sobre Lima" }] }],
    });
    expect(out.type).toBe("message");
    expect(out.content[0].type).toBe("text");
    expect(out.content[0].text).toContain("Dime algo sobre Lima");
    expect(out.content[0].text).toContain("Responde en español.");
    expect(out.stop_reason).toBe("end_turn");
    expect(headers[0]["x-amzn-bedrock-input-token-count"]).toBe(String(out.usage.input_tokens));
    expect(headers[0]["x-amzn-bedrock-output-token-count"]).toBe(String(out.usage.output_tokens));
    expect(Number(headers[0]["x-amzn-bedrock-invocation-latency"])).toBeGreaterThan(0);
  });

  it("Anthropic tool use and stop sequences", async () => {
    const tools = await invoke(rt, HAIKU, {
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 200,
      tools: [{ name: "lookup", description: "look up", input_schema: { type: "object", properties: { q: { type: "string" } }, required: ["q"] } }],
      messages: [{ role: "user", content: "Look up Bedrock" }],
    });
    expect(tools.stop_reason).toBe("tool_use");
    expect(tools.content.find((c: { type: string }) => c.type === "tool_use").name).toBe("lookup");
    const stop = await invoke(rt, HAIKU, { anthropic_version: "bedrock-2023-05-31", max_tokens: 200, stop_sequences: ["ALTO"], messages: [{ role: "user", content: "sigue hasta ALTO" }] });
    expect(stop.stop_reason).toBe("stop_sequence");
    expect(stop.stop_sequence).toBe("ALTO");
  });

  it("Nova messages-v1", async () => {
    const out = await invoke(rt, NOVA_MICRO, { schemaVersion: "messages-v1", messages: [{ role: "user", content: [{ text: "Hola Nova" }] }], inferenceConfig: { max_new_tokens: 10 } });
    expect(out.output.message.content[0].text).toHaveLength(40);
    expect(out.stopReason).toBe("max_tokens");
    expect(out.usage.outputTokens).toBe(10);
  });

  it("Llama prompt, Mistral prompt and chat, DeepSeek prompt, Jamba and gpt-oss chat", async () => {
    const llama = await invoke(rt, "meta.llama3-8b-instruct-v1:0", {
      prompt: "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\nSé breve<|eot_id|><|start_header_id|>user<|end_header_id|>\nHola Llama<|eot_id|><|start_header_id|>assistant<|end_header_id|>",
      max_gen_len: 300,
    });
    expect(llama.generation).toContain('Último mensaje del usuario: "Hola Llama"');
    expect(llama.generation).toContain("Sé breve");
    expect(llama.prompt_token_count).toBeGreaterThan(0);
    expect(["stop", "length"]).toContain(llama.stop_reason);

    const mistral = await invoke(rt, "mistral.mistral-7b-instruct-v0:2", { prompt: "<s>[INST] Hola Mistral [/INST]", max_tokens: 300 });
    expect(mistral.outputs[0].text).toContain("Hola Mistral");
    const mistralChat = await invoke(rt, "mistral.mistral-large-2402-v1:0", { messages: [{ role: "user", content: "Hola chat" }], max_tokens: 300 });
    expect(mistralChat.choices[0].message.content).toContain("Hola chat");

    const deepseek = await invoke(rt, "us.deepseek.r1-v1:0", { prompt: "Hola DeepSeek", max_tokens: 300 });
    expect(deepseek.choices[0].text).toContain("Hola DeepSeek");

    const jamba = await invoke(rt, "ai21.jamba-1-5-mini-v1:0", { messages: [{ role: "system", content: "Eres AI21" }, { role: "user", content: "Hola Jamba" }], max_tokens: 300 });
    expect(jamba.choices[0].message.content).toContain("Hola Jamba");
    expect(jamba.choices[0].message.content).toContain("Eres AI21");
    expect(jamba.usage.total_tokens).toBe(jamba.usage.prompt_tokens + jamba.usage.completion_tokens);

    const gpt = await invoke(rt, "openai.gpt-oss-20b-1:0", { messages: [{ role: "user", content: "Hola gpt-oss" }], max_completion_tokens: 5 });
    expect(gpt.choices[0].finish_reason).toBe("length");
    expect(gpt.usage.completion_tokens).toBe(5);
  });

  it("embeddings: Titan v2 and Cohere v3 are deterministic unit vectors", async () => {
    const a = await invoke(rt, "amazon.titan-embed-text-v2:0", { inputText: "hola mundo", dimensions: 256 });
    const b = await invoke(rt, "amazon.titan-embed-text-v2:0", { inputText: "hola mundo", dimensions: 256 });
    expect(a.embedding).toHaveLength(256);
    expect(a.embedding).toEqual(b.embedding);
    expect(Math.hypot(...a.embedding)).toBeCloseTo(1, 3);
    expect(a.inputTextTokenCount).toBe(approximateTokens("hola mundo"));
    const c = await invoke(rt, "cohere.embed-english-v3", { texts: ["uno", "dos"], input_type: "search_document" });
    expect(c.embeddings).toHaveLength(2);
    expect(c.embeddings[0]).toHaveLength(1024);
    expect(c.embeddings[0]).not.toEqual(c.embeddings[1]);
    await expectAwsError(invoke(rt, "cohere.embed-english-v3", { texts: ["uno"] }), "ValidationException", 400, /required key \[input_type\]/);
  });

  it("Stability text-to-image in us-west-2 returns a real PNG sized by aspect_ratio", async () => {
    const body = { prompt: "un faro al atardecer", aspect_ratio: "16:9", seed: 42, output_format: "png" };
    const out = await invoke(rtWest, "stability.sd3-5-large-v1:0", body);
    expect(out.seeds).toEqual([42]);
    expect(out.finish_reasons).toEqual([null]);
    const png = Buffer.from(out.images[0], "base64");
    expect(pngSize(png)).toEqual({ width: 256, height: 144 });
    const again = await invoke(rtWest, "stability.sd3-5-large-v1:0", body);
    expect(again.images[0]).toBe(out.images[0]);
    const other = await invoke(rtWest, "stability.stable-image-core-v1:1", { ...body, prompt: "un gato" });
    expect(other.images[0]).not.toBe(out.images[0]);
    const tall = await invoke(rtWest, "stability.stable-image-ultra-v1:1", { prompt: "torre", aspect_ratio: "9:16" });
    expect(pngSize(Buffer.from(tall.images[0], "base64"))).toEqual({ width: 144, height: 256 });
  });

  it("region selects the catalog: no on-demand Stability in us-east-1", async () => {
    await expectAwsError(invoke(rt, "stability.sd3-5-large-v1:0", { prompt: "faro" }), "ValidationException", 400, "The provided model identifier is invalid.");
  });

  it("a wrong body shape for the provider is a helpful ValidationException", async () => {
    await expectAwsError(
      invoke(rt, HAIKU, { max_tokens: 10, messages: [{ role: "user", content: "x" }] }),
      "ValidationException",
      400,
      "Malformed input request: #: required key [anthropic_version] not found, please reformat your input and try again.",
    );
    await expectAwsError(invoke(rt, "meta.llama3-8b-instruct-v1:0", { inputText: "hola" }), "ValidationException", 400, /required key \[prompt\]/);
    await expectAwsError(invoke(rt, NOVA_MICRO, { messages: [{ role: "user", content: [{ text: "x" }] }], foo: 1 }), "ValidationException", 400, /extraneous key \[foo\]/);
    await expectAwsError(invoke(rtWest, "stability.sd3-5-large-v1:0", { prompt: "x", aspect_ratio: "7:3" }), "ValidationException", 400, /aspect_ratio/);
  });
});

describe("InvokeModelWithResponseStream", () => {
  it("Anthropic chunks carry the same text and end with invocation metrics", async () => {
    const body = JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 300, messages: [{ role: "user", content: "Cuéntame algo" }] });
    const whole = decodeJson((await rt.send(new InvokeModelCommand({ modelId: HAIKU, body }))).body);
    const res = await rt.send(new InvokeModelWithResponseStreamCommand({ modelId: HAIKU, body }));
    const chunks: { type: string; [k: string]: any }[] = [];
    for await (const e of res.body!) if (e.chunk) chunks.push(decodeJson(e.chunk.bytes));
    expect(chunks[0].type).toBe("message_start");
    expect(chunks.at(-1)!.type).toBe("message_stop");
    const text = chunks.filter((c) => c.type === "content_block_delta").map((c) => c.delta.text).join("");
    expect(text).toBe(whole.content[0].text);
    const metrics = chunks.at(-1)!["amazon-bedrock-invocationMetrics"];
    expect(metrics.inputTokenCount).toBe(whole.usage.input_tokens);
    expect(metrics.outputTokenCount).toBe(whole.usage.output_tokens);
  });

  it("Llama and Nova stream their own chunk shapes", async () => {
    const llama = await rt.send(new InvokeModelWithResponseStreamCommand({ modelId: "meta.llama3-70b-instruct-v1:0", body: JSON.stringify({ prompt: "Hola", max_gen_len: 50 }) }));
    const lc: any[] = [];
    for await (const e of llama.body!) lc.push(decodeJson(e.chunk!.bytes));
    expect(lc.length).toBeGreaterThan(2);
    expect(lc.at(-1).stop_reason).toBe("length");
    expect(lc.at(-1).generation_token_count).toBe(50);
    const nova = await rt.send(new InvokeModelWithResponseStreamCommand({ modelId: NOVA_MICRO, body: JSON.stringify({ messages: [{ role: "user", content: [{ text: "Hola" }] }] }) }));
    const nc: any[] = [];
    for await (const e of nova.body!) nc.push(decodeJson(e.chunk!.bytes));
    expect(nc[0]).toEqual({ messageStart: { role: "assistant" } });
    expect(nc.at(-1).metadata.usage.outputTokens).toBeGreaterThan(0);
  });

  it("refuses models without streaming", async () => {
    await expectAwsError(
      rt.send(new InvokeModelWithResponseStreamCommand({ modelId: "amazon.titan-embed-text-v2:0", body: JSON.stringify({ inputText: "x" }) })),
      "ValidationException",
      400,
      "The model is unsupported for streaming.",
    );
  });
});

describe("CountTokens", () => {
  it("counts an invokeModel body", async () => {
    const body = Buffer.from(JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [{ role: "user", content: "12345678" }] }));
    const r = await rt.send(new CountTokensCommand({ modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", input: { invokeModel: { body } } }));
    expect(r.inputTokens).toBe(2);
  });
  it("validates a converse input as Converse does, system prompt included", async () => {
    const count = (system: { text: string }[]) =>
      rt.send(new CountTokensCommand({ modelId: "anthropic.claude-haiku-4-5-20251001-v1:0", input: { converse: { messages: [user("12345678")], system } } }));
    expect((await count([{ text: "abcd" }])).inputTokens).toBe(3);
    await expectAwsError(count([{ text: "" }]), "ValidationException", 400, /'input\.converse\.system\.1\.member\.text' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  });
  it("rejects an end-of-life model", async () => {
    await expectAwsError(
      rt.send(new CountTokensCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", input: { converse: { messages: [user("x")] } } })),
      "ResourceNotFoundException",
      404,
    );
  });
});

describe("ApplyGuardrail", () => {
  const apply = (text: string) =>
    rt.send(new ApplyGuardrailCommand({ guardrailIdentifier: "gr0example", guardrailVersion: "DRAFT", source: "INPUT", content: [{ text: { text } }] }));

  it("lets clean text through", async () => {
    const r = await apply("¿Cómo se llama la capital de Perú?");
    expect(r.action).toBe("NONE");
    expect(r.outputs).toEqual([]);
    expect(r.usage!.topicPolicyUnits).toBe(1);
  });
  it("masks e-mails and phone numbers", async () => {
    const r = await apply("Escríbeme a ana@example.com o llama al +34 600 123 456");
    expect(r.action).toBe("GUARDRAIL_INTERVENED");
    expect(r.outputs![0].text).toBe("Escríbeme a {EMAIL} o llama al {PHONE}");
    expect(r.assessments![0].sensitiveInformationPolicy!.piiEntities!.map((p) => p.type)).toEqual(["EMAIL", "PHONE"]);
  });
  it("blocks the denied topic", async () => {
    const r = await apply("¿En qué acciones debería invertir mis ahorros?");
    expect(r.action).toBe("GUARDRAIL_INTERVENED");
    expect(r.outputs![0].text).toBe("Sorry, the model cannot answer this question.");
    expect(r.assessments![0].topicPolicy!.topics![0]).toMatchObject({ name: "Investment advice", type: "DENY", action: "BLOCKED" });
  });
  it("validates the version", async () => {
    await expectAwsError(
      rt.send(new ApplyGuardrailCommand({ guardrailIdentifier: "gr0example", guardrailVersion: "v1", source: "INPUT", content: [{ text: { text: "x" } }] })),
      "ValidationException",
      400,
    );
  });
});
