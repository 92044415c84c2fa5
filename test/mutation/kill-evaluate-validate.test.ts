/**
 * src/evaluate.ts, reading the document: what `evaluate` answers for input that is not an application
 * at all (null, undefined, a list that is not a list, claims that are not objects), for an envelope
 * that is wrong beside claims that are right, for facts that are wrong in an envelope that is right, and
 * at the size limits. Written for the survivors and uncovered mutants of the session-4 Stryker run
 * (docs/quality.md, "This evening's changed files (session 4)"); each case names what it kills.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate.js";
import { PolicyValidationError } from "../../src/kernel/errors.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { applicant, creditCode, eligibleInput } from "./samples.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });

/** The PolicyValidationError that evaluate() throws for `raw` (fails the test if it throws anything else). */
function refusal(raw: unknown): PolicyValidationError {
  try {
    evaluate(raw, EDITION);
  } catch (error) {
    if (error instanceof PolicyValidationError) return error;
    throw error;
  }
  throw new Error("evaluate() accepted the document");
}

function session(id: string, input: unknown = eligibleInput("art4.1-session")): Record<string, unknown> {
  return { id, clauseId: "art4.1-session", factDate: "2025-04-10", input };
}

describe("a document that is not an object is one issue at its root, never a crash", () => {
  // Mutants: the object guards of rawClaimIssues and tooManyIssues (`typeof raw === "object" && raw !==
  // null` → true / ||, `raw === null` → false …) read `.claims` of null or undefined: a TypeError; and
  // tooManyIssues' `return []` → `["Stryker was here"]` for null.
  it("null", () => {
    const error = refusal(null);
    expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([["(root)", "invalid_type"]]);
    expect(error.message.startsWith("application: invalid input, 1 problem:")).toBe(true);
  });

  it("undefined", () => {
    const error = refusal(undefined);
    expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([["(root)", "required"]]);
  });
});

describe("a malformed envelope: zod's issues, plus only the issues of the claims' own facts", () => {
  it("claims that are right add nothing to a wrong credit code", () => {
    // Mutant: claimInputIssues' `return []` for facts that read well → `["Stryker was here"]`.
    const error = refusal({ applicant: applicant({ creditCode: "bad" }), claims: [session("s1"), session("s2")] });
    expect(error.issues.map((issue) => issue.path)).toEqual(["applicant.creditCode"]);
  });

  it("claims that are not a list: one issue at claims", () => {
    // Mutant: rawClaimIssues' `return []` when claims is not an array → `["Stryker was here"]`.
    const error = refusal({ applicant: applicant(), claims: "s1" });
    expect(error.issues.map((issue) => issue.path)).toEqual(["claims"]);
  });

  it("claims that are null or undefined: one issue each, no TypeError", () => {
    // Mutants: `typeof claim !== "object" || claim === null` → false, → &&, either half → false: the
    // claim is destructured, which throws for null and undefined.
    const error = refusal({ applicant: applicant(), claims: [null, undefined, session("s3")] });
    expect(error.issues.map((issue) => issue.path)).toEqual(["claims[0]", "claims[1]"]);
  });

  it("facts that are null: zod's one issue, not a second from the clause", () => {
    // Mutant: `input !== null` → true: the clause is run on null and adds its own "not an object" issue.
    const error = refusal({ applicant: applicant(), claims: [session("s1", null)] });
    expect(error.issues.map((issue) => issue.path)).toEqual(["claims[0].input"]);
  });

  it("an error that is not a validation error passes through unchanged", () => {
    // Mutant: claimInputIssues' `error instanceof PolicyValidationError` → true: it spreads the issues
    // of an Error that has none (a TypeError instead of the caller's own error).
    let reads = 0;
    const input = {
      pingguGoodsSpecialSession: true,
      get sessionTurnover(): string {
        reads += 1;
        if (reads > 1) throw new RangeError("the caller's getter");
        return "2000000";
      },
    };
    expect(() => evaluate({ applicant: applicant({ creditCode: "bad" }), claims: [session("s1", input)] }, EDITION)).toThrow(
      new RangeError("the caller's getter"),
    );
  });
});

