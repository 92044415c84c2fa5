/**
 * Two passes over one rule definition: deciding (`decideVerdict`, `evaluateClause(…, { explain: false })`,
 * `evaluate(…, { explain: false })`, `settle(…, false)` for `simulate`) and explaining (`explainFacts`,
 * the default). They must agree on every status, amount, failed condition, missing fact and cap, on every
 * clause sample, every fixture application and a generated population.
 */
import { describe, expect, it } from "vitest";
import { type ClaimDecision, type DecidedClaim, evaluate, settle } from "../src/evaluate.js";
import { boundClause, evaluateClause, explainVerdict } from "../src/evaluate-clause.js";
import { PolicyValidationError } from "../src/kernel/errors.js";
import { explainClaim, explainDecision } from "../src/explain-decision.js";
import { explainSummary } from "../src/explain-summary.js";
import { thrownIssues } from "./helpers.js";

/** The first issue of the PolicyValidationError that `run` throws. */
const issueOf = (run: () => unknown) => thrownIssues(run)[0];
import { Calculation, roundStep } from "../src/kernel/calc.js";
import { Dec } from "../src/kernel/decimal.js";
import { decideVerdict, explainFacts, readFacts, verdictOfResult } from "../src/kernel/rule.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { listClauseIds } from "../src/measures/registry.js";
import { generatePopulation } from "../src/population.js";
import { simulate } from "../src/simulate.js";
import { readdirSync, readFileSync } from "node:fs";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const YUAN = deriveEdition({ publishedOn: "2025-03-01", switches: { rounding: "yuan-half-up", intraMeasuresDuplicates: "first-claimed" } });
const LABEL = { en: "x", zh: "x" };

describe("Calculation(false)", () => {
  it("computes every operation as a recording calculation does, and records no step", () => {
    const quiet = new Calculation(false);
    const loud = new Calculation();
    for (const calc of [quiet, loud]) {
      const a = calc.value(LABEL, new Dec("1234567.891"));
      const b = calc.multiply(LABEL, a, new Dec("0.3"));
      const c = calc.divide(LABEL, b, new Dec("360"));
      const d = calc.floorDivide(LABEL, calc.add(LABEL, c, new Dec("7")), new Dec("0.5"));
      const e = calc.minimum(LABEL, calc.subtract(LABEL, b, d), new Dec("100000"));
      roundStep(calc, e, "fen-half-up");
    }
    expect(quiet.steps).toEqual([]);
    expect(loud.steps).toHaveLength(8);
    expect(quiet.recording).toBe(false);
    expect(loud.recording).toBe(true);
  });

  it("returns the same values", () => {
    const quiet = new Calculation(false);
    const loud = new Calculation(true);
    const values = [quiet, loud].map((calc) => calc.divide(LABEL, calc.multiply(LABEL, new Dec("2000000"), new Dec("0.055")), new Dec("365")));
    expect(values[0]?.toString()).toBe(values[1]?.toString());
    expect(values[0]?.toString()).toBe("301.3698630136986301369863013698630136986301");
  });
});

