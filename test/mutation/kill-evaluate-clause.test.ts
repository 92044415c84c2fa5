/**
 * src/evaluate-clause.ts: what a result's `switches` is (the switches the rule reads plus rounding, with
 * their values in force, frozen and shared by every result of the same rule and switch set, as its doc
 * comment says), and that overrides which change nothing leave the edition as it is. Written against
 * survivors in `switchesUsed` and `withSwitches`.
 */
import { describe, expect, it } from "vitest";
import { evaluateClause, switchesUsed } from "../../src/evaluate-clause.js";
import { DRAFT_EDITION } from "../../src/measures/edition-draft.js";
import { getRule } from "../../src/measures/registry.js";
import { eligibleInput } from "./samples.js";

describe("a result's switches", () => {
  it("the rule's own switches and rounding, with the values in force, and nothing else", () => {
    const result = evaluateClause("art3.3", eligibleInput("art3.3"), { switches: { incrementCounting: "pro-rata", art5_1CapScope: "per-term" } });
    expect(result.switches).toEqual({ incrementCounting: "pro-rata", rounding: "fen-half-up" });
    expect(Object.keys(evaluateClause("art6.1", eligibleInput("art6.1")).switches)).toEqual(["rounding"]);
  });

  it("frozen, and one object for every result of the same rule and switches", () => {
    const first = evaluateClause("art3.3", eligibleInput("art3.3"));
    const second = evaluateClause("art3.3", { ...eligibleInput("art3.3"), growthRate: "0.3" });
    expect(Object.isFrozen(first.switches)).toBe(true);
    expect(second.switches).toBe(first.switches);
    // Memoised by the rule's own list of switches (the same array each time) and the switch set.
    const ruleSwitches = getRule("art3.3").switches;
    const used = switchesUsed(ruleSwitches, DRAFT_EDITION.switches);
    expect(switchesUsed(ruleSwitches, DRAFT_EDITION.switches)).toBe(used);
    expect(Object.isFrozen(used)).toBe(true);
  });

  it("overrides that change nothing ({}, or only undefined values) decide with the edition's switches", () => {
    const plain = evaluateClause("art3.3", eligibleInput("art3.3"));
    for (const switches of [{}, { rounding: undefined, incrementCounting: undefined }]) {
      const result = evaluateClause("art3.3", eligibleInput("art3.3"), { switches });
      expect(result).toEqual(plain);
      expect(result.switches).toBe(plain.switches);
    }
    const changed = evaluateClause("art3.3", eligibleInput("art3.3"), { switches: { rounding: "yuan-half-up", incrementCounting: undefined } });
    expect(changed.switches).toEqual({ incrementCounting: "full-increments", rounding: "yuan-half-up" });
  });
});
