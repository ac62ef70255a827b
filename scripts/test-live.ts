// `npm run test:live`: one real call per chapter against your own AWS account, on the cheapest
// current model your region can call, with the smallest maxTokens. Before any call it computes an
// upper bound of the cost and refuses to start if that bound is over the budget (default 0.05 USD).
// After the calls it prints what they actually cost. It runs only when you opt in and credentials
// exist; otherwise it exits 0 and says why it skipped. It is never part of `npm test`.
//
//   BEDROCK_GUIDE_LIVE_TESTS=1 AWS_PROFILE=me AWS_REGION=eu-west-1 npm run test:live
//   npm run test:live -- --yes --budget 0.02 --region eu-west-1
//   npm run test:live -- --dry-run          # the plan and its upper bound, no AWS call at all
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { BedrockClient, ListFoundationModelsCommand } from "@aws-sdk/client-bedrock";
import {
  BedrockAgentClient,
  CreatePromptCommand,
  CreatePromptVersionCommand,
  DeletePromptCommand,
} from "@aws-sdk/client-bedrock-agent";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import {
  chooseModelFor,
  formatUsd,
  modelFacts,
  ModelNotCallableHere,
  priceOf,
  readerLanguage,
  say,
  startGuide,
  type Language,
} from "bedrock-guide";

export const DEFAULT_BUDGET_USD = 0.05;
/** The smallest answer a model can give: one token is enough to prove the call works. */
export const MAX_TOKENS = 1;
/**
 * Tokens a request costs beyond its text: role markers and the chat template. Generous on purpose:
 * the bound must never be below what AWS bills.
 */
export const TEMPLATE_OVERHEAD_TOKENS = 200;

/** One chapter's live call. `text` is everything the model reads (system prompt + message). */
export interface LiveCall {
  chapter: string;
  what: string;
  /** Model calls cost tokens; control-plane calls (listing, creating a prompt) are free. */
  modelCall: boolean;
  text: string;
}

export const LIVE_CALLS: LiveCall[] = [
  { chapter: "00-before-you-start", what: "ListFoundationModels", modelCall: false, text: "" },
  { chapter: "01-foundation-models", what: "Converse", modelCall: true, text: "Say hello in one word." },
  { chapter: "02-designing-prompts", what: "Converse with a system prompt", modelCall: true, text: "You answer in Spanish.\nName one colour." },
  { chapter: "04-managing-prompts", what: "CreatePrompt, CreatePromptVersion, Converse on the version, DeletePrompt", modelCall: true, text: "Translate into English: {{phrase}}\nhola" },
];

/**
 * An upper bound of the input tokens of a text: byte-level tokenizers never make a token out of
 * less than one byte, so a text has at most as many tokens as UTF-8 bytes, plus the template.
 */
export function inputTokenBound(text: string): number {
  return Buffer.byteLength(text, "utf8") + TEMPLATE_OVERHEAD_TOKENS;
}

/**
 * The most one call can cost on `model`, in USD. Prices per 1M tokens; where a model has a global
 * and a regional rate the dearer one is used, since the route is not known yet. Undefined when the
 * price table has no price: such a model is never assumed to be free.
 */
export function callUpperBoundUsd(model: string, call: LiveCall, maxTokens = MAX_TOKENS): number | undefined {
  if (!call.modelCall) return 0;
  const rates = [priceOf(`global.${model}`), priceOf(`us.${model}`), priceOf(model)].filter((p) => p !== undefined);
  if (!rates.length) return undefined;
  const input = Math.max(...rates.map((p) => p.inputPerMillion));
  const output = Math.max(...rates.map((p) => p.outputPerMillion));
  return (inputTokenBound(call.text) * input + maxTokens * output) / 1e6;
}

