/**
 * The rule type, and the two passes that run a rule on one claim's facts.
 *
 * A rule is data plus three pure functions: its eligibility conditions, its amount calculator and its
 * caps. The kernel reads and checks the input (`readFacts`), then either decides (`decideVerdict`: the
 * conditions combined with three-valued logic, the amount rounded once, the caps applied in order —
 * status and amounts only) or explains (`explainFacts`: the same, with each condition's comparison, each
 * step of the arithmetic, each cap and the reasons). Both run the same rule definition by the same code;
 * `verdictDisagreement` says where an explanation and a verdict would differ (they never should). It
 * knows nothing of Pinggu: the policy's clauses live in src/measures/.
 */
import type { CivilDate } from "./dates.js";
import type * as z from "zod";
import { Calculation, roundStep, type Step } from "./calc.js";
import type { Bilingual, ConditionResult } from "./conditions.js";
import { type Decimal, formatMoney, type RoundingMode } from "./decimal.js";
import { type IssueInput, makeIssue, PolicyValidationError } from "./errors.js";
import { type FastParser, fastParserOf, parseWith } from "./fields.js";
import { CLAUSE_REASON_CODES, type Reason } from "./reasons.js";

/** Where a clause stands in the text: 第三条第（一）项 = article 3, paragraph 1, item 1. */
export interface Citation {
  readonly article: number;
  /** 款; every clause of these measures sits in the first (only) paragraph of its article. */
  readonly paragraph: number;
  /** 项: (一) = 1. */
  readonly item: number;
  /** e.g. "第三条第一款第（一）项". */
  readonly labelZh: string;
  /** e.g. "Article 3(1), item (1)". */
  readonly labelEn: string;
  /** The verbatim text of the whole item, as published. */
  readonly itemTextZh: string;
  /** The verbatim sentence(s) this rule implements (a part of `itemTextZh`). */
  readonly provisionZh: string;
}

/**
 * How far a cap reaches. `per-claim` caps one session, park, product or loan; `per-project` caps all the
 * claims of one project under the clause (the same `projectId`) and earlier grants for it — a claim
 * without a project id is its own project; the others run across all of an applicant's claims and
 * earlier grants. Every cap also bounds each claim on its own; the evaluator's ledger enforces the rest.
 */
export type CapScope = "per-claim" | "per-project" | "per-enterprise-per-year" | "per-enterprise-per-term";

/** "One-time" awards: at most one award in the scope (一次性). */
export type OnceScope = "per-enterprise" | "per-enterprise-per-year" | "per-project" | "per-product";

export interface CapSpec {
  /** Stable id, e.g. "art4.1-session/per-enterprise-per-year". */
  readonly id: string;
  readonly limit: Decimal;
  readonly scope: CapScope;
  readonly label: Bilingual;
}

export interface CapApplication {
  readonly id: string;
  readonly scope: CapScope;
  readonly limit: string;
  readonly before: string;
  readonly after: string;
  /** Whether this cap reduced the amount. */
  readonly bit: boolean;
  readonly label: Bilingual;
}

export type ClauseStatus = "eligible" | "ineligible" | "undetermined";

export interface RuleDefinition<S extends z.ZodType, Ctx> {
  readonly id: string;
  readonly title: Bilingual;
  readonly citation: Citation;
  /** How the library reads the clause, in plain words (for docs and explanations). */
  readonly reading: Bilingual;
  /** The formula before caps, in plain words. */
  readonly formula: Bilingual;
  readonly schema: S;
  /** Names of the interpretation switches this rule reads (for docs and results). */
  readonly switches: readonly string[];
  /** Fields the amount calculator needs; missing ones make the clause undetermined. */
  readonly amountFields: readonly string[];
  /** Checks that need the edition (e.g. a reviewed rate above the clause's maximum). */
  validate?(input: z.output<S>, ctx: Ctx): readonly RuleProblem[];
  conditions(input: z.output<S>, ctx: Ctx): readonly ConditionResult[];
  /** The exact amount before rounding and caps; only called when every condition is met. */
  amount(input: z.output<S>, ctx: Ctx, calc: Calculation): Decimal;
  caps(ctx: Ctx): readonly CapSpec[];
  once(ctx: Ctx): OnceScope | undefined;
  /**
   * What a claim's fact date must be, where the clause fixes it (else any date in the window):
   * `"year-end"` for a clause paid on a year's figure (31 December of the year the figure counts);
   * `{ field }` for a clause paid for a span of days ending on that fact (the end of the span). The
   * evaluator refuses any other date as invalid input.
   */
  readonly factDate?: "year-end" | { readonly field: string };
  /**
   * A clause whose award stands on top of another's (在上述条款基础上再给予): it belongs to no project or
   * expenditure for the rule against paying one project twice, whatever project id its claims carry.
   */
  readonly stacksOn?: string;
  /**
   * For a clause paid for a span of days of which only some are paid (days outside the validity window
   * are not): the last day paid for, "none" when no day is, undefined when the clause's reading pays
   * for the whole span or its facts are missing (then the fact date alone places the claim).
   */
  lastPaidDay?(input: z.output<S>, ctx: Ctx): CivilDate | "none" | undefined;
}

