// Pieces of the emulator tested directly: the PNG encoder, the token approximation, the catalog
// file, and the CLI (started as npm run emulator does).
import { spawn } from "node:child_process";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { approximateTokens, converseInputTokens, crc32, encodePng, loadCatalog, sizeFor, syntheticImage, BINARY_BLOCK_TOKENS } from "bedrock-emulator";
import { pngSize } from "./helpers";

describe("PNG encoder", () => {
  it("writes valid chunks whose CRCs and pixels check out", () => {
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
    const png = Buffer.from(encodePng(2, 2, rgb));
    expect(pngSize(png)).toEqual({ width: 2, height: 2 });
    let offset = 8;
    const types: string[] = [];
    let idat: Buffer = Buffer.alloc(0);
    while (offset < png.length) {
      const len = png.readUInt32BE(offset);
      const type = png.subarray(offset + 4, offset + 8).toString("ascii");
      expect(png.readUInt32BE(offset + 8 + len)).toBe(crc32(png, offset + 4, offset + 8 + len));
      if (type === "IDAT") idat = png.subarray(offset + 8, offset + 8 + len);
      types.push(type);
      offset += 12 + len;
    }
    expect(types).toEqual(["IHDR", "IDAT", "IEND"]);
    // two rows, each a filter byte then 2 RGB pixels
    expect([...inflateSync(idat)]).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 10, 20, 30]);
  });

  it("crc32 matches the standard check value", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  it("pictures depend on prompt and seed, sizes on the aspect ratio", () => {
    expect(sizeFor("1:1")).toEqual({ width: 256, height: 256 });
    expect(sizeFor("21:9")).toEqual({ width: 256, height: 110 });
    expect(sizeFor("2:3")).toEqual({ width: 171, height: 256 });
    const a = Buffer.from(syntheticImage("faro", 1, 64, 64));
    expect(Buffer.from(syntheticImage("faro", 1, 64, 64)).equals(a)).toBe(true);
    expect(Buffer.from(syntheticImage("faro", 2, 64, 64)).equals(a)).toBe(false);
    expect(Buffer.from(syntheticImage("gato", 1, 64, 64)).equals(a)).toBe(false);
  });
});

describe("token approximation", () => {
  it("is ceil(chars / 4) with at least one token per block", () => {
    expect(approximateTokens("")).toBe(1);
    expect(approximateTokens("abcd")).toBe(1);
    expect(approximateTokens("abcde")).toBe(2);
    expect(
      converseInputTokens({
        system: [{ text: "12345678" }],
        messages: [{ role: "user", content: [{ text: "x" }, { image: { format: "png", source: { bytes: "" } } }] }],
      }),
    ).toBe(2 + 1 + BINARY_BLOCK_TOKENS);
  });
});

describe("catalog file", () => {
  it("records sources and dates, uses the documentation account, and keeps per-region data", () => {
    const { data } = loadCatalog();
    expect(data.capturedAt).toBe("2026-08-22");
    expect(data.source.models).toContain("df190def");
    expect(data.models).toHaveLength(152);
    expect(data.regions).toEqual(expect.arrayContaining(["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1"]));
    expect(JSON.stringify(data)).not.toMatch(/:(?!123456789012)\d{12}:/);
    for (const m of data.models) {
      for (const k of ["startOfLifeTime", "legacyTime", "endOfLifeTime"] as const) {
        const v = m.modelLifecycle[k];
        if (v) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      }
    }
    expect(data.retired.some((r) => r.modelIds.includes("amazon.titan-text-express-v1"))).toBe(true);
  });
});

// tsx compiles the emulator's sources on the child's start: seconds when idle, over 25 s on a loaded
// machine (npm test's four lanes on two cores), where a tighter limit killed the child (exit 143).
const CHILD_LIMIT_MS = 90_000;

describe("CLI", () => {
  it("prints the URL once ready and how to point the SDK at it", { timeout: CHILD_LIMIT_MS + 10_000 }, async () => {
    const child = spawn("node_modules/.bin/tsx", ["packages/emulator/src/cli.ts", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"], timeout: CHILD_LIMIT_MS });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = "";
        child.stdout.on("data", (c) => {
          text += c;
          if (text.includes("Ctrl+C")) resolve(text);
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}: ${text}`)));
      });
      const url = /Bedrock emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
      expect(out).toContain(`AWS_ENDPOINT_URL=${url}`);
      const res = await fetch(url + "/foundation-models", { headers: { authorization: "AWS4-HMAC-SHA256 Credential=A/20261125/eu-west-1/bedrock/aws4_request" } });
      const body = (await res.json()) as { modelSummaries: { modelArn: string }[] };
      expect(body.modelSummaries[0].modelArn).toMatch(/^arn:aws:bedrock:eu-west-1::/);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("rejects a bad port", { timeout: CHILD_LIMIT_MS + 10_000 }, async () => {
    const child = spawn("node_modules/.bin/tsx", ["packages/emulator/src/cli.ts", "--port", "http"], { stdio: ["ignore", "pipe", "pipe"], timeout: CHILD_LIMIT_MS });
    let err = "";
    child.stderr.on("data", (c) => (err += c));
    const code = await new Promise<number | null>((r) => child.once("exit", r));
    expect(code).toBe(2);
    expect(err).toContain("--port must be an integer");
  });
});
