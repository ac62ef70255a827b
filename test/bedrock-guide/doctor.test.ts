import {
  AccessDeniedException,
  BedrockClient,
  ListFoundationModelsCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-bedrock";
import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { actAsLiveAccount } from "../shared/live-account";
import { startEmulator, type RunningEmulator } from "bedrock-emulator/node";
import { stsCallerIdentity } from "../../packages/bedrock-guide/caller-identity";
import { terminalChecks } from "../../packages/bedrock-guide/doctor-terminal";
import { STSClient } from "@aws-sdk/client-sts";
import {
  availabilityProblems,
  checkSetup,
  credentialSource,
  formatDoctorReport,
  forgetRegionListings,
  maskAccount,
  runDoctor,
  USE_CASE_MISSING_MESSAGE,
  type DoctorOptions,
  type DoctorReport,
  type Language,
} from "bedrock-guide";

// The doctor is tested live against the emulator standing in for AWS, with each fault a new
// account meets injected. The emulator has no STS and no GetUseCaseForModelAccess (its owner's
// scope), so those two answers are injected: STS as the callerIdentity function, the use-case
// call as SDK middleware on the doctor's own Bedrock client, with AWS's documented shapes.

const ACCOUNT = "111122223333"; // one of AWS's documentation account IDs
const identity = async () => ({ account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/Ana` });

type UseCase = "submitted" | "missing" | "denied";

/** A Bedrock client whose GetUseCaseForModelAccess answers as AWS does for this account. */
function bedrockWithUseCase(useCase: UseCase, made: BedrockClient[] = []) {
  return (region: string) => {
    const client = new BedrockClient({ region, maxAttempts: 2 });
    made.push(client);
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== "GetUseCaseForModelAccessCommand") return next(args);
        if (useCase === "missing") throw new ResourceNotFoundException({ message: USE_CASE_MISSING_MESSAGE, $metadata: { httpStatusCode: 404 } });
        // An identity whose IAM policy lacks bedrock:GetUseCaseForModelAccess (403).
        if (useCase === "denied") throw new AccessDeniedException({ message: "User is not authorized to perform: bedrock:GetUseCaseForModelAccess", $metadata: { httpStatusCode: 403 } });
        return { output: { formData: new TextEncoder().encode('{"companyName":"Ejemplo"}'), $metadata: { httpStatusCode: 200 } }, response: {} } as never;
      },
      { step: "initialize", name: "useCaseStub" },
    );
    return client;
  };
}

let aws: RunningEmulator;

beforeEach(async () => {
  aws = await startEmulator();
  actAsLiveAccount(aws.url, "eu-west-1");
  forgetRegionListings();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await aws.close();
  forgetRegionListings();
});

const live = (lang: Language, extra: Partial<DoctorOptions> = {}) =>
  runDoctor({ mode: "live", lang, callerIdentity: identity, bedrockClient: bedrockWithUseCase("submitted"), ...extra });

const check = (report: DoctorReport, id: string) => report.checks.find((c) => c.id === id);

describe("doctor, live against the emulator", () => {
  it("passes a ready account, naming each default model's route, with the account masked", async () => {
    const report = await live("en");
    const text = formatDoctorReport(report, "en");
    expect(report.ok).toBe(true);
    expect(text).not.toContain(ACCOUNT);
    expect(text).toContain("********3333");
    expect(check(report, "credentials")?.summary).toContain("environment variables");
    expect(check(report, "region")?.status).toBe("ok");
    // Claude Haiku 4.5 from Ireland goes through the EU profile (ListInferenceProfiles in eu-west-1).
    expect(check(report, "model:anthropic.claude-haiku-4-5-20251001-v1:0")?.summary).toContain("eu.anthropic.claude-haiku-4-5-20251001-v1:0");
    expect(check(report, "anthropic-use-case")?.status).toBe("ok");
    expect(text).not.toContain("example-secret");
  });

  for (const lang of ["es", "en"] as const) {
    it(`no credentials: fails and says how to sign in (${lang})`, async () => {
      for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"]) vi.stubEnv(k, undefined);
      Object.assign(process.env, { AWS_CONFIG_FILE: "/nonexistent/config", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials", AWS_EC2_METADATA_DISABLED: "true" });
      const report = await runDoctor({ mode: "live", lang });
      expect(report.ok).toBe(false);
      const c = check(report, "credentials")!;
      expect(c.status).toBe("fail");
      expect(c.fix).toContain("aws sso login");
      expect(c.fix).toContain(lang === "es" ? "Inicia sesión" : "Sign in");
      // Nothing else is asked without credentials.
      expect(check(report, "region")).toBeUndefined();
    });

    it(`wrong region: Bedrock does not answer there, and it names regions that work (${lang})`, async () => {
      vi.stubEnv("AWS_REGION", "eu-south-2");
      const report = await live(lang);
      const c = check(report, "region")!;
      expect(report.ok).toBe(false);
      expect(c.status).toBe("fail");
      expect(c.summary).toContain(lang === "es" ? "Bedrock no responde aquí" : "Bedrock does not answer here");
      expect(c.fix).toContain("eu-west-1");
      expect(c.fix).toContain("AWS_REGION");
    });

    it(`access denied: the model's availability says why, with the permissions to ask for (${lang})`, async () => {
      aws.faults.add({ fault: "access-denied", model: "amazon.nova-2-lite-v1:0" });
      const report = await live(lang);
      const c = check(report, "model:amazon.nova-2-lite-v1:0")!;
      expect(report.ok).toBe(false);
      expect(c.status).toBe("fail");
      expect(c.summary).toContain(lang === "es" ? "no tiene autorización" : "not authorised");
      expect(c.fix).toContain("aws-marketplace:Subscribe");
      expect(check(report, "model:anthropic.claude-haiku-4-5-20251001-v1:0")?.status).toBe("ok");
    });

    it(`throttling: fails with the throttling advice (${lang})`, async () => {
      aws.faults.add({ fault: "throttle" });
      const report = await live(lang);
      const c = check(report, "region")!;
      expect(report.ok).toBe(false);
      expect(c.status).toBe("fail");
      expect(c.summary).toContain(lang === "es" ? "Demasiadas peticiones" : "Too many requests");
      expect(c.fix).toContain("Service Quotas");
    });

    it(`Anthropic use-case details missing: console form and PutUseCaseForModelAccess (${lang})`, async () => {
      const report = await live(lang, { bedrockClient: bedrockWithUseCase("missing") });
      const c = check(report, "anthropic-use-case")!;
      expect(report.ok).toBe(false);
      expect(c.status).toBe("fail");
      expect(c.fix).toContain("PutUseCaseForModelAccess");
      expect(c.fix).toContain(lang === "es" ? "catálogo de modelos" : "model catalog");
      expect(formatDoctorReport(report, lang)).toContain(lang === "es" ? "problema(s) que arreglar" : "problem(s) to fix");
    });
  }

  it("an opt-in region that is not enabled: STS's invalid-token answer is explained as such", async () => {
    vi.stubEnv("AWS_REGION", "eu-south-2");
    // STS's ErrorResponse for a disabled region (Query protocol XML).
    const sts = await fakeSts(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>0</RequestId></ErrorResponse>',
      403,
    );
    onTestFinished(() => sts.close());
    vi.stubEnv("AWS_ENDPOINT_URL_STS", sts.url);
    const report = await live("es", { callerIdentity: undefined });
    const c = check(report, "identity")!;
    expect(c.status).toBe("fail");
    expect(c.fix).toContain("aws account enable-region --region-name eu-south-2");
  });
});

