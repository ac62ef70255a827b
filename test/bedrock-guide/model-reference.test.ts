import { describe, expect, it } from "vitest";
import { parseModelReference } from "bedrock-guide";

// ARN shapes from the Bedrock user guide and the Service Authorization Reference
// (arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId},
// arn:${Partition}:bedrock:${Region}:${Account}:inference-profile/${ResourceId}).
describe("parseModelReference reads Bedrock ARNs as AWS writes them", () => {
  it("reads a foundation-model ARN (no account) and a profile ARN (with one) in any partition", () => {
    expect(parseModelReference("arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0")).toEqual({ modelId: "amazon.nova-lite-v1:0" });
    expect(parseModelReference("arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:inference-profile/us-gov.anthropic.claude-3-5-sonnet-20240620-v1:0")).toEqual({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      profilePrefix: "us-gov",
    });
  });

  it("takes an ARN of another service as it is, never as a Bedrock model", () => {
    // An S3 object that happens to be named like a profile is no model reference.
    const s3 = "arn:aws:s3:::my-bucket/us.amazon.nova-lite-v1:0";
    expect(parseModelReference(s3)).toEqual({ modelId: s3 });
  });
});
