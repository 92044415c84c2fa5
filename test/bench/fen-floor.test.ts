/**
 * The integer-fen floor of the clause benchmark (bench/fen-floor.ts) is right on its own, before the
 * bench compares it on 200,000 inputs: its figures are the draft edition's, its operators the threshold
 * words' (民法典 第一千二百五十九条), and its status and amount equal `evaluateClause`'s at and around every
 * threshold, step, cap and rounding tie of art3.1, art3.3, art4.1-session and art7.1-express, under each
 * of the three roundings (A9). Values beyond its integers take the exact big.js fallback, checked the same.
 */
import Big from "big.js";
import { describe, expect, it } from "vitest";
import { decideBigJs, decideFen, FEN_FIGURES, type FenRounding, type FloorClauseId } from "../../bench/fen-floor.js";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { CIVIL_CODE_WORDS, type ThresholdWord } from "../../src/kernel/words.js";
import { DRAFT_EDITION } from "../../src/measures/edition-draft.js";

const ROUNDINGS: readonly FenRounding[] = ["fen-half-up", "fen-half-even", "yuan-half-up"];

type Facts = Record<string, string | number | boolean | null | undefined>;

/** The library's answer under a rounding, as the floor gives it; its two passes agree on it first. */
function library(clauseId: FloorClauseId, facts: Facts, rounding: FenRounding): { status: string; amount: string | null } {
  const result = evaluateClause(clauseId, facts, { switches: { rounding } });
  const verdict = evaluateClause(clauseId, facts, { switches: { rounding }, explain: false });
  expect({ status: verdict.status, amount: verdict.amount }).toEqual({ status: result.status, amount: result.amount });
  return { status: result.status, amount: result.amount };
}

function floor(clauseId: FloorClauseId, facts: Facts, rounding: FenRounding): { status: string; amount: string | null } {
  const verdict = decideFen(clauseId, facts, rounding);
  return { status: verdict.status, amount: verdict.amount };
}

const fen = (yuan: string) => Number(new Big(yuan).times(100).toFixed(0));

describe("the floor's figures are the draft edition's", () => {
  const p = DRAFT_EDITION.parameters;
  const op = (word: string) => CIVIL_CODE_WORDS[word as ThresholdWord].op;

  it("art3.1: ≥ 3000 m², ≥ 500,000,000, ≥ 2,000,000, 30%, at most 2,000,000", () => {
    const q = p["art3.1"];
    expect([op(q.minUsedArea.word), op(q.minAnnualOnlineRetail.word), op(q.minInvestment.word)]).toEqual([">=", ">=", ">="]);
    expect(FEN_FIGURES["art3.1"]).toEqual({
      minUsedArea: Number(q.minUsedArea.value),
      minRetailFen: fen(q.minAnnualOnlineRetail.value),
      minInvestmentFen: fen(q.minInvestment.value),
      rateNum: Number(new Big(q.rate).times(100)),
      rateDen: 100,
      capFen: fen(q.capPerPark),
    });
  });

  it("art3.3: > 20,000,000, growth ≥ the city's, 300,000 + 50,000 per full 10,000,000, at most 500,000", () => {
    const q = p["art3.3"];
    expect([op(q.minAnnualOnlineRetail.word), op(q.growthWord)]).toEqual([">", ">="]);
    expect(FEN_FIGURES["art3.3"]).toEqual({
      minRetailFen: fen(q.minAnnualOnlineRetail.value),
      baseFen: fen(q.baseAward),
      stepFen: fen(q.incrementStep),
      perStepFen: fen(q.incrementAward),
      capFen: fen(q.cap),
    });
  });

  it("art4.1-session: ≥ 1,000,000, 1%, at most 50,000 a session and 300,000 a year", () => {
    const q = p["art4.1-session"];
    expect(op(q.minSessionTurnover.word)).toBe(">=");
    expect(FEN_FIGURES["art4.1-session"]).toEqual({
      minTurnoverFen: fen(q.minSessionTurnover.value),
      rateNum: Number(new Big(q.rate).times(100)),
      rateDen: 100,
      capPerSessionFen: fen(q.capPerSession),
      capPerYearFen: fen(q.capPerEnterprisePerYear),
    });
  });

  it("art7.1-express: > 100,000 parcels, 100,000 + 3,000 per full 10,000, at most 300,000", () => {
    const q = p["art7.1-express"];
    expect(op(q.minAnnualParcels.word)).toBe(">");
    expect(FEN_FIGURES["art7.1-express"]).toEqual({
      minParcels: Number(q.minAnnualParcels.value),
      baseFen: fen(q.baseAward),
      stepParcels: Number(q.incrementStep),
      perStepFen: fen(q.incrementAward),
      capFen: fen(q.capPerEnterprisePerYear),
    });
  });

  it("the draft's readings the floor implements: Civil Code words, full increments, half-up to the fen by default", () => {
    expect(DRAFT_EDITION.switches.thresholdWords).toBe("civil-code");
    expect(DRAFT_EDITION.switches.incrementCounting).toBe("full-increments");
    expect(DRAFT_EDITION.switches.rounding).toBe("fen-half-up");
    expect(DRAFT_EDITION.wordDefinitions).toEqual({});
  });
});

