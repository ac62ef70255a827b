import { execFile } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import {
  BedrockClient,
  GetFoundationModelAvailabilityCommand,
  GetUseCaseForModelAccessCommand,
  ListFoundationModelsCommand,
  type GetFoundationModelAvailabilityCommandOutput,
} from "@aws-sdk/client-bedrock";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { SignatureV4 } from "@smithy/signature-v4";
import { catalogCovers, knownRegions } from "bedrock-emulator";
import { explainError, formatAdvice } from "./error-advice";
import {
  readerLanguage,
  say,
  type Bilingual,
  type Language,
} from "./language";
import {
  chooseModelFor,
  forgetRegionListings,
  ModelNotCallableHere,
  sdkRegion,
} from "./model-for-region";
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

export type CheckStatus = "ok" | "warn" | "fail" | "skip";

export interface DoctorCheck {
  id: string;
  status: CheckStatus;
  /** What was checked and what was found, one line. */
  summary: string;
  /** How to fix it, when something is wrong. */
  fix?: string;
}

export interface DoctorReport {
  ok: boolean;
  mode: "offline" | "live";
  region?: string;
  checks: DoctorCheck[];
}

export interface CallerIdentity {
  account: string;
  arn: string;
}

export interface DoctorOptions {
  /** Default: BEDROCK_GUIDE_MODE, else offline. */
  mode?: "offline" | "live";
  /** Default: the SDK's own region (AWS_REGION, then the profile). */
  region?: string;
  lang?: Language;
  models?: string[];
  /** Check Jupyter and the kernel (default true; the first cell already runs in the kernel). */
  tooling?: boolean;
  /**
   * The Jupyter kernel to look for when checking tooling. `npm run doctor` passes this checkout's
   * (shared/kernel.mjs); without it only Jupyter itself is checked.
   */
  kernel?: { name: string; displayName: string };
  /** Who the credentials belong to. Default: STS GetCallerIdentity. */
  callerIdentity?: (region: string) => Promise<CallerIdentity>;
  /** The Bedrock control-plane client for a region (tests add middleware to it). */
  bedrockClient?: (region: string) => BedrockClient;
}

const MIN_NODE = [22, 12] as const;

