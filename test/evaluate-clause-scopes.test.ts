/**
 * The scopes of four clauses across a whole application (issue 12; docs/ambiguity-register.md A12,
 * A17–A19): what the ledger does with the cap scope and one-time scope each clause declares, against
 * other claims of the application and the grant history. Every switch is tried both ways.
 */
import { describe, expect, it } from "vitest";
import { evaluate, type ClaimDecision, type Decision } from "../src/evaluate.js";
import { PolicyValidationError } from "../src/kernel/errors.js";
import { usccCheckCharacter } from "../src/kernel/uscc.js";
import { deriveEdition, type EditionOverride } from "../src/measures/derive-edition.js";
import { listRules } from "../src/measures/registry.js";

const CODE = `91110117MA01ABCD2${usccCheckCharacter("91110117MA01ABCD2") as string}`;
const EDITION = deriveEdition({ publishedOn: "2025-03-01" });

type ClaimIn = { id: string; clauseId: string; factDate: string; input: Record<string, unknown> } & Record<string, unknown>;
type GrantIn = { id: string; clauseId: string; factDate: string; amount: string } & Record<string, unknown>;

function application(claims: readonly ClaimIn[], history: readonly GrantIn[] = []) {
  return {
    applicant: { name: "北京平谷示例物流电商有限公司", creditCode: CODE, registeredInPinggu: true, liveCommerceBusiness: true },
    claims,
    history,
  };
}

function run(claims: readonly ClaimIn[], history: readonly GrantIn[] = [], overrides?: EditionOverride): Decision {
  const edition = overrides ? deriveEdition({ publishedOn: "2025-03-01", ...overrides }) : EDITION;
  return evaluate(application(claims, history), edition);
}

function claimOf(decision: Decision, id: string): ClaimDecision {
  const claim = decision.claims.find((c) => c.claimId === id);
  if (!claim) throw new Error(`no claim ${id}`);
  return claim;
}

const amounts = (decision: Decision, ...ids: string[]) => ids.map((id) => claimOf(decision, id).amount);

/** The validation issues `evaluate` throws; fails the test when it throws nothing or something else. */
function issuesOf(claims: readonly ClaimIn[], overrides?: EditionOverride) {
  try {
    run(claims, [], overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError);
    return (error as PolicyValidationError).issues;
  }
  throw new Error("expected a PolicyValidationError");
}

// ---------------------------------------------------------------------------------------------------
// A12 art4.1-investment: 最高不超过50万元 over the policy term (default), per year, or per project

const investment = (id: string, factDate: string, amount: string, projectId?: string): ClaimIn => ({
  id,
  clauseId: "art4.1-investment",
  factDate,
  ...(projectId === undefined ? {} : { projectId }),
  input: {
    annualOnlineRetail: "8000000",
    sellsPingguFarmProductsOut: true,
    bringsIndustrialProductsIn: false,
    liveRoomAndColdChainInvestment: amount,
  },
});

