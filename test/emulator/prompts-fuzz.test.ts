// Property test for the prompt routes: thousands of valid requests with one part broken at random
// (a member removed, set to null, or replaced by a value of the wrong type or size). Each must end
// in success or in a 4xx BedrockError — never an unexpected exception, which the server would turn
// into a 5xx. The handlers are called directly so the run stays fast; the HTTP layer has its own fuzz.
import { describe, expect, it } from "vitest";
import { BedrockError, loadCatalog, type EmulatorContext, type EmulatorRequest, type Reply, type Route } from "bedrock-emulator";
import { PromptStore, resolvePromptForConverse } from "../../packages/emulator/src/prompts";
import { agentRoutes } from "../../packages/emulator/src/services/agent";
import { agentRuntimeRoutes } from "../../packages/emulator/src/services/agent-runtime";
import { fuzzCount } from "../shared/fuzz-size";

// A small deterministic PRNG (mulberry32) so a failure can be replayed from its seed.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const weird: unknown[] = [null, 0, -1, 1.5, 1e9, "", " ", "x".repeat(300), "has spaces!", true, [], [null], {}, { text: null }, "{{"];

/** Every path (list of keys) to a value inside a JSON-like value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function mutate(body: unknown, random: () => number): unknown {
  const copy = JSON.parse(JSON.stringify(body));
  const all = paths(copy).filter((p) => p.length > 0);
  const target = all[Math.floor(random() * all.length)];
  let parent = copy;
  for (const key of target.slice(0, -1)) parent = parent[key];
  const last = target[target.length - 1];
  if (random() < 0.25 && !Array.isArray(parent)) delete parent[last];
  else parent[last] = weird[Math.floor(random() * weird.length)];
  return copy;
}

function validPromptBody(name: string) {
  return {
    name,
    description: "fuzz base",
    defaultVariant: "v",
    tags: { team: "guide" },
    variants: [
      {
        name: "v",
        templateType: "CHAT",
        modelId: "us.amazon.nova-lite-v1:0",
        templateConfiguration: {
          chat: {
            system: [{ text: "You explain {{topic}}." }],
            messages: [{ role: "user", content: [{ text: "Tell me about {{topic}}." }] }],
            inputVariables: [{ name: "topic" }],
            toolConfiguration: {
              tools: [{ toolSpec: { name: "search", description: "d", inputSchema: { json: { type: "object" } } } }],
              toolChoice: { auto: {} },
            },
          },
        },
        inferenceConfiguration: { text: { temperature: 0.5, topP: 0.9, maxTokens: 100, stopSequences: ["END"] } },
        metadata: [{ key: "k", value: "v" }],
      },
    ],
  };
}

function request(route: Route, body: unknown, params: Record<string, string> = {}, query = ""): EmulatorRequest {
  return {
    method: route.method,
    rawPath: route.pattern,
    params,
    query: new URLSearchParams(query),
    headers: {},
    body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
    region: "us-east-1",
  };
}

async function outcome(run: () => Promise<Reply> | unknown): Promise<"ok" | number> {
  try {
    const reply = (await run()) as Reply | undefined;
    if (reply && "events" in reply) for await (const _ of reply.events as AsyncIterable<unknown>) void _;
    return "ok";
  } catch (err) {
    if (err instanceof BedrockError) return err.status;
    throw err; // an unexpected exception: the test fails with its stack
  }
}

describe("prompt routes under random malformed input", () => {
  const ctx = { prompts: new PromptStore(), catalog: loadCatalog(), now: () => new Date("2026-11-25T12:00:00Z") } as unknown as EmulatorContext;
  const route = (op: string) => [...agentRoutes, ...agentRuntimeRoutes].find((r) => r.operation === op)!;

  it(`answers ${fuzzCount(500) + fuzzCount(400) + 2 * fuzzCount(300)} mutated CreatePrompt / UpdatePrompt / OptimizePrompt / Converse-prompt requests with success or a 4xx`, async () => {
    const random = rng(20261125);
    const statuses = new Map<string, number>();
    const count = (k: string) => statuses.set(k, (statuses.get(k) ?? 0) + 1);
    const base = await ctx.prompts.create("us-east-1", validPromptBody("fuzz-base") as never);
    const version = await ctx.prompts.createVersion("us-east-1", base.id);

    for (let i = 0; i < fuzzCount(500); i++) {
      const body = mutate(validPromptBody(`fuzz-${i}`), random);
      const s = await outcome(() => route("CreatePrompt").handle(request(route("CreatePrompt"), body), ctx));
      count(`create:${s}`);
      expect(s === "ok" || (s >= 400 && s < 500)).toBe(true);
    }
    for (let i = 0; i < fuzzCount(400); i++) {
      const body = mutate(validPromptBody("fuzz-base"), random);
      const s = await outcome(() => route("UpdatePrompt").handle(request(route("UpdatePrompt"), body, { promptIdentifier: base.id }), ctx));
      count(`update:${s}`);
      expect(s === "ok" || (s >= 400 && s < 500)).toBe(true);
    }
    for (let i = 0; i < fuzzCount(300); i++) {
      const body = mutate({ input: { textPrompt: { text: "Sum up {{doc}}." } }, targetModelId: "amazon.nova-lite-v1:0" }, random);
      const s = await outcome(() => route("OptimizePrompt").handle(request(route("OptimizePrompt"), body), ctx));
      count(`optimize:${s}`);
      expect(s === "ok" || (s >= 400 && s < 500)).toBe(true);
    }
    for (let i = 0; i < fuzzCount(300); i++) {
      const body = mutate({ promptVariables: { topic: { text: "tides" } }, messages: [{ role: "assistant", content: [{ text: "ok" }] }] }, random);
      const s = await outcome(() => resolvePromptForConverse(ctx.prompts, version.arn, body));
      count(`converse:${s}`);
      expect(s === "ok" || (s >= 400 && s < 500)).toBe(true);
    }
    // Both outcomes happen for every operation, so the mutations reach past the first check.
    for (const op of ["create", "update", "optimize", "converse"]) {
      expect(statuses.get(`${op}:ok`) ?? 0, `${op} successes`).toBeGreaterThan(0);
      expect(statuses.get(`${op}:400`) ?? 0, `${op} rejections`).toBeGreaterThan(0);
    }
  });

  it("answers malformed query strings on GetPrompt, ListPrompts and DeletePrompt with a 4xx", async () => {
    const random = rng(7);
    const values = ["", "0", "-1", "abc", "DRAFT", "99999", "1001", "%%%", "x".repeat(3000), "ABCDEFGHIJ", "arn:aws:bedrock:us-east-1:123456789012:prompt/ABCDEFGHIJ:1"];
    const pick = () => values[Math.floor(random() * values.length)];
    for (let i = 0; i < 300; i++) {
      for (const [op, names] of [["GetPrompt", ["promptVersion", "includedData"]], ["ListPrompts", ["maxResults", "nextToken", "promptIdentifier"]], ["DeletePrompt", ["promptVersion"]]] as const) {
        const q = new URLSearchParams();
        for (const n of names) if (random() < 0.7) q.set(n, pick());
        const r = route(op);
        const s = await outcome(() => r.handle(request(r, "", { promptIdentifier: pick() }, q.toString()), ctx));
        expect(s === "ok" || (s >= 400 && s < 500)).toBe(true);
      }
    }
  });
});
