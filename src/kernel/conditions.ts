/**
 * Eligibility conditions with three-valued outcomes: `met`, `failed`, or `missing` (a fact is unknown).
 * A missing fact is never read as 0 or false; it makes the clause `undetermined` unless another condition
 * has already failed (Kleene's strong three-valued AND).
 */
import { type Decimal, formatMoney, formatPlain } from "./decimal.js";
import { deepFreeze } from "./freeze.js";
import { compare, type Operator, type ThresholdWord, type WordMeaning, type WordTable } from "./words.js";

export type Outcome = "met" | "failed" | "missing";

/** How a value is printed in an explanation. */
export type Unit = "yuan" | "count" | "m2" | "rate";

export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** A threshold as editions store it: the number and the word of the text that sets it. */
export interface Threshold {
  /** A plain decimal string: "20000000", "0.10". */
  readonly value: string;
  readonly word: ThresholdWord;
}

export interface Comparison {
  /** The applicant's value as printed, e.g. "20000000.00"; null when the fact is missing. */
  readonly left: string | null;
  readonly op: Operator;
  /** The threshold as printed, e.g. "20000000". */
  readonly right: string;
  /** Where the right-hand side comes from when it is another input (art3.3: the city's growth). */
  readonly rightField?: string;
  readonly word: ThresholdWord;
  readonly unit: Unit;
  /** Whether `left op right` holds; null when a side is missing. */
  readonly holds: boolean | null;
  /** The statutory meaning of the word, e.g. "超过 excludes the number itself". */
  readonly meaning: Bilingual;
  readonly source: Bilingual;
}

export interface FactCheck {
  readonly field: string;
  readonly value: boolean | null;
}

export interface ConditionResult {
  /** Stable id, e.g. "art3.3/online-retail"; other systems may store it. */
  readonly id: string;
  readonly outcome: Outcome;
  readonly label: Bilingual;
  /** The input fields this condition reads, and those of them that were missing. */
  readonly fields: readonly string[];
  readonly missing: readonly string[];
  readonly comparison?: Comparison;
  /** For yes/no facts: each fact read, and whether all or any of them must be true. */
  readonly facts?: readonly FactCheck[];
  readonly combine?: "all" | "any";
}

const MEANING_TEXTS = new WeakMap<WordMeaning, Bilingual>();

/** The statutory meaning of a word as text, made once per word table entry (entries are frozen). */
function meaningText(meaning: WordMeaning): Bilingual {
  let text = MEANING_TEXTS.get(meaning);
  if (text === undefined) {
    text = Object.freeze({ en: meaning.en, zh: meaning.zh });
    MEANING_TEXTS.set(meaning, text);
  }
  return text;
}

/** The `missing` list of a condition whose facts are all known: shared, so frozen. */
const NO_FIELDS: readonly string[] = Object.freeze([]);

/**
 * The parts of a condition that are the same for every claim — its label and the fields it reads, and
 * the whole result of a yes/no condition, which depends only on the facts' values — made once per
 * condition id and shared, frozen, by every result. A decision on 100,000 claims keeps every claim's
 * conditions: sharing them is a quarter of its objects. An entry is used only while the id comes with
 * the same field names and label (a clause could word them from its edition); otherwise it is made
 * again. Ids come from the clauses' code, so the table stays as small as the set of conditions.
 */
interface SharedParts {
  readonly en: string;
  readonly zh: string;
  readonly label: Bilingual;
  readonly fields: readonly string[];
  /** "all" / "any" for yes/no conditions, "" otherwise. */
  readonly combine: string;
  /** Whole yes/no results by the facts' values (base 3: true 0, false 1, unknown 2, per fact). */
  readonly results: Map<number, ConditionResult>;
}

const SHARED = new Map<string, SharedParts>();

/** The shared parts of condition `id`, if they were made for these fields, wording and combination. */
function knownParts(id: string, first: string, second: string | undefined, label: Bilingual, combine: string): SharedParts | undefined {
  const known = SHARED.get(id);
  if (known === undefined || known.en !== label.en || known.zh !== label.zh || known.combine !== combine) return undefined;
  const fields = known.fields;
  if (fields[0] !== first) return undefined;
  if (second === undefined ? fields.length !== 1 : fields.length !== 2 || fields[1] !== second) return undefined;
  return known;
}

function makeParts(id: string, fields: string[], label: Bilingual, combine: string): SharedParts {
  const parts: SharedParts = {
    en: label.en,
    zh: label.zh,
    label: Object.freeze({ en: label.en, zh: label.zh }),
    fields: Object.freeze(fields),
    combine,
    results: new Map(),
  };
  SHARED.set(id, parts);
  return parts;
}

function valueCode(value: boolean | undefined): number {
  return value === true ? 0 : value === false ? 1 : 2;
}

export function printValue(value: Decimal, unit: Unit): string {
  return unit === "yuan" ? formatMoney(value) : formatPlain(value);
}

export interface ThresholdSpec {
  readonly id: string;
  readonly field: string;
  readonly value: Decimal | undefined;
  readonly threshold: Threshold;
  readonly unit: Unit;
  readonly label: Bilingual;
}

