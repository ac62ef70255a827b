// Prompt Management (bedrock-agent) conformance through the real @aws-sdk/client-bedrock-agent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreatePromptCommand,
  CreatePromptVersionCommand,
  DeletePromptCommand,
  GetPromptCommand,
  ListPromptsCommand,
  UpdatePromptCommand,
  paginateListPrompts,
  type BedrockAgentClient,
  type PromptSummary,
} from "@aws-sdk/client-bedrock-agent";
import { startEmulator } from "bedrock-emulator/node";
import { chatVariant, clients, expectAwsError, NOVA_LITE_PROFILE, textVariant } from "./prompts-helpers";

type Running = Awaited<ReturnType<typeof startEmulator>>;

let emu: Running;
let agent: BedrockAgentClient;
let counter = 0;
const uniqueName = (base: string) => `${base}-${++counter}`;

beforeAll(async () => {
  emu = await startEmulator();
  agent = clients(emu.url).agent;
});
afterAll(async () => {
  agent?.destroy();
  await emu?.close();
});

async function createText(name = uniqueName("summary"), description?: string) {
  return agent.send(
    new CreatePromptCommand({
      name,
      description,
      defaultVariant: "main",
      variants: [textVariant("Summarise {{document}} for {{audience}} in three bullet points.", ["document", "audience"])],
      tags: { project: "guide", chapter: "prompts" },
    }),
  );
}

describe("CreatePrompt / GetPrompt", () => {
  it("creates a TEXT prompt with an AWS-shaped ID, ARN, DRAFT version and timestamps", async () => {
    const created = await createText(undefined, "Summaries for the guide");
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.id).toMatch(/^[A-Z0-9]{10}$/);
    expect(created.arn).toBe(`arn:aws:bedrock:us-east-1:123456789012:prompt/${created.id}`);
    expect(created.version).toBe("DRAFT");
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.updatedAt!.getTime()).toBe(created.createdAt!.getTime());
    expect(created.description).toBe("Summaries for the guide");
    expect(created.defaultVariant).toBe("main");
    expect(created.variants).toHaveLength(1);
    const v = created.variants![0];
    expect(v.templateConfiguration?.text?.text).toBe("Summarise {{document}} for {{audience}} in three bullet points.");
    expect(v.templateConfiguration?.text?.inputVariables?.map((x) => x.name)).toEqual(["document", "audience"]);
    expect(v.inferenceConfiguration?.text).toEqual({ temperature: 0.2, topP: 0.9, maxTokens: 300, stopSequences: ["###"] });
    expect(v.modelId).toBe(NOVA_LITE_PROFILE);
  });

  it("gets the same prompt by ID and by ARN", async () => {
    const created = await createText();
    const byId = await agent.send(new GetPromptCommand({ promptIdentifier: created.id }));
    const byArn = await agent.send(new GetPromptCommand({ promptIdentifier: created.arn }));
    expect(byId.$metadata.httpStatusCode).toBe(200);
    expect(byId.name).toBe(created.name);
    expect(byArn.id).toBe(created.id);
    expect(byArn.variants).toEqual(byId.variants);
    expect(byId.createdAt!.toISOString()).toBe(created.createdAt!.toISOString());
  });

  it("keeps a CHAT template with system, messages, variables and tools intact", async () => {
    const created = await agent.send(
      new CreatePromptCommand({ name: uniqueName("tutor"), variants: [chatVariant()], defaultVariant: "chat" }),
    );
    const got = await agent.send(new GetPromptCommand({ promptIdentifier: created.id }));
    const chat = got.variants![0].templateConfiguration!.chat!;
    expect(got.variants![0].templateType).toBe("CHAT");
    expect(chat.messages).toHaveLength(3);
    expect(chat.messages!.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(chat.system![0].text).toBe("You are a tutor who explains {{subject}} to beginners.");
    expect(chat.inputVariables!.map((x) => x.name)).toEqual(["subject", "level"]);
    expect(chat.toolConfiguration!.tools![0].toolSpec!.name).toBe("lookup_glossary");
    expect(chat.toolConfiguration!.tools![0].toolSpec!.inputSchema!.json).toEqual({
      type: "object",
      properties: { term: { type: "string" } },
      required: ["term"],
    });
  });

  it("leaves out the variants with includedData METADATA_ONLY", async () => {
    const created = await createText();
    const meta = await agent.send(new GetPromptCommand({ promptIdentifier: created.id, includedData: "METADATA_ONLY" }));
    expect(meta.name).toBe(created.name);
    expect(meta.variants).toBeUndefined();
  });

  it("creates a prompt with no variants (a name is enough)", async () => {
    const created = await agent.send(new CreatePromptCommand({ name: uniqueName("empty") }));
    expect(created.variants ?? []).toHaveLength(0);
    const got = await agent.send(new GetPromptCommand({ promptIdentifier: created.id }));
    expect(got.name).toBe(created.name);
  });
});

