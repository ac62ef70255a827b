// Chapter 5 from other regions, offline: modelIdFor picks each region's route for the job's model
// and the judge, and a whole job, an evaluation and the clean-up run there as in us-east-1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BedrockClient, GetModelInvocationJobCommand } from "@aws-sdk/client-bedrock";
import { modelIdFor, startGuide, type Guide } from "bedrock-guide";
import { abCases, abVariants } from "../../snippets/05-evaluating-at-scale/data-set";
import { recordsForJob } from "../../snippets/05-evaluating-at-scale/build-records";
import { chapterPlace, chapterS3, s3Uri, uploadJsonl } from "../../snippets/05-evaluating-at-scale/s3-and-role";
import { CHAPTER_TAG, JOB_NAME_PREFIX, startOrResumeJob, waitForJob } from "../../snippets/05-evaluating-at-scale/run-job";
import { readJobResults } from "../../snippets/05-evaluating-at-scale/read-results";
import { readEvaluation, startEvaluation, waitForEvaluation } from "../../snippets/05-evaluating-at-scale/evaluation-job";
import { cleanUpChapter } from "../../snippets/05-evaluating-at-scale/clean-up";

const fast = { firstDelayMs: 20, maxDelayMs: 80 };

describe.each(["eu-west-1", "ap-northeast-1"])("chapter 5 from %s", (region) => {
  let guide: Guide;
  const saved = process.env.BEDROCK_EMULATOR_BATCH_STATE_SECONDS;
  beforeAll(async () => {
    process.env.BEDROCK_EMULATOR_BATCH_STATE_SECONDS = "0.1";
    guide = await startGuide({ mode: "offline", region, lang: "es", quiet: true });
  });
  afterAll(async () => {
    await guide.stop();
    if (saved === undefined) delete process.env.BEDROCK_EMULATOR_BATCH_STATE_SECONDS;
    else process.env.BEDROCK_EMULATOR_BATCH_STATE_SECONDS = saved;
  });

  it("runs Haiku's InvokeModel job and a judged evaluation on the region's routes, then leaves nothing", async () => {
    const place = chapterPlace(guide);
    const s3 = chapterS3();
    const modelId = await modelIdFor("anthropic.claude-haiku-4-5-20251001-v1:0");
    const records = recordsForJob({ variants: abVariants("es"), inputs: abCases("es"), modelId, invocationType: "InvokeModel" });
    const outputUri = s3Uri(place, "output/");
    const { jobArn } = await startOrResumeJob({
      purpose: "haiku",
      modelId,
      invocationType: "InvokeModel",
      records,
      inputUri: await uploadJsonl(place, "haiku.jsonl", records, s3),
      outputUri,
      roleArn: place.roleArn,
      budgetUsd: 1,
    });
    expect((await waitForJob(jobArn, fast)).status).toBe("Completed");
    const job = await new BedrockClient({}).send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
    expect(job.modelId).toBe(modelId);
    expect(job.jobArn).toContain(`:${region}:`);
    const results = await readJobResults({ jobArn, outputUri, records, s3 });
    expect(results.rows.filter((r) => r.status === "ok")).toHaveLength(100);

    const jobName = `${JOB_NAME_PREFIX}judge-${region}`;
    const evaluationOutput = s3Uri(place, "output/evaluations/");
    const arn = await startEvaluation({
      jobName,
      tag: CHAPTER_TAG,
      roleArn: place.evaluationRoleArn,
      dataSetUri: await uploadJsonl(place, "judge.jsonl", [{ prompt: "¿Qué es Bedrock?", referenceResponse: "Un servicio de modelos.", category: "aws" }], s3),
      outputUri: evaluationOutput,
      modelId: await modelIdFor("amazon.nova-2-lite-v1:0"),
      judgeId: await modelIdFor("amazon.nova-pro-v1:0"),
      maxTokens: 100,
    });
    expect(await waitForEvaluation(arn, fast)).toBe("Completed");
    expect(await readEvaluation({ outputUri: evaluationOutput, jobName }, s3)).toHaveLength(1);

    const cleanUp = () => cleanUpChapter({ namePrefix: JOB_NAME_PREFIX, bucket: place.bucket, prefix: place.prefix, deleteBucket: true, s3 });
    // Input, judge data set, the job's .jsonl.out and manifest, and the evaluation's result file.
    expect(await cleanUp()).toMatchObject({ deletedObjects: 5, deletedBucket: true, deletedEvaluations: [jobName] });
    expect(await cleanUp()).toEqual({ stoppedJobs: [], stoppedEvaluations: [], deletedEvaluations: [], deletedObjects: 0, deletedBucket: false });
  });
});
