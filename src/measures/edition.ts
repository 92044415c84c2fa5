/**
 * What an edition of the measures is: its name, dates, every threshold, rate and cap, and the
 * interpretation switches of the ambiguity register (INTERPRETATION.md §7). Rules read figures only from
 * here, so a new edition (the 试行 text) or a what-if changes data, never code.
 */
import type { Bilingual, Threshold } from "../kernel/conditions.js";
import type { CivilDate } from "../kernel/dates.js";
import { Dec, type Decimal, type RoundingMode } from "../kernel/decimal.js";
import { CIVIL_CODE_WORDS, type Operator, type ThresholdWord, type WordTable, wordTableWith } from "../kernel/words.js";

/** Every figure of Articles 3–7, per clause id. Money in yuan and rates as decimal strings. */
export interface Parameters {
  readonly "art3.1": {
    readonly minUsedArea: Threshold;
    readonly minAnnualOnlineRetail: Threshold;
    readonly minInvestment: Threshold;
    readonly rate: string;
    readonly capPerPark: string;
  };
  readonly "art3.2": {
    readonly rate: string;
    readonly capPerEnterprise: string;
  };
  readonly "art3.2-mofcom": {
    readonly award: string;
  };
  readonly "art3.3": {
    readonly minAnnualOnlineRetail: Threshold;
    /** The word comparing the applicant's growth with the city's average (不低于). */
    readonly growthWord: ThresholdWord;
    readonly baseAward: string;
    readonly incrementStep: string;
    readonly incrementAward: string;
    readonly cap: string;
  };
  readonly "art4.1-investment": {
    readonly minAnnualOnlineRetail: Threshold;
    readonly rate: string;
    /**
     * 最高不超过50万元. The name is kept for the editions already written with it, but the cap is not
     * per claim: it binds the enterprise over the policy term (A12), or per year or per project under
     * switch `art4_1InvestmentCapScope`, across its claims and earlier grants. A claim alone never
     * exceeds it either.
     */
    readonly capPerClaim: string;
  };
  readonly "art4.1-session": {
    readonly minSessionTurnover: Threshold;
    readonly rate: string;
    readonly capPerSession: string;
    readonly capPerEnterprisePerYear: string;
  };
  readonly "art4.2": {
    readonly rate: string;
    readonly capPerEnterprisePerYear: string;
  };
  readonly "art5.1": {
    readonly minLocalEnterprises: Threshold;
    readonly minCumulativeTurnover: Threshold;
    /** 不超过实际成交额的1%: the highest rate a review may grant, and the default. */
    readonly maxRate: string;
    readonly capPerEnterprise: string;
  };
  readonly "art5.2": {
    readonly minAnnualTurnover: Threshold;
    readonly award: string;
  };
  readonly "art6.1": {
    readonly minPersonTimes: Threshold;
    readonly minPlacementRate: Threshold;
    readonly cap: string;
  };
  readonly "art6.2": {
    readonly rate: string;
    /** 单个项目……最高不超过30万元的一次性资金扶持: one payment per project by default (A17). */
    readonly capPerProject: string;
  };
  readonly "art7.1-logistics": {
    /** 按照不超过……50%: the highest rate a review may grant, and the default (A19). */
    readonly rate: string;
    readonly capPerProject: string;
  };
  readonly "art7.1-express": {
    readonly minAnnualParcels: Threshold;
    readonly baseAward: string;
    readonly incrementStep: string;
    readonly incrementAward: string;
    readonly capPerEnterprisePerYear: string;
  };
  readonly "art7.2": {
    readonly minAnnualOnlineRetail: Threshold;
    readonly minGrowthRate: Threshold;
    /** 基准利率50%: the share of the benchmark rate that is subsidised. */
    readonly shareOfBenchmark: string;
    readonly capPerEnterprisePerYear: string;
  };
}

export type ClauseId = keyof Parameters;

/** The interpretation switches (INTERPRETATION.md §7). Each default is the reading of the spec. */
export interface Switches {
  /** A1 — 第十四条: the last day of the two-year window. */
  readonly validityEnd: "day-before-anniversary" | "civil-code-anniversary";
  /** A2 — art3.3, art7.1-express: how 每增加… counts. */
  readonly incrementCounting: "full-increments" | "pro-rata";
  /** A3 — art3.2: does 商务部 recognition alone qualify for the 30% support. */
  readonly art3_2MofcomAlone: "qualifies" | "requires-municipal";
  /** A4 — art4.1-investment: 农产品上行、工业品下行. */
  readonly art4_1ProductFlows: "at-least-one" | "both";
  /** A5 — art5.1: scope of the 1,000,000 cap. */
  readonly art5_1CapScope: "per-year" | "per-term";
  /** A6 — art3.2: scope of the 300,000 cap. */
  readonly art3_2CapScope: "per-term" | "per-year";
  /** A7 — 第十一条: one project claimed under several clauses. */
  readonly intraMeasuresDuplicates: "highest" | "first-claimed" | "allow";
  /** A8 — art7.2: day count of the interest subsidy. */
  readonly interestDayCount: "actual/360" | "actual/365";
  /** A9 — how amounts are rounded. */
  readonly rounding: RoundingMode;
  /** A10 — which year an annual cap counts a claim in. */
  readonly annualCapYear: "fact-year" | "payment-year";
  /** A11 — the meaning of threshold words. */
  readonly thresholdWords: "civil-code" | "edition";
  /** A12 — art4.1-investment: scope of the 500,000 cap. */
  readonly art4_1InvestmentCapScope: "per-term" | "per-year" | "per-project";
  /** A16 — art7.2: which interest days are subsidised, and where the claim lies. */
  readonly art7_2InterestPeriod: "clipped-to-window" | "whole-period";
  /** A17 — art6.2: one payment per project, or several up to the project's cap. */
  readonly art6_2ProjectScope: "one-time" | "cumulative";
}