/** An input that is well-formed but inconsistent with the edition (e.g. a rate above the maximum). */
export interface RuleProblem extends Omit<IssueInput, "pathSegments" | "code"> {
  readonly field: string;
}

/** What a rule needs from its surroundings, besides its own context. */
export interface RuleEnvironment {
  readonly rounding: RoundingMode;
  readonly editionName: string;
  /** The switches in force that this rule reads (name → value). */
  readonly switches: Readonly<Record<string, string | boolean>>;
  /** Prefix for error paths, e.g. ["claims", 3, "input"]. */
  readonly path?: readonly (string | number)[];
}

export interface ClauseResult {
  readonly clauseId: string;
  readonly title: Bilingual;
  readonly citation: Citation;
  readonly status: ClauseStatus;
  /** The amount after rounding and this clause's caps; "0.00" when ineligible; null when undetermined. */
  readonly amount: string | null;
  /** Exact amount before rounding (plain decimal); null unless eligible. */
  readonly exactAmount: string | null;
  /** Rounded amount before caps; null unless eligible. */
  readonly roundedAmount: string | null;
  readonly conditions: readonly ConditionResult[];
  readonly failedConditions: readonly string[];
  readonly missingFacts: readonly string[];
  readonly steps: readonly Step[];
  readonly caps: readonly CapApplication[];
  /** Id of the cap that bit (the last one that reduced the amount), or null. */
  readonly capBinding: string | null;
  /** "One-time" scope of the award, enforced across claims by the evaluator. */
  readonly once: OnceScope | null;
  readonly reasons: readonly Reason[];
  readonly rounding: RoundingMode;
  readonly edition: string;
  readonly switches: Readonly<Record<string, string | boolean>>;
}

/**
 * A clause's decision without its explanation: status and amounts, the ids of the conditions that
 * failed, the facts missing and the cap that bit. Plain, frozen, serialisable data. What `decideVerdict`
 * gives, and what `explainFacts` re-derives and must agree with (see `checkAgreement`).
 */
export interface ClauseVerdict {
  readonly clauseId: string;
  readonly status: ClauseStatus;
  /** The amount after rounding and this clause's caps; "0.00" when ineligible; null when undetermined. */
  readonly amount: string | null;
  /** Rounded amount before caps; null unless eligible. */
  readonly roundedAmount: string | null;
  readonly failedConditions: readonly string[];
  readonly missingFacts: readonly string[];
  /** Id of the cap that bit (the last one that reduced the amount), or null. */
  readonly capBinding: string | null;
  readonly once: OnceScope | null;
  readonly rounding: RoundingMode;
  readonly edition: string;
  readonly switches: Readonly<Record<string, string | boolean>>;
}

function comparisonText(condition: ConditionResult): { en: string; zh: string } {
  const c = condition.comparison;
  if (!c) {
    const facts = (condition.facts ?? []).map((f) => `${f.field} = ${f.value === null ? "(missing)" : String(f.value)}`);
    return {
      en: `${condition.label.en}: ${facts.join(", ")} (${condition.combine === "any" ? "at least one must be true" : "must be true"})`,
      zh: `${condition.label.zh}：${facts.join("，")}（${condition.combine === "any" ? "至少一项须为是" : "须为是"}）`,
    };
  }
  const verdict = c.holds ? "true" : "false";
  return {
    en: `${condition.label.en}: ${c.left} ${c.op} ${c.right} is ${verdict} because ${c.meaning.en} (${c.source.en})`,
    zh: `${condition.label.zh}：${c.left} ${c.op} ${c.right} ${c.holds ? "成立" : "不成立"}，因为${c.meaning.zh}（${c.source.zh}）`,
  };
}

