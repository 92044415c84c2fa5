/**
 * Deciding without explaining (`settle(application, edition, false)`, what `simulate` uses): the same
 * statuses, amounts and cap years as the full evaluation, by the same code, with nothing written.
 */
import { describe, expect, it } from "vitest";
import { settle } from "../src/evaluate.js";
import { boundClause } from "../src/evaluate-clause.js";
import { Calculation, roundStep } from "../src/kernel/calc.js";
import { Dec } from "../src/kernel/decimal.js";
import { evaluatePrepared } from "../src/kernel/rule.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { listClauseIds } from "../src/measures/registry.js";
import { generatePopulation } from "../src/population.js";
import { readFileSync } from "node:fs";

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

  it("has the status, amounts, failed conditions, missing facts and cap that bit of the explained result, and no explanation", () => {
    for (const { clauseId, input } of fixtures) {
      const bound = boundClause(clauseId, EDITION);
      const loud = evaluatePrepared(bound.prepared, input, bound.env);
      const quiet = evaluatePrepared(bound.prepared, input, bound.quiet);
      const label = `${clauseId} ${JSON.stringify(input)}`;
      expect(quiet.status, label).toBe(loud.status);
      expect(quiet.amount, label).toBe(loud.amount);
      expect(quiet.roundedAmount, label).toBe(loud.roundedAmount);
      expect(quiet.capBinding, label).toBe(loud.capBinding);
      expect(quiet.once, label).toBe(loud.once);
      expect(quiet.failedConditions, label).toEqual(loud.failedConditions);
      expect(quiet.missingFacts, label).toEqual(loud.missingFacts);
      expect(quiet.steps, label).toEqual([]);
      expect(quiet.caps, label).toEqual([]);
      expect(quiet.exactAmount, label).toBeNull();
      if (loud.status === "ineligible") expect(quiet.reasons, label).toEqual([]);
    }
  });

  it("is refused for malformed input exactly as the explained evaluation is", () => {
    const bound = boundClause("art4.1-session", EDITION);
    const bad = { pingguGoodsSpecialSession: true, sessionTurnover: "1,000,000" };
    expect(() => evaluatePrepared(bound.prepared, bad, bound.quiet)).toThrow(/sessionTurnover/);
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
    expect(String(loud.working[6]?.headrooms)).toBe("30000");
    expect(quiet.working.every((w) => w.headrooms === null && w.reasons === null)).toBe(true);
    expect(quiet.claims[6]).toMatchObject({ status: "reduced" });
    expect(quiet.claims[6]?.paid.toFixed(2)).toBe("30000.00");
  });
});