describe("facts that are wrong in an envelope that is right", () => {
  // Uncovered before: the catch in validate() and issuesAt(), which re-read a failing claim with its
  // place in the document. Mutants: the catch emptied or inverted, the path `["claims", index, "input"]`
  // → [] or its names → "", issuesAt's body or try block emptied, its env → {}, its re-throw turned on.
  it("every failing claim is named by its place, in one error of the application", () => {
    const error = refusal({
      applicant: applicant(),
      claims: [session("s1"), session("s2", { pingguGoodsSpecialSession: true, sessionTurnover: "abc" }), session("s3", { pingguGoodsSpecialSession: "yes" })],
    });
    expect(error.issues.map((issue) => issue.path)).toEqual(["claims[1].input.sessionTurnover", "claims[2].input.pingguGoodsSpecialSession"]);
    expect(error.issues[0]?.pathSegments).toEqual(["claims", 1, "input", "sessionTurnover"]);
    expect(error.message.startsWith("application: invalid input, 2 problems:")).toBe(true);
  });

  /** Facts whose turnover is a getter: `read(n)` gives (or throws at) its n-th read. */
  function gettingFacts(read: (n: number) => string): Record<string, unknown> {
    let reads = 0;
    return {
      pingguGoodsSpecialSession: true,
      get sessionTurnover(): string {
        reads += 1;
        return read(reads);
      },
    };
  }

  it("an error thrown while the facts are read passes through unchanged", () => {
    // Mutant: validate()'s `!(error instanceof PolicyValidationError)` → false: the error goes to
    // issuesAt, whose second reading succeeds, and its missing `issues` are spread (a TypeError).
    const input = gettingFacts((n) => {
      if (n === 1) throw new RangeError("the caller's getter, first read");
      return "2000000";
    });
    expect(() => evaluate({ applicant: applicant(), claims: [session("s1", input)] }, EDITION)).toThrow(new RangeError("the caller's getter, first read"));
  });

  it("an error thrown when failing facts are read again, with their place, passes through unchanged", () => {
    // Mutant: issuesAt's `error instanceof PolicyValidationError` → true: it returns the `issues` of an
    // Error that has none (a TypeError instead of the caller's own error).
    // (The first reading reads the turnover twice: the fast reader, then zod, which words the issue.)
    const input = gettingFacts((n) => {
      if (n > 2) throw new RangeError("the caller's getter, read again");
      return "abc";
    });
    expect(() => evaluate({ applicant: applicant(), claims: [session("s1", input)] }, EDITION)).toThrow(new RangeError("the caller's getter, read again"));
  });

  it("facts inconsistent with the edition (a check of the rule's validate) are named the same way", () => {
    const error = refusal({ applicant: applicant(), claims: [{ id: "r1", clauseId: "art5.1", factDate: "2025-04-10", input: { ...eligibleInput("art5.1"), reviewedRate: "0.5" } }] });
    expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([["claims[0].input.reviewedRate", "inconsistent"]]);
  });
});

describe("the size limits: exactly at the limit is accepted, one more is refused", () => {
  it("100,000 claims and 100,001 grants: one issue, at history only", () => {
    // Mutant: `list.length <= limit` → `<` in the table of limits: exactly 100,000 claims refused too.
    // (The claims are never read: the lists are refused on their length first.)
    const error = refusal({ applicant: applicant(), claims: new Array<null>(100_000).fill(null), history: new Array<null>(100_001).fill(null) });
    expect(error.issues.map((issue) => issue.path)).toEqual(["history"]);
    expect(error.issues[0]?.expected).toBe("at most 100,000 grants in one application");
    // Mutant: the context "application" → "".
    expect(error.message.startsWith("application: invalid input, 1 problem:")).toBe(true);
  });

  it("100,001 claims and 100,000 grants: one issue, at claims only", () => {
    const error = refusal({ applicant: applicant(), claims: new Array<null>(100_001).fill(null), history: new Array<null>(100_000).fill(null) });
    expect(error.issues.map((issue) => issue.path)).toEqual(["claims"]);
  });
});

describe("issues found after the envelope was read are the application's", () => {
  it("a duplicate claim id: the error's context is the application", () => {
    // Mutant: the context of that error, "application" → "".
    const error = refusal({ applicant: applicant(), claims: [session("s1"), session("s1")] });
    expect(error.issues.map((issue) => issue.path)).toEqual(["claims[1].id"]);
    expect(error.message.startsWith("application: invalid input, 1 problem:")).toBe(true);
  });
});

describe("an edition without a publication date", () => {
  it("is refused naming the edition, with the hint in both languages", () => {
    // Mutants: the Chinese hint → "", the error's context "edition" → "".
    let caught: unknown;
    try {
      evaluate({ applicant: { name: "x", creditCode: creditCode(), registeredInPinggu: true, liveCommerceBusiness: true }, claims: [] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolicyValidationError);
    const error = caught as PolicyValidationError;
    expect(error.message.startsWith("edition: invalid input, 1 problem:")).toBe(true);
    expect(error.issues[0]?.path).toBe("edition.publishedOn");
    expect(error.issues[0]?.hintZh).toBe('征求意见稿没有发布日期：请派生一个版本，例如 deriveEdition({ publishedOn: "2024-08-19" })');
  });
});
