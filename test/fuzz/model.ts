/**
 * The fuzzing model shared by the default run (test/fuzz/fuzz.test.ts, inside `npm test`) and the long
 * run (scripts/fuzz.ts, `npm run fuzz`): generators of hostile and near-valid inputs, and the
 * invariants every outcome must satisfy. No vitest here: a broken invariant throws a plain Error, so
 * that fast-check can run these properties directly in Node.
 *
 * Inputs:
 *   - arbitrary JSON values (fc.jsonValue) and arbitrary JavaScript values (fc.anything: null-prototype
 *     objects, Maps, Sets, Dates, typed arrays, bigints, boxed values, sparse arrays…);
 *   - clause facts keyed by the clause's own field names, with arbitrary JSON values;
 *   - near-valid clause facts: a sample of fixtures/clauses with some fields perturbed (negative, huge,
 *     0.1+0.2-style floats, 1e21, full-width digits, "1,000", NaN-like strings, "", wrong types, …);
 *   - near-valid applications: a sample of fixtures/applications with fields of the applicant, the
 *     claims, their facts and the grant history perturbed, duplicate claim ids, impossible or far
 *     dates (2026-02-30, 0000-01-01, 2200-01-01), unknown and missing fields.
 *
 * Invariants:
 *   - the only things ever thrown are PolicyValidationError, and UnknownClauseError for a bad clause id;
 *   - every issue names a field path; a perturbation that is invalid whatever the field's bounds is
 *     named by an issue at exactly its path; full-width digits and thousands separators in a number are
 *     refused with the hint that says so, in English and Chinese (never silently misread);
 *   - otherwise every amount is a two-place decimal string ≥ 0 and ≤ the clause's smallest cap (and the
 *     statutory ceiling of the clause, from the text of the measures); totals add up exactly (big.js);
 *   - the caller's input is never modified, and Object.prototype is never polluted.
 */
import { readdirSync, readFileSync } from "node:fs";
import Big from "big.js";
import fc from "fast-check";
import * as z from "zod";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { type Decision, evaluate } from "../../src/evaluate.js";
import { formatPath, PolicyValidationError, UnknownClauseError, type ValidationIssue } from "../../src/kernel/errors.js";
import type { ClauseResult } from "../../src/kernel/rule.js";
import { canonicalId } from "../../src/kernel/identifiers.js";
import { usccCheckCharacter } from "../../src/kernel/uscc.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { SWITCH_VALUES, type SwitchName } from "../../src/measures/edition.js";
import { listClauseIds, listRules } from "../../src/measures/registry.js";

// ---------------------------------------------------------------------------------------------------
// The library as the fuzzer sees it.

const FIXTURES = new URL("../../fixtures/", import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, FIXTURES), "utf8"));

export const EDITION = deriveEdition(readJson("editions/published-2025-03-01.json") as Parameters<typeof deriveEdition>[0]);
export const CLAUSE_IDS: readonly string[] = listClauseIds();

export type FieldKind = "decimal" | "integer" | "boolean" | "date" | "other";

function kindOfJsonSchema(node: unknown): FieldKind {
  const options = (node as { anyOf?: unknown[] }).anyOf ?? [node];
  const types = new Set<string>();
  let format: string | undefined;
  for (const option of options) {
    const o = option as { type?: string | string[]; format?: string };
    for (const t of Array.isArray(o.type) ? o.type : o.type ? [o.type] : []) types.add(t);
    format ??= o.format;
  }
  if (types.has("integer")) return "integer";
  if (types.has("number")) return "decimal";
  if (types.has("boolean")) return "boolean";
  if (format === "date") return "date";
  return "other";
}

/** Each clause's fields and what they hold, read from the clause's own input JSON Schema. */
export const FIELDS: Readonly<Record<string, Readonly<Record<string, FieldKind>>>> = Object.fromEntries(
  listRules().map((rule) => {
    const schema = z.toJSONSchema(rule.schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, unknown> };
    return [rule.id, Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, node]) => [name, kindOfJsonSchema(node)]))];
  }),
);

/** The sample facts of every clause (fixtures/clauses/<id>.json), the base of near-valid inputs. */
export const CLAUSE_SAMPLES: Readonly<Record<string, readonly Record<string, unknown>[]>> = Object.fromEntries(
  CLAUSE_IDS.map((id) => [id, (readJson(`clauses/${id}.json`) as { examples: { input: Record<string, unknown> }[] }).examples.map((e) => e.input)]),
);

/** The five sample applications (fixtures/applications), the base of near-valid applications. */
export const APPLICATION_SAMPLES: readonly Record<string, unknown>[] = readdirSync(new URL("applications/", FIXTURES))
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => readJson(`applications/${file}`) as Record<string, unknown>);

/**
 * The largest amount each clause can give under the draft's figures, from the text of the measures
 * (not from the code under test): its cap per claim, per enterprise or per term, or its fixed award.
 */
export const STATUTORY_CEILING: Readonly<Record<string, string>> = {
  "art3.1": "2000000",
  "art3.2": "300000",
  "art3.2-mofcom": "200000",
  "art3.3": "500000",
  "art4.1-investment": "500000",
  "art4.1-session": "50000",
  "art4.2": "500000",
  "art5.1": "1000000",
  "art5.2": "500000",
  "art6.1": "100000",
  "art6.2": "300000",
  "art7.1-logistics": "500000",
  "art7.1-express": "300000",
  "art7.2": "200000",
};

// ---------------------------------------------------------------------------------------------------
// Perturbations. A tag says what the library must do with the value whatever the field's bounds:
//   "full-width" / "separators": refuse it, at its path, with the hint that names the mistake;
//   "invalid": refuse it at its path; "maybe": anything, as long as the general invariants hold.

export type Tag = "full-width" | "separators" | "invalid" | "maybe";

export interface Perturbed {
  readonly value: unknown;
  readonly tag: Tag;
}

const ABSENT = Symbol("absent");
/** The field is left out. */
export type Absent = typeof ABSENT;

