import {
  BedrockClient,
  ResourceNotFoundException,
} from "@aws-sdk/client-bedrock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "bedrock-emulator";
import {
  availabilityProblems,
  credentialSource,
  formatDoctorReport,
  forgetRegionListings,
  maskAccount,
  parseCallerIdentity,
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

type UseCase = "submitted" | "missing";

/** A Bedrock client whose GetUseCaseForModelAccess answers as AWS does for this account. */
function bedrockWithUseCase(useCase: UseCase) {
  return (region: string) => {
    const client = new BedrockClient({ region, maxAttempts: 2 });
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== "GetUseCaseForModelAccessCommand") return next(args);
        if (useCase === "missing") throw new ResourceNotFoundException({ message: USE_CASE_MISSING_MESSAGE, $metadata: { httpStatusCode: 404 } });
        return { output: { formData: new TextEncoder().encode('{"companyName":"Ejemplo"}'), $metadata: { httpStatusCode: 200 } }, response: {} } as never;
      },
      { step: "initialize", name: "useCaseStub" },
    );
    return client;
  };
}

let aws: RunningEmulator;
let saved: NodeJS.ProcessEnv;

beforeEach(async () => {
  aws = await startEmulator();
  saved = { ...process.env };
  Object.assign(process.env, { AWS_ENDPOINT_URL: aws.url, AWS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "example-secret" });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  forgetRegionListings();
});

afterEach(async () => {
  process.env = saved;
  await aws.close();
  forgetRegionListings();
});

const live = (lang: Language, extra: Partial<DoctorOptions> = {}) =>
  runDoctor({ mode: "live", lang, tooling: false, callerIdentity: identity, bedrockClient: bedrockWithUseCase("submitted"), ...extra });

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
      for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"]) delete process.env[k];
      Object.assign(process.env, { AWS_CONFIG_FILE: "/nonexistent/config", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials", AWS_EC2_METADATA_DISABLED: "true" });
      const report = await runDoctor({ mode: "live", lang, tooling: false });
      expect(report.ok).toBe(false);
      const c = check(report, "credentials")!;
      expect(c.status).toBe("fail");
      expect(c.fix).toContain("aws sso login");
      expect(c.fix).toContain(lang === "es" ? "Inicia sesión" : "Sign in");
      // Nothing else is asked without credentials.
      expect(check(report, "region")).toBeUndefined();
    });

    it(`wrong region: Bedrock does not answer there, and it names regions that work (${lang})`, async () => {
      process.env.AWS_REGION = "eu-south-2";
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
    process.env.AWS_REGION = "eu-south-2";
    // STS's ErrorResponse for a disabled region (Query protocol XML).
    const refused = async () =>
      parseCallerIdentity(
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>0</RequestId></ErrorResponse>',
      );
    const report = await live("es", { callerIdentity: refused });
    const c = check(report, "identity")!;
    expect(c.status).toBe("fail");
    expect(c.fix).toContain("aws account enable-region --region-name eu-south-2");
  });
});

describe("doctor, offline", () => {
  it("checks the emulator path and passes, with no credentials at all", async () => {
    for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL"]) delete process.env[k];
    const report = await runDoctor({ mode: "offline", region: "eu-central-1", lang: "en", tooling: false });
    expect(report.ok).toBe(true);
    expect(check(report, "emulator")?.summary).toMatch(/Offline mode: the emulator answers at http:\/\/127\.0\.0\.1:\d+ \(\d+ models in eu-central-1\)/);
  });

  it("names the regions the emulator knows when the region is outside its catalog, and still passes", async () => {
    const report = await runDoctor({ mode: "offline", region: "eu-south-2", lang: "es", tooling: false });
    expect(report.ok).toBe(true);
    const c = check(report, "emulator")!;
    expect(c.status).toBe("warn");
    expect(c.summary).toContain("eu-west-1");
    expect(c.summary).toContain("no tiene catálogo de eu-south-2");
  });
});

// Each report runs the `jupyter` command twice, and Python's start-up alone takes seconds when
// npm test's other lanes hold both cores (one run took over 30 s): the limit is generous on purpose.
describe("doctor, the kernel check", { timeout: 120_000 }, () => {
  // Reads `jupyter kernelspec list` on this machine: npm install registered "bedrock-guide" (the
  // project's install test checks that), and no kernel is called "no-such-kernel-in-this-guide".
  const tooling = (name: string) =>
    runDoctor({ mode: "offline", region: "us-east-1", lang: "en", tooling: true, kernel: { name, displayName: `Kernel ${name}` } });

  it("finds the registered kernel, warns with the fix for a missing one, and names it as given", async () => {
    const found = await tooling("bedrock-guide");
    if (check(found, "jupyter")?.status !== "ok") {
      // Without Jupyter there is no kernel to look for: the report says how to install Jupyter.
      expect(check(found, "jupyter")?.fix).toContain("pip install notebook nbclient");
      return expect(check(found, "kernel")).toBeUndefined();
    }
    expect(check(found, "kernel")).toMatchObject({ status: "ok", summary: "Kernel “Kernel bedrock-guide” registered" });
    const missing = await tooling("no-such-kernel-in-this-guide");
    expect(check(missing, "kernel")).toMatchObject({ status: "warn", fix: "Run `npm run kernel:install`." });
  });

  it("checks only Jupyter when no kernel is named", async () => {
    const report = await runDoctor({ mode: "offline", region: "us-east-1", lang: "en", tooling: true });
    expect(check(report, "jupyter")).toBeDefined();
    expect(check(report, "kernel")).toBeUndefined();
  });
});

describe("doctor's pieces", () => {
  it("reads GetCallerIdentity's XML as the STS API reference shows it", () => {
    const xml = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/Alice</Arn><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
    expect(parseCallerIdentity(xml)).toEqual({ account: "123456789012", arn: "arn:aws:iam::123456789012:user/Alice" });
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