export function planUpperBoundUsd(model: string, calls: LiveCall[] = LIVE_CALLS, maxTokens = MAX_TOKENS): number | undefined {
  let total = 0;
  for (const call of calls) {
    const bound = callUpperBoundUsd(model, call, maxTokens);
    if (bound === undefined) return undefined;
    total += bound;
  }
  return total;
}

/**
 * Current text models that take Converse, cheapest first by the plan's upper bound. Only ACTIVE
 * models before their legacy date: Legacy models in public extended access cost more.
 */
export function cheapestModels(now: Date = new Date()): Array<{ model: string; upperBoundUsd: number }> {
  const { text } = readPriceTable();
  return text
    .flatMap((entry) => entry.models)
    .filter((id) => {
      const facts = modelFacts(id);
      if (!facts || facts.modelLifecycle.status !== "ACTIVE") return false;
      if (facts.modelLifecycle.legacyTime && new Date(facts.modelLifecycle.legacyTime) <= now) return false;
      return facts.outputModalities.includes("TEXT") && facts.inputModalities.includes("TEXT") && facts.apis?.converse === true;
    })
    .map((model) => ({ model, upperBoundUsd: planUpperBoundUsd(model)! }))
    .filter((c) => c.upperBoundUsd !== undefined && c.upperBoundUsd > 0)
    .sort((a, b) => a.upperBoundUsd - b.upperBoundUsd || a.model.localeCompare(b.model));
}

function readPriceTable(): { text: Array<{ models: string[] }> } {
  // The file priceOf answers from: its entries are the models the guide can price.
  return JSON.parse(readFileSync(join(__dirname, "..", "data", "prices.json"), "utf8")) as { text: Array<{ models: string[] }> };
}

export type Decision = { run: true } | { run: false; reason: string };

/** Runs only when the reader opts in, credentials exist and the upper bound fits the budget. */
export function decide(input: { optedIn: boolean; hasCredentials: boolean; credentialProblem?: string; upperBoundUsd: number | undefined; budgetUsd: number; lang: Language }): Decision {
  const { lang } = input;
  if (!input.optedIn)
    return { run: false, reason: say({ es: "no has dado permiso: añade --yes o exporta BEDROCK_GUIDE_LIVE_TESTS=1. Estas pruebas llaman a AWS y cuestan dinero.", en: "you did not opt in: add --yes or export BEDROCK_GUIDE_LIVE_TESTS=1. These tests call AWS and cost money." }, lang) };
  if (!input.hasCredentials)
    return { run: false, reason: say({ es: `no hay credenciales de AWS (${input.credentialProblem ?? "la cadena del SDK no dio ninguna"}).`, en: `there are no AWS credentials (${input.credentialProblem ?? "the SDK's chain found none"}).` }, lang) };
  if (!Number.isFinite(input.budgetUsd) || input.budgetUsd <= 0)
    return { run: false, reason: say({ es: `el presupuesto debe ser un número positivo de dólares, no ${input.budgetUsd}.`, en: `the budget must be a positive number of dollars, not ${input.budgetUsd}.` }, lang) };
  if (input.upperBoundUsd === undefined)
    return { run: false, reason: say({ es: "ningún modelo candidato tiene precio conocido en data/prices.json, así que no se puede acotar el gasto.", en: "no candidate model has a known price in data/prices.json, so the spending cannot be bounded." }, lang) };
  if (input.upperBoundUsd > input.budgetUsd)
    return { run: false, reason: say({ es: `el gasto máximo posible (${formatUsd(input.upperBoundUsd)}) supera el presupuesto (${formatUsd(input.budgetUsd)}). Sube --budget si quieres ejecutarlas.`, en: `the most these calls can cost (${formatUsd(input.upperBoundUsd)}) is over the budget (${formatUsd(input.budgetUsd)}). Raise --budget to run them.` }, lang) };
  return { run: true };
}

