/**
 * src/decision-document.ts: the check that the second pass (the explanation) agrees with the verdict the
 * claim was decided on. The two passes always agree on the library's own rules, so no ordinary input
 * reaches the refusal: these tests hand the writer a record whose verdict was changed after deciding.
 * Written for the survivors of the 2026-12-03 afternoon Stryker run (docs/quality.md, "Session of
 * 2026-12-03 (afternoon): the redesigned evaluator").
 */
import { describe, expect, it } from "vitest";
import type { ClaimRecord } from "../../src/claim-record.js";
import { documentOf } from "../../src/decision-document.js";
import { settle } from "../../src/evaluate.js";
import type { ClauseVerdict } from "../../src/kernel/rule.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { applicant, eligibleInput } from "./samples.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });

const application = () => ({
  applicant: applicant(),
  claims: [{ id: "s1", clauseId: "art4.1-session", factDate: "2025-04-10", input: eligibleInput("art4.1-session") }],
});

/** The application settled, its one claim's verdict replaced by `change` of it. */
function settledWithVerdict(change: Partial<ClauseVerdict>) {
  const input = application();
  const settled = settle(input, EDITION);
  const record = settled.records[0] as ClaimRecord & { verdict: ClauseVerdict };
  (record as { verdict: ClauseVerdict }).verdict = { ...record.verdict, ...change };
  return { input, settled };
}

describe("a verdict the explanation disagrees with", () => {
  it("is refused with an internal error naming the claim, the clause, the field and both values", () => {
    // Mutants: decision-document.ts:122 `if (difference !== null) { … }` → `{}` (no coverage before);
    // :124 the message → ``.
    const { input, settled } = settledWithVerdict({ amount: "1.00" });
    expect(() => documentOf(input, EDITION, settled, true, false)).toThrow(
      'pinggu-live-commerce internal error: claim s1 (art4.1-session) explained with amount "20000.00" but decided with "1.00"; please report this',
    );
  });

  it("names a list field as a list", () => {
    const { input, settled } = settledWithVerdict({ missingFacts: ["sessionTurnover"] });
    expect(() => documentOf(input, EDITION, settled, true, false)).toThrow(
      'claim s1 (art4.1-session) explained with missingFacts [] but decided with ["sessionTurnover"]',
    );
  });

  it("is not checked when the document is not explained (decide only)", () => {
    const { input, settled } = settledWithVerdict({ amount: "1.00" });
    const summary = documentOf(input, EDITION, settled, false, false);
    expect(summary.claims[0]?.amount).toBe("20000.00");
  });

  it("the same record, unchanged, is written without complaint", () => {
    const input = application();
    const decision = documentOf(input, EDITION, settle(input, EDITION), true, false);
    expect(decision.claims[0]?.status).toBe("awarded");
  });
});
