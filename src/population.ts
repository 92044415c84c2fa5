/**
 * A seeded synthetic population of applications, for demos, tests and benchmarks. It is NOT real data
 * and says so: every applicant's name starts with "【合成样本】" (synthetic sample).
 *
 * Values cluster where mistakes hide: at every threshold (at it, one unit below, one unit above), at
 * every tier step, and at the input that makes each clause's amount exactly reach its cap (and one fen
 * either side) — all read from the edition, so a what-if's thresholds get their own clusters. The rest
 * is spread log-uniformly. The same seed gives the same population on every machine.
 */
import { Dec, type Decimal, formatMoney, formatPlain } from "./kernel/decimal.js";
import { addCalendarDays, type CivilDate, civilDate, daysBetween, yearOf } from "./kernel/dates.js";
import { USCC_ALPHABET, usccCheckCharacter } from "./kernel/uscc.js";
import type { ApplicationInput } from "./application.js";
import { DRAFT_EDITION } from "./measures/edition-draft.js";
import type { ClauseId, Edition, Parameters } from "./measures/edition.js";
import { getRule, listClauseIds } from "./measures/registry.js";

export interface PopulationOptions {
  /** Seed of the pseudo-random generator (any 32-bit integer). */
  readonly seed: number;
  /** Number of applicants (applications). */
  readonly applicants: number;
  /** Claims per applicant: each applicant gets a number drawn uniformly from [min, max]. */
  readonly claimsPerApplicant?: readonly [number, number];
  /** The edition whose thresholds the values cluster around (the draft by default). */
  readonly edition?: Edition;
  /** First day of the validity window the fact dates are drawn around (default 2025-03-01). */
  readonly publishedOn?: string;
}

/** mulberry32: a small, fast, well-distributed 32-bit generator; deterministic for a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

const FEN = new Dec("0.01");
const ONE = new Dec(1);

/**
 * A value near one of the interesting points (exactly, one unit below or above), or spread
 * log-uniformly between a fifth of the smallest point and three times the largest.
 */
function clustered(rng: Rng, points: readonly Decimal[], unit: Decimal, integer = false): string {
  const positive = points.filter((p) => p.gt(0));
  if (rng() < 0.65 && positive.length > 0) {
    const point = pick(rng, positive);
    const offset = pick(rng, [-1, 0, 0, 1]);
    const value = point.plus(unit.times(offset));
    return formatPlain(value.lt(0) ? new Dec(0) : integer ? value.round(0, 0) : value.round(2, 1));
  }
  const lo = Math.log(Math.max(1, Number(positive[0] ?? 1) / 5));
  const hi = Math.log(Math.max(2, Number(positive[positive.length - 1] ?? 1) * 3));
  const raw = Math.exp(lo + rng() * (hi - lo));
  return integer ? String(Math.round(raw)) : (Math.round(raw * 100) / 100).toFixed(2);
}

/** A yes/no fact: mostly true, sometimes false, sometimes unknown (absent). */
function fact(rng: Rng): boolean | undefined {
  const r = rng();
  return r < 0.9 ? true : r < 0.95 ? false : undefined;
}

function d(text: string): Decimal {
  return new Dec(text);
}

/** The input that makes `rate × input` equal `cap`, and one fen either side of it. */
function capPoint(cap: string, rate: string): Decimal[] {
  const point = d(cap).div(d(rate)).round(2, 1);
  return [point, point.minus(FEN), point.plus(FEN)];
}

type ClauseInputs = (rng: Rng, p: Parameters) => Record<string, unknown>;

const GROWTH_POINTS = [d("0"), d("0.05"), d("0.1"), d("0.2")];

function growth(rng: Rng, around: Decimal): string {
  return formatPlain(around.plus(d("0.0001").times(pick(rng, [-1, 0, 1]))).plus(rng() < 0.3 ? d(String(Math.round(rng() * 2000 - 500) / 10000)) : 0));
}

