/**
 * src/evaluate.ts, deciding: the applicant's standing (第二条), the order of the grant history, one-time
 * scopes per project and per product (a grant without the id takes no scope), 第十一条 against the
 * history and among claims of one project, and annual caps counted by year of payment (A10). Written for
 * the survivors of the session-4 Stryker run (docs/quality.md, "This evening's changed files (session 4)").
 */
import { describe, expect, it } from "vitest";
import { type ClaimDecision, type Decision, evaluate } from "../../src/evaluate.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import type { ClauseId } from "../../src/measures/edition.js";
import { applicant, eligibleInput } from "./samples.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });

interface ClaimSpec {
  readonly id: string;
  readonly clauseId: ClauseId;
  readonly factDate: string;
  readonly input?: Record<string, unknown>;
  readonly [extra: string]: unknown;
}

function claimOf(spec: ClaimSpec): Record<string, unknown> {
  return { input: eligibleInput(spec.clauseId), ...spec };
}

function decide(claims: readonly ClaimSpec[], extra: Record<string, unknown> = {}, edition = EDITION): Decision {
  return evaluate({ applicant: applicant(), claims: claims.map(claimOf), ...extra }, edition);
}

function claim(decision: Decision, id: string): ClaimDecision {
  const found = decision.claims.find((c) => c.claimId === id);
  if (found === undefined) throw new Error(`no claim ${id}`);
  return found;
}

const statuses = (decision: Decision) => decision.claims.map((c) => [c.claimId, c.status, c.amount]);

describe("第二条: the applicant's standing", () => {
  it("not registered in Pinggu, the other fact unknown: ineligible for that alone, not also 'unknown'", () => {
    // Mutant: `applicability.length === 0` → true: APPLICABILITY_UNKNOWN added beside the refusal.
    const decision = evaluate(
      { applicant: applicant({ registeredInPinggu: false, liveCommerceBusiness: undefined }), claims: [claimOf({ id: "s1", clauseId: "art4.1-session", factDate: "2025-04-10" })] },
      EDITION,
    );
    expect(decision.applicantReasons.map((r) => r.code)).toEqual(["NOT_REGISTERED_IN_PINGGU"]);
    expect(claim(decision, "s1").status).toBe("ineligible");
  });

  it("both facts unknown: undetermined, citing 第二条 beside the clause", () => {
    // Mutant: `unknown.length > 0` → false: 第二条 not cited.
    const decision = evaluate(
      { applicant: applicant({ registeredInPinggu: undefined, liveCommerceBusiness: undefined }), claims: [claimOf({ id: "s1", clauseId: "art4.1-session", factDate: "2025-04-10" })] },
      EDITION,
    );
    const s1 = claim(decision, "s1");
    expect(s1.status).toBe("undetermined");
    expect(s1.citations.map((c) => c.labelZh)).toEqual(["第四条第（一）项", "第二条"]);
  });
});

describe("the grant history in fact-date order, ids in natural order within a day", () => {
  it("recoveries list two grants of one day as g2 before g10", () => {
    // Mutant: the grants' id reader → `() => undefined`: same-day grants stay in input order.
    const decision = decide([], {
      applicant: applicant({ misconductFindings: [{ kind: "false-data", foundOn: "2025-06-01", description: "虚报销售额", grants: "all" }] }),
      history: [
        { id: "g10", clauseId: "art4.1-session", factDate: "2025-04-01", amount: "1000" },
        { id: "g2", clauseId: "art4.1-session", factDate: "2025-04-01", amount: "2000" },
      ],
    });
    expect(decision.recoveries.items.map((item) => item.grantId)).toEqual(["g2", "g10"]);
  });
});

