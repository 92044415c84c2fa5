/**
 * `evaluateClause`: one clause, one claim's facts, one edition. Synchronous and pure.
 */
import * as z from "zod";
import { evaluateOn } from "./clause-binding.js";
import { makeIssue, PolicyValidationError } from "./kernel/errors.js";
import { parseOrThrow } from "./kernel/fields.js";
import type { ClauseResult } from "./kernel/rule.js";
import { DRAFT_EDITION } from "./measures/edition-draft.js";
import { type ClauseId, type Edition, SWITCH_VALUES, sealEdition, type SwitchName, type Switches } from "./measures/edition.js";
import { validateEdition } from "./measures/edition-validation.js";
import { getRule, isClauseId } from "./measures/registry.js";

// The clause bound to its edition lives in clause-binding.ts (the spreadsheet bundle uses it with the
// draft, without the schema of editions); the evaluators import it from here as before.
export { type BoundClause, boundClause, contextOf, switchesUsed } from "./clause-binding.js";

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

/**
 * Evaluate one clause on one claim's facts. Throws UnknownClauseError for an unknown id and
 * PolicyValidationError (every issue, each naming its field) for malformed input.
 */
export function evaluateClause(clauseId: ClauseId | string, input: unknown, options: ClauseOptions = {}): ClauseResult {
  // An unknown id is refused before anything is cached under it.
  if (!isClauseId(clauseId)) getRule(clauseId);
  const { edition: given, switches } = readClauseOptions(options);
  // Only an absent edition means the draft: `null` is a mistake, refused by the validation.
  const edition = withSwitches(validateEdition(given === undefined ? DRAFT_EDITION : given), switches);
  return evaluateOn(clauseId, input, edition);
}