describe("doctor, offline", () => {
  it("checks the emulator path and passes, with no credentials at all", async () => {
    for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL"]) vi.stubEnv(k, undefined);
    const report = await runDoctor({ mode: "offline", region: "eu-central-1", lang: "en" });
    expect(report.ok).toBe(true);
    expect(check(report, "emulator")?.summary).toMatch(/Offline mode: the emulator answers at http:\/\/127\.0\.0\.1:\d+ \(\d+ models in eu-central-1\)/);
  });

  it("names the regions the emulator knows when the region is outside its catalog, and still passes", async () => {
    const report = await runDoctor({ mode: "offline", region: "eu-south-2", lang: "es" });
    expect(report.ok).toBe(true);
    const c = check(report, "emulator")!;
    expect(c.status).toBe("warn");
    expect(c.summary).toContain("eu-west-1");
    expect(c.summary).toContain("no tiene catálogo de eu-south-2");
  });
});

describe("doctor's pieces", () => {
  it("reads GetCallerIdentity's answer as the STS API reference shows it", async () => {
    const xml = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/Alice</Arn><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
    const sts = await fakeSts(xml);
    onTestFinished(() => sts.close());
    vi.stubEnv("AWS_ENDPOINT_URL_STS", sts.url);
    expect(await stsCallerIdentity("eu-west-1")).toEqual({ account: "123456789012", arn: "arn:aws:iam::123456789012:user/Alice" });
  });

  it("masks all but the last four digits of the account, wherever it appears", () => {
    expect(maskAccount("arn:aws:sts::123456789012:assumed-role/Dev/ana", "123456789012")).toBe("arn:aws:sts::********9012:assumed-role/Dev/ana");
  });

  it("names where credentials come from without reading them", () => {
    const env = { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "s3cr3t", AWS_SESSION_TOKEN: "tok" };
    const text = JSON.stringify(credentialSource(env));
    expect(text).toContain("temporary credentials");
    expect(text).not.toMatch(/AKIDEXAMPLE|s3cr3t|tok\b/);
    expect(credentialSource({ AWS_PROFILE: "dev" }).es).toBe("perfil dev de ~/.aws");
  });

  it("turns each GetFoundationModelAvailability field into a problem", () => {
    expect(availabilityProblems({ agreementAvailability: { status: "AVAILABLE" }, authorizationStatus: "AUTHORIZED", entitlementAvailability: "AVAILABLE", regionAvailability: "AVAILABLE" })).toEqual([]);
    const all = availabilityProblems({ agreementAvailability: { status: "PENDING" }, authorizationStatus: "NOT_AUTHORIZED", entitlementAvailability: "NOT_AVAILABLE", regionAvailability: "NOT_AVAILABLE" });
    expect(all.map((p) => p.en)).toEqual(["not offered in this region", "your identity is not authorised (IAM or an organisation policy)", "provider agreement PENDING", "the account has no entitlement (subscription)"]);
  });
});

// ---------------------------------------------------------------------------------------------
// What the doctor tells a reader in each live situation, one check at a time.

const catalog = JSON.parse(readFileSync(new URL("../../data/catalog.json", import.meta.url), "utf8")) as {
  regions: string[];
  models: { modelId: string; regions: string[] }[];
};

/** How many models the emulator standing in for AWS lists in a region (ListFoundationModels). */
async function listedModels(region: string, byOutputModality?: "TEXT") {
  const client = new BedrockClient({ region, endpoint: aws.url, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "example-secret" } });
  try {
    return (await client.send(new ListFoundationModelsCommand({ byOutputModality }))).modelSummaries?.length ?? 0;
  } finally {
    client.destroy();
  }
}