describe("A12 art4.1-investment: the 500,000 cap binds the enterprise over the policy term by default", () => {
  // 400,000 × 40% = 160,000 per claim; four claims ask for 640,000.
  const split = ["2025-04-01", "2025-05-01", "2025-06-01", "2025-07-01"].map((date, i) => investment(`i${i + 1}`, date, "400000", "studio"));

  it("one project split into four claims takes the cap once: 160,000 × 3 then the 20,000 left", () => {
    const decision = run(split);
    expect(amounts(decision, "i1", "i2", "i3", "i4")).toEqual(["160000.00", "160000.00", "160000.00", "20000.00"]);
    expect(decision.totals.overall).toBe("500000.00");
    const last = claimOf(decision, "i4");
    expect(last.status).toBe("reduced");
    expect(last.amountBeforeCrossClaimCaps).toBe("160000.00");
    expect(last.crossClaimCaps).toEqual([
      {
        id: "art4.1-investment/per-enterprise-per-term",
        scope: "per-enterprise-per-term",
        period: "term",
        limit: "500000.00",
        headroomBefore: "20000.00",
        headroomAfter: "0.00",
        bit: true,
      },
    ]);
    expect(last.reasons.map((r) => r.code)).toEqual(["CROSS_CLAIM_CAP_APPLIED"]);
  });

  it("the same investment in one claim is paid the same 500,000 (splitting gains nothing)", () => {
    expect(run([investment("one", "2025-04-01", "1600000", "studio")]).totals.overall).toBe(run(split).totals.overall);
  });

  it("a fifth claim after the cap is used up is paid 0.00", () => {
    const decision = run([...split, investment("i5", "2026-03-01", "100000", "cold-store")]);
    expect(claimOf(decision, "i5")).toMatchObject({ status: "reduced", amount: "0.00" });
  });

  it("two investments in two years share the term's cap: 400,000 in 2025, then the 100,000 left in 2026", () => {
    const decision = run([investment("a", "2025-06-01", "1000000", "studio"), investment("b", "2026-06-01", "1000000", "cold-store")]);
    expect(amounts(decision, "a", "b")).toEqual(["400000.00", "100000.00"]);
  });

  it("a grant in the history counts towards the term's cap, whatever its year", () => {
    const history = [{ id: "g1", clauseId: "art4.1-investment", factDate: "2025-05-01", amount: "450000", projectId: "earlier" }];
    const decision = run([investment("a", "2026-06-01", "1000000", "studio")], history);
    expect(claimOf(decision, "a")).toMatchObject({ status: "reduced", amount: "50000.00" });
  });

  it("a single claim alone never exceeds 500,000 (2,000,000 × 40% = 800,000)", () => {
    const decision = run([investment("big", "2025-06-01", "2000000", "studio")]);
    expect(claimOf(decision, "big")).toMatchObject({ amount: "500000.00", amountBeforeCrossClaimCaps: "500000.00" });
  });

  it("the decision shows the switch in force", () => {
    expect(run(split).edition.switches.art4_1InvestmentCapScope).toBe("per-term");
  });
});

describe("A12 alternative per-year: each calendar year has its own 500,000", () => {
  const perYear: EditionOverride = { switches: { art4_1InvestmentCapScope: "per-year" } };

  it("two investments in two years do not share the cap: 400,000 and 400,000", () => {
    const decision = run([investment("a", "2025-06-01", "1000000", "studio"), investment("b", "2026-06-01", "1000000", "cold-store")], [], perYear);
    expect(amounts(decision, "a", "b")).toEqual(["400000.00", "400000.00"]);
    expect(claimOf(decision, "b").crossClaimCaps[0]).toMatchObject({ id: "art4.1-investment/per-enterprise-per-year", period: "2026", bit: false });
  });

  it("two investments in one year share it: 400,000 then 100,000", () => {
    const decision = run([investment("a", "2025-06-01", "1000000", "studio"), investment("b", "2025-09-01", "1000000", "cold-store")], [], perYear);
    expect(amounts(decision, "a", "b")).toEqual(["400000.00", "100000.00"]);
  });

  it("a grant of another year does not count; one of the same year does", () => {
    const grant = (factDate: string) => [{ id: "g1", clauseId: "art4.1-investment", factDate, amount: "450000" }];
    expect(claimOf(run([investment("a", "2026-06-01", "1000000")], grant("2025-05-01"), perYear), "a").amount).toBe("400000.00");
    expect(claimOf(run([investment("a", "2026-06-01", "1000000")], grant("2026-01-05"), perYear), "a").amount).toBe("50000.00");
  });
});

describe("A12 alternative per-project: the claims of one projectId share the cap", () => {
  const perProject: EditionOverride = { switches: { art4_1InvestmentCapScope: "per-project" } };

  it("one project split into four claims takes the cap once", () => {
    const claims = ["2025-04-01", "2025-05-01", "2025-06-01", "2026-07-01"].map((date, i) => investment(`i${i + 1}`, date, "400000", "studio"));
    const decision = run(claims, [], perProject);
    expect(amounts(decision, "i1", "i2", "i3", "i4")).toEqual(["160000.00", "160000.00", "160000.00", "20000.00"]);
    expect(claimOf(decision, "i4").crossClaimCaps[0]).toMatchObject({
      id: "art4.1-investment/per-project",
      scope: "per-project",
      period: "project:studio",
      headroomBefore: "20000.00",
      bit: true,
    });
  });

  it("two projects each have their own cap: 400,000 and 400,000, in one year or two", () => {
    const decision = run([investment("a", "2025-06-01", "1000000", "studio"), investment("b", "2025-09-01", "1000000", "cold-store")], [], perProject);
    expect(amounts(decision, "a", "b")).toEqual(["400000.00", "400000.00"]);
  });

  it("a grant for the project in the history counts towards its cap; one for another project does not", () => {
    const grant = (projectId: string) => [{ id: "g1", clauseId: "art4.1-investment", factDate: "2025-05-01", amount: "450000", projectId }];
    expect(claimOf(run([investment("a", "2026-06-01", "1000000", "studio")], grant("studio"), perProject), "a").amount).toBe("50000.00");
    expect(claimOf(run([investment("a", "2026-06-01", "1000000", "studio")], grant("other"), perProject), "a").amount).toBe("400000.00");
  });

  it("claims without a project id are each their own project", () => {
    const decision = run([investment("a", "2025-06-01", "1000000"), investment("b", "2025-09-01", "1000000")], [], perProject);
    expect(amounts(decision, "a", "b")).toEqual(["400000.00", "400000.00"]);
  });
});

