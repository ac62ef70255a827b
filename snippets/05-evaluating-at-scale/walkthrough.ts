// Chapter 5 as the notebook runs it: each region is one "try it" cell. The functions come from the
// lesson files beside this one (in the notebook, from the cells before), so these imports stay
// outside the regions.
import { say, show, startGuide } from "bedrock-guide";
import { abCases, abChecks, abVariants, type AbCase } from "./data-set";
import { batchOrCalls } from "./when-to-batch";
import { recordOrigin, recordsForJob } from "./build-records";
import {
  chapterPlace,
  chapterRolePolicies,
  chapterS3,
  s3Uri,
  uploadJsonl,
} from "./s3-and-role";
import {
  CHAPTER_TAG,
  JOB_NAME_PREFIX,
  startOrResumeJob,
  stopJob,
  waitForJob,
} from "./run-job";
import {
  checkJobAnswers,
  failuresByReason,
  passRateChart,
  passRateTable,
  readJobResults,
} from "./read-results";
import {
  readEvaluation,
  startEvaluation,
  waitForEvaluation,
  type JudgeCase,
} from "./evaluation-job";
import { cleanUpChapter } from "./clean-up";

// In the notebook the setup cell (snippets/setup.ts) has already started the session.
const guide = await startGuide({ quiet: true });

// #region models
import { modelIdFor } from "bedrock-guide";

// Foundation models by ID; modelIdFor turns each into what your region can call.
const HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
const NOVA_2_LITE = "amazon.nova-2-lite-v1:0";
// The evaluation jobs' judge: one of the models AWS lists as evaluators.
const NOVA_PRO = "amazon.nova-pro-v1:0";
const models = {
  haiku: { name: "Claude Haiku 4.5", modelId: await modelIdFor(HAIKU) },
  nova: { name: "Nova 2 Lite", modelId: await modelIdFor(NOVA_2_LITE) },
  judge: { name: "Nova Pro", modelId: await modelIdFor(NOVA_PRO) },
};
show.table(Object.values(models));
// #endregion models

// #region data-set
const cases = abCases(guide.lang);
const wordings = abVariants(guide.lang);
console.log(
  say(
    {
      es: `${cases.length} casos × ${wordings.length} variantes = ${cases.length * wordings.length} peticiones por modelo. El primer caso:`,
      en: `${cases.length} cases × ${wordings.length} variants = ${cases.length * wordings.length} requests per model. The first case:`,
    },
    guide.lang,
  ),
);
for (const variant of wordings)
  console.log(
    `${variant.name}: ${variant.request(cases[0]).messages![0].content![0].text}`,
  );
// #endregion data-set

// #region records
// Claude Haiku 4.5 gets Anthropic's own InvokeModel body; Nova 2 Lite the Converse body.
const haikuRecords = recordsForJob({
  variants: wordings,
  inputs: cases,
  modelId: models.haiku.modelId,
  invocationType: "InvokeModel",
});
const novaRecords = recordsForJob({
  variants: wordings,
  inputs: cases,
  modelId: models.nova.modelId,
  invocationType: "Converse",
});
console.log(JSON.stringify(haikuRecords[0], null, 2));
console.log(JSON.stringify(novaRecords[novaRecords.length - 1], null, 2));
// #endregion records

// #region records-invalid
import { checkRecordCount, validateBatchRecords } from "bedrock-guide";

// A record as a hurried hand writes it: a hyphen in its ID, and no messages.
const hurried = {
  recordId: "case-1",
  modelInput: { inferenceConfig: { maxTokens: 300 } },
};
try {
  validateBatchRecords([...novaRecords.slice(0, 2), hurried], {
    invocationType: "Converse",
    modelId: models.nova.modelId,
  });
} catch (error) {
  console.log(`${(error as Error).name}: ${(error as Error).message}`);
}
for (const [model, records] of [
  [models.haiku, haikuRecords],
  [models.nova, novaRecords],
] as const)
  console.log(
    `${model.name}:`,
    checkRecordCount(records.length, model.modelId).message,
  );
// #endregion records-invalid

// #region when
show.table([
  batchOrCalls({
    model: models.haiku.name,
    modelId: models.haiku.modelId,
    records: haikuRecords,
    lang: guide.lang,
  }),
  batchOrCalls({
    model: models.nova.name,
    modelId: models.nova.modelId,
    records: novaRecords,
    lang: guide.lang,
  }),
  // Models whose figures the guide's source does give: a minimum of records and a quota.
  batchOrCalls({
    model: "Nova Lite",
    modelId: await modelIdFor("amazon.nova-lite-v1:0"),
    records: novaRecords,
    lang: guide.lang,
  }),
  batchOrCalls({
    model: "Mistral Small",
    modelId: "mistral.mistral-small-2402-v1:0",
    records: novaRecords,
    lang: guide.lang,
  }),
]);
// #endregion when

// #region upload
const place = chapterPlace(guide);
const s3Client = chapterS3();
const inputs = {
  haiku: await uploadJsonl(place, "haiku.jsonl", haikuRecords, s3Client),
  nova: await uploadJsonl(place, "nova.jsonl", novaRecords, s3Client),
};
console.log(inputs);
// #endregion upload

