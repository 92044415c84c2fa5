/**
 * A clause bound to a sealed edition — its rule prepared with the edition's context — made once per
 * edition and clause, and the evaluation of one claim's facts with it. No validation of editions here:
 * callers pass an edition the library sealed (`validateEdition`, the draft). `evaluateClause`
 * (evaluate-clause.ts) validates what a caller gives; the spreadsheet functions use the draft only, and
 * so their bundle carries neither the schema of editions nor its code (a 150,000-byte budget).
 */
import type * as z from "zod";
import { type ClauseResult, type ClauseVerdict, decideVerdict, evaluatePrepared, type PreparedRule, prepareRule, readFacts, type RuleEnvironment } from "./kernel/rule.js";
import { DRAFT_EDITION } from "./measures/edition-draft.js";
import { type ClauseId, type Edition, type MeasuresContext, makeContext, type SwitchName, type Switches } from "./measures/edition.js";
import { getRule, isClauseId } from "./measures/registry.js";

const contexts = new WeakMap<Edition, MeasuresContext>();

/**
 * The rule context of an edition, built once per edition object. Callers pass a sealed edition
 * (`frozenEdition`): one that can still change would keep the context of its first figures.
 */
export function contextOf(edition: Edition): MeasuresContext {
  let ctx = contexts.get(edition);
  if (!ctx) {
    ctx = makeContext(edition);
    contexts.set(edition, ctx);
  }
  return ctx;
}

const switchesUsedCache = new WeakMap<Switches, Map<readonly string[], Readonly<Record<string, string>>>>();

/**
 * The switches a rule reads, plus rounding (every rule rounds), with their values in force. Memoised per
 * switch set and rule (both frozen or never mutated), and frozen, since every result shares it.
 */
export function switchesUsed(ruleSwitches: readonly string[], switches: Switches): Readonly<Record<string, string>> {
  let byRule = switchesUsedCache.get(switches);
  if (!byRule) {
    byRule = new Map();
    switchesUsedCache.set(switches, byRule);
  }
  let used = byRule.get(ruleSwitches);
  if (!used) {
    const record: Record<string, string> = {};
    for (const name of [...ruleSwitches, "rounding"]) record[name] = switches[name as SwitchName];
    used = Object.freeze(record);
    byRule.set(ruleSwitches, used);
  }
  return used;
}

/** A clause bound to an edition: its rule, the edition's context and the rule's environment. */
export interface BoundClause {
  readonly prepared: PreparedRule<z.ZodType, MeasuresContext>;
  readonly env: RuleEnvironment;
}

const boundClauses = new WeakMap<Edition, Map<string, BoundClause>>();

/**
 * The clause `clauseId` (a known id: see `isClauseId`) bound to a sealed `edition` (`frozenEdition`),
 * made once per edition and clause.
 */
export function boundClause(clauseId: ClauseId | string, edition: Edition): BoundClause {
  let byId = boundClauses.get(edition);
  if (byId === undefined) {
    byId = new Map();
    boundClauses.set(edition, byId);
  }
  let bound = byId.get(clauseId);
  if (bound === undefined) {
    const rule = getRule(clauseId);
    const env = { rounding: edition.switches.rounding, editionName: edition.id, switches: switchesUsed(rule.switches, edition.switches) };
    bound = { prepared: prepareRule(rule, contextOf(edition)), env };
    byId.set(clauseId, bound);
  }
  return bound;
}

/**
 * One claim's facts decided by `clauseId` under a sealed `edition`. Throws UnknownClauseError for an
 * unknown id (before anything is cached under it) and PolicyValidationError for malformed facts.
 */
export function evaluateOn(clauseId: ClauseId | string, input: unknown, edition: Edition): ClauseResult {
  if (!isClauseId(clauseId)) getRule(clauseId);
  const bound = boundClause(clauseId, edition);
  return evaluatePrepared(bound.prepared, input, bound.env);
}

/** One claim's facts decided only (no explanation) by `clauseId` under a sealed `edition`. */
export function decideOn(clauseId: ClauseId | string, input: unknown, edition: Edition): ClauseVerdict {
  if (!isClauseId(clauseId)) getRule(clauseId);
  const bound = boundClause(clauseId, edition);
  return decideVerdict(bound.prepared, readFacts(bound.prepared, input, NO_PATH), bound.env);
}

const NO_PATH: readonly (string | number)[] = Object.freeze([]);

/** `evaluateClause(clauseId, input)` under the draft, for the spreadsheet functions. */
export function evaluateDraftClause(clauseId: ClauseId | string, input: unknown): ClauseResult {
  return evaluateOn(clauseId, input, DRAFT_EDITION);
}