describe("doctor, live: credentials, region and identity", () => {
  for (const lang of ["es", "en"] as const) {
    it(`names where working credentials come from and whose they are, account masked (${lang})`, async () => {
      const report = await live(lang);
      expect(report.mode).toBe("live");
      expect(report.region).toBe("eu-west-1");
      expect(check(report, "credentials")).toEqual({
        id: "credentials",
        status: "ok",
        summary: lang === "es" ? `Credenciales: ${credentialSource().es}` : `Credentials: ${credentialSource().en}`,
      });
      // Long-term keys in the environment (no session token): the guide suggests SSO or a role.
      expect(check(report, "credentials")?.summary).toContain(lang === "es" ? "claves de larga duración" : "long-term keys");
      expect(check(report, "identity")).toEqual({
        id: "identity",
        status: "ok",
        summary:
          lang === "es"
            ? "Identidad: arn:aws:iam::********3333:user/Ana (cuenta ********3333)"
            : "Identity: arn:aws:iam::********3333:user/Ana (account ********3333)",
      });
    });

    it(`without a region, stops and says how to set one (${lang})`, async () => {
      vi.stubEnv("AWS_REGION", undefined);
      Object.assign(process.env, { AWS_CONFIG_FILE: "/nonexistent/config", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials" });
      let asked = false;
      const report = await live(lang, { callerIdentity: async () => ((asked = true), identity()) });
      expect(report.ok).toBe(false);
      expect(report.region).toBeUndefined();
      expect(check(report, "region")).toMatchObject({ status: "fail", summary: lang === "es" ? "Región: ninguna" : "Region: none" });
      expect(check(report, "region")?.fix).toContain("AWS_REGION");
      expect(check(report, "region")?.fix).toContain("~/.aws/config");
      expect(asked).toBe(false);
      expect(check(report, "identity")).toBeUndefined();
    });

    it(`when STS refuses the credentials, names AWS's error and stops before Bedrock (${lang})`, async () => {
      const made: BedrockClient[] = [];
      const sts = await fakeSts(
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error><RequestId>0</RequestId></ErrorResponse>',
        403,
      );
      onTestFinished(() => sts.close());
      vi.stubEnv("AWS_ENDPOINT_URL_STS", sts.url);
      const report = await live(lang, { callerIdentity: undefined, bedrockClient: bedrockWithUseCase("submitted", made) });
      expect(report.ok).toBe(false);
      expect(report.region).toBe("eu-west-1");
      expect(check(report, "identity")).toMatchObject({
        status: "fail",
        summary: lang === "es" ? "Identidad: STS rechazó las credenciales (ExpiredToken)" : "Identity: STS refused the credentials (ExpiredToken)",
      });
      expect(check(report, "identity")?.fix).toBeTruthy();
      expect(made).toHaveLength(0);
      expect(check(report, "region")).toBeUndefined();
    });
  }

  it("gives up on an STS that never answers after 15 s, and leaves no timer behind", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const pending = live("en", { callerIdentity: () => new Promise(() => {}) });
      await vi.advanceTimersByTimeAsync(14_999);
      let settled = false;
      void pending.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const report = await pending;
      // A plain Error has no AWS name: the summary says "Error".
      expect(check(report, "identity")).toMatchObject({ status: "fail", summary: "Identity: STS refused the credentials (Error)" });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a finished check leaves no timer running (the credentials' and STS's time limits are cleared)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const report = await live("en", { models: [] });
      expect(check(report, "identity")?.status).toBe("ok");
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reads BEDROCK_GUIDE_MODE (any case) and BEDROCK_GUIDE_LANG when not told", async () => {
    Object.assign(process.env, { BEDROCK_GUIDE_MODE: "LIVE", BEDROCK_GUIDE_LANG: "en" });
    const report = await runDoctor({ callerIdentity: identity, bedrockClient: bedrockWithUseCase("submitted"), models: [] });
    expect(report.mode).toBe("live");
    expect(check(report, "credentials")?.summary).toMatch(/^Credentials: /);
    vi.stubEnv("BEDROCK_GUIDE_MODE", "offline");
    vi.stubEnv("BEDROCK_GUIDE_LANG", "es");
    const offline = await runDoctor();
    expect(offline.mode).toBe("offline");
    expect(check(offline, "emulator")?.summary).toMatch(/^Modo sin conexión/);
  });
});

describe("doctor, live: Bedrock in the region", () => {
  for (const lang of ["es", "en"] as const) {
    it(`counts the text models Bedrock lists there (${lang})`, async () => {
      const report = await live(lang, { models: [] });
      const n = await listedModels("eu-west-1", "TEXT");
      expect(n).toBeGreaterThan(0);
      expect(check(report, "region")).toEqual({
        id: "region",
        status: "ok",
        summary: lang === "es" ? `Región eu-west-1: Bedrock responde (${n} modelos de texto)` : `Region eu-west-1: Bedrock answers (${n} text models)`,
      });
    });
  }

  it("where Bedrock does not answer, suggests three European regions that have it", async () => {
    vi.stubEnv("AWS_REGION", "eu-south-2");
    const report = await live("en");
    const fix = check(report, "region")!.fix!;
    const examples = /for example ([^:]+):/.exec(fix)![1]!.split(", ");
    expect(examples).toHaveLength(3);
    for (const r of examples) {
      expect(r).toMatch(/^eu-/);
      expect(catalog.regions).toContain(r);
    }
    expect(fix).toContain("https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html");
    const es = await live("es");
    expect(check(es, "region")!.fix).toContain(`por ejemplo ${examples.join(", ")}: exporta AWS_REGION`);
  });

  it("another failure is named by its advice, and no model is checked after it", async () => {
    aws.faults.add({ fault: "throttle", operation: "ListFoundationModels" });
    const report = await live("en");
    expect(check(report, "region")).toMatchObject({ status: "fail", summary: "Region eu-west-1: Too many requests" });
    expect(report.checks.filter((c) => c.id.startsWith("model:") || c.id === "anthropic-use-case")).toEqual([]);
  });

  it("closes the Bedrock client it used", async () => {
    const made: BedrockClient[] = [];
    const factory = bedrockWithUseCase("submitted", made);
    let destroyed = 0;
    await live("en", {
      models: [],
      bedrockClient: (region) => {
        const client = factory(region);
        const destroy = client.destroy.bind(client);
        client.destroy = () => ((destroyed += 1), destroy());
        return client;
      },
    });
    expect(made).toHaveLength(1);
    expect(destroyed).toBe(1);
  });

  it("builds its own Bedrock client for the region when none is given", async () => {
    // The emulator has no GetUseCaseForModelAccess (UnknownOperationException): the doctor's own
    // client reaches it through AWS_ENDPOINT_URL and can only warn about the use case.
    const report = await runDoctor({ mode: "live", lang: "en", callerIdentity: identity });
    expect(check(report, "region")?.status).toBe("ok");
    expect(check(report, "model:amazon.nova-2-lite-v1:0")?.status).toBe("ok");
    expect(check(report, "anthropic-use-case")).toMatchObject({ status: "warn", summary: "Anthropic models: could not read the use case (UnknownOperationException)" });
  });
});

describe("doctor, live: the models", () => {
  it("checks the four default models of chapters 1–3 and names the route of each (es)", async () => {
    const report = await live("es");
    const models = report.checks.filter((c) => c.id.startsWith("model:"));
    expect(models.map((c) => c.id)).toEqual([
      "model:anthropic.claude-haiku-4-5-20251001-v1:0",
      "model:amazon.nova-2-lite-v1:0",
      "model:mistral.ministral-3-8b-instruct",
      "model:openai.gpt-oss-20b-1:0",
    ]);
    expect(models.every((c) => c.status === "ok" && c.fix === undefined)).toBe(true);
    expect(check(report, "model:anthropic.claude-haiku-4-5-20251001-v1:0")?.summary).toBe(
      "anthropic.claude-haiku-4-5-20251001-v1:0: acceso, acuerdo y derecho de uso en orden; se invoca como eu.anthropic.claude-haiku-4-5-20251001-v1:0",
    );
  });

  for (const lang of ["es", "en"] as const) {
    it(`a model the region cannot call is a warning that names where the catalog offers it (${lang})`, async () => {
      // Stable Image Core: only us-west-2 in data/catalog.json, so not from Ireland.
      const offered = catalog.models.find((m) => m.modelId === "stability.stable-image-core-v1:1")!.regions;
      const report = await live(lang, { models: ["stability.stable-image-core-v1:1", "acme.no-such-model-v1:0"] });
      expect(report.ok).toBe(true);
      expect(check(report, "model:stability.stable-image-core-v1:1")).toMatchObject({
        status: "warn",
        summary: lang === "es" ? "stability.stable-image-core-v1:1: no se puede invocar desde eu-west-1" : "stability.stable-image-core-v1:1: cannot be called from eu-west-1",
      });
      expect(check(report, "model:stability.stable-image-core-v1:1")?.fix).toContain(`${offered.join(", ")}.`);
      // A model no region of the catalog has.
      expect(check(report, "model:acme.no-such-model-v1:0")?.status).toBe("warn");
      expect(check(report, "model:acme.no-such-model-v1:0")?.fix).toContain(lang === "es" ? "(ninguna en el catálogo)" : "(none in the catalog)");
      // No Anthropic model asked for: no use-case check.
      expect(check(report, "anthropic-use-case")).toBeUndefined();
    });

    it(`a model the identity may not use: every missing piece AWS reports, in its order (${lang})`, async () => {
      // The emulator answers GetFoundationModelAvailability for a denied model as AWS does for an
      // account without access: agreement NOT_AVAILABLE, NOT_AUTHORIZED, entitlement NOT_AVAILABLE.
      aws.faults.add({ fault: "access-denied", model: "amazon.nova-2-lite-v1:0" });
      const report = await live(lang, { models: ["amazon.nova-2-lite-v1:0"] });
      expect(check(report, "model:amazon.nova-2-lite-v1:0")?.summary).toBe(
        lang === "es"
          ? "amazon.nova-2-lite-v1:0: tu identidad no tiene autorización (IAM o una política de la organización); acuerdo del proveedor NOT_AVAILABLE; la cuenta no tiene derecho de uso (suscripción)"
          : "amazon.nova-2-lite-v1:0: your identity is not authorised (IAM or an organisation policy); provider agreement NOT_AVAILABLE; the account has no entitlement (subscription)",
      );
      expect(check(report, "model:amazon.nova-2-lite-v1:0")?.fix).toContain(lang === "es" ? "hasta 15 minutos" : "up to 15 minutes");
    });
  }

  it("when the availability cannot be read for lack of permission, warns and says what to ask for", async () => {
    aws.faults.add({ fault: "access-denied", operation: "GetFoundationModelAvailability" });
    const report = await live("en", { models: ["amazon.nova-2-lite-v1:0"] });
    expect(report.ok).toBe(true);
    expect(check(report, "model:amazon.nova-2-lite-v1:0")).toMatchObject({
      status: "warn",
      summary: "amazon.nova-2-lite-v1:0: could not check (AccessDeniedException): No access to the model",
    });
    expect(check(report, "model:amazon.nova-2-lite-v1:0")?.fix).toContain("bedrock:InvokeModel");
  });

  it("when the availability cannot be read for another reason, fails with that reason (es)", async () => {
    aws.faults.add({ fault: "throttle", operation: "GetFoundationModelAvailability" });
    const report = await live("es", { models: ["amazon.nova-2-lite-v1:0", "openai.gpt-oss-20b-1:0"] });
    expect(report.ok).toBe(false);
    for (const model of ["amazon.nova-2-lite-v1:0", "openai.gpt-oss-20b-1:0"]) {
      expect(check(report, `model:${model}`)).toMatchObject({
        status: "fail",
        summary: `${model}: no se pudo comprobar (ThrottlingException): Demasiadas peticiones`,
      });
    }
  });

  it("does not hide a failure to list the region's profiles as a model verdict", async () => {
    aws.faults.add({ fault: "throttle", operation: "ListInferenceProfiles" });
    await expect(live("en", { models: ["amazon.nova-2-lite-v1:0"] })).rejects.toMatchObject({ name: "ThrottlingException" });
  });
});

describe("doctor, live: Anthropic's use-case form", () => {
  it("says the details were submitted (es) and in English", async () => {
    const es = await live("es", { models: ["anthropic.claude-haiku-4-5-20251001-v1:0"] });
    expect(check(es, "anthropic-use-case")).toEqual({ id: "anthropic-use-case", status: "ok", summary: "Modelos de Anthropic: los datos del caso de uso de la cuenta ya se enviaron" });
    const en = await live("en", { models: ["anthropic.claude-haiku-4-5-20251001-v1:0"] });
    expect(check(en, "anthropic-use-case")?.summary).toBe("Anthropic models: the account's use-case details were submitted");
  });

  it("names the missing form in lower case after its subject", async () => {
    const en = await live("en", { bedrockClient: bedrockWithUseCase("missing") });
    expect(check(en, "anthropic-use-case")?.summary).toBe("Anthropic models: anthropic's use-case form is missing");
    const es = await live("es", { bedrockClient: bedrockWithUseCase("missing") });
    expect(check(es, "anthropic-use-case")?.summary).toBe("Modelos de Anthropic: falta el formulario de caso de uso de anthropic");
  });

  for (const lang of ["es", "en"] as const) {
    it(`an identity that may not read it gets a warning with the permission to add (${lang})`, async () => {
      const report = await live(lang, { bedrockClient: bedrockWithUseCase("denied") });
      expect(check(report, "anthropic-use-case")).toMatchObject({
        status: "warn",
        summary: lang === "es" ? "Modelos de Anthropic: no se pudo consultar el caso de uso (AccessDeniedException)" : "Anthropic models: could not read the use case (AccessDeniedException)",
      });
      expect(check(report, "anthropic-use-case")?.fix).toContain("bedrock:GetUseCaseForModelAccess");
      expect(report.ok).toBe(true);
    });
  }
});

describe("doctor, offline: more", () => {
  it("counts the models the emulator lists in the region, and defaults to AWS_REGION", async () => {
    vi.stubEnv("AWS_REGION", "eu-west-3");
    const report = await runDoctor({ mode: "offline", lang: "es" });
    expect(report.region).toBe("eu-west-3");
    const n = await listedModels("eu-west-3");
    expect(check(report, "emulator")?.summary).toMatch(new RegExp(`^Modo sin conexión: el emulador responde en http://127\\.0\\.0\\.1:\\d+ \\(${n} modelos en eu-west-3\\)\\. No hacen falta credenciales ni se gasta nada\\.$`));
  });

  it("defaults to us-east-1 without AWS_REGION", async () => {
    vi.stubEnv("AWS_REGION", undefined);
    const report = await runDoctor({ mode: "offline", lang: "en" });
    expect(report.region).toBe("us-east-1");
    expect(check(report, "emulator")?.summary).toContain("models in us-east-1)");
  });

  it("outside the emulator's catalog, says how to stay offline (en and es)", async () => {
    const en = await runDoctor({ mode: "offline", region: "eu-south-2", lang: "en" });
    expect(check(en, "emulator")?.fix).toBe("To work offline, export AWS_REGION as one of those regions (for example eu-west-1).");
    const es = await runDoctor({ mode: "offline", region: "eu-south-2", lang: "es" });
    expect(check(es, "emulator")?.fix).toBe("Para seguir sin conexión, exporta AWS_REGION con una de esas regiones (por ejemplo eu-west-1).");
  });

  for (const lang of ["es", "en"] as const) {
    it(`when the emulator refuses to list models, fails with AWS's error name and advice (${lang})`, async () => {
      // BEDROCK_EMULATOR_FAULTS is read by the emulator the doctor starts.
      vi.stubEnv("BEDROCK_EMULATOR_FAULTS", "throttle,operation=ListFoundationModels");
      const report = await runDoctor({ mode: "offline", region: "eu-west-1", lang });
      expect(report.ok).toBe(false);
      const c = check(report, "emulator")!;
      expect(c).toMatchObject({
        status: "fail",
        summary: lang === "es" ? "El emulador no responde: ThrottlingException" : "The emulator does not answer: ThrottlingException",
      });
      expect(c.fix).toMatch(lang === "es" ? /^💡 Demasiadas peticiones\. / : /^💡 Too many requests\. /);
      expect(c.fix).toContain("Service Quotas");
    });
  }
});

describe("doctor, Node and Jupyter (faked on PATH)", () => {
  const versions = process.versions.node;
  const fakeNode = (v: string) => Object.defineProperty(process.versions, "node", { value: v, configurable: true });
  afterEach(() => void fakeNode(versions));
  // Node's check alone: an empty PATH, so the terminal's Jupyter check finds nothing (and warns).
  const nodeOnly = async (add: Parameters<ReturnType<typeof terminalChecks>>[0]) => {
    vi.stubEnv("PATH", "/nonexistent");
    await terminalChecks()(add);
  };

  it("accepts Node 22.12 or later and refuses older versions, with the npm run fix (en, es)", async () => {
    for (const v of ["22.12.0", "22.20.1", "23.0.0", "24.1.0"]) {
      fakeNode(v);
      const report = await runDoctor({ mode: "offline", region: "eu-west-1", lang: "en", machineChecks: nodeOnly });
      expect(check(report, "node")).toEqual({ id: "node", status: "ok", summary: `Node ${v}` });
    }
    for (const v of ["22.11.0", "21.99.0", "20.20.2"]) {
      fakeNode(v);
      const report = await runDoctor({ mode: "offline", region: "eu-west-1", lang: "en", machineChecks: nodeOnly });
      expect(report.ok).toBe(false);
      expect(check(report, "node")).toMatchObject({ status: "fail", summary: `Node ${v}: the guide needs 22.12 or later` });
      expect(check(report, "node")?.fix).toContain("npm run");
    }
    fakeNode("18.0.0");
    const es = await runDoctor({ mode: "offline", region: "eu-west-1", lang: "es", machineChecks: nodeOnly });
    expect(check(es, "node")?.summary).toBe("Node 18.0.0: la guía necesita 22.12 o posterior");
  });

  /** A folder holding only a fake `jupyter` script, to put on PATH. */
  function fakeJupyter(versionText: string | null, kernelspecs: string | null) {
    const dir = mkdtempSync(join(tmpdir(), "fake-jupyter-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const out = (text: string | null) => (text === null ? "exit 1" : `cat <<'EOF'\n${text}\nEOF`);
    writeFileSync(
      join(dir, "jupyter"),
      `#!/bin/sh\nif [ "$1" = "--version" ]; then\n${out(versionText)}\nelif [ "$1" = "kernelspec" ]; then\n${out(kernelspecs)}\nfi\n`,
    );
    chmodSync(join(dir, "jupyter"), 0o755);
    // First on PATH, so it shadows a real Jupyter; the script itself needs cat from /bin.
    vi.stubEnv("PATH", `${dir}:/usr/bin:/bin`);
    return dir;
  }
  // What `jupyter --version` prints (jupyter_core 5).
  const VERSION = "Selected Jupyter core packages...\nIPython          : 8.20.0\nipykernel        : 6.29.3\nipywidgets       : not installed\njupyter_client   : 8.6.0\njupyter_core     : 5.7.1\nnotebook         : 7.0.6\nnbclient         : 0.9.0";
  const SPECS = JSON.stringify({ kernelspecs: { "bedrock-guide": { resource_dir: "/x", spec: {} }, python3: { resource_dir: "/y", spec: {} } } });
  const kernel = { name: "bedrock-guide", displayName: "Bedrock guide (TypeScript)" };
  const offline = (lang: Language, withKernel = true) =>
    runDoctor({ mode: "offline", region: "eu-west-1", lang, machineChecks: terminalChecks(withKernel ? { kernel } : {}) });

  it("without Jupyter warns (the site still works) and says how to install it; still ok", async () => {
    fakeJupyter(null, null);
    const report = await offline("en");
    expect(report.ok).toBe(true);
    expect(check(report, "jupyter")).toEqual({
      id: "jupyter",
      status: "warn",
      summary: "Jupyter: not found (the site works; the notebooks do not)",
      fix: "Install it with `pip install notebook nbclient` (or `sudo apt install jupyter-notebook python3-nbclient`).",
    });
    expect(check(report, "kernel")).toBeUndefined();
    const empty = mkdtempSync(join(tmpdir(), "empty-path-"));
    onTestFinished(() => rmSync(empty, { recursive: true, force: true }));
    vi.stubEnv("PATH", empty);
    const es = await offline("es");
    expect(check(es, "jupyter")?.summary).toBe("Jupyter: no encontrado (el sitio funciona; los cuadernos no)");
  });

  it("names the notebook version, and finds the registered kernel (en, es)", async () => {
    fakeJupyter(VERSION, SPECS);
    const report = await offline("en");
    expect(check(report, "jupyter")).toEqual({ id: "jupyter", status: "ok", summary: "Jupyter: notebook 7.0.6" });
    expect(check(report, "kernel")).toEqual({ id: "kernel", status: "ok", summary: "Kernel “Bedrock guide (TypeScript)” registered" });
    const es = await offline("es");
    expect(check(es, "kernel")?.summary).toBe("Kernel «Bedrock guide (TypeScript)» registrado");
  });

  it("with an older Jupyter that prints one version line, names that line", async () => {
    fakeJupyter("  4.4.0  \nsomething else", SPECS);
    const report = await offline("en");
    expect(check(report, "jupyter")?.summary).toBe("Jupyter: notebook 4.4.0");
  });

  it("warns with the install command when the kernel is not registered or cannot be listed (en, es)", async () => {
    fakeJupyter(VERSION, JSON.stringify({ kernelspecs: { python3: {} } }));
    const report = await offline("en");
    expect(report.ok).toBe(true);
    expect(check(report, "kernel")).toEqual({
      id: "kernel",
      status: "warn",
      summary: "Kernel “Bedrock guide (TypeScript)” not registered",
      fix: "Run `npm run kernel:install`.",
    });
    const es = await offline("es");
    expect(check(es, "kernel")).toMatchObject({ summary: "Kernel «Bedrock guide (TypeScript)» no registrado", fix: "Ejecuta `npm run kernel:install`." });
    fakeJupyter(VERSION, "{}");
    expect(check(await offline("en"), "kernel")?.status).toBe("warn");
    fakeJupyter(VERSION, null);
    expect(check(await offline("en"), "kernel")?.status).toBe("warn");
  });

  it("checks Jupyter in the terminal's checks, and no kernel unless one is named", async () => {
    fakeJupyter(VERSION, SPECS);
    const report = await offline("en", false);
    expect(check(report, "jupyter")?.status).toBe("ok");
    expect(check(report, "kernel")).toBeUndefined();
  });

  it("checks nothing of the machine unless the caller passes the terminal's checks (the first cell, a page)", async () => {
    fakeJupyter(VERSION, SPECS);
    const report = await runDoctor({ mode: "offline", region: "eu-west-1", lang: "en" });
    expect(report.checks.map((c) => c.id)).toEqual(["emulator"]);
  });
});

describe("the report as text", () => {
  it("marks each check, puts each fix under it, and counts the failures (hand-written report)", () => {
    const report: DoctorReport = {
      ok: false,
      mode: "live",
      checks: [
        { id: "a", status: "ok", summary: "A fine" },
        { id: "b", status: "warn", summary: "B odd", fix: "do b" },
        { id: "c", status: "fail", summary: "C broken", fix: "do c" },
        { id: "d", status: "fail", summary: "D broken" },
        { id: "e", status: "skip", summary: "E skipped" },
      ],
    };
    expect(formatDoctorReport(report, "en")).toBe(
      ["✔ A fine", "! B odd", "    → do b", "✘ C broken", "    → do c", "✘ D broken", "· E skipped", "2 problem(s) to fix before going on live."].join("\n"),
    );
    expect(formatDoctorReport(report, "es").split("\n").at(-1)).toBe("2 problema(s) que arreglar antes de seguir en vivo.");
    const fine: DoctorReport = { ok: true, mode: "offline", checks: [{ id: "a", status: "ok", summary: "A fine" }] };
    expect(formatDoctorReport(fine, "en")).toBe("✔ A fine\nAll set.");
    expect(formatDoctorReport(fine, "es")).toBe("✔ A fine\nTodo listo.");
  });

  it("a report fails only when a check fails: warnings pass", async () => {
    // eu-south-2 is outside the emulator's catalog: a warning, not a failure.
    const passing = async (add: Parameters<NonNullable<DoctorOptions["machineChecks"]>>[0]) => add("tool", "ok", { es: "bien", en: "fine" });
    const report = await runDoctor({ mode: "offline", region: "eu-south-2", lang: "en", machineChecks: passing });
    expect(report.checks.map((c) => c.status)).toEqual(["ok", "warn"]);
    expect(report.ok).toBe(true);
  });
});

describe("checkSetup, the first cell", () => {
  it("offline does nothing", async () => {
    const spy = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      expect(await checkSetup({ mode: "offline", region: "eu-west-1", lang: "en" })).toBeUndefined();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it("live runs the checks (not Jupyter's) and prints the report", async () => {
    const sts = await fakeSts();
    vi.stubEnv("AWS_ENDPOINT_URL_STS", sts.url);
    const printed: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    try {
      const report = (await checkSetup({ mode: "live", region: "eu-west-1", lang: "es" }))!;
      expect(report.mode).toBe("live");
      expect(report.region).toBe("eu-west-1");
      expect(check(report, "jupyter")).toBeUndefined();
      expect(check(report, "identity")?.summary).toBe("Identidad: arn:aws:iam::********3333:user/Ana (cuenta ********3333)");
      expect(printed).toEqual([formatDoctorReport(report, "es")]);
    } finally {
      spy.mockRestore();
      await sts.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// STS GetCallerIdentity, sent by the doctor's STS client and checked here with SigV4 computed by hand from
// AWS's documentation ("Create a signed AWS API request"), against a local stand-in for STS.

interface StsRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

async function fakeSts(answer = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/Ana</Arn><UserId>AIDAEXAMPLE</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`, status = 200) {
  const requests: StsRequest[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      res.writeHead(status, { "content-type": "text/xml" }).end(answer);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const sha256Hex = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/** The SigV4 signature AWS expects for this request and secret (Signature Version 4, step by step). */
function expectedSignature(req: StsRequest, secret: string) {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
    String(req.headers.authorization),
  );
  if (!auth) throw new Error(`not a SigV4 Authorization header: ${req.headers.authorization}`);
  const [, accessKey, date, region, service, signedHeaders, signature] = auth;
  const names = signedHeaders!.split(";");
  const canonicalRequest = [
    req.method,
    req.url.split("?")[0],
    "",
    ...names.map((n) => `${n}:${String(req.headers[n]).trim()}`),
    "",
    signedHeaders,
    sha256Hex(req.body),
  ].join("\n");
  const amzDate = String(req.headers["x-amz-date"]);
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date!), region!), service!), "aws4_request");
  return { accessKey, region, service, names, signature, expected: createHmac("sha256", key).update(stringToSign, "utf8").digest("hex") };
}

describe("stsCallerIdentity", () => {
  it("posts GetCallerIdentity to AWS_ENDPOINT_URL_STS, signed with SigV4 for sts in the region", async () => {
    const sts = await fakeSts();
    vi.stubEnv("AWS_ENDPOINT_URL_STS", sts.url);
    try {
      expect(await stsCallerIdentity("eu-west-1")).toEqual({ account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/Ana` });
      expect(sts.requests).toHaveLength(1);
      const [req] = sts.requests;
      expect(req!.method).toBe("POST");
      expect(req!.url).toBe("/");
      expect(req!.body).toBe("Action=GetCallerIdentity&Version=2011-06-15");
      expect(req!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
      const sig = expectedSignature(req!, "example-secret");
      expect(sig).toMatchObject({ accessKey: "AKIDEXAMPLE", region: "eu-west-1", service: "sts" });
      expect(sig.names).toEqual(expect.arrayContaining(["host", "content-type", "x-amz-date"]));
      expect(sig.signature).toBe(sig.expected);
    } finally {
      await sts.close();
    }
  });

  it("signs the endpoint's path and port too", async () => {
    const sts = await fakeSts();
    vi.stubEnv("AWS_ENDPOINT_URL_STS", `${sts.url}/sts/`);
    try {
      await stsCallerIdentity("us-east-1");
      const [req] = sts.requests;
      expect(req!.url).toBe("/sts/");
      expect(req!.headers.host).toBe(new URL(sts.url).host);
      const sig = expectedSignature(req!, "example-secret");
      expect(sig.signature).toBe(sig.expected);
    } finally {
      await sts.close();
    }
  });

  it("without AWS_ENDPOINT_URL_STS uses AWS_ENDPOINT_URL, else STS's regional endpoint", async () => {
    const sts = await fakeSts();
    vi.stubEnv("AWS_ENDPOINT_URL_STS", undefined);
    vi.stubEnv("AWS_ENDPOINT_URL", sts.url);
    try {
      await stsCallerIdentity("eu-west-1");
      expect(sts.requests).toHaveLength(1);
    } finally {
      await sts.close();
    }
    vi.stubEnv("AWS_ENDPOINT_URL", undefined);
    // No network here: the request is stopped once built, after its endpoint is resolved.
    const seen: string[] = [];
    const client = new STSClient({ region: "ap-southeast-2" });
    client.middlewareStack.add(
      (() => async (args: { request: { protocol: string; hostname: string; path: string } }) => {
        seen.push(`${args.request.protocol}//${args.request.hostname}${args.request.path}`);
        throw Object.assign(new Error("The security token included in the request is invalid."), { name: "InvalidClientTokenId" });
      }) as never,
      { step: "build" },
    );
    await expect(stsCallerIdentity("ap-southeast-2", client)).rejects.toMatchObject({ name: "InvalidClientTokenId" });
    expect(seen).toEqual(["https://sts.ap-southeast-2.amazonaws.com/"]);
  });
});

describe("doctor's pieces, edge cases", () => {
  it("an STS answer without an account or an ARN is no identity: a named failure", async () => {
    for (const answer of [
      `<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`,
      `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:root</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>`,
    ]) {
      const sts = await fakeSts(answer);
      onTestFinished(() => sts.close());
      vi.stubEnv("AWS_ENDPOINT_URL_STS", sts.url);
      await expect(stsCallerIdentity("eu-west-1")).rejects.toMatchObject({ name: "UnknownError" });
    }
  });

  it("masks only a 12-digit account number, every time it appears", () => {
    expect(maskAccount("123456789012 and 123456789012", "123456789012")).toBe("********9012 and ********9012");
    expect(maskAccount("account 12345", "12345")).toBe("account 12345");
    expect(maskAccount("x1234567890123", "1234567890123")).toBe("x1234567890123");
    expect(maskAccount("id 12345678901a", "12345678901a")).toBe("id 12345678901a");
  });

  it("names every credential source AWS's SDK chain knows, in the chain's order", () => {
    expect(credentialSource({ AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_PROFILE: "dev" })).toEqual({
      es: "variables de entorno (claves de larga duración: mejor SSO o un rol)",
      en: "environment variables (long-term keys: SSO or a role is safer)",
    });
    expect(credentialSource({ AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SESSION_TOKEN: "t" }).es).toBe("variables de entorno (credenciales temporales)");
    expect(credentialSource({ AWS_PROFILE: "dev", AWS_WEB_IDENTITY_TOKEN_FILE: "/t" }).en).toBe("profile dev from ~/.aws");
    expect(credentialSource({ AWS_WEB_IDENTITY_TOKEN_FILE: "/var/run/token" })).toEqual({
      es: "identidad web (rol asumido con un token OIDC)",
      en: "web identity (a role assumed with an OIDC token)",
    });
    expect(credentialSource({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/credentials/x" })).toEqual({ es: "rol del contenedor", en: "the container's role" });
    expect(credentialSource({ AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://169.254.170.23/v1/credentials" }).en).toBe("the container's role");
    expect(credentialSource({})).toEqual({
      es: "cadena estándar del SDK (perfil default, SSO o rol de la máquina)",
      en: "the SDK's standard chain (default profile, SSO or the machine's role)",
    });
  });

  it("reads each GetFoundationModelAvailability field on its own, and a missing field as no problem", () => {
    expect(availabilityProblems({})).toEqual([]);
    expect(availabilityProblems({ regionAvailability: "NOT_AVAILABLE" })).toEqual([{ es: "no se ofrece en esta región", en: "not offered in this region" }]);
    expect(availabilityProblems({ authorizationStatus: "NOT_AUTHORIZED" }).map((p) => p.es)).toEqual(["tu identidad no tiene autorización (IAM o una política de la organización)"]);
    expect(availabilityProblems({ agreementAvailability: { status: "ERROR" } })).toEqual([{ es: "acuerdo del proveedor ERROR", en: "provider agreement ERROR" }]);
    expect(availabilityProblems({ agreementAvailability: { status: "AVAILABLE" } })).toEqual([]);
    expect(availabilityProblems({ entitlementAvailability: "NOT_AVAILABLE" })).toEqual([{ es: "la cuenta no tiene derecho de uso (suscripción)", en: "the account has no entitlement (subscription)" }]);
  });
});