// #region role
const policies = chapterRolePolicies(place, guide.region);
console.log(JSON.stringify(policies.trust, null, 2));
console.log(JSON.stringify(policies.s3, null, 2));
// #endregion role

// #region create
import { batchCostBound, formatUsd } from "bedrock-guide";

// The meter does not see batch jobs: each job's bound comes off what the budget has left.
let budgetLeft = guide.meter.options.budgetUsd - guide.meter.totalUsd;
const jobsOutput = s3Uri(place, "output/");
const jobs: Record<"haiku" | "nova", string> = { haiku: "", nova: "" };
for (const [key, records, invocationType] of [
  ["haiku", haikuRecords, "InvokeModel"],
  ["nova", novaRecords, "Converse"],
] as const) {
  const { modelId, name } = models[key];
  const bound = batchCostBound(records, modelId);
  console.log(
    say(
      {
        es: `${name}: como mucho ${formatUsd(bound.usd)} (${bound.inputTokens} tokens de entrada y ${bound.outputTokens} de salida a precio por lotes); quedan ${formatUsd(budgetLeft)} de presupuesto.`,
        en: `${name}: at most ${formatUsd(bound.usd)} (${bound.inputTokens} input and ${bound.outputTokens} output tokens at the batch price); ${formatUsd(budgetLeft)} of budget left.`,
      },
      guide.lang,
    ),
  );
  const job = await startOrResumeJob({
    purpose: key,
    modelId,
    invocationType,
    records,
    inputUri: inputs[key],
    outputUri: jobsOutput,
    roleArn: place.roleArn,
    budgetUsd: budgetLeft,
  });
  jobs[key] = job.jobArn;
  if (!job.resumed) budgetLeft -= bound.usd;
  console.log(
    job.resumed
      ? say(
          {
            es: "  ya estaba en marcha: se retoma",
            en: "  already running: picked up",
          },
          guide.lang,
        )
      : say({ es: "  creado", en: "  created" }, guide.lang),
  );
}
// #endregion create

// #region wait
// Offline a state lasts seconds; live, minutes to hours, so the pause grows up to 5 minutes.
const polling =
  guide.mode === "offline"
    ? { firstDelayMs: 500, maxDelayMs: 2_000 }
    : { firstDelayMs: 30_000, maxDelayMs: 300_000 };
const finished = await Promise.all(
  (["haiku", "nova"] as const).map((key) => waitForJob(jobs[key], polling)),
);
show.table(
  finished.map((job) => ({
    jobName: job.jobName!.replace(/-[a-z0-9]+$/, "-…"),
    status: job.status,
    modelId: job.modelId,
    timeoutDurationInHours: job.timeoutDurationInHours,
  })),
);
// #endregion wait

// #region states
import { batchJobStates } from "bedrock-guide";

show.table(
  Object.entries(batchJobStates()).map(([status, meaning]) => ({
    status,
    [say({ es: "qué significa", en: "what it means" }, guide.lang)]:
      meaning[guide.lang],
  })),
);
// #endregion states

// #region stop
// A third job, stopped at once: it runs no record, so it costs nothing.
const extra = await startOrResumeJob({
  purpose: "stop",
  modelId: models.nova.modelId,
  invocationType: "Converse",
  records: novaRecords,
  inputUri: inputs.nova,
  outputUri: jobsOutput,
  roleArn: place.roleArn,
  budgetUsd: budgetLeft,
});
console.log(await stopJob(extra.jobArn));
console.log(
  (await waitForJob(extra.jobArn, polling)).status,
  "·",
  await stopJob(extra.jobArn),
);
// #endregion stop

// #region results
const answers = [
  ...(await checkJobAnswers({
    model: models.haiku.name,
    results: await readJobResults({
      jobArn: jobs.haiku,
      outputUri: jobsOutput,
      records: haikuRecords,
      s3: s3Client,
    }),
    originOf: originIn(cases),
    checksFor: (c: AbCase) => abChecks(c, guide.lang),
    lang: guide.lang,
  })),
  ...(await checkJobAnswers({
    model: models.nova.name,
    results: await readJobResults({
      jobArn: jobs.nova,
      outputUri: jobsOutput,
      records: novaRecords,
      s3: s3Client,
    }),
    originOf: originIn(cases),
    checksFor: (c: AbCase) => abChecks(c, guide.lang),
    lang: guide.lang,
  })),
];
// A record ID names its variant and case: "B0000000007" is variant B on the seventh case.
function originIn(list: AbCase[]) {
  return (recordId: string) => {
    const { variantId, index } = recordOrigin(recordId);
    return {
      variant: wordings.find((v) => v.id === variantId)!.name,
      item: list[index],
    };
  };
}
show.table(passRateTable(answers, guide.lang));
show.svg(
  passRateChart(
    answers,
    say(
      {
        es: "A frente a B a escala: respuestas que superan todas las comprobaciones",
        en: "A versus B at scale: answers passing every check",
      },
      guide.lang,
    ),
    guide.lang,
  ),
);
show.table(failuresByReason(answers, guide.lang));
// #endregion results

