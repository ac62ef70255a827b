import { same, type Failure, type Rule } from "./rule";

// Advice rules: credentials the SDK could not find, that expired, or that AWS does not recognise.

export const noCredentials: Rule = {
  problem: "no-credentials",
  when: (f) =>
    f.name === "CredentialsProviderError" ||
    /Could not load credentials|credential.*not found|Unable to locate credentials/i.test(
      f.message,
    ),
  advise: same({
    title: { es: "No hay credenciales de AWS", en: "No AWS credentials" },
    explanation: {
      es: "El SDK recorrió la cadena estándar de credenciales (variables de entorno, perfil de ~/.aws, SSO, rol de la máquina) y no encontró ninguna.",
      en: "The SDK walked the standard credential chain (environment variables, ~/.aws profile, SSO, machine role) and found none.",
    },
    fix: {
      es: "Inicia sesión con `aws sso login --profile <perfil>` y exporta AWS_PROFILE=<perfil> antes de arrancar Jupyter. Para seguir sin cuenta, quita BEDROCK_GUIDE_MODE=live: el modo sin conexión no necesita credenciales.",
      en: "Sign in with `aws sso login --profile <profile>` and export AWS_PROFILE=<profile> before you start Jupyter. To go on without an account, unset BEDROCK_GUIDE_MODE=live: offline mode needs no credentials.",
    },
  }),
};

export const expiredCredentials: Rule = {
  problem: "expired-credentials",
  when: (f) =>
    f.name === "ExpiredTokenException" ||
    /token.*expired|expired.*token/i.test(f.message),
  advise: same({
    title: {
      es: "Las credenciales han caducado",
      en: "The credentials have expired",
    },
    explanation: {
      es: "Las credenciales temporales (SSO o un rol asumido) tienen una duración limitada y esta ya pasó.",
      en: "Temporary credentials (SSO or an assumed role) last a limited time, and this one is over.",
    },
    fix: {
      es: "Renueva la sesión con `aws sso login --profile <perfil>` y vuelve a ejecutar la celda.",
      en: "Renew the session with `aws sso login --profile <profile>` and run the cell again.",
    },
  }),
};

export const invalidCredentials: Rule = {
  problem: "invalid-credentials",
  when: isInvalidToken,
  advise: same({
    title: {
      es: "AWS no reconoce las credenciales",
      en: "AWS does not recognise the credentials",
    },
    explanation: {
      es: "La clave de acceso no existe, está mal copiada o no corresponde a la clave secreta.",
      en: "The access key does not exist, was copied wrongly, or does not match the secret key.",
    },
    fix: {
      es: "Revisa AWS_ACCESS_KEY_ID y AWS_SECRET_ACCESS_KEY, o usa un perfil SSO en lugar de claves fijas.",
      en: "Check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use an SSO profile instead of long-lived keys.",
    },
  }),
};

export function isInvalidToken(f: Failure): boolean {
  return (
    f.name === "UnrecognizedClientException" ||
    f.name === "InvalidClientTokenId" ||
    f.name === "InvalidSignatureException" ||
    /security token included in the request is invalid|signature we calculated does not match/i.test(
      f.message,
    )
  );
}