function conditionReasons(conditions: readonly ConditionResult[]): Reason[] {
  const reasons: Reason[] = [];
  for (const condition of conditions) {
    if (condition.outcome !== "failed") continue;
    const code = condition.comparison ? CLAUSE_REASON_CODES.THRESHOLD_NOT_MET.code : CLAUSE_REASON_CODES.FACT_NOT_ESTABLISHED.code;
    const text = comparisonText(condition);
    reasons.push({ code, conditionId: condition.id, en: text.en, zh: text.zh });
  }
  return reasons;
}

/**
 * A plain object of facts: made by `{}`, JSON.parse or Object.create(null) — in this realm or another
 * (a vm context, an iframe, a spreadsheet engine), whose Object.prototype is a different object.
 * A Map, a Set, a Date or a class instance is not one.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // The common case first: an object of this realm ({} or JSON.parse).
  if (proto === Object.prototype || proto === null) return true;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  return proto !== null && Object.getPrototypeOf(proto) === null;
}

/** A cap with its limit already printed. */
interface PreparedCap {
  readonly spec: CapSpec;
  readonly limitText: string;
}

/**
 * A rule bound to a context, with what its evaluation needs that depends only on the two worked out
 * once: the caps with their limits printed, the one-time scope, the compiled input reader.
 */
export interface PreparedRule<S extends z.ZodType = z.ZodType, Ctx = unknown> {
  readonly rule: RuleDefinition<S, Ctx>;
  readonly ctx: Ctx;
  readonly caps: readonly PreparedCap[];
  readonly once: OnceScope | null;
  readonly knownFields: () => readonly string[];
  readonly fast: FastParser | undefined;
  /** "clause art3.1": where a validation error comes from. */
  readonly context: string;
}

/** Prepared rules per context object (an edition's context is made once per edition) and rule. */
const PREPARED = new WeakMap<object, WeakMap<object, PreparedRule>>();

/** The rule bound to `ctx`, made once per (context, rule): both are immutable. */
export function prepareRule<S extends z.ZodType, Ctx>(rule: RuleDefinition<S, Ctx>, ctx: Ctx): PreparedRule<S, Ctx> {
  const key = ctx as unknown as object;
  let byRule = PREPARED.get(key);
  if (byRule === undefined) {
    byRule = new WeakMap();
    PREPARED.set(key, byRule);
  }
  let prepared = byRule.get(rule) as PreparedRule<S, Ctx> | undefined;
  if (prepared === undefined) {
    const fields = Object.freeze(Object.keys((rule.schema as unknown as { shape?: object }).shape ?? {}));
    prepared = {
      rule,
      ctx,
      caps: rule.caps(ctx).map((spec) => ({ spec, limitText: formatMoney(spec.limit) })),
      once: rule.once(ctx) ?? null,
      knownFields: () => fields,
      fast: fastParserOf(rule.schema),
      context: `clause ${rule.id}`,
    };
    byRule.set(rule, prepared as unknown as PreparedRule);
  }
  return prepared;
}

/**
 * Every clause result is made here, with its fields always in the same order: one object shape for
 * all results, which keeps the code that reads them fast.
 */
function makeResult<S extends z.ZodType, Ctx>(
  rule: RuleDefinition<S, Ctx>,
  prepared: PreparedRule<S, Ctx>,
  env: RuleEnvironment,
  status: ClauseStatus,
  amount: string | null,
  exactAmount: string | null,
  roundedAmount: string | null,
  conditions: readonly ConditionResult[],
  failedConditions: readonly string[],
  missingFacts: readonly string[],
  steps: readonly Step[],
  caps: readonly CapApplication[],
  capBinding: string | null,
  reasons: readonly Reason[],
): ClauseResult {
  // The order of the text documents (golden decisions compare them byte for byte). Not frozen here:
  // freezing each step, condition and reason cost 30–45% of evaluateClause's explained throughput
  // (docs/performance.md); a decision document freezes the results it holds.
  return {
    clauseId: rule.id,
    title: rule.title,
    citation: rule.citation,
    conditions,
    once: prepared.once,
    rounding: env.rounding,
    edition: env.editionName,
    switches: env.switches,
    status,
    amount,
    exactAmount,
    roundedAmount,
    failedConditions,
    missingFacts,
    steps,
    caps,
    capBinding,
    reasons,
  };
}