const FULL_WIDTH_DIGITS = "０１２３４５６７８９";
/** Every printable ASCII character as its full-width form (U+FF01–U+FF5E). */
const toFullWidthText = (text: string): string => text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const toFullWidth = (text: string): string => text.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)] as string).replace(/\./g, "．");

/** 1234567 → "1,234,567" with the given separator. */
function grouped(n: bigint, separator: string): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

const tagged = (tag: Tag) => (value: unknown): Perturbed => ({ value, tag });

const fullWidthNumber: fc.Arbitrary<Perturbed> = fc
  .oneof(
    fc.constantFrom("１２３", "１，０００", "１２３．４５", "５０００００", "－１"),
    fc.bigInt({ min: 0n, max: 10n ** 12n }).map((n) => toFullWidth(n.toString())),
    fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 0, max: 99 })).map(([n, f]) => toFullWidth(`${n}.${String(f).padStart(2, "0")}`)),
    // One full-width digit among ASCII ones: "10０0".
    fc.tuple(fc.bigInt({ min: 10n, max: 10n ** 12n }), fc.nat()).map(([n, at]) => {
      const text = n.toString();
      const i = at % text.length;
      return `${text.slice(0, i)}${toFullWidth(text[i] as string)}${text.slice(i + 1)}`;
    }),
  )
  .map(tagged("full-width"));

const separatedNumber: fc.Arbitrary<Perturbed> = fc
  .oneof(
    fc.constantFrom("1,000", "1,000,000.50", "12,345", "1 000", "1_000", "1'000", "1\u00A0000"),
    fc.tuple(fc.bigInt({ min: 1000n, max: 10n ** 12n }), fc.constantFrom(",", " ", "_", "'", "\u00A0")).map(([n, sep]) => grouped(n, sep)),
    fc.tuple(fc.bigInt({ min: 1000n, max: 10n ** 9n }), fc.integer({ min: 0, max: 99 })).map(([n, f]) => `${grouped(n, ",")}.${String(f).padStart(2, "0")}`),
  )
  .map(tagged("separators"));

/** Values that no numeric field accepts, whatever its bounds. */
const invalidNumber: fc.Arbitrary<Perturbed> = fc
  .oneof(
    fc.constantFrom<unknown>(
      "NaN", "nan", "Infinity", "-Infinity", "+Infinity", "inf", "undefined", "null",
      Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
      "", " ", "\t", "1e21", "1E21", 1e21, 1e300, Number.MAX_VALUE, -1e21, "99999999999999999999999",
      "10%", "50万", "5万元", "0x10", "+5", ".5", "5.", "1e3", "--1", "1.2.3", "１", "abc", "true",
      true, false, [], [1], {}, { value: 1 }, "9".repeat(41),
    ),
    fc.bigInt({ min: 10n ** 21n, max: 10n ** 38n }).map((n) => n.toString()),
    fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/^-?\d+(\.\d+)?$/.test(s)),
    fc.array(fc.jsonValue(), { minLength: 1, maxLength: 3 }),
  )
  .map(tagged("invalid"));

/** Values a numeric field may or may not accept, depending on its bounds (negative, huge, floats). */
const maybeNumber: fc.Arbitrary<Perturbed> = fc
  .oneof(
    fc.constantFrom<unknown>(
      -1, "-1", "-0.01", -0, "-0", 0, "0", "00012", 0.1 + 0.2, "0.30000000000000004", 1 / 3, 0.1, 5e-324, 1e-7, 2 ** 53,
      1e12, "1000000000000", "1000000000000.01", 999999999999.99, "1.000000000000000000001", null, 0.5, "0.2", 20, 10000,
    ),
    fc.double(),
    fc.integer(),
    fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }).map((n) => (n.toString().length <= 15 ? Number(n) / 100 : n.toString())),
    fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 })).map(([n, scale]) => new Big(n.toString()).div(10 ** scale).toFixed()),
  )
  .map(tagged("maybe"));

/**
 * Values within every numeric field's range or close to it: amounts as strings and as doubles
 * (fen / 100, never exact in binary), fractions like 0.1 + 0.2, and sums of two doubles.
 */
const plausibleNumber: fc.Arbitrary<Perturbed> = fc
  .oneof(
    fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.integer({ min: 0, max: 2 })).map(([n, scale]) => new Big(n.toString()).div(10 ** scale).toFixed()),
    fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((fen) => fen / 100),
    fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => a / 100 + b / 100),
    fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 })).map(([a, b]) => a / b),
    fc.integer({ min: 0, max: 10_000_000 }),
  )
  .map(tagged("maybe"));

const invalidBoolean: fc.Arbitrary<Perturbed> = fc
  .constantFrom<unknown>("true", "false", "yes", "no", "是", "否", "TRUE", 1, 0, "1", "", [], {}, [true], Number.NaN)
  .map(tagged("invalid"));
const maybeBoolean: fc.Arbitrary<Perturbed> = fc.constantFrom<unknown>(true, false, null).map(tagged("maybe"));

