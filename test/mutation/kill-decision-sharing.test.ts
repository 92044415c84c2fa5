/**
 * src/decision-document.ts and src/art14-window.ts: what a decision shares — one citation object per
 * clause, one validity window per edition — and empty hashes without a stamp. Written for the survivors
 * of the session-4 Stryker run (docs/quality.md, "This evening's changed files (session 4)").
 */
import { describe, expect, it } from "vitest";
import { type ClaimDecision, type Decision, decide, evaluate } from "../../src/evaluate.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { applicant } from "./samples.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });


/** Seven sessions of 4,500,000 (45,000 each): the seventh meets the 300,000 annual cap with 30,000 left. */
function application(): Record<string, unknown> {
  const claims = [1, 2, 3, 4, 5, 6, 7].map((n) => ({
    id: `s${n}`,
    clauseId: "art4.1-session",
    factDate: `2025-0${n + 2}-10`,
    input: { pingguGoodsSpecialSession: true, sessionTurnover: "4500000" },
  }));
  return { applicant: applicant(), claims };
}

describe("what decisions share", () => {
  it("the claims of one clause cite it with one frozen object", () => {
    // Mutant: clauseCitation's `citation === undefined` → true: a new object for every claim.
    const decision = evaluate(application(), EDITION);
    const first = decision.claims[0]?.citations[0];
    expect(first).toBeDefined();
    expect(Object.isFrozen(first)).toBe(true);
    for (const c of decision.claims) expect(c.citations[0]).toBe(first);
    expect(evaluate(application(), EDITION).claims[0]?.citations[0]).toBe(first);
  });

  it("the claims of one clause that cite it alone share one frozen list of citations, in summaries too", () => {
    // Mutant: onlyCitation's `list === undefined` → true: a new list for every claim.
    for (const explain of [true, false]) {
      const decision = evaluate(application(), EDITION, { explain });
      const first = decision.claims[0]?.citations;
      expect(first).toHaveLength(1);
      expect(Object.isFrozen(first)).toBe(true);
      for (const c of decision.claims) expect(c.citations).toBe(first);
    }
  });

  it("decisions under one edition share its frozen validity window", () => {
    // Mutant: windowOf's `window === undefined` → true: a new window for every evaluation.
    const one = evaluate(application(), EDITION);
    const two = evaluate(application(), EDITION);
    expect(one.window).toBe(two.window);
    expect(Object.isFrozen(one.window)).toBe(true);
  });

  it("decide() without a stamp leaves both hashes empty", () => {
    // Uncovered before: the `stamp ? … : ""` branches (→ "Stryker was here!").
    const decision = decide(application(), EDITION, false);
    expect(decision.audit.editionHash).toBe("");
    expect(decision.audit.inputHash).toBe("");
    expect(decide(application(), EDITION, true).audit.inputHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
