/**
 * The date a claim counts at (A16, A18): art7.2 is dated at its interest period's end and pays only the
 * interest days inside 第十四条's window; clauses paid on a year's figure are dated 31 December.
 * Edition: published 2025-03-01, so the window is 2025-03-01 to 2027-02-28 inclusive.
 */
import { describe, expect, it } from "vitest";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { evaluate } from "../../src/evaluate.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { thrownIssues } from "../helpers.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const WHOLE_PERIOD = deriveEdition({ publishedOn: "2025-03-01", switches: { art7_2InterestPeriod: "whole-period" } });

/** 10,000,000 at 3.45%: 50% of it is 172,500 a year, 479.1666… a day under actual/360. */
const loanFacts = (start: string, end: string, interestPaid = "1000000") => ({
  statisticallyRegistered: true,
  annualOnlineRetail: "6000000",
  growthRate: "0.10",
  ownOperationsCommercialLoan: true,
  thirdPartyReviewApproved: true,
  principal: "10000000",
  benchmarkAnnualRate: "0.0345",
  interestPeriodStart: start,
  interestPeriodEnd: end,
  interestPaid,
});

const loan = (id: string, start: string, end: string, interestPaid?: string, factDate = end) => ({
  id,
  clauseId: "art7.2",
  factDate,
  input: loanFacts(start, end, interestPaid),
});

const application = (claims: unknown[], history: unknown[] = []) => ({
  applicant: { name: "某电商企业", creditCode: "91110117MA06BRND0Y", registeredInPinggu: true, liveCommerceBusiness: true },
  claims,
  history,
});

const issuesOf = (doc: unknown, edition = EDITION) => thrownIssues(() => evaluate(doc, edition));
const one = (claim: unknown, edition = EDITION) => evaluate(application([claim]), edition).claims[0]!;

describe("A16 art7.2: the fact date is the interest period's end", () => {
  it("a fact date equal to interestPeriodEnd is accepted", () => {
    expect(one(loan("l1", "2025-04-01", "2025-07-01")).status).toBe("awarded");
  });

  it.each(["2025-06-30", "2025-07-02", "2026-07-01"])("a fact date of %s (not the period end 2025-07-01) is invalid input", (factDate) => {
    const issues = issuesOf(application([loan("l1", "2025-04-01", "2025-07-01", undefined, factDate)]));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("claims[0].factDate");
    expect(issues[0]?.expected).toContain("input.interestPeriodEnd (2025-07-01)");
  });

  it("a second loan dated into the next year cannot double the annual cap (its date must be its period end)", () => {
    const issues = issuesOf(application([loan("l1", "2025-03-01", "2026-01-01"), loan("l2", "2025-03-01", "2026-01-01", undefined, "2027-01-01")]));
    expect(issues.map((i) => i.path)).toEqual(["claims[1].factDate"]);
  });

  it("a claim whose period end is missing is undetermined, not invalid", () => {
    const claim = { ...loan("l1", "2025-04-01", "2025-07-01"), input: { ...loanFacts("2025-04-01", "2025-07-01"), interestPeriodEnd: undefined } };
    expect(one(claim).status).toBe("undetermined");
  });
});

describe("A16 art7.2: interest days outside the window are not paid", () => {
  it("a period wholly inside the window is paid in full: 2025-04-01 → 2025-07-01, 91 days", () => {
    // 172,500 × 91 ÷ 360 = 43,604.1666… → 43,604.17
    expect(one(loan("l1", "2025-04-01", "2025-07-01")).amount).toBe("43604.17");
  });

  it("a period starting before publication counts from the publication day: 2025-02-01 → 2025-04-01 pays 31 of 59 days", () => {
    const decision = one(loan("l1", "2025-02-01", "2025-04-01"));
    // 172,500 × 31 ÷ 360 = 14,854.1666… → 14,854.17
    expect(decision.amount).toBe("14854.17");
    expect(decision.clause.reasons.map((r) => r.code)).toContain("INTEREST_DAYS_OUTSIDE_WINDOW");
  });

  it("the interest actually paid bounds the counted days' share of it: 20,000 × 31 ÷ 59 = 10,508.47", () => {
    const decision = one(loan("l1", "2025-02-01", "2025-04-01", "20000"));
    expect(decision.amount).toBe("10508.47");
    expect(decision.clause.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["INTEREST_DAYS_OUTSIDE_WINDOW", "INTEREST_PAID_LIMIT"]));
  });

  it("a period ending on the publication day has no counted day: out-of-window", () => {
    const decision = one(loan("l1", "2025-01-01", "2025-03-01"));
    expect(decision.status).toBe("out-of-window");
    expect(decision.reasons[0]?.en).toContain("No day of the period ending 2025-03-01");
  });

  it("a period ending the day after publication counts that one day: 479.17", () => {
    expect(one(loan("l1", "2025-01-01", "2025-03-02")).amount).toBe("479.17");
  });

  it("a period running past the window's last day counts up to it: 2027-02-01 → 2027-04-01 pays 28 days", () => {
    const decision = one(loan("l1", "2027-02-01", "2027-04-01"));
    expect(decision.status).toBe("awarded");
    // 172,500 × 28 ÷ 360 = 13,416.666… → 13,416.67
    expect(decision.amount).toBe("13416.67");
    expect(decision.year).toBe(2027);
  });

  it("a period starting the day after the window's last day is out-of-window; starting on the last day pays one day", () => {
    expect(one(loan("l1", "2027-03-01", "2027-04-01")).status).toBe("out-of-window");
    expect(one(loan("l1", "2027-02-28", "2027-04-01")).amount).toBe("479.17");
  });

  it("the annual cap counts the year of the last counted day: a period ending 2026-01-01 counts in 2025", () => {
    const decision = one(loan("l1", "2025-12-01", "2026-01-01"));
    expect(decision.year).toBe(2025);
    expect(decision.factDate).toBe("2026-01-01");
  });

  it("the annual cap of 200,000 is shared by the periods counted in one year", () => {
    // Each: 10,000,000 × 3.45% × 50% × 184 ÷ 360 ≈ 88,166.67 (2025-07-01 → 2026-01-01 counts in 2025).
    const claims = [loan("a", "2025-03-01", "2025-07-01"), loan("b", "2025-07-01", "2026-01-01"), loan("c", "2025-06-01", "2026-01-01")];
    const decision = evaluate(application(claims), EDITION);
    expect(decision.totals.byYear).toEqual({ "2025": "200000.00" });
    expect(decision.claims.map((c) => c.year)).toEqual([2025, 2025, 2025]);
  });

  it("under payment-year (A10) the cap year is the payment date's", () => {
    const edition = deriveEdition({ publishedOn: "2025-03-01", switches: { annualCapYear: "payment-year" } });
    const decision = evaluate(application([{ ...loan("l1", "2025-12-01", "2026-01-01"), paymentDate: "2026-03-01" }]), edition);
    expect(decision.claims[0]?.year).toBe(2026);
  });
});