function notAnObject<S extends z.ZodType, Ctx>(rule: RuleDefinition<S, Ctx>, raw: unknown, path: readonly (string | number)[]): PolicyValidationError {
  return new PolicyValidationError(
    [
      makeIssue({
        code: "invalid_type",
        pathSegments: path,
        received: raw,
        expected: `an object of the clause's facts (JSON {…}), e.g. {"${Object.keys((rule.schema as unknown as { shape?: object }).shape ?? {})[0] ?? "field"}": …}`,
        expectedZh: "由条款事实组成的对象（JSON {…}）",
      }),
    ],
    `clause ${rule.id}`,
  );
}

/**
 * Run one rule on one claim's raw facts. Throws PolicyValidationError (with every issue) for input that
 * is malformed; returns a result for anything else, eligible or not.
 */
export function evaluateRule<S extends z.ZodType, Ctx>(
  rule: RuleDefinition<S, Ctx>,
  raw: unknown,
  ctx: Ctx,
  env: RuleEnvironment,
): ClauseResult {
  return evaluatePrepared(prepareRule(rule, ctx), raw, env);
}

/** `evaluateRule` with the rule already bound to its context (see `prepareRule`). */
export function evaluatePrepared<S extends z.ZodType, Ctx>(prepared: PreparedRule<S, Ctx>, raw: unknown, env: RuleEnvironment): ClauseResult {
  return explainFacts(prepared, readFacts(prepared, raw, env.path ?? NO_PATH), env);
}

/**
 * A claim's raw facts read and checked against the rule and its edition: a new object of parsed values
 * (decimals, dates, booleans, counts — every fact is a scalar), sharing nothing the caller could change
 * afterwards. Throws PolicyValidationError (every issue, under `path`) for malformed facts.
 */
export function readFacts<S extends z.ZodType, Ctx>(prepared: PreparedRule<S, Ctx>, raw: unknown, path: readonly (string | number)[]): ReadFacts<S> {
  const rule = prepared.rule;
  if (!isPlainObject(raw)) throw notAnObject(rule, raw, path);
  const input = parseWith(prepared.fast, rule.schema, raw, prepared.context, path, prepared.knownFields) as z.output<S>;
  if (rule.validate) {
    const problems = rule.validate(input, prepared.ctx);
    if (problems.length > 0) {
      throw new PolicyValidationError(
        problems.map((problem) => makeIssue({ ...problem, code: "inconsistent", pathSegments: [...path, problem.field] })),
        `clause ${rule.id}`,
      );
    }
  }
  return input as ReadFacts<S>;
}

declare const READ: unique symbol;
/** Facts that `readFacts` has read and checked: only such facts can be decided. */
export type ReadFacts<S extends z.ZodType = z.ZodType> = z.output<S> & { readonly [READ]: true };

interface ConditionsVerdict {
  readonly status: ClauseStatus;
  /** The ids of the failed conditions (ineligible). */
  readonly failed: readonly string[];
  /** Ineligible: the fields the conditions miss; undetermined: those and the amount's missing fields. */
  readonly missing: readonly string[];
}

const CONDITIONS_MET: ConditionsVerdict = { status: "eligible", failed: [], missing: [] };

/**
 * What the conditions and the amount's facts make of a clause, by three-valued logic: a failed
 * condition makes it ineligible; else a missing fact (of a condition or of the amount) undetermined.
 */
function judgeConditions(conditions: readonly ConditionResult[], amountFields: readonly string[], record: Record<string, unknown>): ConditionsVerdict {
  const failed: string[] = [];
  const missing: string[] = [];
  for (const condition of conditions) {
    if (condition.outcome === "failed") failed.push(condition.id);
    for (const field of condition.missing) missing.push(field);
  }
  if (failed.length > 0) return { status: "ineligible", failed, missing };
  for (const field of amountFields) if (record[field] === undefined) missing.push(field);
  // A condition lists its fields as missing only when its outcome is missing.
  return missing.length === 0 ? CONDITIONS_MET : { status: "undetermined", failed: NONE, missing: [...new Set(missing)] };
}

