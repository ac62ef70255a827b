// The contract comes from AWS's models: every route is the SDK client's own operation schema, and
// constraint violations are reported as AWS's API reference defines the fields (hand-checked
// against docs.aws.amazon.com/bedrock/latest/APIReference, read 2026-12-01).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as bedrockSdk from "@aws-sdk/client-bedrock";
import * as agentSdk from "@aws-sdk/client-bedrock-agent";
import * as agentRuntimeSdk from "@aws-sdk/client-bedrock-agent-runtime";
import * as runtimeSdk from "@aws-sdk/client-bedrock-runtime";
import * as s3Sdk from "@aws-sdk/client-s3";
import { GetFoundationModelAvailabilityCommand, ListInferenceProfilesCommand } from "@aws-sdk/client-bedrock";
import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { startEmulator, type RunningEmulator } from "bedrock-emulator/node";
import { allRoutes } from "../../packages/emulator/src/all-routes";
import generated from "../../packages/emulator/src/generated/constraints.json";
import { TODAY, expectAwsError, sdk, user } from "./helpers";

const SDKS: Record<string, Record<string, unknown>> = {
  "bedrock-runtime": runtimeSdk,
  bedrock: bedrockSdk,
  "bedrock-agent": agentSdk,
  "bedrock-agent-runtime": agentRuntimeSdk,
  s3: s3Sdk,
};

describe("routes are the SDK clients' operation schemas", () => {
  it("every served route has the method and path of the installed client's `<Operation>$`", () => {
    const routes = allRoutes();
    expect(routes.length).toBe(Object.keys(generated.operations).length);
    for (const r of routes) {
      const service = (generated.operations as Record<string, { service: string }>)[r.operation].service;
      const schema = SDKS[service][`${r.operation}$`] as [number, string, string, { http: [string, string, number] }];
      const [method, path] = schema[3].http;
      // S3 is served path-style: the bucket leads the SDK's path ("/" + "?list-type=2" → "/{Bucket}?list-type=2").
      const expected = service === "s3" ? "/{Bucket}" + (path === "/" ? "" : path.startsWith("/?") ? path.slice(1) : path) : path;
      expect([r.method, r.pattern], r.operation).toEqual([method, expected]);
    }
  });

  it("S3's path-style routes are those of the S3 API reference (hand-checked)", () => {
    // docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html ("PUT /Key+ HTTP/1.1, Host: Bucket.s3…"),
    // API_ListObjectsV2.html ("GET /?list-type=2"), API_DeleteObjects.html ("POST /?delete"), path-style.
    const route = (op: string) => allRoutes().find((r) => r.operation === op)!;
    expect([route("PutObject").method, route("PutObject").pattern]).toEqual(["PUT", "/{Bucket}/{Key+}?x-id=PutObject"]);
    expect([route("ListObjectsV2").method, route("ListObjectsV2").pattern]).toEqual(["GET", "/{Bucket}?list-type=2"]);
    expect([route("DeleteObjects").method, route("DeleteObjects").pattern]).toEqual(["POST", "/{Bucket}?delete"]);
    expect(route("HeadBucket").service).toBe("s3");
  });

  it("records where the constraint tables came from", () => {
    expect(generated.source.smithy.repository).toBe("https://github.com/aws/api-models-aws");
    expect(generated.source.smithy.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(generated.source.by).toBe("scripts/build-constraints.ts");
  });
});

describe("validation follows the API reference", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ now: () => TODAY, env: {} });
  });
  afterAll(() => emu.close());

  it("GetFoundationModelAvailability: modelId must match the documented pattern", async () => {
    // API reference: Pattern [a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}…; "Not A Model" has capitals and spaces.
    await expectAwsError(
      sdk(emu.url).bedrock.send(new GetFoundationModelAvailabilityCommand({ modelId: "Not A Model" })),
      "ValidationException",
      400,
      /^1 validation error detected: Value 'Not A Model' at 'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    );
  });

  it("Converse: every broken constraint is listed, as AWS lists them (temperature and topP are 0–1)", async () => {
    const err = await expectAwsError(
      sdk(emu.url).runtime.send(new ConverseCommand({ modelId: "us.amazon.nova-micro-v1:0", messages: [user("Hi")], inferenceConfig: { temperature: 1.5, topP: 2 } })),
      "ValidationException",
      400,
    );
    expect(err.message).toBe(
      "2 validation errors detected: Value '1.5' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1; " +
        "Value '2' at 'inferenceConfig.topP' failed to satisfy constraint: Member must have value less than or equal to 1",
    );
  });

  it("ListInferenceProfiles: maxResults is 1–1000", async () => {
    await expectAwsError(
      sdk(emu.url).bedrock.send(new ListInferenceProfilesCommand({ maxResults: 1001 })),
      "ValidationException",
      400,
      "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
  });
});

describe("one source per fact", () => {
  it("the optimizer and the responder read a prompt's language with the same detector", async () => {
    const { analyzePrompt } = await import("../../packages/emulator/src/services/agent-runtime");
    const { replyLanguage } = await import("bedrock-emulator");
    for (const text of ["¿Qué es Bedrock? Explain it to me", "Resume este texto en tres frases.", "Summarize this text in three sentences."]) {
      expect(analyzePrompt(text, "amazon.nova-lite-v1:0").language, text).toBe(replyLanguage(text));
    }
  });

  it("ARNs name one account and parse one way", async () => {
    const { ACCOUNT_ID, parseBedrockArn, modelIdOf } = await import("../../packages/emulator/src/arn");
    const { parsePromptArn, promptArn } = await import("../../packages/emulator/src/prompts");
    // The documentation account AWS uses in its examples, in every ARN the emulator makes.
    expect(ACCOUNT_ID).toBe("123456789012");
    expect(promptArn("eu-west-1", "ABCDEFGHIJ", "2")).toBe("arn:aws:bedrock:eu-west-1:123456789012:prompt/ABCDEFGHIJ:2");
    expect(parsePromptArn(promptArn("eu-west-1", "ABCDEFGHIJ", "2"))).toEqual({ region: "eu-west-1", account: ACCOUNT_ID, id: "ABCDEFGHIJ", version: "2" });
    expect(parsePromptArn("arn:aws:bedrock:eu-west-1:123456789012:inference-profile/ABCDEFGHIJ")).toBeUndefined();
    expect(modelIdOf("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0")).toBe("amazon.nova-lite-v1:0");
    expect(parseBedrockArn("arn:aws:bedrock:us-east-1:123456789012:prompt/ABCDEFGHIJ:2")).toMatchObject({ resourceType: "prompt", resource: "ABCDEFGHIJ:2", account: "123456789012" });
    expect(parseBedrockArn("amazon.nova-lite-v1:0")).toBeUndefined();
  });
});

describe("a transport-free core", () => {
  it("only the HTTP server adapter imports node:http / node:http2", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const dir = join(__dirname, "..", "..", "packages", "emulator", "src");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const importers = files.filter((f) => /from "node:http2?"/.test(readFileSync(join(dir, f), "utf8")));
    expect(importers).toEqual(["server.ts"]);
  });
});
