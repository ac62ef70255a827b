import { basename } from "node:path";

/** The guide speaks Spanish first and English second. */
export type Language = "es" | "en";

/**
 * The reader's language: BEDROCK_GUIDE_LANG if set, else the notebook's folder
 * (Jupyter starts the kernel in notebooks/es or notebooks/en), else the shell's LANG.
 */
export function readerLanguage(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Language {
  const explicit = env.BEDROCK_GUIDE_LANG?.toLowerCase();
  if (explicit === "es" || explicit === "en") return explicit;
  const folder = basename(cwd);
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