// ---------------------------------------------------------------------------------------------------
// The cases: each clause's facts at, just below and just above every threshold, step and cap, at the
// rounding ties of each rounding, and with facts missing or false.

const ART3_1: Facts = { usedArea: "3000", annualOnlineRetail: "500000000", investment: "2000000" };
const ART3_3: Facts = { selfOperatedOnlineSales: true, annualOnlineRetail: "20000000.01", growthRate: "0.12", cityAverageGrowthRate: "0.08" };
const ART4_1: Facts = { pingguGoodsSpecialSession: true, sessionTurnover: "1000000" };
const ART7_1: Facts = { sellsPingguSpecialtyFarmProducts: true, annualExpressParcels: 110_000 };

interface Case {
  readonly name: string;
  readonly clauseId: FloorClauseId;
  readonly facts: Facts;
}

function cases(clauseId: FloorClauseId, base: Facts, field: string, values: readonly (string | number | boolean | null | undefined)[]): Case[] {
  return values.map((value) => ({ name: `${clauseId} ${field} = ${JSON.stringify(value) ?? "absent"}`, clauseId, facts: { ...base, [field]: value } }));
}

const CASES: readonly Case[] = [
  // 第三条（一）: 面积3000平米以上, 网络零售额5亿元以上, 投资额不少于200万元, 30%, 最高不超过200万元.
  ...cases("art3.1", ART3_1, "usedArea", ["2999.99", "2999.999999", "3000", "3000.00", "3000.01", 3000, 2999.5, 3000.5, undefined, null]),
  ...cases("art3.1", ART3_1, "annualOnlineRetail", ["499999999.99", "500000000", "500000000.01", 500_000_000, "1000000000000", undefined]),
  ...cases("art3.1", ART3_1, "investment", [
    "1999999.99",
    "2000000",
    "2000000.01",
    // 2,000,000.05 × 30% = 600,000.015 and 2,000,000.15 × 30% = 600,000.045: ties of the fen.
    "2000000.05",
    "2000000.15",
    "2000000.25",
    2_000_000.05,
    // 2,000,001.65 × 30% = 600,000.495; 2,000,001.67 → 600,000.501; 2,000,005 → 600,001.5 (a tie of the yuan).
    "2000001.65",
    "2000001.67",
    "2000005",
    "2000001.50",
    // The cap of 2,000,000 is 30% of 6,666,666.666…
    "6666666.63",
    "6666666.65",
    "6666666.66",
    "6666666.67",
    "6666666.68",
    "6666666.70",
    "6666667",
    "7000000",
    "1000000000000",
    undefined,
  ]),
  { name: "art3.1 area missing and investment too low: ineligible", clauseId: "art3.1", facts: { ...ART3_1, usedArea: undefined, investment: "1999999.99" } },
  { name: "art3.1 no facts: undetermined", clauseId: "art3.1", facts: {} },

  // 第三条（三）: 网络零售额超过2000万元, 增速不低于全市平均增速, 30万元 + 每1000万元5万元, 最高不超过50万元.
  ...cases("art3.3", ART3_3, "annualOnlineRetail", [
    "19999999.99",
    "20000000",
    "20000000.00",
    "20000000.01",
    20_000_000.01,
    "29999999.99",
    "30000000",
    "30000000.01",
    "39999999.99",
    "40000000",
    "49999999.99",
    "50000000",
    "59999999.99",
    "60000000",
    "60000000.01",
    "69999999.99",
    "70000000",
    "1000000000000",
    undefined,
  ]),
  ...cases("art3.3", ART3_3, "growthRate", ["0.08", "0.0800", "0.0799", "0.0801", 0.08, "-0.5", "10000", undefined]),
  ...cases("art3.3", { ...ART3_3, growthRate: "-0.05" }, "cityAverageGrowthRate", ["-0.05", "-0.0500", "-0.0499", "-0.0501", "-1", "0", undefined]),
  ...cases("art3.3", ART3_3, "selfOperatedOnlineSales", [true, false, undefined]),
  { name: "art3.3 not self-operated and retail missing: ineligible", clauseId: "art3.3", facts: { ...ART3_3, selfOperatedOnlineSales: false, annualOnlineRetail: undefined } },
  { name: "art3.3 growth missing and retail at the threshold: ineligible", clauseId: "art3.3", facts: { ...ART3_3, growthRate: undefined, annualOnlineRetail: "20000000" } },

  // 第四条（一）: 实际成交额不低于100万元, 每场成交额1%, 单场最高不超过5万元.
  ...cases("art4.1-session", ART4_1, "sessionTurnover", [
    "999999.99",
    "1000000",
    "1000000.01",
    // 1% of x.50 fen is a tie of the fen; 1% of 1,000,050 is 10,000.50, a tie of the yuan.
    "1000000.49",
    "1000000.50",
    "1000000.51",
    "1000001.50",
    "1000049.99",
    "1000050",
    "1000150",
    1_000_000.5,
    "4999999.99",
    "4999999.50",
    "5000000",
    "5000000.01",
    "5000049.99",
    "5000050",
    "30000000",
    "1000000000000",
    undefined,
  ]),
  ...cases("art4.1-session", ART4_1, "pingguGoodsSpecialSession", [true, false, undefined]),
  { name: "art4.1-session not a special session, turnover missing: ineligible", clauseId: "art4.1-session", facts: { pingguGoodsSpecialSession: false } },

  // 第七条（一）: 快递业务量超10万单, 10万元 + 每1万单3000元, 最高不超过30万元.
  ...cases("art7.1-express", ART7_1, "annualExpressParcels", [
    99_999,
    100_000,
    100_001,
    "100001",
    109_999,
    110_000,
    110_001,
    759_999,
    760_000,
    769_999,
    770_000,
    770_001,
    "1000000000000",
    undefined,
  ]),
  ...cases("art7.1-express", ART7_1, "sellsPingguSpecialtyFarmProducts", [true, false, undefined]),
];

