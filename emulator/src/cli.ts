// Command line: npm run emulator -- --port 4010 [--data-dir .emulator-data]
// Serves the emulator on 127.0.0.1 until Ctrl+C.
import { startEmulator } from "./index";

function usage(): never {
  console.log(
    [
      "Usage: npm run emulator -- [--port N] [--data-dir DIR]",
      "  --port N       port on 127.0.0.1 (default 4010; 0 = any free port)",
      "  --data-dir D   keep Prompt Management data in D/ across restarts (default: in memory)",
      "Environment: BEDROCK_EMULATOR_FAULTS, BEDROCK_EMULATOR_OPENAI_URL, BEDROCK_EMULATOR_OPENAI_MODEL,",
      "             BEDROCK_EMULATOR_RECENTLY_USED (Legacy model IDs this account keeps using)",
    ].join("\n"),
  );
  process.exit(0);
}

function parseArgs(argv: string[]): { port: number; dataDir?: string } {
  let port = 4010;
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--help" || a === "-h") usage();
    else if (a.startsWith("--port")) port = Number(value());
    else if (a.startsWith("--data-dir")) dataDir = value();
    else throw new Error(`Unknown option ${a} (try --help)`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--port must be an integer between 0 and 65535");
  return { port, dataDir };
}

async function main() {
  let args: { port: number; dataDir?: string };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
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