describe("a clause decided without explanation", () => {
  // The sample claims of every clause (fixtures/clauses/<id>.json: { clauseId, examples: [{ input }] }).
  const fixtures = listClauseIds().flatMap((clauseId) => {
    const parsed = JSON.parse(readFileSync(`fixtures/clauses/${clauseId}.json`, "utf8")) as { examples: { input: unknown }[] };
    return parsed.examples.map((example) => ({ clauseId, input: example.input }));
  });

  it("has sample inputs for every clause", () => {
    expect(new Set(fixtures.map((f) => f.clauseId)).size).toBe(listClauseIds().length);
  });

  for (const [name, edition] of [
    ["the draft, published", EDITION],
    ["whole-yuan rounding, first-claimed", YUAN],
  ] as const) {
    it(`decides every sample as the explanation does: the same verdict, field for field (${name})`, () => {
      for (const { clauseId, input } of fixtures) {
        const bound = boundClause(clauseId, edition);
        const facts = readFacts(bound.prepared, input, []);
        const verdict = decideVerdict(bound.prepared, facts, bound.env);
        const explained = explainFacts(bound.prepared, facts, bound.env);
        expect(verdict, `${clauseId} ${JSON.stringify(input)}`).toEqual(verdictOfResult(explained));
      }
    });
  }

  it("covers every status among the samples", () => {
    const statuses = new Set(fixtures.map(({ clauseId, input }) => evaluateClause(clauseId, input, { explain: false }).status));
    expect([...statuses].sort()).toEqual(["eligible", "ineligible", "undetermined"]);
  });

  it("evaluateClause(…, { explain: false }) gives the verdict only: plain frozen data, no explanation", () => {
    for (const { clauseId, input } of fixtures) {
      const verdict = evaluateClause(clauseId, input, { explain: false });
      expect(Object.isFrozen(verdict)).toBe(true);
      expect(Object.isFrozen(verdict.failedConditions)).toBe(true);
      expect(Object.keys(verdict)).toEqual(["clauseId", "status", "amount", "roundedAmount", "failedConditions", "missingFacts", "capBinding", "once", "rounding", "edition", "switches"]);
      expect(JSON.parse(JSON.stringify(verdict))).toEqual(verdict);
      expect(verdict).toEqual(verdictOfResult(evaluateClause(clauseId, input)));
    }
  });

  it("explainVerdict gives the whole result of a verdict, as evaluateClause explains it", () => {
    for (const { clauseId, input } of fixtures) {
      const verdict = evaluateClause(clauseId, input, { explain: false });
      expect(explainVerdict(verdict, input)).toEqual(evaluateClause(clauseId, input));
    }
    const options = { edition: EDITION, switches: { rounding: "yuan-half-up" as const } };
    const facts = { pingguGoodsSpecialSession: true, sessionTurnover: "1234567.89" };
    const verdict = evaluateClause("art4.1-session", facts, { ...options, explain: false });
    expect(verdict.amount).toBe("12346.00");
    expect(explainVerdict(verdict, facts, options)).toEqual(evaluateClause("art4.1-session", facts, options));
  });

  it("explainVerdict refuses a verdict of other facts, another edition or another switch, naming the field", () => {
    const facts = { pingguGoodsSpecialSession: true, sessionTurnover: "1234567.89" };
    const verdict = evaluateClause("art4.1-session", facts, { explain: false });
    expect(issueOf(() => explainVerdict(verdict, { ...facts, sessionTurnover: "2000000" }))).toMatchObject({ path: "verdict.amount", code: "inconsistent" });
    expect(issueOf(() => explainVerdict(verdict, facts, { edition: EDITION }))).toMatchObject({ path: "verdict.edition" });
    expect(issueOf(() => explainVerdict(verdict, facts, { switches: { rounding: "yuan-half-up" } }))).toMatchObject({ path: "verdict.amount" });
    expect(issueOf(() => explainVerdict({ ...verdict, clauseId: "art9.9" } as never, facts))).toMatchObject({ path: "verdict.clauseId" });
    expect(issueOf(() => explainVerdict(null as never, facts))).toMatchObject({ path: "verdict", code: "invalid_type" });
    expect(issueOf(() => explainVerdict(verdict, { ...facts, sessionTurnover: "abc" }))).toMatchObject({ path: "sessionTurnover" });
  });

  it("explainVerdict refuses a hand-built verdict missing a list or with switches of the wrong type, naming the field", () => {
    const facts = { pingguGoodsSpecialSession: true, sessionTurnover: "1234567.89" };
    const verdict = evaluateClause("art4.1-session", facts, { explain: false });
    expect(issueOf(() => explainVerdict({ ...verdict, failedConditions: undefined } as never, facts))).toMatchObject({ path: "verdict.failedConditions" });
    expect(issueOf(() => explainVerdict({ ...verdict, missingFacts: "x" } as never, facts))).toMatchObject({ path: "verdict.missingFacts" });
    expect(issueOf(() => explainVerdict({ ...verdict, switches: null } as never, facts))).toMatchObject({ path: "verdict.switches" });
    expect(issueOf(() => explainVerdict({ clauseId: "art4.1-session" } as never, facts))?.path).toMatch(/^verdict\./);
    // A verdict read back from JSON is a verdict.
    expect(explainVerdict(JSON.parse(JSON.stringify(verdict)) as typeof verdict, facts)).toEqual(evaluateClause("art4.1-session", facts));
  });

  it("evaluateClause refuses an explain option that is not true or false, naming it", () => {
    expect(() => evaluateClause("art4.1-session", {}, { explain: "no" as never })).toThrow(/options\.explain/);
    expect(evaluateClause("art4.1-session", { pingguGoodsSpecialSession: true, sessionTurnover: "1000000" }, { explain: true }).steps.length).toBeGreaterThan(0);
  });

  it("is refused for malformed input exactly as the explained evaluation is", () => {
    const bad = { pingguGoodsSpecialSession: true, sessionTurnover: "1,000,000" };
    const messageOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    expect(messageOf(() => evaluateClause("art4.1-session", bad, { explain: false }))).toBe(messageOf(() => evaluateClause("art4.1-session", bad)));
    expect(messageOf(() => evaluateClause("art4.1-session", bad))).toMatch(/sessionTurnover/);
  });
});

