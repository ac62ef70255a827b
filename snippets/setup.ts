// The first cell of every chapter. Offline (the default) it starts the Bedrock emulator inside
// this process and points the AWS SDK at it; with BEDROCK_GUIDE_MODE=live it uses your own AWS
// account and credentials. Either way it prints the mode, region and endpoint in use.
// Live, it also checks credentials, region and model access, as `npm run doctor` does.
// `show` (tables, charts, pictures) and `say` (a sentence in your language) serve the cells below.
import { checkSetup, say, show, startGuide } from "bedrock-guide";

const guide = await startGuide();
await checkSetup(guide);