describe("UpdatePrompt and versions", () => {
  it("freezes versions: UpdatePrompt changes only the draft, and each version keeps its description", async () => {
    const created = await createText(undefined, "first draft");
    const v1 = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: created.id, description: "launch copy" }));
    expect(v1.$metadata.httpStatusCode).toBe(201);
    expect(v1.version).toBe("1");
    expect(v1.arn).toBe(`${created.arn}:1`);
    expect(v1.description).toBe("launch copy");

    const updated = await agent.send(
      new UpdatePromptCommand({
        promptIdentifier: created.id,
        name: created.name,
        description: "second draft",
        defaultVariant: "main",
        variants: [textVariant("Explain {{topic}} in one paragraph.", ["topic"])],
      }),
    );
    expect(updated.version).toBe("DRAFT");
    expect(updated.updatedAt!.getTime()).toBeGreaterThanOrEqual(created.updatedAt!.getTime());
    expect(updated.createdAt!.toISOString()).toBe(created.createdAt!.toISOString());

    const frozen = await agent.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: "1" }));
    expect(frozen.version).toBe("1");
    expect(frozen.description).toBe("launch copy");
    expect(frozen.variants![0].templateConfiguration!.text!.text).toBe(
      "Summarise {{document}} for {{audience}} in three bullet points.",
    );

    const draft = await agent.send(new GetPromptCommand({ promptIdentifier: created.id }));
    expect(draft.description).toBe("second draft");
    expect(draft.variants![0].templateConfiguration!.text!.text).toBe("Explain {{topic}} in one paragraph.");

    const v2 = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: created.arn }));
    expect(v2.version).toBe("2");
    expect(v2.description).toBe("second draft");
    const v2got = await agent.send(new GetPromptCommand({ promptIdentifier: `${created.arn}:2` }));
    expect(v2got.variants![0].templateConfiguration!.text!.text).toBe("Explain {{topic}} in one paragraph.");
  });

  it("clears draft fields that UpdatePrompt leaves out, as a full replacement does", async () => {
    const created = await createText(undefined, "to be cleared");
    const updated = await agent.send(new UpdatePromptCommand({ promptIdentifier: created.id, name: created.name }));
    expect(updated.description).toBeUndefined();
    expect(updated.defaultVariant).toBeUndefined();
    expect(updated.variants ?? []).toHaveLength(0);
  });

  it("renames a prompt with UpdatePrompt", async () => {
    const created = await createText();
    const newName = uniqueName("renamed");
    await agent.send(new UpdatePromptCommand({ promptIdentifier: created.id, name: newName }));
    expect((await agent.send(new GetPromptCommand({ promptIdentifier: created.id }))).name).toBe(newName);
  });

  it("gives 20 concurrent CreatePromptVersion calls distinct, consecutive numbers", async () => {
    const created = await createText();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        agent.send(new CreatePromptVersionCommand({ promptIdentifier: created.id, description: `parallel ${i}` })),
      ),
    );
    const numbers = results.map((r) => Number(r.version)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Each version kept the description of the call that created it.
    for (const r of results) {
      const got = await agent.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: r.version }));
      expect(got.description).toBe(r.description);
    }
  });
});