/** `value WORD threshold`, e.g. retail 超过 20,000,000. The operator comes from the word's meaning. */
export function thresholdCondition(spec: ThresholdSpec, words: WordTable, parse: (text: string) => Decimal): ConditionResult {
  const meaning = words[spec.threshold.word];
  const right = parse(spec.threshold.value);
  const holds = spec.value === undefined ? null : compare(spec.value, meaning.op, right);
  const shared = knownParts(spec.id, spec.field, undefined, spec.label, "") ?? makeParts(spec.id, [spec.field], spec.label, "");
  return {
    id: spec.id,
    outcome: holds === null ? "missing" : holds ? "met" : "failed",
    label: shared.label,
    fields: shared.fields,
    missing: spec.value === undefined ? shared.fields : NO_FIELDS,
    comparison: {
      left: spec.value === undefined ? null : printValue(spec.value, spec.unit),
      op: meaning.op,
      right: spec.threshold.value,
      word: spec.threshold.word,
      unit: spec.unit,
      holds,
      meaning: meaningText(meaning),
      source: meaning.source,
    },
  };
}

export interface FieldComparisonSpec {
  readonly id: string;
  readonly field: string;
  readonly value: Decimal | undefined;
  readonly otherField: string;
  readonly otherValue: Decimal | undefined;
  readonly word: ThresholdWord;
  readonly unit: Unit;
  readonly label: Bilingual;
}

/** `value WORD otherValue`, where both sides are facts of the claim (art3.3: growth 不低于 city growth). */
export function fieldComparisonCondition(spec: FieldComparisonSpec, words: WordTable): ConditionResult {
  const meaning = words[spec.word];
  const missing = [
    ...(spec.value === undefined ? [spec.field] : []),
    ...(spec.otherValue === undefined ? [spec.otherField] : []),
  ];
  const holds =
    spec.value === undefined || spec.otherValue === undefined ? null : compare(spec.value, meaning.op, spec.otherValue);
  const shared =
    knownParts(spec.id, spec.field, spec.otherField, spec.label, "") ?? makeParts(spec.id, [spec.field, spec.otherField], spec.label, "");
  return {
    id: spec.id,
    outcome: holds === null ? "missing" : holds ? "met" : "failed",
    label: shared.label,
    fields: shared.fields,
    missing,
    comparison: {
      left: spec.value === undefined ? null : printValue(spec.value, spec.unit),
      op: meaning.op,
      right: spec.otherValue === undefined ? `(${spec.otherField})` : printValue(spec.otherValue, spec.unit),
      rightField: spec.otherField,
      word: spec.word,
      unit: spec.unit,
      holds,
      meaning: meaningText(meaning),
      source: meaning.source,
    },
  };
}

export interface FactSpec {
  readonly id: string;
  readonly label: Bilingual;
  readonly facts: readonly { readonly field: string; readonly value: boolean | undefined }[];
  /** `all`: every fact must be true; `any`: at least one. */
  readonly combine: "all" | "any";
}

/** Yes/no facts combined with three-valued AND / OR. The result depends only on the values: shared. */
export function factCondition(spec: FactSpec): ConditionResult {
  const facts = spec.facts;
  let shared = SHARED.get(spec.id);
  let same = shared !== undefined && shared.en === spec.label.en && shared.zh === spec.label.zh && shared.combine === spec.combine;
  if (same && shared !== undefined && shared.fields.length === facts.length) {
    for (let i = 0; i < facts.length; i++) if (shared.fields[i] !== (facts[i] as { field: string }).field) same = false;
  } else same = false;
  if (!same || shared === undefined) shared = makeParts(spec.id, facts.map((f) => f.field), spec.label, spec.combine);
  let key = 0;
  for (const f of facts) key = key * 3 + valueCode(f.value);
  let result = shared.results.get(key);
  if (result === undefined) {
    result = deepFreeze(factResult(spec, shared));
    shared.results.set(key, result);
  }
  return result;
}

function factResult(spec: FactSpec, shared: SharedParts): ConditionResult {
  let anyTrue = false;
  let anyFalse = false;
  let anyUnknown = false;
  const checks: FactCheck[] = [];
  for (const f of spec.facts) {
    if (f.value === true) anyTrue = true;
    else if (f.value === false) anyFalse = true;
    else anyUnknown = true;
    checks.push({ field: f.field, value: f.value ?? null });
  }
  let outcome: Outcome;
  if (spec.combine === "all") outcome = anyFalse ? "failed" : anyUnknown ? "missing" : "met";
  else outcome = anyTrue ? "met" : anyUnknown ? "missing" : "failed";
  // Only report facts as missing when knowing them could change the outcome.
  const missing: string[] = [];
  if (outcome === "missing") for (const f of spec.facts) if (f.value === undefined) missing.push(f.field);
  return { id: spec.id, outcome, label: shared.label, fields: shared.fields, missing: missing.length === 0 ? NO_FIELDS : missing, facts: checks, combine: spec.combine };
}

/** A single yes/no fact that must be true. The result depends only on the value: shared. */
export function requireFact(id: string, field: string, value: boolean | undefined, label: Bilingual): ConditionResult {
  const shared = knownParts(id, field, undefined, label, "all") ?? makeParts(id, [field], label, "all");
  const key = valueCode(value);
  let result = shared.results.get(key);
  if (result === undefined) {
    const outcome: Outcome = value === false ? "failed" : value === undefined ? "missing" : "met";
    result = deepFreeze({
      id,
      outcome,
      label: shared.label,
      fields: shared.fields,
      missing: value === undefined ? shared.fields : NO_FIELDS,
      facts: [{ field, value: value ?? null }],
      combine: "all",
    });
    shared.results.set(key, result);
  }
  return result;
}
