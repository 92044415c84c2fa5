/**
 * src/art11-duplicates.ts (第十一条 within the measures, A13–A15): the order in which projects claimed under
 * several clauses are settled, a project no clause would pay anything, and the reason naming undetermined
 * twins. Written for the survivors of the 2026-12-03 afternoon Stryker run (docs/quality.md, "Session of
 * 2026-12-03 (afternoon): the redesigned evaluator").
 *
 * Two projects compete for art4.2's cap of 500,000 per enterprise per year: each claims 400,000 under
 * art4.2 (20% of 2,000,000) and 20,000 under art4.1-session. The project settled first is paid 400,000
 * under art4.2, the other what the cap has left, 100,000 (still more than its session would pay).
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
  readonly input?: Record<string, unknown>;
}

const claimOf = (spec: Spec) => ({ input: eligibleInput(spec.clauseId), ...spec });

function decide(claims: readonly Spec[], history: readonly Record<string, unknown>[] = []): Decision {
  return evaluate({ applicant: applicant(), claims: claims.map(claimOf), history }, EDITION);
}

function claim(decision: Decision, id: string): ClaimDecision {
  const found = decision.claims.find((c) => c.claimId === id);
  if (found === undefined) throw new Error(`no claim ${id}`);
  return found;
}

const BIG_INVESTMENT = { ...eligibleInput("art4.2"), actualInvestment: "2000000" };

/** A project claimed under art4.2 (400,000) and art4.1-session (20,000) on one day. */
const project = (projectId: string, ids: [string, string], factDate: string): Spec[] => [
  { id: ids[0], clauseId: "art4.2", factDate, projectId, input: BIG_INVESTMENT },
  { id: ids[1], clauseId: "art4.1-session", factDate, projectId },
];

describe("第十一条: projects claimed under several clauses are settled in the order of their earliest fact date", () => {
  it("the earlier project is settled first even when its project id sorts after the later one's", () => {
    // Mutants: compareDates (art11-duplicates.ts:219) emptied (→ natural order of project ids only);
    // :220 `a > b` → false and → `<=` (a later project compared with an earlier one falls to the ids).
    const decision = decide([...project("P-b", ["x1", "x2"], "2025-04-10"), ...project("P-a", ["y1", "y2"], "2025-05-10")]);
    expect([claim(decision, "x1").status, claim(decision, "x1").amount]).toEqual(["awarded", "400000.00"]);
    expect([claim(decision, "y1").status, claim(decision, "y1").amount]).toEqual(["reduced", "100000.00"]);
    expect(claim(decision, "x2").status).toBe("duplicate");
    expect(claim(decision, "x2").paidInstead).toEqual({ id: "x1", clauseId: "art4.2", source: "claim" });
    expect(claim(decision, "y2").paidInstead).toEqual({ id: "y1", clauseId: "art4.2", source: "claim" });
  });

  it("on the same earliest date, in the natural order of project ids, not of claim ids", () => {
    // Mutants: art11-duplicates.ts:110 the comparator → true, → false, `||` → `&&` (ties on the date left
    // in claim-id order); :220 `a > b` → true and → `>=` (equal dates not a tie).
    // Claim ids a1 < b1 put P-b's claims first in ledger order; project ids put P-a first.
    const decision = decide([...project("P-b", ["a1", "a2"], "2025-04-10"), ...project("P-a", ["b1", "b2"], "2025-04-10")]);
    expect([claim(decision, "b1").status, claim(decision, "b1").amount]).toEqual(["awarded", "400000.00"]);
    expect([claim(decision, "a1").status, claim(decision, "a1").amount]).toEqual(["reduced", "100000.00"]);
  });

  it("ids in natural order: P-2 is settled before P-10 on the same day", () => {
    const decision = decide([...project("P-10", ["a1", "a2"], "2025-04-10"), ...project("P-2", ["b1", "b2"], "2025-04-10")]);
    expect(claim(decision, "b1").amount).toBe("400000.00");
    expect(claim(decision, "a1").amount).toBe("100000.00");
  });
});

