import { batchLimitsFor } from "../batch/facts";
import { same, type Failure, type Rule } from "./rule";

// Advice rules: batch inference jobs (CreateModelInvocationJob and the job's own failures). Where
// each message comes from is in test/bedrock-guide/batch-advice.test.ts; where AWS's exact wording
// is not public, the rule matches what the wording must contain and the test says so.

const JOB_OPERATIONS = /^(Create|Get|List|Stop)ModelInvocationJobs?$/;
const isJobCall = (f: Failure) => JOB_OPERATIONS.test(f.operation);

const ROLE_PAGE =
  "https://docs.aws.amazon.com/bedrock/latest/userguide/batch-iam-sr.html";
const SUPPORTED_PAGE =
  "https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference-supported.html";

export const batchPassRole: Rule = {
  // AccessDeniedException on CreateModelInvocationJob: "User: … is not authorized to perform:
  // iam:PassRole on resource: …:role/… because no identity-based policy allows the iam:PassRole action"
  problem: "batch-pass-role",
  when: (f) => /iam:PassRole/i.test(f.message),
  advise: same({
    title: {
      es: "No puedes pasar el rol de servicio a Bedrock",
      en: "You cannot pass the service role to Bedrock",
    },
    explanation: {
      es: "Crear un trabajo por lotes entrega a Bedrock un rol de servicio (roleArn). Para eso tu identidad necesita iam:PassRole sobre ese rol, y ninguna de tus políticas lo concede.",
      en: "Creating a batch job hands Bedrock a service role (roleArn). For that your identity needs iam:PassRole on that role, and none of your policies grants it.",
    },
    fix: {
      es: 'Añade a tu identidad (no al rol de servicio) un permiso iam:PassRole sobre el ARN de ese rol, con la condición "iam:PassedToService": "bedrock.amazonaws.com".',
      en: 'Add to your identity (not to the service role) an iam:PassRole permission on that role\'s ARN, with the condition "iam:PassedToService": "bedrock.amazonaws.com".',
    },
  }),
};

export const batchRoleNotAssumable: Rule = {
  problem: "batch-role-not-assumable",
  when: (f) =>
    (isJobCall(f) || /bedrock\.amazonaws\.com/.test(f.message)) &&
    /assume/i.test(f.message) &&
    /role/i.test(f.message),
  advise: same({
    title: {
      es: "Bedrock no puede asumir el rol de servicio",
      en: "Bedrock cannot assume the service role",
    },
    explanation: {
      es: "El trabajo corre con el rol que pasaste en roleArn, y Bedrock no pudo asumirlo: el rol no existe, o su política de confianza no deja a bedrock.amazonaws.com asumirlo para trabajos de esta cuenta y región (aws:SourceAccount, aws:SourceArn).",
      en: "The job runs as the role you passed in roleArn, and Bedrock could not assume it: the role does not exist, or its trust policy does not let bedrock.amazonaws.com assume it for this account's jobs in this region (aws:SourceAccount, aws:SourceArn).",
    },
    fix: {
      es: `Comprueba el ARN del rol y pon como política de confianza la de batchRoleTrustPolicy({ accountId, region }) (la que documenta AWS: ${ROLE_PAGE}); la región debe ser la del trabajo.`,
      en: `Check the role's ARN and set its trust policy to batchRoleTrustPolicy({ accountId, region }) (the one AWS documents: ${ROLE_PAGE}); the region must be the job's.`,
    },
  }),
};

export const batchS3Access: Rule = {
  problem: "batch-s3-access",
  when: (f) =>
    (isJobCall(f) || /batch/i.test(f.message)) &&
    /\b(s3|bucket)\b/i.test(f.message) &&
    /(access|permission|denied|forbidden|not authorized)/i.test(f.message),
  advise: same({
    title: {
      es: "El rol de servicio no llega al bucket",
      en: "The service role cannot reach the bucket",
    },
    explanation: {
      es: "Bedrock lee la entrada y escribe la salida con el rol de servicio del trabajo, no con tus credenciales. Ese rol no tiene permiso sobre el bucket o la carpeta (o el bucket es de otra cuenta, o está cifrado con una clave KMS que el rol no puede usar).",
      en: "Bedrock reads the input and writes the output as the job's service role, not as you. That role has no permission on the bucket or folder (or the bucket belongs to another account, or is encrypted with a KMS key the role cannot use).",
    },
    fix: {
      es: "Adjunta al rol la política de batchRoleS3Policy({ accountId, bucket, inputPrefix, outputPrefix }) con las mismas carpetas que las URI s3:// del trabajo, y comprueba que el bucket es de tu cuenta y de la región del trabajo.",
      en: "Attach batchRoleS3Policy({ accountId, bucket, inputPrefix, outputPrefix }) to the role with the same folders as the job's s3:// URIs, and check that the bucket is in your account and the job's region.",
    },
  }),
};

