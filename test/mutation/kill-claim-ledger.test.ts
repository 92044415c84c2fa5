/**
 * src/claim-ledger.ts: the grant history in the ledger (same-day grants in natural id order, a grant of 0
 * takes no one-time scope) and the Chinese words of the one-time scopes. Written for the survivors of the
 * 2026-12-03 afternoon Stryker run (docs/quality.md, "Session of 2026-12-03 (afternoon): the redesigned
 * evaluator").
 */
import { describe, expect, it } from "vitest";
import { type ClaimDecision, type Decision, evaluate } from "../../src/evaluate.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import type { ClauseId } from "../../src/measures/edition.js";
import { applicant, eligibleInput } from "./samples.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });

interface Spec {
  readonly id: string;
  readonly clauseId: ClauseId;
  readonly factDate: string;
  readonly projectId?: string;
  readonly productId?: string;
}

function decide(claims: readonly Spec[], history: readonly Record<string, unknown>[] = []): Decision {
  return evaluate({ applicant: applicant(), claims: claims.map((c) => ({ input: eligibleInput(c.clauseId), ...c })), history }, EDITION);
}

function claim(decision: Decision, id: string): ClaimDecision {
  const found = decision.claims.find((c) => c.claimId === id);
  if (found === undefined) throw new Error(`no claim ${id}`);
  return found;
}

describe("the grant history in the ledger", () => {
  it("two grants on one day take a one-time scope in the natural order of their ids: g2 before g10", () => {
    // Mutant: claim-ledger.ts:96 `grantId = (grant) => grant.id` → `() => undefined` (the document's order).
    const decision = decide(
      [{ id: "c1", clauseId: "art3.3", factDate: "2025-12-31" }],
      [
        { id: "g10", clauseId: "art3.3", factDate: "2025-06-30", amount: "100000" },
        { id: "g2", clauseId: "art3.3", factDate: "2025-06-30", amount: "100000" },
      ],
    );
    expect(claim(decision, "c1").status).toBe("duplicate");
    expect(claim(decision, "c1").paidInstead).toEqual({ id: "g2", clauseId: "art3.3", source: "history" });
  });

  it("a grant of 0 takes no one-time scope (A17): the claim is paid", () => {
    // Mutants: claim-ledger.ts:104 `scope && grant.amount.gt(0)` → true, and its `&&` → `||`.
    const decision = decide([{ id: "c1", clauseId: "art3.3", factDate: "2025-12-31" }], [{ id: "g0", clauseId: "art3.3", factDate: "2025-06-30", amount: "0" }]);
    expect(claim(decision, "c1").status).toBe("awarded");
  });
});

describe("a one-time scope already taken, in Chinese", () => {
  it("once per project: 每个项目一次", () => {
    // Mutant: claim-ledger.ts:193 `"per-project": "每个项目一次"` → "".
    const decision = decide([
      { id: "p1", clauseId: "art3.1", factDate: "2025-04-10", projectId: "park" },
      { id: "p2", clauseId: "art3.1", factDate: "2025-05-10", projectId: "park" },
    ]);
    expect(claim(decision, "p2").status).toBe("duplicate");
    expect(claim(decision, "p2").reasons[0]?.zh).toContain("范围：每个项目一次；已支持：p1。");
    expect(claim(decision, "p2").reasons[0]?.en).toContain("Scope: per-project; awarded to claim p1.");
  });

  it("once per product: 每个产品一次", () => {
    // Mutant: claim-ledger.ts:194 `"per-product": "每个产品一次"` → "".
    const decision = decide([
      { id: "q1", clauseId: "art5.2", factDate: "2025-12-31", productId: "peach" },
      { id: "q2", clauseId: "art5.2", factDate: "2026-12-31", productId: "peach" },
    ]);
    expect(claim(decision, "q2").status).toBe("duplicate");
    expect(claim(decision, "q2").reasons[0]?.zh).toContain("范围：每个产品一次；已支持：q1。");
  });
});

describe("A17: only a payment of more than 0 takes a one-time scope", () => {
  it("a claim paid 0 (its year's cap used up) leaves the scope to a later claim of the same fact year", () => {
    // Mutant: claim-ledger.ts:157 `q.onceKey !== null && paid.gt(0)` → true (a claim paid 0 took the scope).
    // Annual caps by year of payment (A10), the one-time scope by the fact's year (A18): the grant, a 2025
    // figure paid in 2026, uses up 2026's cap; c1 (a 2026 figure paid in 2026) is paid 0; c2 (a 2026
    // figure paid in 2027) finds 2027's cap whole and the 2026 scope free.
    const edition = deriveEdition({ publishedOn: "2025-03-01", switches: { annualCapYear: "payment-year" } });
    const input = eligibleInput("art7.1-express");
    const decision = evaluate(
      {
        applicant: applicant(),
        claims: [
          { id: "c1", clauseId: "art7.1-express", factDate: "2026-12-31", paymentDate: "2026-12-31", input },
          { id: "c2", clauseId: "art7.1-express", factDate: "2026-12-31", paymentDate: "2027-01-10", input },
        ],
        history: [{ id: "g1", clauseId: "art7.1-express", factDate: "2025-12-31", paidOn: "2026-01-15", amount: "2000000" }],
      },
      edition,
    );
    expect([claim(decision, "c1").status, claim(decision, "c1").amount]).toEqual(["reduced", "0.00"]);
    expect(claim(decision, "c2").status).toBe("awarded");
  });
});