export async function runDoctor(
  options: DoctorOptions = {},
): Promise<DoctorReport> {
  const lang = options.lang ?? readerLanguage();
  const mode =
    options.mode ??
    (process.env.BEDROCK_GUIDE_MODE?.toLowerCase() === "live"
      ? "live"
      : "offline");
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

  checkNode(add);
  if (options.tooling ?? true) await checkJupyter(add, options.kernel);

  if (mode === "offline") {
    const region = options.region ?? process.env.AWS_REGION ?? "us-east-1";
    await checkOffline(region, add, lang);
    return finish(checks, mode, region);
  }

  // Live: credentials first; without them nothing else can be asked.
  const source = credentialSource();
  try {
    await withTimeout(fromNodeProviderChain()(), 15_000, "credentials");
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

type Add = (
  id: string,
  status: CheckStatus,
  summary: Bilingual,
  fix?: Bilingual,
) => void;

function finish(
  checks: DoctorCheck[],
  mode: "offline" | "live",
  region: string | undefined,
): DoctorReport {
  return {
    ok: !checks.some((c) => c.status === "fail"),
    mode,
    region,
    checks,
  };
}

function checkNode(add: Add): void {
  const [major = 0, minor = 0] = process.versions.node
    .split(".")
    .map(Number);
  const ok =
    major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
  if (ok)
    add("node", "ok", {
      es: `Node ${process.versions.node}`,
      en: `Node ${process.versions.node}`,
    });
  else
    add(
      "node",
      "fail",
      {
        es: `Node ${process.versions.node}: la guía necesita ${MIN_NODE.join(".")} o posterior`,
        en: `Node ${process.versions.node}: the guide needs ${MIN_NODE.join(".")} or later`,
      },
      {
        es: "Ejecuta la guía con `npm run …`: usa el Node 22 que instala el propio proyecto.",
        en: "Run the guide through `npm run …`: it uses the Node 22 the project installs.",
      },
    );
}

/** Runs a command with a timeout; resolves with its stdout, or undefined if it failed. */
function run(
  command: string,
  args: string[],
  timeoutMs = 15_000,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, encoding: "utf8" },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

async function checkJupyter(
  add: Add,
  kernel: DoctorOptions["kernel"],
): Promise<void> {
  const version = await run("jupyter", ["--version"]);
  if (version === undefined) {
    add(
      "jupyter",
      "warn",
      {
        es: "Jupyter: no encontrado (el sitio funciona; los cuadernos no)",
        en: "Jupyter: not found (the site works; the notebooks do not)",
      },
      {
        es: "Instálalo con `pip install notebook nbclient` (o `sudo apt install jupyter-notebook python3-nbclient`).",
        en: "Install it with `pip install notebook nbclient` (or `sudo apt install jupyter-notebook python3-nbclient`).",
      },
    );
    return;
  }
  const line =
    /notebook\s*:\s*(\S+)/.exec(version)?.[1] ??
    version.split("\n")[0]?.trim();
  add("jupyter", "ok", {
    es: `Jupyter: notebook ${line}`,
    en: `Jupyter: notebook ${line}`,
  });
  if (!kernel) return;
  const specs = await run("jupyter", ["kernelspec", "list", "--json"]);
  const hasKernel =
    specs !== undefined &&
    kernel.name in
      ((JSON.parse(specs) as { kernelspecs?: Record<string, unknown> })
        .kernelspecs ?? {});
  if (hasKernel)
    add("kernel", "ok", {
      es: `Kernel «${kernel.displayName}» registrado`,
      en: `Kernel “${kernel.displayName}” registered`,
    });
  else
    add(
      "kernel",
      "warn",
      {
        es: `Kernel «${kernel.displayName}» no registrado`,
        en: `Kernel “${kernel.displayName}” not registered`,
      },
      {
        es: "Ejecuta `npm run kernel:install`.",
        en: "Run `npm run kernel:install`.",
      },
    );
}

async function checkOffline(
  region: string,
  add: Add,
  lang: Language,
): Promise<void> {
  const { startEmulator } = await import("bedrock-emulator/node");
  const emulator = await startEmulator();
  const client = new BedrockClient({
    region,
    endpoint: emulator.url,
    credentials: {
      accessKeyId: "OFFLINEEMULATOR",
      secretAccessKey: "offline-emulator-not-a-secret",
    },
    maxAttempts: 1,
  });
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
      es: `Modo sin conexión: el emulador responde en ${emulator.url} (${modelSummaries.length} modelos en ${region}). No hacen falta credenciales ni se gasta nada.`,
      en: `Offline mode: the emulator answers at ${emulator.url} (${modelSummaries.length} models in ${region}). No credentials needed, nothing spent.`,
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
    await emulator.close();
  }
  void lang;
}

async function checkBedrockAnswers(
  client: BedrockClient,
  region: string,
  add: Add,
  lang: Language,
): Promise<boolean> {
  try {
    const { modelSummaries = [] } = await client.send(
      new ListFoundationModelsCommand({ byOutputModality: "TEXT" }),
    );
    add("region", "ok", {
      es: `Región ${region}: Bedrock responde (${modelSummaries.length} modelos de texto)`,
      en: `Region ${region}: Bedrock answers (${modelSummaries.length} text models)`,
    });
    return true;
  } catch (error) {
    const advice = explainError(error, { lang, region });
    const wrongRegion = advice.problem === "region-without-bedrock";
    if (wrongRegion) {
      const known = knownRegions();
      add(
        "region",
        "fail",
        {
          es: `Región ${region}: Bedrock no responde aquí`,
          en: `Region ${region}: Bedrock does not answer here`,
        },
        {
          es: `Usa una región donde Bedrock ofrece modelos, por ejemplo ${
            known
              .filter((r) => r.startsWith("eu-"))
              .slice(0, 3)
              .join(", ") || known[0]
          }: exporta AWS_REGION. Lista completa: https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html`,
          en: `Use a region where Bedrock offers models, for example ${
            known
              .filter((r) => r.startsWith("eu-"))
              .slice(0, 3)
              .join(", ") || known[0]
          }: export AWS_REGION. Full list: https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html`,
        },
      );
    } else {
      add(
        "region",
        "fail",
        {
          es: `Región ${region}: ${advice.title}`,
          en: `Region ${region}: ${advice.title}`,
        },
        { es: advice.fix, en: advice.fix },
      );
    }
    return false;
  }
}

async function checkModels(
  client: BedrockClient,
  region: string,
  models: string[],
  add: Add,
  lang: Language,
): Promise<void> {
  forgetRegionListings();
  for (const model of models) {
    let route: string;
    try {
      const choice = await chooseModelFor(model, region, lang);
      route = choice.modelId;
    } catch (error) {
      if (error instanceof ModelNotCallableHere) {
        add(
          `model:${model}`,
          "warn",
          {
            es: `${model}: no se puede invocar desde ${region}`,
            en: `${model}: cannot be called from ${region}`,
          },
          {
            es: `Los capítulos lo explican y usan otro modelo; si lo quieres, elige una región de: ${error.offeredIn.join(", ") || "(ninguna en el catálogo)"}.`,
            en: `The chapters explain it and use another model; to use it, pick a region from: ${error.offeredIn.join(", ") || "(none in the catalog)"}.`,
          },
        );
        continue;
      }
      throw error;
    }
    let availability: GetFoundationModelAvailabilityCommandOutput;
    try {
      availability = await client.send(
        new GetFoundationModelAvailabilityCommand({ modelId: model }),
      );
    } catch (error) {
      const advice = explainError(error, { lang, region, modelId: model });
      const status: CheckStatus =
        advice.problem === "no-access" ? "warn" : "fail";
      add(
        `model:${model}`,
        status,
        {
          es: `${model}: no se pudo comprobar (${errorName(error)}): ${advice.title}`,
          en: `${model}: could not check (${errorName(error)}): ${advice.title}`,
        },
        { es: advice.fix, en: advice.fix },
      );
      continue;
    }
    const problems = availabilityProblems(availability);
    if (!problems.length) {
      add(`model:${model}`, "ok", {
        es: `${model}: acceso, acuerdo y derecho de uso en orden; se invoca como ${route}`,
        en: `${model}: access, agreement and entitlement in order; called as ${route}`,
      });
    } else {
      add(
        `model:${model}`,
        "fail",
        {
          es: `${model}: ${problems.map((p) => p.es).join("; ")}`,
          en: `${model}: ${problems.map((p) => p.en).join("; ")}`,
        },
        {
          es: "El acceso a los modelos sin servidor se activa solo en la primera llamada si tu identidad IAM tiene aws-marketplace:Subscribe, aws-marketplace:Unsubscribe y aws-marketplace:ViewSubscriptions, además de bedrock:InvokeModel. Pide esos permisos, abre el modelo en el catálogo de modelos de la consola de Bedrock y pruébalo en el área de pruebas (Playground); la suscripción tarda hasta 15 minutos.",
          en: "Access to serverless models turns on by itself at the first call if your IAM identity has aws-marketplace:Subscribe, aws-marketplace:Unsubscribe and aws-marketplace:ViewSubscriptions, besides bedrock:InvokeModel. Ask for those permissions, open the model in the Bedrock console's model catalog and try it in the Playground; the subscription takes up to 15 minutes.",
        },
      );
    }
  }
}

/** What GetFoundationModelAvailability says is missing, in words. */
export function availabilityProblems(
  a: Partial<GetFoundationModelAvailabilityCommandOutput>,
): Bilingual[] {
  const problems: Bilingual[] = [];
  if (a.regionAvailability === "NOT_AVAILABLE")
    problems.push({
      es: "no se ofrece en esta región",
      en: "not offered in this region",
    });
  if (a.authorizationStatus === "NOT_AUTHORIZED")
    problems.push({
      es: "tu identidad no tiene autorización (IAM o una política de la organización)",
      en: "your identity is not authorised (IAM or an organisation policy)",
    });
  if (
    a.agreementAvailability?.status &&
    a.agreementAvailability.status !== "AVAILABLE"
  )
    problems.push({
      es: `acuerdo del proveedor ${a.agreementAvailability.status}`,
      en: `provider agreement ${a.agreementAvailability.status}`,
    });
  if (a.entitlementAvailability === "NOT_AVAILABLE")
    problems.push({
      es: "la cuenta no tiene derecho de uso (suscripción)",
      en: "the account has no entitlement (subscription)",
    });
  return problems;
}

/** Anthropic models need the account's use-case details once (GetUseCaseForModelAccess). */
async function checkUseCase(
  client: BedrockClient,
  models: string[],
  add: Add,
  lang: Language,
): Promise<void> {
  if (!models.some((m) => m.startsWith("anthropic."))) return;
  try {
    await client.send(new GetUseCaseForModelAccessCommand({}));
    add("anthropic-use-case", "ok", {
      es: "Modelos de Anthropic: los datos del caso de uso de la cuenta ya se enviaron",
      en: "Anthropic models: the account's use-case details were submitted",
    });
  } catch (error) {
    if ((error as Error).name === "ResourceNotFoundException") {
      const advice = explainError(
        Object.assign(new Error(USE_CASE_MISSING_MESSAGE), {
          name: "ResourceNotFoundException",
        }),
        { lang },
      );
      add(
        "anthropic-use-case",
        "fail",
        {
          es: `Modelos de Anthropic: ${advice.title.toLowerCase()}`,
          en: `Anthropic models: ${advice.title.toLowerCase()}`,
        },
        { es: advice.fix, en: advice.fix },
      );
    } else {
      add(
        "anthropic-use-case",
        "warn",
        {
          es: `Modelos de Anthropic: no se pudo consultar el caso de uso (${errorName(error)})`,
          en: `Anthropic models: could not read the use case (${errorName(error)})`,
        },
        {
          es: "Permite bedrock:GetUseCaseForModelAccess a tu identidad para comprobarlo, o prueba un modelo de Anthropic en el Playground de la consola.",
          en: "Allow bedrock:GetUseCaseForModelAccess for your identity to check it, or try an Anthropic model in the console's Playground.",
        },
      );
    }
  }
}

/** What Bedrock answers a new account's first Claude call (reported verbatim in public issues). */
export const USE_CASE_MISSING_MESSAGE =
  "Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model.";

/**
 * The setup cell's check: live, it runs the doctor's checks (not Jupyter's: the cell already runs in
 * the kernel) and prints each problem with its fix. Offline it does nothing.
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
    tooling: false,
  });
  console.log(formatDoctorReport(report, guide.lang));
  return report;
}

/** The report as text: one line per check, with its fix under it. */
export function formatDoctorReport(
  report: DoctorReport,
  lang: Language,
): string {
  const mark: Record<CheckStatus, string> = {
    ok: "✔",
    warn: "!",
    fail: "✘",
    skip: "·",
  };
  const lines = report.checks.flatMap((c) => [
    `${mark[c.status]} ${c.summary}`,
    ...(c.fix ? [`    → ${c.fix}`] : []),
  ]);
  const failed = report.checks.filter((c) => c.status === "fail").length;
  lines.push(
    report.ok
      ? say({ es: "Todo listo.", en: "All set." }, lang)
      : say(
          {
            es: `${failed} problema(s) que arreglar antes de seguir en vivo.`,
            en: `${failed} problem(s) to fix before going on live.`,
          },
          lang,
        ),
  );
  return lines.join("\n");
}

/** Where the credentials will come from, named without reading a secret. */
export function credentialSource(
  env: NodeJS.ProcessEnv = process.env,
): Bilingual {
  if (env.AWS_ACCESS_KEY_ID)
    return env.AWS_SESSION_TOKEN
      ? {
          es: "variables de entorno (credenciales temporales)",
          en: "environment variables (temporary credentials)",
        }
      : {
          es: "variables de entorno (claves de larga duración: mejor SSO o un rol)",
          en: "environment variables (long-term keys: SSO or a role is safer)",
        };
  if (env.AWS_PROFILE)
    return {
      es: `perfil ${env.AWS_PROFILE} de ~/.aws`,
      en: `profile ${env.AWS_PROFILE} from ~/.aws`,
    };
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE)
    return {
      es: "identidad web (rol asumido con un token OIDC)",
      en: "web identity (a role assumed with an OIDC token)",
    };
  if (
    env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ||
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI
  )
    return { es: "rol del contenedor", en: "the container's role" };
  return {
    es: "cadena estándar del SDK (perfil default, SSO o rol de la máquina)",
    en: "the SDK's standard chain (default profile, SSO or the machine's role)",
  };
}

