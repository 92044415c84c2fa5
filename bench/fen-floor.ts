/**
 * The exact floor of the clause benchmark (issue 16, item 4): the four clauses of bench/clause-throughput.ts
 * — art3.1, art3.3, art4.1-session, art7.1-express under the draft edition — written as plainly and as
 * fast as exact arithmetic allows. Money is an integer number of fen in a JS safe integer, parsed from
 * its decimal string digit by digit (never through a float); rates are integer fractions; the single
 * rounding of docs/conventions.md §2 is done on integers. No validation, no explanation: what
 * `evaluateClause` costs beyond this is the price of checking the facts and explaining the answer.
 *
 * Exact everywhere: a value this path cannot hold exactly (more than 2^53, more than 22 decimal places,
 * money beyond the library's MAX_MONEY, a fraction of a fen, a negative amount, text that is not a plain
 * decimal) sends the whole claim to the same decision in big.js, and the verdict says so
 * (`exactFallback`). The library refuses most such facts; the floor, which validates nothing, still
 * answers them exactly.
 *
 * The figures are the draft edition's (src/measures/edition-draft.ts), written here as integers;
 * test/bench/fen-floor.test.ts holds them equal to the edition's and the verdicts equal to
 * `evaluateClause`'s at and around every threshold and cap. Only the draft's default readings are
 * implemented: thresholds by the Civil Code's words (`thresholdWords: civil-code`), full increments
 * (A2, `incrementCounting: full-increments`); the rounding is a parameter (A9, the three `rounding`
 * values).
 */
import Big from "big.js";

export const FLOOR_CLAUSES = ["art3.1", "art3.3", "art4.1-session", "art7.1-express"] as const;
export type FloorClauseId = (typeof FLOOR_CLAUSES)[number];
export type FenRounding = "fen-half-up" | "fen-half-even" | "yuan-half-up";

/** Status and amount as `evaluateClause` gives them: "0.00" when ineligible, null when undetermined. */
export interface FenVerdict {
  readonly status: "eligible" | "ineligible" | "undetermined";
  readonly amount: string | null;
  /** Whether the claim was decided in big.js because a value did not fit the integer path. */
  readonly exactFallback: boolean;
}

/**
 * The draft's figures in integers: money in fen, counts and areas in their units, rates as
 * numerator/denominator. Each line cites its clause; the operator follows the threshold's word
 * (民法典 第一千二百五十九条: 以上 includes the number, 超过 / 超 exclude it; 不少于 / 不低于 include it).
 */
export const FEN_FIGURES = {
  // 第三条（一）：实际使用面积达3000平米以上（≥），年网络零售额5亿元以上（≥），投资额不少于200万元（≥），按投资额的30%，最高不超过200万元。
  "art3.1": { minUsedArea: 3000, minRetailFen: 50_000_000_000, minInvestmentFen: 200_000_000, rateNum: 30, rateDen: 100, capFen: 200_000_000 },
  // 第三条（三）：网络零售额超过2000万元（>）且增速不低于全市平均增速（≥），30万元，每增加1000万元再奖励5万元，最高不超过50万元。
  "art3.3": { minRetailFen: 2_000_000_000, baseFen: 30_000_000, stepFen: 1_000_000_000, perStepFen: 5_000_000, capFen: 50_000_000 },
  // 第四条（一）：实际成交额不低于100万元（≥），每场成交额1%，单场最高不超过5万元，单个企业年度累计不超过30万元。
  "art4.1-session": { minTurnoverFen: 100_000_000, rateNum: 1, rateDen: 100, capPerSessionFen: 5_000_000, capPerYearFen: 30_000_000 },
  // 第七条（一）：年度快递业务量超10万单（>），10万元，每增加1万单再奖励3000元，最高不超过30万元。
  "art7.1-express": { minParcels: 100_000, baseFen: 10_000_000, stepParcels: 10_000, perStepFen: 300_000, capFen: 30_000_000 },
} as const;

/**
 * The largest money value the integer path holds, in fen: MAX_MONEY (10^12 yuan). Every product below —
 * fen × a rate's numerator (≤ 30), a count of steps × an award per step — then stays below 2^53, so
 * the CPU computes it exactly; anything larger goes to big.js.
 */
const FEN_LIMIT = 100_000_000_000_000;
/** Counts and areas: up to MAX_COUNT (10^12); larger goes to big.js. */
const UNIT_LIMIT = 1_000_000_000_000;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
if (FEN_LIMIT * 30 > MAX_SAFE) throw new Error("fen-floor: FEN_LIMIT × the largest numerator leaves the safe integers");

/** 10^0 … 10^22: every one is a double exactly. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Accumulating digits stays exact while the integer is below this (one more digit is still safe). */
const PARSE_LIMIT = Math.floor((MAX_SAFE - 9) / 10);

