/**
 * src/kernel/rule.ts: which objects are a claim's facts (`isPlainObject`), the refusal of facts that
 * are not an object for a rule without named fields, the reason texts of a failed condition in the two
 * shapes no clause of these measures produces (a comparison that holds, a condition without facts),
 * a rule prepared once per context, and the shared, frozen reasons of a plain eligible result. The
 * kernel knows nothing of Pinggu, so the last cases use small test rules, as test/kernel/errors.test.ts
 * does. Written for the survivors and uncovered mutants of the session-4 Stryker run (docs/quality.md,
 * "This evening's changed files (session 4)").
 */
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { contextOf, evaluateClause } from "../../src/evaluate-clause.js";
import type { ConditionResult } from "../../src/kernel/conditions.js";
import { Dec } from "../../src/kernel/decimal.js";
import { PolicyValidationError } from "../../src/kernel/errors.js";
import { evaluateRule, prepareRule, type RuleDefinition } from "../../src/kernel/rule.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { getRule } from "../../src/measures/registry.js";

const ENV = { rounding: "fen-half-up" as const, editionName: "test", switches: {} };
/** A test rule's context (an object: prepared rules are kept per context object). */
interface TestContext {
  readonly name: string;
}

function testRule<S extends z.ZodType>(schema: S, conditions: readonly ConditionResult[]): RuleDefinition<S, TestContext> {
  return {
    id: "test.rule",
    title: { en: "test", zh: "测试" },
    citation: { article: 1, paragraph: 1, item: 1, labelZh: "第一条", labelEn: "Article 1", itemTextZh: "测试", provisionZh: "测试" },
    reading: { en: "test", zh: "测试" },
    formula: { en: "100", zh: "100" },
    schema,
    switches: [],
    amountFields: [],
    conditions: () => conditions,
    amount: () => new Dec(100),
    caps: () => [],
    once: () => undefined,
  };
}

describe("which objects are a claim's facts", () => {
  it("an object literal with its own Symbol.toStringTag is still a plain object of this realm", () => {
    // Mutant: `proto === Object.prototype` → false: the object goes to the other-realm test, whose
    // Object.prototype.toString reads the tag ("[object Facts]") and refuses it.
    const facts = { [Symbol.toStringTag]: "Facts", pingguGoodsSpecialSession: true, sessionTurnover: "2000000" };
    expect(evaluateClause("art4.1-session", facts).amount).toBe("20000.00");
  });

  it("another realm's JSON namespace object is not one, though its prototype is that realm's Object.prototype", () => {
    // Mutant: the `Object.prototype.toString.call(value) !== "[object Object]"` test → false: the
    // namespace object (no enumerable fields) is read as empty facts, an undetermined result.
    const foreignJson: unknown = runInNewContext("JSON");
    expect(() => evaluateClause("art4.1-session", foreignJson)).toThrow(PolicyValidationError);
    expect(() => evaluateClause("art4.1-session", foreignJson)).toThrow(/an object of the clause's facts/);
  });
});

describe("facts that are not an object, for a rule that names no field", () => {
  it("the example in the message falls back to a field called 'field'", () => {
    // Uncovered before: `?? "field"` (→ "").
    const rule = testRule(z.object({}), []);
    let caught: unknown;
    try {
      evaluateRule(rule, 42, { name: "test" }, ENV);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolicyValidationError);
    expect((caught as PolicyValidationError).issues[0]?.expected).toBe(`an object of the clause's facts (JSON {…}), e.g. {"field": …}`);
  });
});

describe("the reason of a failed condition, in the shapes no clause of these measures produces", () => {
  const comparison = {
    left: "120",
    op: ">" as const,
    right: "100",
    word: "超过" as const,
    unit: "count" as const,
    holds: true,
    meaning: { en: "超过 excludes the number itself", zh: "超过不含本数" },
    source: { en: "the test", zh: "测试" },
  };

  it("a comparison that holds, where holding is the failure: 'is true' / '成立'", () => {
    // Uncovered before: `c.holds ? "true" : "false"` and `c.holds ? "成立" : "不成立"` (→ "").
    const failed: ConditionResult = { id: "test.rule/ceiling", outcome: "failed", label: { en: "Above the ceiling", zh: "超过上限" }, fields: ["n"], missing: [], comparison };
    const result = evaluateRule(testRule(z.object({}), [failed]), {}, { name: "test" }, ENV);
    expect(result.status).toBe("ineligible");
    expect(result.reasons).toEqual([
      {
        code: "THRESHOLD_NOT_MET",
        conditionId: "test.rule/ceiling",
        en: "Above the ceiling: 120 > 100 is true because 超过 excludes the number itself (the test)",
        zh: "超过上限：120 > 100 成立，因为超过不含本数（测试）",
      },
    ]);
  });

  it("a condition without a comparison and without facts: the label and the rule alone", () => {
    // Uncovered before: `condition.facts ?? []` (→ ["Stryker was here"]).
    const failed: ConditionResult = { id: "test.rule/review", outcome: "failed", label: { en: "Reviewed", zh: "经评审" }, fields: [], missing: [] };
    const result = evaluateRule(testRule(z.object({}), [failed]), {}, { name: "test" }, ENV);
    expect(result.reasons).toEqual([{ code: "FACT_NOT_ESTABLISHED", conditionId: "test.rule/review", en: "Reviewed:  (must be true)", zh: "经评审：（须为是）" }]);
  });
});

describe("a rule is prepared once per context", () => {
  it("the same (rule, context) gives the same prepared rule; another context, another", () => {
    // Mutants: `byRule === undefined` → true, `prepared === undefined` → true: prepared anew each time.
    const rule = getRule("art4.1-session");
    const ctx = contextOf(deriveEdition({ publishedOn: "2025-03-01" }));
    const prepared = prepareRule(rule, ctx);
    expect(prepareRule(rule, ctx)).toBe(prepared);
    expect(prepareRule(getRule("art4.2"), ctx)).toBe(prepareRule(getRule("art4.2"), ctx));
    expect(prepareRule(rule, contextOf(deriveEdition({ publishedOn: "2025-03-02" })))).not.toBe(prepared);
  });
});

describe("an eligible result without notes or caps that bit", () => {
  it("has the one shared, frozen list of reasons [ELIGIBLE]", () => {
    // Mutants: `notes.length > 0` → true or `>= 0`: a new, unfrozen list for every result.
    const one = evaluateClause("art4.1-session", { pingguGoodsSpecialSession: true, sessionTurnover: "2000000" });
    const two = evaluateClause("art4.2", { immersiveSceneWithNewTechnology: true, reviewedOutstandingAndReplicable: true, actualInvestment: "1000000" });
    expect(one.reasons.map((r) => r.code)).toEqual(["ELIGIBLE"]);
    expect(Object.isFrozen(one.reasons)).toBe(true);
    expect(two.reasons).toBe(one.reasons);
  });
});