describe("ListPrompts", () => {
  it("lists the DRAFT of every prompt, and a prompt's DRAFT plus versions with promptIdentifier", async () => {
    const a = await createText(uniqueName("list-a"), "A");
    const b = await createText(uniqueName("list-b"));
    await agent.send(new CreatePromptVersionCommand({ promptIdentifier: a.id, description: "one" }));
    await agent.send(new CreatePromptVersionCommand({ promptIdentifier: a.id, description: "two" }));

    const all: PromptSummary[] = [];
    for await (const page of paginateListPrompts({ client: agent }, {})) all.push(...(page.promptSummaries ?? []));
    const ids = all.map((s) => s.id);
    expect(ids).toContain(a.id);
    expect(ids).toContain(b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.every((s) => s.version === "DRAFT")).toBe(true);
    const sa = all.find((s) => s.id === a.id)!;
    expect(sa.name).toBe(a.name);
    expect(sa.description).toBe("A");
    expect(sa.arn).toBe(a.arn);
    expect(sa.createdAt).toBeInstanceOf(Date);

    const versions = await agent.send(new ListPromptsCommand({ promptIdentifier: a.arn }));
    expect(versions.promptSummaries!.map((s) => s.version)).toEqual(["DRAFT", "1", "2"]);
    expect(versions.promptSummaries!.map((s) => s.description)).toEqual(["A", "one", "two"]);
    expect(versions.promptSummaries![2].arn).toBe(`${a.arn}:2`);
    expect(versions.nextToken).toBeUndefined();
  });

  it("pages with maxResults and nextToken without losing or repeating prompts", async () => {
    const isolated = await startEmulator();
    const c = clients(isolated.url).agent;
    try {
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await c.send(new CreatePromptCommand({ name: `paged-${i}` }))).id!);
      const sizes: number[] = [];
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await c.send(new ListPromptsCommand({ maxResults: 3, nextToken: token }));
        sizes.push(page.promptSummaries!.length);
        seen.push(...page.promptSummaries!.map((s) => s.id!));
        token = page.nextToken;
      } while (token);
      expect(sizes).toEqual([3, 3, 1]);
      expect(seen).toEqual(made);

      // The default page holds 10 summaries.
      for (let i = 7; i < 12; i++) await c.send(new CreatePromptCommand({ name: `paged-${i}` }));
      const first = await c.send(new ListPromptsCommand({}));
      expect(first.promptSummaries).toHaveLength(10);
      expect(first.nextToken).toBeDefined();
      const second = await c.send(new ListPromptsCommand({ nextToken: first.nextToken }));
      expect(second.promptSummaries!.map((s) => s.name)).toEqual(["paged-10", "paged-11"]);

      // Versions page the same way.
      for (let i = 0; i < 4; i++) await c.send(new CreatePromptVersionCommand({ promptIdentifier: made[0] }));
      const v1 = await c.send(new ListPromptsCommand({ promptIdentifier: made[0], maxResults: 2 }));
      const v2 = await c.send(new ListPromptsCommand({ promptIdentifier: made[0], maxResults: 2, nextToken: v1.nextToken }));
      const v3 = await c.send(new ListPromptsCommand({ promptIdentifier: made[0], maxResults: 2, nextToken: v2.nextToken }));
      expect([v1, v2, v3].flatMap((p) => p.promptSummaries!.map((s) => s.version))).toEqual(["DRAFT", "1", "2", "3", "4"]);
      expect(v3.nextToken).toBeUndefined();
    } finally {
      c.destroy();
      await isolated.close();
    }
  });

  it("keeps prompts per Region: another Region's client neither lists nor finds them", async () => {
    const a = await createText();
    const eu = clients(emu.url, "eu-west-1").agent;
    try {
      const list = await eu.send(new ListPromptsCommand({ maxResults: 1000 }));
      expect(list.promptSummaries!.map((s) => s.id)).not.toContain(a.id);
      await expectAwsError(eu.send(new GetPromptCommand({ promptIdentifier: a.id })), "ResourceNotFoundException", 404);
      const euPrompt = await eu.send(new CreatePromptCommand({ name: a.name! }));
      expect(euPrompt.arn).toBe(`arn:aws:bedrock:eu-west-1:123456789012:prompt/${euPrompt.id}`);
    } finally {
      eu.destroy();
    }
  });
});

describe("DeletePrompt", () => {
  it("deletes one version, then the whole prompt", async () => {
    const created = await createText();
    await agent.send(new CreatePromptVersionCommand({ promptIdentifier: created.id }));
    await agent.send(new CreatePromptVersionCommand({ promptIdentifier: created.id }));

    const delV1 = await agent.send(new DeletePromptCommand({ promptIdentifier: created.id, promptVersion: "1" }));
    expect(delV1.$metadata.httpStatusCode).toBe(200);
    expect(delV1).toMatchObject({ id: created.id, version: "1" });
    await expectAwsError(
      agent.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: "1" })),
      "ResourceNotFoundException",
      404,
    );
    const left = await agent.send(new ListPromptsCommand({ promptIdentifier: created.id }));
    expect(left.promptSummaries!.map((s) => s.version)).toEqual(["DRAFT", "2"]);

    // Numbers are never reused after a delete.
    const v3 = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: created.id }));
    expect(v3.version).toBe("3");

    const delAll = await agent.send(new DeletePromptCommand({ promptIdentifier: created.arn }));
    expect(delAll.id).toBe(created.id);
    expect(delAll.version).toBeUndefined();
    await expectAwsError(agent.send(new GetPromptCommand({ promptIdentifier: created.id })), "ResourceNotFoundException", 404);
    await expectAwsError(
      agent.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: "2" })),
      "ResourceNotFoundException",
      404,
    );
    // The name is free again.
    const again = await agent.send(new CreatePromptCommand({ name: created.name! }));
    expect(again.id).not.toBe(created.id);
  });
});

