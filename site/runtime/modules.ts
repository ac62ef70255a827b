// The packages a cell may import in the page, each a browser bundle Vite builds with the site and
// loads on first use. To let cells import another package: add it to the root package.json and
// here (README, "Running the code in the page").
export const MODULES: Record<string, () => Promise<unknown>> = {
  "bedrock-guide": () => import("bedrock-guide"),
  "@aws-sdk/client-bedrock": () =>
    withClients(import("@aws-sdk/client-bedrock"), "BedrockClient"),
  "@aws-sdk/client-bedrock-runtime": () =>
    withClients(
      import("@aws-sdk/client-bedrock-runtime"),
      "BedrockRuntimeClient",
    ),
  "@aws-sdk/client-bedrock-agent": () =>
    withClients(
      import("@aws-sdk/client-bedrock-agent"),
      "BedrockAgentClient",
    ),
  "@aws-sdk/client-bedrock-agent-runtime": () =>
    withClients(
      import("@aws-sdk/client-bedrock-agent-runtime"),
      "BedrockAgentRuntimeClient",
    ),
  "@aws-sdk/client-s3": () =>
    withClients(import("@aws-sdk/client-s3"), "S3Client"),
  "@aws-sdk/credential-providers": () => credentialProvidersInPage(),
  zod: () => import("zod"),
  diff: () => import("diff"),
};

/**
 * An SDK package whose client class completes its settings from the page's offline session when it
 * is built, as Node's environment does for the notebook (the lib's withSessionDefaults).
 */
async function withClients(
  module: Promise<Record<string, unknown>>,
  client: string,
): Promise<Record<string, unknown>> {
  const [sdk, { withSessionDefaults }] = await Promise.all([
    module,
    import("bedrock-guide"),
  ]);
  return {
    ...sdk,
    [client]: withSessionDefaults(
      sdk[client] as new (...args: unknown[]) => object,
    ),
  };
}

/**
 * The credential providers' browser build has no fromIni: a page has no shared config and
 * credentials files. Here fromIni finds no profile, as Node's does when a profile is missing from
 * those files, with the same error (chapter 1 shows what a missing profile looks like).
 */
async function credentialProvidersInPage(): Promise<
  Record<string, unknown>
> {
  const [providers, { CredentialsProviderError }] = await Promise.all([
    import("@aws-sdk/credential-providers"),
    import("@smithy/property-provider"),
  ]);
  const fromIni =
    ({ profile = "default" }: { profile?: string } = {}) =>
    async () => {
      throw new CredentialsProviderError(
        `Could not resolve credentials using profile: [${profile}] in configuration/credentials file(s).`,
        {
          tryNextLink: false,
        },
      );
    };
  return { ...providers, fromIni };
}

/** A package the page cannot load: the notebook can (it runs in Node), the page only knows MODULES. */
export class ModuleNotInPage extends Error {
  override name = "ModuleNotInPage";
}

export async function loadModule(
  name: string,
  lang: "es" | "en",
): Promise<unknown> {
  const load = MODULES[name];
  if (!load) {
    const known = Object.keys(MODULES).join(", ");
    throw new ModuleNotInPage(
      lang === "es"
        ? `"${name}" no se puede importar en la página (solo ${known}). Ejecuta el notebook del capítulo para usar cualquier paquete.`
        : `"${name}" cannot be imported in the page (only ${known}). Run the chapter's notebook to use any package.`,
    );
  }
  return load();
}
