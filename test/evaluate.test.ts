import { describe, expect, it } from "vitest";
import { evaluate, type ClaimDecision, type Decision } from "../src/evaluate.js";
import { PolicyValidationError } from "../src/kernel/errors.js";
import { usccCheckCharacter } from "../src/kernel/uscc.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { DRAFT_EDITION } from "../src/measures/edition-draft.js";
import type { EditionOverride } from "../src/measures/derive-edition.js";

function creditCode(first17: string): string {
  return first17 + (usccCheckCharacter(first17) as string);
}

const CODE = creditCode("91110117MA01ABCD1");
const EDITION = deriveEdition({ publishedOn: "2025-03-01" });

type ClaimIn = { id: string; clauseId: string; factDate: string; input: Record<string, unknown> } & Record<string, unknown>;

function application(claims: ClaimIn[], history: Record<string, unknown>[] = [], applicant: Record<string, unknown> = {}) {
  return {
    applicant: { name: "北京平谷示例直播电商有限公司", creditCode: CODE, registeredInPinggu: true, liveCommerceBusiness: true, ...applicant },
    claims,
    history,
  };
}

function session(id: string, factDate: string, turnover: string, extra: Record<string, unknown> = {}): ClaimIn {
  return { id, clauseId: "art4.1-session", factDate, input: { pingguGoodsSpecialSession: true, sessionTurnover: turnover }, ...extra };
}

function claimOf(decision: Decision, id: string): ClaimDecision {
  const claim = decision.claims.find((c) => c.claimId === id);
  if (!claim) throw new Error(`no claim ${id}`);
  return claim;
}

function run(claims: ClaimIn[], history: Record<string, unknown>[] = [], applicant: Record<string, unknown> = {}, overrides?: EditionOverride) {
  const edition = overrides ? deriveEdition({ publishedOn: "2025-03-01", ...overrides }) : EDITION;
  return evaluate(application(claims, history, applicant), edition);
}

describe("annual cap on 平谷好物 sessions (300,000 per enterprise per calendar year)", () => {
  const seven = [1, 2, 3, 4, 5, 6, 7].map((n) => session(`s${n}`, `2025-0${n + 2}-10`, "4500000"));

  it("sessions on the same day are taken in the natural order of their ids: s1 … s9 before s10, s11, s12", () => {
    const twelve = [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => session(`s${n}`, "2025-05-10", "4500000"));
    const decision = run(twelve);
    const paid = (id: string) => claimOf(decision, id).amount;
    expect(["s1", "s2", "s3", "s4", "s5", "s6"].map(paid)).toEqual(Array(6).fill("45000.00"));
    expect(paid("s7")).toBe("30000.00");
    expect(["s8", "s9", "s10", "s11", "s12"].map(paid)).toEqual(Array(5).fill("0.00"));
    expect(claimOf(decision, "s10").sequence).toBe(10);
  });

  it("six sessions of 45,000 fit; the seventh is reduced to the 30,000 left", () => {
    const decision = run(seven);
    for (const id of ["s1", "s2", "s3", "s4", "s5", "s6"]) expect(claimOf(decision, id)).toMatchObject({ status: "awarded", amount: "45000.00" });
    const seventh = claimOf(decision, "s7");
    expect(seventh.status).toBe("reduced");
    expect(seventh.amount).toBe("30000.00");
    expect(seventh.amountBeforeCrossClaimCaps).toBe("45000.00");
    expect(seventh.crossClaimCaps[0]).toMatchObject({
      id: "art4.1-session/per-enterprise-per-year",
      period: "2025",
      headroomBefore: "30000.00",
      headroomAfter: "0.00",
      bit: true,
    });
    expect(seventh.reasons.map((r) => r.code)).toContain("CROSS_CLAIM_CAP_APPLIED");
    expect(decision.totals.overall).toBe("300000.00");
    expect(decision.totals.byYear).toEqual({ "2025": "300000.00" });
  });

  it("the cap counts sessions in date order, whatever the order of the input", () => {
    const decision = run([...seven].reverse());
    expect(claimOf(decision, "s7").amount).toBe("30000.00");
    expect(claimOf(decision, "s1").amount).toBe("45000.00");
  });

  it("an eighth session the same year gets nothing (reduced to 0.00)", () => {
    const decision = run([...seven, session("s8", "2025-12-31", "1000000")]);
    expect(claimOf(decision, "s8")).toMatchObject({ status: "reduced", amount: "0.00" });
  });

  it("a grant history of 280,000 leaves 20,000 for a 30,000 session", () => {
    const history = [{ id: "g1", clauseId: "art4.1-session", factDate: "2025-04-01", amount: "280000" }];
    const result = claimOf(run([session("s1", "2025-06-01", "3000000")], history), "s1");
    expect(result).toMatchObject({ status: "reduced", amount: "20000.00", amountBeforeCrossClaimCaps: "30000.00" });
    expect(result.crossClaimCaps[0]).toMatchObject({ headroomBefore: "20000.00", headroomAfter: "0.00" });
  });

  it("history exactly at the cap leaves nothing; history one fen below leaves one fen", () => {
    const full = [{ id: "g1", clauseId: "art4.1-session", factDate: "2025-04-01", amount: "300000" }];
    expect(claimOf(run([session("s1", "2025-06-01", "3000000")], full), "s1").amount).toBe("0.00");
    const almost = [{ id: "g1", clauseId: "art4.1-session", factDate: "2025-04-01", amount: "299999.99" }];
    expect(claimOf(run([session("s1", "2025-06-01", "3000000")], almost), "s1").amount).toBe("0.01");
  });

  it("the next calendar year starts afresh", () => {
    const history = [{ id: "g1", clauseId: "art4.1-session", factDate: "2025-04-01", amount: "300000" }];
    const decision = run([session("s1", "2025-12-31", "3000000"), session("s2", "2026-01-01", "3000000")], history);
    expect(claimOf(decision, "s1").amount).toBe("0.00");
    expect(claimOf(decision, "s2")).toMatchObject({ status: "awarded", amount: "30000.00", year: 2026 });
    expect(decision.totals.byYear).toEqual({ "2025": "0.00", "2026": "30000.00" });
  });

  it("A10 payment-year: a 2025 session paid in 2026 counts against 2026", () => {
    const history = [{ id: "g1", clauseId: "art4.1-session", factDate: "2025-04-01", paidOn: "2025-05-01", amount: "300000" }];
    const decision = run([session("s1", "2025-12-20", "3000000", { paymentDate: "2026-01-15" })], history, {}, {
      switches: { annualCapYear: "payment-year" },
    });
    expect(claimOf(decision, "s1")).toMatchObject({ status: "awarded", amount: "30000.00", year: 2026 });
  });

  it("A10 payment-year: a claim without a payment date is undetermined, history without paidOn is an error", () => {
    const decision = run([session("s1", "2025-12-20", "3000000")], [], {}, { switches: { annualCapYear: "payment-year" } });
    expect(claimOf(decision, "s1").status).toBe("undetermined");
    expect(claimOf(decision, "s1").amount).toBeNull();
    expect(() =>
      run([], [{ id: "g1", clauseId: "art4.1-session", factDate: "2025-04-01", amount: "1" }], {}, { switches: { annualCapYear: "payment-year" } }),
    ).toThrow(/history\[0\]\.paidOn/);
  });
});

