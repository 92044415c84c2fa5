/**
 * src/simulate.ts: the parts of a simulation's summary that test/simulate.test.ts checks only as sums or
 * orders (its population is generated, so it cannot state exact figures). Here the population is known:
 * the five fixture applicants, whose decisions are the golden ones of fixtures/decisions/ (totals
 * 1,360,000.00, 875,000.00, 408,000.00, 2,420,000.00 and 278,000.25), plus two invalid documents, and
 * small applications of art6.1, which pays the approved amount as given. Written against mutants that
 * survived: the distribution's band edges and labels, the signed differences, the envelope's texts and
 * its rounding to the fen, the order of equal awards, and the options (largest, invalidDetails).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { Simulation, simulate } from "../../src/simulate.js";
import { applicant, creditCode, eligibleInput } from "./samples.js";

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8"));
const FIXTURES = ["brand-company", "logistics-firm", "mcn-agency", "park-operator", "training-school"].map((name) => read(`applications/${name}.json`));
const PUBLISHED = deriveEdition(read("editions/published-2025-03-01.json") as Parameters<typeof deriveEdition>[0]);
const WHAT_IF = deriveEdition(read("editions/what-if-art3.3-cap-300000.json") as Parameters<typeof deriveEdition>[0]);
const INVALID = [{ applicant: {}, claims: [] }, 42];

/** An applicant whose art6.1 claims pay exactly the amounts given (one claim per amount). */
function art61(first17: string, amounts: readonly string[], ids: readonly string[] = amounts.map((_, i) => `C${i + 1}`)) {
  return {
    applicant: applicant({ creditCode: creditCode(first17) }),
    claims: amounts.map((amount, i) => ({
      id: ids[i],
      clauseId: "art6.1",
      factDate: "2025-12-31",
      input: { ...eligibleInput("art6.1"), approvedAmount: amount },
    })),
  };
}

const BANDS = [
  ["0.00", "0.00", "0"],
  ["0.00", "50000.00", "0 – 50,000"],
  ["50000.00", "100000.00", "50,000 – 100,000"],
  ["100000.00", "200000.00", "100,000 – 200,000"],
  ["200000.00", "300000.00", "200,000 – 300,000"],
  ["300000.00", "500000.00", "300,000 – 500,000"],
  ["500000.00", "1000000.00", "500,000 – 1,000,000"],
  ["1000000.00", "2000000.00", "1,000,000 – 2,000,000"],
  ["2000000.00", null, "> 2,000,000"],
] as const;

