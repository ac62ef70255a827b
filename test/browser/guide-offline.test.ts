// The guide's offline mode in a page: a page script (guide-offline-page.ts) bundles the lib's browser
// entry, the emulator's core it brings, and the four SDK clients; headless Chromium runs it. After
// startGuide(), plain clients built with no endpoint, region or credentials reach the emulator in the
// page, the session's meter counts their model calls, guide.simulate and guide.stop work, and no
// request leaves the page except the one a client with an explicit endpoint makes. The answers are
// judged against the emulator over HTTP in Node, which the notebooks use. The bundle's size,
// minified and gzipped, is printed; no timing is asserted.
import { existsSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BedrockClient,
  ListFoundationModelsCommand,
} from "@aws-sdk/client-bedrock";
import {
  BedrockRuntimeClient,
  ConverseCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { startEmulator, type RunningEmulator } from "bedrock-emulator/node";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ORIGIN = "http://localhost:4174";
// What the reader's explicit endpoint answers: a Converse reply no emulator would write.
const EXPLICIT_REPLY = {
  output: {
    message: {
      role: "assistant",
      content: [{ text: "answered by the reader's own endpoint" }],
    },
  },
  stopReason: "end_turn",
  usage: { inputTokens: 3, outputTokens: 5, totalTokens: 8 },
  metrics: { latencyMs: 1 },
};

/** Fails the build on any Node built-in, naming the importer. */
const noNode: Plugin = {
  name: "no-node-builtins",
  setup(b) {
    const builtins = new Set(builtinModules);
    b.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.replace(/^node:/, "").split("/")[0];
      if (args.path.startsWith("node:") || builtins.has(bare))
        return {
          errors: [
            {
              text: `${args.importer} imports the Node built-in "${args.path}"`,
            },
          ],
        };
      return undefined;
    });
  },
};

