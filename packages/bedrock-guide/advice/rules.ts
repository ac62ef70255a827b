import type { Rule } from "./rule";
import { PROMPT_MANAGEMENT_RULES } from "./prompt-management";
import { BATCH_RULES } from "./batch";
import {
  expiredCredentials,
  invalidCredentials,
  noCredentials,
} from "./credentials";
import { endOfLife, extendedAccess, legacyModel } from "./lifecycle";
import {
  invalidModelId,
  modelNotCallableHere,
  modelNotInRegion,
  needsInferenceProfile,
  noAccess,
  profileNotInRegion,
  useCaseNotSubmitted,
} from "./models";
import { budget, dailyTokenQuota, quota, throttling } from "./quotas";
import {
  cannotConnect,
  noRegion,
  regionNotEnabled,
  regionWithoutBedrock,
} from "./regions";
import {
  invalidRequest,
  temperatureRefused,
  temperatureWithTopP,
} from "./requests";

/** The advice rules, most specific first: the first rule that matches and answers wins. */
export const RULES: Rule[] = [
  // A Prompt Management call's error names its own IAM action or prompt: those come first.
  ...PROMPT_MANAGEMENT_RULES,
  // A batch job's errors name its role, bucket or record count: before the generic access rules.
  ...BATCH_RULES,
  budget,
  modelNotCallableHere,
  extendedAccess,
  noCredentials,
  expiredCredentials,
  regionNotEnabled,
  invalidCredentials,
  noRegion,
  regionWithoutBedrock,
  useCaseNotSubmitted,
  needsInferenceProfile,
  legacyModel,
  endOfLife,
  profileNotInRegion,
  modelNotInRegion,
  invalidModelId,
  noAccess,
  dailyTokenQuota,
  throttling,
  quota,
  cannotConnect,
  temperatureRefused,
  temperatureWithTopP,
  invalidRequest,
];
