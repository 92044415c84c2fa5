/**
 * Properties of evaluate() over generated applications (INTERPRETATION.md §3, §5, §6):
 * input order never matters, totals add up exactly, money is well formed, caps across claims and the
 * grant history hold, evaluation is deterministic, an unrelated claim changes nothing, and no claim is
 * paid more than its clause gives.
 *
 * Applications: a valid applicant; 1–15 claims drawn from art4.1-session, art3.2, art4.2,
 * art7.1-express and art3.3, with amounts clustered near thresholds and caps, fact dates inside the
 * window of an edition published 2025-03-01 (clustered at year ends), optional project ids from a pool
 * of three; 0–4 grants of history.
 */
import Big from "big.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ClaimDecision, type Decision, evaluate } from "../src/evaluate.js";
import { usccCheckCharacter } from "../src/kernel/uscc.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { datedAsRequired } from "./helpers.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const CODE = `91110117MA01PGLC0${usccCheckCharacter("91110117MA01PGLC0") as string}`;
/** Runs per property; raise it for a longer hunt: PROPERTY_RUNS=5000 npx vitest run test/evaluate.properties.test.ts */
const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 150);

type Facts = Record<string, unknown>;

interface ClaimIn {
  readonly id: string;
  readonly clauseId: string;
  readonly factDate: string;
  readonly projectId?: string;
  readonly input: Facts;
}

interface GrantIn {
  readonly id: string;
  readonly clauseId: string;
  readonly factDate: string;
  readonly amount: string;
  readonly projectId?: string;
}

interface AppIn {
  readonly applicant: Facts;
  readonly claims: readonly ClaimIn[];
  readonly history: readonly GrantIn[];
}

// -------------------------------------------------------------------------------------------------
// Generators.

const DAY = 86_400_000;
const WINDOW_START = Date.UTC(2025, 2, 1);

/** 2025-03-01 plus `offset` days; 729 is 2027-02-28, the last day of the window. */
function dateAt(offset: number): string {
  return new Date(WINDOW_START + offset * DAY).toISOString().slice(0, 10);
}

const windowDate = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 729 }).map(dateAt) },
  { weight: 1, arbitrary: fc.constantFrom("2025-03-01", "2025-12-31", "2026-01-01", "2026-06-30", "2026-12-31", "2027-01-01", "2027-02-28") },
);

/** A money string with two places, clustered near `points` (one fen, a few fen, a few per cent away), or anywhere in [0, max]. */
function moneyNear(points: readonly string[], max: string) {
  const fen = fc
    .tuple(fc.constantFrom(...points), fc.integer({ min: -3, max: 3 }))
    .map(([point, offset]) => new Big(point).plus(new Big(offset).div(100)));
  const percent = fc
    .tuple(fc.constantFrom(...points), fc.integer({ min: -15, max: 15 }))
    .map(([point, offset]) => new Big(point).times(new Big(100 + offset).div(100)));
  const anywhere = fc.bigInt({ min: 0n, max: BigInt(max) * 100n }).map((value) => new Big(value.toString()).div(100));
  return fc
    .oneof({ weight: 2, arbitrary: fen }, { weight: 2, arbitrary: percent }, { weight: 1, arbitrary: anywhere })
    .map((value) => (value.lt(0) ? new Big(0) : value).round(2, Big.roundDown).toFixed(2));
}

/** A fact: usually true, sometimes false (ineligible), sometimes unknown (undetermined). */
const mostlyTrue = fc.constantFrom<boolean | null>(true, true, true, true, true, false, null);

