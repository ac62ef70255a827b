// Chapter 00's where-am-i in live mode, without any AWS call: the snippet only asks the SDK's
// provider chain for a region and credentials, which come from the environment set here (dummy
// keys), so nothing leaves the machine.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const VARS = [
  "BEDROCK_GUIDE_MODE",
  "BEDROCK_GUIDE_LANG",
  "AWS_REGION",
  "AWS_ENDPOINT_URL",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_PROFILE",
] as const;
const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));
const printed: string[] = [];

beforeAll(() => {
  process.env.BEDROCK_GUIDE_MODE = "live";
  process.env.BEDROCK_GUIDE_LANG = "en";
  process.env.AWS_REGION = "eu-central-1";
  process.env.AWS_ACCESS_KEY_ID = "AKIDLIVEMODETEST";
  process.env.AWS_SECRET_ACCESS_KEY = "live-mode-test-not-a-secret";
  delete process.env.AWS_ENDPOINT_URL;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  vi.spyOn(console, "table").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
});
afterAll(() => {
  vi.restoreAllMocks();
  for (const k of VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("where-am-i, live", () => {
  it("shows a dash for AWS_ENDPOINT_URL when nothing overrides AWS's own endpoint", async () => {
    // Imported inside the test, fresh, so the snippet's top-level code runs as part of it.
    vi.resetModules();
    const whereAmI = await import("../../snippets/00-before-you-start/where-am-i");
    try {
      expect(whereAmI.session).toMatchObject({
        mode: "live",
        region: "eu-central-1",
        AWS_ENDPOINT_URL: "-",
        credentials: "✓",
      });
      // Outside a notebook show.table prints a text table; the setup cell already showed the
      // banner, so the snippet prints its table and nothing else.
      expect(printed).toHaveLength(1);
      for (const shown of ["Node.js", "AWS_ENDPOINT_URL", "live", "eu-central-1", "✓"]) expect(printed[0]).toContain(shown);
    } finally {
      await whereAmI.guide.stop();
    }
  });
});
