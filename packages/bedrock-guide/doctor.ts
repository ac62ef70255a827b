import { environment, host } from "./host";
import {
  BedrockClient,
  ListFoundationModelsCommand,
} from "@aws-sdk/client-bedrock";
import { catalogCovers } from "bedrock-emulator";
import { emulatorRequestHandler } from "bedrock-emulator/sdk-handler";
import {
  credentialSource,
  maskAccount,
  stsCallerIdentity,
  type CallerIdentity,
} from "./caller-identity";
import {
  checkBedrockAnswers,
  checkModels,
  checkUseCase,
} from "./doctor-account";
import {
  errorName,
  finish,
  formatDoctorReport,
  type Add,
  type CheckStatus,
  type DoctorCheck,
  type DoctorReport,
} from "./doctor-report";
import { explainError, formatAdvice } from "./error-advice";
import { assertLiveModeCanRun, LiveModeNeedsNode } from "./live-mode";
import {
  readerLanguage,
  say,
  type Bilingual,
  type Language,
} from "./language";
import { sdkRegion } from "./model-for-region";
import { regionNotCoveredNote } from "./regions";

// `npm run doctor`, and the first cell in live mode: checks what a reader needs before the first
// call (tools, credentials, identity, region, the guide's default models) and prints each problem
// with its fix in the reader's language. It never prints a secret, and masks the account number.

/** The foundation models chapters 1–3 call by default. */
export const GUIDE_DEFAULT_MODELS = [
  "anthropic.claude-haiku-4-5-20251001-v1:0",
  "amazon.nova-2-lite-v1:0",
  "mistral.ministral-3-8b-instruct",
  "openai.gpt-oss-20b-1:0",
];

export interface DoctorOptions {
  /** Default: BEDROCK_GUIDE_MODE, else offline. */
  mode?: "offline" | "live";
  /** Default: the SDK's own region (AWS_REGION, then the profile). */
  region?: string;
  lang?: Language;
  models?: string[];
  /**
   * Checks of the machine the doctor runs on, run first. `npm run doctor` passes Node's, Jupyter's
   * and the kernel's (terminalChecks in doctor-terminal.ts, which only a terminal needs); the first
   * cell and a page have none: they already run in the kernel or the browser.
   */
  machineChecks?: (add: Add) => Promise<void>;
  /** Who the credentials belong to. Default: STS GetCallerIdentity. */
  callerIdentity?: (region: string) => Promise<CallerIdentity>;
  /** The Bedrock control-plane client for a region (tests add middleware to it). */
  bedrockClient?: (region: string) => BedrockClient;
}

export async function runDoctor(
  options: DoctorOptions = {},
): Promise<DoctorReport> {
  const lang = options.lang ?? readerLanguage();
  const mode =
    options.mode ??
    (environment().BEDROCK_GUIDE_MODE?.toLowerCase() === "live"
      ? "live"
      : "offline");
  if (mode === "live") assertLiveModeCanRun(lang);
  const checks: DoctorCheck[] = [];
  const add = (
    id: string,
    status: CheckStatus,
    summary: Bilingual,
    fix?: Bilingual,
  ) =>
    checks.push({
      id,
      status,
      summary: say(summary, lang),
      ...(fix ? { fix: say(fix, lang) } : {}),
    });

  await options.machineChecks?.(add);

  if (mode === "offline") {
    const region =
      options.region ?? environment().AWS_REGION ?? "us-east-1";
    await checkOffline(region, add, lang);
    return finish(checks, mode, region);
  }

  // Live: credentials first; without them nothing else can be asked.
  const source = credentialSource();
  const chain = host().credentialChain;
  if (!chain) throw new LiveModeNeedsNode(lang);
  try {
    await withTimeout(chain(), 15_000, "credentials");
    add("credentials", "ok", {
      es: `Credenciales: ${source.es}`,
      en: `Credentials: ${source.en}`,
    });
  } catch (error) {
    const advice = explainError(error, { lang });
    add(
      "credentials",
      "fail",
      {
        es: `Credenciales: ninguna (${source.es})`,
        en: `Credentials: none (${source.en})`,
      },
      { es: advice.fix, en: advice.fix },
    );
    return finish(checks, mode, undefined);
  }

  let region: string;
  try {
    region = options.region ?? (await sdkRegion());
  } catch {
    add(
      "region",
      "fail",
      { es: "Región: ninguna", en: "Region: none" },
      {
        es: "Exporta AWS_REGION (por ejemplo eu-west-1) o pon `region` en tu perfil de ~/.aws/config. En vivo la guía no elige una por ti.",
        en: "Export AWS_REGION (for example eu-west-1) or set `region` in your ~/.aws/config profile. Live, the guide does not pick one for you.",
      },
    );
    return finish(checks, mode, undefined);
  }

  const identity = options.callerIdentity ?? stsCallerIdentity;
  try {
    const who = await withTimeout(identity(region), 15_000, "STS");
    add("identity", "ok", {
      es: `Identidad: ${maskAccount(who.arn, who.account)} (cuenta ${maskAccount(who.account, who.account)})`,
      en: `Identity: ${maskAccount(who.arn, who.account)} (account ${maskAccount(who.account, who.account)})`,
    });
  } catch (error) {
    const advice = explainError(error, { lang, region });
    add(
      "identity",
      "fail",
      {
        es: `Identidad: STS rechazó las credenciales (${errorName(error)})`,
        en: `Identity: STS refused the credentials (${errorName(error)})`,
      },
      { es: advice.fix, en: advice.fix },
    );
    return finish(checks, mode, region);
  }

  const client =
    options.bedrockClient?.(region) ??
    new BedrockClient({ region, maxAttempts: 2 });
  try {
    if (!(await checkBedrockAnswers(client, region, add, lang)))
      return finish(checks, mode, region);
    await checkModels(
      client,
      region,
      options.models ?? GUIDE_DEFAULT_MODELS,
      add,
      lang,
    );
    await checkUseCase(
      client,
      options.models ?? GUIDE_DEFAULT_MODELS,
      add,
      lang,
    );
  } finally {
    client.destroy();
  }
  return finish(checks, mode, region);
}