// ---------------------------------------------------------------------------------------------------
// A17 art6.2: 单个项目……一次性资金扶持 — one payment per project (default), or cumulative up to the cap

const event = (id: string, factDate: string, actualCost: string | undefined, projectId?: string, publicEvent = true): ClaimIn => ({
  id,
  clauseId: "art6.2",
  factDate,
  ...(projectId === undefined ? {} : { projectId }),
  input: { publicBasicServiceEvent: publicEvent, ...(actualCost === undefined ? {} : { actualCost }) },
});

describe("A17 art6.2: one payment per project", () => {
  it("the project's first claim is paid; a second claim of the project is refused, citing the one-time scope", () => {
    const decision = run([event("e1", "2025-05-01", "200000", "expo"), event("e2", "2025-06-01", "200000", "expo")]);
    expect(claimOf(decision, "e1")).toMatchObject({ status: "awarded", amount: "100000.00" });
    const second = claimOf(decision, "e2");
    expect(second).toMatchObject({ status: "duplicate", amount: "0.00", paidInstead: { id: "e1", clauseId: "art6.2", source: "claim" } });
    expect(second.reasons.map((r) => r.code)).toEqual(["ALREADY_AWARDED_ONCE"]);
    expect(second.reasons[0]?.en).toContain("per-project");
    expect(second.reasons[0]?.zh).toContain("一次性");
    expect(second.citations.some((c) => c.textZh?.includes("一次性资金扶持"))).toBe(true);
    expect(decision.totals.overall).toBe("100000.00");
  });

  it("first in ledger order (fact date), whatever the order of the input", () => {
    const decision = run([event("late", "2025-09-01", "400000", "expo"), event("early", "2025-05-01", "100000", "expo")]);
    expect(claimOf(decision, "early")).toMatchObject({ status: "awarded", amount: "50000.00" });
    expect(claimOf(decision, "late")).toMatchObject({ status: "duplicate", paidInstead: { id: "early" } });
  });

  it("a later claim of the project in another year is refused too: the scope is the project, not the year", () => {
    const decision = run([event("e1", "2025-05-01", "200000", "expo"), event("e2", "2026-05-01", "200000", "expo")]);
    expect(claimOf(decision, "e2").status).toBe("duplicate");
  });

  it("two projects are each paid once", () => {
    const decision = run([event("e1", "2025-05-01", "200000", "expo"), event("e2", "2025-06-01", "200000", "contest")]);
    expect(amounts(decision, "e1", "e2")).toEqual(["100000.00", "100000.00"]);
  });

  it("a first claim that is ineligible does not take the scope: the next claim of the project is paid", () => {
    const decision = run([event("e1", "2025-05-01", "200000", "expo", false), event("e2", "2025-06-01", "200000", "expo")]);
    expect(claimOf(decision, "e1")).toMatchObject({ status: "ineligible", amount: "0.00" });
    expect(claimOf(decision, "e2")).toMatchObject({ status: "awarded", amount: "100000.00" });
  });

  it("a first claim that is undetermined (cost missing) is not awarded, so the next claim of the project is paid", () => {
    const decision = run([event("e1", "2025-05-01", undefined, "expo"), event("e2", "2025-06-01", "200000", "expo")]);
    expect(claimOf(decision, "e1").status).toBe("undetermined");
    expect(claimOf(decision, "e2")).toMatchObject({ status: "awarded", amount: "100000.00" });
  });

  // A17 gives the payment to the first claim awarded more than 0: a payment of 0 takes no scope.
  it("a first claim eligible at 0.00 (an actual cost of 0) does not take the scope: the next claim is paid", () => {
    const decision = run([event("e1", "2025-05-01", "0", "expo"), event("e2", "2025-06-01", "200000", "expo")]);
    expect(claimOf(decision, "e1").amount).toBe("0.00");
    expect(claimOf(decision, "e2")).toMatchObject({ status: "awarded", amount: "100000.00" });
  });

  it("a grant for the project in the history takes the scope: the claim is refused, naming the grant", () => {
    const history = [{ id: "g-expo", clauseId: "art6.2", factDate: "2025-04-01", amount: "30000", projectId: "expo" }];
    const decision = run([event("e2", "2025-06-01", "200000", "expo")], history);
    expect(claimOf(decision, "e2")).toMatchObject({ status: "duplicate", amount: "0.00", paidInstead: { id: "g-expo", clauseId: "art6.2", source: "history" } });
    expect(claimOf(decision, "e2").reasons[0]?.code).toBe("ALREADY_AWARDED_ONCE");
  });

  it("a grant for another project in the history does not", () => {
    const history = [{ id: "g-contest", clauseId: "art6.2", factDate: "2025-04-01", amount: "30000", projectId: "contest" }];
    expect(claimOf(run([event("e2", "2025-06-01", "200000", "expo")], history), "e2")).toMatchObject({ status: "awarded", amount: "100000.00" });
  });

  it("a claim without a project id cannot be checked against the scope: undetermined, naming projectId", () => {
    const decision = run([event("e1", "2025-05-01", "200000")]);
    const claim = claimOf(decision, "e1");
    expect(claim).toMatchObject({ status: "undetermined", amount: null });
    expect(claim.reasons[0]?.code).toBe("SCOPE_ID_MISSING");
    expect(claim.reasons[0]?.en).toContain("claims[0].projectId");
  });
});