describe("one-time scopes: a grant without the scope's id takes no scope", () => {
  it("art3.1 (once per project): a grant without a project id leaves every project open, even one named 'undefined'", () => {
    // Mutant: onceKey's `projectId === undefined` → false: the grant takes the key `art3.1|project|undefined`.
    const decision = decide([{ id: "p1", clauseId: "art3.1", factDate: "2025-04-10", projectId: "undefined" }], {
      history: [{ id: "g1", clauseId: "art3.1", factDate: "2025-03-10", amount: "100000" }],
    });
    expect(statuses(decision)).toEqual([["p1", "awarded", "900000.00"]]);
  });

  it("art5.2 (once per product): the product already awarded is refused, another product is paid", () => {
    // Mutants: the "per-product" case left out or never matched, `productId === undefined` → true or
    // `!==` (no key: both paid), the key's text → "" (one key for every product: both refused).
    const decision = decide(
      [
        { id: "x1", clauseId: "art5.2", factDate: "2025-04-10", productId: "p1" },
        { id: "x2", clauseId: "art5.2", factDate: "2025-04-11", productId: "p2" },
      ],
      { history: [{ id: "g1", clauseId: "art5.2", factDate: "2025-03-10", amount: "500000", productId: "p1" }] },
    );
    expect(statuses(decision)).toEqual([
      ["x1", "duplicate", "0.00"],
      ["x2", "awarded", "500000.00"],
    ]);
    expect(claim(decision, "x1").paidInstead).toEqual({ id: "g1", clauseId: "art5.2", source: "history" });
  });

  it("art5.2: a grant without a product id leaves every product open, even one named 'undefined'", () => {
    // Mutant: onceKey's `productId === undefined` → false.
    const decision = decide([{ id: "x1", clauseId: "art5.2", factDate: "2025-04-10", productId: "undefined" }], {
      history: [{ id: "g1", clauseId: "art5.2", factDate: "2025-03-10", amount: "500000" }],
    });
    expect(statuses(decision)).toEqual([["x1", "awarded", "500000.00"]]);
  });
});

describe("第十一条 against the history: every grant of the project counts, not only its last", () => {
  it("paid under art4.2 first and under art4.1-investment later: a new art4.1-investment claim is refused", () => {
    // Mutant: `if (grants) grants.push(grant)` → `if (false)`: each grant replaces the project's list,
    // so only g2 (the claim's own clause) is seen.
    const decision = decide([{ id: "c1", clauseId: "art4.1-investment", factDate: "2025-05-10", projectId: "P" }], {
      history: [
        { id: "g1", clauseId: "art4.2", factDate: "2025-03-10", amount: "100000", projectId: "P" },
        { id: "g2", clauseId: "art4.1-investment", factDate: "2025-04-10", amount: "100000", projectId: "P" },
      ],
    });
    expect(statuses(decision)).toEqual([["c1", "duplicate", "0.00"]]);
    expect(claim(decision, "c1").paidInstead).toEqual({ id: "g1", clauseId: "art4.2", source: "history" });
  });
});

describe("claims of one project under one clause are not 第十一条 twins", () => {
  it("art3.1 twice for one park: the earlier claim takes the one-time scope, though the later is larger", () => {
    // Mutants: `!group.every(same clause)` → true, its callback → undefined / false / `!==`: the group is
    // treated as twins, "highest" picks the later claim and reserves the scope for it.
    const decision = decide([
      { id: "p1", clauseId: "art3.1", factDate: "2025-04-10", projectId: "park" },
      { id: "p2", clauseId: "art3.1", factDate: "2025-05-10", projectId: "park", input: { ...eligibleInput("art3.1"), investment: "5000000" } },
    ]);
    expect(statuses(decision)).toEqual([
      ["p1", "awarded", "900000.00"],
      ["p2", "duplicate", "0.00"],
    ]);
  });
});