async function checkOffline(
  region: string,
  add: Add,
  lang: Language,
): Promise<void> {
  // Node: the emulator on a port, as the notebooks use it. A page: one in the page, no socket.
  const server = await host().emulatorServer?.();
  const client = new BedrockClient({
    region,
    ...(server
      ? { endpoint: server.url }
      : { requestHandler: emulatorRequestHandler() }),
    credentials: {
      accessKeyId: "OFFLINEEMULATOR",
      secretAccessKey: "offline-emulator-not-a-secret",
    },
    maxAttempts: 1,
  });
  const where = server
    ? { es: `en ${server.url}`, en: `at ${server.url}` }
    : { es: "en esta página", en: "in this page" };
  try {
    if (!catalogCovers(region)) {
      add("emulator", "warn", regionNotCoveredNote(region), {
        es: `Para seguir sin conexión, exporta AWS_REGION con una de esas regiones (por ejemplo eu-west-1).`,
        en: `To work offline, export AWS_REGION as one of those regions (for example eu-west-1).`,
      });
      return;
    }
    const { modelSummaries = [] } = await client.send(
      new ListFoundationModelsCommand({}),
    );
    add("emulator", "ok", {
      es: `Modo sin conexión: el emulador responde ${where.es} (${modelSummaries.length} modelos en ${region}). No hacen falta credenciales ni se gasta nada.`,
      en: `Offline mode: the emulator answers ${where.en} (${modelSummaries.length} models in ${region}). No credentials needed, nothing spent.`,
    });
  } catch (error) {
    add(
      "emulator",
      "fail",
      {
        es: `El emulador no responde: ${errorName(error)}`,
        en: `The emulator does not answer: ${errorName(error)}`,
      },
      {
        es: formatAdvice(explainError(error, { lang: "es", region })),
        en: formatAdvice(explainError(error, { lang: "en", region })),
      },
    );
  } finally {
    client.destroy();
    await server?.close();
  }
  void lang;
}

/**
 * The setup cell's check: live, it runs the doctor's checks of the account (not the machine's: the cell
 * already runs in the kernel) and prints each problem with its fix. Offline it does nothing.
 */
export async function checkSetup(guide: {
  mode: "offline" | "live";
  region: string;
  lang: Language;
}): Promise<DoctorReport | undefined> {
  if (guide.mode !== "live") return undefined;
  const report = await runDoctor({
    mode: "live",
    region: guide.region,
    lang: guide.lang,
  });
  console.log(formatDoctorReport(report, guide.lang));
  return report;
}

function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no answer after ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() =>
    clearTimeout(timer),
  );
}