describe("errors", () => {
  it("ValidationException 400 for a missing name", async () => {
    await expectAwsError(
      agent.send(new CreatePromptCommand({} as never)),
      "ValidationException",
      400,
      /Value null at 'name' failed to satisfy constraint: Member must not be null/,
    );
  });

  it("ValidationException 400 for a name that breaks the pattern", async () => {
    await expectAwsError(
      agent.send(new CreatePromptCommand({ name: "has spaces!" })),
      "ValidationException",
      400,
      /at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
  });

  it("ValidationException 400 for more than one variant (the model allows one)", async () => {
    const second = { ...textVariant("Other {{x}}", ["x"]), name: "other" };
    await expectAwsError(
      agent.send(new CreatePromptCommand({ name: uniqueName("two"), variants: [textVariant("A {{x}}", ["x"]), second] })),
      "ValidationException",
      400,
      /at 'variants' failed to satisfy constraint: Member must have length less than or equal to 1/,
    );
  });

  it("ValidationException 400 when defaultVariant names no variant", async () => {
    await expectAwsError(
      agent.send(new CreatePromptCommand({ name: uniqueName("dv"), defaultVariant: "missing", variants: [textVariant("A {{x}}", ["x"])] })),
      "ValidationException",
      400,
      /defaultVariant missing doesn't match .*main/,
    );
  });

  it("ValidationException 400 for a variant without a templateType or with the wrong template member", async () => {
    const noType = { ...textVariant("A", []) } as Record<string, unknown>;
    delete noType.templateType;
    await expectAwsError(
      agent.send(new CreatePromptCommand({ name: uniqueName("nt"), variants: [noType as never] })),
      "ValidationException",
      400,
      /at 'variants.1.member.templateType' failed to satisfy constraint: Member must not be null/,
    );
    await expectAwsError(
      agent.send(new CreatePromptCommand({ name: uniqueName("wt"), variants: [{ ...textVariant("A", []), templateType: "CHAT" }] })),
      "ValidationException",
      400,
      /templateType CHAT needs templateConfiguration.chat/,
    );
  });

  it("ValidationException 400 for out-of-range inference settings, with every error listed", async () => {
    const bad = textVariant("A {{x}}", ["x"], {
      inferenceConfiguration: { text: { temperature: 1.5, topP: -0.1, stopSequences: ["a", "b", "c", "d", "e"] } },
    });
    const err = await expectAwsError(
      agent.send(new CreatePromptCommand({ name: uniqueName("range"), variants: [bad] })),
      "ValidationException",
      400,
      /^3 validation errors detected: /,
    );
    expect(err.message).toContain("'variants.1.member.inferenceConfiguration.text.temperature'");
    expect(err.message).toContain("Member must have value less than or equal to 1");
    expect(err.message).toContain("'variants.1.member.inferenceConfiguration.text.topP'");
    expect(err.message).toContain("'variants.1.member.inferenceConfiguration.text.stopSequences'");
    // Variants are sensitive: their values are not echoed back.
    expect(err.message).not.toContain("1.5");
  });

  it("ValidationException 400 for a malformed promptIdentifier, promptVersion or nextToken", async () => {
    await expectAwsError(
      agent.send(new GetPromptCommand({ promptIdentifier: "not-an-id" })),
      "ValidationException",
      400,
      /at 'promptIdentifier' failed to satisfy constraint/,
    );
    const created = await createText();
    await expectAwsError(
      agent.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: "0" })),
      "ValidationException",
      400,
      /at 'promptVersion'/,
    );
    await expectAwsError(
      agent.send(new DeletePromptCommand({ promptIdentifier: created.id, promptVersion: "DRAFT" })),
      "ValidationException",
      400,
      /at 'promptVersion'/,
    );
    await expectAwsError(agent.send(new ListPromptsCommand({ nextToken: "garbage" })), "ValidationException", 400, /nextToken/);
    await expectAwsError(agent.send(new ListPromptsCommand({ maxResults: 0 })), "ValidationException", 400, /at 'maxResults'/);
  });

  it("ResourceNotFoundException 404 for an unknown prompt or version, everywhere", async () => {
    const ghost = "ABCDEFGHIJ";
    await expectAwsError(agent.send(new GetPromptCommand({ promptIdentifier: ghost })), "ResourceNotFoundException", 404);
    await expectAwsError(
      agent.send(new UpdatePromptCommand({ promptIdentifier: ghost, name: uniqueName("ghost") })),
      "ResourceNotFoundException",
      404,
    );
    await expectAwsError(agent.send(new CreatePromptVersionCommand({ promptIdentifier: ghost })), "ResourceNotFoundException", 404);
    await expectAwsError(agent.send(new DeletePromptCommand({ promptIdentifier: ghost })), "ResourceNotFoundException", 404);
    await expectAwsError(agent.send(new ListPromptsCommand({ promptIdentifier: ghost })), "ResourceNotFoundException", 404);
    const created = await createText();
    await expectAwsError(
      agent.send(new GetPromptCommand({ promptIdentifier: created.id, promptVersion: "7" })),
      "ResourceNotFoundException",
      404,
    );
    await expectAwsError(
      agent.send(new DeletePromptCommand({ promptIdentifier: created.id, promptVersion: "7" })),
      "ResourceNotFoundException",
      404,
    );
    // An ARN naming another account is not found either.
    await expectAwsError(
      agent.send(new GetPromptCommand({ promptIdentifier: created.arn!.replace("123456789012", "210987654321") })),
      "ResourceNotFoundException",
      404,
    );
  });

  it("ConflictException 409 when a name is already taken, on create and on update", async () => {
    const a = await createText();
    const b = await createText();
    await expectAwsError(agent.send(new CreatePromptCommand({ name: a.name! })), "ConflictException", 409, new RegExp(a.name!));
    await expectAwsError(
      agent.send(new UpdatePromptCommand({ promptIdentifier: b.id, name: a.name! })),
      "ConflictException",
      409,
    );
    // Updating a prompt with its own name is not a clash.
    const same = await agent.send(new UpdatePromptCommand({ promptIdentifier: a.id, name: a.name!, description: "ok" }));
    expect(same.description).toBe("ok");
  });

  it("treats a repeated clientToken as the same request (SDK retries don't duplicate)", async () => {
    const token = "guide-retry-token-0123456789abcdef0123";
    const first = await agent.send(new CreatePromptCommand({ name: uniqueName("idem"), clientToken: token }));
    const again = await agent.send(new CreatePromptCommand({ name: first.name!, clientToken: token }));
    expect(again.id).toBe(first.id);
    const vt = "guide-version-token-0123456789abcdef01";
    const v1 = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: first.id, clientToken: vt }));
    const v1again = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: first.id, clientToken: vt }));
    expect(v1again.version).toBe(v1.version);
    const versions = await agent.send(new ListPromptsCommand({ promptIdentifier: first.id }));
    expect(versions.promptSummaries!.map((s) => s.version)).toEqual(["DRAFT", "1"]);
  });
});

