/**
 * Fuzzing, the default run inside `npm test` (a few seconds): the properties of test/fuzz/model.ts on a
 * few hundred cases each, with a fixed seed so that a failure reproduces. The long run is
 * `npm run fuzz` (scripts/fuzz.ts, ≥ 1,000,000 cases; see docs/quality.md). For a longer hunt here:
 * FUZZ_RUNS=20000 npx vitest run test/fuzz   (FUZZ_SEED=<n> to change the seed).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { evaluate } from "../../src/evaluate.js";
import { PolicyValidationError, UnknownClauseError } from "../../src/kernel/errors.js";
import {
  APPLICATION_SAMPLES,
  type ApplicationCase,
  CLAUSE_IDS,
  type ClauseCase,
  EDITION,
  FIELDS,
  fieldJsonClauseCase,
  jsonApplicationCase,
  jsonClauseCase,
  nearValidApplicationCase,
  nearValidClauseCase,
  type Outcome,
  runApplicationCase,
  runClauseCase,
} from "./model.js";

const RUNS = Number(process.env["FUZZ_RUNS"] ?? 200);
const SEED = Number(process.env["FUZZ_SEED"] ?? 20250301);

function tally(counts: Map<Outcome, number>, outcome: Outcome): void {
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
}

function clauseProperty(arb: fc.Arbitrary<ClauseCase>, numRuns: number, seed: number): Map<Outcome, number> {
  const counts = new Map<Outcome, number>();
  fc.assert(
    fc.property(arb, (c) => {
      tally(counts, runClauseCase(c));
    }),
    { numRuns, seed },
  );
  return counts;
}

function applicationProperty(arb: fc.Arbitrary<ApplicationCase>, numRuns: number, seed: number): Map<Outcome, number> {
  const counts = new Map<Outcome, number>();
  fc.assert(
    fc.property(arb, (c) => {
      tally(counts, runApplicationCase(c));
    }),
    { numRuns, seed },
  );
  return counts;
}

describe("fuzzing evaluateClause", () => {
  it("near-valid facts of every clause (fixtures/clauses, fields perturbed): typed errors naming the field, or sound amounts", () => {
    const counts = clauseProperty(nearValidClauseCase, RUNS * 4, SEED);
    // The generator reaches both sides: refusals and results.
    expect(counts.get("PolicyValidationError")).toBeGreaterThan(0);
    expect((counts.get("eligible") ?? 0) + (counts.get("ineligible") ?? 0) + (counts.get("undetermined") ?? 0)).toBeGreaterThan(0);
  });

  it("any JSON or JavaScript value as the facts, any clause id (or a bad one): only the library's typed errors", () => {
    const counts = clauseProperty(jsonClauseCase, RUNS * 2, SEED + 1);
    expect(counts.get("UnknownClauseError")).toBeGreaterThan(0);
  });

  it("each clause's own fields holding any JSON value", () => {
    clauseProperty(fieldJsonClauseCase, RUNS * 2, SEED + 2);
  });
});

describe("fuzzing evaluate", () => {
  it("near-valid applications (fixtures/applications, fields perturbed, duplicate ids, impossible dates): typed errors naming the field, or decisions whose totals add up", () => {
    const counts = applicationProperty(nearValidApplicationCase, RUNS, SEED + 3);
    expect(counts.get("PolicyValidationError")).toBeGreaterThan(0);
    expect(counts.get("decision")).toBeGreaterThan(0);
  });

  it("any JSON or JavaScript value as the application, or arbitrary claims in a valid envelope: only PolicyValidationError", () => {
    applicationProperty(jsonApplicationCase, RUNS, SEED + 4);
  });
});

// ---------------------------------------------------------------------------------------------------
// The same promise, exhaustively on the small cases: full-width digits and thousands separators are
// never read as numbers by the core, in any numeric field of any clause or of an application.

const FULL_WIDTH = ["１２３", "１０００００", "１２３．４５", "1２3"];
const SEPARATED = ["1,000", "1,000,000.50", "12 345", "1_000", "1'000"];

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError);
    return (error as PolicyValidationError).issues;
  }
  throw new Error("expected a PolicyValidationError");
}

describe("full-width digits and thousands separators: refused by the core with a hint, never misread", () => {
  for (const clauseId of CLAUSE_IDS) {
    const numeric = Object.entries(FIELDS[clauseId] ?? {})
      .filter(([, kind]) => kind === "decimal" || kind === "integer")
      .map(([name]) => name);
    if (numeric.length === 0) continue;
    it(`${clauseId}: ${numeric.join(", ")}`, () => {
      for (const field of numeric) {
        for (const text of FULL_WIDTH) {
          const issue = issuesOf(() => evaluateClause(clauseId, { [field]: text })).find((i) => i.path === field);
          expect(issue?.hint, `${field} = ${text}`).toMatch(/full-width characters are not accepted/);
          expect(issue?.hintZh, `${field} = ${text}`).toMatch(/不接受全角字符/);
        }
        for (const text of SEPARATED) {
          const issue = issuesOf(() => evaluateClause(clauseId, { [field]: text })).find((i) => i.path === field);
          expect(issue?.hint, `${field} = ${text}`).toMatch(/thousands separators are not accepted/);
          expect(issue?.hintZh, `${field} = ${text}`).toMatch(/不接受千位分隔符/);
        }
      }
    });
  }

  it("in an application: a claim's facts and a grant's amount", () => {
    const sample = structuredClone(APPLICATION_SAMPLES.find((app) => Array.isArray(app.history) && app.history.length > 0)) as {
      claims: { clauseId: string; input: Record<string, unknown> }[];
      history: { amount: unknown }[];
    };
    const claim = sample.claims.findIndex((c) => Object.values(FIELDS[c.clauseId] ?? {}).includes("decimal"));
    const field = Object.entries(FIELDS[sample.claims[claim]?.clauseId as string] ?? {}).find(([, kind]) => kind === "decimal")?.[0] as string;
    (sample.claims[claim] as { input: Record<string, unknown> }).input[field] = "１２３";
    (sample.history[0] as { amount: unknown }).amount = "1,000";
    const issues = issuesOf(() => evaluate(sample, EDITION));
    expect(issues.find((i) => i.path === `claims[${claim}].input.${field}`)?.hint).toMatch(/full-width/);
    expect(issues.find((i) => i.path === "history[0].amount")?.hint).toMatch(/thousands separators/);
  });
});

describe("impossible and far dates: refused with the reason, never rolled over", () => {
  const sample = () => structuredClone(APPLICATION_SAMPLES[0]) as { claims: { factDate: unknown }[] };
  for (const [date, hint] of [
    ["2026-02-30", /2026-02 has 28 days/],
    ["2025-02-29", /2025-02 has 28 days/],
    ["0000-01-01", /year 0 is outside 1900–2199/],
    ["2200-01-01", /year 2200 is outside 1900–2199/],
  ] as const) {
    it(`a claim's fact date ${date}`, () => {
      const app = sample();
      (app.claims[0] as { factDate: unknown }).factDate = date;
      const issue = issuesOf(() => evaluate(app, EDITION)).find((i) => i.path === "claims[0].factDate");
      expect(issue?.hint).toMatch(hint);
    });
  }

  it("a far-future fact date that is a real day (2199-12-31) is a decision, outside the validity window", () => {
    const app = sample();
    (app.claims[0] as { factDate: unknown }).factDate = "2199-12-31";
    const decision = evaluate(app, EDITION);
    expect(decision.claims[0]?.status).toBe("out-of-window");
    expect(decision.claims[0]?.amount).toBe("0.00");
  });
});

// ---------------------------------------------------------------------------------------------------
// Findings of the long run (npm run fuzz), shrunk by fast-check.

describe("a clause id that is not a string", () => {
  // Regression (npm run fuzz, seed 20250302, case 27,198, shrunk to clauseId {"toString":0}): UnknownClauseError's
  // constructor (src/kernel/errors.ts) computes String(clauseId), which throws a TypeError ("Cannot
  // convert object to primitive value") for an object without a callable toString or valueOf — a
  // null-prototype object, {toString: 0} — and runs a caller's own toString (which may throw). The
  // message already uses describeReceived(clauseId); the clauseId property should too (or keep
  // non-strings as they are). Fixed: the clauseId property uses describeReceived too.
  it("an object String() cannot convert gives UnknownClauseError, not a TypeError", () => {
    for (const id of [{ toString: 0 }, Object.create(null) as object]) {
      expect(() => evaluateClause(id as unknown as string, {})).toThrow(UnknownClauseError);
    }
  });

  it("numbers, null, symbols and bigints give UnknownClauseError", () => {
    for (const id of [3.1, null, undefined, Symbol("art3.1"), 31n, ["art3.1"], { id: "art3.1" }]) {
      expect(() => evaluateClause(id as unknown as string, {})).toThrow(UnknownClauseError);
    }
  });
});