const dateString = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** Dates that are never accepted: impossible days, years outside 1900–2199, other shapes, other types. */
export const invalidDate: fc.Arbitrary<Perturbed> = fc
  .oneof(
    fc.constantFrom<unknown>(
      "2026-02-30", "2025-02-29", "2100-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-01-32",
      "0000-01-01", "1899-12-31", "2200-01-01", "9999-12-31", "+275760-09-13", "2025-3-1", "2025/03/01", "2025年3月1日",
      "20250301", 20250301, "2025-03-01T00:00:00Z", " 2025-03-01", "２０２５－０３－０１", "", "NaN", 45717, true, {}, [],
      "Invalid Date",
    ),
    fc.tuple(fc.integer({ min: 0, max: 1899 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => dateString(y, m, d)),
    fc.tuple(fc.integer({ min: 2200, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => dateString(y, m, d)),
    fc.tuple(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => dateString(y, m, 32)),
  )
  .map(tagged("invalid"));

/** Dates that are real calendar days in the accepted range (1900–2199), near the window and far from it. */
export const validDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("1900-01-01", "2024-02-29", "2025-02-28", "2025-03-01", "2026-12-31", "2027-02-28", "2027-03-01", "2199-12-31", "2100-02-28"),
  fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const maybeDate: fc.Arbitrary<Perturbed> = fc.oneof(validDate.map(tagged("maybe")), fc.constant<Perturbed>({ value: null, tag: "maybe" }));

/** Only the perturbations a field may accept (negative, huge, odd floats, real far dates, null). */
function gentlePerturbation(kind: FieldKind): fc.Arbitrary<Perturbed> {
  switch (kind) {
    case "decimal":
    case "integer":
      return fc.oneof({ weight: 3, arbitrary: plausibleNumber }, { weight: 1, arbitrary: maybeNumber });
    case "boolean":
      return maybeBoolean;
    case "date":
      return maybeDate;
    default:
      return fc.jsonValue().map(tagged("maybe"));
  }
}

/** A perturbation suited to a field of the given kind (with, now and then, one meant for another kind). */
export function perturbation(kind: FieldKind, gentle = false): fc.Arbitrary<Perturbed> {
  if (gentle) return gentlePerturbation(kind);
  switch (kind) {
    case "decimal":
    case "integer":
      return fc.oneof(
        { weight: 2, arbitrary: fullWidthNumber },
        { weight: 2, arbitrary: separatedNumber },
        { weight: 3, arbitrary: invalidNumber },
        { weight: 4, arbitrary: maybeNumber },
      );
    case "boolean":
      return fc.oneof(
        { weight: 2, arbitrary: invalidBoolean },
        { weight: 1, arbitrary: maybeBoolean },
        { weight: 1, arbitrary: invalidNumber.filter((p) => typeof p.value !== "boolean") },
      );
    case "date":
      return fc.oneof({ weight: 3, arbitrary: invalidDate }, { weight: 2, arbitrary: maybeDate });
    default:
      return fc.oneof(maybeNumber, maybeBoolean, fc.jsonValue().map(tagged("maybe")));
  }
}

// ---------------------------------------------------------------------------------------------------
// Cases.

/** A perturbation and where it is: the JSON path segments of the field. */
export interface Expectation {
  readonly path: readonly (string | number)[];
  readonly tag: Tag;
  readonly value: unknown;
  /** A claim id copied from an earlier claim: named only once the document's shape is valid. */
  readonly duplicate?: boolean;
  /**
   * Another spelling of an id used earlier (`of`: the path of the first spelling, which must still hold
   * it): a cross-reference too, named only once the document's shape is valid.
   */
  readonly spelling?: { readonly of: readonly (string | number)[]; readonly first: string };
}

export interface ClauseCase {
  readonly clauseId: unknown;
  readonly input: unknown;
  readonly switches?: unknown;
  /** Perturbations whose refusal is required (tags other than "maybe"). */
  readonly expect: readonly Expectation[];
}

const switchesArb: fc.Arbitrary<Record<string, string>> = fc
  .tuple(
    ...(Object.keys(SWITCH_VALUES) as SwitchName[]).map((name) =>
      // fc.option gives nil once in `freq` draws: each switch set in two cases of three.
      fc.option(fc.constantFrom(...(SWITCH_VALUES[name].values as readonly string[])), { nil: undefined, freq: 3 }).map((value) => [name, value] as const),
    ),
  )
  .map((pairs) => Object.fromEntries(pairs.filter(([, value]) => value !== undefined)) as Record<string, string>);

/** Near-valid facts: a sample of the clause, some fields perturbed, now and then one dropped or one added. */
export const nearValidClauseCase: fc.Arbitrary<ClauseCase> = fc
  .tuple(fc.constantFrom(...CLAUSE_IDS), fc.boolean())
  .chain(([clauseId, gentle]) => {
    const kinds = FIELDS[clauseId] as Record<string, FieldKind>;
    const names = Object.keys(kinds);
    // Half the cases perturb only with values a field may accept, so that results are reached often.
    const perField = names.map((name) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constant<Perturbed | null | Absent>(null) },
        { weight: 2, arbitrary: perturbation(kinds[name] as FieldKind, gentle) },
        { weight: 1, arbitrary: fc.constant<Perturbed | null | Absent>(ABSENT) },
      ),
    );
    return fc.record({
      clauseId: fc.constant(clauseId),
      sample: fc.constantFrom(...(CLAUSE_SAMPLES[clauseId] as Record<string, unknown>[])),
      changes: fc.tuple(...perField),
      // An unknown key in 1 case of 5, or 1 of 50 when gentle.
      extra: fc.oneof(
        { weight: gentle ? 49 : 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom("investmnet", "amount", "__proto__", "constructor", "prototype", "toString", "usedarea", ""), fc.jsonValue()) },
      ),
      switches: fc.oneof(fc.constant(undefined), switchesArb),
    });
  })
  .map(({ clauseId, sample, changes, extra, switches }) => {
    const names = Object.keys(FIELDS[clauseId] as Record<string, FieldKind>);
    const input: Record<string, unknown> = { ...sample };
    const expect: Expectation[] = [];
    names.forEach((name, i) => {
      const change = changes[i];
      if (change === null || change === undefined) return;
      if (change === ABSENT) {
        delete input[name];
        return;
      }
      input[name] = change.value;
      if (change.tag !== "maybe") expect.push({ path: [name], tag: change.tag, value: change.value });
    });
    if (extra) {
      // defineProperty, so that "__proto__" is an own key as JSON.parse would make it, not a prototype change.
      Object.defineProperty(input, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
      expect.push({ path: [extra[0]], tag: "invalid", value: extra[1] });
    }
    return { clauseId, input, ...(switches === undefined ? {} : { switches }), expect };
  });

/** Any JSON value, or any JavaScript value, as the facts of a clause (or a bad clause id). */
export const jsonClauseCase: fc.Arbitrary<ClauseCase> = fc.record({
  clauseId: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom<unknown>(...CLAUSE_IDS) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>("art9.9", "", "ART3.1", " art3.1", "art3", "__proto__", "constructor", "toString", 3.1, null, undefined) },
    // Including ids String() cannot convert (a null-prototype object, {toString: 0}): found by the long
    // run, fixed in 47d24ce (test/fuzz/fuzz.test.ts).
    { weight: 1, arbitrary: fc.anything({ withNullPrototype: true }) },
  ),
  input: fc.oneof(
    fc.jsonValue(),
    fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
  ),
  switches: fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: switchesArb as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: fc.jsonValue() },
  ),
  expect: fc.constant([]),
});