/** The decided-only claim a full claim decision holds: its figures, without the explanation. */
function figuresOf(claim: ClaimDecision): DecidedClaim {
  const { crossClaimCaps: _caps, reasons: _reasons, clause: _clause, ...figures } = claim;
  return figures;
}

describe("evaluate(…, { explain: false })", () => {
  const applications = readdirSync("fixtures/applications")
    .filter((name) => name.endsWith(".json"))
    .map((name) => [name, JSON.parse(readFileSync(`fixtures/applications/${name}`, "utf8")) as unknown] as const);
  const edition = deriveEdition({ publishedOn: "2025-03-01" });

  it("has fixture applications to compare", () => {
    expect(applications.length).toBeGreaterThanOrEqual(5);
  });

  for (const [name, application] of applications) {
    it(`decides ${name} as the explained evaluation does: every claim's figures, the totals, the stamp`, () => {
      const explained = evaluate(application, edition);
      const decided = evaluate(application, edition, { explain: false });
      expect(decided.claims).toEqual(explained.claims.map(figuresOf));
      const { claims: _a, ...restDecided } = decided;
      const { claims: _b, ...restExplained } = explained;
      expect(restDecided).toEqual(restExplained);
      expect(Object.isFrozen(decided.claims[0])).toBe(true);
    });
  }

  it("decides 300 generated applicants as the explained evaluation does", () => {
    let compared = 0;
    for (const application of generatePopulation({ seed: 12, applicants: 300 })) {
      let explained;
      try {
        explained = evaluate(application, EDITION);
      } catch (error) {
        expect(() => evaluate(application, EDITION, { explain: false })).toThrow((error as Error).message);
        continue;
      }
      const decided = evaluate(application, EDITION, { explain: false });
      expect(decided.claims).toEqual(explained.claims.map(figuresOf));
      expect(decided.totals).toEqual(explained.totals);
      compared += decided.claims.length;
    }
    expect(compared).toBeGreaterThanOrEqual(900);
  });

  it("explainDecision and explainClaim refuse a summary with one issue saying how to get the explained document", () => {
    const application = applications[0]?.[1];
    const summary = evaluate(application, edition, { explain: false });
    for (const [run, path] of [
      [() => explainDecision(summary as never, "en"), "decision.claims"],
      [() => explainClaim(summary.claims[0] as never, "zh"), "claim"],
    ] as const) {
      try {
        run();
        throw new Error("not refused");
      } catch (error) {
        expect(error).toBeInstanceOf(PolicyValidationError);
        const issues = (error as PolicyValidationError).issues;
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatchObject({ path, code: "invalid_value" });
        expect(issues[0]?.expected).toContain("without { explain: false }");
      }
    }
    // An explained decision with a claim's clause missing is still reported field by field.
    const explained = JSON.parse(JSON.stringify(evaluate(application, edition))) as { claims: Record<string, unknown>[] };
    delete explained.claims[0]?.clause;
    expect(() => explainDecision(explained as never)).toThrow(/decision\.claims\[0\]\.clause/);
  });

  it("explainSummary gives the explained decision of a summary, as evaluate explains it", () => {
    for (const [name, application] of applications) {
      const summary = evaluate(application, edition, { explain: false });
      expect(explainSummary(summary, application, edition), name).toEqual(evaluate(application, edition));
      // Also from a summary read back from JSON (another system stored it).
      expect(explainSummary(JSON.parse(JSON.stringify(summary)) as typeof summary, application, edition), name).toEqual(evaluate(application, edition));
    }
  });

  it("explainSummary refuses the summary of another application or edition, or a changed figure, naming the field", () => {
    const [, application] = applications[0] as readonly [string, unknown];
    const [, other] = applications[1] as readonly [string, unknown];
    const summary = evaluate(application, edition, { explain: false });
    expect(issueOf(() => explainSummary(summary, other, edition))).toMatchObject({ path: "summary.audit.inputHash", code: "inconsistent" });
    expect(issueOf(() => explainSummary(summary, application, deriveEdition({ publishedOn: "2025-03-02" })))).toMatchObject({ path: "summary.audit.editionHash" });
    const changed = JSON.parse(JSON.stringify(summary)) as { claims: { amount: string | null }[] };
    const paid = changed.claims.findIndex((claim) => claim.amount !== null && claim.amount !== "0.00");
    (changed.claims[paid] as { amount: string }).amount = "1.00";
    const issue = issueOf(() => explainSummary(changed as never, application, edition));
    expect(issue).toMatchObject({ path: `summary.claims[${paid}].amount`, received: '"1.00"' });
    expect(issueOf(() => explainSummary(evaluate(application, edition) as never, application, edition))?.path).toMatch(/^summary\.claims\[0\]/);
    expect(issueOf(() => explainSummary(null as never, application, edition))).toMatchObject({ path: "summary" });
  });

  it("refuses an explain option that is not true or false, naming it", () => {
    const application = applications[0]?.[1];
    expect(() => evaluate(application, edition, { explain: 0 as never })).toThrow(/options\.explain/);
    expect(() => evaluate(application, edition, "fast" as never)).toThrow(/options/);
  });
});