function verdictOf(
  prepared: PreparedRule,
  env: RuleEnvironment,
  status: ClauseStatus,
  amount: string | null,
  roundedAmount: string | null,
  failedConditions: readonly string[],
  missingFacts: readonly string[],
  capBinding: string | null,
): ClauseVerdict {
  return Object.freeze({
    clauseId: prepared.rule.id,
    status,
    amount,
    roundedAmount,
    failedConditions: failedConditions.length === 0 ? NONE : Object.freeze(failedConditions),
    missingFacts: missingFacts.length === 0 ? NONE : Object.freeze(missingFacts),
    capBinding,
    once: prepared.once,
    rounding: env.rounding,
    edition: env.editionName,
    switches: env.switches,
  });
}

/**
 * Decide facts already read by `readFacts`: the first of the two passes over one rule definition. It
 * computes the status and the amounts only — the same conditions and the same arithmetic as
 * `explainFacts`, by the same code, with a calculation that records no steps — and builds no
 * explanation: no reasons, steps or cap applications. For batch and population work.
 */
export function decideVerdict<S extends z.ZodType, Ctx>(prepared: PreparedRule<S, Ctx>, facts: ReadFacts<S>, env: RuleEnvironment): ClauseVerdict {
  const rule = prepared.rule;
  const input = facts as z.output<S>;
  const judged = judgeConditions(rule.conditions(input, prepared.ctx), rule.amountFields, input as Record<string, unknown>);
  const generic = prepared as unknown as PreparedRule;
  if (judged.status !== "eligible") return verdictOf(generic, env, judged.status, judged.status === "ineligible" ? "0.00" : null, null, judged.failed, judged.missing, null);
  const calc = new Calculation(false);
  const rounded = roundStep(calc, rule.amount(input, prepared.ctx, calc), env.rounding);
  let amount = rounded;
  let capBinding: string | null = null;
  for (const { spec } of prepared.caps) {
    if (spec.limit.lt(amount)) {
      capBinding = spec.id;
      amount = spec.limit;
    }
  }
  return verdictOf(generic, env, "eligible", formatMoney(amount), formatMoney(rounded), NONE, NONE, capBinding);
}

/**
 * Explain facts already read by `readFacts`: the second pass. It derives the clause's whole result —
 * conditions with their comparisons, each step of the arithmetic, each cap, the reasons — from the same
 * rule definition. Pure: the same facts and environment give the same result, so a verdict decided
 * earlier can be explained later (check the two with `checkAgreement`).
 */
export function explainFacts<S extends z.ZodType, Ctx>(prepared: PreparedRule<S, Ctx>, facts: ReadFacts<S>, env: RuleEnvironment): ClauseResult {
  const rule = prepared.rule;
  const ctx = prepared.ctx;
  const input = facts as z.output<S>;
  const conditions = rule.conditions(input, ctx);
  const judged = judgeConditions(conditions, rule.amountFields, input as Record<string, unknown>);
  if (judged.status !== "eligible") {
    const { status, missing } = judged;
    const reasons: Reason[] =
      status === "ineligible"
        ? conditionReasons(conditions)
        : [
            {
              code: CLAUSE_REASON_CODES.FACTS_MISSING.code,
              en: `Missing facts: ${missing.join(", ")}. ${CLAUSE_REASON_CODES.FACTS_MISSING.en}`,
              zh: `缺少事实：${missing.join("、")}。${CLAUSE_REASON_CODES.FACTS_MISSING.zh}`,
            },
          ];
    return makeResult(rule, prepared, env, status, status === "ineligible" ? "0.00" : null, null, null, conditions, judged.failed, missing, NO_STEPS, NO_CAPS, null, reasons);
  }

  const calc = new Calculation(true);
  const exact = rule.amount(input, ctx, calc);
  const rounded = roundStep(calc, exact, env.rounding);
  const roundedText = formatMoney(rounded);
  const notes = calc.notes;
  let reasons: Reason[] | null = null;
  if (notes.length > 0) {
    reasons = [ELIGIBLE_REASON];
    for (const note of notes) reasons.push({ code: note.code, en: note.en, zh: note.zh });
  }
  const caps: CapApplication[] = [];
  let amount = rounded;
  let amountText = roundedText;
  let capBinding: string | null = null;
  for (const { spec, limitText } of prepared.caps) {
    const bit = spec.limit.lt(amount);
    const after = bit ? spec.limit : amount;
    const afterText = bit ? limitText : amountText;
    caps.push({ id: spec.id, scope: spec.scope, limit: limitText, before: amountText, after: afterText, bit, label: spec.label });
    calc.steps.push({ kind: "cap", label: spec.label, operands: [amountText, limitText], result: afterText });
    if (bit) {
      capBinding = spec.id;
      if (reasons === null) reasons = [ELIGIBLE_REASON];
      reasons.push(capReason(spec, amountText, afterText));
    }
    amount = after;
    amountText = afterText;
  }

  return makeResult(
    rule,
    prepared,
    env,
    "eligible",
    amountText,
    calc.print(exact),
    roundedText,
    conditions,
    NONE,
    NONE,
    calc.steps,
    caps,
    capBinding,
    reasons ?? ONLY_ELIGIBLE,
  );
}

