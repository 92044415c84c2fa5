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
