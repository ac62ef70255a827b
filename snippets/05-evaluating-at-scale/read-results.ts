import {
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import {
  barChart,
  checkAnswer,
  joinBatchResults,
  say,
  type Answer,
  type BatchRecord,
  type BatchResults,
  type Check,
  type Language,
} from "bedrock-guide";

/** Where a job writes: <output s3Uri>/<job ID>/, the job ID being the last part of its ARN. */
function outputFolder(outputUri: string, jobArn: string) {
  const [, bucket, prefix = ""] = /^s3:\/\/([^/]+)\/?(.*)$/.exec(
    outputUri,
  )!;
  const folder = prefix && !prefix.endsWith("/") ? `${prefix}/` : prefix;
  return { bucket, folder: `${folder}${jobArn.split("/").pop()}/` };
}

/**
 * Reads a finished job's output from S3: manifest.json.out and every .jsonl.out file (one per
 * input file), and joins the lines to the records by recordId, never by position.
 */
export async function readJobResults(options: {
  jobArn: string;
  outputUri: string;
  records: readonly BatchRecord[];
  s3: S3Client;
}): Promise<BatchResults<BatchRecord>> {
  const { bucket, folder } = outputFolder(
    options.outputUri,
    options.jobArn,
  );
  const read = async (Key: string) =>
    (
      await options.s3.send(new GetObjectCommand({ Bucket: bucket, Key }))
    ).Body!.transformToString();
  const keys: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await options.s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: folder,
        ContinuationToken,
      }),
    );
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  const outputs = await Promise.all(
    keys.filter((k) => k.endsWith(".jsonl.out")).map(read),
  );
  return joinBatchResults({
    records: options.records,
    output: outputs.join("\n"),
    manifest: await read(`${folder}manifest.json.out`),
  });
}

/**
 * The answer in a result line: Converse's response as it is, or Anthropic's native body turned
 * into the same text and stop reason (both APIs name the reasons alike: end_turn, max_tokens).
 */
export function answerIn(modelOutput: unknown): Answer {
  const out = modelOutput as {
    output?: { message?: { content?: { text?: string }[] } };
    stopReason?: string;
    content?: { type?: string; text?: string }[];
    stop_reason?: string;
  };
  if (out.output)
    return {
      text: (out.output.message?.content ?? [])
        .map((b) => b.text ?? "")
        .join(""),
      stopReason: out.stopReason,
    };
  return {
    text: (out.content ?? [])
      .filter((b) => b.type === "text")
      .map((b) => b.text ?? "")
      .join(""),
    stopReason: out.stop_reason,
  };
}

/** One checked answer: which model and variant, and what failed (empty when all passed). */
export interface CheckedAnswer {
  model: string;
  variant: string;
  recordId: string;
  failures: string[];
}

/**
 * Chapter 3's checks on every answer of a job. A record the job could not answer fails with the
 * job's own error, and one with no line at all (a stopped or partial job) says so.
 */
export async function checkJobAnswers<C>(options: {
  model: string;
  results: BatchResults<BatchRecord>;
  /** The variant's name and the case a record ID stands for. */
  originOf: (recordId: string) => { variant: string; item: C };
  checksFor: (item: C) => Check[];
  lang: Language;
}): Promise<CheckedAnswer[]> {
  return Promise.all(
    options.results.rows.map(async (row) => {
      const { variant, item } = options.originOf(row.recordId);
      const base = {
        model: options.model,
        variant,
        recordId: row.recordId,
      };
      if (row.status === "missing")
        return {
          ...base,
          failures: [
            say({ es: "sin resultado", en: "no result" }, options.lang),
          ],
        };
      if (row.status === "failed")
        return {
          ...base,
          failures: [
            say(
              { es: "error del registro", en: "record error" },
              options.lang,
            ) + ` ${row.error?.errorCode}`,
          ],
        };
      const report = await checkAnswer(
        answerIn(row.modelOutput),
        options.checksFor(item),
      );
      return {
        ...base,
        failures: report.results
          .filter((r) => !r.passed)
          .map((r) => r.check),
      };
    }),
  );
}

/** Pass rate per model and variant: answers that passed every check, of all answers. */
export function passRateTable(
  answers: readonly CheckedAnswer[],
  lang: Language,
): Record<string, string | number>[] {
  const groups = new Map<string, CheckedAnswer[]>();
  for (const a of answers) {
    const key = `${a.model}\u0000${a.variant}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups].map(([key, group]) => {
    const [model, variant] = key.split("\u0000");
    const passed = group.filter((a) => a.failures.length === 0).length;
    return {
      [say({ es: "modelo", en: "model" }, lang)]: model,
      [say({ es: "variante", en: "variant" }, lang)]: variant,
      [say({ es: "superadas", en: "passed" }, lang)]:
        `${passed}/${group.length}`,
      "%": Math.round((100 * passed) / group.length),
    };
  });
}

/** How often each reason made an answer fail, per variant (an answer can fail for several). */
export function failuresByReason(
  answers: readonly CheckedAnswer[],
  lang: Language,
): Record<string, string | number>[] {
  const variants = [...new Set(answers.map((a) => a.variant))];
  const reasons = [...new Set(answers.flatMap((a) => a.failures))];
  return reasons.map((reason) => ({
    [say({ es: "motivo", en: "reason" }, lang)]: reason,
    ...Object.fromEntries(
      variants.map((v) => [
        v,
        answers.filter(
          (a) => a.variant === v && a.failures.includes(reason),
        ).length,
      ]),
    ),
  }));
}

/** The pass-rate table as a bar chart: one bar per model and variant. */
export function passRateChart(
  answers: readonly CheckedAnswer[],
  title: string,
  lang: Language,
): string {
  const rows = passRateTable(answers, lang);
  const [modelKey, variantKey] = Object.keys(rows[0]);
  return barChart({
    title,
    categories: rows.map((r) => `${r[modelKey]} · ${r[variantKey]}`),
    series: [
      {
        name: say(
          {
            es: "Respuestas que superan todo (%)",
            en: "Answers passing every check (%)",
          },
          lang,
        ),
        values: rows.map((r) => Number(r["%"])),
        format: (v) => `${v}%`,
      },
    ],
  });
}