// #region evaluation
import { checkAnswer, checks } from "bedrock-guide";

const judgeCases: JudgeCase[] = say(
  {
    es: [
      {
        prompt: "¿Qué es un perfil de inferencia de Amazon Bedrock?",
        referenceResponse:
          "Un perfil de inferencia reparte las llamadas a un modelo entre varias regiones de AWS.",
        category: "perfiles",
      },
      {
        prompt: "¿Para qué sirve la API Converse?",
        referenceResponse:
          "La API Converse llama a cualquier modelo de texto con la misma forma de petición.",
        category: "apis",
      },
      {
        prompt: "¿Qué hace un guardrail de Bedrock?",
        referenceResponse:
          "Un guardrail filtra las entradas y las respuestas que incumplen tus políticas.",
        category: "seguridad",
      },
      {
        prompt: "¿Cuándo conviene la inferencia por lotes?",
        referenceResponse:
          "Cuando hay muchos registros y no hace falta la respuesta al momento, por la mitad de precio.",
        category: "lotes",
      },
    ],
    en: [
      {
        prompt: "What is an Amazon Bedrock inference profile?",
        referenceResponse:
          "An inference profile spreads a model's calls across several AWS regions.",
        category: "profiles",
      },
      {
        prompt: "What is the Converse API for?",
        referenceResponse:
          "The Converse API calls any text model with the same request shape.",
        category: "apis",
      },
      {
        prompt: "What does a Bedrock guardrail do?",
        referenceResponse:
          "A guardrail filters inputs and answers that break your policies.",
        category: "safety",
      },
      {
        prompt: "When is batch inference worth it?",
        referenceResponse:
          "When there are many records and the answer is not needed at once, at half the price.",
        category: "batch",
      },
    ],
  },
  guide.lang,
);
const evaluationName = `${JOB_NAME_PREFIX}judge-${Date.now().toString(36)}`;
const evaluationOutput = s3Uri(place, "output/evaluations/");
const evaluationArn = await startEvaluation({
  jobName: evaluationName,
  tag: CHAPTER_TAG,
  roleArn: place.evaluationRoleArn,
  dataSetUri: await uploadJsonl(place, "judge.jsonl", judgeCases, s3Client),
  outputUri: evaluationOutput,
  modelId: models.nova.modelId,
  judgeId: models.judge.modelId,
  maxTokens: 300,
});
console.log(await waitForEvaluation(evaluationArn, polling));
const judged = await readEvaluation(
  { outputUri: evaluationOutput, jobName: evaluationName },
  s3Client,
);
// Chapter 3's judge on the same answers, with the reference as its criterion.
show.table(
  await Promise.all(
    judgeCases.map(async (c) => {
      const found = judged.find((j) => j.prompt === c.prompt)!;
      const [verdict] = (
        await checkAnswer(found.response, [
          checks.judgedBy({
            task: c.prompt,
            criterion: say(
              {
                es: `Dice lo mismo que esta respuesta de referencia: ${c.referenceResponse}`,
                en: `Says the same as this reference answer: ${c.referenceResponse}`,
              },
              guide.lang,
            ),
          }),
        ])
      ).results;
      return {
        category: c.category,
        Correctness: found.scores["Builtin.Correctness"],
        Completeness: found.scores["Builtin.Completeness"],
        Relevance: found.scores["Builtin.Relevance"],
        [say(
          { es: "juez del capítulo 3", en: "chapter 3's judge" },
          guide.lang,
        )]: verdict.passed ? "✓" : "✗",
      };
    }),
  ),
);
// #endregion evaluation

// #region clean-up
const cleanUp = () =>
  cleanUpChapter({
    namePrefix: JOB_NAME_PREFIX,
    bucket: place.bucket,
    prefix: place.prefix,
    deleteBucket: place.ownBucket,
    s3: s3Client,
  });
// Run twice: the second run finds nothing left to do.
const runs = [await cleanUp(), await cleanUp()];
show.table(
  runs.map((r, i) => ({
    [say({ es: "vez", en: "run" }, guide.lang)]: i + 1,
    [say({ es: "trabajos detenidos", en: "jobs stopped" }, guide.lang)]:
      r.stoppedJobs.length,
    [say(
      { es: "evaluaciones borradas", en: "evaluations deleted" },
      guide.lang,
    )]: r.deletedEvaluations.length,
    [say({ es: "objetos borrados", en: "objects deleted" }, guide.lang)]:
      r.deletedObjects,
    [say({ es: "bucket borrado", en: "bucket deleted" }, guide.lang)]:
      r.deletedBucket,
  })),
);
// #endregion clean-up

// #region errors
import { explainError, formatAdvice } from "bedrock-guide";

// Nova Lite is one of the models whose minimum AWS's table gives: 100 records per job.
const novaLite = await modelIdFor("amazon.nova-lite-v1:0");
try {
  checkRecordCount(40, novaLite);
} catch (error) {
  console.log((error as Error).name);
  console.log(
    formatAdvice(
      explainError(error, { modelId: novaLite, lang: guide.lang }),
    ),
  );
}
// #endregion errors

// #region cost
guide.meter.report();
// #endregion cost