export type SwitchName = keyof Switches;

/** Each switch's allowed values, default first, with the register entry it implements. */
export const SWITCH_VALUES: { readonly [K in SwitchName]: { readonly register: string; readonly values: readonly Switches[K][] } } = {
  validityEnd: { register: "A1", values: ["day-before-anniversary", "civil-code-anniversary"] },
  incrementCounting: { register: "A2", values: ["full-increments", "pro-rata"] },
  art3_2MofcomAlone: { register: "A3", values: ["qualifies", "requires-municipal"] },
  art4_1ProductFlows: { register: "A4", values: ["at-least-one", "both"] },
  art5_1CapScope: { register: "A5", values: ["per-year", "per-term"] },
  art3_2CapScope: { register: "A6", values: ["per-term", "per-year"] },
  intraMeasuresDuplicates: { register: "A7", values: ["highest", "first-claimed", "allow"] },
  interestDayCount: { register: "A8", values: ["actual/360", "actual/365"] },
  rounding: { register: "A9", values: ["fen-half-up", "fen-half-even", "yuan-half-up"] },
  annualCapYear: { register: "A10", values: ["fact-year", "payment-year"] },
  thresholdWords: { register: "A11", values: ["civil-code", "edition"] },
  art4_1InvestmentCapScope: { register: "A12", values: ["per-term", "per-year", "per-project"] },
  art7_2InterestPeriod: { register: "A16", values: ["clipped-to-window", "whole-period"] },
  art6_2ProjectScope: { register: "A17", values: ["one-time", "cumulative"] },
};

export interface Edition {
  /** Stable id, e.g. "draft". */
  readonly id: string;
  readonly name: Bilingual;
  /** 第十四条: in force from the publication day. The draft has none: callers supply it. */
  readonly publishedOn: CivilDate | null;
  /** An explicit last day, where the final document states one (overrides the computed window). */
  readonly validUntil: CivilDate | null;
  /** 有效期两年. */
  readonly validityYears: number;
  readonly parameters: Parameters;
  readonly switches: Switches;
  /** The edition's own meanings of threshold words; used only when `thresholdWords` is "edition". */
  readonly wordDefinitions: Readonly<Partial<Record<ThresholdWord, Operator>>>;
}

/**
 * What a rule sees: the edition's figures already parsed to exact decimals, the switches in force and
 * the meaning of each threshold word.
 */
export interface MeasuresContext {
  readonly edition: Edition;
  readonly params: Parameters;
  readonly switches: Switches;
  readonly words: WordTable;
  /** Parse a decimal written in the edition (memoised per edition). */
  dec(text: string): Decimal;
}

export function makeContext(edition: Edition): MeasuresContext {
  const cache = new Map<string, Decimal>();
  const words = edition.switches.thresholdWords === "edition" ? wordTableWith(edition.wordDefinitions) : CIVIL_CODE_WORDS;
  return {
    edition,
    params: edition.parameters,
    switches: edition.switches,
    words,
    dec(text: string): Decimal {
      let value = cache.get(text);
      if (value === undefined) {
        value = new Dec(text);
        cache.set(text, value);
      }
      return value;
    },
  };
}

/** Editions deep-frozen by `sealEdition`: they can never change, so caches may key on them. */
const SEALED = new WeakSet<object>();

/** Deep-freeze an edition and remember that it is (the draft, `deriveEdition`'s editions). */
export function sealEdition<T extends Edition>(edition: T): T {
  SEALED.add(deepFreeze(edition));
  return edition;
}

/**
 * The edition as the evaluators use it: the edition itself when the library sealed it (the draft and
 * every edition of `deriveEdition` are), otherwise a sealed copy taken now. The library works an
 * edition's context, window, bound clauses and hash out once per edition object and keeps them; an
 * edition that could still change after that (built by hand or read from JSON, then edited for the
 * next what-if) would otherwise be decided with the figures it had the first time it was seen.
 * An edition is plain JSON data, so its JSON text is a faithful copy (of one that contains itself, a
 * TypeError saying so).
 */
export function frozenEdition(edition: Edition): Edition {
  return SEALED.has(edition) ? edition : sealEdition(JSON.parse(JSON.stringify(edition)) as Edition);
}

// Deep-freezing is the kernel's (src/kernel/freeze.ts); editions and their callers use it from here.
import { deepFreeze } from "../kernel/freeze.js";

export { deepFreeze };
