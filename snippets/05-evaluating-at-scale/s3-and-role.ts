import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import {
  batchRoleS3Policy,
  batchRoleTrustPolicy,
  say,
  type Guide,
  type PolicyDocument,
} from "bedrock-guide";

/** Where the chapter keeps its files and which role its jobs run as. */
export interface ChapterPlace {
  bucket: string;
  /** Every object the chapter writes is under this folder: the clean-up deletes it. */
  prefix: string;
  roleArn: string;
  /** Evaluation jobs need a role of their own: its trust names evaluation jobs, not batch jobs. */
  evaluationRoleArn: string;
  accountId: string;
  /** Offline the chapter makes its own bucket, so the clean-up may delete it too. */
  ownBucket: boolean;
}

export const CHAPTER_PREFIX = "guide-05/";

/**
 * Offline: a bucket in the emulator and a role ARN with AWS's documentation account. Live: your
 * bucket and a role you made with the two policies below, from BEDROCK_GUIDE_BATCH_BUCKET and
 * BEDROCK_GUIDE_BATCH_ROLE_ARN; the chapter never creates IAM roles in your account.
 */
export function chapterPlace(
  guide: Guide,
  env: Record<string, string | undefined> = process.env,
): ChapterPlace {
  if (guide.mode === "offline") {
    const accountId = "123456789012";
    return {
      bucket: "bedrock-guide-05",
      prefix: CHAPTER_PREFIX,
      roleArn: `arn:aws:iam::${accountId}:role/BedrockBatchGuide`,
      evaluationRoleArn: `arn:aws:iam::${accountId}:role/BedrockEvaluationGuide`,
      accountId,
      ownBucket: true,
    };
  }
  const bucket = env.BEDROCK_GUIDE_BATCH_BUCKET;
  const roleArn = env.BEDROCK_GUIDE_BATCH_ROLE_ARN;
  const evaluationRoleArn = env.BEDROCK_GUIDE_EVALUATION_ROLE_ARN;
  const accountId = /^arn:aws:iam::(\d{12}):role\//.exec(
    roleArn ?? "",
  )?.[1];
  if (!bucket || !roleArn || !evaluationRoleArn || !accountId)
    throw new Error(
      say(
        {
          es: "En vivo, este capítulo usa tu bucket y tu rol de servicio: define BEDROCK_GUIDE_BATCH_BUCKET (el nombre del bucket, en la región de la guía), BEDROCK_GUIDE_BATCH_ROLE_ARN (arn:aws:iam::<cuenta>:role/<nombre>) y BEDROCK_GUIDE_EVALUATION_ROLE_ARN, y vuelve a ejecutar la celda.",
          en: "Live, this chapter uses your bucket and your service role: set BEDROCK_GUIDE_BATCH_BUCKET (the bucket's name, in the guide's region), BEDROCK_GUIDE_BATCH_ROLE_ARN (arn:aws:iam::<account>:role/<name>) and BEDROCK_GUIDE_EVALUATION_ROLE_ARN, and run the cell again.",
        },
        guide.lang,
      ),
    );
  return {
    bucket,
    prefix: CHAPTER_PREFIX,
    roleArn,
    evaluationRoleArn,
    accountId,
    ownBucket: false,
  };
}

/**
 * An S3 client addressed path-style (https://host/bucket/key). By default the SDK may put the
 * bucket in the host name (bucket.s3.<region>.amazonaws.com); the emulator, in Node or in this
 * page, reads the bucket from the path. Real S3 accepts path-style too, so the same client
 * works live. `config` is for your own settings (a region, a request handler...).
 */
export function chapterS3(config: S3ClientConfig = {}): S3Client {
  return new S3Client({ ...config, forcePathStyle: true });
}

/** The s3:// URI of a key in the chapter's folder. */
export const s3Uri = (place: ChapterPlace, key: string) =>
  `s3://${place.bucket}/${place.prefix}${key}`;

/** Uploads a JSONL file to the chapter's input folder; offline it first makes the bucket. */
export async function uploadJsonl(
  place: ChapterPlace,
  file: string,
  lines: readonly object[],
  s3 = chapterS3(),
): Promise<string> {
  if (place.ownBucket) {
    const exists = await s3
      .send(new HeadBucketCommand({ Bucket: place.bucket }))
      .then(
        () => true,
        () => false,
      );
    if (!exists)
      await s3.send(new CreateBucketCommand({ Bucket: place.bucket }));
  }
  const key = `${place.prefix}input/${file}`;
  await s3.send(
    new PutObjectCommand({
      Bucket: place.bucket,
      Key: key,
      Body: lines.map((line) => JSON.stringify(line)).join("\n") + "\n",
      ContentType: "application/jsonl",
    }),
  );
  return `s3://${place.bucket}/${key}`;
}

/** The service role's two documents for this chapter's folders, in this region. */
export function chapterRolePolicies(
  place: ChapterPlace,
  region: string,
): { trust: PolicyDocument; s3: PolicyDocument } {
  return {
    trust: batchRoleTrustPolicy({ accountId: place.accountId, region }),
    s3: batchRoleS3Policy({
      accountId: place.accountId,
      bucket: place.bucket,
      inputPrefix: `${place.prefix}input/`,
      outputPrefix: `${place.prefix}output/`,
    }),
  };
}
