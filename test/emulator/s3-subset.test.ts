// The S3 subset through the real @aws-sdk/client-s3 (path-style, its default checksums on), over the
// emulator's server and through the sdk-handler entry: the round trip (create, put, head, list, get,
// delete), S3's errors with the API reference's codes, statuses and messages, and the one object
// store shared with batch jobs (an input PUT with S3 is read by a job; its outputs come back with GetObject).
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
} from "@aws-sdk/client-s3";
import { CreateModelInvocationJobCommand, GetModelInvocationJobCommand } from "@aws-sdk/client-bedrock";
import { startEmulator, type RunningEmulator } from "bedrock-emulator/node";
import { emulatorRequestHandler } from "bedrock-emulator/sdk-handler";
import { TODAY, credentials, expectAwsError, sdk } from "./helpers";

let clock = TODAY.getTime();
let emu: RunningEmulator;
let s3: S3Client;
const s3Client = (url: string, region = "us-east-1") => new S3Client({ endpoint: url, region, credentials, forcePathStyle: true, maxAttempts: 1 });

beforeAll(async () => {
  emu = await startEmulator({ now: () => new Date(clock), env: {} });
  s3 = s3Client(emu.url);
});
afterAll(() => emu.close());

const text = async (bucket: string, key: string) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();

describe("S3 round trip through the real client (path-style, over the emulator's server)", () => {
  it("creates a bucket, puts, heads, lists, gets and deletes objects", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "guide-data" }));
    await s3.send(new HeadBucketCommand({ Bucket: "guide-data" }));
    const body = '{"prompt":"¿Qué es Bedrock?","referenceResponse":"Un servicio de AWS."}\n';
    const put = await s3.send(new PutObjectCommand({ Bucket: "guide-data", Key: "eval/questions.jsonl", Body: body, ContentType: "application/jsonl" }));
    // S3's ETag for a single-part upload is the quoted MD5 of the bytes; this one computed with `md5sum`.
    const bytes = Buffer.from(body);
    expect(put.ETag).toBe(`"${(await import("node:crypto")).createHash("md5").update(bytes).digest("hex")}"`);
    await s3.send(new PutObjectCommand({ Bucket: "guide-data", Key: "eval/more/b.jsonl", Body: "{}\n" }));
    await s3.send(new PutObjectCommand({ Bucket: "guide-data", Key: "other.txt", Body: "x" }));

    const head = await s3.send(new HeadObjectCommand({ Bucket: "guide-data", Key: "eval/questions.jsonl" }));
    expect(head.ContentLength).toBe(bytes.length);
    expect(head.ContentType).toBe("application/jsonl");
    expect(head.ETag).toBe(put.ETag);
    expect(head.LastModified?.getTime()).toBe(Math.floor(clock / 1000) * 1000);

    expect(await text("guide-data", "eval/questions.jsonl")).toBe(body);

    const all = await s3.send(new ListObjectsV2Command({ Bucket: "guide-data" }));
    expect(all.Contents?.map((o) => o.Key)).toEqual(["eval/more/b.jsonl", "eval/questions.jsonl", "other.txt"]);
    expect(all.KeyCount).toBe(3);
    expect(all.Contents?.find((o) => o.Key === "eval/questions.jsonl")?.Size).toBe(bytes.length);
    // Delimiter "/": keys below the next "/" roll up into CommonPrefixes (API_ListObjectsV2.html).
    const dir = await s3.send(new ListObjectsV2Command({ Bucket: "guide-data", Prefix: "eval/", Delimiter: "/" }));
    expect(dir.Contents?.map((o) => o.Key)).toEqual(["eval/questions.jsonl"]);
    expect(dir.CommonPrefixes?.map((p) => p.Prefix)).toEqual(["eval/more/"]);

    await s3.send(new DeleteObjectCommand({ Bucket: "guide-data", Key: "other.txt" }));
    // Deleting a key that isn't there still answers 204 (unversioned bucket).
    await s3.send(new DeleteObjectCommand({ Bucket: "guide-data", Key: "other.txt" }));
    const del = await s3.send(new DeleteObjectsCommand({ Bucket: "guide-data", Delete: { Objects: [{ Key: "eval/questions.jsonl" }, { Key: "eval/more/b.jsonl" }] } }));
    expect(del.Deleted?.map((d) => d.Key).sort()).toEqual(["eval/more/b.jsonl", "eval/questions.jsonl"]);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: "guide-data" }))).KeyCount).toBe(0);
    await s3.send(new DeleteBucketCommand({ Bucket: "guide-data" }));
    await expectAwsError(s3.send(new HeadBucketCommand({ Bucket: "guide-data" })), "NotFound", 404);
  });

  it("stores a streamed body's bytes, not its aws-chunked framing (the SDK's default checksum trailer)", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "guide-stream" }));
    const lines = ["line one\n", "line two\n"];
    await s3.send(new PutObjectCommand({ Bucket: "guide-stream", Key: "s.jsonl", Body: Readable.from(lines.map((l) => Buffer.from(l))), ContentLength: 18 }));
    expect(await text("guide-stream", "s.jsonl")).toBe("line one\nline two\n");
  });

  it("pages ListObjectsV2 with MaxKeys and continuation tokens", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "guide-pages" }));
    const keys = ["a", "b", "c", "d", "e"].map((k) => `p/${k}.txt`);
    for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: "guide-pages", Key, Body: Key }));
    const first = await s3.send(new ListObjectsV2Command({ Bucket: "guide-pages", MaxKeys: 2 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.Contents?.map((o) => o.Key)).toEqual(keys.slice(0, 2));
    const seen: string[] = [];
    for await (const page of paginateListObjectsV2({ client: s3, pageSize: 2 }, { Bucket: "guide-pages" })) seen.push(...(page.Contents ?? []).map((o) => o.Key!));
    expect(seen).toEqual(keys);
  });
});

