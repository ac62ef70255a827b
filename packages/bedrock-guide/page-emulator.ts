import { browserPromptPersistence, createEmulator } from "bedrock-emulator";
import { emulatorRequestHandler } from "bedrock-emulator/sdk-handler";
import {
  environment,
  type EmulatorRoute,
  type OfflineEmulator,
  type OfflineSettings,
} from "./host";
import { say, type Language } from "./language";

// Offline mode in a page: the emulator's core runs in the page and answers through an SDK request
// handler, so no request leaves the page. A page has no environment for the SDK to read, so the
// session hands the handler, its region and dummy keys to instrument.ts, which gives them to each
// plain SDK client on its first send.

/** A client the session routed to its emulator, sending after guide.stop(). */
export class GuideSessionStopped extends Error {
  override name = "GuideSessionStopped";
  constructor(lang: Language) {
    super(
      say(
        {
          es: "La sesión de la guía terminó (guide.stop()), y con ella el emulador de esta página. Ejecuta startGuide() otra vez para seguir sin conexión.",
          en: "The guide's session has stopped (guide.stop()), and the emulator in this page with it. Run startGuide() again to keep working offline.",
        },
        lang,
      ),
    );
  }
}

/** Where a page keeps its prompts (IndexedDB), shared by every chapter page of the site. */
const pagePrompts = () =>
  browserPromptPersistence({ database: "bedrock-guide", key: "prompts" });

/**
 * Forgets the prompts offline sessions in this site saved in the browser: the page's "Reset". Stop
 * the session first (stopGuide()), or it saves its prompts again when it stops.
 */
export async function forgetPagePrompts(): Promise<void> {
  if ((globalThis as { indexedDB?: unknown }).indexedDB !== undefined)
    await pagePrompts().forget?.();
}

export async function startPageEmulator({
  region,
  lang,
}: OfflineSettings): Promise<OfflineEmulator> {
  // Prompts outlive a reload where the page has IndexedDB; elsewhere they stay in memory.
  const promptPersistence =
    // Through globalThis: the lib is type-checked without the DOM's declarations.
    (globalThis as { indexedDB?: unknown }).indexedDB === undefined
      ? undefined
      : pagePrompts();
  const core = createEmulator({ promptPersistence });
  const inPage = emulatorRequestHandler({ core });
  let stopped = false;
  const requestHandler: typeof inPage = {
    ...inPage,
    async handle(request) {
      if (stopped) throw new GuideSessionStopped(lang);
      return inPage.handle(request);
    },
  };
  const route: EmulatorRoute = {
    requestHandler,
    region,
    // Dummy keys: the SDK signs every request, and the emulator needs no real secret.
    credentials: {
      accessKeyId: "OFFLINEEMULATOR",
      secretAccessKey: "offline-emulator-not-a-secret",
    },
  };
  // The lib's own readers of AWS_REGION (the doctor, model choice) see the session's region.
  const env = environment();
  const savedRegion = env.AWS_REGION;
  env.AWS_REGION = region;
  return {
    endpoint: say(
      {
        es: "el emulador de esta página (sin red)",
        en: "the emulator in this page (no network)",
      },
      lang,
    ),
    faults: core.faults,
    route,
    async stop() {
      stopped = true;
      await core.context.prompts.flush();
      if (savedRegion === undefined) delete env.AWS_REGION;
      else env.AWS_REGION = savedRegion;
    },
  };
}
