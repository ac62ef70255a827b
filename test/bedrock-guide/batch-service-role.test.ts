import { describe, expect, it } from "vitest";
import { batchRoleS3Policy, batchRoleTrustPolicy } from "bedrock-guide";
import { failure } from "../shared/failure";
import { evaluate, type IamRequest } from "./iam-evaluator";

// AWS's trust policy for a batch inference service role ("Create a custom service role for batch
// inference", Amazon Bedrock user guide):
// { "Effect": "Allow", "Principal": { "Service": "bedrock.amazonaws.com" }, "Action": "sts:AssumeRole",
//   "Condition": { "StringEquals": { "aws:SourceAccount": "123456789012" },
//                  "ArnEquals": { "aws:SourceArn": "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/*" } } }
// Accounts are AWS's documentation IDs.
const ME = "111122223333";
const OTHER = "444455556666";

describe("the trust policy", () => {
  const trust = batchRoleTrustPolicy({ accountId: ME, region: "eu-west-1" });
  const assume = (principalService: string, context: Record<string, string>): IamRequest => ({ action: "sts:AssumeRole", principalService, context });
  const job = (account: string, region = "eu-west-1", kind = "model-invocation-job") => `arn:aws:bedrock:${region}:${account}:${kind}/abc123def456`;

  it("is AWS's documented statement, for the reader's account and region", () => {
    expect(trust.Statement).toEqual([
      {
        Sid: "BedrockBatchInference",
        Effect: "Allow",
        Principal: { Service: "bedrock.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": ME },
          ArnEquals: { "aws:SourceArn": `arn:aws:bedrock:eu-west-1:${ME}:model-invocation-job/*` },
        },
      },
    ]);
  });

  it.each([
    ["Bedrock, for one of my jobs in my region", assume("bedrock.amazonaws.com", { "aws:SourceAccount": ME, "aws:SourceArn": job(ME) }), "allow"],
    ["Bedrock acting for another account's job (the confused deputy)", assume("bedrock.amazonaws.com", { "aws:SourceAccount": OTHER, "aws:SourceArn": job(OTHER) }), "deny"],
    ["my account but a job in another region", assume("bedrock.amazonaws.com", { "aws:SourceAccount": ME, "aws:SourceArn": job(ME, "us-east-1") }), "deny"],
    ["my account but another kind of Bedrock job", assume("bedrock.amazonaws.com", { "aws:SourceAccount": ME, "aws:SourceArn": job(ME, "eu-west-1", "model-customization-job") }), "deny"],
    ["without the source ARN", assume("bedrock.amazonaws.com", { "aws:SourceAccount": ME }), "deny"],
    ["another service", assume("sagemaker.amazonaws.com", { "aws:SourceAccount": ME, "aws:SourceArn": job(ME) }), "deny"],
  ] as const)("%s: %s", (_what, request, expected) => {
    expect(evaluate(trust, request)).toBe(expected);
  });
});

describe("the S3 permissions", () => {
  const policy = batchRoleS3Policy({ accountId: ME, bucket: "guide-batch", inputPrefix: "eval/in", outputPrefix: "eval/out/" });
  const s3 = (action: string, resource: string, extra: Record<string, string> = {}): IamRequest => ({
    action,
    resource,
    context: { "aws:ResourceAccount": ME, ...extra },
  });

  it.each([
    ["read an input file", s3("s3:GetObject", "arn:aws:s3:::guide-batch/eval/in/cases.jsonl"), "allow"],
    ["list the input folder", s3("s3:ListBucket", "arn:aws:s3:::guide-batch", { "s3:prefix": "eval/in/" }), "allow"],
    ["write an output file", s3("s3:PutObject", "arn:aws:s3:::guide-batch/eval/out/abc123def456/cases.jsonl.out"), "allow"],
    ["write into the input folder", s3("s3:PutObject", "arn:aws:s3:::guide-batch/eval/in/cases.jsonl"), "deny"],
    ["read the output folder", s3("s3:GetObject", "arn:aws:s3:::guide-batch/eval/out/manifest.json.out"), "deny"],
    ["read a sibling folder that shares the prefix's letters", s3("s3:GetObject", "arn:aws:s3:::guide-batch/eval/inventory/x.jsonl"), "deny"],
    ["read elsewhere in the bucket", s3("s3:GetObject", "arn:aws:s3:::guide-batch/secrets.txt"), "deny"],
    ["list the whole bucket", s3("s3:ListBucket", "arn:aws:s3:::guide-batch", { "s3:prefix": "" }), "deny"],
    ["delete an input file", s3("s3:DeleteObject", "arn:aws:s3:::guide-batch/eval/in/cases.jsonl"), "deny"],
    ["read the same path in another bucket", s3("s3:GetObject", "arn:aws:s3:::other-bucket/eval/in/cases.jsonl"), "deny"],
    ["read a same-named bucket of another account", { action: "s3:GetObject", resource: "arn:aws:s3:::guide-batch/eval/in/cases.jsonl", context: { "aws:ResourceAccount": OTHER } }, "deny"],
  ] as const)("%s: %s", (_what, request, expected) => {
    expect(evaluate(policy, request)).toBe(expected);
  });

  it("explains a bad bucket, prefix or account in the reader's language", () => {
    expect(failure(() => batchRoleS3Policy({ accountId: ME, bucket: "s3://guide-batch", inputPrefix: "in", outputPrefix: "out", lang: "en" }))).toContain(
      'bucket is not valid ("s3://guide-batch"): an S3 bucket name has 3 to 63 lower-case letters',
    );
    expect(failure(() => batchRoleS3Policy({ accountId: ME, bucket: "guide-batch", inputPrefix: "/in/*", outputPrefix: "out", lang: "es" }))).toContain(
      "inputPrefix no es válido",
    );
    expect(failure(() => batchRoleTrustPolicy({ accountId: "12345", region: "eu-west-1", lang: "en" }))).toContain("your AWS account's 12-digit ID");
  });
});
