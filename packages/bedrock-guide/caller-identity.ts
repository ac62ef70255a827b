import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { environment, type Environment } from "./host";
import type { Bilingual } from "./language";

// Whose credentials these are: where they come from (named, never read) and who STS says they
// belong to, with the account number masked.

export interface CallerIdentity {
  account: string;
  arn: string;
}

/** Where the credentials will come from, named without reading a secret. */
export function credentialSource(
  env: Environment = environment(),
): Bilingual {
  if (env.AWS_ACCESS_KEY_ID)
    return env.AWS_SESSION_TOKEN
      ? {
          es: "variables de entorno (credenciales temporales)",
          en: "environment variables (temporary credentials)",
        }
      : {
          es: "variables de entorno (claves de larga duración: mejor SSO o un rol)",
          en: "environment variables (long-term keys: SSO or a role is safer)",
        };
  if (env.AWS_PROFILE)
    return {
      es: `perfil ${env.AWS_PROFILE} de ~/.aws`,
      en: `profile ${env.AWS_PROFILE} from ~/.aws`,
    };
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE)
    return {
      es: "identidad web (rol asumido con un token OIDC)",
      en: "web identity (a role assumed with an OIDC token)",
    };
  if (
    env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ||
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI
  )
    return { es: "rol del contenedor", en: "the container's role" };
  return {
    es: "cadena estándar del SDK (perfil default, SSO o rol de la máquina)",
    en: "the SDK's standard chain (default profile, SSO or the machine's role)",
  };
}

/** Shows only the last four digits of the account number wherever it appears. */
export function maskAccount(text: string, account: string): string {
  if (!/^\d{12}$/.test(account)) return text;
  return text.split(account).join(`********${account.slice(-4)}`);
}

/**
 * STS GetCallerIdentity: who the credentials belong to. It answers for any valid credentials, no
 * IAM permission needed (AWS STS API reference). The client honours AWS_ENDPOINT_URL_STS and
 * AWS_ENDPOINT_URL as every SDK client does.
 */
export async function stsCallerIdentity(
  region: string,
  client?: STSClient,
): Promise<CallerIdentity> {
  const sts = client ?? new STSClient({ region, maxAttempts: 1 });
  try {
    const { Account, Arn } = await sts.send(
      new GetCallerIdentityCommand({}),
      {
        abortSignal: AbortSignal.timeout(15_000),
      },
    );
    if (!Account || !Arn)
      throw Object.assign(
        new Error(
          "STS GetCallerIdentity answered without an account or an ARN",
        ),
        { name: "UnknownError" },
      );
    return { account: Account, arn: Arn };
  } finally {
    if (!client) sts.destroy();
  }
}
