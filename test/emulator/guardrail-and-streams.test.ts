// Converse with guardrailConfig (input blocks, output masks, traces) and errors in the middle of
// event streams (exception frames), through the real bedrock-runtime client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelWithResponseStreamCommand,
  type BedrockRuntimeClient,
} from "@aws-sdk/client-bedrock-runtime";
import { startEmulator, type RunningEmulator } from "bedrock-emulator/node";
import { TODAY, expectAwsError, sdk, user } from "./helpers";

let emu: RunningEmulator;
let rt: BedrockRuntimeClient;
const NOVA_MICRO = "us.amazon.nova-micro-v1:0";
const guardrailConfig = { guardrailIdentifier: "gr0example", guardrailVersion: "1", trace: "enabled" as const };

beforeAll(async () => {
  emu = await startEmulator({ now: () => TODAY, env: {} });
  rt = sdk(emu.url).runtime;
});
afterAll(() => emu.close());

describe("Converse with guardrailConfig", () => {
  it("blocks a denied topic in the input before the model runs", async () => {
    const r = await rt.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("¿Compro bitcoin o acciones?")], guardrailConfig }));
    expect(r.stopReason).toBe("guardrail_intervened");
    expect(r.output!.message!.content![0].text).toBe("Sorry, the model cannot answer this question.");
    expect(r.usage).toEqual({ inputTokens: 0, outputTokens: 0, totalTokens: 0 });
    expect(r.trace!.guardrail!.inputAssessment!.gr0example.topicPolicy!.topics![0].name).toBe("Investment advice");
  });

  it("masks PII in the model's output and reports both assessments", async () => {
    const r = await rt.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("Mi correo es ana@example.com")], guardrailConfig }));
    expect(r.stopReason).toBe("guardrail_intervened");
    const text = r.output!.message!.content![0].text!;
    expect(text).toContain("Mi correo es {EMAIL}");
    expect(text).not.toContain("ana@example.com");
    expect(r.trace!.guardrail!.outputAssessments!.gr0example[0].sensitiveInformationPolicy!.piiEntities![0].type).toBe("EMAIL");
  });

  it("checks only guardContent blocks of the input when the request marks some (the output is still checked)", async () => {
    const r = await rt.send(
      new ConverseCommand({
        modelId: NOVA_MICRO,
        messages: [{ role: "user", content: [{ text: "Contexto: invertir en bolsa es arriesgado." }, { guardContent: { text: { text: "¿Qué es un índice?" } } }] }],
        guardrailConfig,
      }),
    );
    // The input passes: only "¿Qué es un índice?" was checked…
    expect(r.trace!.guardrail!.inputAssessment!.gr0example.topicPolicy).toBeUndefined();
    // …but the synthetic answer quotes the whole message, and the output check blocks it.
    expect(r.trace!.guardrail!.outputAssessments!.gr0example[0].topicPolicy!.topics![0].action).toBe("BLOCKED");
    expect(r.stopReason).toBe("guardrail_intervened");
    const clean = await rt.send(
      new ConverseCommand({
        modelId: NOVA_MICRO,
        messages: [{ role: "user", content: [{ text: "Contexto: la bolsa abre a las nueve." }, { guardContent: { text: { text: "¿Qué es un índice?" } } }] }],
        guardrailConfig,
      }),
    );
    expect(clean.stopReason).toBe("end_turn");
  });

  it("leaves clean conversations alone, same as without a guardrail", async () => {
    const input = { modelId: NOVA_MICRO, messages: [user("¿Qué es un token?")] };
    const plain = await rt.send(new ConverseCommand(input));
    const guarded = await rt.send(new ConverseCommand({ ...input, guardrailConfig: { ...guardrailConfig, trace: "disabled" } }));
    expect(guarded.output).toEqual(plain.output);
    expect(guarded.stopReason).toBe("end_turn");
    expect(guarded.trace).toBeUndefined();
  });

  it("streams the intervention too", async () => {
    const res = await rt.send(new ConverseStreamCommand({ modelId: NOVA_MICRO, messages: [user("Dame tu password")], guardrailConfig }));
    let text = "";
    let stop = "";
    for await (const e of res.stream!) {
      if (e.contentBlockDelta) text += e.contentBlockDelta.delta!.text;
      if (e.messageStop) stop = e.messageStop.stopReason!;
    }
    expect(text).toBe("Sorry, the model cannot answer this question.");
    expect(stop).toBe("guardrail_intervened");
  });

  it("validates the guardrail version", async () => {
    await expectAwsError(
      rt.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("x")], guardrailConfig: { guardrailIdentifier: "gr0example", guardrailVersion: "latest" } })),
      "ValidationException",
      400,
      /guardrailConfig.guardrailVersion/,
    );
  });
});

describe("errors in the middle of a stream", () => {
  it("ConverseStream delivers some events, then the SDK throws ThrottlingException", async () => {
    emu.faults.add({ fault: "throttle", model: NOVA_MICRO, midStream: true, times: 1 });
    const res = await rt.send(new ConverseStreamCommand({ modelId: NOVA_MICRO, messages: [user("Cuenta una historia larga")] }));
    expect(res.$metadata.httpStatusCode).toBe(200);
    const seen: string[] = [];
    let caught: Error | undefined;
    try {
      for await (const e of res.stream!) seen.push(Object.keys(e).find((k) => k !== "$unknown")!);
    } catch (e) {
      caught = e as Error;
    }
    expect(seen[0]).toBe("messageStart");
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).not.toContain("metadata");
    expect(caught?.name).toBe("ThrottlingException");
    expect(caught?.message).toBe("Too many requests, please wait before trying again.");
    // a non-streaming call isn't affected by a midStream rule, and the rule was used up
    emu.faults.add({ fault: "throttle", midStream: true });
    expect((await rt.send(new ConverseCommand({ modelId: NOVA_MICRO, messages: [user("x")] }))).stopReason).toBe("end_turn");
    emu.faults.clear();
  });

  it("InvokeModelWithResponseStream gets the exception frame too", async () => {
    emu.faults.add({ fault: "throttle", operation: "InvokeModelWithResponseStream", midStream: true, times: 1 });
    const res = await rt.send(
      new InvokeModelWithResponseStreamCommand({ modelId: "meta.llama3-8b-instruct-v1:0", body: JSON.stringify({ prompt: "Hola", max_gen_len: 200 }) }),
    );
    let chunks = 0;
    await expect(
      (async () => {
        for await (const e of res.body!) if (e.chunk) chunks++;
      })(),
    ).rejects.toMatchObject({ name: "ThrottlingException" });
    expect(chunks).toBeGreaterThan(0);
  });
});
