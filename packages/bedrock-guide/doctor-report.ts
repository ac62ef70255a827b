import { say, type Bilingual, type Language } from "./language";

// The doctor's report: what each check found, and the report as text.

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

/** Adds one check to the report, in the reader's language. */
export type Add = (
  id: string,
  status: CheckStatus,
  summary: Bilingual,
  fix?: Bilingual,
) => void;

export function finish(
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

export function errorName(error: unknown): string {
  return (error as Error)?.name || "Error";
}
