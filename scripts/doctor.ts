// `npm run doctor`: checks that this machine and your AWS account are ready for the guide, and
// says how to fix what is not, in your language. Exits 1 when something must be fixed.
//
//   npm run doctor                                   # offline: Node, Jupyter, the kernel, the emulator
//   BEDROCK_GUIDE_MODE=live AWS_PROFILE=me npm run doctor
//   npm run doctor -- --live --region eu-west-1 --lang en
import { parseArgs } from "node:util";
import { formatDoctorReport, readerLanguage, runDoctor, type Language } from "bedrock-guide";
import { terminalChecks } from "../packages/bedrock-guide/doctor-terminal";
import { KERNEL_DISPLAY_NAME, KERNEL_NAME } from "../shared/kernel.mjs";

const HELP = `npm run doctor -- [--live | --offline] [--region REGION] [--lang es|en] [--json]

Offline (default unless BEDROCK_GUIDE_MODE=live): Node, Jupyter, the kernel and the emulator.
Live: also where the credentials come from, who they belong to (account masked), whether
Bedrock answers in the region, and access to the guide's default models (GetFoundationModelAvailability,
and Anthropic's use-case details). Nothing it does costs money.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      live: { type: "boolean", default: false },
      offline: { type: "boolean", default: false },
      region: { type: "string" },
      lang: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.live && values.offline) throw new Error("--live and --offline: pick one.");
  const lang: Language = values.lang === "es" || values.lang === "en" ? values.lang : readerLanguage();
  const mode = values.live ? "live" : values.offline ? "offline" : undefined;
  // The machine's tools are checked here only: the lib's doctor knows nothing of a terminal.
  const machineChecks = terminalChecks({ kernel: { name: KERNEL_NAME, displayName: KERNEL_DISPLAY_NAME } });
  const report = await runDoctor({ mode, region: values.region, lang, machineChecks });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatDoctorReport(report, lang));
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(2);
  },
);