const INPUTS: Readonly<Record<ClauseId, ClauseInputs>> = {
  "art3.1": (rng, p) => {
    const c = p["art3.1"];
    return {
      usedArea: clustered(rng, [d(c.minUsedArea.value)], d("0.01")),
      annualOnlineRetail: clustered(rng, [d(c.minAnnualOnlineRetail.value)], FEN),
      investment: clustered(rng, [d(c.minInvestment.value), ...capPoint(c.capPerPark, c.rate)], FEN),
    };
  },
  "art3.2": (rng, p) => {
    const c = p["art3.2"];
    const total = d(clustered(rng, capPoint(c.capPerEnterprise, c.rate), FEN));
    const rent = total.times(d("0.5")).round(2, 0);
    const renovation = total.minus(rent).times(d("0.6")).round(2, 0);
    return {
      municipalRecognition: fact(rng),
      mofcomRecognition: rng() < 0.2,
      rentCost: formatMoney(rent),
      renovationCost: formatMoney(renovation),
      equipmentCost: formatMoney(total.minus(rent).minus(renovation)),
    };
  },
  "art3.2-mofcom": (rng) => ({ mofcomRecognition: fact(rng) }),
  "art3.3": (rng, p) => {
    const c = p["art3.3"];
    const base = d(c.minAnnualOnlineRetail.value);
    const steps = [0, 1, 2, 3, 4, 5].map((k) => base.plus(d(c.incrementStep).times(k)));
    const city = d(String(Math.round(rng() * 2000 - 500) / 10000));
    return {
      selfOperatedOnlineSales: fact(rng),
      annualOnlineRetail: clustered(rng, steps, FEN),
      growthRate: growth(rng, city),
      cityAverageGrowthRate: formatPlain(city),
    };
  },
  "art4.1-investment": (rng, p) => {
    const c = p["art4.1-investment"];
    return {
      annualOnlineRetail: clustered(rng, [d(c.minAnnualOnlineRetail.value)], FEN),
      sellsPingguFarmProductsOut: fact(rng),
      bringsIndustrialProductsIn: rng() < 0.3,
      liveRoomAndColdChainInvestment: clustered(rng, capPoint(c.capPerClaim, c.rate), FEN),
    };
  },
  "art4.1-session": (rng, p) => {
    const c = p["art4.1-session"];
    return {
      pingguGoodsSpecialSession: fact(rng),
      sessionTurnover: clustered(rng, [d(c.minSessionTurnover.value), ...capPoint(c.capPerSession, c.rate)], FEN),
    };
  },
  "art4.2": (rng, p) => {
    const c = p["art4.2"];
    return {
      immersiveSceneWithNewTechnology: fact(rng),
      reviewedOutstandingAndReplicable: fact(rng),
      actualInvestment: clustered(rng, capPoint(c.capPerEnterprisePerYear, c.rate), FEN),
    };
  },
  "art5.1": (rng, p) => {
    const c = p["art5.1"];
    return {
      ecommerceServiceEnterprise: fact(rng),
      localEnterprisesDriven: clustered(rng, [d(c.minLocalEnterprises.value)], ONE, true),
      localEnterprisesCumulativeTurnover: clustered(rng, [d(c.minCumulativeTurnover.value), ...capPoint(c.capPerEnterprise, c.maxRate)], FEN),
      ...(rng() < 0.5 ? { reviewedRate: pick(rng, ["0.005", "0.008", c.maxRate]) } : {}),
    };
  },
  "art5.2": (rng, p) => ({
    innovativeProductViaLiveStreaming: fact(rng),
    productAnnualTurnover: clustered(rng, [d(p["art5.2"].minAnnualTurnover.value)], FEN),
    firstYearAboveThreshold: fact(rng),
  }),
  "art6.1": (rng, p) => {
    const c = p["art6.1"];
    return {
      personTimesTrained: clustered(rng, [d(c.minPersonTimes.value)], ONE, true),
      completeTrainingRecords: fact(rng),
      placementRate: formatPlain(d(c.minPlacementRate.value).plus(d("0.0001").times(pick(rng, [-1, 0, 1, 50])))),
      ...(rng() < 0.6 ? { approvedAmount: clustered(rng, [d(c.cap)], FEN) } : {}),
    };
  },
  "art6.2": (rng, p) => ({
    publicBasicServiceEvent: fact(rng),
    actualCost: clustered(rng, capPoint(p["art6.2"].capPerProject, p["art6.2"].rate), FEN),
  }),
  "art7.1-logistics": (rng, p) => ({
    logisticsFacilityBuiltOrUpgraded: fact(rng),
    auditedInvestment: clustered(rng, capPoint(p["art7.1-logistics"].capPerProject, p["art7.1-logistics"].rate), FEN),
  }),
  "art7.1-express": (rng, p) => {
    const c = p["art7.1-express"];
    const base = d(c.minAnnualParcels.value);
    const steps = [0, 1, 10, 50, 66, 67].map((k) => base.plus(d(c.incrementStep).times(k)));
    return { sellsPingguSpecialtyFarmProducts: fact(rng), annualExpressParcels: clustered(rng, steps, ONE, true) };
  },
  "art7.2": (rng, p) => {
    const c = p["art7.2"];
    const start = civilDate(`2025-${pick(rng, ["03", "04", "06", "09"])}-${pick(rng, ["01", "15", "21"])}`);
    const end = addCalendarDays(start, int(rng, 30, 360));
    const rate = pick(rng, ["0.031", "0.0345", "0.0365"]);
    const principal = clustered(rng, [d("5000000"), d("10000000"), d("30000000")], d("10000"));
    const due = d(principal).times(d(rate)).times(daysBetween(start, end)).div(360);
    return {
      statisticallyRegistered: fact(rng),
      annualOnlineRetail: clustered(rng, [d(c.minAnnualOnlineRetail.value)], FEN),
      growthRate: growth(rng, d(c.minGrowthRate.value)),
      ownOperationsCommercialLoan: fact(rng),
      thirdPartyReviewApproved: fact(rng),
      principal,
      benchmarkAnnualRate: rate,
      interestPeriodStart: start,
      interestPeriodEnd: end,
      interestPaid: formatMoney(rng() < 0.1 ? due.times(d("0.3")) : due),
    };
  },
};

