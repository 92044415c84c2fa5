/**
 * src/kernel/ledger.ts: a one-time scope (一次性) belongs to whoever took it first. Written to kill the
 * mutant that lets a second take() overwrite the holder (`if (!this.taken.has(key))` → `if (true)`):
 * no test saw it, because the evaluator only calls take() for a claim after checking takenBy(); the one
 * place a scope can be taken twice is a grant history holding two grants in the same one-time scope.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate.js";
import { Dec } from "../../src/kernel/decimal.js";
import { CapLedger } from "../../src/kernel/ledger.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { applicant, eligibleInput } from "./samples.js";

describe("CapLedger: one-time scopes", () => {
  it("keeps the first holder of a scope: a second take() does not replace it", () => {
    const ledger = new CapLedger();
    expect(ledger.takenBy("art3.2-mofcom|enterprise")).toBeUndefined();
    ledger.take("art3.2-mofcom|enterprise", "history:g1");
    ledger.take("art3.2-mofcom|enterprise", "history:g2");
    expect(ledger.takenBy("art3.2-mofcom|enterprise")).toBe("history:g1");
    // Another scope is untouched.
    expect(ledger.takenBy("art3.3|enterprise")).toBeUndefined();
  });

  it("headroom and fit: 300,000 cap, 250,000 used, leaves 50,000; never negative", () => {
    const ledger = new CapLedger();
    const limit = new Dec("300000");
    ledger.consume("art3.2/per-enterprise-per-term|term", new Dec("100000"));
    ledger.consume("art3.2/per-enterprise-per-term|term", new Dec("150000"));
    const room = ledger.headroom("art3.2/per-enterprise-per-term|term", limit);
    expect(room.used.toFixed(2)).toBe("250000.00");
    expect(room.headroom.toFixed(2)).toBe("50000.00");
    expect(ledger.fit("art3.2/per-enterprise-per-term|term", limit, new Dec("60000")).toFixed(2)).toBe("50000.00");
    ledger.consume("art3.2/per-enterprise-per-term|term", new Dec("100000"));
    expect(ledger.headroom("art3.2/per-enterprise-per-term|term", limit).headroom.toFixed(2)).toBe("0.00");
  });
});

describe("a grant history with two grants in one one-time scope", () => {
  it("a new claim is refused naming the earlier grant (fact-date order), not the later one", () => {
    // art3.2-mofcom is one-time per enterprise (INTERPRETATION.md §6). The history already holds two such
    // grants (a data error the library must still answer deterministically): the scope was taken by the
    // first in fact-date order, 2025-04-01, so that is the grant a new claim is refused against.
    const edition = deriveEdition({ publishedOn: "2025-03-01" });
    const decision = evaluate(
      {
        applicant: applicant(),
        claims: [{ id: "c1", clauseId: "art3.2-mofcom", factDate: "2025-09-01", input: eligibleInput("art3.2-mofcom") }],
        history: [
          { id: "g-late", clauseId: "art3.2-mofcom", factDate: "2025-06-01", amount: "200000" },
          { id: "g-early", clauseId: "art3.2-mofcom", factDate: "2025-04-01", amount: "200000" },
        ],
      },
      edition,
    );
    const claim = decision.claims[0];
    expect(claim?.status).toBe("duplicate");
    expect(claim?.amount).toBe("0.00");
    expect(claim?.paidInstead).toEqual({ id: "g-early", clauseId: "art3.2-mofcom", source: "history" });
  });
});
