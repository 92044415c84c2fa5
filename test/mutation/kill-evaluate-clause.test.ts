/**
 * src/evaluate-clause.ts: what a result's `switches` is (the switches the rule reads plus rounding, with
 * their values in force, frozen and shared by every result of the same rule and switch set, as its doc
 * comment says), and that overrides which change nothing leave the edition as it is. Written against
 * survivors in `switchesUsed` and `withSwitches`.
 */
import { describe, expect, it } from "vitest";
import { evaluateClause, explainVerdict, switchesUsed } from "../../src/evaluate-clause.js";
import { PolicyValidationError, UnknownClauseError } from "../../src/kernel/errors.js";
import { DRAFT_EDITION } from "../../src/measures/edition-draft.js";
import { getRule } from "../../src/measures/registry.js";
import { thrownIssues } from "../helpers.js";
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

// ---------------------------------------------------------------------------------------------------
// The options of evaluateClause and explainVerdict after the redesign (issue 16): written for the
// survivors of the 2026-12-03 afternoon Stryker run (docs/quality.md, "Session of 2026-12-03
// (afternoon): the redesigned evaluator").

describe("evaluateClause's options, refused", () => {
  it("options that are not an object: invalid_type at options, saying what an options object holds", () => {
    // Mutants: evaluate-clause.ts:55 `expected: "an object { edition?, switches?, explain? }"` → "";
    // `pathSegments: ["options"]` → `[]`, → `[""]`.
    const issues = thrownIssues(() => evaluateClause("art6.1", eligibleInput("art6.1"), "quiet" as never));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("invalid_type");
    expect(issues[0]?.path).toBe("options");
    expect(issues[0]?.pathSegments).toEqual(["options"]);
    expect(issues[0]?.message).toContain("expected an object { edition?, switches?, explain? }");
    expect(issues[0]?.messageZh).toContain("应为对象 { edition?, switches?, explain? }");
    // Mutant: evaluate-clause.ts:51 the default context "evaluateClause" → "".
    expect(() => evaluateClause("art6.1", eligibleInput("art6.1"), "quiet" as never)).toThrow(/^evaluateClause: invalid input/);
  });

  it("an unknown option: named, with the known ones listed in English and Chinese", () => {
    // Mutants: evaluate-clause.ts:67 `CLAUSE_OPTION_KEYS.join(", ")` → `join("")`; :68 `join("、")` → `join("")`.
    const issues = thrownIssues(() => evaluateClause("art6.1", eligibleInput("art6.1"), { explian: false } as never));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("options.explian");
    expect(issues[0]?.message).toContain('no option named "explian"; known options: edition, switches, explain');
    expect(issues[0]?.messageZh).toContain("没有名为“explian”的选项；已知选项：edition、switches、explain");
  });

  it("an explain that is not a boolean: invalid_type at options.explain, in English and Chinese", () => {
    // Mutants: evaluate-clause.ts:78 `code: "invalid_type"` → ""; its `expected` → ""; its `expectedZh` → "".
    const issues = thrownIssues(() => evaluateClause("art6.1", eligibleInput("art6.1"), { explain: "no" } as never));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("invalid_type");
    expect(issues[0]?.path).toBe("options.explain");
    expect(issues[0]?.message).toContain("expected true or false (false: decide only, without the explanation)");
    expect(issues[0]?.messageZh).toContain("应为true 或 false（false：只作判定，不附说明）");
  });
});

describe("explainVerdict, refused", () => {
  const verdict = () => evaluateClause("art6.1", eligibleInput("art6.1"), { explain: false });

  it("options that are not an object: the error names explainVerdict", () => {
    // Mutant: evaluate-clause.ts:125 `readClauseOptions(options, "explainVerdict")` → `(options, "")`.
    expect(() => explainVerdict(verdict(), eligibleInput("art6.1"), 7 as never)).toThrow(/^explainVerdict: invalid input/);
  });

  it("a verdict of other facts: the error names explainVerdict", () => {
    // Mutant: evaluate-clause.ts:140 the context "explainVerdict" → "".
    const other = { ...eligibleInput("art6.1"), approvedAmount: "70000" };
    expect(() => explainVerdict(verdict(), other)).toThrow(/^explainVerdict: invalid input/);
    const issues = thrownIssues(() => explainVerdict(verdict(), other));
    expect(issues[0]?.path).toBe("verdict.amount");
  });

  it("a verdict naming no clause of the measures: invalid_value at verdict.clauseId", () => {
    // Mutants: evaluate-clause.ts:149 the clause check → true (an unknown id went on to be evaluated);
    // :161 the context → "".
    const wrong = { ...verdict(), clauseId: "art99" };
    expect(() => explainVerdict(wrong, eligibleInput("art6.1"))).toThrow(PolicyValidationError);
    expect(() => explainVerdict(wrong, eligibleInput("art6.1"))).toThrow(/^explainVerdict: invalid input/);
    const issues = thrownIssues(() => explainVerdict(wrong, eligibleInput("art6.1")));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("invalid_value");
    expect(issues[0]?.path).toBe("verdict.clauseId");
    expect(issues[0]?.message).toContain("expected the id of a clause of the measures");
  });

  it("a clause id that is not a string: invalid_value at verdict.clauseId", () => {
    // Mutant: evaluate-clause.ts:149 `typeof clauseId === "string"` → true.
    const issues = thrownIssues(() => explainVerdict({ ...verdict(), clauseId: 3 } as never, eligibleInput("art6.1")));
    expect(issues[0]?.path).toBe("verdict.clauseId");
  });

  it("a verdict that is not an object: invalid_type at verdict, saying what a verdict is", () => {
    // Mutants: evaluate-clause.ts:150 `atClause` → true (null read as an object at verdict.clauseId);
    // :154 `code: atClause ? "invalid_value" : "invalid_type"` → its "invalid_type" → "".
    const issues = thrownIssues(() => explainVerdict(null as never, eligibleInput("art6.1")));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("invalid_type");
    expect(issues[0]?.path).toBe("verdict");
    expect(issues[0]?.message).toContain("expected a verdict from evaluateClause(id, facts, { explain: false })");
    expect(thrownIssues(() => explainVerdict("art6.1" as never, eligibleInput("art6.1")))[0]?.path).toBe("verdict");
  });
});

describe("an unknown clause id is refused before the options are read", () => {
  it("an unknown id with options that are not an object: UnknownClauseError, not the options' error", () => {
    // Mutants: evaluate-clause.ts:110 `!isClauseId(clauseId)` → false, → `isClauseId(clauseId)` (the id
    // refused only after the options, whose error came first).
    expect(() => evaluateClause("art99", {}, "quiet" as never)).toThrow(UnknownClauseError);
  });
});