function creditCode(rng: Rng, index: number): string {
  const serial = index.toString(31).toUpperCase().split("").map((ch) => USCC_ALPHABET.charAt(parseInt(ch, 31))).join("");
  const body = `91110117${serial.padStart(6, "0")}${pick(rng, ["A", "B", "C"])}${pick(rng, ["1", "2"])}${pick(rng, ["X", "Y"])}`.slice(0, 17);
  return body + (usccCheckCharacter(body) as string);
}

function omitUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/**
 * The population as a lazy sequence of application documents: a million applicants need no more
 * memory than one.
 */
export function* generatePopulation(options: PopulationOptions): Generator<ApplicationInput> {
  const rng = seededRandom(options.seed);
  const params = (options.edition ?? DRAFT_EDITION).parameters;
  const [minClaims, maxClaims] = options.claimsPerApplicant ?? [1, 6];
  const from = civilDate(options.publishedOn ?? "2025-03-01");
  const clauseIds = listClauseIds();
  for (let index = 0; index < options.applicants; index++) {
    const claims = [];
    const count = int(rng, minClaims, maxClaims);
    for (let c = 0; c < count; c++) {
      const clauseId = pick(rng, clauseIds);
      // Mostly inside the two-year window, a few days either side of its ends now and then.
      const drawn: CivilDate = addCalendarDays(from, int(rng, -20, 750));
      const input = omitUndefined(INPUTS[clauseId](rng, params));
      // A clause that fixes its fact date (A16, A18) gets that date: any other is invalid input.
      const fixed = getRule(clauseId).factDate;
      const factDate = fixed === undefined ? drawn : fixed === "year-end" ? civilDate(`${yearOf(drawn)}-12-31`) : (input[fixed.field] as CivilDate);
      claims.push({
        id: `C${c + 1}`,
        clauseId,
        factDate,
        // Clauses that are one-time per project (art3.1 per park, art6.2 per event: A17) always name one.
        ...(clauseId === "art3.1" || clauseId === "art6.2" || rng() < 0.3 ? { projectId: `P${int(rng, 1, 4)}` } : {}),
        ...(clauseId === "art5.2" ? { productId: `SKU${int(rng, 1, 3)}` } : {}),
        ...(rng() < 0.02 ? { otherPolicySupport: { policy: "平谷区其他财政支持政策（合成）" } } : {}),
        input,
      });
    }
    const history =
      rng() < 0.2
        ? [{ id: "G1", clauseId: pick(rng, ["art4.1-session", "art3.2", "art4.2", "art7.2"]), factDate: addCalendarDays(from, int(rng, 0, 200)), amount: formatMoney(d(String(int(rng, 1, 300) * 1000))) }]
        : [];
    const r = rng();
    yield {
      applicant: {
        name: `【合成样本】平谷直播电商企业${String(index + 1).padStart(7, "0")}`,
        creditCode: creditCode(rng, index),
        registeredInPinggu: r < 0.97 ? true : r < 0.985 ? false : undefined,
        liveCommerceBusiness: true,
        ...(rng() < 0.01 ? { restrictedCatalogue: true } : {}),
      },
      claims,
      history,
    } as ApplicationInput;
  }
}

/** Days covered by the window the generator draws fact dates from (for documentation and tests). */
export const GENERATED_FACT_DATE_SPAN = daysBetween(civilDate("2025-03-01"), addCalendarDays(civilDate("2025-03-01"), 750));
