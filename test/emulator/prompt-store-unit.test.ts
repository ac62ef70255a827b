// The prompt store called directly (no HTTP): the Prompt Management rules that the SDK tests reach
// only through the routes, and the cases a route never sends but the store must still get right.
// Expectations come from AWS's model (src/generated/constraints.json), AWS's documented behaviour
// (DRAFT, numbered versions never reused, ARNs) and the emulator's own documented rules.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PromptStore, isPromptArn, parsePromptIdentifier, templateVariables, type PromptVariant } from "../../packages/emulator/src/prompts";

const REGION = "us-east-1";
const ACCOUNT = "123456789012";
const constraints = JSON.parse(readFileSync(fileURLToPath(new URL("../../packages/emulator/src/generated/constraints.json", import.meta.url)), "utf8")) as {
  shapes: Record<string, { pattern?: string }>;
};

/** A fixed clock that moves only when the test says so. */
function clock(start = "2026-11-25T12:00:00.000Z") {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

/** The error a call throws (sync or async), for assertions on type, status and message. */
async function failure(call: () => unknown): Promise<{ name: string; status: number; message: string }> {
  try {
    await call();
  } catch (err) {
    return err as { name: string; status: number; message: string };
  }
  throw new Error("expected the call to fail");
}

const variant = (text: string): PromptVariant => ({
  name: "main",
  templateType: "TEXT",
  modelId: "us.amazon.nova-lite-v1:0",
  templateConfiguration: { text: { text, inputVariables: [{ name: "topic" }] } },
});

/** base64url of a text: how a hand-made nextToken would be written. */
const token = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("prompt identifiers", () => {
  it("parses a 10-character ID and a prompt ARN with or without a version", () => {
    expect(parsePromptIdentifier("PROMPT1234")).toEqual({ id: "PROMPT1234" });
    expect(parsePromptIdentifier(`arn:aws:bedrock:eu-west-1:${ACCOUNT}:prompt/PROMPT1234:3`)).toEqual({
      region: "eu-west-1",
      account: ACCOUNT,
      id: "PROMPT1234",
      version: "3",
    });
  });

  it("refuses anything else with AWS's ValidationException, quoting the model's pattern", async () => {
    // The pattern is botocore's PromptIdentifier; AWS's message names the member and the pattern.
    const pattern = constraints.shapes["botocore:bedrockagent#PromptIdentifier"].pattern;
    const err = await failure(() => parsePromptIdentifier("not-an-id"));
    expect(err).toMatchObject({ name: "ValidationException", status: 400 });
    expect(err.message).toBe(
      `1 validation error detected: Value 'not-an-id' at 'promptIdentifier' failed to satisfy constraint: ` +
        `Member must satisfy regular expression pattern: ${pattern}`,
    );
    expect((await failure(() => parsePromptIdentifier("x", "resourceArn"))).message).toContain("at 'resourceArn'");
  });

  it("tells a prompt ARN from a model or profile ID in a Converse modelId", () => {
    expect(isPromptArn(`arn:aws:bedrock:us-east-1:${ACCOUNT}:prompt/PROMPT1234`)).toBe(true);
    expect(isPromptArn(`arn:aws:bedrock:us-east-1:${ACCOUNT}:prompt/PROMPT1234:12`)).toBe(true);
    expect(isPromptArn("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0")).toBe(false);
    expect(isPromptArn("us.amazon.nova-lite-v1:0")).toBe(false);
    expect(isPromptArn("PROMPT1234")).toBe(false);
  });
});

describe("template variables", () => {
  it("are named once each, in order of first appearance", () => {
    expect(templateVariables("{{b}} then {{a}}, and {{b}} again")).toEqual(["b", "a"]);
  });
});

describe("Regions, accounts and names", () => {
  it("finds a prompt by bare ID in the caller's Region, and by ARN in the ARN's Region", async () => {
    const store = new PromptStore();
    const eu = await store.create("eu-west-1", { name: "in-europe" });
    expect(store.get("eu-west-1", eu.id).name).toBe("in-europe");
    // The ARN names the Region, whatever the caller's.
    expect(store.get(undefined, eu.arn).name).toBe("in-europe");
    expect(await failure(() => store.get(REGION, eu.id))).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(await failure(() => store.get(undefined, eu.id))).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(await failure(() => store.get("eu-west-1", eu.arn.replace(ACCOUNT, "210987654321")))).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
  });

  it("a name is unique per Region: the same name elsewhere is fine, a clash is ConflictException 409 naming the prompt", async () => {
    const store = new PromptStore();
    const us = await store.create(REGION, { name: "shared-name" });
    await store.create("eu-west-1", { name: "shared-name" });
    const other = await store.create(REGION, { name: "other" });
    for (const call of [() => store.create(REGION, { name: "shared-name" }), () => store.update(REGION, other.id, { name: "shared-name" })]) {
      const err = await failure(call);
      expect(err).toMatchObject({ name: "ConflictException", status: 409 });
      expect(err.message).toContain("shared-name");
      expect(err.message).toContain(us.id);
    }
  });

  it("UpdatePrompt answers with the DRAFT; DeletePrompt answers with the ID, and the version it deleted", async () => {
    const store = new PromptStore();
    const p = await store.create(REGION, { name: "answers" });
    expect((await store.update(REGION, p.id, { name: "answers", description: "new" })).version).toBe("DRAFT");
    await store.createVersion(REGION, p.id);
    expect(await store.delete(REGION, p.id, "1")).toStrictEqual({ id: p.id, version: "1" });
    expect(await store.delete(REGION, p.arn)).toStrictEqual({ id: p.id });
  });
});

describe("what GetPrompt returns", () => {
  it("has only the members that are set, as AWS leaves absent ones out", async () => {
    const c = clock();
    const store = new PromptStore({ now: c.now });
    const bare = await store.create(REGION, { name: "bare" });
    const at = "2026-11-25T12:00:00.000Z";
    const arn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:prompt/${bare.id}`;
    expect(bare).toStrictEqual({ name: "bare", id: bare.id, arn, version: "DRAFT", createdAt: at, updatedAt: at, variants: [] });
    // A listing summary has no variants, and no description when there is none.
    expect(store.list(REGION).promptSummaries).toStrictEqual([{ name: "bare", id: bare.id, arn, version: "DRAFT", createdAt: at, updatedAt: at }]);

    const kms = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const full = await store.create(REGION, { name: "full", description: "d", customerEncryptionKeyArn: kms, defaultVariant: "main", variants: [variant("About {{topic}}")] });
    expect(store.get(REGION, full.id)).toMatchObject({ description: "d", customerEncryptionKeyArn: kms, defaultVariant: "main" });
    // Without METADATA_ONLY the variants come back.
    expect(store.get(REGION, full.id).variants).toHaveLength(1);
    expect(store.get(REGION, full.id, undefined, true).variants).toBeUndefined();
  });

  it("hands out copies: changing what went in or came out does not change the stored prompt", async () => {
    const store = new PromptStore();
    const input = variant("About {{topic}}");
    const created = await store.create(REGION, { name: "copies", variants: [input], tags: { team: "docs" } });
    input.templateConfiguration.text!.text = "changed by the caller";
    created.variants![0].name = "changed-too";
    const got = store.get(REGION, created.id);
    expect(got.variants![0].templateConfiguration.text!.text).toBe("About {{topic}}");
    expect(got.variants![0].name).toBe("main");
    const tags = store.tagsOf(created.arn);
    tags.team = "changed";
    expect(store.tagsOf(created.arn)).toEqual({ team: "docs" });
  });

  it("names the prompt, or the version and the prompt, that does not exist", async () => {
    const store = new PromptStore();
    const p = await store.create(REGION, { name: "lonely" });
    const missing = await failure(() => store.get(REGION, "NOSUCHID00"));
    expect(missing).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(missing.message).toContain("NOSUCHID00");
    const noVersion = await failure(() => store.get(REGION, p.id, "4"));
    expect(noVersion).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(noVersion.message).toContain("Version 4");
    expect(noVersion.message).toContain(p.id);
  });
});

describe("ListPrompts paging", () => {
  it("pages a prompt's versions one at a time, starting with DRAFT", async () => {
    const store = new PromptStore();
    const p = await store.create(REGION, { name: "paged-versions" });
    await store.createVersion(REGION, p.id);
    await store.createVersion(REGION, p.id);
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = store.list(REGION, { promptIdentifier: p.id, maxResults: 1, nextToken });
      seen.push(...page.promptSummaries.map((s) => s.version));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken && pages < 10);
    expect(seen).toEqual(["DRAFT", "1", "2"]);
    expect(pages).toBe(3);
  });

  it("refuses a nextToken from another listing: another prompt's versions, or the list of prompts", async () => {
    const store = new PromptStore();
    const a = await store.create(REGION, { name: "token-a" });
    const b = await store.create(REGION, { name: "token-b" });
    for (const id of [a.id, b.id]) for (let i = 0; i < 3; i++) await store.createVersion(REGION, id);
    const fromA = store.list(REGION, { promptIdentifier: a.id, maxResults: 2 }).nextToken!;
    expect(fromA).toBeDefined();
    for (const input of [{ promptIdentifier: b.id, nextToken: fromA }, { nextToken: fromA }]) {
      const err = await failure(() => store.list(REGION, input));
      expect(err).toMatchObject({ name: "ValidationException", status: 400 });
      expect(err.message).toContain("nextToken");
    }
    const fromPrompts = store.list(REGION, { maxResults: 1 }).nextToken!;
    expect(fromPrompts).toBeDefined();
    expect(await failure(() => store.list(REGION, { promptIdentifier: a.id, nextToken: fromPrompts }))).toMatchObject({ name: "ValidationException" });
  });

  it("refuses a nextToken written by hand", async () => {
    const store = new PromptStore();
    await store.create(REGION, { name: "forged" });
    // None of these was ever issued: no separator, no listing named, a negative or fractional position.
    for (const forged of [token("7"), token("|0"), token("p|-1"), token("p|1.5"), token("p|x")]) {
      expect(await failure(() => store.list(REGION, { nextToken: forged }))).toMatchObject({ name: "ValidationException", status: 400 });
    }
  });

  it("lists only the Region's prompts", async () => {
    const store = new PromptStore();
    await store.create(REGION, { name: "here" });
    await store.create("eu-west-1", { name: "there" });
    expect(store.list("eu-west-1").promptSummaries.map((s) => s.name)).toEqual(["there"]);
    // Without a Region the store's own (us-east-1 unless set) is used.
    expect(store.list(undefined).promptSummaries.map((s) => s.name)).toEqual(["here"]);
    expect(store.count("eu-west-1")).toBe(1);
    expect(store.count(REGION)).toBe(1);
    expect(store.count("ap-south-1")).toBe(0);
    expect(store.count()).toBe(2);
  });
});

describe("Converse's prompt ARNs (resolveArn)", () => {
  it("runs the DRAFT for an ARN without a version and the version it names otherwise", async () => {
    const store = new PromptStore();
    const p = await store.create(REGION, { name: "runs", variants: [variant("First {{topic}}")] });
    await store.createVersion(REGION, p.id);
    await store.update(REGION, p.id, { name: "runs", variants: [variant("Second {{topic}}")] });
    const draft = store.resolveArn(p.arn);
    expect(draft.view.version).toBe("DRAFT");
    expect(draft.view.variants![0].templateConfiguration.text!.text).toBe("Second {{topic}}");
    expect(draft.record).toEqual({ id: p.id, region: REGION });
    const v1 = store.resolveArn(`${p.arn}:1`);
    expect(v1.view.version).toBe("1");
    expect(v1.view.variants![0].templateConfiguration.text!.text).toBe("First {{topic}}");
  });

  it("answers like AWS for a malformed ARN, another Region, another account or a missing version", async () => {
    const store = new PromptStore();
    const p = await store.create(REGION, { name: "elsewhere" });
    const bad = await failure(() => store.resolveArn("prompt/not-an-arn"));
    expect(bad).toMatchObject({ name: "ValidationException", status: 400, message: "The provided model identifier is invalid." });
    for (const arn of [p.arn.replace(REGION, "eu-west-1"), p.arn.replace(ACCOUNT, "210987654321")]) {
      const err = await failure(() => store.resolveArn(arn));
      expect(err).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
      expect(err.message).toContain(arn);
    }
    expect(await failure(() => store.resolveArn(`${p.arn}:9`))).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
  });
});

describe("clientToken: a retried request is the same request", () => {
  it("a retried CreatePrompt returns the DRAFT it created", async () => {
    const store = new PromptStore();
    const first = await store.create(REGION, { name: "idem", clientToken: "token-0001-abcdefghijklmnopqrstuvwxyz" });
    const again = await store.create(REGION, { name: "idem", clientToken: "token-0001-abcdefghijklmnopqrstuvwxyz" });
    expect(again).toStrictEqual(first);
    expect(again.version).toBe("DRAFT");
    expect(store.count()).toBe(1);
  });

  it("deleting one prompt keeps the other prompts' tokens", async () => {
    const store = new PromptStore();
    const a = await store.create(REGION, { name: "a", clientToken: "token-a-0123456789abcdefghijklmnopq" });
    const b = await store.create(REGION, { name: "b", clientToken: "token-b-0123456789abcdefghijklmnopq" });
    await store.delete(REGION, a.id);
    // Without its token, the retry would be a new CreatePrompt with a taken name: ConflictException.
    expect((await store.create(REGION, { name: "b", clientToken: "token-b-0123456789abcdefghijklmnopq" })).id).toBe(b.id);
  });

  it("remembers the latest 1,000 tokens: the oldest is forgotten once 1,000 newer ones exist", async () => {
    // 1,000 is the emulator's bound (SDK retries come within seconds, so recent tokens are enough).
    const store = new PromptStore();
    const tok = (i: number) => `retry-token-${String(i).padStart(6, "0")}-abcdefghijklmnop`;
    for (let i = 0; i <= 1000; i++) await store.create(REGION, { name: `p${i}`, clientToken: tok(i) });
    // Token 0 is forgotten: the retry is a new request, and the name is taken.
    expect(await failure(() => store.create(REGION, { name: "p0", clientToken: tok(0) }))).toMatchObject({ name: "ConflictException", status: 409 });
    // Token 1 is still remembered.
    const p1 = store.list(REGION, { maxResults: 2 }).promptSummaries[1];
    expect((await store.create(REGION, { name: "p1", clientToken: tok(1) })).id).toBe(p1.id);
  });

  it("calls without a clientToken take no room among the 1,000 remembered tokens", async () => {
    const store = new PromptStore();
    const tok = (i: number) => `kept-token-${String(i).padStart(6, "0")}-abcdefghijklmnopq`;
    for (let i = 0; i < 1000; i++) await store.create(REGION, { name: `k${i}`, clientToken: tok(i) });
    const plain = await store.create(REGION, { name: "no-token" });
    await store.createVersion(REGION, plain.id);
    // Exactly 1,000 tokens were given, so even the oldest is still remembered.
    const k0 = store.list(REGION, { maxResults: 1 }).promptSummaries[0];
    expect((await store.create(REGION, { name: "k0", clientToken: tok(0) })).id).toBe(k0.id);
  });

  it("a retried CreatePromptVersion returns its version; once that version is deleted, a retry makes the next one", async () => {
    const store = new PromptStore();
    const p = await store.create(REGION, { name: "versions" });
    const vt = "version-token-0123456789abcdefghijklm";
    const v1 = await store.createVersion(REGION, p.id, { clientToken: vt, description: "first" });
    expect(await store.createVersion(REGION, p.id, { clientToken: vt })).toStrictEqual(v1);
    await store.delete(REGION, p.id, "1");
    // Version numbers are never reused (AWS), so the new one is 2.
    const v2 = await store.createVersion(REGION, p.id, { clientToken: vt });
    expect(v2.version).toBe("2");
  });
});

describe("versions", () => {
  it("take the draft's description unless CreatePromptVersion gives one", async () => {
    const store = new PromptStore();
    const withDesc = await store.create(REGION, { name: "described", description: "draft text" });
    expect((await store.createVersion(REGION, withDesc.id)).description).toBe("draft text");
    expect((await store.createVersion(REGION, withDesc.id, { description: "own" })).description).toBe("own");
    const noDesc = await store.create(REGION, { name: "undescribed" });
    expect("description" in (await store.createVersion(REGION, noDesc.id))).toBe(false);
  });

  it("DeletePrompt with a missing version names it and the prompt", async () => {
    const store = new PromptStore();
    const p = await store.create(REGION, { name: "del" });
    const err = await failure(() => store.delete(REGION, p.id, "3"));
    expect(err).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(err.message).toContain("Version 3");
    expect(err.message).toContain(p.id);
  });
});

describe("tags on a prompt and on a version", () => {
  it("tags and untags a version through its ARN, apart from the prompt's tags", async () => {
    const store = new PromptStore();
    const p = await store.create(REGION, { name: "tagged", tags: { team: "docs" } });
    const v1 = await store.createVersion(REGION, p.id);
    expect(store.tagsOf(v1.arn)).toEqual({});
    await store.tag(v1.arn, { release: "1", stage: "beta" });
    await store.untag(v1.arn, ["stage"]);
    expect(store.tagsOf(v1.arn)).toEqual({ release: "1" });
    expect(store.tagsOf(p.arn)).toEqual({ team: "docs" });
  });

  it("answers ResourceNotFoundException for a prompt that is not there, in another Region or account, or a missing version", async () => {
    const store = new PromptStore();
    const p = await store.create(REGION, { name: "tag-target" });
    const arns = [
      `arn:aws:bedrock:${REGION}:${ACCOUNT}:prompt/NOSUCHID00`,
      p.arn.replace(REGION, "eu-west-1"),
      p.arn.replace(ACCOUNT, "210987654321"),
      "not-an-arn",
    ];
    for (const arn of arns) {
      const err = await failure(() => store.tagsOf(arn));
      expect(err).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
      expect(err.message).toContain(arn);
    }
    const err = await failure(() => store.tag(`${p.arn}:5`, { a: "b" }));
    expect(err).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(err.message).toContain("Version 5");
  });
});