// `scan` writes its result here and the caller reads it at once (synchronous: no state survives a call).
let scannedM = 0;
let scannedK = 0;

/**
 * A plain decimal `-?digits(.digits)?` as scannedM ÷ 10^scannedK (trailing zeros of the fraction
 * dropped), read digit by digit. False for any other text or a value the safe integers cannot hold.
 */
function scan(text: string): boolean {
  const length = text.length;
  let i = 0;
  let negative = false;
  if (length > 0 && text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    i = 1;
  }
  if (i === length) return false;
  let m = 0;
  let k = 0;
  let point = false;
  let zeros = 0;
  let digits = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (point || digits === 0 || i === length - 1) return false;
      point = true;
      continue;
    }
    const digit = c - 48;
    if (digit < 0 || digit > 9) return false;
    digits++;
    if (point) {
      // A zero of the fraction counts only once a later non-zero digit needs it.
      if (digit === 0) {
        zeros++;
        continue;
      }
      for (; zeros > 0; zeros--, k++) {
        if (m > PARSE_LIMIT) return false;
        m *= 10;
      }
      k++;
    }
    if (m > PARSE_LIMIT) return false;
    m = m * 10 + digit;
  }
  if (k > 22) return false;
  scannedM = negative ? -m : m;
  scannedK = k;
  return true;
}

/** A fact as scannedM / scannedK; a number is read through its shortest decimal text, as the library reads it. */
function scanValue(raw: unknown): boolean {
  if (typeof raw === "string") return scan(raw);
  if (typeof raw === "number") {
    if (Number.isSafeInteger(raw)) {
      scannedM = raw;
      scannedK = 0;
      return true;
    }
    return Number.isFinite(raw) && scan(String(raw));
  }
  return false;
}

/** Returned by the readers below instead of a value (valid values are never negative). */
const MISSING = -1;
const UNSAFE = -2;

/** Money in fen: MISSING for an absent fact, UNSAFE when it is not a whole number of fen in [0, FEN_LIMIT]. */
function readFen(raw: unknown): number {
  if (raw === undefined || raw === null) return MISSING;
  if (!scanValue(raw) || scannedK > 2 || scannedM < 0) return UNSAFE;
  const fen = scannedM * POW10[2 - scannedK]!;
  return fen <= FEN_LIMIT ? fen : UNSAFE;
}

/** A count (whole units) in [0, UNIT_LIMIT]: MISSING or UNSAFE otherwise. */
function readUnits(raw: unknown): number {
  if (raw === undefined || raw === null) return MISSING;
  if (!scanValue(raw) || scannedK !== 0 || scannedM < 0 || scannedM > UNIT_LIMIT) return UNSAFE;
  return scannedM;
}

/** Whether a non-negative decimal (an area) is at least the whole number `min`: 1, 0, MISSING or UNSAFE. */
function atLeastUnits(raw: unknown, min: number): number {
  if (raw === undefined || raw === null) return MISSING;
  if (!scanValue(raw) || scannedM < 0) return UNSAFE;
  const scaledMin = min * POW10[scannedK]!;
  if (scaledMin > MAX_SAFE) return UNSAFE;
  return scannedM >= scaledMin ? 1 : 0;
}

/** Whether decimal `a` ≥ decimal `b` (growth rates, which may be negative): 1, 0, MISSING or UNSAFE. */
function atLeastDecimal(a: unknown, b: unknown): number {
  if (a === undefined || a === null || b === undefined || b === null) return MISSING;
  if (!scanValue(a)) return UNSAFE;
  const am = scannedM;
  const ak = scannedK;
  if (!scanValue(b)) return UNSAFE;
  const k = ak > scannedK ? ak : scannedK;
  const left = am * POW10[k - ak]!;
  const right = scannedM * POW10[k - scannedK]!;
  if (left > MAX_SAFE || left < -MAX_SAFE || right > MAX_SAFE || right < -MAX_SAFE) return UNSAFE;
  return left >= right ? 1 : 0;
}

/** A yes/no fact: 1 true, 0 false, MISSING otherwise (the library refuses anything but a boolean). */
function truth(raw: unknown): number {
  return raw === true ? 1 : raw === false ? 0 : MISSING;
}

/**
 * numerator ÷ denominator in fen, rounded once as the edition says (A9), for numerator ≥ 0. `%` of two
 * safe integers is exact, so the quotient is too.
 */
function roundFen(numerator: number, denominator: number, rounding: FenRounding): number {
  if (rounding === "yuan-half-up") return roundFen(numerator, denominator * 100, "fen-half-up") * 100;
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  const twice = remainder * 2;
  if (twice > denominator) return quotient + 1;
  if (twice < denominator) return quotient;
  return rounding === "fen-half-up" || quotient % 2 === 1 ? quotient + 1 : quotient;
}