/** The clause's own field names, each holding any JSON value (or missing), plus now and then a stray key. */
export const fieldJsonClauseCase: fc.Arbitrary<ClauseCase> = fc.constantFrom(...CLAUSE_IDS).chain((clauseId) =>
  fc.record({
    clauseId: fc.constant<unknown>(clauseId),
    input: fc.dictionary(
      fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...Object.keys(FIELDS[clauseId] as object)) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 12 }), fc.double()),
      { maxKeys: 8 },
    ) as fc.Arbitrary<unknown>,
    expect: fc.constant<Expectation[]>([]),
  }),
);

// ---------------------------------------------------------------------------------------------------
// Applications.

export interface ApplicationCase {
  readonly application: unknown;
  readonly expect: readonly Expectation[];
}

type Json = Record<string, unknown>;

const clone = <T>(value: T): T => structuredClone(value);

/** One edit of an application: where, and what it does. Returns an expectation unless "maybe". */
type Edit = (app: Json, rnd: EditRandom) => Expectation | null;

interface EditRandom {
  readonly pick: number;
  readonly field: number;
  /** A perturbation for each kind of field. */
  readonly values: Readonly<Record<FieldKind, Perturbed>>;
  /** A value each kind of field may accept. */
  readonly gentle: Readonly<Record<FieldKind, Perturbed>>;
  readonly date: Perturbed;
  /** For a claim id (at most 100 characters) and the applicant's name (at most 300). */
  readonly id: Perturbed;
  readonly name: Perturbed;
}

/** A text field of at most `max` characters: empty, too long, another type; or any short text. */
const textPerturbation = (max: number): fc.Arbitrary<Perturbed> =>
  fc.oneof(
    fc.constantFrom<unknown>("", 0, 1, true, null, [], {}, "x".repeat(max + 1), "字".repeat(max + 1)).map(tagged("invalid")),
    fc.string({ minLength: 1, maxLength: 20 }).map(tagged("maybe")),
  );

function at<T>(items: readonly T[], pick: number): [T, number] | null {
  if (items.length === 0) return null;
  const index = pick % items.length;
  return [items[index] as T, index];
}

const claimsOf = (app: Json): Json[] => app.claims as Json[];
const historyOf = (app: Json): Json[] => (Array.isArray(app.history) ? (app.history as Json[]) : []);

