// The guide's two languages, apart from language.ts (which reads the host's environment), so the
// host can name them without importing what is built on it.
export type Language = "es" | "en";
