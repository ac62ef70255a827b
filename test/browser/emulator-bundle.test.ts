// The emulator's core runs in a browser page. Its entry is bundled with esbuild for platform
// "browser" (any Node built-in, node:-prefixed or not, fails the build), then a page bundle — the
// core, its SDK handler and the real AWS SDK v3 browser clients — runs in headless Chromium:
// Converse, ConverseStream, InvokeModel (a PNG, decoded by Chromium itself), ListFoundationModels
// and CreatePrompt → CreatePromptVersion → Converse by the version's ARN, with prompts in IndexedDB.
// The core's size, minified and gzipped, is printed (README, "Entries"); no timing is asserted.
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConverseCommand, BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { BedrockClient, ListFoundationModelsCommand } from "@aws-sdk/client-bedrock";
import { startEmulator, type RunningEmulator } from "bedrock-emulator/node";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ORIGIN = "http://localhost:4173";

/** Fails the build on any Node built-in, naming the importer. */
const noNode: Plugin = {
  name: "no-node-builtins",
  setup(b) {
    const builtins = new Set(builtinModules);
    b.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.replace(/^node:/, "").split("/")[0];
      if (args.path.startsWith("node:") || builtins.has(bare)) return { errors: [{ text: `${args.importer} imports the Node built-in "${args.path}"` }] };
      return undefined;
    });
  },
};

async function bundle(entry: string, minify: boolean): Promise<string> {
  const out = await build({ entryPoints: [entry], bundle: true, platform: "browser", format: "esm", target: "es2022", minify, write: false, plugins: [noNode], logLevel: "silent" });
  return out.outputFiles[0].text;
}

function failureOf(run: () => Promise<unknown>): Promise<string> {
  return run().then(
    () => "",
    (e: Error) => e.message,
  );
}

describe("the emulator's core bundled for a browser", () => {
  it("has no Node built-in in any module it reaches, and reports its size", async () => {
    const core = await bundle(join(root, "packages/emulator/src/index.ts"), true);
    const handler = await bundle(join(root, "packages/emulator/src/sdk-handler.ts"), true);
    const kib = (s: string) => (Buffer.byteLength(s) / 1024).toFixed(0) + " KiB";
    console.log(`bedrock-emulator core for the browser: ${kib(core)} minified, ${kib(gzipSync(core).toString("latin1"))} gzipped; with the SDK handler entry ${kib(handler)}`);
    expect(core).toContain("The provided model identifier is invalid.");
    // The guard itself: the Node entry reaches node:http, and the build says which module imports it.
    expect(await failureOf(() => bundle(join(root, "packages/emulator/src/node.ts"), false))).toMatch(/server\.ts imports the Node built-in "node:http"/);
  }, 120_000);
});

describe("the emulator in headless Chromium, through the AWS SDK's browser clients", () => {
  let browser: Browser;
  let result: Record<string, any>;
  let emu: RunningEmulator;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install chromium (apt-get install chromium) or set CHROMIUM_PATH`);
    const [script] = await Promise.all([
      build({ entryPoints: [join(root, "test/browser/emulator-page.ts")], bundle: true, platform: "browser", format: "iife", target: "es2022", write: false, plugins: [noNode], logLevel: "silent" }).then((o) => o.outputFiles[0].text),
    ]);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage();
    // A real origin (IndexedDB needs one), served from memory: the page loads nothing else.
    await page.route(`${ORIGIN}/**`, (route) =>
      route.request().url().endsWith("/page.js")
        ? route.fulfill({ contentType: "text/javascript", body: script })
        : route.fulfill({ contentType: "text/html", body: '<!doctype html><meta charset="utf-8"><script src="/page.js"></script>' }),
    );
    await page.goto(`${ORIGIN}/`);
    result = (await page.evaluate(() => (globalThis as { emulatorResult?: Promise<unknown> }).emulatorResult)) as Record<string, any>;
    emu = await startEmulator({ env: {} });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  it("ran every call without an error", () => {
    expect(result.error).toBeUndefined();
  });

  it("answers Converse as the Node emulator does, and ConverseStream with the same text", async () => {
    const client = new BedrockRuntimeClient({ endpoint: emu.url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
    const inNode = await client.send(new ConverseCommand({ modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user", content: [{ text: "Explain tides in two sentences." }] }] }));
    client.destroy();
    expect(result.converse.text).toBe(inNode.output?.message?.content?.[0]?.text);
    expect(result.converse.stopReason).toBe("end_turn");
    expect(result.stream.text).toBe(result.converse.text);
    expect(result.stream.eventTypes[0]).toBe("messageStart");
    expect(result.stream.eventTypes.slice(-2)).toEqual(["messageStop", "metadata"]);
  });

  it("returns a PNG that Chromium decodes, 16:9 at 256 px on the long side", () => {
    // The PNG signature (RFC 2083 §3.1) and the size sizeFor("16:9") gives: 256 × round(256·9/16) = 256 × 144.
    expect(result.image.signature).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([result.image.width, result.image.height]).toEqual([256, 144]);
  });

  it("lists the same foundation models as the Node emulator", async () => {
    const client = new BedrockClient({ endpoint: emu.url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
    const inNode = await client.send(new ListFoundationModelsCommand({}));
    client.destroy();
    expect(result.models).toEqual(inNode.modelSummaries?.map((m) => m.modelId));
    expect(result.models).toContain("amazon.nova-lite-v1:0");
  });

  it("runs a prompt version by its ARN with its variable filled, and keeps the prompt in IndexedDB", () => {
    expect(result.prompt.version).toBe("1");
    expect(result.prompt.arn).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:prompt\/[0-9A-Z]{10}:1$/);
    // The synthetic reply mirrors what the model received: the template with {{topic}} filled.
    expect(result.prompt.text).toContain("ocean tides");
    expect(result.prompt.rereadName).toBe("tides-in-a-page");
    expect(result.prompt.rereadArn).toBe(result.prompt.arn);
  });
});
