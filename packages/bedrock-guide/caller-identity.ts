import { createHash, createHmac } from "node:crypto";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Bilingual } from "./language";

// Whose credentials these are: where they come from (named, never read) and who STS says they
// belong to, with the account number masked.

export interface CallerIdentity {
  account: string;
  arn: string;
}

/** Where the credentials will come from, named without reading a secret. */
export function credentialSource(
  env: NodeJS.ProcessEnv = process.env,
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

/** Node's SHA-256 in the shape the SigV4 signer expects. */
class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash =
      secret === undefined
        ? createHash("sha256")
        : createHmac("sha256", toBuffer(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data))
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/**
 * STS GetCallerIdentity (Query protocol, signed with SigV4). The guide's dependencies have no STS
 * client, and this one call needs nothing else. It answers for any valid credentials, no IAM
 * permission needed (AWS STS API reference).
 */
export async function stsCallerIdentity(
  region: string,
): Promise<CallerIdentity> {
  const endpoint = new URL(
    process.env.AWS_ENDPOINT_URL_STS ??
      process.env.AWS_ENDPOINT_URL ??
      `https://sts.${region}.amazonaws.com`,
  );
  const body = "Action=GetCallerIdentity&Version=2011-06-15";
  const signer = new SignatureV4({
    credentials: fromNodeProviderChain(),
    region,
    service: "sts",
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: "POST",
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    path: endpoint.pathname || "/",
    headers: {
      host: endpoint.host,
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
    },
    body,
  });
  const response = await fetch(endpoint, {
    method: "POST",
    headers: signed.headers,
    body,
    signal: AbortSignal.timeout(15_000),
  });
  return parseCallerIdentity(await response.text());
}

/** Reads GetCallerIdentityResponse XML; an ErrorResponse becomes an error named by its Code. */
export function parseCallerIdentity(xml: string): CallerIdentity {
  const field = (name: string) =>
    new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
  const account = field("Account");
  const arn = field("Arn");
  if (account && arn) return { account, arn };
  const error = new Error(
    field("Message") ?? "STS GetCallerIdentity failed",
  );
  error.name = field("Code") ?? "UnknownError";
  throw error;
}