describe("the floor decides as evaluateClause does, at and around every threshold and cap", () => {
  it.each(CASES)("$name", ({ clauseId, facts }) => {
    for (const rounding of ROUNDINGS) {
      const verdict = decideFen(clauseId, facts, rounding);
      expect({ rounding, ...floor(clauseId, facts, rounding) }).toEqual({ rounding, ...library(clauseId, facts, rounding) });
      // All of these fit the integers: none needs the fallback.
      expect(verdict.exactFallback).toBe(false);
    }
  });

  it("the cases reach every status and both sides of every cap", () => {
    const seen = new Set(CASES.map(({ clauseId, facts }) => `${clauseId} ${evaluateClause(clauseId, facts).status} ${evaluateClause(clauseId, facts).capBinding}`));
    for (const clauseId of ["art3.1", "art3.3", "art4.1-session", "art7.1-express"]) {
      for (const status of ["eligible null", "ineligible null", "undetermined null"]) expect(seen).toContain(`${clauseId} ${status}`);
    }
    for (const cap of ["art3.1/per-park", "art3.3/per-enterprise", "art4.1-session/per-session", "art7.1-express/per-enterprise-per-year"]) {
      expect([...seen].some((entry) => entry.endsWith(` eligible ${cap}`))).toBe(true);
    }
  });

  it("the three roundings give different amounts on the tie cases (so the comparison above can see a wrong rounding)", () => {
    const amounts = ROUNDINGS.map((rounding) => decideFen("art3.1", { ...ART3_1, investment: "2000000.15" }, rounding).amount);
    expect(amounts).toEqual(["600000.05", "600000.04", "600000.00"]);
  });
});

