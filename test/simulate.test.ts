import { describe, expect, it } from "vitest";
import Big from "big.js";
import fc from "fast-check";
import { evaluate } from "../src/evaluate.js";
import { PolicyValidationError } from "../src/kernel/errors.js";
import { deriveEdition } from "../src/measures/derive-edition.js";
import { generatePopulation, seededRandom } from "../src/population.js";
import { scaleLargestRemainder, simulate, simulateAsync } from "../src/simulate.js";
import { usccCheckCharacter } from "../src/kernel/uscc.js";

const creditCodeOf = (first17: string) => first17 + (usccCheckCharacter(first17) as string);

const DRAFT = deriveEdition({ id: "draft", publishedOn: "2025-03-01" });
const WHAT_IF = deriveEdition({ id: "art3.3-cap-300000", publishedOn: "2025-03-01", parameters: { "art3.3": { cap: "300000" } } });
const population = [...generatePopulation({ seed: 7, applicants: 150 })];

const sum = (values: readonly string[]) => values.reduce((total, value) => total.plus(value), new Big(0)).toFixed(2);

describe("simulate: totals match evaluate() run application by application", () => {
  const result = simulate(population, [DRAFT, WHAT_IF]);
  const first = result.editions[0]!;

  it("overall, by clause and by year equal the sums of the individual decisions", () => {
    const decisions = population.map((application) => evaluate(application, DRAFT));
    const paid = decisions.flatMap((d) => d.claims.filter((c) => c.status === "awarded" || c.status === "reduced"));
    expect(first.totals.overall).toBe(sum(paid.map((c) => c.amount as string)));
    for (const [clauseId, total] of Object.entries(first.totals.byClause)) {
      expect(total, clauseId).toBe(sum(paid.filter((c) => c.clauseId === clauseId).map((c) => c.amount as string)));
    }
    expect(sum(Object.values(first.totals.byYear))).toBe(first.totals.overall);
    expect(first.beneficiaries).toBe(decisions.filter((d) => new Big(d.totals.overall).gt(0)).length);
    expect(first.claims).toBe(decisions.reduce((n, d) => n + d.claims.length, 0));
  });

  it("the what-if differs from the first edition only where its parameter bites", () => {
    const diff = result.editions[1]!.differenceFromFirst!;
    expect(result.editions[0]!.differenceFromFirst).toBeNull();
    for (const [clauseId, delta] of Object.entries(diff.byClause)) {
      if (clauseId !== "art3.3") expect(delta, clauseId).toBe("0.00");
    }
    expect(new Big(diff.byClause["art3.3"] ?? "0").lte(0)).toBe(true);
    expect(diff.overall).toBe(diff.byClause["art3.3"] ?? "0.00");
  });

  it("the distribution counts every applicant once and adds up to the total", () => {
    expect(first.distribution.reduce((n, band) => n + band.applicants, 0)).toBe(first.applications - first.invalidApplications);
    expect(sum(first.distribution.map((band) => band.total))).toBe(first.totals.overall);
    expect(first.distribution[0]).toMatchObject({ label: "0", from: "0.00", to: "0.00" });
  });

  it("the largest awards are the largest, in order", () => {
    const amounts = first.largestAwards.map((a) => Number(a.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(first.largestAwards.length).toBe(10);
  });

  it("the largest awards do not depend on the order of the population, equal awards included", () => {
    // Many awards of the generated population are equal (caps, fixed awards): a full list must break
    // their ties by credit code and claim id, not keep whichever came first.
    for (const largest of [1, 3, 10]) {
      const forward = simulate(population, [DRAFT], { largest }).editions[0]!.largestAwards;
      const backward = simulate([...population].reverse(), [DRAFT], { largest }).editions[0]!.largestAwards;
      expect(backward, `largest: ${largest}`).toEqual(forward);
    }
    const award = (first17: string) => ({
      applicant: { name: "培训机构", creditCode: creditCodeOf(first17), registeredInPinggu: true, liveCommerceBusiness: true },
      claims: [{ id: "C1", clauseId: "art6.1", factDate: "2025-12-31", input: { personTimesTrained: 600, completeTrainingRecords: true, placementRate: "0.30", approvedAmount: "30000" } }],
    });
    const [a, b] = [award("91110117MA01AAAA1"), award("91110117MA01AAAA2")];
    const keep = (order: unknown[]) => simulate(order, [DRAFT], { largest: 1 }).editions[0]!.largestAwards.map((x) => x.creditCode);
    expect(keep([a, b])).toEqual([creditCodeOf("91110117MA01AAAA1")]);
    expect(keep([b, a])).toEqual([creditCodeOf("91110117MA01AAAA1")]);
  });

  it("an array, a generator and an async stream give the same result", async () => {
    const again = simulate(generatePopulation({ seed: 7, applicants: 150 }), [DRAFT, WHAT_IF]);
    expect(again).toEqual(result);
    async function* stream() {
      for (const application of population) yield application;
    }
    expect(await simulateAsync(stream(), [DRAFT, WHAT_IF])).toEqual(result);
  });

  it("an invalid application is counted and described, and the others still count", () => {
    const broken = simulate([{ applicant: { name: "x" }, claims: [] }, population[0]], [DRAFT]);
    expect(broken.editions[0]).toMatchObject({ applications: 2, invalidApplications: 1 });
    expect(broken.editions[0]!.invalid[0]?.message).toContain("applicant.creditCode");
  });
});

describe("budget envelope (总额控制)", () => {
  it("scales awards pro rata so that they add up to the envelope exactly, and says so", () => {
    const result = simulate(population, [DRAFT], { budgetEnvelope: "1000000.01" }).editions[0]!;
    expect(result.envelope?.scaled).toBe(true);
    expect(result.envelope?.paid).toBe("1000000.01");
    expect(result.totals.overall).toBe("1000000.01");
    expect(sum(Object.values(result.totals.byClause))).toBe("1000000.01");
    expect(result.envelope?.note.zh).toContain("最大余额法");
  });

  it("leaves awards alone when they fit", () => {
    const unscaled = simulate(population, [DRAFT]).editions[0]!;
    const result = simulate(population, [DRAFT], { budgetEnvelope: "99999999999" }).editions[0]!;
    expect(result.envelope?.scaled).toBe(false);
    expect(result.totals).toEqual(unscaled.totals);
  });

  it("an envelope that is not a plain amount is refused, naming the option", () => {
    expect(() => simulate(population, [DRAFT], { budgetEnvelope: "1,000" })).toThrow(PolicyValidationError);
    expect(() => simulate(population, [DRAFT], { budgetEnvelope: "1,000" })).toThrow(/options\.budgetEnvelope/);
  });

  it("largest remainder: the scaled fen always add up to the target, each within one fen of its exact share", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200_000_000 }), { minLength: 1, maxLength: 40 }), fc.nat(), (fens, t) => {
        const total = fens.reduce((a, b) => a + BigInt(b), 0n);
        const target = BigInt(t) % total;
        const awards = fens.map((fen) => ({ fen }));
        scaleLargestRemainder(awards, total, target);
        expect(awards.reduce((a, b) => a + BigInt(b.fen), 0n)).toBe(target);
        awards.forEach((award, i) => {
          const exact = (BigInt(fens[i]!) * target * 100n) / total; // in hundredths of a fen
          expect(BigInt(award.fen) * 100n - exact).toBeLessThanOrEqual(100n);
          expect(exact - BigInt(award.fen) * 100n).toBeLessThan(100n);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("worked example: 1, 1, 1 fen scaled to 2 fen gives the two earliest one each", () => {
    const awards = [{ fen: 1 }, { fen: 1 }, { fen: 1 }];
    scaleLargestRemainder(awards, 3n, 2n);
    expect(awards.map((a) => a.fen)).toEqual([1, 1, 0]);
  });
});

describe("the synthetic population", () => {
  it("is the same for the same seed, different for another", () => {
    const a = [...generatePopulation({ seed: 1, applicants: 20 })];
    expect([...generatePopulation({ seed: 1, applicants: 20 })]).toEqual(a);
    expect([...generatePopulation({ seed: 2, applicants: 20 })]).not.toEqual(a);
  });

  it("never pretends to be real data, and every application is valid", () => {
    for (const application of generatePopulation({ seed: 3, applicants: 200 })) {
      expect(application.applicant.name.startsWith("【合成样本】")).toBe(true);
      expect(() => evaluate(application, DRAFT)).not.toThrow();
    }
  });

  it("clusters values at thresholds: some art3.3 retail figures sit exactly at, just below and just above 20,000,000", () => {
    const retail = new Set<string>();
    for (const application of generatePopulation({ seed: 11, applicants: 3000 })) {
      for (const claim of application.claims) {
        if (claim.clauseId === "art3.3") retail.add(String((claim.input as Record<string, unknown>).annualOnlineRetail));
      }
    }
    expect(retail).toContain("20000000");
    expect(retail).toContain("19999999.99");
    expect(retail).toContain("20000000.01");
  });

  it("follows a what-if's thresholds", () => {
    const moved = deriveEdition({ parameters: { "art4.1-session": { minSessionTurnover: { value: "2000000" } } } });
    const turnovers = new Set<string>();
    for (const application of generatePopulation({ seed: 5, applicants: 2000, edition: moved })) {
      for (const claim of application.claims) {
        if (claim.clauseId === "art4.1-session") turnovers.add(String((claim.input as Record<string, unknown>).sessionTurnover));
      }
    }
    expect(turnovers).toContain("2000000");
    expect(turnovers).toContain("1999999.99");
  });

  it("seededRandom is deterministic and in [0, 1)", () => {
    const a = seededRandom(99);
    const b = seededRandom(99);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
