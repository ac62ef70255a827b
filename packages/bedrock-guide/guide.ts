import { catalogCovers } from "bedrock-emulator";
import {
  environment,
  host,
  type OfflineEmulator,
  type SimulatedFault,
} from "./host";

export type { SimulatedFault };
import { startPageEmulator } from "./page-emulator";
import { CostMeter } from "./cost-meter";
import { instrumentClients } from "./instrument";
import { assertLiveModeCanRun } from "./live-mode";
import { sdkRegion } from "./model-for-region";
import { regionNotCoveredNote } from "./regions";
import {
  readerLanguage,
  say,
  setSessionLanguage,
  type Language,
} from "./language";

export type Mode = "offline" | "live";

export interface GuideOptions {
  /** Default: BEDROCK_GUIDE_MODE, else "offline". Live is always an explicit choice. */
  mode?: Mode;
  /** Offline default: AWS_REGION, else us-east-1. Live: the SDK's own region chain. */
  region?: string;
  lang?: Language;
  /** Live spending limit in USD. Default: BEDROCK_GUIDE_BUDGET_USD, else 1. */
  budgetUsd?: number;
  /** Print nothing (tests). */
  quiet?: boolean;
}

export interface Guide {
  mode: Mode;
  region: string;
  /** Things the reader should know before the first call, printed first (e.g. an uncovered region). */
  notes: string[];
  /** Where the SDK sends requests: the emulator offline, AWS's regional endpoint live. */
  endpoint: string;
  lang: Language;
  meter: CostMeter;
  /**
   * Offline only: the emulator answers matching calls with a fault (throttling, no access, extra
   * latency) so you can watch retries and error advice work. Live it does nothing and returns false.
   */
  simulate(fault: SimulatedFault): boolean;
  /** Stops the emulator (offline) and puts the environment back as it was. In a page, clients it routed then fail with GuideSessionStopped. */
  stop(): Promise<void>;
}

// Notebook cells can be run again, so the guide keeps one session per process. A session sets
// process.env and patches the SDK's shared prototypes, so it is held on globalThis: a second copy
// of this module (the kit beside its source, a runner that reloads modules) sees the same one.
const SESSION = Symbol.for("bedrock-guide.guide");
const slot = globalThis as { [SESSION]?: { guide: Guide; key: string } };

/** After stop(), SDK clients no longer report to this session's meter or advise in its language. */
function endSession(): void {
  delete slot[SESSION];
  instrumentClients(undefined);
  setSessionLanguage(undefined);
}

/** Stops the running session, if there is one: what `guide.stop()` does, without holding the guide. */
export async function stopGuide(): Promise<void> {
  await slot[SESSION]?.guide.stop();
}

/**
 * Prepares a session of the guide. Offline (the default) it starts the Bedrock emulator and points
 * the AWS SDK at it, so plain SDK code like `new BedrockRuntimeClient({})` works unchanged: in Node
 * an emulator on a port, through the SDK's own settings (AWS_ENDPOINT_URL, region, dummy keys); in
 * a page the emulator's core in the page, which each plain client reaches on its first send. Live
 * (BEDROCK_GUIDE_MODE=live) it uses your normal AWS credential chain and a spending budget.
 */