const base = { municipalRecognition: true, mofcomRecognition: false, renovationCost: "0", equipmentCost: "0" };
function baseClaim(id: string, factDate: string, rent: string): ClaimIn {
  return { id, clauseId: "art3.2", factDate, input: { ...base, rentCost: rent } };
}

describe("term cap of art3.2 (300,000 per enterprise over the policy term, A6)", () => {
  it("counts earlier grants: 250,000 already paid leaves 50,000 of a 100,000 claim", () => {
    const history = [{ id: "g1", clauseId: "art3.2", factDate: "2025-05-01", amount: "250000" }];
    const result = claimOf(run([baseClaim("b1", "2026-05-01", "333333.33")], history), "b1");
    expect(result).toMatchObject({ status: "reduced", amount: "50000.00", amountBeforeCrossClaimCaps: "100000.00" });
    expect(result.crossClaimCaps[0]).toMatchObject({ id: "art3.2/per-enterprise-per-term", period: "term" });
  });

  it("under A6 per-year the next year starts afresh", () => {
    const history = [{ id: "g1", clauseId: "art3.2", factDate: "2025-05-01", amount: "250000" }];
    const result = claimOf(run([baseClaim("b1", "2026-05-01", "333333.33")], history, {}, { switches: { art3_2CapScope: "per-year" } }), "b1");
    expect(result).toMatchObject({ status: "awarded", amount: "100000.00" });
  });

  it("not reached: two claims of 100,000 and 200,000 fit exactly", () => {
    const decision = run([baseClaim("b1", "2025-05-01", "333333.33"), baseClaim("b2", "2026-05-01", "666666.67")]);
    expect(claimOf(decision, "b1").amount).toBe("100000.00");
    expect(claimOf(decision, "b2")).toMatchObject({ status: "awarded", amount: "200000.00" });
    expect(claimOf(decision, "b2").crossClaimCaps[0]).toMatchObject({ headroomBefore: "200000.00", headroomAfter: "0.00", bit: false });
  });
});