/** A whole number of fen as the library's decimal text ("1234.05"). */
function fenText(fen: number): string {
  const cents = fen % 100;
  return `${(fen - cents) / 100}${cents < 10 ? ".0" : "."}${cents}`;
}

const INELIGIBLE: FenVerdict = Object.freeze({ status: "ineligible", amount: "0.00", exactFallback: false });
const UNDETERMINED: FenVerdict = Object.freeze({ status: "undetermined", amount: null, exactFallback: false });

function eligible(fen: number): FenVerdict {
  return { status: "eligible", amount: fenText(fen), exactFallback: false };
}

/**
 * The status from the conditions' outcomes (1 met, 0 failed, MISSING): one failed condition makes the
 * clause ineligible whatever else is missing; otherwise a missing fact leaves it undetermined.
 */
function settle(a: number, b: number, c: number): FenVerdict | null {
  if (a === 0 || b === 0 || c === 0) return INELIGIBLE;
  if (a === MISSING || b === MISSING || c === MISSING) return UNDETERMINED;
  return null;
}

/** The integer path of one clause: a verdict, or null when a value does not fit it. */
type FenClause = (facts: Readonly<Record<string, unknown>>, rounding: FenRounding) => FenVerdict | null;

const FEN_CLAUSES: Readonly<Record<FloorClauseId, FenClause>> = {
  "art3.1"(x, rounding) {
    const p = FEN_FIGURES["art3.1"];
    const area = atLeastUnits(x.usedArea, p.minUsedArea);
    const retail = readFen(x.annualOnlineRetail);
    const investment = readFen(x.investment);
    if (area === UNSAFE || retail === UNSAFE || investment === UNSAFE) return null;
    const verdict = settle(area, retail === MISSING ? MISSING : retail >= p.minRetailFen ? 1 : 0, investment === MISSING ? MISSING : investment >= p.minInvestmentFen ? 1 : 0);
    if (verdict !== null) return verdict;
    const rounded = roundFen(investment * p.rateNum, p.rateDen, rounding);
    return eligible(rounded > p.capFen ? p.capFen : rounded);
  },
  "art3.3"(x) {
    const p = FEN_FIGURES["art3.3"];
    const retail = readFen(x.annualOnlineRetail);
    const growth = atLeastDecimal(x.growthRate, x.cityAverageGrowthRate);
    if (retail === UNSAFE || growth === UNSAFE) return null;
    const verdict = settle(truth(x.selfOperatedOnlineSales), retail === MISSING ? MISSING : retail > p.minRetailFen ? 1 : 0, growth);
    if (verdict !== null) return verdict;
    // A2: full increments of the step above the threshold; whole yuan, so no rounding is needed.
    const above = retail - p.minRetailFen;
    const award = p.baseFen + ((above - (above % p.stepFen)) / p.stepFen) * p.perStepFen;
    return eligible(award > p.capFen ? p.capFen : award);
  },
  "art4.1-session"(x, rounding) {
    const p = FEN_FIGURES["art4.1-session"];
    const turnover = readFen(x.sessionTurnover);
    if (turnover === UNSAFE) return null;
    const verdict = settle(truth(x.pingguGoodsSpecialSession), turnover === MISSING ? MISSING : turnover >= p.minTurnoverFen ? 1 : 0, 1);
    if (verdict !== null) return verdict;
    const rounded = roundFen(turnover * p.rateNum, p.rateDen, rounding);
    // Per session, then per enterprise per year (which one claim alone can never reach).
    const perSession = rounded > p.capPerSessionFen ? p.capPerSessionFen : rounded;
    return eligible(perSession > p.capPerYearFen ? p.capPerYearFen : perSession);
  },
  "art7.1-express"(x) {
    const p = FEN_FIGURES["art7.1-express"];
    const parcels = readUnits(x.annualExpressParcels);
    if (parcels === UNSAFE) return null;
    const verdict = settle(truth(x.sellsPingguSpecialtyFarmProducts), parcels === MISSING ? MISSING : parcels > p.minParcels ? 1 : 0, 1);
    if (verdict !== null) return verdict;
    const above = parcels - p.minParcels;
    const award = p.baseFen + ((above - (above % p.stepParcels)) / p.stepParcels) * p.perStepFen;
    return eligible(award > p.capFen ? p.capFen : award);
  },
};

/**
 * Decide one of the four clauses on one claim's facts under the draft edition: integer fen where the
 * values fit, big.js where they do not. The facts are not validated (the library's job, not the floor's).
 */
export function decideFen(clauseId: FloorClauseId, facts: Readonly<Record<string, unknown>>, rounding: FenRounding = "fen-half-up"): FenVerdict {
  return FEN_CLAUSES[clauseId](facts, rounding) ?? decideBigJs(clauseId, facts, rounding);
}

// ---------------------------------------------------------------------------------------------------
// The exact fallback: the same decisions in big.js, for values beyond the integer path.

