import { z } from "zod";
import { currentLanguage, type Language } from "../language";

// The batch inference service role. The trust policy is the one AWS's user guide documents
// ("Create a custom service role for batch inference"): bedrock.amazonaws.com may assume the role
// only for this account's model invocation jobs in this region (aws:SourceAccount, aws:SourceArn).
// The S3 policy is narrower than a whole-bucket grant: list and read under the input folder, write
// under the output folder, in a bucket of this account (aws:ResourceAccount), nothing else. A job
// through a cross-Region inference profile may need more (InvokeModel on the profile and its
// models, per the same page); the guide does not add it here.

export interface PolicyStatement {
  Sid: string;
  Effect: "Allow";
  Principal?: { Service: string };
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

const Account = z.string().regex(/^\d{12}$/);
const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/);
// S3 bucket naming rules: 3-63 lower-case letters, digits, dots and hyphens, starting and ending
// with a letter or digit.
const Bucket = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
const Prefix = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith("/") && !p.includes("*"));

function check<T>(
  schema: z.ZodType<T>,
  value: unknown,
  field: string,
  lang: Language,
  hint: { es: string; en: string },
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(
    lang === "es"
      ? `${field} no es válido (${JSON.stringify(value)}): ${hint.es}`
      : `${field} is not valid (${JSON.stringify(value)}): ${hint.en}`,
  );
}

const ACCOUNT_HINT = {
  es: "es el ID de 12 cifras de tu cuenta de AWS.",
  en: "it is your AWS account's 12-digit ID.",
};

/** The role's trust policy: Bedrock may assume it, for this account's batch jobs in this region. */
export function batchRoleTrustPolicy(options: {
  accountId: string;
  region: string;
  lang?: Language;
}): PolicyDocument {
  const lang = options.lang ?? currentLanguage();
  const account = check(
    Account,
    options.accountId,
    "accountId",
    lang,
    ACCOUNT_HINT,
  );
  const region = check(Region, options.region, "region", lang, {
    es: "es el código de una región, como eu-west-1.",
    en: "it is a region code such as eu-west-1.",
  });
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "BedrockBatchInference",
        Effect: "Allow",
        Principal: { Service: "bedrock.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": account },
          ArnEquals: {
            "aws:SourceArn": `arn:aws:bedrock:${region}:${account}:model-invocation-job/*`,
          },
        },
      },
    ],
  };
}

const folder = (prefix: string) =>
  prefix.endsWith("/") ? prefix : `${prefix}/`;

/**
 * The role's S3 permissions: list and read objects under the input prefix, write objects under
 * the output prefix, in a bucket of this account (aws:ResourceAccount), and nothing else. Prefixes
 * are folders: "batch/in" becomes "batch/in/", so "batch/inventory/" stays out.
 */
export function batchRoleS3Policy(options: {
  accountId: string;
  bucket: string;
  inputPrefix: string;
  outputPrefix: string;
  lang?: Language;
}): PolicyDocument {
  const lang = options.lang ?? currentLanguage();
  const account = check(
    Account,
    options.accountId,
    "accountId",
    lang,
    ACCOUNT_HINT,
  );
  const bucket = check(Bucket, options.bucket, "bucket", lang, {
    es: "un bucket de S3 tiene de 3 a 63 minúsculas, cifras, puntos o guiones (sin s3://).",
    en: "an S3 bucket name has 3 to 63 lower-case letters, digits, dots or hyphens (no s3://).",
  });
  const prefixHint = {
    es: "es una carpeta dentro del bucket, como batch/in/, sin / inicial ni *.",
    en: "it is a folder inside the bucket, such as batch/in/, with no leading / and no *.",
  };
  const input = folder(
    check(Prefix, options.inputPrefix, "inputPrefix", lang, prefixHint),
  );
  const output = folder(
    check(Prefix, options.outputPrefix, "outputPrefix", lang, prefixHint),
  );
  const inOwnAccount = { StringEquals: { "aws:ResourceAccount": account } };
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ListInput",
        Effect: "Allow",
        Action: "s3:ListBucket",
        Resource: `arn:aws:s3:::${bucket}`,
        Condition: {
          ...inOwnAccount,
          StringLike: { "s3:prefix": `${input}*` },
        },
      },
      {
        Sid: "ReadInput",
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: `arn:aws:s3:::${bucket}/${input}*`,
        Condition: inOwnAccount,
      },
      {
        Sid: "WriteOutput",
        Effect: "Allow",
        Action: "s3:PutObject",
        Resource: `arn:aws:s3:::${bucket}/${output}*`,
        Condition: inOwnAccount,
      },
    ],
  };
}