describe("one-time awards", () => {
  const quality = (id: string, factDate: string): ClaimIn => ({
    id,
    clauseId: "art3.3",
    factDate,
    input: { selfOperatedOnlineSales: true, annualOnlineRetail: "35000000", growthRate: "0.2", cityAverageGrowthRate: "0.1" },
  });

  it("art3.3 is paid once per enterprise: the later claim is refused naming the first", () => {
    const decision = run([quality("q2", "2026-12-31"), quality("q1", "2025-12-31")]);
    expect(claimOf(decision, "q1")).toMatchObject({ status: "awarded", amount: "350000.00" });
    const second = claimOf(decision, "q2");
    expect(second.status).toBe("duplicate");
    expect(second.paidInstead).toEqual({ id: "q1", clauseId: "art3.3", source: "claim" });
    expect(second.reasons.map((r) => r.code)).toEqual(["ALREADY_AWARDED_ONCE"]);
  });

  it("art3.2-mofcom already in the grant history is not paid again", () => {
    const history = [{ id: "g1", clauseId: "art3.2-mofcom", factDate: "2025-04-01", amount: "200000" }];
    const result = claimOf(
      run([{ id: "m1", clauseId: "art3.2-mofcom", factDate: "2025-09-01", input: { mofcomRecognition: true } }], history),
      "m1",
    );
    expect(result).toMatchObject({ status: "duplicate", amount: "0.00", paidInstead: { id: "g1", source: "history" } });
  });

  it("art3.1 is once per park: the same park twice is refused, two parks are both paid", () => {
    const park = (id: string, projectId: string): ClaimIn => ({
      id,
      clauseId: "art3.1",
      factDate: "2025-06-01",
      projectId,
      input: { usedArea: "4000", annualOnlineRetail: "600000000", investment: "3000000" },
    });
    const decision = run([park("p1", "park-A"), park("p2", "park-B")], [], {}, { switches: { intraMeasuresDuplicates: "allow" } });
    expect(claimOf(decision, "p1").amount).toBe("900000.00");
    expect(claimOf(decision, "p2").amount).toBe("900000.00");
    const same = run([park("p1", "park-A"), park("p2", "park-A")], [], {}, { switches: { intraMeasuresDuplicates: "allow" } });
    expect(claimOf(same, "p2").status).toBe("duplicate");
  });

  it("art3.1 without a project id is undetermined, never paid blind", () => {
    const decision = run([
      { id: "p1", clauseId: "art3.1", factDate: "2025-06-01", input: { usedArea: "4000", annualOnlineRetail: "600000000", investment: "3000000" } },
    ]);
    expect(claimOf(decision, "p1")).toMatchObject({ status: "undetermined", amount: null });
    expect(claimOf(decision, "p1").reasons[0]?.code).toBe("SCOPE_ID_MISSING");
  });
});

