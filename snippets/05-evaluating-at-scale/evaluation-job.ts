import {
  BedrockClient,
  CreateEvaluationJobCommand,
  GetEvaluationJobCommand,
  type EvaluationJobStatus,
} from "@aws-sdk/client-bedrock";
import {
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";

/** One line of a model-as-judge data set, in AWS's format. */
export interface JudgeCase {
  prompt: string;
  /** What a right answer says: Correctness and Completeness compare the answer with it. */
  referenceResponse: string;
  category: string;
}

/** The built-in metrics the judge scores here: one per question the reference can answer. */
export const JUDGE_METRICS = [
  "Builtin.Correctness",
  "Builtin.Completeness",
  "Builtin.Relevance",
];

/**
 * An automated evaluation job: `modelId` answers every prompt of the data set, and `judgeId`
 * scores each answer with the built-in metrics. Names must be unique in the account and region,
 * so each run gets its own; the chapter's prefix and tag let the clean-up find them.
 */
export async function startEvaluation(
  options: {
    jobName: string;
    tag: { key: string; value: string };
    roleArn: string;
    dataSetUri: string;
    outputUri: string;
    modelId: string;
    judgeId: string;
    maxTokens: number;
  },
  bedrock = new BedrockClient({}),
): Promise<string> {
  const { jobArn } = await bedrock.send(
    new CreateEvaluationJobCommand({
      jobName: options.jobName,
      roleArn: options.roleArn,
      applicationType: "ModelEvaluation",
      evaluationConfig: {
        automated: {
          datasetMetricConfigs: [
            {
              taskType: "QuestionAndAnswer",
              dataset: {
                name: "guide05",
                datasetLocation: { s3Uri: options.dataSetUri },
              },
              metricNames: JUDGE_METRICS,
            },
          ],
          evaluatorModelConfig: {
            bedrockEvaluatorModels: [{ modelIdentifier: options.judgeId }],
          },
        },
      },
      inferenceConfig: {
        models: [
          {
            bedrockModel: {
              modelIdentifier: options.modelId,
              // A JSON string, with Converse's inferenceConfig inside.
              inferenceParams: JSON.stringify({
                inferenceConfig: { maxTokens: options.maxTokens },
              }),
            },
          },
        ],
      },
      outputDataConfig: { s3Uri: options.outputUri },
      jobTags: [options.tag],
    }),
  );
  return jobArn!;
}

/** Waits for the evaluation as for a batch job: longer pauses each time, up to `maxDelayMs`. */
export async function waitForEvaluation(
  jobArn: string,
  options: { firstDelayMs: number; maxDelayMs: number },
  bedrock = new BedrockClient({}),
): Promise<EvaluationJobStatus> {
  let delay = options.firstDelayMs;
  for (;;) {
    const { status, failureMessages } = await bedrock.send(
      new GetEvaluationJobCommand({ jobIdentifier: jobArn }),
    );
    if (status === "Failed")
      throw new Error(
        `Evaluation job failed: ${failureMessages?.join("; ")}`,
      );
    if (status !== "InProgress" && status !== "Stopping") return status!;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, options.maxDelayMs);
  }
}

/** One scored answer: the case, the model's answer and each metric's score (null: not judged). */
export interface JudgedAnswer {
  prompt: string;
  category: string;
  response: string;
  scores: Record<string, number | null>;
}

/**
 * Reads the job's results: AWS writes them under <output>/<job name>/<job ID>/..., ending in
 * _output.jsonl, with a random part in the file name, so they are listed rather than built.
 */
export async function readEvaluation(
  options: { outputUri: string; jobName: string },
  s3: S3Client,
): Promise<JudgedAnswer[]> {
  const [, bucket, prefix = ""] = /^s3:\/\/([^/]+)\/?(.*)$/.exec(
    options.outputUri,
  )!;
  const folder = `${prefix && !prefix.endsWith("/") ? `${prefix}/` : prefix}${options.jobName}/`;
  const listed = await s3.send(
    new ListObjectsV2Command({ Bucket: bucket, Prefix: folder }),
  );
  const answers: JudgedAnswer[] = [];
  for (const { Key } of listed.Contents ?? []) {
    if (!Key?.endsWith("_output.jsonl")) continue;
    const { Body } = await s3.send(
      new GetObjectCommand({ Bucket: bucket, Key }),
    );
    for (const line of (await Body!.transformToString()).split("\n")) {
      if (!line.trim()) continue;
      const result = JSON.parse(line) as {
        inputRecord: JudgeCase;
        modelResponses: { response: string }[];
        automatedEvaluationResult: {
          scores: { metricName: string; result: number | null }[];
        };
      };
      answers.push({
        prompt: result.inputRecord.prompt,
        category: result.inputRecord.category,
        response: result.modelResponses[0]?.response ?? "",
        scores: Object.fromEntries(
          result.automatedEvaluationResult.scores.map((s) => [
            s.metricName,
            s.result,
          ]),
        ),
      });
    }
  }
  return answers;
}