describe("simulate: the fixture applicants, two editions, two invalid documents", () => {
  // Simulated inside each test (once), not while the file is collected: a mutant that makes simulate
  // throw must fail tests, not the file's collection (which Stryker's runner counts as survived).
  let cached: ReturnType<typeof simulate> | undefined;
  const both = () => {
    cached ??= simulate([...FIXTURES, ...INVALID], [PUBLISHED, WHAT_IF], { largest: 3, invalidDetails: 1 });
    return cached.editions as [NonNullable<(typeof cached.editions)[0]>, NonNullable<(typeof cached.editions)[0]>];
  };

  it("counts: applications, invalid ones (only the first described), claims, statuses, beneficiaries", () => {
    const [first, second] = both();
    expect(first.edition).toEqual({ id: PUBLISHED.id, name: PUBLISHED.name });
    expect(first.applications).toBe(7);
    expect(first.invalidApplications).toBe(2);
    expect(first.invalid.map((entry) => entry.index)).toEqual([5]);
    expect(first.invalid[0]?.message).toContain("applicant.creditCode");
    expect(first.invalid[0]?.issues.length).toBe(2);
    expect(first.claims).toBe(28);
    expect(first.byStatus).toEqual({ awarded: 17, reduced: 3, ineligible: 3, undetermined: 1, excluded: 0, duplicate: 3, "out-of-window": 1 });
    expect(first.beneficiaries).toBe(5);
  });

  it("totals, by clause and by year, in fen exactly", () => {
    const [first, second] = both();
    expect(first.totals.overall).toBe("5341000.25");
    expect(first.totals.byYear).toEqual({ "2025": "5148000.00", "2026": "193000.25" });
    expect(first.totals.byClause["art6.2"]).toBe("93000.25");
    expect(first.totals.byClause["art3.3"]).toBe("500000.00");
    expect(Object.keys(first.totals.byClause)).toEqual([...Object.keys(first.totals.byClause)].sort());
    expect(second.totals.overall).toBe("5141000.25");
  });

  it("the distribution: each applicant's total in its band (from, to], with the band's label", () => {
    const [first, second] = both();
    const counts = [0, 0, 0, 0, 1, 1, 1, 1, 1];
    const totals = ["0.00", "0.00", "0.00", "0.00", "278000.25", "408000.00", "875000.00", "1360000.00", "2420000.00"];
    expect(first.distribution).toEqual(
      BANDS.map(([from, to, label], i) => ({ from, to, label, applicants: counts[i], total: totals[i] })),
    );
  });

  it("the largest awards: three, larger first, equal ones by credit code", () => {
    const [first, second] = both();
    expect(first.largestAwards).toEqual([
      { applicant: "北京平谷数字直播产业园运营管理有限公司", creditCode: "91110117MA02PARK0C", claimId: "PARK-2025-01", clauseId: "art3.1", year: 2025, amount: "2000000.00" },
      { applicant: "北京平谷鲜达供应链管理有限公司", creditCode: "91110117MA05XD1L01", claimId: "LOG-2025-F1", clauseId: "art7.1-logistics", year: 2025, amount: "500000.00" },
      { applicant: "北京平谷桃语食品品牌管理有限公司", creditCode: "91110117MA06BRND0Y", claimId: "BR-2025-P1", clauseId: "art5.2", year: 2025, amount: "500000.00" },
    ]);
  });

  it("the difference from the first edition: null for the first, signed for the others", () => {
    const [first, second] = both();
    expect(first.differenceFromFirst).toBeNull();
    expect(second.differenceFromFirst?.overall).toBe("-200000.00");
    expect(second.differenceFromFirst?.byYear).toEqual({ "2025": "-200000.00", "2026": "0.00" });
    expect(second.differenceFromFirst?.byClause["art3.3"]).toBe("-200000.00");
    expect(second.differenceFromFirst?.byClause["art3.1"]).toBe("0.00");
    // The other way round, the difference is an increase and says so with "+".
    const reversed = simulate(FIXTURES, [WHAT_IF, PUBLISHED]).editions[1]?.differenceFromFirst;
    expect(reversed?.overall).toBe("+200000.00");
    expect(reversed?.byClause["art3.3"]).toBe("+200000.00");
    expect(reversed?.byClause["art7.2"]).toBe("0.00");
  });

  it("a decrease with fen in it: art6.2 at a rate of 0.3 instead of 0.5 for the training school is -37200.10", () => {
    const lower = deriveEdition({ publishedOn: "2025-03-01", parameters: { "art6.2": { rate: "0.3" } } });
    const edition = simulate([FIXTURES[4]], [PUBLISHED, lower]).editions[1];
    expect(edition?.differenceFromFirst).toEqual({
      overall: "-37200.10",
      byClause: { "art6.1": "0.00", "art6.2": "-37200.10" },
      byYear: { "2025": "0.00", "2026": "-37200.10" },
    });
  });

  it("no envelope: none reported", () => {
    const [first, second] = both();
    expect(first.envelope).toBeNull();
  });
});