describe("第十一条 among twins: only a twin that can still be paid competes", () => {
  const FIRST_CLAIMED = deriveEdition({ publishedOn: "2025-03-01", switches: { intraMeasuresDuplicates: "first-claimed" } });

  it("first-claimed: the earliest twin's one-time scope is taken, so the project is paid under the other clause", () => {
    // Mutants: the `takenBy === null` filter left out or → true: the earliest twin wins, is then
    // refused for its scope, and the project is paid under no clause.
    const decision = decide(
      [
        { id: "c1", clauseId: "art3.3", factDate: "2025-12-31", projectId: "P" },
        { id: "c2", clauseId: "art4.2", factDate: "2026-05-10", projectId: "P" },
      ],
      { history: [{ id: "g1", clauseId: "art3.3", factDate: "2025-03-10", amount: "300000" }] },
      FIRST_CLAIMED,
    );
    expect(statuses(decision)).toEqual([
      ["c1", "duplicate", "0.00"],
      ["c2", "awarded", "200000.00"],
    ]);
    expect(claim(decision, "c1").paidInstead).toEqual({ id: "c2", clauseId: "art4.2", source: "claim" });
  });

  it("when no twin can be paid, each is refused for its own scope (no crash)", () => {
    // Mutant: `payable.length === 0` → false: the winner is undefined (a TypeError).
    const decision = decide(
      [
        { id: "c1", clauseId: "art3.3", factDate: "2025-12-31", projectId: "P" },
        { id: "c2", clauseId: "art3.2-mofcom", factDate: "2025-05-10", projectId: "P" },
      ],
      {
        history: [
          { id: "g1", clauseId: "art3.3", factDate: "2025-03-10", amount: "300000" },
          { id: "g2", clauseId: "art3.2-mofcom", factDate: "2025-03-11", amount: "500000" },
        ],
      },
    );
    expect(statuses(decision)).toEqual([
      ["c1", "duplicate", "0.00"],
      ["c2", "duplicate", "0.00"],
    ]);
    expect(decision.claims.map((c) => c.paidInstead?.id)).toEqual(["g1", "g2"]);
  });
});

describe("A10 by year of payment: a grant counts in the year it was paid", () => {
  it("a grant for a 2024 session paid in January 2025 uses up 2025's annual cap", () => {
    // Mutant: seedLedger's `capYearOf(…) ?? yearOf(factDate)` → `&&`: the grant counted in 2024.
    const byPayment = deriveEdition({ publishedOn: "2024-08-19", switches: { annualCapYear: "payment-year" } });
    const decision = decide(
      [{ id: "s1", clauseId: "art4.1-session", factDate: "2025-03-10", paymentDate: "2025-03-20" }],
      { history: [{ id: "g1", clauseId: "art4.1-session", factDate: "2024-12-20", paidOn: "2025-01-10", amount: "300000" }] },
      byPayment,
    );
    expect(statuses(decision)).toEqual([["s1", "reduced", "0.00"]]);
    expect(claim(decision, "s1").crossClaimCaps.map((c) => [c.period, c.headroomBefore])).toEqual([["2025", "0.00"]]);
  });
});

describe("support under another policy declared on another claim of the project", () => {
  it("names the earliest claim that declared it, in both languages", () => {
    // Mutants: `!supportedElsewhere.has(project)` → true (the latest declaration named instead); the
    // Chinese "(项目 …，见申请 …)" → "".
    const support = { policy: "北京市商务局直播电商扶持", amount: "10000" };
    const decision = decide([
      { id: "d1", clauseId: "art4.2", factDate: "2025-04-10", projectId: "P", otherPolicySupport: support },
      { id: "d2", clauseId: "art4.2", factDate: "2025-04-11", projectId: "P", otherPolicySupport: support },
      { id: "c3", clauseId: "art4.2", factDate: "2025-04-12", projectId: "P" },
    ]);
    const c3 = claim(decision, "c3");
    expect(c3.status).toBe("duplicate");
    expect(c3.reasons[0]?.en).toContain("Other policy: 北京市商务局直播电商扶持 (project P, declared on claim d1).");
    expect(c3.reasons[0]?.zh).toContain("其他政策：北京市商务局直播电商扶持（项目 P，见申请 d1）。");
  });
});