describe("第十一条 no double-dipping", () => {
  const investment = (id: string, clauseId: string, factDate: string, input: Record<string, unknown>): ClaimIn => ({
    id,
    clauseId,
    factDate,
    projectId: "studio-1",
    input,
  });
  const flows = { annualOnlineRetail: "8000000", sellsPingguFarmProductsOut: true, bringsIndustrialProductsIn: false, liveRoomAndColdChainInvestment: "1000000" };
  const immersive = { immersiveSceneWithNewTechnology: true, reviewedOutstandingAndReplicable: true, actualInvestment: "1000000" };

  it("the same project under two clauses is paid once, under the clause that gives the most", () => {
    const decision = run([
      investment("d1", "art4.2", "2025-05-01", immersive),
      investment("d2", "art4.1-investment", "2025-06-01", flows),
    ]);
    expect(claimOf(decision, "d2")).toMatchObject({ status: "awarded", amount: "400000.00" });
    const refused = claimOf(decision, "d1");
    expect(refused.status).toBe("duplicate");
    expect(refused.paidInstead).toEqual({ id: "d2", clauseId: "art4.1-investment", source: "claim" });
    expect(refused.reasons[0]?.en).toContain("art4.1-investment");
    expect(refused.citations.map((c) => c.labelZh)).toContain("第十一条");
  });

  it("A7 first-claimed pays the earliest claim; allow pays both", () => {
    const claims = [investment("d1", "art4.2", "2025-05-01", immersive), investment("d2", "art4.1-investment", "2025-06-01", flows)];
    const first = run(claims, [], {}, { switches: { intraMeasuresDuplicates: "first-claimed" } });
    expect(claimOf(first, "d1").amount).toBe("200000.00");
    expect(claimOf(first, "d2").status).toBe("duplicate");
    const allow = run(claims, [], {}, { switches: { intraMeasuresDuplicates: "allow" } });
    expect(allow.totals.overall).toBe("600000.00");
  });

  it("a project already paid in the grant history is refused", () => {
    const history = [{ id: "g9", clauseId: "art4.2", factDate: "2025-04-01", amount: "200000", projectId: "studio-1" }];
    const result = claimOf(run([investment("d2", "art4.1-investment", "2025-06-01", flows)], history), "d2");
    expect(result).toMatchObject({ status: "duplicate", paidInstead: { id: "g9", clauseId: "art4.2", source: "history" } });
  });

  it("support under another Pinggu policy is refused with that policy named", () => {
    const result = claimOf(
      run([{ ...investment("d2", "art4.1-investment", "2025-06-01", flows), otherPolicySupport: { policy: "平谷区促进农业产业发展若干措施" } }]),
      "d2",
    );
    expect(result.status).toBe("duplicate");
    expect(result.reasons[0]).toMatchObject({ code: "SUPPORTED_BY_OTHER_POLICY", article: "第十一条" });
    expect(result.reasons[0]?.zh).toContain("平谷区促进农业产业发展若干措施");
  });

  it("support under another policy declared on one claim of a project refuses every claim of that project", () => {
    const decision = run([
      { ...investment("d1", "art4.1-investment", "2025-05-01", flows), otherPolicySupport: { policy: "平谷区XX政策" } },
      investment("d2", "art4.2", "2025-06-01", immersive),
      { ...investment("d3", "art4.2", "2025-07-01", immersive), projectId: "studio-2" },
    ]);
    expect(claimOf(decision, "d1").status).toBe("duplicate");
    const sibling = claimOf(decision, "d2");
    expect(sibling).toMatchObject({ status: "duplicate", amount: "0.00", paidInstead: null });
    expect(sibling.reasons[0]).toMatchObject({ code: "SUPPORTED_BY_OTHER_POLICY", article: "第十一条" });
    expect(sibling.reasons[0]?.en).toContain("declared on claim d1");
    expect(sibling.reasons[0]?.zh).toContain("平谷区XX政策");
    // Another project of the same applicant is not touched.
    expect(claimOf(decision, "d3")).toMatchObject({ status: "awarded", amount: "200000.00" });
    expect(decision.totals.overall).toBe("200000.00");
  });

  describe("a later 就高 winner is paid at its own date: the caps across claims run in date order", () => {
    // A: art4.1-investment, April, project P; C: art4.2, June, project Q, 400,000; B: art4.2, September,
    // project P (A's twin), 200,000 before the art4.2 cap of 500,000 per enterprise per calendar year.
    const a = (investment: string): ClaimIn => ({ id: "A", clauseId: "art4.1-investment", factDate: "2025-04-01", projectId: "P", input: { ...flows, liveRoomAndColdChainInvestment: investment } });
    const c: ClaimIn = { id: "C", clauseId: "art4.2", factDate: "2025-06-01", projectId: "Q", input: { ...immersive, actualInvestment: "2000000" } };
    const b: ClaimIn = { id: "B", clauseId: "art4.2", factDate: "2025-09-01", projectId: "P", input: { ...immersive, actualInvestment: "1000000" } };

    it("B (200,000) beats A (40,000), but C, dated before B, uses the cap first: C 400,000, B reduced to 100,000", () => {
      const decision = run([a("100000"), c, b]);
      expect(claimOf(decision, "A")).toMatchObject({ status: "duplicate", paidInstead: { id: "B", clauseId: "art4.2", source: "claim" } });
      expect(claimOf(decision, "C")).toMatchObject({ status: "awarded", amount: "400000.00" });
      expect(claimOf(decision, "B")).toMatchObject({ status: "reduced", amount: "100000.00", amountBeforeCrossClaimCaps: "200000.00" });
      expect(claimOf(decision, "B").crossClaimCaps[0]).toMatchObject({ headroomBefore: "100000.00", headroomAfter: "0.00", bit: true });
      expect(decision.totals.overall).toBe("500000.00");
    });

    it("whatever the order of the claims in the document", () => {
      expect(run([b, c, a("100000")]).totals.overall).toBe("500000.00");
      expect(claimOf(run([b, a("100000"), c]), "C").amount).toBe("400000.00");
    });

    it("A of 150,000 against B of 200,000: B would actually be paid only 100,000 after C, so A is paid (A13)", () => {
      const decision = run([a("375000"), c, b]);
      expect(claimOf(decision, "A")).toMatchObject({ status: "awarded", amount: "150000.00" });
      expect(claimOf(decision, "B")).toMatchObject({ status: "duplicate", paidInstead: { id: "A", clauseId: "art4.1-investment", source: "claim" } });
      expect(claimOf(decision, "C").amount).toBe("400000.00");
      expect(decision.totals.overall).toBe("550000.00");
    });

    it("A of 100,000 against B: a tie goes to the clause of the earliest claim (A13)", () => {
      const decision = run([a("250000"), c, b]);
      expect(claimOf(decision, "A")).toMatchObject({ status: "awarded", amount: "100000.00" });
      expect(claimOf(decision, "B").status).toBe("duplicate");
    });

    it("a claim of another project dated before the twin takes the one-time scope first: the project is paid under its other clause (A13)", () => {
      // A (art4.2, April, project P) 200,000; W (art3.3, 2025, project P) 400,000, one-time per
      // enterprise; Q (art3.3, 2024, another project) takes the one-time award at its earlier date, so
      // art3.3 would actually pay P nothing: P is paid under art4.2.
      const retail = { selfOperatedOnlineSales: true, annualOnlineRetail: "45000000", growthRate: "0.12", cityAverageGrowthRate: "0.08" };
      const decision = run([
        { ...b, id: "A", factDate: "2025-04-01" },
        { id: "Q", clauseId: "art3.3", factDate: "2025-12-31", projectId: "Q", input: retail },
        { id: "W", clauseId: "art3.3", factDate: "2026-12-31", projectId: "P", input: retail },
      ]);
      expect(claimOf(decision, "A")).toMatchObject({ status: "awarded", amount: "200000.00" });
      expect(claimOf(decision, "W")).toMatchObject({ status: "duplicate", paidInstead: { id: "A", clauseId: "art4.2", source: "claim" } });
      expect(claimOf(decision, "Q")).toMatchObject({ status: "awarded", amount: "400000.00" });
    });

    it("a settled winner's one-time scope is reserved first: a claim of another project dated after it cannot take it", () => {
      const retail = { selfOperatedOnlineSales: true, annualOnlineRetail: "45000000", growthRate: "0.12", cityAverageGrowthRate: "0.08" };
      const decision = run([
        { ...b, id: "A", factDate: "2025-04-01" },
        { id: "W", clauseId: "art3.3", factDate: "2025-12-31", projectId: "P", input: retail },
        { id: "Q", clauseId: "art3.3", factDate: "2026-12-31", projectId: "Q", input: retail },
      ]);
      expect(claimOf(decision, "W")).toMatchObject({ status: "awarded", amount: "400000.00" });
      expect(claimOf(decision, "A")).toMatchObject({ status: "duplicate", paidInstead: { id: "W", clauseId: "art3.3", source: "claim" } });
      expect(claimOf(decision, "Q")).toMatchObject({ status: "duplicate", paidInstead: { id: "W", clauseId: "art3.3", source: "claim" } });
      expect(claimOf(decision, "Q").reasons[0]?.code).toBe("ALREADY_AWARDED_ONCE");
    });

    it("with no claim in between, the winner is paid in full", () => {
      const decision = run([a("100000"), b]);
      expect(claimOf(decision, "B")).toMatchObject({ status: "awarded", amount: "200000.00" });
      expect(claimOf(decision, "A").status).toBe("duplicate");
    });
  });
});