/** The fields of a verdict, in the order they are compared. */
const VERDICT_FIELDS = ["clauseId", "status", "amount", "roundedAmount", "capBinding", "once", "rounding", "edition"] as const;

/**
 * Where an explanation disagrees with a verdict: the first field whose values differ (lists compared
 * element by element, switches by name), or null when the two passes agree on everything the verdict
 * holds.
 */
export function verdictDisagreement(verdict: ClauseVerdict, result: ClauseResult): { field: string; verdict: unknown; explained: unknown } | null {
  for (const field of VERDICT_FIELDS) {
    if (verdict[field] !== result[field]) return { field, verdict: verdict[field], explained: result[field] };
  }
  for (const field of ["failedConditions", "missingFacts"] as const) {
    const a = verdict[field];
    const b = result[field];
    if (a.length !== b.length || a.some((value, i) => value !== b[i])) return { field, verdict: a, explained: b };
  }
  const names = new Set([...Object.keys(verdict.switches), ...Object.keys(result.switches)]);
  for (const name of names) {
    if (verdict.switches[name] !== result.switches[name]) return { field: `switches.${name}`, verdict: verdict.switches[name], explained: result.switches[name] };
  }
  return null;
}

/** The verdict a full result holds (a result is a verdict with its explanation). */
export function verdictOfResult(result: ClauseResult): ClauseVerdict {
  return Object.freeze({
    clauseId: result.clauseId,
    status: result.status,
    amount: result.amount,
    roundedAmount: result.roundedAmount,
    failedConditions: result.failedConditions,
    missingFacts: result.missingFacts,
    capBinding: result.capBinding,
    once: result.once,
    rounding: result.rounding,
    edition: result.edition,
    switches: result.switches,
  });
}

const NONE: readonly string[] = Object.freeze([]);
const NO_PATH: readonly (string | number)[] = Object.freeze([]);
const NO_STEPS: readonly Step[] = Object.freeze([]);
const NO_CAPS: readonly CapApplication[] = Object.freeze([]);

const ELIGIBLE_REASON: Reason = Object.freeze({
  code: CLAUSE_REASON_CODES.ELIGIBLE.code,
  en: CLAUSE_REASON_CODES.ELIGIBLE.en,
  zh: CLAUSE_REASON_CODES.ELIGIBLE.zh,
});

/** The reasons of an eligible result without notes or caps that bit: shared, and frozen for that. */
const ONLY_ELIGIBLE: readonly Reason[] = Object.freeze([ELIGIBLE_REASON]);

function capReason(cap: CapSpec, before: string, after: string): Reason {
  return {
    code: CLAUSE_REASON_CODES.CAP_APPLIED.code,
    capId: cap.id,
    en: `Capped by ${cap.label.en}: ${before} reduced to ${after}.`,
    zh: `受${cap.label.zh}限制：${before} 核减为 ${after}。`,
  };
}