export async function startGuide(
  options: GuideOptions = {},
): Promise<Guide> {
  const env = environment();
  const lang = options.lang ?? readerLanguage();
  const mode = options.mode ?? modeFromEnvironment();
  if (mode === "live") assertLiveModeCanRun(lang);
  const key = JSON.stringify({ ...options, lang, mode });
  const running = slot[SESSION];
  if (running?.key === key) {
    if (!options.quiet) printBanner(running.guide);
    return running.guide;
  }
  if (running) await running.guide.stop();

  const budgetUsd =
    options.budgetUsd ?? Number(env.BEDROCK_GUIDE_BUDGET_USD ?? 1);
  const meter = new CostMeter({
    live: mode === "live",
    budgetUsd,
    lang,
    allowExtendedAccess: env.BEDROCK_GUIDE_ALLOW_EXTENDED_ACCESS === "1",
  });

  let guide: Guide;
  // Offline: the emulator, and (in a page) how plain clients reach it.
  let emulator: OfflineEmulator | undefined;
  if (mode === "offline") {
    const region = options.region ?? env.AWS_REGION ?? "us-east-1";
    const offline = await (host().startOffline ?? startPageEmulator)({
      region,
      lang,
    });
    emulator = offline;
    guide = {
      mode,
      region,
      notes: catalogCovers(region)
        ? []
        : [say(regionNotCoveredNote(region), lang)],
      endpoint: offline.endpoint,
      lang,
      meter,
      simulate(fault) {
        offline.faults.add(fault);
        return true;
      },
      async stop() {
        await offline.stop();
        if (slot[SESSION]?.guide === guide) endSession();
      },
    };
  } else {
    const region = options.region ?? (await liveRegion(lang));
    guide = {
      mode,
      region,
      notes: [],
      endpoint:
        env.AWS_ENDPOINT_URL ??
        `https://bedrock-runtime.${region}.amazonaws.com`,
      lang,
      meter,
      simulate: () => false,
      async stop() {
        if (slot[SESSION]?.guide === guide) endSession();
      },
    };
  }
  instrumentClients({ meter, lang, route: emulator?.route });
  setSessionLanguage(lang);
  slot[SESSION] = { guide, key };
  if (!options.quiet) printBanner(guide);
  return guide;
}

function modeFromEnvironment(): Mode {
  const env = environment();
  const value = (env.BEDROCK_GUIDE_MODE ?? "offline").toLowerCase();
  if (value === "live" || value === "offline") return value;
  throw new Error(
    `BEDROCK_GUIDE_MODE must be "offline" or "live", not "${env.BEDROCK_GUIDE_MODE}".`,
  );
}

/** The region the SDK itself would use (AWS_REGION, then the profile's config). */
async function liveRegion(lang: Language): Promise<string> {
  try {
    return await sdkRegion();
  } catch {
    throw new Error(
      say(
        {
          es: "Modo en vivo sin región: exporta AWS_REGION (por ejemplo us-east-1) o configura la región de tu perfil.",
          en: "Live mode without a region: export AWS_REGION (for example us-east-1) or set your profile's region.",
        },
        lang,
      ),
    );
  }
}

/** Where credentials will come from, named without ever reading a secret. */
function credentialSource(guide: Guide): string {
  const env = environment();
  if (guide.mode === "offline")
    return say(
      {
        es: "claves ficticias del emulador",
        en: "the emulator's dummy keys",
      },
      guide.lang,
    );
  if (env.AWS_ACCESS_KEY_ID)
    return say(
      { es: "variables de entorno", en: "environment variables" },
      guide.lang,
    );
  if (env.AWS_PROFILE)
    return say(
      {
        es: `perfil ${env.AWS_PROFILE}`,
        en: `profile ${env.AWS_PROFILE}`,
      },
      guide.lang,
    );
  return say(
    {
      es: "cadena estándar del SDK (perfil default, SSO o rol)",
      en: "the SDK's standard chain (default profile, SSO or role)",
    },
    guide.lang,
  );
}

export function describeSession(guide: Guide): string[] {
  const mode =
    guide.mode === "offline"
      ? say(
          {
            es: "sin conexión (emulador local, gratis)",
            en: "offline (local emulator, free)",
          },
          guide.lang,
        )
      : say(
          {
            es: `en vivo (llamadas reales a AWS, con coste; presupuesto ${guide.meter.options.budgetUsd} USD)`,
            en: `live (real AWS calls that cost money; budget ${guide.meter.options.budgetUsd} USD)`,
          },
          guide.lang,
        );
  return [
    `${say({ es: "Modo", en: "Mode" }, guide.lang)}: ${mode}`,
    `${say({ es: "Región", en: "Region" }, guide.lang)}: ${guide.region}`,
    `Endpoint: ${guide.endpoint}`,
    `${say({ es: "Credenciales", en: "Credentials" }, guide.lang)}: ${credentialSource(guide)}`,
  ];
}

function printBanner(guide: Guide): void {
  for (const note of guide.notes) console.log(note);
  console.log(describeSession(guide).join("\n"));
}