const claimBody = fc.oneof(
  fc
    .record({
      pingguGoodsSpecialSession: mostlyTrue,
      sessionTurnover: moneyNear(["1000000", "3000000", "5000000"], "8000000"),
    })
    .map((input) => ({ clauseId: "art4.1-session", input: input as Facts })),
  fc
    .record({
      municipalRecognition: mostlyTrue,
      mofcomRecognition: fc.boolean(),
      rentCost: moneyNear(["0", "333333.33", "1000000"], "1200000"),
      renovationCost: moneyNear(["0", "100000"], "400000"),
      equipmentCost: moneyNear(["0", "50000"], "200000"),
    })
    .map((input) => ({ clauseId: "art3.2", input: input as Facts })),
  fc
    .record({
      immersiveSceneWithNewTechnology: mostlyTrue,
      reviewedOutstandingAndReplicable: mostlyTrue,
      actualInvestment: moneyNear(["1000000", "2500000"], "4000000"),
    })
    .map((input) => ({ clauseId: "art4.2", input: input as Facts })),
  fc
    .record({
      sellsPingguSpecialtyFarmProducts: mostlyTrue,
      annualExpressParcels: fc.oneof(
        fc.tuple(fc.constantFrom(100_000, 110_000, 400_000, 770_000), fc.integer({ min: -2, max: 2 })).map(([p, d]) => p + d),
        fc.integer({ min: 0, max: 1_000_000 }),
      ),
    })
    .map((input) => ({ clauseId: "art7.1-express", input: input as Facts })),
  fc
    .record({
      selfOperatedOnlineSales: mostlyTrue,
      annualOnlineRetail: moneyNear(["20000000", "30000000", "60000000"], "80000000"),
      growthRate: fc.constantFrom("0.2", "0.1", "-0.05"),
      cityAverageGrowthRate: fc.constantFrom("0.1", "0.05"),
    })
    .map((input) => ({ clauseId: "art3.3", input: input as Facts })),
);

const CLAUSES = ["art4.1-session", "art3.2", "art4.2", "art7.1-express", "art3.3"] as const;
const projectId = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom("p1", "p2", "p3") },
);
const claimId = fc.stringMatching(/^[a-z]{1,2}[0-9]?$/);

const claimArb = fc.record({ id: claimId, body: claimBody, factDate: windowDate, projectId }).map(
  ({ id, body, factDate, projectId: project }): ClaimIn =>
    datedAsRequired({
      id,
      clauseId: body.clauseId,
      factDate,
      ...(project === undefined ? {} : { projectId: project }),
      input: body.input,
    }),
);

const grantArb = fc
  .record({
    id: fc.stringMatching(/^g[0-9]{1,2}$/),
    clauseId: fc.constantFrom(...CLAUSES),
    factDate: windowDate,
    amount: moneyNear(["0", "50000", "280000", "299999.99", "300000", "500000"], "600000"),
    projectId,
  })
  .map(({ projectId: project, ...grant }): GrantIn => ({ ...grant, ...(project === undefined ? {} : { projectId: project }) }));

const applicationArb = fc
  .record({
    claims: fc.uniqueArray(claimArb, { selector: (c) => c.id, minLength: 1, maxLength: 15 }),
    history: fc.oneof(
      { weight: 1, arbitrary: fc.constant<GrantIn[]>([]) },
      { weight: 2, arbitrary: fc.uniqueArray(grantArb, { selector: (g) => g.id, maxLength: 4 }) },
    ),
  })
  .map(
    ({ claims, history }): AppIn => ({
      applicant: { name: "北京平谷示例直播电商有限公司", creditCode: CODE, registeredInPinggu: true, liveCommerceBusiness: true },
      claims,
      history,
    }),
  );

/** A permutation of `items` from random sort keys (stable for equal keys). */
function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: keys[index % keys.length] as number, index }))
    .sort((a, b) => a.key - b.key || b.index - a.index)
    .map(({ item }) => item);
}
const permutationKeys = fc.array(fc.nat({ max: 1000 }), { minLength: 16, maxLength: 16 });

// -------------------------------------------------------------------------------------------------
// Helpers.

function run(app: AppIn): Decision {
  return evaluate(app, EDITION);
}

function byId(decision: Decision): Map<string, ClaimDecision> {
  return new Map(decision.claims.map((c) => [c.claimId, c]));
}

function sum(values: readonly (string | null)[]): Big {
  return values.reduce<Big>((total, value) => (value === null ? total : total.plus(value)), new Big(0));
}

const PAYING = new Set(["awarded", "reduced"]);
const ANNUAL_CAPS: Readonly<Record<string, string>> = { "art4.1-session": "300000", "art4.2": "500000", "art7.1-express": "300000" };
const TERM_CAPS: Readonly<Record<string, string>> = { "art3.2": "300000" };
const MONEY = /^\d+\.\d{2}$/;

function historyTotal(history: readonly GrantIn[], clauseId: string, year?: number): Big {
  return sum(history.filter((g) => g.clauseId === clauseId && (year === undefined || Number(g.factDate.slice(0, 4)) === year)).map((g) => g.amount));
}

function headroom(cap: string, used: Big): Big {
  const left = new Big(cap).minus(used);
  return left.lt(0) ? new Big(0) : left;
}

// -------------------------------------------------------------------------------------------------

