// Chapter 00: what a plain AWS SDK client sees in this session, to check the setup before any model call.
import { startGuide } from "bedrock-guide";

// In the notebook the setup cell has already done this.
const guide = await startGuide({ quiet: true });

// #region session
import { BedrockClient } from "@aws-sdk/client-bedrock";
import { say, show } from "bedrock-guide";

// A client with no options finds region, endpoint and credentials the way your own programs do,
// so this is what any code in this session will use.
const client = new BedrockClient({});
const credentials = await client.config.credentials();

const session = [
  { setting: "Node.js", value: process.version },
  { setting: say({ es: "modo", en: "mode" }, guide.lang), value: guide.mode },
  { setting: say({ es: "región del SDK", en: "SDK region" }, guide.lang), value: await client.config.region() },
  {
    setting: "AWS_ENDPOINT_URL",
    value: process.env.AWS_ENDPOINT_URL ?? say({ es: "(sin definir: el de AWS)", en: "(unset: AWS's own)" }, guide.lang),
  },
  // Whether credentials were found, never the keys themselves.
  {
    setting: say({ es: "credenciales", en: "credentials" }, guide.lang),
    value: credentials.accessKeyId ? say({ es: "encontradas", en: "found" }, guide.lang) : say({ es: "no hay", en: "none" }, guide.lang),
  },
];
show.table(session);
// #endregion session

client.destroy();
export { guide, session };
