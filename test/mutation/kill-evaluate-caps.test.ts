/**
 * src/evaluate.ts, a clause with three caps across claims: `quote` keeps the headroom of each cap it
 * met (one Decimal, then a list), and `capNotesOf` writes the entries from them, each cap meeting what
 * the one before left. None of the draft's clauses has more than one such cap, so art4.1-session is
 * given two more over the policy term for the length of each test.
 *
 * test/evaluate-two-caps.test.ts does the same with `vi.mock` of the registry, which has no effect under
 * vitest.mutation.config.ts (`isolate: false`: src/evaluate.ts is already loaded by an earlier file), so
 * Stryker cannot run it; here the registry's rule object itself is given the caps and restored after
 * each test, and every test uses an edition of its own (prepared rules are kept per edition).
 * Written for the survivors of the session-4 Stryker run (docs/quality.md, "This evening's changed
 * files (session 4)").
 */
import { describe, expect, it } from "vitest";
import { type Decision, evaluate } from "../../src/evaluate.js";
import { Dec } from "../../src/kernel/decimal.js";
import type { CapSpec } from "../../src/kernel/rule.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import type { MeasuresContext } from "../../src/measures/edition.js";
import { getRule } from "../../src/measures/registry.js";
import { applicant } from "./samples.js";

const TERM_CAPS: readonly CapSpec[] = [
  { id: "art4.1-session/test-term-1", limit: new Dec("100000"), scope: "per-enterprise-per-term", label: { en: "a first test cap over the term", zh: "测试用政策期上限一" } },
  { id: "art4.1-session/test-term-2", limit: new Dec("70000"), scope: "per-enterprise-per-term", label: { en: "a second test cap over the term", zh: "测试用政策期上限二" } },
];

/** Three sessions of 4,500,000 (45,000 each) under art4.1-session with the two term caps added. */
function decideWithTermCaps(): Decision {
  const rule = getRule("art4.1-session") as { caps: (ctx: MeasuresContext) => readonly CapSpec[] };
  const own = rule.caps;
  rule.caps = (ctx) => [...own.call(rule, ctx), ...TERM_CAPS];
  try {
    const claims = ["s1", "s2", "s3"].map((id, i) => ({
      id,
      clauseId: "art4.1-session",
      factDate: `2025-0${i + 3}-10`,
      input: { pingguGoodsSpecialSession: true, sessionTurnover: "4500000" },
    }));
    const decision = evaluate({ applicant: applicant(), claims }, deriveEdition({ publishedOn: "2025-03-01" }));
    // The explanations are written when read: read them while the rule has its caps.
    JSON.stringify(decision);
    return decision;
  } finally {
    rule.caps = own;
  }
}

const entries = (decision: Decision, index: number) =>
  decision.claims[index]?.crossClaimCaps.map((c) => [c.id.replace("art4.1-session/", ""), c.headroomBefore, c.headroomAfter, c.bit]);

describe("three caps across claims on one clause", () => {
  it("each meets what the one before left: 45,000, then 25,000, then 0", () => {
    const decision = decideWithTermCaps();
    expect(decision.claims.map((c) => [c.claimId, c.status, c.amount])).toEqual([
      ["s1", "awarded", "45000.00"],
      ["s2", "reduced", "25000.00"],
      ["s3", "reduced", "0.00"],
    ]);
  });

  it("writes the three entries in the clause's order, with each cap's own headroom", () => {
    // Mutants: quote's `headrooms === null` → true (only the last headroom kept), the list of two → [],
    // the list grown by a third → [] (uncovered before: only a third cap reaches it).
    const decision = decideWithTermCaps();
    expect(entries(decision, 1)).toEqual([
      ["per-enterprise-per-year", "255000.00", "230000.00", false],
      ["test-term-1", "55000.00", "30000.00", false],
      ["test-term-2", "25000.00", "0.00", true],
    ]);
    expect(entries(decision, 2)).toEqual([
      ["per-enterprise-per-year", "230000.00", "230000.00", false],
      ["test-term-1", "30000.00", "30000.00", true],
      ["test-term-2", "0.00", "0.00", true],
    ]);
    expect(decision.claims[2]?.reasons.map((r) => r.capId)).toEqual(["art4.1-session/test-term-1", "art4.1-session/test-term-2"]);
    expect(decision.claims[2]?.reasons[1]?.en).toContain("headroom 0.00 of 70000.00; 30000.00 reduced to 0.00.");
  });
});
