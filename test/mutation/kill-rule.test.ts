/**
 * src/kernel/rule.ts, the two passes (issue 16): where an explanation disagrees with a verdict. Written
 * for the survivors of the 2026-12-03 afternoon Stryker run (docs/quality.md, "Session of 2026-12-03
 * (afternoon): the redesigned evaluator").
 */
import { describe, expect, it } from "vitest";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { type ClauseVerdict, verdictDisagreement, verdictOfResult } from "../../src/kernel/rule.js";
import { eligibleInput } from "./samples.js";

const result = () => evaluateClause("art3.3", eligibleInput("art3.3"));

describe("verdictDisagreement on switches", () => {
  it("a switch the verdict holds with another value: named switches.<name>, with both values", () => {
    // Mutants: rule.ts:533 the returned object → `{}`, its field `switches.${name}` → `` (no coverage before).
    const verdict: ClauseVerdict = { ...verdictOfResult(result()), switches: { ...result().switches, incrementCounting: "pro-rata" } };
    expect(verdictDisagreement(verdict, result())).toEqual({ field: "switches.incrementCounting", verdict: "pro-rata", explained: "full-increments" });
  });

  it("a switch only the verdict holds: explained as undefined", () => {
    const verdict: ClauseVerdict = { ...verdictOfResult(result()), switches: { ...result().switches, extra: "x" } };
    expect(verdictDisagreement(verdict, result())).toEqual({ field: "switches.extra", verdict: "x", explained: undefined });
  });

  it("the verdict of a result agrees with it", () => {
    expect(verdictDisagreement(verdictOfResult(result()), result())).toBeNull();
  });
});

describe("verdictDisagreement on lists", () => {
  const ineligible = () => evaluateClause("art3.3", { ...eligibleInput("art3.3"), selfOperatedOnlineSales: false });

  it("a verdict listing fewer failed conditions than the explanation", () => {
    // Mutants: rule.ts:529 `a.length !== b.length || a.some(…)` → `&&`, → false.
    const result = ineligible();
    expect(result.failedConditions.length).toBeGreaterThan(0);
    const verdict: ClauseVerdict = { ...verdictOfResult(result), failedConditions: [] };
    expect(verdictDisagreement(verdict, result)).toEqual({ field: "failedConditions", verdict: [], explained: result.failedConditions });
  });

  it("as many missing facts, one of them another", () => {
    // Mutants: rule.ts:529 the element test `(value, i) => value !== b[i]` → `() => undefined`, its
    // comparison → false.
    const result = evaluateClause("art3.3", { selfOperatedOnlineSales: true });
    expect(result.missingFacts.length).toBeGreaterThan(1);
    const changed = [...result.missingFacts.slice(0, -1), "somethingElse"];
    const verdict: ClauseVerdict = { ...verdictOfResult(result), missingFacts: changed };
    expect(verdictDisagreement(verdict, result)).toEqual({ field: "missingFacts", verdict: changed, explained: result.missingFacts });
  });
});