const EDITS: readonly Edit[] = [
  // A fact of a claim, perturbed as suits its kind.
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit) return null;
    const [claim, i] = hit;
    if (!CLAUSE_IDS.includes(claim.clauseId as string)) return null;
    const kinds = FIELDS[claim.clauseId as string] as Record<string, FieldKind>;
    const input = claim.input;
    if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
    const name = at(Object.keys(kinds), r.field)?.[0] as string;
    const value = r.values[kinds[name] as FieldKind];
    (input as Json)[name] = value.value;
    return value.tag === "maybe" ? null : { path: ["claims", i, "input", name], tag: value.tag, value: value.value };
  },
  // The fact date (required) or the payment date (optional) of a claim.
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit) return null;
    const [claim, i] = hit;
    const field = r.field % 2 === 0 ? "factDate" : "paymentDate";
    claim[field] = r.date.value;
    if (field === "factDate" && r.date.value === null) return { path: ["claims", i, field], tag: "invalid", value: null };
    return r.date.tag === "maybe" ? null : { path: ["claims", i, field], tag: r.date.tag, value: r.date.value };
  },
  // The id of a claim: empty, too long, another type.
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit) return null;
    const [claim, i] = hit;
    claim.id = r.id.value;
    return r.id.tag === "maybe" ? null : { path: ["claims", i, "id"], tag: r.id.tag, value: r.id.value };
  },
  // A duplicate claim id: the copy is appended, and it is the copy that must be named.
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit) return null;
    const copy = clone(hit[0]);
    claimsOf(app).push(copy);
    return { path: ["claims", claimsOf(app).length - 1, "id"], tag: "invalid", value: copy.id, duplicate: true };
  },
  // An unknown clause id.
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit) return null;
    const [claim, i] = hit;
    const bad = ["art9.9", "", "ART3.1", " art3.1", "art3", 3.1, null, "__proto__"][r.field % 8];
    claim.clauseId = bad;
    return { path: ["claims", i, "clauseId"], tag: "invalid", value: bad };
  },
  // The facts of a claim replaced by something that is not an object.
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit) return null;
    const [claim, i] = hit;
    const bad = [null, [], "facts", 42, true][r.field % 5];
    claim.input = bad;
    return { path: ["claims", i, "input"], tag: "invalid", value: bad };
  },
  // An unknown field on a claim, on the applicant, or in a claim's facts.
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit) return null;
    const [claim, i] = hit;
    const key = ["note", "__proto__", "constructor", "amount", "factdate"][r.field % 5] as string;
    const target = [claim, app.applicant as Json, claim.input as Json][r.pick % 3] as Json;
    const path = [["claims", i, key], ["applicant", key], ["claims", i, "input", key]][r.pick % 3] as (string | number)[];
    if (typeof target !== "object" || target === null || Array.isArray(target)) return null;
    Object.defineProperty(target, key, { value: "x", enumerable: true, writable: true, configurable: true });
    return { path, tag: "invalid", value: "x" };
  },
  // A required field of a claim left out.
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit) return null;
    const [claim, i] = hit;
    const field = ["id", "clauseId", "factDate", "input"][r.field % 4] as string;
    delete claim[field];
    return { path: ["claims", i, field], tag: "invalid", value: undefined };
  },
  // A grant of the history: its amount (required money) or one of its dates.
  (app, r) => {
    const hit = at(historyOf(app), r.pick);
    if (!hit) return null;
    const [grant, i] = hit;
    if (r.field % 2 === 0) {
      const value = r.values.decimal;
      grant.amount = value.value;
      if (value.value === null) return { path: ["history", i, "amount"], tag: "invalid", value: null };
      return value.tag === "maybe" ? null : { path: ["history", i, "amount"], tag: value.tag, value: value.value };
    }
    const field = r.field % 4 === 1 ? "factDate" : "paidOn";
    grant[field] = r.date.value;
    if (field === "factDate" && r.date.value === null) return { path: ["history", i, field], tag: "invalid", value: null };
    return r.date.tag === "maybe" ? null : { path: ["history", i, field], tag: r.date.tag, value: r.date.value };
  },
  // The applicant: its credit code, its name, its facts of 第二条 and 第十条.
  (app, r) => {
    const applicant = app.applicant as Json;
    switch (r.field % 4) {
      case 0: {
        const code = applicant.creditCode;
        if (typeof code !== "string" || code.length !== 18) return null;
        // A wrong check character: not the one the first 17 characters call for (however often this edit runs).
        const wrongCheck = usccCheckCharacter(code.slice(0, 17)) === "0" ? "1" : "0";
        // (Lower case and full-width digits are read as the code itself: see the spelling edit below.)
        const bad = [`${code.slice(0, 17)}${wrongCheck}`, code.slice(0, 17), "", 91110117, `${code.slice(0, 9)}\u200b${code.slice(9)}`][r.pick % 5];
        if (bad === code) return null;
        applicant.creditCode = bad;
        return { path: ["applicant", "creditCode"], tag: "invalid", value: bad };
      }
      case 1:
        applicant.name = r.name.value;
        return r.name.tag === "maybe" ? null : { path: ["applicant", "name"], tag: r.name.tag, value: r.name.value };
      default: {
        const field = ["registeredInPinggu", "liveCommerceBusiness", "restrictedCatalogue", "majorAccident"][r.pick % 4] as string;
        const value = r.values.boolean;
        applicant[field] = value.value;
        return value.tag === "maybe" ? null : { path: ["applicant", field], tag: value.tag, value: value.value };
      }
    }
  },
  // A fact of a claim, changed to a value it may accept (odd floats, amounts near and far, null).
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit || !CLAUSE_IDS.includes(hit[0].clauseId as string)) return null;
    const input = hit[0].input;
    if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
    const kinds = FIELDS[hit[0].clauseId as string] as Record<string, FieldKind>;
    const name = at(Object.keys(kinds), r.field)?.[0] as string;
    (input as Json)[name] = r.gentle[kinds[name] as FieldKind].value;
    return null;
  },
  // An id spelt another way (case, spaces, width, a dash): refused as ambiguous, naming both (the
  // project id of a copy of a claim; or the copy's own id). The credit code in another spelling is read
  // as the code itself (upper case, NFKC, trimmed).
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit) return null;
    const [claim, i] = hit;
    const applicant = app.applicant as Json;
    if (r.field % 5 === 4 && typeof applicant.creditCode === "string") {
      const code = applicant.creditCode;
      applicant.creditCode = [code.toLowerCase(), ` ${code}\u3000`, toFullWidth(code)][r.pick % 3];
      return null;
    }
    const field = r.field % 5 < 3 ? "projectId" : "id";
    if (typeof claim[field] !== "string") claim[field] = "proj-1";
    const first = claim[field] as string;
    const variants = [first.toUpperCase(), first.toLowerCase(), `${first} `, `\u3000${first}`, first.replace(/-/g, "\u2011"), toFullWidthText(first)];
    const other = variants[r.pick % variants.length] as string;
    if (other === first) return null;
    const copy: Json = { ...clone(claim), id: `${String(claim.id)}-copy${claimsOf(app).length}` };
    copy[field] = other;
    claimsOf(app).push(copy);
    return { path: ["claims", claimsOf(app).length - 1, field], tag: "invalid", value: other, spelling: { of: ["claims", i, field], first } };
  },
  // An art7.2 claim whose interest period straddles an end of the validity window (A16): dated at the
  // period's end, as it must be; paid only for the days inside.
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit) return null;
    const [claim] = hit;
    const input = claim.input;
    if (claim.clauseId !== "art7.2" || typeof input !== "object" || input === null || Array.isArray(input)) return null;
    const periods = [
      ["2025-01-15", "2025-04-15"],
      ["2025-02-01", "2025-03-01"],
      ["2025-02-28", "2025-03-02"],
      ["2027-01-15", "2027-04-15"],
      ["2027-02-28", "2027-03-01"],
      ["2027-03-01", "2027-06-01"],
      ["2024-06-01", "2027-06-01"],
    ][r.pick % 7] as [string, string];
    (input as Json).interestPeriodStart = periods[0];
    (input as Json).interestPeriodEnd = periods[1];
    claim.factDate = periods[1];
    return null;
  },
  // A claim moved in time: anywhere in 1900–2199 (inside or outside the validity window).
  (app, r) => {
    const hit = at(claimsOf(app), r.pick);
    if (!hit) return null;
    const [claim] = hit;
    if (r.date.tag === "maybe" && typeof r.date.value === "string") claim.factDate = r.date.value;
    return null;
  },
];

