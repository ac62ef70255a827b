import type { Language } from "./language-code";
import { environment, workingDirectory, type Environment } from "./host";

/** The guide speaks Spanish first and English second. */
export type { Language };

/**
 * The reader's language: BEDROCK_GUIDE_LANG if set, else the notebook's folder
 * (Jupyter starts the kernel in notebooks/es or notebooks/en), else the shell's LANG.
 */
export function readerLanguage(
  env: Environment = environment(),
  cwd: string = workingDirectory() ?? "",
): Language {
  const explicit = env.BEDROCK_GUIDE_LANG?.toLowerCase();
  if (explicit === "es" || explicit === "en") return explicit;
  // The last part of the path (a trailing slash or a Windows path alike).
  const folder = cwd.split(/[\\/]/).filter(Boolean).pop();
  if (folder === "es" || folder === "en") return folder;
  return (env.LANG ?? "").toLowerCase().startsWith("en") ? "en" : "es";
}

let sessionLanguage: Language | undefined;

/** The language of the running guide session; helpers default to it. */
export function setSessionLanguage(lang: Language | undefined): void {
  sessionLanguage = lang;
}

/** The session's language if a session is running, else the reader's language. */
export function currentLanguage(): Language {
  return sessionLanguage ?? readerLanguage();
}

/** A sentence in both languages; pick one with `say`. */
export type Bilingual = Record<Language, string>;

/** The reader's version of anything written in both languages: a sentence, a prompt, a dataset. */
export function say<T = string>(
  text: Record<Language, T>,
  lang: Language,
): T {
  return text[lang];
}