export const batchTooFewRecords: Rule = {
  problem: "batch-too-few-records",
  when: (f) =>
    f.name === "BatchTooFewRecords" ||
    /minimum number of records/i.test(f.message),
  advise: (f) => {
    const min = batchLimitsFor(f.model)?.minRecordsPerJob;
    const known = min != null;
    return {
      title: {
        es: "Muy pocos registros para un trabajo por lotes",
        en: "Too few records for a batch job",
      },
      explanation: {
        es: `Cada modelo exige un mínimo de registros por trabajo (cuota «Minimum number of records per batch inference job», no ajustable)${known ? `: ${min} para ${f.model}` : ""}. ${f.name === "BatchTooFewRecords" ? f.message : ""}`.trim(),
        en: `Each model needs a minimum number of records per job (quota "Minimum number of records per batch inference job", not adjustable)${known ? `: ${min} for ${f.model}` : ""}. ${f.name === "BatchTooFewRecords" ? f.message : ""}`.trim(),
      },
      fix: {
        es: "Añade casos hasta el mínimo (checkRecordCount lo comprueba antes de subir nada) o, para pocos casos, llama al modelo de uno en uno como en el capítulo 3.",
        en: "Add cases up to the minimum (checkRecordCount checks it before anything is uploaded) or, for few cases, call the model one at a time as in chapter 3.",
      },
    };
  },
};

export const batchNotSupported: Rule = {
  problem: "batch-not-supported",
  when: (f) =>
    f.operation === "CreateModelInvocationJob" &&
    (/(not supported|isn.t supported|does(n.t| not) support|not available)/i.test(
      f.message,
    ) ||
      /provided model identifier is invalid/i.test(f.message)),
  advise: (f) => ({
    title: {
      es: "Modelo o región sin inferencia por lotes",
      en: "Model or region without batch inference",
    },
    explanation: {
      es: `No todos los modelos admiten trabajos por lotes, ni en todas las regiones, ni con todos los perfiles: ${f.model || "este modelo"} no se puede usar así en ${f.region}.`,
      en: `Not every model supports batch jobs, nor in every region, nor through every profile: ${f.model || "this model"} cannot be used that way in ${f.region}.`,
    },
    fix: {
      es: `Mira la tabla de AWS de modelos y regiones con lotes (${SUPPORTED_PAGE}): elige uno de la lista, o la región o el perfil (await modelIdFor(modelo)) que la tabla da para él.`,
      en: `Check AWS's table of models and regions with batch (${SUPPORTED_PAGE}): pick one it lists, or the region or profile (await modelIdFor(model)) it gives for it.`,
    },
  }),
};

export const batchRecordFailed: Rule = {
  // A line of a .jsonl.out with "error": { "errorCode": 400, "errorMessage": "bad request" }
  // (AWS's example), raised by the guide as BatchRecordFailed with the code as status.
  problem: "batch-record-failed",
  when: (f) => f.name === "BatchRecordFailed",
  advise: (f) => {
    const client =
      f.status !== undefined &&
      f.status >= 400 &&
      f.status < 500 &&
      f.status !== 429;
    return {
      title: {
        es: "Un registro falló dentro del trabajo",
        en: "A record failed inside the job",
      },
      explanation: client
        ? {
            es: `El modelo rechazó ese registro (${f.status}: ${f.message}). La validación del trabajo no comprueba que modelInput coincida con el cuerpo que espera el modelo, así que un cuerpo mal formado solo falla aquí.`,
            en: `The model refused that record (${f.status}: ${f.message}). The job's validation does not check that modelInput matches the model's request body, so a malformed body only fails here.`,
          }
        : {
            es: `El registro no se completó (${f.status ?? "?"}: ${f.message}): un fallo del servicio o de cuota, no de tu registro.`,
            en: `The record did not complete (${f.status ?? "?"}: ${f.message}): a service or quota failure, not your record's.`,
          },
      fix: client
        ? {
            es: "Valida los registros con validateBatchRecords antes de subirlos, corrige ese y vuelve a lanzar solo los fallidos (con el mínimo de registros del modelo) o llámalos de uno en uno.",
            en: "Validate the records with validateBatchRecords before upload, fix that one, and rerun only the failed ones (with the model's minimum number of records) or call them one at a time.",
          }
        : {
            es: "Vuelve a lanzar solo los registros fallidos en un trabajo nuevo, o llámalos de uno en uno.",
            en: "Rerun only the failed records in a new job, or call them one at a time.",
          },
    };
  },
};

/** The batch rules, most specific first. */
export const BATCH_RULES: Rule[] = [
  batchRecordFailed,
  batchTooFewRecords,
  batchPassRole,
  batchRoleNotAssumable,
  batchS3Access,
  batchNotSupported,
];