describe("the big.js fallback decides as the integer path does", () => {
  it.each(CASES)("$name", ({ clauseId, facts }) => {
    for (const rounding of ROUNDINGS) {
      const exact = decideBigJs(clauseId, facts, rounding);
      expect({ rounding, status: exact.status, amount: exact.amount }).toEqual({ rounding, ...floor(clauseId, facts, rounding) });
      expect(exact.exactFallback).toBe(true);
    }
  });
});

describe("values beyond the integers go to big.js, exactly", () => {
  // Areas and growth rates of any length are valid facts: the library is the oracle.
  const accepted: readonly Case[] = [
    { name: "an area 10^-27 above 3000", clauseId: "art3.1", facts: { ...ART3_1, usedArea: "3000.000000000000000000000000001" } },
    { name: "an area 10^-27 below 3000", clauseId: "art3.1", facts: { ...ART3_1, usedArea: "2999.999999999999999999999999999" } },
    { name: "a growth 10^-28 above the city's", clauseId: "art3.3", facts: { ...ART3_3, growthRate: "0.0800000000000000000000000001" } },
    { name: "a growth 10^-28 below the city's", clauseId: "art3.3", facts: { ...ART3_3, growthRate: "0.0799999999999999999999999999" } },
    { name: "a growth of 16 significant digits", clauseId: "art3.3", facts: { ...ART3_3, growthRate: 9999.123456789012 } },
    { name: "a long growth, not self-operated", clauseId: "art3.3", facts: { ...ART3_3, selfOperatedOnlineSales: false, growthRate: "0.0800000000000000000000000001" } },
    { name: "a long growth, retail at the threshold", clauseId: "art3.3", facts: { ...ART3_3, annualOnlineRetail: "20000000", growthRate: "0.0800000000000000000000000001" } },
    { name: "a long growth, the retail missing", clauseId: "art3.3", facts: { ...ART3_3, annualOnlineRetail: undefined, growthRate: "0.0800000000000000000000000001" } },
  ];
  it.each(accepted)("$name: as evaluateClause", ({ clauseId, facts }) => {
    for (const rounding of ROUNDINGS) {
      expect(decideFen(clauseId, facts, rounding).exactFallback).toBe(true);
      expect({ rounding, ...floor(clauseId, facts, rounding) }).toEqual({ rounding, ...library(clauseId, facts, rounding) });
    }
  });

  // Facts the library refuses (beyond MAX_MONEY or MAX_COUNT, a fraction of a fen, exponent notation):
  // the floor validates nothing, so it still answers them, exactly, by hand here.
  const refused: readonly (Case & { readonly amount: string })[] = [
    { name: "an investment of 10^20 yuan: the cap", clauseId: "art3.1", facts: { ...ART3_1, investment: "99999999999999999999.99" }, amount: "2000000.00" },
    { name: "an investment to a tenth of a fen", clauseId: "art3.1", facts: { ...ART3_1, investment: "2000000.005" }, amount: "600000.00" },
    { name: "an investment with a third of a fen more", clauseId: "art3.1", facts: { ...ART3_1, investment: "2000000.035" }, amount: "600000.01" },
    { name: "a turnover in exponent notation", clauseId: "art4.1-session", facts: { ...ART4_1, sessionTurnover: "2e6" }, amount: "20000.00" },
    { name: "retail of 10^17 yuan: the cap", clauseId: "art3.3", facts: { ...ART3_3, annualOnlineRetail: "100000000000000000" }, amount: "500000.00" },
    { name: "10^16 parcels: the cap", clauseId: "art7.1-express", facts: { ...ART7_1, annualExpressParcels: 10_000_000_000_000_000 }, amount: "300000.00" },
  ];
  it.each(refused)("$name: $amount", ({ clauseId, facts, amount }) => {
    expect(() => evaluateClause(clauseId, facts)).toThrow(/invalid input/);
    expect(decideFen(clauseId, facts)).toEqual({ status: "eligible", amount, exactFallback: true });
  });
});
