// bedrock (control plane) evaluation jobs: CreateEvaluationJob, GetEvaluationJob, ListEvaluationJobs,
// StopEvaluationJob, BatchDeleteEvaluationJob. Offline, the automated model-as-judge kind: one Bedrock
// model answers each prompt (through the runtime's own Converse route, so it gets exactly the reply
// a live call to the emulator would), and the emulator's synthetic judge (../batch/judge.ts) scores it.
// Shapes, patterns and required members were checked against AWS's model before a handler runs.
import { BedrockError, errors } from "../errors";
import { utf8Bytes } from "../bytes";
import type { EmulatorContext, EmulatorRequest, Reply, Route } from "../contract";
import { defineRoutes } from "../define-routes";
import { parseJson } from "../request-body";
import type { EvaluationJob, EvaluationRequest, Generate } from "../batch/evaluation-jobs";
import { JUDGE_METRICS } from "../batch/judge";
import { converseRoutes } from "./converse";
import { listPage, listWindow } from "./list-page";

/** The generator's reply to one prompt, through the Converse route with the job's inferenceParams. */
function generator(ctx: EmulatorContext): Generate {
  const converse = converseRoutes.find((r) => r.operation === "Converse")!;
  return async (job, prompt) => {
    const model = job.request.inferenceConfig.models![0].bedrockModel!;
    // inferenceParams is a JSON string, e.g. {"inferenceConfig":{"maxTokens":512,"temperature":0.7}}.
    let params: { inferenceConfig?: unknown } = {};
    try {
      params = model.inferenceParams ? JSON.parse(model.inferenceParams) : {};
    } catch {
      return { error: "inferenceParams is not valid JSON." };
    }
    const body = { messages: [{ role: "user", content: [{ text: prompt }] }], ...(params.inferenceConfig ? { inferenceConfig: params.inferenceConfig } : {}) };
    const req: EmulatorRequest = {
      method: "POST",
      rawPath: `/model/${encodeURIComponent(job.generator)}/converse`,
      params: { modelId: job.generator },
      query: new URLSearchParams(),
      headers: { "content-type": "application/json" },
      body: utf8Bytes(JSON.stringify(body)),
      region: job.region,
    };
    try {
      const reply = await converse.handle(req, ctx);
      const out = (reply as { json: { output?: { message?: { content?: { text?: string }[] } } } }).json;
      return { text: (out.output?.message?.content ?? []).map((c) => c.text ?? "").join("") };
    } catch (e) {
      if (e instanceof BedrockError) return { error: `${e.type}: ${e.message}` };
      throw e;
    }
  };
}

const iso = (d: Date) => d.toISOString();

function describe(job: EvaluationJob): Record<string, unknown> {
  const r = job.request;
  return {
    jobName: r.jobName,
    status: job.status,
    jobArn: job.arn,
    ...(r.jobDescription ? { jobDescription: r.jobDescription } : {}),
    roleArn: r.roleArn,
    ...(r.customerEncryptionKeyId ? { customerEncryptionKeyId: r.customerEncryptionKeyId } : {}),
    jobType: "Automated",
    applicationType: r.applicationType ?? "ModelEvaluation",
    evaluationConfig: r.evaluationConfig,
    inferenceConfig: r.inferenceConfig,
    outputDataConfig: r.outputDataConfig,
    creationTime: iso(job.creationTime),
    lastModifiedTime: iso(job.lastModifiedTime),
    ...(job.failureMessages ? { failureMessages: job.failureMessages } : {}),
  };
}

function summary(job: EvaluationJob): Record<string, unknown> {
  return {
    jobArn: job.arn,
    jobName: job.request.jobName,
    status: job.status,
    creationTime: iso(job.creationTime),
    jobType: "Automated",
    evaluationTaskTypes: [...new Set(job.request.evaluationConfig.automated!.datasetMetricConfigs.map((c) => c.taskType))],
    modelIdentifiers: [job.generator],
    evaluatorModelIdentifiers: [job.evaluator],
    inferenceConfigSummary: { modelConfigSummary: { bedrockModelIdentifiers: [job.generator] } },
    applicationType: job.request.applicationType ?? "ModelEvaluation",
  };
}