describe("A17 alternative cumulative: several claims of a project, up to its 300,000", () => {
  const cumulative: EditionOverride = { switches: { art6_2ProjectScope: "cumulative" } };

  it("two claims of one project share its cap: 200,000 then the 100,000 left", () => {
    const decision = run([event("e1", "2025-05-01", "400000", "expo"), event("e2", "2025-06-01", "400000", "expo")], [], cumulative);
    expect(amounts(decision, "e1", "e2")).toEqual(["200000.00", "100000.00"]);
    expect(claimOf(decision, "e2")).toMatchObject({ status: "reduced" });
    expect(decision.edition.switches.art6_2ProjectScope).toBe("cumulative");
  });

  it("a grant for the project in the history is not a refusal but counts towards the cap", () => {
    const history = [{ id: "g-expo", clauseId: "art6.2", factDate: "2025-04-01", amount: "250000", projectId: "expo" }];
    expect(claimOf(run([event("e2", "2025-06-01", "200000", "expo")], history, cumulative), "e2")).toMatchObject({ status: "reduced", amount: "50000.00" });
  });

  it("a claim without a project id is its own project, paid", () => {
    expect(claimOf(run([event("e1", "2025-05-01", "200000")], [], cumulative), "e1")).toMatchObject({ status: "awarded", amount: "100000.00" });
  });
});

// ---------------------------------------------------------------------------------------------------
// A18 art7.1-express: one claim per enterprise per calendar year

const express = (id: string, factDate: string, parcels: number): ClaimIn => ({
  id,
  clauseId: "art7.1-express",
  factDate,
  input: { sellsPingguSpecialtyFarmProducts: true, annualExpressParcels: parcels },
});