describe("evaluate(): properties over generated applications", () => {
  it("shuffling the claims (and the history) changes no claim's decision, sequence included, nor the totals", () => {
    fc.assert(
      fc.property(applicationArb, permutationKeys, permutationKeys, (app, claimKeys, historyKeys) => {
        const shuffled: AppIn = { ...app, claims: permute(app.claims, claimKeys), history: permute(app.history, historyKeys) };
        const a = run(app);
        const b = run(shuffled);
        const left = byId(a);
        const right = byId(b);
        expect([...right.keys()].sort()).toEqual([...left.keys()].sort());
        for (const [id, decision] of left) expect(right.get(id), `claim ${id}`).toEqual(decision);
        expect(b.totals).toEqual(a.totals);
        expect(b.window).toEqual(a.window);
        expect(b.recoveries).toEqual(a.recoveries);
      }),
      { numRuns: RUNS },
    );
  });

  it("sequence is processing order: a permutation of 1..n sorted by fact date, then claim id", () => {
    fc.assert(
      fc.property(applicationArb, (app) => {
        const decision = run(app);
        const ordered = [...decision.claims].sort((x, y) => x.sequence - y.sequence);
        expect(ordered.map((c) => c.sequence)).toEqual(ordered.map((_, i) => i + 1));
        for (let i = 1; i < ordered.length; i++) {
          const before = ordered[i - 1] as ClaimDecision;
          const after = ordered[i] as ClaimDecision;
          expect(before.factDate < after.factDate || (before.factDate === after.factDate && before.claimId < after.claimId)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("overall == Σ claim amounts == Σ byClause == Σ byYear, exactly; byClause and byYear match their claims", () => {
    fc.assert(
      fc.property(applicationArb, (app) => {
        const { claims, totals } = run(app);
        const overall = new Big(totals.overall);
        expect(sum(claims.map((c) => c.amount)).eq(overall)).toBe(true);
        expect(sum(Object.values(totals.byClause)).eq(overall)).toBe(true);
        expect(sum(Object.values(totals.byYear)).eq(overall)).toBe(true);
        for (const [clauseId, total] of Object.entries(totals.byClause)) {
          expect(sum(claims.filter((c) => c.clauseId === clauseId).map((c) => c.amount)).eq(total), clauseId).toBe(true);
        }
        for (const [year, total] of Object.entries(totals.byYear)) {
          expect(sum(claims.filter((c) => String(c.year) === year).map((c) => c.amount)).eq(total), year).toBe(true);
        }
        const counted = Object.values(totals.byStatus).reduce((a, b) => a + b, 0);
        expect(counted).toBe(claims.length);
      }),
      { numRuns: RUNS },
    );
  });

  it("every amount is null (undetermined only) or a non-negative two-place decimal; refusals pay 0.00", () => {
    fc.assert(
      fc.property(applicationArb, (app) => {
        const decision = run(app);
        for (const money of [decision.totals.overall, ...Object.values(decision.totals.byClause), ...Object.values(decision.totals.byYear)]) {
          expect(money).toMatch(MONEY);
        }
        for (const c of decision.claims) {
          if (c.status === "undetermined") expect(c.amount, c.claimId).toBeNull();
          else expect(c.amount, c.claimId).toMatch(MONEY);
          if (!PAYING.has(c.status) && c.status !== "undetermined") expect(c.amount, c.claimId).toBe("0.00");
          if (c.amountBeforeCrossClaimCaps !== null) expect(c.amountBeforeCrossClaimCaps).toMatch(MONEY);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("no claim is paid more than its amountBeforeCrossClaimCaps; “awarded” pays exactly that, “reduced” less", () => {
    fc.assert(
      fc.property(applicationArb, (app) => {
        for (const c of run(app).claims) {
          if (!PAYING.has(c.status)) continue;
          expect(c.amountBeforeCrossClaimCaps, c.claimId).not.toBeNull();
          const paid = new Big(c.amount as string);
          const before = new Big(c.amountBeforeCrossClaimCaps as string);
          expect(paid.lte(before), c.claimId).toBe(true);
          if (c.status === "awarded") expect(paid.eq(before), c.claimId).toBe(true);
          else expect(paid.lt(before), c.claimId).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("caps across claims and history hold: per enterprise per year, over the term, per session, one-time", () => {
    fc.assert(
      fc.property(applicationArb, (app) => {
        const decision = run(app);
        const paid = decision.claims.filter((c) => PAYING.has(c.status));
        for (const [clauseId, cap] of Object.entries(ANNUAL_CAPS)) {
          const years = new Set(paid.filter((c) => c.clauseId === clauseId).map((c) => c.year as number));
          for (const year of years) {
            const total = sum(paid.filter((c) => c.clauseId === clauseId && c.year === year).map((c) => c.amount));
            const limit = headroom(cap, historyTotal(app.history, clauseId, year));
            expect(total.lte(limit), `${clauseId} ${year}: ${total.toFixed(2)} > ${limit.toFixed(2)}`).toBe(true);
          }
        }
        for (const [clauseId, cap] of Object.entries(TERM_CAPS)) {
          const total = sum(paid.filter((c) => c.clauseId === clauseId).map((c) => c.amount));
          const limit = headroom(cap, historyTotal(app.history, clauseId));
          expect(total.lte(limit), `${clauseId} term: ${total.toFixed(2)} > ${limit.toFixed(2)}`).toBe(true);
        }
        for (const c of paid.filter((x) => x.clauseId === "art4.1-session")) expect(new Big(c.amount as string).lte(50000)).toBe(true);
        const quality = paid.filter((c) => c.clauseId === "art3.3");
        // A grant of more than 0 takes the one-time scope (a payment of 0 is none: A17).
        expect(quality.length).toBeLessThanOrEqual(app.history.some((g) => g.clauseId === "art3.3" && new Big(g.amount).gt(0)) ? 0 : 1);
        for (const c of quality) expect(new Big(c.amount as string).lte(500000)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("a claim is reduced only when its cap is then exhausted: no money is left under a cap that bit", () => {
    fc.assert(
      fc.property(applicationArb, (app) => {
        const decision = run(app);
        const paid = decision.claims.filter((c) => PAYING.has(c.status));
        for (const c of decision.claims.filter((x) => x.status === "reduced")) {
          const caps = { ...ANNUAL_CAPS, ...TERM_CAPS };
          const cap = caps[c.clauseId];
          expect(cap, `${c.clauseId} has no cap across claims but ${c.claimId} was reduced`).toBeDefined();
          const term = c.clauseId in TERM_CAPS;
          const same = paid.filter((x) => x.clauseId === c.clauseId && (term || x.year === c.year));
          const used = sum(same.map((x) => x.amount)).plus(historyTotal(app.history, c.clauseId, term ? undefined : (c.year as number)));
          expect(used.gte(cap as string), `${c.claimId}: ${used.toFixed(2)} used of ${cap as string}`).toBe(true);
          expect(c.crossClaimCaps.some((x) => x.bit)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("a duplicate refused in favour of another claim names a claim that was paid", () => {
    fc.assert(
      fc.property(applicationArb, (app) => {
        const decision = run(app);
        const claims = byId(decision);
        for (const c of decision.claims) {
          if (c.status !== "duplicate" || c.paidInstead === null) continue;
          if (c.paidInstead.source === "history") {
            expect(app.history.map((g) => g.id)).toContain(c.paidInstead.id);
            continue;
          }
          const winner = claims.get(c.paidInstead.id);
          expect(winner, `${c.claimId} names ${c.paidInstead.id}`).toBeDefined();
          expect(winner?.clauseId).toBe(c.paidInstead.clauseId);
          expect(PAYING.has(winner?.status as string), `${c.claimId} refused for ${c.paidInstead.id}, which is ${winner?.status}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("evaluating twice, or a JSON copy, gives deep-equal decisions with the same audit stamp", () => {
    fc.assert(
      fc.property(applicationArb, (app) => {
        const first = run(app);
        const second = run(app);
        expect(second).toEqual(first);
        const copy = evaluate(JSON.parse(JSON.stringify(app)), EDITION);
        expect(copy).toEqual(first);
        expect(copy.audit.inputHash).toBe(first.audit.inputHash);
        expect(first.audit.inputHash).toMatch(/^[0-9a-f]{64}$/);
      }),
      { numRuns: 100 },
    );
  });

  it("adding an unrelated claim (art6.2, fresh id, a project of its own) changes no other claim's status or amount", () => {
    const event = fc.record({ factDate: windowDate, actualCost: moneyNear(["600000"], "800000") });
    fc.assert(
      fc.property(applicationArb, event, (app, { factDate, actualCost }) => {
        const before = byId(run(app));
        // art6.2 is paid once per project (A17): the claim names a project no other claim has.
        const extra: ClaimIn = { id: "zz-event-9", clauseId: "art6.2", factDate, projectId: "zz-event-project-9", input: { publicBasicServiceEvent: true, actualCost } };
        const after = run({ ...app, claims: [...app.claims, extra] });
        for (const [id, old] of before) {
          const now = after.claims.find((c) => c.claimId === id) as ClaimDecision;
          expect(now.status, id).toBe(old.status);
          expect(now.amount, id).toBe(old.amount);
          if (old.amount !== null) expect(new Big(now.amount as string).gte(old.amount), id).toBe(true);
        }
        expect(new Big(after.totals.overall).minus(run(app).totals.overall).toFixed(2)).toBe(
          (after.claims.find((c) => c.claimId === "zz-event-9") as ClaimDecision).amount,
        );
      }),
      { numRuns: RUNS },
    );
  });
});

// -------------------------------------------------------------------------------------------------
// Findings: cases shrunk from the properties above, where the code disagrees with INTERPRETATION.md.

describe("第十一条 就高 compares what each twin would actually be paid (§5), after one-time scopes and caps", () => {
  const applicant = { name: "北京平谷示例直播电商有限公司", creditCode: CODE, registeredInPinggu: true, liveCommerceBusiness: true };
  const immersive = { immersiveSceneWithNewTechnology: true, reviewedOutstandingAndReplicable: true, actualInvestment: "1000000" };
  const quality = { selfOperatedOnlineSales: true, annualOnlineRetail: "20000000.01", growthRate: "0.2", cityAverageGrowthRate: "0.1" };
  const flows = { annualOnlineRetail: "8000000", sellsPingguFarmProductsOut: true, bringsIndustrialProductsIn: false, liveRoomAndColdChainInvestment: "1000000" };

  // Regression (shrunk by fast-check from "a duplicate refused in favour of another claim names a claim that was paid").
  // §5: "one project … claimed under several clauses is paid once, under the clause that gives the most (就高),
  // and the others are refused with a reason naming the clause that was paid."
  // Input: history g0 = art3.3 (its one-time award is used); claims a = art4.2 (200,000) and b = art3.3
  // (300,000 before one-time scopes), both for project p3.
  // Expected: b refused as ALREADY_AWARDED_ONCE (art3.3 gives nothing), a awarded 200,000.00.
  // The bug was: the winner was picked by its clause amount before one-time scopes, so b won, was then
  // refused as ALREADY_AWARDED_ONCE, and the project was paid nothing. Twins are now quoted against the
  // ledger when the group's earliest claim is reached.
  it("a project's winner refused as one-time already awarded: the other clause should be paid", () => {
    const decision = evaluate(
      {
        applicant,
        claims: [
          { id: "a", clauseId: "art4.2", factDate: "2025-05-01", projectId: "p3", input: immersive },
          { id: "b", clauseId: "art3.3", factDate: "2025-12-31", projectId: "p3", input: quality },
        ],
        history: [{ id: "g0", clauseId: "art3.3", factDate: "2025-03-01", amount: "300000" }],
      },
      EDITION,
    );
    const [a, b] = decision.claims;
    expect(b).toMatchObject({ status: "duplicate", amount: "0.00" });
    expect(a).toMatchObject({ status: "awarded", amount: "200000.00" });
    expect(decision.totals.overall).toBe("200000.00");
  });

  // Regression, same cause, with an annual cap instead of a one-time scope (worked by hand, same reading of §5):
  // history g1 = art4.2 500,000 in 2025 exhausts art4.2's 2025 cap. Claims d1 = art4.2 (500,000 before caps)
  // and d2 = art4.1-investment (400,000), both for project "studio" in 2025.
  // Expected: 就高 compares what each clause can actually give (0 vs 400,000): d2 awarded 400,000.00.
  // The bug was: d1 won on its pre-cap 500,000, was reduced to 0.00 by the annual cap, and d2 was refused.
  it("a project's winner whose annual cap is exhausted: the other clause should be paid", () => {
    const decision = evaluate(
      {
        applicant,
        claims: [
          { id: "d1", clauseId: "art4.2", factDate: "2025-05-01", projectId: "studio", input: { ...immersive, actualInvestment: "2500000" } },
          { id: "d2", clauseId: "art4.1-investment", factDate: "2025-06-01", projectId: "studio", input: flows },
        ],
        history: [{ id: "g1", clauseId: "art4.2", factDate: "2025-04-01", amount: "500000" }],
      },
      EDITION,
    );
    expect(decision.claims[1]).toMatchObject({ claimId: "d2", status: "awarded", amount: "400000.00" });
    expect(decision.totals.overall).toBe("400000.00");
  });
});
