// The site's offline figures for chapter 1, made by the lesson code against the emulator
// (snippets/01-foundation-models/samples.ts). Each maker starts and stops its own session.
import { afterEach, describe, expect, it, vi } from "vitest";
import { samples } from "../../snippets/01-foundation-models/samples";
import { profilesListedIn, regionsListing } from "./catalog-expectations";

// The five contenders the chapter compares, as its page lists them.
const CONTENDERS = [
  "anthropic.claude-haiku-4-5-20251001-v1:0",
  "amazon.nova-2-lite-v1:0",
  "meta.llama4-scout-17b-instruct-v1:0",
  "mistral.ministral-3-8b-instruct",
  "openai.gpt-oss-20b-1:0",
];

describe("chapter 1's sample figures", () => {
  const endpoint = process.env.AWS_ENDPOINT_URL;
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("the chart compares the five contenders from us-east-1, quietly, and leaves the environment as it was", async () => {
    // The page says all five can be called from us-east-1: a profile there, or on demand.
    for (const model of CONTENDERS) expect(profilesListedIn(model, "us-east-1").length > 0 || regionsListing(model).includes("us-east-1"), model).toBe(true);
    const log = vi.spyOn(console, "log");
    const { mime, data } = await samples.chart();
    expect(mime).toBe("image/svg+xml");
    expect(data).toContain('aria-label="La misma pregunta, cinco modelos · One question, five models"');
    // Three panels, one bar per model in each, in the order given.
    const bars = [...data.matchAll(/<rect x="[^"]*" y="[^"]*" width="[^"]*" height="18" fill="[^"]*"><title>([^<]*): [^<]*<\/title>/g)].map((m) => m[1]);
    expect(bars).toEqual([...CONTENDERS, ...CONTENDERS, ...CONTENDERS]);
    // A figure maker prints nothing, and the session it started is gone.
    expect(log).not.toHaveBeenCalled();
    expect(process.env.AWS_ENDPOINT_URL).toBe(endpoint);
  });

  it("the image is a 16:9 PNG from the recommended image model", async () => {
    const { mime, data } = await samples.image();
    expect(mime).toBe("image/png");
    expect(data.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(data.readUInt32BE(16)).toBeGreaterThan(data.readUInt32BE(20));
    expect(process.env.AWS_ENDPOINT_URL).toBe(endpoint);
  });
});