// The SDK's bedrock-agent client speaks HTTP/1.1 and bedrock-agent-runtime HTTP/2; these raw
// requests cross them over, and send input no SDK would serialise.
describe("raw requests over both HTTP versions", () => {
  const auth = (region = "us-east-1") =>
    `AWS4-HMAC-SHA256 Credential=AKIDEMULATOREXAMPLE/20261125/${region}/bedrock/aws4_request, SignedHeaders=host, Signature=00`;

  async function h1(method: string, pathAndQuery: string, body?: string) {
    const res = await fetch(`${emu.url}${pathAndQuery}`, {
      method,
      headers: { authorization: auth(), "content-type": "application/json" },
      body,
    });
    return { status: res.status, type: res.headers.get("x-amzn-errortype"), body: Buffer.from(await res.arrayBuffer()) };
  }

  async function h2(method: string, pathAndQuery: string, body?: string) {
    const http2 = await import("node:http2");
    const session = http2.connect(emu.url);
    try {
      return await new Promise<{ status: number; type?: string; body: Buffer }>((resolve, reject) => {
        const req = session.request({
          ":method": method,
          ":path": pathAndQuery,
          authorization: auth(),
          "content-type": "application/json",
        });
        const chunks: Buffer[] = [];
        let status = 0;
        let type: string | undefined;
        req.on("response", (h) => {
          status = Number(h[":status"]);
          type = h["x-amzn-errortype"] as string | undefined;
        });
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => resolve({ status, type, body: Buffer.concat(chunks) }));
        req.on("error", reject);
        req.end(body);
      });
    } finally {
      session.close();
    }
  }

  it("serves CreatePrompt, GetPrompt and ListPrompts over HTTP/2", async () => {
    const created = await h2("POST", "/prompts/", JSON.stringify({ name: uniqueName("over-h2") }));
    expect(created.status).toBe(201);
    const { id, arn } = JSON.parse(created.body.toString());
    const got = await h2("GET", `/prompts/${encodeURIComponent(arn)}/`);
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body.toString())).toMatchObject({ id, version: "DRAFT" });
    const listed = await h2("GET", `/prompts/?promptIdentifier=${id}`);
    expect(JSON.parse(listed.body.toString()).promptSummaries.map((s: { version: string }) => s.version)).toEqual(["DRAFT"]);
  });

  it("streams OptimizePrompt over HTTP/1.1 as AWS event-stream frames", async () => {
    const { EventStreamCodec } = await import("@smithy/eventstream-codec");
    const { toUtf8, fromUtf8 } = await import("@smithy/util-utf8");
    const codec = new EventStreamCodec(toUtf8, fromUtf8);
    const res = await h1(
      "POST",
      "/optimize-prompt",
      JSON.stringify({ input: { textPrompt: { text: "List three facts about {{animal}}." } }, targetModelId: "amazon.nova-micro-v1:0" }),
    );
    expect(res.status).toBe(200);
    const events: { type: string; payload: Record<string, unknown> }[] = [];
    for (let at = 0; at < res.body.length; ) {
      const len = res.body.readUInt32BE(at);
      const msg = codec.decode(new Uint8Array(res.body.subarray(at, at + len)));
      events.push({ type: String(msg.headers[":event-type"]?.value), payload: JSON.parse(toUtf8(msg.body)) });
      at += len;
    }
    expect(events.map((e) => e.type)).toEqual(["analyzePromptEvent", "optimizedPromptEvent"]);
    const text = (events[1].payload as { optimizedPrompt: { textPrompt: { text: string } } }).optimizedPrompt.textPrompt.text;
    expect(text).toContain("List three facts about {{animal}}.");
  });

  it.each([
    ["POST", "/prompts/", "{not json"],
    ["POST", "/prompts/", "[1,2,3]"],
    ["POST", "/prompts/", JSON.stringify({ name: 42 })],
    ["POST", "/prompts/", JSON.stringify({ name: "ok-name", variants: "nope" })],
    ["POST", "/prompts/", JSON.stringify({ name: "ok-name", variants: [{ name: "v", templateType: "TEXT", templateConfiguration: { text: { text: "a" }, chat: { messages: [] } } }] })],
    ["POST", "/prompts/", JSON.stringify({ name: "ok-name", tags: { "bad key!": "v" } })],
    ["POST", "/prompts/", JSON.stringify({ name: "ok-name", clientToken: "short" })],
    ["PUT", "/prompts/ABCDEFGHIJ/", "null"],
    ["GET", "/prompts/?maxResults=abc", undefined],
    ["GET", "/prompts/?maxResults=1001", undefined],
    ["GET", "/prompts/ABCDEFGHIJ/?includedData=EVERYTHING", undefined],
    ["POST", "/optimize-prompt", JSON.stringify({ input: { textPrompt: { text: 5 } }, targetModelId: "amazon.nova-lite-v1:0" })],
    ["POST", "/optimize-prompt", JSON.stringify({ input: {}, targetModelId: "amazon.nova-lite-v1:0" })],
    ["POST", "/optimize-prompt", "{}"],
  ])("%s %s with a bad body or query gets ValidationException 400 on both HTTP versions (%#)", async (method, p, body) => {
    for (const send of [h1, h2]) {
      const res = await send(method, p, body);
      expect(res.status).toBe(400);
      expect(res.type ?? JSON.parse(res.body.toString()).__type).toMatch(/ValidationException/);
    }
  });
});
