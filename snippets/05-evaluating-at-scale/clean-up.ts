import {
  BatchDeleteEvaluationJobCommand,
  BedrockClient,
  paginateListEvaluationJobs,
  paginateListModelInvocationJobs,
  StopEvaluationJobCommand,
  StopModelInvocationJobCommand,
} from "@aws-sdk/client-bedrock";
import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";

export interface CleanUpReport {
  stoppedJobs: string[];
  stoppedEvaluations: string[];
  deletedEvaluations: string[];
  deletedObjects: number;
  deletedBucket: boolean;
}

const STOPPABLE = ["Submitted", "Validating", "Scheduled", "InProgress"];

/**
 * Stops the chapter's jobs still running, deletes its finished evaluation jobs (a running one is
 * stopped now and deleted by the next run), and deletes every object under its folder. With
 * `deleteBucket` (offline, where the chapter made the bucket) the empty bucket goes too. Safe to
 * run twice: the second run finds nothing. Batch jobs have no delete call: finished ones stay
 * listed in the console, and cost nothing.
 */
export async function cleanUpChapter(options: {
  namePrefix: string;
  bucket: string;
  prefix: string;
  deleteBucket: boolean;
  bedrock?: BedrockClient;
  s3: S3Client;
}): Promise<CleanUpReport> {
  const bedrock = options.bedrock ?? new BedrockClient({});
  const { s3 } = options;
  const report: CleanUpReport = {
    stoppedJobs: [],
    stoppedEvaluations: [],
    deletedEvaluations: [],
    deletedObjects: 0,
    deletedBucket: false,
  };
  const ours = (name?: string) => !!name?.startsWith(options.namePrefix);
  // nameContains may not end in a hyphen (AWS's pattern): filter on the whole prefix after.
  const nameContains = options.namePrefix.replace(/-+$/, "");

  for await (const page of paginateListModelInvocationJobs(
    { client: bedrock },
    { nameContains },
  ))
    for (const job of page.invocationJobSummaries ?? [])
      if (ours(job.jobName) && STOPPABLE.includes(job.status!)) {
        await bedrock.send(
          new StopModelInvocationJobCommand({ jobIdentifier: job.jobArn }),
        );
        report.stoppedJobs.push(job.jobName!);
      }

  const finished: string[] = [];
  for await (const page of paginateListEvaluationJobs(
    { client: bedrock },
    { nameContains },
  ))
    for (const job of page.jobSummaries ?? []) {
      if (!ours(job.jobName)) continue;
      if (job.status === "InProgress") {
        await bedrock.send(
          new StopEvaluationJobCommand({ jobIdentifier: job.jobArn }),
        );
        report.stoppedEvaluations.push(job.jobName!);
      } else if (job.status !== "Stopping" && job.status !== "Deleting") {
        finished.push(job.jobArn!);
        report.deletedEvaluations.push(job.jobName!);
      }
    }
  // Up to 25 jobs per call, as the API allows.
  for (let i = 0; i < finished.length; i += 25)
    await bedrock.send(
      new BatchDeleteEvaluationJobCommand({
        jobIdentifiers: finished.slice(i, i + 25),
      }),
    );

  // List everything first, delete after: deleting while paginating could skip a page.
  const keys: string[] = [];
  const bucketThere = await s3
    .send(
      new ListObjectsV2Command({
        Bucket: options.bucket,
        Prefix: options.prefix,
        MaxKeys: 1,
      }),
    )
    .then(
      () => true,
      (error: Error) => {
        // Already deleted by an earlier run: nothing left to do in S3.
        if (error.name === "NoSuchBucket") return false;
        throw error;
      },
    );
  if (!bucketThere) return report;
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: options.bucket,
        Prefix: options.prefix,
        ContinuationToken,
      }),
    );
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  // DeleteObjects takes up to 1,000 keys per call.
  for (let i = 0; i < keys.length; i += 1000) {
    const { Errors } = await s3.send(
      new DeleteObjectsCommand({
        Bucket: options.bucket,
        Delete: {
          Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })),
          Quiet: true,
        },
      }),
    );
    if (Errors?.length)
      throw new Error(
        `S3 did not delete ${Errors.length} objects, e.g. ${Errors[0].Key}: ${Errors[0].Message}`,
      );
  }
  report.deletedObjects = keys.length;
  if (options.deleteBucket) {
    const rest = await s3.send(
      new ListObjectsV2Command({ Bucket: options.bucket, MaxKeys: 1 }),
    );
    // Only an empty bucket is the chapter's to delete.
    if (!rest.KeyCount) {
      await s3.send(new DeleteBucketCommand({ Bucket: options.bucket }));
      report.deletedBucket = true;
    }
  }
  return report;
}