const editRandom: fc.Arbitrary<EditRandom> = fc.record({
  pick: fc.nat(),
  field: fc.nat(),
  values: fc.record({
    decimal: perturbation("decimal"),
    integer: perturbation("integer"),
    boolean: perturbation("boolean"),
    date: perturbation("date"),
    other: perturbation("other"),
  }),
  gentle: fc.record({
    decimal: perturbation("decimal", true),
    integer: perturbation("integer", true),
    boolean: perturbation("boolean", true),
    date: perturbation("date", true),
    other: perturbation("other", true),
  }),
  date: fc.oneof(invalidDate, maybeDate),
  id: textPerturbation(100),
  name: textPerturbation(300),
});

function lookup(root: unknown, path: readonly (string | number)[]): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const segment of path) {
    if (typeof node !== "object" || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return { found: false, value: undefined };
    node = (node as Record<string | number, unknown>)[segment];
  }
  return { found: true, value: node };
}

/**
 * Whether an expectation still describes the application after every edit: a later edit may have
 * overwritten the value, given the claim an unknown clause id (its facts are then not read), or
 * renamed the claim a duplicate id was copied from.
 */
function stillHolds(app: Json, e: Expectation): boolean {
  const here = lookup(app, e.path);
  if (e.value === undefined ? here.found : !here.found || !Object.is(here.value, e.value)) return false;
  if (e.path[0] === "claims" && e.path.length >= 4 && e.path[2] === "input") {
    const claim = claimsOf(app)[e.path[1] as number] as Json;
    const input = claim.input;
    return CLAUSE_IDS.includes(claim.clauseId as string) && typeof input === "object" && input !== null && !Array.isArray(input);
  }
  if (e.duplicate) {
    const index = e.path[1] as number;
    return claimsOf(app).some((claim, j) => j < index && claim.id === e.value);
  }
  if (e.spelling) {
    const earlier = lookup(app, e.spelling.of);
    return earlier.found && earlier.value === e.spelling.first;
  }
  return true;
}

/** A sample application with one to four edits; the claims are sometimes shuffled or cut. */
export const nearValidApplicationCase: fc.Arbitrary<ApplicationCase> = fc
  .record({
    sample: fc.constantFrom(...APPLICATION_SAMPLES),
    edits: fc.array(fc.tuple(fc.nat({ max: EDITS.length - 1 }), editRandom), { minLength: 1, maxLength: 4 }),
    // Now and then only the first few claims (none, one, …).
    keep: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat({ max: 12 }) }),
  })
  .map(({ sample, edits, keep }) => {
    const app = clone(sample) as Json;
    if (keep !== undefined) app.claims = claimsOf(app).slice(0, keep);
    const expect: Expectation[] = [];
    for (const [which, rnd] of edits) {
      const expectation = (EDITS[which] as Edit)(app, rnd);
      if (expectation) expect.push(expectation);
    }
    return { application: app, expect: expect.filter((e) => stillHolds(app, e)) };
  });

/** Any JSON or JavaScript value as an application, or a valid envelope around arbitrary claims. */
export const jsonApplicationCase: fc.Arbitrary<ApplicationCase> = fc.oneof(
  fc.record({ application: fc.jsonValue() as fc.Arbitrary<unknown>, expect: fc.constant([]) }),
  fc.record({ application: fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withDate: true, withBigInt: true }), expect: fc.constant([]) }),
  fc
    .record({
      sample: fc.constantFrom(...APPLICATION_SAMPLES),
      claims: fc.array(
        fc.record(
          {
            id: fc.oneof(fc.string({ maxLength: 4 }), fc.jsonValue()),
            clauseId: fc.oneof(fc.constantFrom(...CLAUSE_IDS), fc.jsonValue()),
            factDate: fc.oneof(validDate, invalidDate.map((p) => p.value)),
            input: fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), fc.jsonValue()),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 6 },
      ),
      history: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.jsonValue() }),
    })
    .map(({ sample, claims, history }) => ({
      application: { applicant: clone(sample.applicant), claims, ...(history === undefined ? {} : { history }) } as unknown,
      expect: [] as Expectation[],
    })),
);

// ---------------------------------------------------------------------------------------------------
// Invariants.

export class InvariantError extends Error {
  override readonly name = "InvariantError";
}

function check(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new InvariantError(typeof message === "string" ? message : message());
}

const MONEY_TEXT = /^\d+\.\d{2}$/;

const FULL_WIDTH_HINT = { en: /full-width characters are not accepted/, zh: /不接受全角字符/ };
const SEPARATOR_HINT = { en: /thousands separators are not accepted/, zh: /不接受千位分隔符/ };

/** What happened to one case, for the counts. */
export type Outcome = "eligible" | "ineligible" | "undetermined" | "decision" | "PolicyValidationError" | "UnknownClauseError";