describe("第十一条: a project that no clause would pay anything", () => {
  it("each claim is refused for its own reason: its one-time scope taken by a grant", () => {
    // Mutants: art11-duplicates.ts:143 `if (winner === undefined) { … }` emptied (no coverage before:
    // reads the claims of no winner); :146 the settlement of each claim → `() => undefined`, → `{}`,
    // its kind "ledger" → "".
    const decision = decide(
      [
        { id: "c1", clauseId: "art3.3", factDate: "2025-12-31", projectId: "P" },
        { id: "c2", clauseId: "art7.1-express", factDate: "2025-12-31", projectId: "P", input: eligibleInput("art7.1-express") },
      ],
      [
        { id: "g1", clauseId: "art3.3", factDate: "2025-06-30", amount: "100000" },
        { id: "g2", clauseId: "art7.1-express", factDate: "2025-06-30", amount: "100000" },
      ],
    );
    for (const [id, grant, clauseId] of [
      ["c1", "g1", "art3.3"],
      ["c2", "g2", "art7.1-express"],
    ] as const) {
      const c = claim(decision, id);
      expect(c.status).toBe("duplicate");
      expect(c.amount).toBe("0.00");
      expect(c.paidInstead).toEqual({ id: grant, clauseId, source: "history" });
      expect(c.reasons.map((r) => r.code)).toEqual(["ALREADY_AWARDED_ONCE"]);
    }
  });
});

describe("A14: every claim of a project with undetermined twins is undetermined, naming them", () => {
  it("two undetermined twins are named, separated by a comma in English and 、 in Chinese", () => {
    // Mutants: art11-duplicates.ts:276 `names.join(", ")` → `join("")`; :277 `names.join("、")` → `join("")`.
    const noTurnover = { pingguGoodsSpecialSession: true };
    const decision = decide([
      { id: "c1", clauseId: "art4.2", factDate: "2025-04-10", projectId: "P" },
      { id: "c2", clauseId: "art4.1-session", factDate: "2025-04-11", projectId: "P", input: noTurnover },
      { id: "c3", clauseId: "art4.1-session", factDate: "2025-04-12", projectId: "P", input: noTurnover },
    ]);
    const c1 = claim(decision, "c1");
    expect(c1.status).toBe("undetermined");
    expect(c1.reasons[0]?.en).toContain("Undetermined: c2 (art4.1-session), c3 (art4.1-session); project P.");
    expect(c1.reasons[0]?.zh).toContain("尚无法判定：c2 (art4.1-session)、c3 (art4.1-session)；项目 P。");
  });
});

describe("第十一条 against the grant history: a project already paid under another clause", () => {
  it("an undetermined claim of such a project is refused as a duplicate too, when no payable claim names a project", () => {
    // Mutants: art11-duplicates.ts:74 `!undetermined.some(hasProject)` → `undetermined.some(hasProject)`
    // and → `!undetermined.every(hasProject)` (the shortcut taken though an undetermined claim names a
    // project); :89 `undetermined.filter(open)` → `undetermined` (its history never looked at).
    const noTurnover = { pingguGoodsSpecialSession: true };
    const decision = decide(
      [
        { id: "u1", clauseId: "art4.1-session", factDate: "2025-04-10", projectId: "P", input: noTurnover },
        { id: "u2", clauseId: "art4.1-session", factDate: "2025-04-11", input: noTurnover },
        { id: "c3", clauseId: "art4.2", factDate: "2025-04-12" },
      ],
      [{ id: "g1", clauseId: "art4.2", factDate: "2025-03-10", amount: "100000", projectId: "P" }],
    );
    expect(claim(decision, "u1").status).toBe("duplicate");
    expect(claim(decision, "u1").paidInstead).toEqual({ id: "g1", clauseId: "art4.2", source: "history" });
    expect(claim(decision, "u2").status).toBe("undetermined");
    expect(claim(decision, "c3").status).toBe("awarded");
  });

  it("paid under two other clauses: the claim names the earlier grant, whatever the order of their ids", () => {
    // Mutant: art11-duplicates.ts:190 the history's date key `(grant) => grant.factDate` → `() => undefined`.
    const decision = decide(
      [{ id: "c1", clauseId: "art4.1-session", factDate: "2025-05-10", projectId: "P" }],
      [
        { id: "g-a", clauseId: "art4.1-investment", factDate: "2025-04-10", amount: "100000", projectId: "P" },
        { id: "g-b", clauseId: "art4.2", factDate: "2025-03-10", amount: "100000", projectId: "P" },
      ],
    );
    expect(claim(decision, "c1").status).toBe("duplicate");
    expect(claim(decision, "c1").paidInstead).toEqual({ id: "g-b", clauseId: "art4.2", source: "history" });
  });
  it("a grant of 0 under another clause is no payment: the project's claim is paid", () => {
    // Mutants: art11-duplicates.ts:192 `grant.projectId !== undefined && grant.amount.gt(0)` → true, and
    // its `&&` → `||` (a grant of 0 counted as the project's payment).
    const decision = decide(
      [{ id: "c1", clauseId: "art4.1-session", factDate: "2025-05-10", projectId: "P" }],
      [{ id: "g0", clauseId: "art4.2", factDate: "2025-03-10", amount: "0", projectId: "P" }],
    );
    expect(claim(decision, "c1").status).toBe("awarded");
    expect(claim(decision, "c1").paidInstead).toBeNull();
  });
});