/** Resolves the SDK's credential chain without printing anything from it. */
async function credentialsAvailable(timeoutMs = 10_000): Promise<{ ok: boolean; problem?: string }> {
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs).unref());
  try {
    await Promise.race([fromNodeProviderChain()(), timer]);
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: (error as Error).name === "CredentialsProviderError" ? "CredentialsProviderError" : (error as Error).message.split("\n")[0] };
  }
}

export interface LiveResult {
  chapter: string;
  what: string;
  ok: boolean;
  detail: string;
}

/**
 * Makes the calls through the guide's live session, so the cost meter prices each one and stops at
 * the budget. `model` is a foundation model; the region's profile or ID is chosen live.
 */
export async function runLiveCalls(model: string, region: string): Promise<LiveResult[]> {
  const choice = await chooseModelFor(model, region);
  const modelId = choice.modelId;
  const results: LiveResult[] = [];
  const step = async (call: LiveCall, run: () => Promise<string>) => {
    try {
      results.push({ chapter: call.chapter, what: call.what, ok: true, detail: await run() });
    } catch (error) {
      results.push({ chapter: call.chapter, what: call.what, ok: false, detail: (error as Error).message.split("\n").slice(0, 4).join(" ") });
    }
  };
  const [ch0, ch1, ch2, ch3] = LIVE_CALLS as [LiveCall, LiveCall, LiveCall, LiveCall];
  const bedrock = new BedrockClient({ region });
  const runtime = new BedrockRuntimeClient({ region });
  const agent = new BedrockAgentClient({ region });
  const converse = async (system: string | undefined, text: string) => {
    const reply = await runtime.send(
      new ConverseCommand({
        modelId,
        ...(system ? { system: [{ text: system }] } : {}),
        messages: [{ role: "user", content: [{ text }] }],
        inferenceConfig: { maxTokens: MAX_TOKENS },
      }),
    );
    return `${modelId}: stopReason ${reply.stopReason}, ${reply.usage?.inputTokens ?? "?"} in / ${reply.usage?.outputTokens ?? "?"} out`;
  };
  try {
    await step(ch0, async () => {
      const { modelSummaries = [] } = await bedrock.send(new ListFoundationModelsCommand({}));
      return `${modelSummaries.length} models in ${region}`;
    });
    await step(ch1, () => converse(undefined, ch1.text));
    const [system, question] = ch2.text.split("\n") as [string, string];
    await step(ch2, () => converse(system, question));
    await step(ch3, async () => {
      const [template, phrase] = ch3.text.split("\n") as [string, string];
      const created = await agent.send(
        new CreatePromptCommand({
          name: `bedrock-guide-live-test-${Date.now()}`,
          description: "Created and deleted by npm run test:live",
          defaultVariant: "main",
          variants: [
            {
              name: "main",
              templateType: "TEXT",
              templateConfiguration: { text: { text: template, inputVariables: [{ name: "phrase" }] } },
              modelId,
              inferenceConfiguration: { text: { maxTokens: MAX_TOKENS } },
            },
          ],
          tags: { project: "bedrock-guide", purpose: "live-test" },
        }),
      );
      try {
        const version = await agent.send(new CreatePromptVersionCommand({ promptIdentifier: created.id! }));
        const reply = await runtime.send(new ConverseCommand({ modelId: version.arn!, promptVariables: { phrase: { text: phrase } } }));
        return `prompt version ${version.version}: stopReason ${reply.stopReason}`;
      } finally {
        await agent.send(new DeletePromptCommand({ promptIdentifier: created.id! }));
      }
    });
  } finally {
    bedrock.destroy();
    runtime.destroy();
    agent.destroy();
  }
  return results;
}

/** The first of the cheapest models that the region can call. */
async function pickModel(region: string, lang: Language): Promise<{ model: string; upperBoundUsd: number } | undefined> {
  for (const candidate of cheapestModels()) {
    try {
      await chooseModelFor(candidate.model, region, lang);
      return candidate;
    } catch (error) {
      if (!(error instanceof ModelNotCallableHere)) throw error;
    }
  }
  return undefined;
}

