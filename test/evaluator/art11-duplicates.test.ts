/**
 * 第十一条 within the measures (A13–A15): a project claimed under several clauses is paid under the
 * clause that would actually pay it the most — all its claims under that clause, after every cap, one-
 * time scope and the grant history; an undetermined twin keeps the whole project undetermined; the
 * MOFCOM award stacks on art3.2 and is no project's twin. Edition: published 2025-03-01.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, type Decision } from "../../src/evaluate.js";
import { Dec, type Decimal, formatMoney, ZERO } from "../../src/kernel/decimal.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { listRules } from "../../src/measures/registry.js";
import { DRAFT_EDITION } from "../../src/measures/edition-draft.js";
import { datedAsRequired } from "../helpers.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const applicant = { name: "某直播电商企业", creditCode: "91110117MA06BRND0Y", registeredInPinggu: true, liveCommerceBusiness: true };

type Facts = Record<string, unknown>;
interface ClaimIn {
  readonly id: string;
  readonly clauseId: string;
  readonly factDate: string;
  readonly projectId?: string;
  readonly input: Facts;
}

const immersive = (actualInvestment: string): Facts => ({ immersiveSceneWithNewTechnology: true, reviewedOutstandingAndReplicable: true, actualInvestment });
const flows = (liveRoomAndColdChainInvestment: string): Facts => ({
  annualOnlineRetail: "8000000",
  sellsPingguFarmProductsOut: true,
  bringsIndustrialProductsIn: false,
  liveRoomAndColdChainInvestment,
});
const sessionFacts = (sessionTurnover: string): Facts => ({ pingguGoodsSpecialSession: true, sessionTurnover });
const event = (actualCost?: string): Facts => ({ publicBasicServiceEvent: true, ...(actualCost === undefined ? {} : { actualCost }) });

const claim = (id: string, clauseId: string, factDate: string, input: Facts, projectId?: string): ClaimIn => ({
  id,
  clauseId,
  factDate,
  ...(projectId === undefined ? {} : { projectId }),
  input,
});

function run(claims: readonly ClaimIn[], history: readonly unknown[] = [], edition = EDITION): Decision {
  return evaluate({ applicant, claims, history }, edition);
}
const byId = (decision: Decision, id: string) => decision.claims.find((c) => c.claimId === id)!;

describe("A13: 就高 on what each clause would actually pay the project", () => {
  it("two claims of the project under one clause are compared together: 2 sessions (60,000) beat one art4.2 claim (50,000)", () => {
    const decision = run([
      claim("s1", "art4.1-session", "2025-04-01", sessionFacts("3000000"), "P"),
      claim("s2", "art4.1-session", "2025-05-01", sessionFacts("3000000"), "P"),
      claim("d1", "art4.2", "2025-04-15", immersive("250000"), "P"),
    ]);
    expect(byId(decision, "s1")).toMatchObject({ status: "awarded", amount: "30000.00" });
    expect(byId(decision, "s2")).toMatchObject({ status: "awarded", amount: "30000.00" });
    expect(byId(decision, "d1")).toMatchObject({ status: "duplicate", paidInstead: { id: "s1", clauseId: "art4.1-session", source: "claim" } });
  });

  it("a claim of another project dated in between that uses up the cap: the other clause pays the project", () => {
    // X (art4.2, no project) takes 500,000 of art4.2's 2025 cap in May; P's art4.2 claim (June) would be
    // paid 0, its art4.1-investment claim 100,000: P is paid 100,000, not 0.
    const decision = run([
      claim("a", "art4.1-investment", "2025-04-01", flows("250000"), "P"),
      claim("x", "art4.2", "2025-05-01", immersive("3000000")),
      claim("b", "art4.2", "2025-06-01", immersive("1000000"), "P"),
    ]);
    expect(byId(decision, "a")).toMatchObject({ status: "awarded", amount: "100000.00" });
    expect(byId(decision, "b")).toMatchObject({ status: "duplicate", paidInstead: { id: "a", clauseId: "art4.1-investment" } });
    expect(byId(decision, "x")).toMatchObject({ status: "awarded", amount: "500000.00" });
  });

  it("the history counts: a clause whose annual cap the history used up pays nothing", () => {
    const history = [{ id: "g1", clauseId: "art4.2", factDate: "2025-03-10", amount: "450000" }];
    const decision = run([claim("a", "art4.1-investment", "2025-04-01", flows("250000"), "P"), claim("b", "art4.2", "2025-06-01", immersive("1000000"), "P")], history);
    expect(byId(decision, "a").amount).toBe("100000.00");
    expect(byId(decision, "b").status).toBe("duplicate");
  });

  it("ties go to the clause of the earliest claim", () => {
    const decision = run([claim("b", "art4.2", "2025-06-01", immersive("500000"), "P"), claim("a", "art4.1-investment", "2025-04-01", flows("250000"), "P")]);
    expect(byId(decision, "a")).toMatchObject({ status: "awarded", amount: "100000.00" });
    expect(byId(decision, "b").status).toBe("duplicate");
  });

  it("projects are settled in the order of their earliest fact date; a later one sees the earlier one's amounts reserved", () => {
    // P1 (April) and P2 (May) each have an art4.2 claim of 300,000 and a smaller art4.1-investment one.
    // P1 settles first under art4.2 (300,000); art4.2's 2025 cap then has 200,000 for P2, which beats
    // P2's 150,000 under art4.1-investment.
    const decision = run([
      claim("p2-d", "art4.2", "2025-05-01", immersive("1500000"), "P2"),
      claim("p2-i", "art4.1-investment", "2025-05-02", flows("375000"), "P2"),
      claim("p1-d", "art4.2", "2025-06-01", immersive("1500000"), "P1"),
      claim("p1-i", "art4.1-investment", "2025-04-01", flows("250000"), "P1"),
    ]);
    expect(byId(decision, "p1-d")).toMatchObject({ status: "awarded", amount: "300000.00" });
    expect(byId(decision, "p1-i").status).toBe("duplicate");
    expect(byId(decision, "p2-d")).toMatchObject({ status: "reduced", amount: "200000.00" });
    expect(byId(decision, "p2-i").status).toBe("duplicate");
    expect(decision.totals.overall).toBe("500000.00");
  });

  it("a settled project is never cut by a claim dated before it: its amount is reserved first", () => {
    const decision = run([
      claim("x", "art4.2", "2025-03-15", immersive("1500000")),
      claim("a", "art4.1-investment", "2025-04-01", flows("250000"), "P"),
      claim("b", "art4.2", "2025-06-01", immersive("2000000"), "P"),
    ]);
    // Trial under art4.2: x 300,000 first, then b 200,000 (> a's 100,000). Final: b's 200,000 reserved.
    expect(byId(decision, "b")).toMatchObject({ status: "reduced", amount: "200000.00" });
    expect(byId(decision, "b").crossClaimCaps[0]).toMatchObject({ headroomBefore: "200000.00", bit: true });
    expect(byId(decision, "x")).toMatchObject({ status: "awarded", amount: "300000.00" });
  });

  it("a project paid under one clause in the history is paid under that clause only", () => {
    const history = [{ id: "g1", clauseId: "art4.2", factDate: "2025-03-10", amount: "100000", projectId: "P" }];
    const decision = run([claim("a", "art4.1-investment", "2025-04-01", flows("1000000"), "P"), claim("b", "art4.2", "2025-06-01", immersive("1000000"), "P")], history);
    expect(byId(decision, "a")).toMatchObject({ status: "duplicate", paidInstead: { id: "g1", clauseId: "art4.2", source: "history" } });
    expect(byId(decision, "b")).toMatchObject({ status: "awarded", amount: "200000.00" });
  });

  it("A7 first-claimed: the clause of the earliest claim, whatever the others would pay", () => {
    const edition = deriveEdition({ publishedOn: "2025-03-01", switches: { intraMeasuresDuplicates: "first-claimed" } });
    const decision = run([claim("a", "art4.1-investment", "2025-04-01", flows("100000"), "P"), claim("b", "art4.2", "2025-06-01", immersive("2000000"), "P")], [], edition);
    expect(byId(decision, "a")).toMatchObject({ status: "awarded", amount: "40000.00" });
    expect(byId(decision, "b").status).toBe("duplicate");
  });

  it("A7 allow: every clause pays", () => {
    const edition = deriveEdition({ publishedOn: "2025-03-01", switches: { intraMeasuresDuplicates: "allow" } });
    const decision = run([claim("a", "art4.1-investment", "2025-04-01", flows("100000"), "P"), claim("b", "art4.2", "2025-06-01", immersive("2000000"), "P")], [], edition);
    expect(decision.totals.overall).toBe("440000.00");
  });
});

describe("A14: an undetermined twin keeps the project undetermined", () => {
  it("every claim of the project is undetermined, naming the twin whose facts are missing", () => {
    const decision = run([claim("d", "art4.2", "2025-04-01", immersive("2000000"), "P"), claim("e", "art6.2", "2025-05-01", event(), "P")]);
    const d = byId(decision, "d");
    expect(d).toMatchObject({ status: "undetermined", amount: null });
    expect(d.reasons[0]).toMatchObject({ code: "TWIN_UNDETERMINED", article: "第十一条" });
    expect(d.reasons[0]?.en).toContain("e (art6.2)");
    expect(d.reasons[0]?.zh).toContain("e (art6.2)");
    expect(byId(decision, "e")).toMatchObject({ status: "undetermined" });
    expect(byId(decision, "e").reasons[0]?.code).toBe("FACTS_MISSING");
    expect(decision.totals.overall).toBe("0.00");
  });

  it("even where the twin could not have won: the applicant completes or withdraws it", () => {
    // art6.2 is capped at 300,000: it could never beat art4.2's 500,000. Still undetermined.
    const decision = run([claim("d", "art4.2", "2025-04-01", immersive("5000000"), "P"), claim("e", "art6.2", "2025-05-01", event(), "P")]);
    expect(byId(decision, "d").status).toBe("undetermined");
  });

  it("completing the twin decides the project", () => {
    const decision = run([claim("d", "art4.2", "2025-04-01", immersive("2000000"), "P"), claim("e", "art6.2", "2025-05-01", event("100000"), "P")]);
    expect(byId(decision, "d")).toMatchObject({ status: "awarded", amount: "400000.00" });
    expect(byId(decision, "e").status).toBe("duplicate");
  });

  it("an undetermined claim under the project's only clause is no twin: the others are paid", () => {
    const decision = run([claim("e1", "art6.2", "2025-04-01", event("100000"), "P"), claim("e2", "art6.2", "2025-05-01", event(), "P")]);
    expect(byId(decision, "e1")).toMatchObject({ status: "awarded", amount: "50000.00" });
    expect(byId(decision, "e2").status).toBe("undetermined");
  });

  it("an ineligible twin is no obstacle: it keeps its own status and the other clause pays", () => {
    const decision = run([claim("d", "art4.2", "2025-04-01", immersive("2000000"), "P"), claim("e", "art6.2", "2025-05-01", { publicBasicServiceEvent: false, actualCost: "100" }, "P")]);
    expect(byId(decision, "d")).toMatchObject({ status: "awarded", amount: "400000.00" });
    expect(byId(decision, "e").status).toBe("ineligible");
  });

  it("a missing payment date under payment-year (A10) is undetermined too, and holds the project", () => {
    const edition = deriveEdition({ publishedOn: "2025-03-01", switches: { annualCapYear: "payment-year" } });
    const decision = run(
      [{ ...claim("d", "art4.2", "2025-04-01", immersive("2000000"), "P"), paymentDate: "2025-05-01" } as ClaimIn, claim("e", "art6.2", "2025-05-01", event("100"), "P")],
      [],
      edition,
    );
    expect(byId(decision, "e").reasons[0]?.code).toBe("PAYMENT_DATE_MISSING");
    expect(byId(decision, "d").reasons[0]?.code).toBe("TWIN_UNDETERMINED");
  });
});

describe("A15: the MOFCOM award stacks on art3.2 and belongs to no project", () => {
  const base = { municipalRecognition: true, mofcomRecognition: true, rentCost: "400000", renovationCost: "300000", equipmentCost: "200000" };
  it("art3.2 and art3.2-mofcom with one project id are both paid", () => {
    const decision = run([claim("b", "art3.2", "2025-04-01", base, "P"), claim("m", "art3.2-mofcom", "2025-05-01", { mofcomRecognition: true }, "P")]);
    expect(byId(decision, "b")).toMatchObject({ status: "awarded", amount: "270000.00" });
    expect(byId(decision, "m")).toMatchObject({ status: "awarded", amount: "200000.00" });
  });

  it("a MOFCOM grant in the history with the project id does not refuse the project's art3.2 claim", () => {
    const history = [{ id: "g1", clauseId: "art3.2-mofcom", factDate: "2025-03-10", amount: "200000", projectId: "P" }];
    expect(byId(run([claim("b", "art3.2", "2025-04-01", base, "P")], history), "b").status).toBe("awarded");
  });

  it("a MOFCOM claim with the id of a project claimed under other clauses is no twin of it", () => {
    const decision = run([
      claim("d", "art4.2", "2025-04-01", immersive("1000000"), "P"),
      claim("i", "art4.1-investment", "2025-05-01", flows("100000"), "P"),
      claim("m", "art3.2-mofcom", "2025-05-01", { mofcomRecognition: true }, "P"),
    ]);
    expect(byId(decision, "m")).toMatchObject({ status: "awarded", amount: "200000.00" });
    expect(byId(decision, "d")).toMatchObject({ status: "awarded", amount: "200000.00" });
    expect(byId(decision, "i").paidInstead).toEqual({ id: "d", clauseId: "art4.2", source: "claim" });
  });
});

describe("the ledger's keys never cross clauses (what lets a 就高 trial run one clause's claims only)", () => {
  it("every cap id of every rule starts with its clause id", () => {
    const ctx = { edition: DRAFT_EDITION, params: DRAFT_EDITION.parameters, switches: DRAFT_EDITION.switches, words: {}, dec: (t: string) => new Dec(t) };
    for (const rule of listRules()) for (const cap of rule.caps(ctx as never)) expect(cap.id.startsWith(`${rule.id}/`), cap.id).toBe(true);
  });
});

// -------------------------------------------------------------------------------------------------
// The property: for any application with one multi-clause project, the project is paid the maximum
// over its clauses of what that clause alone would actually pay it — worked out independently by
// evaluating the application with the project restricted to each clause in turn.

const WINDOW_DAYS = 729;
const dateAt = (offset: number): string => new Date(Date.UTC(2025, 2, 1 + offset)).toISOString().slice(0, 10);
const windowDate = fc.integer({ min: 0, max: WINDOW_DAYS }).map(dateAt);
const money = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((fen) => formatMoney(new Dec(fen).div(100)));

const completeBody = fc.oneof(
  money(3_000_000).map((v) => ({ clauseId: "art4.2", input: immersive(v) })),
  money(2_000_000).map((v) => ({ clauseId: "art4.1-investment", input: flows(v) })),
  money(800_000).map((v) => ({ clauseId: "art6.2", input: event(v) })),
  money(8_000_000).map((v) => ({ clauseId: "art4.1-session", input: sessionFacts(v) })),
  money(80_000_000).map((v) => ({
    clauseId: "art3.3",
    input: { selfOperatedOnlineSales: true, annualOnlineRetail: v, growthRate: "0.2", cityAverageGrowthRate: "0.1" },
  })),
);

const projectClaims = fc
  .array(fc.record({ body: completeBody, date: windowDate }), { minLength: 2, maxLength: 4 })
  .filter((list) => new Set(list.map((c) => c.body.clauseId)).size >= 2)
  .map((list) => list.map(({ body, date }, i) => datedAsRequired(claim(`p${i}`, body.clauseId, date, body.input, "P"))));

// The other claims belong to no project, or to a project of one clause (one multi-clause project only).
const otherClaims = fc
  .array(fc.record({ body: completeBody, date: windowDate, project: fc.constantFrom(undefined, "Q1", "Q2") }), { maxLength: 6 })
  .map((list) =>
    list.map(({ body, date, project }, i) =>
      datedAsRequired(claim(`o${i}`, body.clauseId, date, body.input, project === undefined ? undefined : `${project}-${body.clauseId}`)),
    ),
  );

const historyArb = fc.array(
  fc.record({
    clauseId: fc.constantFrom("art4.2", "art4.1-session", "art3.3", "art6.2"),
    date: fc.integer({ min: 0, max: 300 }).map(dateAt),
    amount: money(400_000),
    project: fc.constantFrom(undefined, "P", "Q1-art4.2"),
  }),
  { maxLength: 2 },
);

const paidTo = (decision: Decision, project: readonly ClaimIn[]): string =>
  formatMoney(
    decision.claims
      .filter((c) => project.some((p) => p.id === c.claimId))
      .reduce((sum, c) => (c.amount === null ? sum : sum.plus(c.amount)), ZERO),
  );

describe("A13 as a property", () => {
  it("the project is paid the most that any one of its clauses alone would actually pay it", () => {
    fc.assert(
      fc.property(projectClaims, otherClaims, historyArb, (project, others, grants) => {
        const history = grants.map((g, i) => ({
          id: `g${i}`,
          clauseId: g.clauseId,
          factDate: g.clauseId === "art3.3" ? `${g.date.slice(0, 4)}-12-31` : g.date,
          amount: g.amount,
          ...(g.project === undefined ? {} : { projectId: g.project }),
        }));
        const whole = run([...project, ...others], history);
        const clauses = [...new Set(project.map((c) => c.clauseId))];
        const alone = clauses.map((clauseId) => {
          const mine = project.filter((c) => c.clauseId === clauseId);
          return new Dec(paidTo(run([...mine, ...others], history), mine));
        });
        const best = alone.reduce((a, b) => (b.gt(a) ? b : a), ZERO);
        expect(paidTo(whole, project)).toBe(formatMoney(best));
        // The others lose nothing to the project beyond what its winning clause alone takes.
        // Ties go to the clause of the earliest claim (ledger order: fact date, then id).
        const inOrder = [...project].sort((a, b) => (a.factDate < b.factDate ? -1 : a.factDate > b.factDate ? 1 : a.id < b.id ? -1 : 1));
        const winner = inOrder.find((c) => (alone[clauses.indexOf(c.clauseId)] as Decimal).eq(best))?.clauseId as string;
        const restricted = run([...project.filter((c) => c.clauseId === winner), ...others], history);
        for (const o of others) expect(byId(whole, o.id).amount, o.id).toBe(byId(restricted, o.id).amount);
      }),
      { numRuns: 300 },
    );
  });
});
