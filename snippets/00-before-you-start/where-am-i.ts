// Chapter 00: what a plain AWS SDK client sees in this session, to check the setup before any model call.
import { startGuide } from "bedrock-guide";

// In the notebook the setup cell has already done this.
const guide = await startGuide({ quiet: true });

// #region session
import { BedrockClient } from "@aws-sdk/client-bedrock";
import { show } from "bedrock-guide";

// A client with no options finds region, endpoint and credentials the way your own programs do,
// so this is what any code in this session will use.
const client = new BedrockClient({});
const credentials = await client.config.credentials();

const session = {
  "Node.js": process.version,
  mode: guide.mode,
  region: await client.config.region(),
  AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL ?? "-",
  // Whether credentials were found, never the keys themselves.
  credentials: credentials.accessKeyId ? "✓" : "✗",
};
show.table([session]);
// #endregion session

client.destroy();
export { guide, session };