/** Our own big.js constructor: the global one's settings are the host's, not ours. */
const B: Big.BigConstructor = Big();
const FEN = new B("0.01");
const yuan = (fen: number): Big.Big => new B(fen).times(FEN);
/** A rate as a big.js decimal: its denominator is a power of ten, so the quotient is exact. */
const rate = (numerator: number, denominator: number): Big.Big => new B(numerator).div(denominator);

/** A fact as a big.js number, undefined when absent; text big.js cannot read throws, as big.js does. */
function big(raw: unknown): Big.Big | undefined {
  return raw === undefined || raw === null ? undefined : new B(raw as string | number);
}

/** 1 when the value is present and `holds`, 0 when present and not, MISSING when absent. */
function outcome(value: Big.Big | undefined, holds: (value: Big.Big) => boolean): number {
  return value === undefined ? MISSING : holds(value) ? 1 : 0;
}

function roundBig(amount: Big.Big, rounding: FenRounding): Big.Big {
  if (rounding === "yuan-half-up") return amount.round(0, Big.roundHalfUp);
  return amount.round(2, rounding === "fen-half-even" ? Big.roundHalfEven : Big.roundHalfUp);
}

function eligibleBig(amount: Big.Big, ...capsFen: number[]): FenVerdict {
  let capped = amount;
  for (const capFen of capsFen) {
    const cap = yuan(capFen);
    if (cap.lt(capped)) capped = cap;
  }
  return { status: "eligible", amount: capped.toFixed(2), exactFallback: true };
}

/** Full increments of `step` in `above` (A2), exactly: big.js's remainder is exact where its division rounds. */
function increments(above: Big.Big, step: Big.Big): Big.Big {
  return above.minus(above.mod(step)).div(step);
}

function fallbackVerdict(verdict: FenVerdict): FenVerdict {
  return { status: verdict.status, amount: verdict.amount, exactFallback: true };
}

/**
 * The same decision in big.js: the floor's fallback, exported so that the tests can hold it equal to the
 * integer path on every case of theirs.
 */
export function decideBigJs(clauseId: FloorClauseId, x: Readonly<Record<string, unknown>>, rounding: FenRounding = "fen-half-up"): FenVerdict {
  switch (clauseId) {
    case "art3.1": {
      const p = FEN_FIGURES["art3.1"];
      const investment = big(x.investment);
      const verdict = settle(
        outcome(big(x.usedArea), (v) => v.gte(p.minUsedArea)),
        outcome(big(x.annualOnlineRetail), (v) => v.gte(yuan(p.minRetailFen))),
        outcome(investment, (v) => v.gte(yuan(p.minInvestmentFen))),
      );
      if (verdict !== null) return fallbackVerdict(verdict);
      return eligibleBig(roundBig((investment as Big.Big).times(rate(p.rateNum, p.rateDen)), rounding), p.capFen);
    }
    case "art3.3": {
      const p = FEN_FIGURES["art3.3"];
      const retail = big(x.annualOnlineRetail);
      const growth = big(x.growthRate);
      const city = big(x.cityAverageGrowthRate);
      const verdict = settle(
        truth(x.selfOperatedOnlineSales),
        outcome(retail, (v) => v.gt(yuan(p.minRetailFen))),
        growth === undefined || city === undefined ? MISSING : growth.gte(city) ? 1 : 0,
      );
      if (verdict !== null) return fallbackVerdict(verdict);
      const steps = increments((retail as Big.Big).minus(yuan(p.minRetailFen)), yuan(p.stepFen));
      return eligibleBig(yuan(p.baseFen).plus(steps.times(yuan(p.perStepFen))), p.capFen);
    }
    case "art4.1-session": {
      const p = FEN_FIGURES["art4.1-session"];
      const turnover = big(x.sessionTurnover);
      const verdict = settle(truth(x.pingguGoodsSpecialSession), outcome(turnover, (v) => v.gte(yuan(p.minTurnoverFen))), 1);
      if (verdict !== null) return fallbackVerdict(verdict);
      return eligibleBig(roundBig((turnover as Big.Big).times(rate(p.rateNum, p.rateDen)), rounding), p.capPerSessionFen, p.capPerYearFen);
    }
    case "art7.1-express": {
      const p = FEN_FIGURES["art7.1-express"];
      const parcels = big(x.annualExpressParcels);
      const verdict = settle(truth(x.sellsPingguSpecialtyFarmProducts), outcome(parcels, (v) => v.gt(p.minParcels)), 1);
      if (verdict !== null) return fallbackVerdict(verdict);
      const steps = increments((parcels as Big.Big).minus(p.minParcels), new B(p.stepParcels));
      return eligibleBig(yuan(p.baseFen).plus(steps.times(yuan(p.perStepFen))), p.capFen);
    }
  }
}
