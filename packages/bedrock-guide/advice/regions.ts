import { same, type Rule } from "./rule";
import { isInvalidToken } from "./credentials";
import { isOptInRegion } from "../regions";

// Advice rules: the region (none set, not enabled for the account, without Bedrock, unreachable).

export const regionNotEnabled: Rule = {
  // In a region the account has not enabled, every key looks invalid.
  problem: "region-not-enabled",
  when: (f) => isOptInRegion(f.region) && isInvalidToken(f),
  advise: (f) => ({
    title: {
      es: "La región no está activada en tu cuenta",
      en: "The region is not enabled in your account",
    },
    explanation: {
      es: `${f.region} es una región de activación voluntaria (opt-in): hasta que alguien la activa en la cuenta, AWS no acepta allí ninguna credencial y responde "The security token included in the request is invalid".`,
      en: `${f.region} is an opt-in region: until someone enables it for the account, AWS accepts no credentials there and answers "The security token included in the request is invalid".`,
    },
    fix: {
      es: `Actívala en la consola (menú de la cuenta → Cuenta → Regiones de AWS → Activar) o con \`aws account enable-region --region-name ${f.region}\`; tarda unos minutos. O usa una región ya activa, por ejemplo eu-west-1.`,
      en: `Enable it in the console (account menu → Account → AWS Regions → Enable) or with \`aws account enable-region --region-name ${f.region}\`; it takes a few minutes. Or use a region that is already enabled, for example eu-west-1.`,
    },
  }),
};

export const noRegion: Rule = {
  problem: "no-region",
  when: (f) => /Region is missing/i.test(f.message),
  advise: same({
    title: { es: "Falta la región", en: "The region is missing" },
    explanation: {
      es: "Cada llamada a Bedrock va a una región concreta y el SDK no encontró ninguna configurada.",
      en: "Every Bedrock call goes to one region, and the SDK found none configured.",
    },
    fix: {
      es: 'Exporta AWS_REGION (por ejemplo eu-west-1) o pásala al cliente: `new BedrockRuntimeClient({ region: "eu-west-1" })`.',
      en: 'Export AWS_REGION (for example eu-west-1) or pass it to the client: `new BedrockRuntimeClient({ region: "eu-west-1" })`.',
    },
  }),
};

export const regionWithoutBedrock: Rule = {
  // Live: no Bedrock endpoint resolves in that region. Offline: the emulator has no catalog for it.
  problem: "region-without-bedrock",
  when: (f) =>
    (/ENOTFOUND|EAI_AGAIN/.test(`${f.code} ${f.message}`) &&
      /bedrock/.test(f.message)) ||
    /has no model catalog for region/.test(f.message),
  advise: (f) => ({
    title: {
      es: "Bedrock no responde en esta región",
      en: "Bedrock does not answer in this region",
    },
    explanation: {
      es: `No hay un endpoint de Bedrock que responda en ${f.region}${/has no model catalog/.test(f.message) ? " (el emulador tampoco tiene su catálogo)" : ""}.`,
      en: `No Bedrock endpoint answers in ${f.region}${/has no model catalog/.test(f.message) ? " (nor does the emulator have its catalog)" : ""}.`,
    },
    fix: {
      es: "Elige una región de la tabla de regiones de Bedrock (https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html) y exporta AWS_REGION, por ejemplo eu-west-1 o eu-central-1.",
      en: "Pick a region from Bedrock's region table (https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html) and export AWS_REGION, for example eu-west-1 or eu-central-1.",
    },
  }),
};

export const cannotConnect: Rule = {
  problem: "cannot-connect",
  when: (f) =>
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|socket hang up|connect ETIMEDOUT/i.test(
      `${f.code} ${f.message}`,
    ),
  advise: same({
    title: {
      es: "No hay conexión con Bedrock",
      en: "Cannot reach Bedrock",
    },
    explanation: {
      es: "El SDK no pudo abrir una conexión con el endpoint.",
      en: "The SDK could not open a connection to the endpoint.",
    },
    fix: {
      es: "Sin conexión: ejecuta primero la celda de preparación (`startGuide()`), que arranca el emulador. En vivo: revisa tu red y AWS_ENDPOINT_URL.",
      en: "Offline: run the setup cell (`startGuide()`) first; it starts the emulator. Live: check your network and AWS_ENDPOINT_URL.",
    },
  }),
};