describe("caps per project (art6.2, art7.1-logistics): across the claims of one project under the clause", () => {
  const event = (id: string, factDate: string, actualCost: string, projectId?: string): ClaimIn => ({
    id,
    clauseId: "art6.2",
    factDate,
    ...(projectId === undefined ? {} : { projectId }),
    input: { publicBasicServiceEvent: true, actualCost },
  });
  const logistics = (id: string, factDate: string, auditedInvestment: string, projectId?: string): ClaimIn => ({
    id,
    clauseId: "art7.1-logistics",
    factDate,
    ...(projectId === undefined ? {} : { projectId }),
    input: { logisticsFacilityBuiltOrUpgraded: true, auditedInvestment },
  });

  // Under A17's alternative reading (art6_2ProjectScope "cumulative"); by default art6.2 pays a project
  // once (test/evaluate-clause-scopes.test.ts).
  const cumulative: EditionOverride = { switches: { art6_2ProjectScope: "cumulative" } };

  it("art6.2 (cumulative): two cost tranches of one event, 200,000 each, share its 300,000: 200,000 then 100,000", () => {
    const decision = run([event("e2", "2025-06-01", "400000", "expo"), event("e1", "2025-05-01", "400000", "expo")], [], {}, cumulative);
    expect(claimOf(decision, "e1")).toMatchObject({ status: "awarded", amount: "200000.00" });
    const second = claimOf(decision, "e2");
    expect(second).toMatchObject({ status: "reduced", amount: "100000.00", amountBeforeCrossClaimCaps: "200000.00" });
    expect(second.crossClaimCaps).toEqual([
      { id: "art6.2/per-project", scope: "per-project", period: "project:expo", limit: "300000.00", headroomBefore: "100000.00", headroomAfter: "0.00", bit: true },
    ]);
    expect(second.reasons.map((r) => r.code)).toEqual(["CROSS_CLAIM_CAP_APPLIED"]);
  });

  it("art6.2 (cumulative): two events (two project ids), or claims without a project id, are capped each on its own", () => {
    expect(run([event("e1", "2025-05-01", "400000", "expo"), event("e2", "2025-06-01", "400000", "contest")], [], {}, cumulative).totals.overall).toBe("400000.00");
    expect(run([event("e1", "2025-05-01", "400000"), event("e2", "2025-06-01", "400000")], [], {}, cumulative).totals.overall).toBe("400000.00");
  });

  it("art7.1-logistics: two phases of one centre, 300,000 each before the cap, share its 500,000: 300,000 then 200,000", () => {
    const decision = run([logistics("l1", "2025-05-01", "600000", "centre"), logistics("l2", "2026-05-01", "600000", "centre")]);
    expect(claimOf(decision, "l1")).toMatchObject({ status: "awarded", amount: "300000.00" });
    expect(claimOf(decision, "l2")).toMatchObject({ status: "reduced", amount: "200000.00" });
    expect(decision.totals.overall).toBe("500000.00");
  });

  it("a grant for the project in the history under the same clause counts towards its cap", () => {
    const history = [{ id: "g1", clauseId: "art7.1-logistics", factDate: "2025-05-01", amount: "300000", projectId: "centre" }];
    const decision = run([logistics("l2", "2026-05-01", "600000", "centre")], history);
    expect(claimOf(decision, "l2")).toMatchObject({ status: "reduced", amount: "200000.00" });
    const full = run([logistics("l3", "2026-05-01", "600000", "centre")], [{ ...history[0]!, amount: "500000" }]);
    expect(claimOf(full, "l3")).toMatchObject({ status: "reduced", amount: "0.00" });
  });

  it("a grant for the project in the history under another clause refuses it (第十一条)", () => {
    const history = [{ id: "g1", clauseId: "art4.1-investment", factDate: "2025-05-01", amount: "300000", projectId: "centre" }];
    const result = claimOf(run([logistics("l2", "2026-05-01", "600000", "centre")], history), "l2");
    expect(result).toMatchObject({ status: "duplicate", paidInstead: { id: "g1", clauseId: "art4.1-investment", source: "history" } });
  });

  it("a project under two clauses is paid under the one that gives the most, all its claims under that clause", () => {
    const store = { id: "s1", clauseId: "art4.2", factDate: "2025-06-01", projectId: "centre", input: { immersiveSceneWithNewTechnology: true, reviewedOutstandingAndReplicable: true, actualInvestment: "500000" } };
    const decision = run([logistics("l1", "2025-05-01", "600000", "centre"), store, logistics("l2", "2025-07-01", "600000", "centre")]);
    expect(claimOf(decision, "l1")).toMatchObject({ status: "awarded", amount: "300000.00" });
    expect(claimOf(decision, "s1")).toMatchObject({ status: "duplicate", paidInstead: { id: "l1", clauseId: "art7.1-logistics" } });
    expect(claimOf(decision, "l2")).toMatchObject({ status: "reduced", amount: "200000.00" });
  });

  it("two claims of one project under one clause are both paid, within the clause's cap (no 第十一条 within one clause)", () => {
    const flows = { annualOnlineRetail: "8000000", sellsPingguFarmProductsOut: true, liveRoomAndColdChainInvestment: "1000000" };
    const decision = run([
      { id: "i1", clauseId: "art4.1-investment", factDate: "2025-05-01", projectId: "studio", input: flows },
      { id: "i2", clauseId: "art4.1-investment", factDate: "2025-08-01", projectId: "studio", input: flows },
    ]);
    expect(claimOf(decision, "i1")).toMatchObject({ status: "awarded", amount: "400000.00" });
    // A12: the 500,000 binds the enterprise over the term, so the second is reduced, not refused.
    expect(claimOf(decision, "i2")).toMatchObject({ status: "reduced", amount: "100000.00", paidInstead: null });
  });

  it("art3.1, once per park: the same park claimed twice is refused as already awarded, not as a duplicate of another clause", () => {
    const park = (id: string, factDate: string): ClaimIn => ({ id, clauseId: "art3.1", factDate, projectId: "park-A", input: { usedArea: "4000", annualOnlineRetail: "600000000", investment: "3000000" } });
    const second = claimOf(run([park("p1", "2025-06-01"), park("p2", "2025-07-01")]), "p2");
    expect(second).toMatchObject({ status: "duplicate", paidInstead: { id: "p1", clauseId: "art3.1", source: "claim" } });
    expect(second.reasons[0]?.code).toBe("ALREADY_AWARDED_ONCE");
  });
});