/** What the emulator runs offline: automated model-as-judge jobs on one Bedrock model and custom data sets. */
function checkSupported(body: EvaluationRequest): { generator: string; evaluator: string } {
  const automated = body.evaluationConfig.automated;
  if (!automated) throw errors.validation("The Bedrock emulator runs automated evaluation jobs only (evaluationConfig.automated); jobs with human workers are not emulated.");
  if ((body.applicationType ?? "ModelEvaluation") !== "ModelEvaluation" || !body.inferenceConfig.models) {
    throw errors.validation("The Bedrock emulator runs model evaluation jobs only (inferenceConfig.models); knowledge base (RAG) evaluations are not emulated.");
  }
  const models = body.inferenceConfig.models;
  // CreateEvaluationJob API reference: "automated jobs support a single model or inference profile".
  if (models.length !== 1) throw errors.validation(`An automated evaluation job evaluates a single model or inference profile; inferenceConfig.models has ${models.length}.`);
  const generator = models[0].bedrockModel?.modelIdentifier;
  if (!generator) throw errors.validation("The Bedrock emulator evaluates Bedrock models (bedrockModel); precomputedInferenceSource is not emulated.");
  const evaluators = automated.evaluatorModelConfig?.bedrockEvaluatorModels ?? [];
  if (evaluators.length === 0) {
    throw errors.validation("The Bedrock emulator runs model-as-judge jobs: set evaluationConfig.automated.evaluatorModelConfig.bedrockEvaluatorModels (algorithmic metrics such as Builtin.Accuracy are not emulated).");
  }
  for (const c of automated.datasetMetricConfigs) {
    const unknown = c.metricNames.filter((m) => !(JUDGE_METRICS as readonly string[]).includes(m));
    if (unknown.length) throw errors.validation(`Metric(s) ${unknown.join(", ")} are not built-in metrics of a model-as-judge job. Use ${JUDGE_METRICS.join(", ")}.`);
    if (!c.dataset.datasetLocation?.s3Uri) throw errors.validation(`The data set ${c.dataset.name} has no datasetLocation.s3Uri: a model-as-judge job takes a custom prompt data set in Amazon S3.`);
  }
  return { generator, evaluator: evaluators[0].modelIdentifier };
}

export const evaluationRoutes: Route[] = defineRoutes([
  {
    operation: "CreateEvaluationJob",
    async handle(req, ctx): Promise<Reply> {
      const body = parseJson(req, "ValidationException") as EvaluationRequest;
      const { generator: model, evaluator } = checkSupported(body);
      // Both models must be ones this region can invoke (bare ID on demand, or an inference profile).
      ctx.catalog.resolveForInvocation(model, req.region, ctx.now(), ctx.recentlyUsedModels);
      ctx.catalog.resolveForInvocation(evaluator, req.region, ctx.now(), ctx.recentlyUsedModels);
      const job = ctx.evaluationJobs.create(req.region, body, model, evaluator);
      return { status: 202, json: { jobArn: job.arn } };
    },
  },
  {
    operation: "GetEvaluationJob",
    async handle(req, ctx): Promise<Reply> {
      return { status: 200, json: describe(await ctx.evaluationJobs.get(req.region, req.params.jobIdentifier, generator(ctx))) };
    },
  },
  {
    operation: "ListEvaluationJobs",
    async handle(req, ctx): Promise<Reply> {
      const q = req.query;
      const after = q.get("creationTimeAfter");
      const before = q.get("creationTimeBefore");
      const status = q.get("statusEquals");
      const app = q.get("applicationTypeEquals");
      const name = q.get("nameContains");
      const descending = (q.get("sortOrder") ?? "Descending") === "Descending";
      const window = listWindow(q);
      const jobs = (await ctx.evaluationJobs.list(req.region, generator(ctx)))
        .filter(
          (j) =>
            (!after || j.creationTime > new Date(after)) &&
            (!before || j.creationTime < new Date(before)) &&
            (!status || j.status === status) &&
            (!app || (j.request.applicationType ?? "ModelEvaluation") === app) &&
            (!name || j.request.jobName.includes(name)),
        )
        .sort((a, b) => (a.creationTime.getTime() - b.creationTime.getTime() || (a.id < b.id ? -1 : 1)) * (descending ? -1 : 1));
      const { page, more } = listPage(window, jobs);
      return { status: 200, json: { jobSummaries: page.map(summary), ...more } };
    },
  },
  {
    operation: "StopEvaluationJob",
    async handle(req, ctx): Promise<Reply> {
      await ctx.evaluationJobs.stop(req.region, req.params.jobIdentifier, generator(ctx));
      return { status: 200, json: {} };
    },
  },
  {
    operation: "BatchDeleteEvaluationJob",
    async handle(req, ctx): Promise<Reply> {
      const { jobIdentifiers } = parseJson(req, "ValidationException") as { jobIdentifiers: string[] };
      const evaluationJobs: { jobIdentifier: string; jobStatus: string }[] = [];
      const errs: { jobIdentifier: string; code: string; message: string }[] = [];
      for (const arn of jobIdentifiers) {
        const r = await ctx.evaluationJobs.delete(req.region, arn, generator(ctx));
        if ("status" in r) evaluationJobs.push({ jobIdentifier: arn, jobStatus: r.status });
        else errs.push({ jobIdentifier: arn, ...r });
      }
      return { status: 202, json: { errors: errs, evaluationJobs } };
    },
  },
]);