describe("A18 art7.1-express: one claim per enterprise per calendar year", () => {
  it("a second claim for the same year is refused (the base award is never paid twice); the next year's is paid", () => {
    const decision = run([express("x1", "2025-12-31", 150000), express("x2", "2025-12-31", 130000), express("y1", "2026-12-31", 150000)]);
    // 100,000 + 3,000 × 5 = 115,000.
    expect(claimOf(decision, "x1")).toMatchObject({ status: "awarded", amount: "115000.00" });
    const second = claimOf(decision, "x2");
    expect(second).toMatchObject({ status: "duplicate", amount: "0.00", paidInstead: { id: "x1", clauseId: "art7.1-express", source: "claim" } });
    expect(second.reasons.map((r) => r.code)).toEqual(["ALREADY_AWARDED_ONCE"]);
    expect(second.reasons[0]?.en).toContain("per-enterprise-per-year");
    expect(claimOf(decision, "y1")).toMatchObject({ status: "awarded", amount: "115000.00" });
  });

  // The year A18 means is the year the parcels count (the figure's year), whatever year A10 counts the
  // caps in: two years' figures paid on one day are two claims, one per year.
  it("under A10's payment-year switch, the figures of two years paid on the same day are both paid", () => {
    const paid = (claim: ClaimIn): ClaimIn => ({ ...claim, paymentDate: "2027-01-20" });
    const decision = run([paid(express("x", "2025-12-31", 150000)), paid(express("y", "2026-12-31", 150000))], [], { switches: { annualCapYear: "payment-year" } });
    expect(amounts(decision, "x", "y")).toEqual(["115000.00", "115000.00"]);
  });

  it("a grant of the same year in the history refuses the claim; one of the year before does not", () => {
    const grant = (factDate: string) => [{ id: "g-x", clauseId: "art7.1-express", factDate, amount: "100000" }];
    expect(claimOf(run([express("x", "2026-12-31", 150000)], grant("2026-12-31")), "x")).toMatchObject({
      status: "duplicate",
      paidInstead: { id: "g-x", source: "history" },
    });
    expect(claimOf(run([express("x", "2026-12-31", 150000)], grant("2025-12-31")), "x")).toMatchObject({ status: "awarded", amount: "115000.00" });
  });
});

// ---------------------------------------------------------------------------------------------------
// A19 art7.1-logistics: 按照不超过……50% — a reviewed rate under the edition's ceiling

const logistics = (id: string, reviewedRate?: string | number): ClaimIn => ({
  id,
  clauseId: "art7.1-logistics",
  factDate: "2025-10-31",
  projectId: "centre",
  input: { logisticsFacilityBuiltOrUpgraded: true, auditedInvestment: "600000", ...(reviewedRate === undefined ? {} : { reviewedRate }) },
});

describe("A19 art7.1-logistics: the rate is a reviewed rate, at most the edition's rate", () => {
  it("at the ceiling, 0.5: 300,000.00", () => {
    expect(claimOf(run([logistics("l", "0.5")]), "l")).toMatchObject({ status: "awarded", amount: "300000.00" });
  });

  it("just below, 0.4999: 299,940.00", () => {
    expect(claimOf(run([logistics("l", "0.4999")]), "l").amount).toBe("299940.00");
  });

  it("absent: the ceiling 0.5, and the clause says it used the default", () => {
    const claim = claimOf(run([logistics("l")]), "l");
    expect(claim.amount).toBe("300000.00");
    expect(claim.clause.reasons.map((r) => r.code)).toContain("DEFAULT_RATE_USED");
  });

  it("just above, 0.5001: invalid input naming the claim's field; nothing is decided", () => {
    const issues = issuesOf([logistics("ok", "0.5"), logistics("l", "0.5001")]);
    expect(issues.map((i) => i.path)).toEqual(["claims[1].input.reviewedRate"]);
    expect(issues[0]?.code).toBe("inconsistent");
  });

  it("below 0: invalid input naming the field", () => {
    expect(issuesOf([logistics("l", "-0.1")]).map((i) => i.path)).toEqual(["claims[0].input.reviewedRate"]);
  });

  it("a what-if edition with a rate of 0.4 makes 0.45 invalid and pays 0.4 by default", () => {
    const whatIf: EditionOverride = { parameters: { "art7.1-logistics": { rate: "0.4" } } };
    expect(issuesOf([logistics("l", "0.45")], whatIf).map((i) => i.path)).toEqual(["claims[0].input.reviewedRate"]);
    expect(claimOf(run([logistics("l")], [], whatIf), "l").amount).toBe("240000.00");
    expect(claimOf(run([logistics("l", "0.4")], [], whatIf), "l").amount).toBe("240000.00");
  });
});

// ---------------------------------------------------------------------------------------------------

describe("A18: the clauses paid on a year's figure are marked for the evaluator", () => {
  it('factDate "year-end" is set on art3.3, art5.1, art6.1 and art7.1-express, and on no other clause', () => {
    expect(listRules().filter((rule) => rule.factDate === "year-end").map((rule) => rule.id)).toEqual(["art3.3", "art5.1", "art6.1", "art7.1-express"]);
  });
});
