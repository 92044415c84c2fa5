/**
 * `evaluateClause`: one clause, one claim's facts, one edition. Synchronous and pure.
 */
import * as z from "zod";
import { decideOn, evaluateOn } from "./clause-binding.js";
import { makeIssue, PolicyValidationError } from "./kernel/errors.js";
import { parseOrThrow, toValidationIssues } from "./kernel/fields.js";
import { type ClauseResult, type ClauseVerdict, verdictDisagreement } from "./kernel/rule.js";
import { DRAFT_EDITION } from "./measures/edition-draft.js";
import { type ClauseId, type Edition, SWITCH_VALUES, sealEdition, type SwitchName, type Switches } from "./measures/edition.js";
import { validateEdition } from "./measures/edition-validation.js";
import { getRule, isClauseId } from "./measures/registry.js";
import { clauseVerdictSchema } from "./schemas.js";

// The clause bound to its edition lives in clause-binding.ts (the spreadsheet bundle uses it with the
// draft, without the schema of editions); the evaluators import it from here as before.
export { type BoundClause, boundClause, contextOf, switchesUsed } from "./clause-binding.js";

export interface ClauseOptions {
  /** The edition whose figures apply; the draft by default. */
  readonly edition?: Edition;
  /** Interpretation switches to change for this call (validated). */
  readonly switches?: Partial<Switches>;
  /**
   * `false`: decide only — a `ClauseVerdict` (status, amounts, failed conditions, missing facts, the cap
   * that bit) without the explanation. The path for batch and population work; `explainVerdict` gives
   * the whole result later. Default `true`: the whole `ClauseResult`.
   */
  readonly explain?: boolean;
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

const CLAUSE_OPTION_KEYS = ["edition", "switches", "explain"];

/**
 * The options of `evaluateClause`, read once (a getter is asked once): an object with at most
 * `edition` and `switches`; anything else is refused naming the options there are.
 */
function readClauseOptions(options: unknown, context = "evaluateClause"): { edition: unknown; switches: Partial<Switches> | undefined; explain: boolean } {
  if (options === undefined) return { edition: undefined, switches: undefined, explain: true };
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new PolicyValidationError(
      [makeIssue({ code: "invalid_type", pathSegments: ["options"], received: options, expected: "an object { edition?, switches?, explain? }", expectedZh: "对象 { edition?, switches?, explain? }" })],
      context,
    );
  }
  // A loop, not Object.keys(…).filter(…): every call with options passes here (batch work included).
  let unknown: string[] | null = null;
  for (const key in options) if (Object.prototype.hasOwnProperty.call(options, key) && !CLAUSE_OPTION_KEYS.includes(key)) (unknown ??= []).push(key);
  if (unknown !== null) {
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
      context,
    );
  }
  const record = options as { edition?: unknown; switches?: Partial<Switches>; explain?: unknown };
  const explain = record.explain;
  if (explain !== undefined && typeof explain !== "boolean") {
    throw new PolicyValidationError(
      [makeIssue({ code: "invalid_type", pathSegments: ["options", "explain"], received: explain, expected: "true or false (false: decide only, without the explanation)", expectedZh: "true 或 false（false：只作判定，不附说明）" })],
      context,
    );
  }
  return { edition: record.edition, switches: record.switches, explain: explain !== false };
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
 * PolicyValidationError (every issue, each naming its field) for malformed input. With
 * `{ explain: false }` it decides only and returns a `ClauseVerdict`.
 */
export function evaluateClause(clauseId: ClauseId | string, input: unknown, options: ClauseOptions & { readonly explain: false }): ClauseVerdict;
export function evaluateClause(clauseId: ClauseId | string, input: unknown, options?: ClauseOptions & { readonly explain?: true }): ClauseResult;
export function evaluateClause(clauseId: ClauseId | string, input: unknown, options?: ClauseOptions): ClauseResult | ClauseVerdict;
export function evaluateClause(clauseId: ClauseId | string, input: unknown, options: ClauseOptions = {}): ClauseResult | ClauseVerdict {
  // An unknown id is refused before anything is cached under it.
  if (!isClauseId(clauseId)) getRule(clauseId);
  const { edition: given, switches, explain } = readClauseOptions(options);
  // Only an absent edition means the draft: `null` is a mistake, refused by the validation.
  const edition = withSwitches(validateEdition(given === undefined ? DRAFT_EDITION : given), switches);
  return explain ? evaluateOn(clauseId, input, edition) : decideOn(clauseId, input, edition);
}

/**
 * The second pass: the whole result (conditions, steps, caps, reasons) of a verdict that
 * `evaluateClause(…, { explain: false })` gave, derived again from the same facts under the same
 * edition and switches. Throws PolicyValidationError when the verdict is not the verdict of these facts
 * (another clause, edition, switch or amount), naming the field that differs.
 */
export function explainVerdict(verdict: ClauseVerdict, input: unknown, options: Omit<ClauseOptions, "explain"> = {}): ClauseResult {
  const clauseId = readVerdictClause(verdict);
  // Every field the comparison reads, of the type it reads (a hand-built verdict may lack a list).
  const shape = clauseVerdictSchema.safeParse(verdict, { reportInput: true });
  if (!shape.success) throw new PolicyValidationError(toValidationIssues(shape.error.issues, ["verdict"]), "explainVerdict");
  const { edition: given, switches } = readClauseOptions(options, "explainVerdict");
  const edition = withSwitches(validateEdition(given === undefined ? DRAFT_EDITION : given), switches);
  const result = evaluateOn(clauseId, input, edition);
  const difference = verdictDisagreement(verdict, result);
  if (difference !== null) {
    throw new PolicyValidationError(
      [
        makeIssue({
          code: "inconsistent",
          pathSegments: ["verdict", ...difference.field.split(".")],
          received: difference.verdict,
          expected: `${JSON.stringify(difference.explained)}: the verdict of these facts under edition ${edition.id} (give the facts, edition and switches it was decided with)`,
          expectedZh: `${JSON.stringify(difference.explained)}：即这些事实在版本 ${edition.id} 下的判定（请提供作出该判定时的事实、版本和开关）`,
        }),
      ],
      "explainVerdict",
    );
  }
  return result;
}

/** The clause a verdict names, or an error saying what a verdict is. */
function readVerdictClause(verdict: unknown): ClauseId {
  const clauseId = typeof verdict === "object" && verdict !== null ? (verdict as { clauseId?: unknown }).clauseId : undefined;
  if (typeof clauseId === "string" && isClauseId(clauseId)) return clauseId;
  const atClause = typeof verdict === "object" && verdict !== null;
  throw new PolicyValidationError(
    [
      makeIssue({
        code: atClause ? "invalid_value" : "invalid_type",
        pathSegments: atClause ? ["verdict", "clauseId"] : ["verdict"],
        received: atClause ? clauseId : verdict,
        expected: atClause ? "the id of a clause of the measures" : 'a verdict from evaluateClause(id, facts, { explain: false }): { clauseId, status, amount, … }',
        expectedZh: atClause ? "本措施条款的编号" : "evaluateClause(id, facts, { explain: false }) 给出的判定：{ clauseId, status, amount, … }",
      }),
    ],
    "explainVerdict",
  );
}