describe("第十四条 the validity window", () => {
  it("published 2025-03-01: valid through 2027-02-28, both ends included", () => {
    const decision = run([
      session("before", "2025-02-28", "1000000"),
      session("first", "2025-03-01", "1000000"),
      session("last", "2027-02-28", "1000000"),
      session("after", "2027-03-01", "1000000"),
    ]);
    expect(decision.window).toEqual({ from: "2025-03-01", to: "2027-02-28", basis: "day-before-anniversary" });
    expect(claimOf(decision, "before").status).toBe("out-of-window");
    expect(claimOf(decision, "first").status).toBe("awarded");
    expect(claimOf(decision, "last").status).toBe("awarded");
    const after = claimOf(decision, "after");
    expect(after.status).toBe("out-of-window");
    expect(after.reasons[0]?.en).toContain("2025-03-01 to 2027-02-28");
  });

  it("published 2024-02-29: valid through 2026-02-28 (not 2026-02-27)", () => {
    const edition = deriveEdition({ publishedOn: "2024-02-29" });
    const decision = evaluate(application([session("a", "2026-02-28", "1000000"), session("b", "2026-03-01", "1000000")]), edition);
    expect(decision.window.to).toBe("2026-02-28");
    expect(claimOf(decision, "a").status).toBe("awarded");
    expect(claimOf(decision, "b").status).toBe("out-of-window");
  });

  it("A1 civil-code-anniversary ends on the anniversary; an explicit validUntil wins", () => {
    expect(run([session("a", "2027-03-01", "1000000")], [], {}, { switches: { validityEnd: "civil-code-anniversary" } }).window.to).toBe(
      "2027-03-01",
    );
    const explicit = run([session("a", "2026-12-31", "1000000")], [], {}, { validUntil: "2026-06-30" });
    expect(explicit.window).toMatchObject({ to: "2026-06-30", basis: "explicit-valid-until" });
    expect(claimOf(explicit, "a").status).toBe("out-of-window");
  });

  it("the draft without a publication date is refused with a hint", () => {
    expect(() => evaluate(application([]), DRAFT_EDITION)).toThrow(/edition\.publishedOn/);
  });
});