describe("startGuide() offline in a page, with plain SDK clients", () => {
  let browser: Browser;
  let result: Record<string, any>;
  let requests: string[];
  let emu: RunningEmulator;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} not found: install chromium (apt-get install chromium) or set CHROMIUM_PATH`,
      );
    const out = await build({
      entryPoints: [join(root, "test/browser/guide-offline-page.ts")],
      bundle: true,
      platform: "browser",
      format: "iife",
      target: "es2022",
      minify: true,
      write: false,
      plugins: [noNode],
      logLevel: "silent",
    });
    const script = out.outputFiles[0].text;
    const kib = (n: number) => (n / 1024).toFixed(0) + " KiB";
    console.log(
      `page bundle (bedrock-guide + emulator core + 4 SDK clients): ${kib(Buffer.byteLength(script))} minified, ${kib(gzipSync(script).length)} gzipped`,
    );

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
    const page = await browser.newPage();
    requests = [];
    page.on(
      "request",
      (r) => void requests.push(`${r.method()} ${r.url()}`),
    );
    // A real origin (IndexedDB needs one), served from memory.
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = route.request().url();
      if (url.endsWith("/page.js"))
        return route.fulfill({
          contentType: "text/javascript",
          body: script,
        });
      if (url.startsWith(`${ORIGIN}/explicit/`))
        return route.fulfill({
          contentType: "application/json",
          body: JSON.stringify(EXPLICIT_REPLY),
        });
      return route.fulfill({
        contentType: "text/html",
        body: '<!doctype html><meta charset="utf-8"><script src="/page.js"></script>',
      });
    });
    await page.goto(`${ORIGIN}/`);
    result = (await page.evaluate(
      () => (globalThis as { guideResult?: Promise<unknown> }).guideResult,
    )) as Record<string, any>;
    emu = await startEmulator({ env: {} });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  const inNode = (region = "us-east-1") => ({
    endpoint: emu.url,
    region,
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  });

  it("ran the lesson's cells without an unexpected error", () => {
    expect(result.error).toBeUndefined();
  });

  it("answers Converse from a plain new BedrockRuntimeClient({}) as the emulator in Node does, in us-east-1", async () => {
    const client = new BedrockRuntimeClient(inNode());
    const reply = await client.send(
      new ConverseCommand({
        modelId: "amazon.nova-lite-v1:0",
        messages: [
          {
            role: "user",
            content: [{ text: "Explain tides in two sentences." }],
          },
        ],
      }),
    );
    client.destroy();
    expect(result.converse.text).toBe(
      reply.output?.message?.content?.[0]?.text,
    );
    expect(result.converse.usage).toEqual(
      JSON.parse(JSON.stringify(reply.usage)),
    );
    expect(result.banner).toEqual([
      "Mode: offline (local emulator, free)",
      "Region: us-east-1",
      "Endpoint: the emulator in this page (no network)",
      "Credentials: the emulator's dummy keys",
    ]);
  });

  it("resolves a model for the session's region with no region given, as lessons do (us-east-1: Haiku 4.5 through its us. profile)", () => {
    // data/catalog.json: in us-east-1 Haiku 4.5 is profile-only, and us. is the region's geographic profile.
    expect(result.haikuHere).toEqual({
      modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
    });
  });

  it("reaches the emulator from the other three plain clients: CreatePrompt, ListFoundationModels, OptimizePrompt", async () => {
    expect(result.prompt.id).toMatch(/^[0-9A-Z]{10}$/);
    const client = new BedrockClient(inNode());
    const listed = await client.send(new ListFoundationModelsCommand({}));
    client.destroy();
    expect(result.modelCount).toBe(listed.modelSummaries?.length);
    // The botocore model of OptimizePrompt: one analyzePromptEvent, then one optimizedPromptEvent.
    expect(result.optimizedEvents).toEqual([
      "analyzePromptEvent",
      "optimizedPromptEvent",
    ]);
  });

  it("sends nothing over the network except the request of the client given an explicit endpoint", () => {
    expect(requests).toEqual([
      `GET ${ORIGIN}/`,
      `GET ${ORIGIN}/page.js`,
      `POST ${ORIGIN}/explicit/model/${encodeURIComponent("amazon.nova-lite-v1:0")}/converse`,
    ]);
    expect(result.fromExplicit).toBe(
      "answered by the reader's own endpoint",
    );
  });

  it("counts the session's model calls on guide.meter, with the tokens each answer reported", () => {
    expect(result.metered).toEqual([
      {
        operation: "Converse",
        modelId: "amazon.nova-lite-v1:0",
        inputTokens: result.converse.usage.inputTokens,
        outputTokens: result.converse.usage.outputTokens,
      },
      {
        operation: "Converse",
        modelId: "amazon.nova-lite-v1:0",
        inputTokens: 3,
        outputTokens: 5,
      },
    ]);
    expect(result.converse.usage.inputTokens).toBeGreaterThan(0);
  });

  it("applies guide.simulate to the in-page emulator, with the guide's advice on the error", () => {
    expect(result.denied).toMatchObject({
      name: "AccessDeniedException",
      advice: "no-access",
    });
  });

  it("ends the session on guide.stop(): routed clients fail in the session's language, new ones are not routed", () => {
    expect(result.afterStop.name).toBe("GuideSessionStopped");
    expect(result.afterStop.message).toContain(
      "The guide's session has stopped (guide.stop())",
    );
    // No session: the SDK's own answer in a page, before any request is made.
    expect(result.newClientAfterStop.message).toBe("Region is missing");
    expect(result.afterSecondStop.message).toContain(
      "La sesión de la guía terminó (guide.stop())",
    );
  });

  it("keeps prompts in IndexedDB: a second session's emulator finds the first one's prompt", () => {
    expect(result.prompt.rereadName).toBe(result.prompt.name);
  });

  it("forgets them on the page's Reset (forgetPagePrompts): a later session no longer finds the prompt", () => {
    expect(result.afterForget.name).toBe("ResourceNotFoundException");
  });
});
