/**
 * `evaluateClause`: one clause, one claim's facts, one edition. Synchronous and pure.
 */
import * as z from "zod";
import { makeIssue, PolicyValidationError } from "./kernel/errors.js";
import { parseOrThrow } from "./kernel/fields.js";
import { type ClauseResult, evaluatePrepared, type PreparedRule, prepareRule, type RuleEnvironment } from "./kernel/rule.js";
import { DRAFT_EDITION } from "./measures/edition-draft.js";
import { type ClauseId, type Edition, frozenEdition, type MeasuresContext, makeContext, SWITCH_VALUES, sealEdition, type SwitchName, type Switches } from "./measures/edition.js";
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

const CLAUSE_OPTION_KEYS = ["edition", "switches"];

/**
 * The options of `evaluateClause`, read once (a getter is asked once): an object with at most
 * `edition` and `switches`; anything else is refused naming the options there are.
 */
function readClauseOptions(options: unknown): { edition: unknown; switches: Partial<Switches> | undefined } {
  if (options === undefined) return { edition: undefined, switches: undefined };
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new PolicyValidationError(
      [makeIssue({ code: "invalid_type", pathSegments: ["options"], received: options, expected: "an object { edition?, switches? }", expectedZh: "对象 { edition?, switches? }" })],
      "evaluateClause",
    );
  }
  const unknown = Object.keys(options).filter((key) => !CLAUSE_OPTION_KEYS.includes(key));
  if (unknown.length > 0) {
    throw new PolicyValidationError(
      unknown.map((key) =>
        makeIssue({
          code: "unknown_field",
          pathSegments: ["options", key],
          received: undefined,
          expected: `no option named "${key}"; known options: ${CLAUSE_OPTION_KEYS.join(", ")}`,
          expectedZh: `没有名为“${key}”的选项；已知选项：${CLAUSE_OPTION_KEYS.join("、")}`,
        }),
      ),
      "evaluateClause",
    );
  }
  const record = options as { edition?: unknown; switches?: Partial<Switches> };
  return { edition: record.edition, switches: record.switches };
}

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

function withSwitches(edition: Edition, overrides: Partial<Switches> | undefined): Edition {
  if (overrides === undefined) return edition;
  const switches: Record<string, unknown> = { ...edition.switches };
  let changed = false;
  for (const [name, value] of Object.entries(validateSwitchOverrides(overrides))) {
    // `{ rounding: undefined }` means "no override", never "no rounding".
    if (value !== undefined) {
      switches[name] = value;
      changed = true;
    }
  }
  // Sealed like every edition the library makes (a fresh object per call: nothing is cached under it).
  return changed ? sealEdition({ ...edition, switches: switches as unknown as Switches }) : edition;
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
  /** The same environment deciding only (`explain: false`), for the population simulation. */
  readonly quiet: RuleEnvironment;
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
    bound = { prepared: prepareRule(rule, contextOf(edition)), env, quiet: { ...env, explain: false } };
    byId.set(clauseId, bound);
  }
  return bound;
}

/**
 * Evaluate one clause on one claim's facts. Throws UnknownClauseError for an unknown id and
 * PolicyValidationError (every issue, each naming its field) for malformed input.
 */
export function evaluateClause(clauseId: ClauseId | string, input: unknown, options: ClauseOptions = {}): ClauseResult {
  // An unknown id is refused before anything is cached under it.
  if (!isClauseId(clauseId)) getRule(clauseId);
  const { edition: given, switches } = readClauseOptions(options);
  // Only an absent edition means the draft: `null` is a mistake, refused by the validation.
  const edition = withSwitches(frozenEdition((given === undefined ? DRAFT_EDITION : given) as Edition), switches);
  const bound = boundClause(clauseId, edition);
  return evaluatePrepared(bound.prepared, input, bound.env);
}

