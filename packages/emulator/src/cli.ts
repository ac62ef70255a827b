#!/usr/bin/env node
// Command line: bedrock-emulator --port 4010 [--data-dir .emulator-data]
// (in this repository: npm run emulator -- --port 4010). Serves the emulator on 127.0.0.1 until
// Ctrl+C or SIGTERM.
import { parseArgs } from "node:util";
import { startEmulator } from "./start-emulator";

const USAGE = [
  "Usage: bedrock-emulator [--port N] [--data-dir DIR]",
  "  --port N       port on 127.0.0.1 (default 4010; 0 = any free port)",
  "  --data-dir D   keep Prompt Management data in D/ across restarts (default: in memory)",
  "Environment: BEDROCK_EMULATOR_FAULTS, BEDROCK_EMULATOR_OPENAI_URL, BEDROCK_EMULATOR_OPENAI_MODEL,",
  "             BEDROCK_EMULATOR_RECENTLY_USED (Legacy model IDs this account keeps using)",
].join("\n");

function options(argv: string[]): { port: number; dataDir?: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", default: "4010" },
      "data-dir": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port!) || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--port must be an integer between 0 and 65535");
  return { port, dataDir: values["data-dir"] };
}

async function main() {
  let args: { port: number; dataDir?: string };
  try {
    args = options(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const emu = await startEmulator({ port: args.port, dataDir: args.dataDir });
  console.log(`Bedrock emulator listening on ${emu.url}`);
  console.log(
    [
      "Point the AWS SDK (or the AWS CLI) at it, with any dummy keys:",
      `  export AWS_ENDPOINT_URL=${emu.url}`,
      "  export AWS_REGION=us-east-1            # the region selects the catalog (e.g. us-west-2 for Stability images)",
      "  export AWS_ACCESS_KEY_ID=emulator AWS_SECRET_ACCESS_KEY=emulator",
      `Responder: ${emu.context.responder.name}${args.dataDir ? `; prompts stored in ${args.dataDir}` : "; prompts kept in memory"}. Ctrl+C stops it.`,
    ].join("\n"),
  );
  const stop = () => {
    emu.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
