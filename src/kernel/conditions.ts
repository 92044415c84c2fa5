/**
 * Eligibility conditions with three-valued outcomes: `met`, `failed`, or `missing` (a fact is unknown).
 * A missing fact is never read as 0 or false; it makes the clause `undetermined` unless another condition
 * has already failed (Kleene's strong three-valued AND).
 */
import { type Decimal, formatMoney, formatPlain } from "./decimal.js";
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
  readonly fieldsKey: string;
  readonly en: string;
  readonly zh: string;
  readonly label: Bilingual;
  readonly fields: readonly string[];
  /** Whole yes/no results by the facts' values ("t", "f", "u" per fact). */
  readonly results: Map<string, ConditionResult>;
}

const SHARED = new Map<string, SharedParts>();

function sharedParts(id: string, fieldsKey: string, fields: () => readonly string[], label: Bilingual): SharedParts {
  const known = SHARED.get(id);
  if (known !== undefined && known.fieldsKey === fieldsKey && known.en === label.en && known.zh === label.zh) return known;
  const parts: SharedParts = {
    fieldsKey,
    en: label.en,
    zh: label.zh,
    label: Object.freeze({ en: label.en, zh: label.zh }),
    fields: Object.freeze(fields()),
    results: new Map(),
  };
  SHARED.set(id, parts);
  return parts;
}

function valueKey(value: boolean | undefined): string {
  return value === true ? "t" : value === false ? "f" : "u";
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
  const shared = sharedParts(spec.id, spec.field, () => [spec.field], spec.label);
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
  const shared = sharedParts(spec.id, `${spec.field} ${spec.otherField}`, () => [spec.field, spec.otherField], spec.label);
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
  let fieldsKey = spec.combine;
  let values = "";
  for (const f of spec.facts) {
    fieldsKey += ` ${f.field}`;
    values += valueKey(f.value);
  }
  const shared = sharedParts(spec.id, fieldsKey, () => spec.facts.map((f) => f.field), spec.label);
  let result = shared.results.get(values);
  if (result === undefined) {
    result = deepFreezeResult(factResult(spec, shared));
    shared.results.set(values, result);
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

/** Freeze a shared result and what it holds of its own (its label and fields are frozen already). */
function deepFreezeResult(result: ConditionResult): ConditionResult {
  Object.freeze(result.missing);
  if (result.facts) {
    for (const check of result.facts) Object.freeze(check);
    Object.freeze(result.facts);
  }
  return Object.freeze(result);
}

/** A single yes/no fact that must be true. The result depends only on the value: shared. */
export function requireFact(id: string, field: string, value: boolean | undefined, label: Bilingual): ConditionResult {
  const shared = sharedParts(id, `all ${field}`, () => [field], label);
  const key = valueKey(value);
  let result = shared.results.get(key);
  if (result === undefined) {
    const outcome: Outcome = value === false ? "failed" : value === undefined ? "missing" : "met";
    result = deepFreezeResult({
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