describe("simulate: the budget envelope's report", () => {
  it("scaled: the limit rounded down to the fen, what was requested, what is paid, and the note in both languages", () => {
    const edition = simulate(FIXTURES, [PUBLISHED], { budgetEnvelope: "4000000.005", largest: 3 }).editions[0];
    expect(edition?.envelope).toEqual({
      limit: "4000000.00",
      requested: "5341000.25",
      scaled: true,
      paid: "4000000.00",
      note: {
        en: "Awards of 5341000.25 exceed the budget envelope of 4000000.00: every award was scaled pro rata and rounded to the fen by largest remainder, so they add up to 4000000.00 exactly.",
        zh: "核定金额合计 5341000.25 超过总额控制 4000000.00：各项金额按比例折算，并以最大余额法取整至分，合计恰为 4000000.00。",
      },
    });
    expect(edition?.totals.overall).toBe("4000000.00");
    expect(edition?.totals.byYear).toEqual({ "2025": "3855457.60", "2026": "144542.40" });
    // Scaled awards are ranked again; equal ones by credit code.
    expect(edition?.largestAwards.map((award) => [award.claimId, award.amount])).toEqual([
      ["PARK-2025-01", "1497846.78"],
      ["LOG-2025-F1", "374461.69"],
      ["BR-2025-P1", "374461.69"],
    ]);
    expect(edition?.beneficiaries).toBe(5);
    // 2,420,000.00 scaled is 1,812,…: two applicants in the band up to 2,000,000 now.
    expect(edition?.distribution.map((band) => band.applicants)).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 0]);
  });

  it("not scaled: the note says so; an envelope given as a number", () => {
    const edition = simulate(FIXTURES, [PUBLISHED], { budgetEnvelope: 6000000 }).editions[0];
    expect(edition?.envelope).toEqual({
      limit: "6000000.00",
      requested: "5341000.25",
      scaled: false,
      paid: "5341000.25",
      note: {
        en: "Awards of 5341000.25 are within the budget envelope of 6000000.00: nothing was scaled.",
        zh: "核定金额合计 5341000.25 未超过总额控制 6000000.00：未作折算。",
      },
    });
    expect(edition?.largestAwards.length).toBe(10);
  });

  it("an envelope exactly equal to the awards is not scaled", () => {
    const edition = simulate(FIXTURES, [PUBLISHED], { budgetEnvelope: "5341000.25" }).editions[0];
    expect(edition?.envelope?.scaled).toBe(false);
    expect(edition?.envelope?.paid).toBe("5341000.25");
  });

  it("an envelope of 0.02: the two largest remainders get a fen each; awards scaled to nothing are neither counted nor listed", () => {
    const edition = simulate(FIXTURES, [PUBLISHED], { budgetEnvelope: "0.02" }).editions[0];
    // art3.1's 2,000,000 has the largest remainder; then the two 500,000 awards tie, and the earlier one
    // in population order (brand-company's art5.2, before logistics-firm's) gets the fen.
    expect(edition?.totals).toEqual({ overall: "0.02", byClause: { "art3.1": "0.01", "art5.2": "0.01" }, byYear: { "2025": "0.02" } });
    expect(edition?.largestAwards.map((award) => [award.claimId, award.amount])).toEqual([
      ["PARK-2025-01", "0.01"],
      ["BR-2025-P1", "0.01"],
    ]);
    expect(edition?.beneficiaries).toBe(2);
    expect(edition?.distribution.map((band) => band.applicants)).toEqual([3, 2, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("the envelope's issue names the option, with the reader's texts", () => {
    try {
      simulate([], [PUBLISHED], { budgetEnvelope: "-1" });
      expect.unreachable();
    } catch (error) {
      const issues = (error as { issues: { path: string; code: string; expected: string; expectedZh: string; hint?: string }[] }).issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: "options.budgetEnvelope", code: "invalid_value" });
      expect(issues[0]?.expected).toContain("a budget envelope in yuan");
      expect(issues[0]?.expectedZh).toContain("以元为单位的总额控制");
      expect(issues[0]?.hint).toContain("outside the accepted range");
      expect((error as Error).message).toContain("simulation options");
    }
  });
});

