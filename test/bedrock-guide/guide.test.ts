import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterEach, describe, expect, it, vi } from "vitest";
import { actAsLiveAccount } from "../shared/live-account";
import { startEmulator } from "bedrock-emulator/node";
import { currentLanguage, describeSession, startGuide, type Guide } from "bedrock-guide";

const converse = (modelId: string) =>
  new BedrockRuntimeClient({}).send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: "Hello there" }] }] }));

let guide: Guide | undefined;
afterEach(async () => {
  await guide?.stop();
  guide = undefined;
});

describe("offline session", () => {
  it("points the SDK at the in-process emulator and puts the environment back on stop", async () => {
    const before = process.env.AWS_ENDPOINT_URL;
    guide = await startGuide({ quiet: true, region: "eu-west-1", lang: "en" });
    expect(guide.mode).toBe("offline");
    expect(process.env.AWS_ENDPOINT_URL).toBe(guide.endpoint);
    expect(guide.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const reply = await converse("eu.anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(reply.output?.message?.role).toBe("assistant");
    await guide.stop();
    guide = undefined;
    expect(process.env.AWS_ENDPOINT_URL).toBe(before);
  });

  it("reuses the session when the setup cell runs again, restarts it when options change", async () => {
    const first = await startGuide({ quiet: true, lang: "en" });
    expect(await startGuide({ quiet: true, lang: "en" })).toBe(first);
    guide = await startGuide({ quiet: true, lang: "en", region: "us-west-2" });
    expect(guide).not.toBe(first);
    expect(guide.region).toBe("us-west-2");
  });

  it("describes the session in the reader's language without printing secrets", async () => {
    guide = await startGuide({ quiet: true, lang: "es" });
    const lines = describeSession(guide).join("\n");
    expect(lines).toContain("Modo: sin conexión");
    expect(lines).toContain(`Endpoint: ${guide.endpoint}`);
    expect(lines).not.toContain(process.env.AWS_SECRET_ACCESS_KEY!);
  });

  it("explains a US profile called from a European region with that region's profiles", async () => {
    guide = await startGuide({ quiet: true, region: "eu-west-1", lang: "en" });
    const error = (await converse("us.anthropic.claude-haiku-4-5-20251001-v1:0").then(() => undefined, (e: unknown) => e)) as (Error & { advice?: { problem: string } }) | undefined;
    expect(error?.name).toBe("ValidationException");
    expect(error?.advice?.problem).toBe("profile-not-in-region");
    expect(error?.message).toContain("eu.anthropic.claude-haiku-4-5-20251001-v1:0");
  });

  it("gives advice for the region of the client that failed, not the session's", async () => {
    guide = await startGuide({ quiet: true, region: "us-west-2", lang: "en" });
    const eastClient = new BedrockRuntimeClient({ region: "us-east-1" });
    const call = eastClient.send(new ConverseCommand({ modelId: "stability.stable-image-core-v1:1", messages: [{ role: "user", content: [{ text: "a fox" }] }] }));
    const error = (await call.then(() => undefined, (e: unknown) => e)) as (Error & { advice?: { problem: string } }) | undefined;
    expect(error?.advice?.problem).toBe("model-not-in-region");
    expect(error?.message).toContain('region: "us-west-2"');
  });

  it("refuses a mode it does not know", async () => {
    process.env.BEDROCK_GUIDE_MODE = "production";
    try {
      await expect(startGuide({ quiet: true })).rejects.toThrow(/"offline" or "live"/);
    } finally {
      delete process.env.BEDROCK_GUIDE_MODE;
    }
  });
});

describe("live session", () => {
  it("never starts the emulator and stops spending at the budget", async () => {
    // A stand-in for AWS: the live session only sees an endpoint and keys, as with a real account.
    const aws = await startEmulator();
    actAsLiveAccount(aws.url, "us-east-1");
    try {
      guide = await startGuide({ mode: "live", budgetUsd: 1e-9, quiet: true, lang: "en" });
      expect(guide.endpoint).toBe(aws.url);
      expect(guide.simulate({ fault: "throttle" })).toBe(false);
      await converse("us.amazon.nova-micro-v1:0");
      expect(guide.meter.totalUsd).toBeGreaterThan(1e-9);
      const error = await converse("us.amazon.nova-micro-v1:0").then(() => undefined, (e: Error) => e);
      expect(error?.name).toBe("BudgetExceededError");
      expect(error?.message).toContain("BEDROCK_GUIDE_BUDGET_USD");
      expect(guide.meter.calls).toHaveLength(1);
    } finally {
      vi.unstubAllEnvs();
      await aws.close();
    }
  });
});

// The environment a session touches, saved and put back around each test below.
const SESSION_ENV = [
  "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
  "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "BEDROCK_GUIDE_MODE", "BEDROCK_GUIDE_BUDGET_USD", "BEDROCK_GUIDE_ALLOW_EXTENDED_ACCESS", "BEDROCK_GUIDE_LANG",
] as const;
function withEnv(values: Partial<Record<(typeof SESSION_ENV)[number], string | undefined>>) {
  const saved = Object.fromEntries(SESSION_ENV.map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return () => {
    for (const k of SESSION_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  };
}

describe("offline session, the SDK's environment", () => {
  it("sets region and dummy keys, hides the reader's profile and token, and puts each back (or removes it) on stop", async () => {
    const restore = withEnv({ AWS_PROFILE: "dev", AWS_SESSION_TOKEN: "token-from-the-shell", AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_REGION: "eu-west-3", AWS_ENDPOINT_URL: undefined });
    try {
      guide = await startGuide({ quiet: true, region: "eu-west-1", lang: "en" });
      expect(process.env.AWS_REGION).toBe("eu-west-1");
      expect(process.env.AWS_ACCESS_KEY_ID).toBeTruthy();
      expect(process.env.AWS_SECRET_ACCESS_KEY).toBeTruthy();
      expect(process.env.AWS_PROFILE).toBeUndefined();
      expect(process.env.AWS_SESSION_TOKEN).toBeUndefined();
      await guide.stop();
      guide = undefined;
      expect(process.env.AWS_PROFILE).toBe("dev");
      expect(process.env.AWS_SESSION_TOKEN).toBe("token-from-the-shell");
      expect(process.env.AWS_REGION).toBe("eu-west-3");
      expect("AWS_ACCESS_KEY_ID" in process.env).toBe(false);
      expect("AWS_SECRET_ACCESS_KEY" in process.env).toBe(false);
      expect("AWS_ENDPOINT_URL" in process.env).toBe(false);
    } finally {
      // Stop first: stopping puts back the environment the session saw, which restore() then undoes.
      await guide?.stop();
      guide = undefined;
      restore();
    }
  });

  it("takes the region from AWS_REGION, else us-east-1", async () => {
    const restore = withEnv({ AWS_REGION: "eu-central-1" });
    try {
      guide = await startGuide({ quiet: true, lang: "en" });
      expect(guide.region).toBe("eu-central-1");
      await guide.stop(); // puts AWS_REGION back: eu-central-1
      delete process.env.AWS_REGION;
      guide = await startGuide({ quiet: true, lang: "es" });
      expect(guide.region).toBe("us-east-1");
    } finally {
      // Stop first: stopping puts back the environment the session saw, which restore() then undoes.
      await guide?.stop();
      guide = undefined;
      restore();
    }
  });

  it("has no notes in a region the emulator covers, and the uncovered-region note otherwise", async () => {
    guide = await startGuide({ quiet: true, region: "eu-west-1", lang: "en" });
    expect(guide.notes).toEqual([]);
    guide = await startGuide({ quiet: true, region: "eu-south-2", lang: "en" });
    expect(guide.notes).toHaveLength(1);
    expect(guide.notes[0]).toContain("the emulator has no catalog for eu-south-2");
    guide = await startGuide({ quiet: true, region: "eu-south-2", lang: "es" });
    expect(guide.notes[0]).toContain("el emulador no tiene catálogo de eu-south-2");
  });

  it("simulates faults offline: a throttled call fails until the rule runs out", async () => {
    guide = await startGuide({ quiet: true, region: "us-east-1", lang: "en" });
    expect(guide.simulate({ fault: "throttle", model: "amazon.nova-micro-v1:0", times: 1 })).toBe(true);
    const client = new BedrockRuntimeClient({ maxAttempts: 1 });
    const ask = () => client.send(new ConverseCommand({ modelId: "amazon.nova-micro-v1:0", messages: [{ role: "user", content: [{ text: "Hi" }] }] }));
    const error = await ask().then(() => undefined, (e: Error) => e);
    expect(error?.name).toBe("ThrottlingException");
    expect((await ask()).output?.message?.role).toBe("assistant");
  });

  it("meters offline without a live budget check, with the budget from BEDROCK_GUIDE_BUDGET_USD, else 1 USD", async () => {
    const restore = withEnv({ BEDROCK_GUIDE_BUDGET_USD: "2.5", BEDROCK_GUIDE_ALLOW_EXTENDED_ACCESS: "1" });
    try {
      guide = await startGuide({ quiet: true, lang: "en" });
      expect(guide.meter.options).toMatchObject({ live: false, budgetUsd: 2.5, allowExtendedAccess: true, lang: "en" });
      delete process.env.BEDROCK_GUIDE_BUDGET_USD;
      process.env.BEDROCK_GUIDE_ALLOW_EXTENDED_ACCESS = "yes"; // only "1" opts in
      guide = await startGuide({ quiet: true, lang: "es" });
      expect(guide.meter.options).toMatchObject({ budgetUsd: 1, allowExtendedAccess: false, lang: "es" });
      guide = await startGuide({ quiet: true, lang: "es", budgetUsd: 0.25 });
      expect(guide.meter.options.budgetUsd).toBe(0.25);
    } finally {
      // Stop first: stopping puts back the environment the session saw, which restore() then undoes.
      await guide?.stop();
      guide = undefined;
      restore();
    }
  });
});

describe("mode", () => {
  it("reads BEDROCK_GUIDE_MODE in any case, and names the bad value when it cannot", async () => {
    const restore = withEnv({ BEDROCK_GUIDE_MODE: "Offline" });
    try {
      guide = await startGuide({ quiet: true, lang: "en" });
      expect(guide.mode).toBe("offline");
      process.env.BEDROCK_GUIDE_MODE = "LIVE";
      guide = await startGuide({ quiet: true, lang: "en", region: "eu-west-1" });
      expect(guide.mode).toBe("live");
      expect(guide.meter.options.live).toBe(true);
      process.env.BEDROCK_GUIDE_MODE = "prod";
      await expect(startGuide({ quiet: true, lang: "en" })).rejects.toThrow('BEDROCK_GUIDE_MODE must be "offline" or "live", not "prod".');
    } finally {
      // Stop first: stopping puts back the environment the session saw, which restore() then undoes.
      await guide?.stop();
      guide = undefined;
      restore();
    }
  });
});

describe("live session, without the emulator", () => {
  it("calls AWS's regional endpoint and cannot simulate faults", async () => {
    const restore = withEnv({ AWS_ENDPOINT_URL: undefined, AWS_REGION: "eu-west-1" });
    try {
      guide = await startGuide({ mode: "live", quiet: true, lang: "en" });
      expect(guide.region).toBe("eu-west-1");
      expect(guide.endpoint).toBe("https://bedrock-runtime.eu-west-1.amazonaws.com");
      expect(guide.notes).toEqual([]);
      expect(guide.simulate({ fault: "throttle" })).toBe(false);
      guide = await startGuide({ mode: "live", quiet: true, lang: "en", region: "ap-northeast-1" });
      expect(guide.endpoint).toBe("https://bedrock-runtime.ap-northeast-1.amazonaws.com");
    } finally {
      // Stop first: stopping puts back the environment the session saw, which restore() then undoes.
      await guide?.stop();
      guide = undefined;
      restore();
    }
  });

  for (const lang of ["es", "en"] as const) {
    it(`without a region, refuses to start and says how to set one, in the session's language (${lang})`, async () => {
      // The shell's language is the other one: the message follows the language asked for.
      const restore = withEnv({ AWS_REGION: undefined, AWS_PROFILE: undefined, AWS_CONFIG_FILE: "/nonexistent/config", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials", BEDROCK_GUIDE_LANG: lang === "es" ? "en" : "es" });
      try {
        await expect(startGuide({ mode: "live", quiet: true, lang })).rejects.toThrow(
          lang === "es" ? "Modo en vivo sin región: exporta AWS_REGION" : "Live mode without a region: export AWS_REGION",
        );
      } finally {
        restore();
      }
    });
  }

  it("stopping an old session leaves the current one in place", async () => {
    const restore = withEnv({ AWS_REGION: "eu-west-1" });
    try {
      const old = await startGuide({ mode: "live", quiet: true, lang: "en", region: "eu-west-1" });
      guide = await startGuide({ mode: "live", quiet: true, lang: "en", region: "eu-west-3" });
      await old.stop();
      expect(await startGuide({ mode: "live", quiet: true, lang: "en", region: "eu-west-3" })).toBe(guide);
      await guide.stop();
      const next = await startGuide({ mode: "live", quiet: true, lang: "en", region: "eu-west-3" });
      expect(next).not.toBe(guide);
      guide = next;
    } finally {
      // Stop first: stopping puts back the environment the session saw, which restore() then undoes.
      await guide?.stop();
      guide = undefined;
      restore();
    }
  });
});

describe("what the session tells the reader", () => {
  it("describes an offline session line by line (en and es)", async () => {
    guide = await startGuide({ quiet: true, region: "eu-west-1", lang: "en" });
    expect(describeSession(guide)).toEqual([
      "Mode: offline (local emulator, free)",
      "Region: eu-west-1",
      `Endpoint: ${guide.endpoint}`,
      "Credentials: the emulator's dummy keys",
    ]);
    guide = await startGuide({ quiet: true, region: "eu-west-1", lang: "es" });
    expect(describeSession(guide)).toEqual([
      "Modo: sin conexión (emulador local, gratis)",
      "Región: eu-west-1",
      `Endpoint: ${guide.endpoint}`,
      "Credenciales: claves ficticias del emulador",
    ]);
  });

  it("describes a live session: its budget and where the credentials come from, never the keys", async () => {
    const restore = withEnv({ AWS_ENDPOINT_URL: undefined, AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "example-secret", AWS_PROFILE: undefined });
    try {
      guide = await startGuide({ mode: "live", quiet: true, lang: "en", region: "us-east-1", budgetUsd: 3 });
      expect(describeSession(guide)).toEqual([
        "Mode: live (real AWS calls that cost money; budget 3 USD)",
        "Region: us-east-1",
        "Endpoint: https://bedrock-runtime.us-east-1.amazonaws.com",
        "Credentials: environment variables",
      ]);
      expect(describeSession({ ...guide, lang: "es" })).toEqual([
        "Modo: en vivo (llamadas reales a AWS, con coste; presupuesto 3 USD)",
        "Región: us-east-1",
        "Endpoint: https://bedrock-runtime.us-east-1.amazonaws.com",
        "Credenciales: variables de entorno",
      ]);
      delete process.env.AWS_ACCESS_KEY_ID;
      process.env.AWS_PROFILE = "dev";
      expect(describeSession(guide)[3]).toBe("Credentials: profile dev");
      expect(describeSession({ ...guide, lang: "es" })[3]).toBe("Credenciales: perfil dev");
      delete process.env.AWS_PROFILE;
      expect(describeSession(guide)[3]).toBe("Credentials: the SDK's standard chain (default profile, SSO or role)");
      expect(describeSession({ ...guide, lang: "es" })[3]).toBe("Credenciales: cadena estándar del SDK (perfil default, SSO o rol)");
    } finally {
      // Stop first: stopping puts back the environment the session saw, which restore() then undoes.
      await guide?.stop();
      guide = undefined;
      restore();
    }
  });

  it("prints the notes first, then the session, and again when the setup cell runs again", async () => {
    const printed: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    try {
      guide = await startGuide({ region: "eu-south-2", lang: "en" });
      expect(printed).toEqual([guide.notes[0], describeSession(guide).join("\n")]);
      printed.length = 0;
      expect(await startGuide({ region: "eu-south-2", lang: "en" })).toBe(guide);
      expect(printed).toEqual([guide.notes[0], describeSession(guide).join("\n")]);
      printed.length = 0;
      await startGuide({ region: "eu-south-2", lang: "en", quiet: true });
      expect(printed).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it("sets the session language the lib's helpers default to", async () => {
    guide = await startGuide({ quiet: true, lang: "en" });
    expect(currentLanguage()).toBe("en");
    guide = await startGuide({ quiet: true, lang: "es" });
    expect(currentLanguage()).toBe("es");
  });
});
