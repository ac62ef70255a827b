// bedrock (control plane) batch inference: CreateModelInvocationJob, GetModelInvocationJob,
// ListModelInvocationJobs, StopModelInvocationJob. The job's states and files live in
// ../batch/jobs.ts; here are the routes and the run of one record through the runtime's own routes
// (InvokeModel with the model's native body, or Converse), so a record gets exactly the answer or
// the error a live call would.
import { BedrockError, errors } from "../errors";
import { utf8Bytes } from "../bytes";
import type { EmulatorContext, EmulatorRequest, Reply, Route } from "../contract";
import { defineRoutes } from "../define-routes";
import { parseJson } from "../request-body";
import type { BatchJob, RunRecord } from "../batch/jobs";
import { invokeRoutes } from "./invoke";
import { converseRoutes } from "./converse";
import { listPage, listWindow } from "./list-page";

function runner(ctx: EmulatorContext): RunRecord {
  return async (job, record) => {
    const operation = job.invocationType;
    const route = [...invokeRoutes, ...converseRoutes].find((r) => r.operation === operation)!;
    const req: EmulatorRequest = {
      method: "POST",
      rawPath: `/model/${encodeURIComponent(job.request.modelId)}/${operation === "Converse" ? "converse" : "invoke"}`,
      params: { modelId: job.request.modelId },
      query: new URLSearchParams(),
      headers: { "content-type": "application/json", accept: "application/json" },
      body: utf8Bytes(JSON.stringify(record.modelInput)),
      region: job.region,
    };
    try {
      const reply = await route.handle(req, ctx);
      if ("json" in reply) {
        const usage = (reply.json as { usage?: { inputTokens?: number; outputTokens?: number } }).usage;
        return { modelOutput: reply.json, inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
      }
      if ("body" in reply) {
        const h = reply.headers ?? {};
        const text = typeof reply.body === "string" ? reply.body : new TextDecoder().decode(reply.body);
        return { modelOutput: JSON.parse(text), inputTokens: Number(h["x-amzn-bedrock-input-token-count"] ?? 0), outputTokens: Number(h["x-amzn-bedrock-output-token-count"] ?? 0) };
      }
      throw new Error("a batch record got a stream");
    } catch (e) {
      // AWS's output line for a failed record: an error object in place of modelOutput.
      if (e instanceof BedrockError) return { error: { errorCode: e.status, errorMessage: e.message }, inputTokens: 0, outputTokens: 0 };
      throw e;
    }
  };
}

function describe(job: BatchJob): Record<string, unknown> {
  const r = job.request;
  return {
    jobArn: job.arn,
    jobName: r.jobName,
    modelId: r.modelId,
    ...(r.clientRequestToken ? { clientRequestToken: r.clientRequestToken } : {}),
    roleArn: r.roleArn,
    status: job.status,
    ...(job.message ? { message: job.message } : {}),
    submitTime: job.submitTime.toISOString(),
    lastModifiedTime: job.lastModifiedTime.toISOString(),
    ...(job.endTime ? { endTime: job.endTime.toISOString() } : {}),
    inputDataConfig: r.inputDataConfig,
    outputDataConfig: r.outputDataConfig,
    ...(r.vpcConfig ? { vpcConfig: r.vpcConfig } : {}),
    ...(r.timeoutDurationInHours !== undefined ? { timeoutDurationInHours: r.timeoutDurationInHours } : {}),
    jobExpirationTime: job.jobExpirationTime.toISOString(),
    modelInvocationType: job.invocationType,
    ...(job.counts ?? {}),
  };
}

export const batchRoutes: Route[] = defineRoutes([
  {
    operation: "CreateModelInvocationJob",
    async handle(req, ctx): Promise<Reply> {
      // Shapes, lengths, patterns and ranges were checked against AWS's model before this runs.
      const body = parseJson(req, "ValidationException") as BatchJob["request"] & {
        inputDataConfig: { s3InputDataConfig?: { s3Uri: string } };
        outputDataConfig: { s3OutputDataConfig?: { s3Uri: string } };
        modelInvocationType?: "InvokeModel" | "Converse";
      };
      const input = body.inputDataConfig.s3InputDataConfig?.s3Uri;
      const output = body.outputDataConfig.s3OutputDataConfig?.s3Uri;
      if (!input) throw errors.validation("inputDataConfig must set s3InputDataConfig.");
      if (!output) throw errors.validation("outputDataConfig must set s3OutputDataConfig.");
      // The model must be one this region can invoke (bare ID on demand, or an inference profile).
      ctx.catalog.resolveForInvocation(body.modelId, req.region, ctx.now(), ctx.recentlyUsedModels);
      const job = ctx.batchJobs.create(req.region, body, body.modelInvocationType ?? "InvokeModel", input, output);
      return { status: 200, json: { jobArn: job.arn } };
    },
  },
  {
    operation: "GetModelInvocationJob",
    async handle(req, ctx): Promise<Reply> {
      const job = await ctx.batchJobs.get(req.region, req.params.jobIdentifier, runner(ctx));
      return { status: 200, json: describe(job) };
    },
  },
  {
    operation: "ListModelInvocationJobs",
    async handle(req, ctx): Promise<Reply> {
      const q = req.query;
      const after = q.get("submitTimeAfter");
      const before = q.get("submitTimeBefore");
      const status = q.get("statusEquals");
      const name = q.get("nameContains");
      const descending = (q.get("sortOrder") ?? "Descending") === "Descending";
      const window = listWindow(q);
      const jobs = (await ctx.batchJobs.list(req.region, runner(ctx)))
        .filter(
          (j) =>
            (!after || j.submitTime > new Date(after)) &&
            (!before || j.submitTime < new Date(before)) &&
            (!status || j.status === status) &&
            (!name || j.request.jobName.includes(name)),
        )
        .sort((a, b) => (a.submitTime.getTime() - b.submitTime.getTime() || (a.id < b.id ? -1 : 1)) * (descending ? -1 : 1));
      const { page, more } = listPage(window, jobs);
      return { status: 200, json: { invocationJobSummaries: page.map(describe), ...more } };
    },
  },
  {
    operation: "StopModelInvocationJob",
    async handle(req, ctx): Promise<Reply> {
      await ctx.batchJobs.stop(req.region, req.params.jobIdentifier, runner(ctx));
      return { status: 200, json: {} };
    },
  },
]);