describe("simulate: band edges, equal awards, options", () => {
  it("a total of exactly 50,000.00 is in the band up to 50,000; 50,000.01 in the next; 0 in the band of 0", () => {
    const edition = simulate(
      [art61("91110117MA01AAAA1", ["50000"]), art61("91110117MA01AAAA2", ["50000.01"]), art61("91110117MA01AAAA3", ["0"])],
      [PUBLISHED],
    ).editions[0];
    expect(edition?.distribution.slice(0, 3).map((band) => [band.applicants, band.total])).toEqual([
      [1, "0.00"],
      [1, "50000.00"],
      [1, "50000.01"],
    ]);
    expect(edition?.beneficiaries).toBe(2);
    expect(edition?.byStatus.awarded).toBe(3);
    // A zero award is not among the largest.
    expect(edition?.largestAwards.map((award) => award.amount)).toEqual(["50000.01", "50000.00"]);
  });

  it("equal awards: by credit code, then by claim id, whatever the order they come in", () => {
    const edition = simulate(
      // Two applications of one enterprise (a simulation decides each on its own), then another.
      [art61("91110117MA01AAAA2", ["30000"], ["Z1"]), art61("91110117MA01AAAA2", ["30000"], ["A1"]), art61("91110117MA01AAAA1", ["30000"], ["M1"])],
      [PUBLISHED],
    ).editions[0];
    expect(edition?.largestAwards.map((award) => `${award.creditCode} ${award.claimId}`)).toEqual([
      `${creditCode("91110117MA01AAAA1")} M1`,
      `${creditCode("91110117MA01AAAA2")} A1`,
      `${creditCode("91110117MA01AAAA2")} Z1`,
    ]);
  });

  it("largest: 1 keeps the single largest, whether it comes first or last; largest: 0 keeps none", () => {
    const rising = [art61("91110117MA01AAAA1", ["10000"]), art61("91110117MA01AAAA2", ["20000"]), art61("91110117MA01AAAA3", ["15000"])];
    const one = simulate(rising, [PUBLISHED], { largest: 1 }).editions[0];
    expect(one?.largestAwards.map((award) => award.amount)).toEqual(["20000.00"]);
    const none = simulate(rising, [PUBLISHED], { largest: 0 }).editions[0];
    expect(none?.largestAwards).toEqual([]);
    const scaled = simulate(rising, [PUBLISHED], { largest: 0, budgetEnvelope: "100" }).editions[0];
    expect(scaled?.largestAwards).toEqual([]);
    expect(scaled?.totals.overall).toBe("100.00");
  });

  it("invalidDetails: 0 describes none, and every invalid document is still counted; the default describes 20", () => {
    const many = Array.from({ length: 25 }, () => ({}));
    const none = simulate(many, [PUBLISHED], { invalidDetails: 0 }).editions[0];
    expect(none?.invalid).toEqual([]);
    expect(none?.invalidApplications).toBe(25);
    const byDefault = simulate(many, [PUBLISHED]).editions[0];
    expect(byDefault?.invalid.map((entry) => entry.index)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("a Simulation counts the applications fed to it, and needs an edition", () => {
    const simulation = new Simulation([PUBLISHED]);
    expect(simulation.applications).toBe(0);
    simulation.add(FIXTURES[0]);
    simulation.add({});
    expect(simulation.applications).toBe(2);
    expect(simulation.result().editions[0]?.invalid.map((entry) => entry.index)).toEqual([1]);
    expect(() => new Simulation([])).toThrow(new RangeError("simulate needs at least one edition"));
  });

  it("an error that is not a validation error is not counted as an invalid application: it is thrown", () => {
    const hostile = {
      get applicant(): never {
        throw new TypeError("boom");
      },
      claims: [],
    };
    expect(() => simulate([hostile], [PUBLISHED])).toThrow("boom");
  });
});