function budgetFrom(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  const raw = flag ?? env.BEDROCK_GUIDE_LIVE_TEST_BUDGET_USD;
  return raw === undefined ? DEFAULT_BUDGET_USD : Number(raw);
}

const HELP = `npm run test:live -- [--yes] [--budget USD] [--region REGION] [--lang es|en] [--dry-run]

One real Bedrock call per chapter on the cheapest current model, maxTokens ${MAX_TOKENS}.
  --yes          opt in (or BEDROCK_GUIDE_LIVE_TESTS=1); without it nothing is called
  --budget USD   refuse to start if the upper bound of the cost is over this (default ${DEFAULT_BUDGET_USD};
                 or BEDROCK_GUIDE_LIVE_TEST_BUDGET_USD)
  --region       default: AWS_REGION or your profile's region
  --dry-run      print the plan and its upper bound from the guide's data; call nothing`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      yes: { type: "boolean", default: false },
      budget: { type: "string" },
      region: { type: "string" },
      lang: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const lang: Language = values.lang === "en" || values.lang === "es" ? values.lang : readerLanguage();
  const budgetUsd = budgetFrom(values.budget, process.env);
  const cheapest = cheapestModels()[0];
  const skip = (reason: string) => {
    console.log(say({ es: `test:live omitido: ${reason}`, en: `test:live skipped: ${reason}` }, lang));
    return 0;
  };

  if (values["dry-run"]) {
    console.log(say({ es: "Plan (sin llamar a AWS):", en: "Plan (no AWS call):" }, lang));
    for (const call of LIVE_CALLS) console.log(`  ${call.chapter}: ${call.what}${call.modelCall ? ` (maxTokens ${MAX_TOKENS})` : ""}`);
    for (const c of cheapestModels().slice(0, 5)) console.log(`  ${c.model}: ≤ ${formatUsd(c.upperBoundUsd)}`);
    console.log(say({ es: `Presupuesto: ${formatUsd(budgetUsd)}.`, en: `Budget: ${formatUsd(budgetUsd)}.` }, lang));
    return 0;
  }

  const optedIn = values.yes || process.env.BEDROCK_GUIDE_LIVE_TESTS === "1";
  // Credentials are looked at only after the opt-in: without it, nothing touches AWS's chain.
  const credentials = optedIn ? await credentialsAvailable() : { ok: false };
  const first = decide({ optedIn, hasCredentials: credentials.ok, credentialProblem: credentials.problem, upperBoundUsd: cheapest?.upperBoundUsd, budgetUsd, lang });
  if (!first.run) return skip(first.reason);

  process.env.BEDROCK_GUIDE_MODE = "live";
  const guide = await startGuide({ mode: "live", budgetUsd, lang, region: values.region, quiet: true });
  const picked = await pickModel(guide.region, lang);
  if (!picked) return skip(say({ es: `ningún modelo barato con precio conocido se puede invocar desde ${guide.region}.`, en: `no cheap model with a known price can be called from ${guide.region}.` }, lang));
  const decision = decide({ optedIn, hasCredentials: true, upperBoundUsd: picked.upperBoundUsd, budgetUsd, lang });
  if (!decision.run) return skip(decision.reason);

  console.log(
    say(
      { es: `Región ${guide.region}, modelo ${picked.model}. Gasto máximo posible: ${formatUsd(picked.upperBoundUsd)} (presupuesto ${formatUsd(budgetUsd)}).`, en: `Region ${guide.region}, model ${picked.model}. Most it can cost: ${formatUsd(picked.upperBoundUsd)} (budget ${formatUsd(budgetUsd)}).` },
      lang,
    ),
  );
  const results = await runLiveCalls(picked.model, guide.region);
  for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.chapter}  ${r.what}: ${r.detail}`);
  console.log(guide.meter.summary());
  await guide.stop();
  return results.every((r) => r.ok) ? 0 : 1;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === __filename;
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