function show(value: unknown): string {
  try {
    const text = typeof value === "bigint" ? `${value}n` : JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * One issue of a thrown error. Its sentences do not repeat the path (it is in `path`, beside them); the
 * error's own message, text for a person, names it (`  - path: message`), when the error words its own
 * list (an UnknownClauseError says the known ids instead).
 */
function checkIssue(issue: ValidationIssue, errorMessage?: string): void {
  check(typeof issue.path === "string" && issue.path.length > 0, () => `an issue without a path: ${show(issue)}`);
  check(Array.isArray(issue.pathSegments), () => `an issue without path segments: ${show(issue)}`);
  check(issue.path === formatPath(issue.pathSegments) || issue.path.includes("…("), () => `path ${issue.path} does not match its segments ${show(issue.pathSegments)}`);
  check(!issue.message.startsWith(`${issue.path}:`), () => `the message repeats the path: ${issue.message}`);
  check(!issue.messageZh.startsWith(`${issue.path}：`), () => `the Chinese message repeats the path: ${issue.messageZh}`);
  check(issue.message.startsWith("expected "), () => `the message does not say what was expected first: ${issue.message}`);
  check(issue.messageZh.startsWith("应为"), () => `the Chinese message does not say what was expected first: ${issue.messageZh}`);
  if (errorMessage !== undefined) {
    check(errorMessage.includes(`\n  - ${issue.path}: ${issue.message}`), () => `the error's message does not name ${issue.path}: ${errorMessage}`);
  }
  check(typeof issue.expected === "string" && issue.expected.length > 0, () => `an issue without "expected": ${show(issue)}`);
  check(typeof issue.expectedZh === "string" && issue.expectedZh.length > 0, () => `an issue without "expectedZh": ${show(issue)}`);
  check(["invalid_value", "invalid_type", "unknown_field", "required", "inconsistent"].includes(issue.code), () => `unknown issue code ${issue.code}`);
}

function checkExpectations(error: PolicyValidationError, expectations: readonly Expectation[]): void {
  for (const expected of expectations) {
    const path = formatPath(expected.path);
    const issue = error.issues.find((i) => i.path === path);
    check(issue, () => `${show(expected.value)} at ${path} (${expected.tag}) was not named; issues: ${error.issues.map((i) => i.path).join(", ")}`);
    const hint = expected.tag === "full-width" ? FULL_WIDTH_HINT : expected.tag === "separators" ? SEPARATOR_HINT : null;
    if (hint) {
      check(hint.en.test(issue.hint ?? ""), () => `${path} = ${show(expected.value)}: no ${expected.tag} hint, got ${show(issue.hint)}`);
      check(hint.zh.test(issue.hintZh ?? ""), () => `${path} = ${show(expected.value)}: no Chinese ${expected.tag} hint, got ${show(issue.hintZh)}`);
    }
  }
}

function smallestCap(result: ClauseResult): Big | null {
  let limit: Big | null = null;
  for (const cap of result.caps) {
    check(MONEY_TEXT.test(cap.limit), `cap ${cap.id} limit ${cap.limit}`);
    const value = new Big(cap.limit);
    if (limit === null || value.lt(limit)) limit = value;
  }
  return limit;
}

/** The invariants of one clause result. */
export function checkClauseResult(result: ClauseResult, clauseId: string): void {
  check(result.clauseId === clauseId, () => `result for ${result.clauseId}, asked ${clauseId}`);
  check(["eligible", "ineligible", "undetermined"].includes(result.status), () => `status ${result.status}`);
  if (result.status === "undetermined") {
    check(result.amount === null, () => `undetermined with amount ${result.amount}`);
    check(result.missingFacts.length > 0, "undetermined without missing facts");
    return;
  }
  check(typeof result.amount === "string" && MONEY_TEXT.test(result.amount), () => `amount ${show(result.amount)} is not a two-place decimal`);
  const amount = new Big(result.amount as string);
  check(amount.gte(0), () => `negative amount ${result.amount}`);
  if (result.status === "ineligible") check(result.amount === "0.00", () => `ineligible with amount ${result.amount}`);
  const cap = smallestCap(result);
  if (cap !== null) check(amount.lte(cap), () => `${clauseId}: ${result.amount} above its smallest cap ${cap.toFixed(2)}`);
  const ceiling = STATUTORY_CEILING[clauseId];
  check(ceiling !== undefined, () => `no statutory ceiling known for ${clauseId}: add it to STATUTORY_CEILING`);
  check(amount.lte(ceiling), () => `${clauseId}: ${result.amount} above the statutory ceiling ${ceiling}`);
  for (const c of result.caps) {
    check(MONEY_TEXT.test(c.before) && MONEY_TEXT.test(c.after), () => `cap ${c.id}: ${c.before} → ${c.after}`);
    check(new Big(c.after).lte(c.before), () => `cap ${c.id} raised the amount: ${c.before} → ${c.after}`);
  }
  if (result.status === "eligible") {
    check(result.roundedAmount !== null && MONEY_TEXT.test(result.roundedAmount), () => `roundedAmount ${show(result.roundedAmount)}`);
    check(amount.lte(result.roundedAmount as string), () => `amount ${result.amount} above the rounded amount ${result.roundedAmount}`);
  }
}

function checkNoPollution(): void {
  for (const key in {}) throw new InvariantError(`Object.prototype was polluted with "${key}"`);
  check(Object.getPrototypeOf({}) === Object.prototype, "the prototype of {} changed");
}

/** A JSON snapshot, or null for values JSON cannot hold (then the check of non-mutation is skipped). */
function snapshot(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/** Classify a thrown value; anything else than the library's typed errors breaks the invariant. */
function thrownOutcome(error: unknown, clauseIdValid: boolean): Outcome {
  // First: an UnknownClauseError is also a PolicyValidationError (with its one issue at clauseId).
  if (error instanceof UnknownClauseError) {
    check(!clauseIdValid, () => `UnknownClauseError for a known clause id: ${error.message}`);
    for (const issue of error.issues) checkIssue(issue);
    return "UnknownClauseError";
  }
  if (error instanceof PolicyValidationError) {
    check(error.issues.length > 0, "a PolicyValidationError without issues");
    for (const issue of error.issues) checkIssue(issue, error.message);
    return "PolicyValidationError";
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : show(error);
  throw new InvariantError(`threw something else than the library's typed errors: ${detail}`);
}

/** Run one clause case and check every invariant; returns what happened. */
export function runClauseCase(c: ClauseCase): Outcome {
  const before = snapshot(c.input);
  const clauseIdValid = typeof c.clauseId === "string" && CLAUSE_IDS.includes(c.clauseId);
  let outcome: Outcome;
  try {
    const options = c.switches === undefined ? {} : { switches: c.switches as Record<string, string> };
    const result = evaluateClause(c.clauseId as string, c.input, options);
    check(clauseIdValid, () => `a result for the unknown clause id ${show(c.clauseId)}`);
    checkClauseResult(result, c.clauseId as string);
    check(c.expect.length === 0, () => `accepted ${c.expect.map((e) => `${formatPath(e.path)} = ${show(e.value)} (${e.tag})`).join(", ")}`);
    outcome = result.status;
  } catch (error) {
    if (error instanceof InvariantError) throw error;
    outcome = thrownOutcome(error, clauseIdValid);
    // An UnknownClauseError is a PolicyValidationError too (its one issue is at `clauseId`, not in the facts).
    if (error instanceof PolicyValidationError && !(error instanceof UnknownClauseError)) {
      // A clause's facts are one object: an issue names a field of it, or the object itself.
      for (const issue of error.issues) {
        const first = issue.pathSegments[0];
        const named = first === undefined || first === "switches" || (typeof c.input === "object" && c.input !== null && Object.keys(c.input).includes(String(first)));
        check(named || issue.path.includes("…("), () => `issue at ${issue.path} names no field of the input`);
      }
      checkExpectations(error, c.expect);
    }
  }
  if (before !== null) check(snapshot(c.input) === before, "the input was modified");
  checkNoPollution();
  return outcome;
}

function sum(values: readonly (string | null)[]): Big {
  return values.reduce<Big>((total, value) => (value === null ? total : total.plus(value)), new Big(0));
}

const PAYING = new Set(["awarded", "reduced"]);

/** The invariants of a whole decision. */
export function checkDecision(decision: Decision, application: unknown): void {
  const claimsIn = (application as { claims: { id: string; clauseId: string }[] }).claims;
  check(decision.claims.length === claimsIn.length, () => `${decision.claims.length} claim decisions for ${claimsIn.length} claims`);
  decision.claims.forEach((c, i) => {
    // Ids are decided in their canonical form (NFKC, trimmed, dashes read as "-").
    check(c.claimId === canonicalId(String(claimsIn[i]?.id)), () => `claim ${i}: decision for ${c.claimId}, input ${claimsIn[i]?.id}`);
    if (c.status === "undetermined") check(c.amount === null, () => `${c.claimId}: undetermined with amount ${c.amount}`);
    else check(c.amount !== null && MONEY_TEXT.test(c.amount), () => `${c.claimId}: amount ${show(c.amount)}`);
    if (!PAYING.has(c.status) && c.status !== "undetermined") check(c.amount === "0.00", () => `${c.claimId} is ${c.status} but paid ${c.amount}`);
    if (c.amountBeforeCrossClaimCaps !== null) {
      check(MONEY_TEXT.test(c.amountBeforeCrossClaimCaps), () => `${c.claimId}: amountBeforeCrossClaimCaps ${c.amountBeforeCrossClaimCaps}`);
      const ceiling = STATUTORY_CEILING[c.clauseId] as string;
      check(new Big(c.amountBeforeCrossClaimCaps).lte(ceiling), () => `${c.claimId}: ${c.amountBeforeCrossClaimCaps} above the ceiling ${ceiling} of ${c.clauseId}`);
    }
    if (PAYING.has(c.status)) {
      check(c.amountBeforeCrossClaimCaps !== null, () => `${c.claimId} paid without an amount before caps`);
      check(new Big(c.amount as string).lte(c.amountBeforeCrossClaimCaps as string), () => `${c.claimId}: paid ${c.amount} > ${c.amountBeforeCrossClaimCaps}`);
    }
    checkClauseResult(c.clause, c.clauseId);
  });
  const { totals } = decision;
  for (const money of [totals.overall, ...Object.values(totals.byClause), ...Object.values(totals.byYear), decision.recoveries.total]) {
    check(MONEY_TEXT.test(money), () => `a total ${show(money)} is not a two-place decimal`);
  }
  const overall = new Big(totals.overall);
  check(sum(decision.claims.map((c) => c.amount)).eq(overall), () => `Σ claims ≠ overall ${totals.overall}`);
  check(sum(Object.values(totals.byClause)).eq(overall), () => `Σ byClause ≠ overall ${totals.overall}`);
  check(sum(Object.values(totals.byYear)).eq(overall), () => `Σ byYear ≠ overall ${totals.overall}`);
  for (const [clauseId, total] of Object.entries(totals.byClause)) {
    check(sum(decision.claims.filter((c) => c.clauseId === clauseId).map((c) => c.amount)).eq(total), () => `byClause ${clauseId} ${total}`);
  }
  for (const [year, total] of Object.entries(totals.byYear)) {
    check(sum(decision.claims.filter((c) => String(c.year) === year).map((c) => c.amount)).eq(total), () => `byYear ${year} ${total}`);
  }
  const counted = Object.values(totals.byStatus).reduce((a, b) => a + b, 0);
  check(counted === decision.claims.length, () => `byStatus counts ${counted} claims of ${decision.claims.length}`);
  check(sum(decision.recoveries.items.map((item) => item.amount)).eq(decision.recoveries.total), "recoveries do not add up");
}

/** Run one application case and check every invariant; returns what happened. */
export function runApplicationCase(c: ApplicationCase): Outcome {
  const before = snapshot(c.application);
  let outcome: Outcome;
  try {
    const decision = evaluate(c.application, EDITION);
    check(c.expect.length === 0, () => `accepted ${c.expect.map((e) => `${formatPath(e.path)} = ${show(e.value)} (${e.tag})`).join(", ")}`);
    checkDecision(decision, c.application);
    outcome = "decision";
  } catch (error) {
    if (error instanceof InvariantError) throw error;
    outcome = thrownOutcome(error, true);
    if (error instanceof PolicyValidationError) checkExpectations(error, requiredOf(c.expect, error));
  }
  if (before !== null) check(snapshot(c.application) === before, "the application was modified");
  checkNoPollution();
  return outcome;
}

/**
 * The expectations the library must meet all at once. Issues that need the whole document to be read
 * first (a duplicate id) are reported only once the document's shape is valid: when the error shows that
 * the envelope itself was refused (an issue outside the claims' facts that is not a cross-reference),
 * naming that is enough.
 */
function requiredOf(expectations: readonly Expectation[], error: PolicyValidationError): readonly Expectation[] {
  const envelopeRefused = error.issues.some((i) => i.code !== "inconsistent" && !(i.pathSegments[0] === "claims" && i.pathSegments[2] === "input" && i.pathSegments.length >= 4));
  return envelopeRefused ? expectations.filter((e) => !e.duplicate && !e.spelling) : expectations;
}
