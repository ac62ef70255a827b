import { host } from "./host";
import { say, type Language } from "./language";

// Live mode calls AWS with the reader's own credentials, which only a Node process has (a profile,
// SSO, a role): a page runs offline only, and says so instead of failing somewhere in the SDK.

export class LiveModeNeedsNode extends Error {
  override name = "LiveModeNeedsNode";
  constructor(lang: Language) {
    super(
      say(
        {
          es: "El modo en vivo necesita Node: en la página, la guía solo funciona sin conexión, con el emulador. Para llamar a AWS de verdad, abre el cuaderno en tu equipo con BEDROCK_GUIDE_MODE=live.",
          en: "Live mode needs Node: in the page the guide runs offline only, against the emulator. To call AWS for real, open the notebook on your machine with BEDROCK_GUIDE_MODE=live.",
        },
        lang,
      ),
    );
  }
}

/** Throws LiveModeNeedsNode unless the lib runs in Node. */
export function assertLiveModeCanRun(lang: Language): void {
  if (host().kind !== "node") throw new LiveModeNeedsNode(lang);
}