describe("A16 alternative whole-period: the period is paid whole, in the window when its end is", () => {
  it("2025-02-01 → 2025-04-01 pays all 59 days", () => {
    // 172,500 × 59 ÷ 360 = 28,270.833… → 28,270.83
    expect(one(loan("l1", "2025-02-01", "2025-04-01"), WHOLE_PERIOD).amount).toBe("28270.83");
  });

  it("a period ending after the window is out-of-window, though most of it lies inside", () => {
    expect(one(loan("l1", "2027-02-01", "2027-04-01"), WHOLE_PERIOD).status).toBe("out-of-window");
  });

  it("the cap year is the period end's", () => {
    expect(one(loan("l1", "2025-12-01", "2026-01-01"), WHOLE_PERIOD).year).toBe(2026);
  });
});

describe("A16 in evaluateClause", () => {
  it("under the draft (no publication date, no window) nothing is clipped", () => {
    expect(evaluateClause("art7.2", loanFacts("2025-02-01", "2025-04-01")).amount).toBe("28270.83");
  });

  it("under a published edition the period is clipped, and the step says so", () => {
    const result = evaluateClause("art7.2", loanFacts("2025-02-01", "2025-04-01"), { edition: EDITION });
    expect(result.amount).toBe("14854.17");
    expect(result.steps.some((s) => s.label.en.includes("inside the validity window"))).toBe(true);
    expect(result.switches).toMatchObject({ art7_2InterestPeriod: "clipped-to-window" });
  });

  it("a period wholly outside the window pays 0.00 with the reason", () => {
    const result = evaluateClause("art7.2", loanFacts("2024-01-01", "2024-07-01"), { edition: EDITION });
    expect(result.amount).toBe("0.00");
    expect(result.reasons.map((r) => r.code)).toContain("INTEREST_DAYS_OUTSIDE_WINDOW");
  });
});

describe("A18: annual figures are dated 31 December", () => {
  const annual: Record<string, Record<string, unknown>> = {
    "art3.3": { selfOperatedOnlineSales: true, annualOnlineRetail: "45000000", growthRate: "0.12", cityAverageGrowthRate: "0.08" },
    "art5.1": { ecommerceServiceEnterprise: true, localEnterprisesDriven: 5, localEnterprisesCumulativeTurnover: "10000000" },
    "art6.1": { personTimesTrained: 500, completeTrainingRecords: true, placementRate: "0.20" },
    "art7.1-express": { sellsPingguSpecialtyFarmProducts: true, annualExpressParcels: 135000 },
  };
  const claim = (clauseId: string, factDate: string) => ({ id: "c1", clauseId, factDate, input: annual[clauseId] });

  describe.each(Object.keys(annual))("%s", (clauseId) => {
    it("31 December is accepted", () => {
      expect(one(claim(clauseId, "2025-12-31")).status).toBe("awarded");
    });
    it.each(["2025-12-30", "2026-01-01", "2025-06-30"])("%s is invalid input naming the field", (factDate) => {
      const issues = issuesOf(application([claim(clauseId, factDate)]));
      expect(issues.map((i) => i.path)).toEqual(["claims[0].factDate"]);
      expect(issues[0]?.expected).toContain(`${factDate.slice(0, 4)}-12-31`);
      expect(issues[0]?.expectedZh).toContain("12月31日");
    });
  });

  it("every problem of the document is reported together, and nothing is decided (A21)", () => {
    const issues = issuesOf(application([claim("art3.3", "2025-06-30"), loan("l1", "2025-04-01", "2025-07-01", undefined, "2025-07-02")]));
    expect(issues.map((i) => i.path)).toEqual(["claims[0].factDate", "claims[1].factDate"]);
  });

  it("other clauses keep any date in the window", () => {
    const session = { id: "s1", clauseId: "art4.1-session", factDate: "2025-06-17", input: { pingguGoodsSpecialSession: true, sessionTurnover: "2000000" } };
    expect(one(session).status).toBe("awarded");
  });
});
