/**
 * `evaluateClause`: one clause, one claim's facts, one edition. Synchronous and pure.
 */
import * as z from "zod";
import { parseOrThrow } from "./kernel/fields.js";
import { type ClauseResult, evaluatePrepared, type PreparedRule, prepareRule, type RuleEnvironment } from "./kernel/rule.js";
import { DRAFT_EDITION } from "./measures/edition-draft.js";
import { type ClauseId, type Edition, type MeasuresContext, makeContext, SWITCH_VALUES, type SwitchName, type Switches } from "./measures/edition.js";
import { getRule, isClauseId } from "./measures/registry.js";

export interface ClauseOptions {
  /** The edition whose figures apply; the draft by default. */
  readonly edition?: Edition;
  /** Interpretation switches to change for this call (validated). */
  readonly switches?: Partial<Switches>;
}

const switchShape = Object.fromEntries(
  (Object.keys(SWITCH_VALUES) as SwitchName[]).map((name) => [
    name,
    z.enum(SWITCH_VALUES[name].values as unknown as [string, ...string[]]).optional(),
  ]),
);

/** Partial switch overrides, validated: an unknown switch or value is an error naming the allowed ones. */
export const switchOverridesSchema = z.strictObject(switchShape);

export function validateSwitchOverrides(raw: unknown, path: readonly (string | number)[] = ["switches"]): Partial<Switches> {
  return parseOrThrow(switchOverridesSchema, raw, "switches", path, () => Object.keys(SWITCH_VALUES)) as Partial<Switches>;
}

const contexts = new WeakMap<Edition, MeasuresContext>();

/** The rule context of an edition, built once per edition object (editions are frozen). */
export function contextOf(edition: Edition): MeasuresContext {
  let ctx = contexts.get(edition);
  if (!ctx) {
    ctx = makeContext(edition);
    contexts.set(edition, ctx);
  }
  return ctx;
}

function withSwitches(edition: Edition, overrides: Partial<Switches> | undefined): Edition {
  if (overrides === undefined) return edition;
  const validated = validateSwitchOverrides(overrides);
  // `{ rounding: undefined }` means "no override", never "no rounding".
  const given = Object.fromEntries(Object.entries(validated).filter(([, value]) => value !== undefined));
  if (Object.keys(given).length === 0) return edition;
  return { ...edition, switches: { ...edition.switches, ...given } };
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

/** The clause `clauseId` bound to `edition`, made once per edition and clause (both never change). */
export function boundClause(clauseId: ClauseId, edition: Edition): BoundClause {
  return bind(clauseId, edition);
}

function bind(clauseId: string, edition: Edition): BoundClause {
  let byId = boundClauses.get(edition);
  if (byId === undefined) {
    byId = new Map();
    boundClauses.set(edition, byId);
  }
  let bound = byId.get(clauseId);
  if (bound === undefined) {
    const rule = getRule(clauseId);
    bound = {
      prepared: prepareRule(rule, contextOf(edition)),
      env: { rounding: edition.switches.rounding, editionName: edition.id, switches: switchesUsed(rule.switches, edition.switches) },
    };
    byId.set(clauseId, bound);
  }
  return bound;
}

/**
 * Evaluate one clause on one claim's facts. Throws UnknownClauseError for an unknown id and
 * PolicyValidationError (every issue, each naming its field) for malformed input.
 */
export function evaluateClause(clauseId: ClauseId | string, input: unknown, options: ClauseOptions = NO_OPTIONS): ClauseResult {
  // An unknown id is refused before anything is cached under it.
  if (!isClauseId(clauseId)) getRule(clauseId);
  const edition = withSwitches(options.edition ?? DRAFT_EDITION, options.switches);
  const bound = bind(clauseId, edition);
  return evaluatePrepared(bound.prepared, input, bound.env);
}

const NO_OPTIONS: ClauseOptions = Object.freeze({});
