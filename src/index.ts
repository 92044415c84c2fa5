/**
 * pinggu-live-commerce — the Pinggu District live-commerce measures as code.
 */
export { evaluateClause, explainVerdict, type ClauseOptions, validateSwitchOverrides, switchOverridesSchema } from "./evaluate-clause.js";
export { getRule, isClauseId, listClauseIds, listRules, RULES } from "./measures/registry.js";
export { DRAFT_EDITION, DEFAULT_SWITCHES } from "./measures/edition-draft.js";
export {
  type ClauseId,
  type Edition,
  type Parameters,
  type Switches,
  type SwitchName,
  SWITCH_VALUES,
} from "./measures/edition.js";
export { validateEdition } from "./measures/edition-validation.js";
export { PARAMETER_KINDS, type ParameterKind } from "./measures/edition-schema.js";
export type { MeasuresRule } from "./measures/common.js";
export { PolicyValidationError, UnknownClauseError, type ValidationIssue } from "./kernel/errors.js";
export type {
  CapApplication,
  CapScope,
  Citation,
  ClauseResult,
  ClauseStatus,
  ClauseVerdict,
  OnceScope,
} from "./kernel/rule.js";
export type { Bilingual, Comparison, ConditionResult, Outcome, Threshold } from "./kernel/conditions.js";
export type { Step, StepKind } from "./kernel/calc.js";
export { CLAUSE_REASON_CODES, type Reason, type ReasonDefinition } from "./kernel/reasons.js";
export { CIVIL_CODE_WORDS, THRESHOLD_WORDS, type Operator, type ThresholdWord } from "./kernel/words.js";
export type { CivilDate } from "./kernel/dates.js";
export type { RoundingMode } from "./kernel/decimal.js";
export { explainClause } from "./kernel/explain.js";
export { evaluate, editionHash, type EvaluateOptions } from "./evaluate.js";
export { explainSummary } from "./explain-summary.js";
export type { ClaimDecision, ClaimStatus, CrossClaimCap, DecidedClaim, Decision, DecisionOf, DecisionSummary } from "./decision.js";
export { recoveries, type RecoveryItem, type RecoveryReport } from "./art09-13-recoveries.js";
export { evaluateBatch, groupApplications, mergeApplications, type ApplicationGroup, type BatchOptions } from "./batch.js";
export {
  applicationSchema,
  type Application,
  type ApplicationArgument,
  type ApplicationInput,
  type Claim,
  type Grant,
  type MisconductFinding,
  MISCONDUCT_KINDS,
} from "./application.js";
export { deriveEdition, editionOverrideSchema, type EditionOverride } from "./measures/derive-edition.js";
export {
  APPLICATION_REASON_CODES,
  type ArticleCitation,
  type ValidityWindow,
  validityWindow,
} from "./measures/general-provisions.js";
export { usccCheckCharacter, usccProblem } from "./kernel/uscc.js";
export { sha256Hex } from "./kernel/sha256.js";
export { canonicalJson, canonicalJsonSha256 } from "./kernel/canonical.js";
export { LIBRARY_NAME, LIBRARY_VERSION } from "./version.js";
export { CLAIM_STATUS_ZH, explainClaim, explainDecision } from "./explain-decision.js";
export type { Language } from "./kernel/explain.js";
export {
  applicationJsonSchema,
  completeEditionJsonSchema,
  decisionJsonSchema,
  decisionSchema,
  decisionSummaryJsonSchema,
  decisionSummarySchema,
  clauseVerdictJsonSchema,
  clauseVerdictSchema,
  editionJsonSchema,
  jsonSchemaText,
  SCHEMA_NAMES,
  type SchemaName,
} from "./schemas.js";
export {
  simulate,
  simulateAsync,
  Simulation,
  scaleLargestRemainder,
  type AwardRecord,
  type DistributionBand,
  type Difference,
  type EditionSummary,
  type EnvelopeReport,
  type SimulationOptions,
  type SimulationResult,
} from "./simulate.js";
export { generatePopulation, seededRandom, type PopulationOptions } from "./population.js";
