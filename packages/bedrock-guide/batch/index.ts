// Batch inference (model invocation jobs): records, their checks, the cost bound, the timing, the
// service role's policies and the results join. The chapter "Evaluate at scale" calls these.
export {
  BatchError,
  BatchRecordError,
  BatchRecordCountError,
  BatchBudgetError,
} from "./errors";
export {
  batchLimitsFor,
  batchJobStates,
  batchJobStatesSource,
  batchJobDuration,
  defaultRequestsPerMinute,
  type BatchLimits,
  type BatchSource,
} from "./facts";
export {
  batchRecords,
  validateBatchRecords,
  checkRecordCount,
  recordIdFor,
  toJsonl,
  INVOKE_MODEL_BODY_PROVIDERS,
  ANTHROPIC_BEDROCK_VERSION,
  type BatchRecord,
  type BatchRecordsOptions,
  type BatchInvocationType,
  type ConverseBody,
} from "./records";
export {
  batchCostBound,
  assertBatchWithinBudget,
  promptTextOf,
  maxTokensOf,
  TEMPLATE_OVERHEAD_TOKENS,
  type BatchCostBound,
} from "./cost";
export { batchTiming, type BatchTiming } from "./timing";
export {
  batchRoleTrustPolicy,
  batchRoleS3Policy,
  type PolicyDocument,
  type PolicyStatement,
} from "./service-role";
export {
  parseBatchOutput,
  parseBatchManifest,
  joinBatchResults,
  recordFailure,
  type BatchOutputLine,
  type BatchManifest,
  type BatchResults,
  type JoinedRecord,
} from "./results";