describe("第二条 / 第十条 / 第九条 / 第十三条 — applicant-level findings apply to every claim", () => {
  const claims = [session("s1", "2025-05-01", "2000000"), session("s2", "2025-06-01", "2000000")];

  it("not registered in Pinggu: every claim ineligible citing 第二条", () => {
    const decision = run(claims, [], { registeredInPinggu: false });
    for (const c of decision.claims) {
      expect(c.status).toBe("ineligible");
      expect(c.reasons[0]?.code).toBe("NOT_REGISTERED_IN_PINGGU");
      expect(c.citations.map((x) => x.labelZh)).toContain("第二条");
    }
    expect(decision.totals.overall).toBe("0.00");
  });

  it("registration unknown: undetermined, never read as false", () => {
    const decision = run(claims, [], { registeredInPinggu: null });
    expect(decision.claims.map((c) => c.status)).toEqual(["undetermined", "undetermined"]);
    expect(decision.claims[0]?.reasons[0]?.en).toContain("applicant.registeredInPinggu");
  });

  it("restricted catalogue, major accident, other review finding: excluded, citing the circumstance", () => {
    expect(run(claims, [], { restrictedCatalogue: true }).claims[0]?.reasons[0]).toMatchObject({
      code: "EXCLUDED_RESTRICTED_CATALOGUE",
      article: "第十条第（一）种情形",
    });
    expect(run(claims, [], { majorAccident: true }).claims[0]?.status).toBe("excluded");
    const review = run(claims, [], { otherReviewFinding: { reason: "拖欠职工工资" } }).claims[0];
    expect(review?.status).toBe("excluded");
    expect(review?.reasons[0]?.zh).toContain("拖欠职工工资");
  });

  it("a misconduct finding stops all new support and lists the tied grants to recover", () => {
    const history = [
      { id: "g1", clauseId: "art4.1-session", factDate: "2025-04-01", amount: "30000" },
      { id: "g2", clauseId: "art3.2-mofcom", factDate: "2025-04-02", amount: "200000" },
    ];
    const decision = run(claims, history, {
      misconductFindings: [{ kind: "false-data", foundOn: "2025-08-01", description: "虚报直播成交额", grants: ["g1"] }],
    });
    expect(decision.claims.every((c) => c.status === "excluded")).toBe(true);
    expect(decision.recoveries.items.map((i) => i.grantId)).toEqual(["g1"]);
    expect(decision.recoveries.total).toBe("30000.00");
    expect(decision.recoveries.citations.map((c) => c.labelZh)).toEqual(["第九条", "第十三条"]);
    const all = run([], history, { misconductFindings: [{ kind: "illegal-transfer", foundOn: "2025-08-01", description: "违规转让", grants: "all" }] });
    expect(all.recoveries.total).toBe("230000.00");
  });

  it("a finding naming an unknown grant is a validation error", () => {
    expect(() =>
      run([], [], { misconductFindings: [{ kind: "false-data", foundOn: "2025-08-01", description: "x", grants: ["nope"] }] }),
    ).toThrow(/applicant\.misconductFindings\[0\]\.grants\[0\]/);
  });
});