describe("settle(application, edition, false)", () => {
  const population = [...generatePopulation({ seed: 11, applicants: 300 })];

  for (const [name, edition] of [
    ["the draft", EDITION],
    ["whole-yuan rounding, first-claimed", YUAN],
  ] as const) {
    it(`decides every claim of 300 generated applicants as settle(…, true) does (${name})`, () => {
      let compared = 0;
      for (const application of population) {
        let loud;
        try {
          loud = settle(application, edition);
        } catch (error) {
          expect(() => settle(application, edition, false)).toThrow((error as Error).message);
          continue;
        }
        const quiet = settle(application, edition, false);
        expect(quiet.claims.length).toBe(loud.claims.length);
        loud.claims.forEach((claim, i) => {
          const other = quiet.claims[i]!;
          expect(other.claim.id).toBe(claim.claim.id);
          expect(other.status, claim.claim.id).toBe(claim.status);
          expect(other.paid.toFixed(2), claim.claim.id).toBe(claim.paid.toFixed(2));
          expect(other.year, claim.claim.id).toBe(claim.year);
          compared++;
        });
      }
      expect(compared).toBeGreaterThanOrEqual(900);
    });
  }

  it("writes no cap entries or reasons for the caps across claims, which it still applies", () => {
    const sessions = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: `s${n}`, clauseId: "art4.1-session", factDate: `2025-0${n + 2}-10`, input: { pingguGoodsSpecialSession: true, sessionTurnover: "4500000" } }));
    const application = { ...population[0]!, claims: sessions, history: [] } as unknown as { claims: unknown[] };
    const loud = settle(application, EDITION);
    const quiet = settle(application, EDITION, false);
    // The explained path keeps what the cap entry and reason are written from; the quiet one keeps nothing.
    // One cap across claims: its headroom is kept as it is, without a list around it.
    expect(String(loud.records[6]?.headrooms)).toBe("30000");
    expect(quiet.records.every((w) => w.headrooms === null && w.reasons === null)).toBe(true);
    expect(quiet.claims[6]).toMatchObject({ status: "reduced" });
    expect(quiet.claims[6]?.paid.toFixed(2)).toBe("30000.00");
  });
});

describe("simulate's explain option", () => {
  const population = [...generatePopulation({ seed: 13, applicants: 40 })];

  it("accepts explain: false, and gives the same result as without it (a simulation decides only)", () => {
    const plain = simulate(population, [EDITION]);
    const said = simulate(population, [EDITION], { explain: false });
    expect(said).toEqual(plain);
  });

  it("refuses explain: true, naming the option and where explanations come from", () => {
    for (const value of [true, "yes", 1]) {
      try {
        simulate(population, [EDITION], { explain: value as never });
        throw new Error("not refused");
      } catch (error) {
        expect(error).toBeInstanceOf(PolicyValidationError);
        const issue = (error as PolicyValidationError).issues[0];
        expect(issue).toMatchObject({ path: "options.explain", code: "invalid_value" });
        expect(issue?.expected).toContain("evaluate");
      }
    }
  });
});
