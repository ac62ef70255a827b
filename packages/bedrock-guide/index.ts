// The guide's shared plumbing: session mode, display, cost meter, prices and error advice.
// Lessons import it by package name (`bedrock-guide`) so notebooks, tests and tsc all resolve it.
// This entry is platform-neutral (no node: import): a page bundles it as it is; Node loads node.ts,
// which adds what only Node has (tslab's display) and exports the same names.
export {
  startGuide,
  stopGuide,
  describeSession,
  type Guide,
  type GuideOptions,
  type Mode,
  type SimulatedFault,
} from "./guide";
export {
  show,
  htmlTable,
  textTable,
  inNotebook,
  type TableOptions,
} from "./display";
export {
  useHost,
  environment,
  type Host,
  type Display,
  type Environment,
  type OfflineEmulator,
  type OfflineSettings,
  type EmulatorRoute,
} from "./host";
export { LiveModeNeedsNode } from "./live-mode";
export { GuideSessionStopped, forgetPagePrompts } from "./page-emulator";
export { withSessionDefaults } from "./instrument";
export { barChart, type BarChartInput, type ChartSeries } from "./chart";
export {
  CostMeter,
  BudgetExceededError,
  ExtendedAccessPriceUnknown,
  type MeteredCall,
} from "./cost-meter";
export {
  priceOf,
  batchPriceOf,
  costOf,
  formatUsd,
  priceSources,
  sourceDatesOf,
  sourceCitationsOf,
  type ModelPrice,
  type Usage,
} from "./prices";
export { parseModelReference } from "./model-reference";
export {
  explainError,
  adviseOn,
  formatAdvice,
  type Advice,
  type AdviceContext,
  type Problem,
} from "./error-advice";
export {
  refusesTemperature,
  refusesTemperatureWithTopP,
  samplingRulesFor,
  type SamplingRefusal,
  type SamplingRulesForModel,
} from "./sampling-rules";
export {
  modelFacts,
  regionsOffering,
  profilesFor,
  retirementOf,
  catalogDate,
  inExtendedAccess,
} from "./catalog-facts";
export {
  runDoctor,
  checkSetup,
  GUIDE_DEFAULT_MODELS,
  type DoctorOptions,
} from "./doctor";
export {
  formatDoctorReport,
  type DoctorCheck,
  type DoctorReport,
} from "./doctor-report";
export {
  availabilityProblems,
  USE_CASE_MISSING_MESSAGE,
} from "./doctor-account";
export {
  credentialSource,
  maskAccount,
  type CallerIdentity,
} from "./caller-identity";
export { isOptInRegion, regionNotCoveredNote } from "./regions";
export {
  readerLanguage,
  currentLanguage,
  say,
  type Language,
  type Bilingual,
} from "./language";
export {
  chooseModelFor,
  modelIdFor,
  forgetRegionListings,
  ModelNotCallableHere,
  type ModelChoice,
  type Route,
} from "./model-for-region";
export { inParallel } from "./concurrency";
export {
  templateVariables,
  TemplateVariableError,
  TEMPLATE_VARIABLE_NAME,
  MAX_TEMPLATE_VARIABLES,
} from "./template-variables";
export {
  checks,
  checkAnswer,
  comparePrompts,
  consistencyOf,
  runConsistency,
  similarity,
  readVerdict,
  answerOf,
  countWords,
  countSentences,
  numbersIn,
  CheckConfigError,
  VERDICT_TOOL,
  type Answer,
  type Check,
  type CheckResult,
  type CheckReport,
  type Criterion,
  type Consistency,
  type PromptCase,
  type PromptComparison,
  type PromptVariant,
  type ComparisonRun,
  type Verdict,
} from "./prompt-checks";
export {
  optimizationTargets,
  optimizationTargetsIn,
  fieldsThePromptDefines,
} from "./prompt-management-facts";
export * from "./batch";
