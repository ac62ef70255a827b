// Chapter 00: a summary of the session, to check the setup before any model call.
import { startGuide } from "bedrock-guide";

// In the notebook the setup cell has already done this.
const guide = await startGuide({ quiet: true });

// #region session
import { BedrockClient } from "@aws-sdk/client-bedrock";
import { show } from "bedrock-guide";

// A plain SDK client with no options: it finds region, endpoint and credentials the same way
// your own programs do, so this shows what any code in this session will use.
const client = new BedrockClient({});
const credentials = await client.config.credentials();

const session = [
  { setting: "Node.js", value: process.version },
  { setting: "mode", value: guide.mode },
  { setting: "region (guide)", value: guide.region },
  { setting: "region (SDK)", value: await client.config.region() },
  { setting: "endpoint", value: guide.endpoint },
  // Only whether credentials were found; never the keys themselves.
  { setting: "credentials", value: credentials.accessKeyId ? "found" : "missing" },
];
show.table(session);
// #endregion session

client.destroy();
export { session };
