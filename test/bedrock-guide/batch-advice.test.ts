import { describe, expect, it } from "vitest";
import { BatchRecordCountError, checkRecordCount, explainError, type AdviceContext } from "bedrock-guide";

// Errors around batch jobs, as the reader meets them. Where each message comes from:
// - iam:PassRole: AccessDeniedException on CreateModelInvocationJob, quoted in
//   ministryofjustice/analytical-platform PR #10682 (2026-09-09), account and role names replaced.
// - The rest of AWS's wording for a role Bedrock cannot assume, a bucket the role cannot read, a
//   job under the minimum record count and a model without batch was not found in AWS's docs or in
//   public issues (searched 2026-12-05). Those rules match what such a message must say (the role
//   and "assume"; S3 or the bucket and access; "minimum number of records", the quota's own name;
//   "not supported" on CreateModelInvocationJob) and the guide's own errors; the messages below are
//   marked as stand-ins, not AWS's text.

const awsError = (name: string, message: string, status?: number) =>
  Object.assign(new Error(message), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });
const create: AdviceContext = { operation: "CreateModelInvocationJobCommand", region: "eu-west-1" };
const both = (error: unknown, context: AdviceContext = create) => ({
  es: explainError(error, { ...context, lang: "es" }),
  en: explainError(error, { ...context, lang: "en" }),
});

describe("batch job advice", () => {
  it("iam:PassRole refused (AWS's message): the caller needs PassRole on the role, for bedrock.amazonaws.com", () => {
    const passRole = awsError(
      "AccessDeniedException",
      "User: arn:aws:sts::111122223333:assumed-role/analyst/session is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/bedrock-batch-inference-role because no identity-based policy allows the iam:PassRole action",
      403,
    );
    const { es, en } = both(passRole);
    expect(en.problem).toBe("batch-pass-role");
    expect(en.fix).toContain('"iam:PassedToService": "bedrock.amazonaws.com"');
    expect(es.title).toBe("No puedes pasar el rol de servicio a Bedrock");
  });

  it("a role Bedrock cannot assume (stand-in wording): points at the trust policy the lib writes", () => {
    const { es, en } = both(awsError("ValidationException", "Unable to assume role arn:aws:iam::111122223333:role/batch. Check that the role exists and trusts bedrock.amazonaws.com.", 400));
    expect(en.problem).toBe("batch-role-not-assumable");
    expect(en.fix).toContain("batchRoleTrustPolicy({ accountId, region })");
    expect(es.explanation).toContain("aws:SourceArn");
  });

  it("the role cannot read the bucket (stand-in wording): the S3 policy, same folders as the job's URIs", () => {
    const { en } = both(awsError("ValidationException", "Amazon Bedrock does not have permission to access the S3 bucket s3://guide-batch/eval/in/.", 400));
    expect(en.problem).toBe("batch-s3-access");
    expect(en.fix).toContain("batchRoleS3Policy");
  });

  it("too few records: the guide's own check names the figure and the shortfall; a message naming the quota is recognised too", () => {
    let error: unknown;
    try {
      checkRecordCount(40, "amazon.nova-lite-v1:0", "en");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BatchRecordCountError);
    const en = explainError(error, { lang: "en", modelId: "amazon.nova-lite-v1:0" });
    expect(en.problem).toBe("batch-too-few-records");
    expect(en.explanation).toContain("100 for amazon.nova-lite-v1:0");
    expect(en.explanation).toContain("Add 60 more cases");
    const quota = explainError(awsError("ValidationException", "The input does not meet the Minimum number of records per batch inference job for Nova Lite V1.", 400), { ...create, lang: "es" });
    expect(quota.problem).toBe("batch-too-few-records");
    expect(quota.fix).toContain("checkRecordCount");
  });

  it("a model or region without batch (stand-in wording), only for CreateModelInvocationJob", () => {
    const notSupported = awsError("ValidationException", "Batch inference is not supported for the model anthropic.claude-haiku-4-5-20251001-v1:0 in this Region.", 400);
    const en = explainError(notSupported, { ...create, lang: "en", modelId: "anthropic.claude-haiku-4-5-20251001-v1:0" });
    expect(en.problem).toBe("batch-not-supported");
    expect(en.fix).toContain("batch-inference-supported.html");
    expect(en.explanation).toContain("eu-west-1");
    // The same text on a runtime call is not about batch.
    expect(explainError(notSupported, { operation: "ConverseCommand", lang: "en" }).problem).not.toBe("batch-not-supported");
  });

  it("the batch rules do not take over the advice for runtime calls", () => {
    const denied = awsError("AccessDeniedException", "You don't have access to the model with the specified model ID.", 403);
    expect(explainError(denied, { operation: "ConverseCommand", lang: "en" }).problem).toBe("no-access");
  });
});