/** Shows only the last four digits of the account number wherever it appears. */
export function maskAccount(text: string, account: string): string {
  if (!/^\d{12}$/.test(account)) return text;
  return text.split(account).join(`********${account.slice(-4)}`);
}

function errorName(error: unknown): string {
  return (error as Error)?.name || "Error";
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

/** Node's SHA-256 in the shape the SigV4 signer expects. */
class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash =
      secret === undefined
        ? createHash("sha256")
        : createHmac("sha256", toBuffer(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data))
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/**
 * STS GetCallerIdentity (Query protocol, signed with SigV4). The guide's dependencies have no STS
 * client, and this one call needs nothing else. It answers for any valid credentials, no IAM
 * permission needed (AWS STS API reference).
 */
export async function stsCallerIdentity(
  region: string,
): Promise<CallerIdentity> {
  const endpoint = new URL(
    process.env.AWS_ENDPOINT_URL_STS ??
      process.env.AWS_ENDPOINT_URL ??
      `https://sts.${region}.amazonaws.com`,
  );
  const body = "Action=GetCallerIdentity&Version=2011-06-15";
  const signer = new SignatureV4({
    credentials: fromNodeProviderChain(),
    region,
    service: "sts",
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: "POST",
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    path: endpoint.pathname || "/",
    headers: {
      host: endpoint.host,
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
    },
    body,
  });
  const response = await fetch(endpoint, {
    method: "POST",
    headers: signed.headers,
    body,
    signal: AbortSignal.timeout(15_000),
  });
  return parseCallerIdentity(await response.text());
}

/** Reads GetCallerIdentityResponse XML; an ErrorResponse becomes an error named by its Code. */
export function parseCallerIdentity(xml: string): CallerIdentity {
  const field = (name: string) =>
    new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
  const account = field("Account");
  const arn = field("Arn");
  if (account && arn) return { account, arn };
  const error = new Error(
    field("Message") ?? "STS GetCallerIdentity failed",
  );
  error.name = field("Code") ?? "UnknownError";
  throw error;
}