describe("validation of the whole document", () => {
  it("carries every issue at once, each with its path", () => {
    try {
      evaluate(
        {
          applicant: { name: "", creditCode: "91110117MA01ABCD1X" },
          claims: [
            { id: "a", clauseId: "art9", factDate: "2025-02-30", input: {} },
            { id: "b", clauseId: "art4.1-session", factDate: "2025-05-01", input: { sessionTurnover: "1,000,000" } },
          ],
        },
        EDITION,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyValidationError);
      const paths = (error as PolicyValidationError).issues.map((i) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining(["applicant.name", "applicant.creditCode", "claims[0].clauseId", "claims[0].factDate", "claims[1].input.sessionTurnover"]),
      );
    }
  });

  it("an unknown field anywhere in the document is answered with the fields known there", () => {
    const issuesOf = (document: unknown) => {
      try {
        evaluate(document, EDITION);
      } catch (error) {
        return (error as PolicyValidationError).issues;
      }
      throw new Error("accepted");
    };
    const find = (document: unknown, path: string) => issuesOf(document).find((issue) => issue.path === path);
    expect(find({ ...application([]), histroy: [] }, "histroy")).toMatchObject({ code: "unknown_field" });
    expect(find({ ...application([]), histroy: [] }, "histroy")?.expected).toContain("known fields: applicant, claims, history");
    const claim = { ...session("s1", "2025-05-01", "1000000"), extra: 1 };
    expect(find(application([claim]), "claims[0].extra")?.expected).toContain("known fields: id, clauseId, factDate, paymentDate, projectId, productId, otherPolicySupport, input");
    const support = { ...session("s1", "2025-05-01", "1000000"), otherPolicySupport: { policy: "p", amout: "1" } };
    expect(find(application([support]), "claims[0].otherPolicySupport.amout")?.expected).toContain("known fields: policy, amount");
    const grant = { id: "g1", clauseId: "art4.2", factDate: "2025-04-01", amount: "1", paid: true };
    expect(find(application([], [grant]), "history[0].paid")?.expected).toMatch(/known fields: id, clauseId, factDate/);
    expect(find(application([], [], { nmae: "x" }), "applicant.nmae")?.expected).toMatch(/known fields: name, creditCode/);
  });

  it("a claim's facts that are not an object ask for an object, in both languages", () => {
    const [issue] = (() => {
      try {
        evaluate(application([{ ...session("s1", "2025-05-01", "1000000"), input: true as unknown as Record<string, unknown> }]), EDITION);
      } catch (error) {
        return (error as PolicyValidationError).issues;
      }
      throw new Error("accepted");
    })();
    expect(issue).toMatchObject({ path: "claims[0].input", expected: "an object (JSON {…})", expectedZh: "对象（JSON {…}）" });
  });

  it("duplicate claim ids are refused naming the first use", () => {
    expect(() => run([session("s1", "2025-05-01", "1000000"), session("s1", "2025-06-01", "1000000")])).toThrow(/claims\[1\]\.id/);
  });

  it("a credit code with a wrong check character is refused; the GB 32100 example is accepted", () => {
    expect(() => evaluate(application([], [], { creditCode: "91350100M000100Y44" }), EDITION)).toThrow(/check character/);
    expect(evaluate(application([], [], { creditCode: "91350100M000100Y43" }), EDITION).applicant.creditCode).toBe("91350100M000100Y43");
  });
});

describe("the decision document", () => {
  it("carries the edition, its switches, the window and an audit stamp that is stable", () => {
    const app = application([session("s1", "2025-05-01", "1000000")]);
    const a = evaluate(app, EDITION);
    const b = evaluate(JSON.parse(JSON.stringify(app)), EDITION);
    expect(a.audit).toEqual(b.audit);
    expect(a.audit.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.edition.switches.intraMeasuresDuplicates).toBe("highest");
    const other = evaluate(app, deriveEdition({ publishedOn: "2025-03-01", parameters: { "art4.1-session": { rate: "0.02" } } }));
    expect(other.audit.editionHash).not.toBe(a.audit.editionHash);
    expect(claimOf(other, "s1").amount).toBe("20000.00");
  });

  it("totals add up by clause, by year and overall", () => {
    const decision = run([session("s1", "2025-05-01", "1000000"), session("s2", "2026-05-01", "2000000"), baseClaim("b1", "2025-07-01", "100000")]);
    expect(decision.totals.byClause).toEqual({ "art3.2": "30000.00", "art4.1-session": "30000.00" });
    expect(decision.totals.byYear).toEqual({ "2025": "40000.00", "2026": "20000.00" });
    expect(decision.totals.overall).toBe("60000.00");
    expect(decision.totals.byStatus.awarded).toBe(3);
  });
});
