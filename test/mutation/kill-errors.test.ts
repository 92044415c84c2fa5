/**
 * src/kernel/errors.ts: how a received value is described, how a path travels, how several issues read.
 * Most of these were caught only by the hostile-input suite, which Stryker does not run (see
 * vitest.mutation.config.ts); these example tests stand in for it.
 */
import { describe, expect, it } from "vitest";
import { describeReceived, makeIssue, PolicyValidationError, UnknownClauseError } from "../../src/kernel/errors.js";
import { getRule } from "../../src/measures/registry.js";

describe("describeReceived: what the caller sent, never its contents", () => {
  it("a Map and a Set are named as such", () => {
    expect(describeReceived(new Map([["a", 1]]))).toBe("a Map");
    expect(describeReceived(new Set([1]))).toBe("a Set");
  });

  it("an instance of a named class is named by its class", () => {
    class ClaimFacts {
      readonly investment = "1000";
    }
    expect(describeReceived(new ClaimFacts())).toBe("an instance of ClaimFacts");
  });

  it("an instance of an anonymous class, and an object whose prototype has no constructor, are 'an object'", () => {
    const Anonymous = [class {}][0] as new () => object;
    expect(Anonymous.name).toBe("");
    expect(describeReceived(new Anonymous())).toBe("an object");
    expect(describeReceived(Object.create(Object.create(null) as object))).toBe("an object");
    expect(describeReceived({ a: 1 })).toBe("an object");
    expect(describeReceived(Object.create(null))).toBe("an object");
  });
});

describe("makeIssue: a hostile key does not travel on", () => {
  it("a 100-character key is shortened in pathSegments as in the printed path; numbers stay numbers", () => {
    const key = "k".repeat(100);
    const issue = makeIssue({ code: "unknown_field", pathSegments: ["claims", 3, key], received: 1, expected: "x", expectedZh: "x" });
    const shortened = `${"k".repeat(60)}…(100 characters)`;
    expect(issue.pathSegments).toEqual(["claims", 3, shortened]);
    expect(issue.path).toBe(`claims[3]["${shortened}"]`);
  });
});

describe("PolicyValidationError: every issue on its own line", () => {
  it("two issues: a count, then one line each", () => {
    const issues = [
      makeIssue({ code: "required", pathSegments: ["investment"], received: undefined, expected: "an amount", expectedZh: "金额" }),
      makeIssue({ code: "invalid_type", pathSegments: ["usedArea"], received: true, expected: "a number", expectedZh: "数值" }),
    ];
    const error = new PolicyValidationError(issues, "clause art3.1");
    expect(error.message.split("\n")).toEqual([
      "clause art3.1: invalid input, 2 problems:",
      `  - investment: ${issues[0]?.message}`,
      `  - usedArea: ${issues[1]?.message}`,
    ]);
  });
});

describe("UnknownClauseError: the id as text, whatever was sent", () => {
  it("a number is kept as its description, a string as itself", () => {
    const fromNumber = (() => {
      try {
        getRule(42);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(fromNumber).toBeInstanceOf(UnknownClauseError);
    expect((fromNumber as UnknownClauseError).clauseId).toBe("42");
    expect(new UnknownClauseError({}, ["art3.1"]).clauseId).toBe("an object");
    expect(new UnknownClauseError("art9.9", ["art3.1"]).clauseId).toBe("art9.9");
  });
});