describe("S3 and Bedrock share one port: the SigV4 scope's service picks the route table", () => {
  it("a bucket named like a Bedrock path (foundation-models, prompts) is still S3", async () => {
    // Path-style, GET /foundation-models/x.jsonl is also the shape of GetFoundationModel, and
    // GET /prompts/p1 that of GetPrompt: the request's signing scope (…/s3/aws4_request) decides.
    for (const Bucket of ["foundation-models", "prompts"]) {
      await s3.send(new CreateBucketCommand({ Bucket }));
      await s3.send(new PutObjectCommand({ Bucket, Key: "p1", Body: "s3 object" }));
      expect(await text(Bucket, "p1")).toBe("s3 object");
    }
  });
});

describe("S3's errors (codes, statuses and messages from the S3 API reference's error table)", () => {
  it("NoSuchBucket, NoSuchKey, NotFound on HEAD, BucketNotEmpty, InvalidBucketName", async () => {
    await expectAwsError(s3.send(new GetObjectCommand({ Bucket: "no-such-bucket", Key: "k" })), "NoSuchBucket", 404, "The specified bucket does not exist");
    await expectAwsError(s3.send(new PutObjectCommand({ Bucket: "no-such-bucket", Key: "k", Body: "x" })), "NoSuchBucket", 404);
    await s3.send(new CreateBucketCommand({ Bucket: "guide-errors" }));
    const err = (await expectAwsError(s3.send(new GetObjectCommand({ Bucket: "guide-errors", Key: "missing.jsonl" })), "NoSuchKey", 404, "The specified key does not exist.")) as Error & {
      Key?: string;
    };
    expect(err.Key).toBe("missing.jsonl");
    // HEAD has no body: the client names the error from the status alone.
    await expectAwsError(s3.send(new HeadObjectCommand({ Bucket: "guide-errors", Key: "missing.jsonl" })), "NotFound", 404);
    await s3.send(new PutObjectCommand({ Bucket: "guide-errors", Key: "k", Body: "x" }));
    await expectAwsError(s3.send(new DeleteBucketCommand({ Bucket: "guide-errors" })), "BucketNotEmpty", 409, "The bucket you tried to delete is not empty");
    await expectAwsError(s3.send(new DeleteBucketCommand({ Bucket: "never-made" })), "NoSuchBucket", 404);
    // Bucket names are 3–63 lower-case letters, digits, dots and hyphens (bucketnamingrules.html).
    await expectAwsError(s3.send(new CreateBucketCommand({ Bucket: "Guide_Data" })), "InvalidBucketName", 400, "The specified bucket is not valid.");
  });

  it("BucketAlreadyOwnedByYou outside us-east-1; us-east-1 answers 200 again, as the API reference says", async () => {
    const eu = s3Client(emu.url, "eu-west-1");
    await eu.send(new CreateBucketCommand({ Bucket: "guide-twice", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    await expectAwsError(
      eu.send(new CreateBucketCommand({ Bucket: "guide-twice", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } })),
      "BucketAlreadyOwnedByYou",
      409,
      "Your previous request to create the named bucket succeeded and you already own it.",
    );
    await s3.send(new CreateBucketCommand({ Bucket: "guide-twice" }));
  });

  it("an operation outside the subset is S3's NotImplemented 501, not a Bedrock route", async () => {
    const { GetBucketLocationCommand } = await import("@aws-sdk/client-s3");
    await expectAwsError(s3.send(new GetBucketLocationCommand({ Bucket: "guide-twice" })), "NotImplemented", 501, /subset of S3/);
  });
});

describe("one object store: S3 and batch jobs", () => {
  it("a batch job reads its input PUT with the S3 client, and its outputs come back with GetObject", async () => {
    clock = TODAY.getTime();
    await s3.send(new CreateBucketCommand({ Bucket: "guide-batch" }));
    const record = { recordId: "REC00000001", modelInput: { messages: [{ role: "user", content: [{ text: "Hola" }] }], inferenceConfig: { maxTokens: 40 } } };
    await s3.send(new PutObjectCommand({ Bucket: "guide-batch", Key: "in/reviews.jsonl", Body: JSON.stringify(record) + "\n" }));
    const br = sdk(emu.url).bedrock;
    const { jobArn } = await br.send(
      new CreateModelInvocationJobCommand({
        jobName: "s3-batch",
        roleArn: "arn:aws:iam::123456789012:role/BatchRole",
        modelId: "amazon.nova-micro-v1:0",
        inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://guide-batch/in/reviews.jsonl" } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: "s3://guide-batch/out/" } },
      }),
    );
    clock += 60_000; // well past the four 2-second states
    expect((await br.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }))).status).toBe("Completed");
    const id = jobArn!.split("/")[1];
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: "guide-batch", Prefix: `out/${id}/` }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([`out/${id}/manifest.json.out`, `out/${id}/reviews.jsonl.out`]);
    const line = JSON.parse((await text("guide-batch", `out/${id}/reviews.jsonl.out`)).trim());
    expect(line.recordId).toBe("REC00000001");
    expect(line.modelOutput.output.message.role).toBe("assistant");
    expect(JSON.parse(await text("guide-batch", `out/${id}/manifest.json.out`))).toMatchObject({ totalRecordCount: 1, successRecordCount: 1 });
  });
});

describe("the S3 client through the sdk-handler entry (no port, as in a page)", () => {
  it("shares the handler's core with a Bedrock client", async () => {
    const handler = emulatorRequestHandler({ now: () => TODAY });
    const page = new S3Client({ region: "us-east-1", credentials, forcePathStyle: true, requestHandler: handler });
    await page.send(new CreateBucketCommand({ Bucket: "page-data" }));
    await page.send(new PutObjectCommand({ Bucket: "page-data", Key: "a/b c.jsonl", Body: "{}\n" }));
    expect(await handler.core.objects.list("page-data", "")).toEqual(["a/b c.jsonl"]);
    expect(await (await page.send(new GetObjectCommand({ Bucket: "page-data", Key: "a/b c.jsonl" }))).Body!.transformToString()).toBe("{}\n");
    await expectAwsError(page.send(new GetObjectCommand({ Bucket: "page-data", Key: "nope" })), "NoSuchKey", 404);
  });
});
