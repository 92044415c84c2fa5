/**
 * 第七条 集成直播电商支撑体系 — Article 7: integrate the live-commerce support system.
 * Clauses: art7.1-logistics (logistics facilities), art7.1-express (express parcel volume),
 * art7.2 (loan interest subsidy).
 */
import { requireFact, thresholdCondition } from "../kernel/conditions.js";
import { addCalendarDays, type CivilDate, daysBetween } from "../kernel/dates.js";
import { Dec, formatPlain } from "../kernel/decimal.js";
import { annualRate, count, date, fact, facts, fraction, growthRate, money } from "../kernel/fields.js";
import { CLAUSE_REASON_CODES } from "../kernel/reasons.js";
import type { RuleProblem } from "../kernel/rule.js";
import { cite, type MeasuresRule, present, type ReviewedRateSpec, reviewedRateProblems, reviewedRateStep, tieredAward } from "./common.js";
import type { MeasuresContext, Switches } from "./edition.js";
import { validityWindow } from "./general-provisions.js";

const ITEM_7_1 =
  "（一）强化物流服务。支持建设改造一批区级物流配送中心和乡镇街道快递物流站点，对设施设备购置、软硬件建设升级等按照不超过项目审定实际投资额的50%进行支持，最高不超过50万元。对销售平谷区特色农产品的企业，年度快递业务量超10万单的，给予10万元奖励，每增加1万单再奖励3000元，最高不超过30万元。";
const ITEM_7_2 =
  "（二）强化金融支持。对符合资质认定的直播电商企业发展壮大提供融资支持，年网络零售额达到500万元（纳统企业）以上、增速在10%以上的电商企业获得的自用发展经营（设备、人员、拓展业务等）的商业贷款，经第三方评审机构认定后，可享受基准利率50%的贴息补助，每家每年最多不超过20万元。";

// ---------------------------------------------------------------------------------------------------
// art7.1-logistics 强化物流服务（设施）

const art7_1LogisticsSchema = facts({
  logisticsFacilityBuiltOrUpgraded: fact({
    en: "builds or upgrades a district-level logistics distribution centre or a township/street express logistics station",
    zh: "建设改造区级物流配送中心或乡镇街道快递物流站点",
  }),
  auditedInvestment: money({
    en: "audited actual investment of the project in facilities and equipment purchased and in hardware and software built or upgraded, yuan",
    zh: "项目审定实际投资额（设施设备购置、软硬件建设升级等）（元）",
  }),
  reviewedRate: fraction({
    en: "the support rate fixed by the review, as a fraction of the audited investment (at most the clause's maximum; default the maximum)",
    zh: "评审确定的支持比例（占项目审定实际投资额的小数，不超过条款规定的最高比例；缺省按最高比例）",
  }),
});

/** 按照不超过项目审定实际投资额的50% (A19): the review fixes the rate, at most the edition's rate. */
function art7_1LogisticsRateSpec(ctx: MeasuresContext): ReviewedRateSpec {
  return {
    field: "reviewedRate",
    maxRateText: ctx.params["art7.1-logistics"].rate,
    paid: { en: "support", zh: "支持" },
    of: { en: "the audited actual investment", zh: "项目审定实际投资额" },
  };
}

export const art7_1Logistics: MeasuresRule<typeof art7_1LogisticsSchema> = {
  id: "art7.1-logistics",
  title: { zh: "强化物流服务（设施）", en: "Logistics services (facilities)" },
  citation: cite(
    7,
    1,
    ITEM_7_1,
    "支持建设改造一批区级物流配送中心和乡镇街道快递物流站点，对设施设备购置、软硬件建设升级等按照不超过项目审定实际投资额的50%进行支持，最高不超过50万元。",
  ),
  reading: {
    en: "A project building or upgrading a district-level logistics distribution centre or a township/street express logistics station receives the rate fixed by the review (按照不超过……50%: at most 50%; 50% when no reviewed rate is given: A19) of its audited actual investment in facilities, equipment, hardware and software, at most 500,000 yuan per project.",
    zh: "建设改造区级物流配送中心或乡镇街道快递物流站点的项目，按评审确定的比例（不超过50%；未提供时按50%：A19）乘以项目审定实际投资额（设施设备购置、软硬件建设升级等）给予支持，每个项目最高50万元。",
  },
  formula: {
    en: "reviewed rate (≤ 50%, default 50%) × audited actual investment",
    zh: "评审比例（≤50%，缺省50%）× 项目审定实际投资额",
  },
  schema: art7_1LogisticsSchema,
  switches: [],
  amountFields: ["auditedInvestment"],
  validate(input, ctx) {
    return reviewedRateProblems(input.reviewedRate, ctx, art7_1LogisticsRateSpec(ctx));
  },
  conditions(input) {
    return [
      requireFact(
        "art7.1-logistics/facility",
        "logisticsFacilityBuiltOrUpgraded",
        input.logisticsFacilityBuiltOrUpgraded,
        {
          en: "a district-level logistics distribution centre or township/street express station built or upgraded",
          zh: "建设改造区级物流配送中心或乡镇街道快递物流站点",
        },
      ),
    ];
  },
  amount(input, ctx, calc) {
    const rate = reviewedRateStep(input.reviewedRate, ctx, calc, ctx.params["art7.1-logistics"].rate);
    return calc.multiply(
      { en: "audited actual investment × rate", zh: "审定实际投资额 × 支持比例" },
      present(input.auditedInvestment, "auditedInvestment"),
      rate,
    );
  },
  caps(ctx) {
    return [
      {
        id: "art7.1-logistics/per-project",
        limit: ctx.dec(ctx.params["art7.1-logistics"].capPerProject),
        scope: "per-project",
        label: { en: "the cap per project (最高不超过50万元)", zh: "单个项目最高限额" },
      },
    ];
  },
  once: () => undefined,
};

// ---------------------------------------------------------------------------------------------------
// art7.1-express 强化物流服务（快递量）

const art7_1ExpressSchema = facts({
  sellsPingguSpecialtyFarmProducts: fact({
    en: "sells Pinggu District specialty farm products",
    zh: "销售平谷区特色农产品",
  }),
  annualExpressParcels: count({
    en: "express parcels shipped in the calendar year (单)",
    zh: "年度快递业务量（单）",
  }),
});

export const art7_1Express: MeasuresRule<typeof art7_1ExpressSchema> = {
  id: "art7.1-express",
  title: { zh: "强化物流服务（快递量）", en: "Logistics services (express volume)" },
  citation: cite(
    7,
    1,
    ITEM_7_1,
    "对销售平谷区特色农产品的企业，年度快递业务量超10万单的，给予10万元奖励，每增加1万单再奖励3000元，最高不超过30万元。",
  ),
  reading: {
    en: "An enterprise selling Pinggu specialty farm products whose express parcels in the year exceed 100,000 (exclusive) receives 100,000 yuan, plus 3,000 for each full further 10,000 parcels (A2), at most 300,000 per enterprise per calendar year. The award is paid on the year's parcels: one claim per enterprise per calendar year, and a second claim for the same year, here or in the grant history, is refused, so the base award is never paid twice (A18).",
    zh: "销售平谷区特色农产品的企业，年度快递业务量超过10万单（不含本数）的，奖励10万元，每增加满1万单再奖励3000元（A2），单个企业每年最高30万元。奖励按全年快递业务量核定：每家企业每个自然年度申报一次，同一年度的第二笔申报（含已拨付记录）不予支持，基础奖励不重复发放（A18）。",
  },
  formula: {
    en: "100,000 + 3,000 × ⌊(parcels − 100,000) ÷ 10,000⌋",
    zh: "10万元 + 3000元 × ⌊（快递业务量 − 10万单）÷ 1万单⌋",
  },
  schema: art7_1ExpressSchema,
  // A18: paid on a year's figure, dated 31 December of the year the figure counts.
  factDate: "year-end",
  switches: ["incrementCounting"],
  amountFields: ["annualExpressParcels"],
  conditions(input, ctx) {
    const p = ctx.params["art7.1-express"];
    return [
      requireFact(
        "art7.1-express/farm-products",
        "sellsPingguSpecialtyFarmProducts",
        input.sellsPingguSpecialtyFarmProducts,
        { en: "sells Pinggu specialty farm products", zh: "销售平谷区特色农产品" },
      ),
      thresholdCondition(
        {
          id: "art7.1-express/parcels",
          field: "annualExpressParcels",
          value: input.annualExpressParcels,
          threshold: p.minAnnualParcels,
          unit: "count",
          label: { en: "express parcels in the year", zh: "年度快递业务量" },
        },
        ctx.words,
        ctx.dec,
      ),
    ];
  },
  amount(input, ctx, calc) {
    const p = ctx.params["art7.1-express"];
    return tieredAward(ctx, calc, {
      value: present(input.annualExpressParcels, "annualExpressParcels"),
      threshold: p.minAnnualParcels.value,
      baseAward: p.baseAward,
      step: p.incrementStep,
      awardPerStep: p.incrementAward,
      aboveLabel: { en: "parcels above the threshold", zh: "超出门槛的快递业务量" },
    });
  },
  caps(ctx) {
    return [
      {
        id: "art7.1-express/per-enterprise-per-year",
        limit: ctx.dec(ctx.params["art7.1-express"].capPerEnterprisePerYear),
        scope: "per-enterprise-per-year",
        label: { en: "the cap per enterprise per calendar year (最高不超过30万元)", zh: "单个企业每年度最高限额" },
      },
    ];
  },
  // One claim per enterprise per calendar year (A18): the year's parcels are one figure, paid once.
  once: () => "per-enterprise-per-year",
};

// ---------------------------------------------------------------------------------------------------
// art7.2 强化金融支持

const art7_2Schema = facts({
  statisticallyRegistered: fact({
    en: "the enterprise is statistically registered (纳统企业: included in official statistics)",
    zh: "纳统企业",
  }),
  annualOnlineRetail: money({ en: "annual online retail sales, yuan", zh: "年网络零售额（元）" }),
  growthRate: growthRate({ en: "growth of annual online retail (0.10 = 10%; may be negative)", zh: "增速（0.10 即 10%，可为负）" }),
  ownOperationsCommercialLoan: fact({
    en: "the loan is a commercial loan for the enterprise's own development and operations (equipment, staff, business expansion)",
    zh: "自用发展经营（设备、人员、拓展业务等）的商业贷款",
  }),
  thirdPartyReviewApproved: fact({
    en: "approved by a third-party review body",
    zh: "经第三方评审机构认定",
  }),
  principal: money({ en: "loan principal, yuan", zh: "贷款本金（元）" }),
  benchmarkAnnualRate: annualRate({
    en: "benchmark annual rate of the loan (the LPR of the matching term) as a decimal fraction (3.45% = 0.0345)",
    zh: "基准年利率（相应期限的贷款市场报价利率 LPR），以小数表示（3.45% 写作 0.0345）",
  }),
  interestPeriodStart: date({
    en: "first day of the interest period (counted)",
    zh: "计息期起始日（计入）",
  }),
  interestPeriodEnd: date({
    en: "end of the interest period (the end day itself is not counted)",
    zh: "计息期截止日（当日不计入）",
  }),
  interestPaid: money({ en: "interest actually paid for the period, yuan", zh: "该计息期实际支付的利息（元）" }),
});

/**
 * The interest days a claim is paid for (A16): the interest period `[start, end)` (start day counted,
 * end day not) clipped to 第十四条's validity window — days before publication or after the last day
 * of the window are not subsidised under these measures. Unclipped under the `whole-period` reading
 * (`art7_2InterestPeriod`), and when the edition has no publication date (a single clause evaluated
 * under the draft: the window is not known).
 */
export interface CountedPeriod {
  /** First counted day. */
  readonly start: CivilDate;
  /** The day after the last counted day (equal to `start` when no day is counted). */
  readonly end: CivilDate;
  /** Whether the window cut days off the period. */
  readonly clipped: boolean;
}

export function countedInterestPeriod(start: CivilDate, end: CivilDate, ctx: MeasuresContext): CountedPeriod {
  const publishedOn = ctx.edition.publishedOn;
  if (ctx.switches.art7_2InterestPeriod === "whole-period" || publishedOn === null) return { start, end, clipped: false };
  const window = validityWindow(ctx.edition, publishedOn);
  const afterWindow = addCalendarDays(window.to, 1);
  const from = start < window.from ? window.from : start;
  const until = end > afterWindow ? afterWindow : end;
  const clipped = from !== start || until !== end;
  return until > from ? { start: from, end: until, clipped } : { start: from, end: from, clipped };
}

/** Days in the year of the day count (A8). A convention named by the switch, not a policy figure. */
const DAY_COUNT_DIVISOR: { readonly [K in Switches["interestDayCount"]]: number } = {
  "actual/360": 360,
  "actual/365": 365,
};

export const art7_2: MeasuresRule<typeof art7_2Schema> = {
  id: "art7.2",
  title: { zh: "强化金融支持", en: "Financial support (loan interest subsidy)" },
  citation: cite(
    7,
    2,
    ITEM_7_2,
    "年网络零售额达到500万元（纳统企业）以上、增速在10%以上的电商企业获得的自用发展经营（设备、人员、拓展业务等）的商业贷款，经第三方评审机构认定后，可享受基准利率50%的贴息补助，每家每年最多不超过20万元。",
  ),
  reading: {
    en: "A statistically registered (纳统) e-commerce enterprise with annual online retail of at least 5,000,000 yuan and growth of at least 10%, holding a commercial loan for its own operations (equipment, staff, business expansion) approved by a third-party review, receives per loan and interest period 50% of the interest at the benchmark rate (the LPR of the matching term, an input of the claim), counted actual/360 (A8) over the interest days inside the validity window of Article 14 (A16), never more than the interest actually paid for those days; at most 200,000 yuan per enterprise per calendar year, in the year of the last day paid for. The claim is dated at the end of its interest period.",
    zh: "纳统电商企业年网络零售额≥500万元、增速≥10%，其自用发展经营（设备、人员、拓展业务等）的商业贷款经第三方评审机构认定的，按每笔贷款每个计息期给予基准利率（相应期限 LPR，由申报提供）50%的贴息，按有效期（第十四条）内的计息天数（A16）以实际天数/360计算（A8），不超过这些天数对应的实际支付利息；每家企业每年最高20万元，计入最后一个计息日所在年度。申报的发生日期为计息期截止日。",
  },
  formula: {
    en: "min(principal × benchmark annual rate × 50% × days ÷ 360, interest paid × days ÷ days of the period); days = the days of [start, end) inside the validity window (start day counted, end day not)",
    zh: "min（本金 × 基准年利率 × 50% × 计息天数 ÷ 360，实际支付利息 × 计息天数 ÷ 计息期总天数）；计息天数 = [起始日, 截止日) 在有效期内的天数（算头不算尾）",
  },
  schema: art7_2Schema,
  // A16: the fact paid for is the interest period; the claim is dated at its end.
  factDate: { field: "interestPeriodEnd" },
  lastPaidDay(input, ctx) {
    const { interestPeriodStart: start, interestPeriodEnd: end } = input;
    if (ctx.switches.art7_2InterestPeriod === "whole-period" || start === undefined || end === undefined || end <= start) return undefined;
    const counted = countedInterestPeriod(start, end, ctx);
    return counted.end > counted.start ? addCalendarDays(counted.end, -1) : "none";
  },
  switches: ["interestDayCount", "art7_2InterestPeriod"],
  amountFields: ["principal", "benchmarkAnnualRate", "interestPeriodStart", "interestPeriodEnd", "interestPaid"],
  validate(input) {
    const problems: RuleProblem[] = [];
    const start = input.interestPeriodStart;
    const end = input.interestPeriodEnd;
    if (start !== undefined && end !== undefined && end < start) {
      problems.push({
        field: "interestPeriodEnd",
        received: end,
        expected: `a date on or after the start of the interest period (${start})`,
        expectedZh: `不早于计息期起始日（${start}）的日期`,
        hint: "the interest period ends before it starts; check whether the two dates are swapped",
        hintZh: "计息期截止日早于起始日，请检查两个日期是否填反",
      });
    }
    return problems;
  },
  conditions(input, ctx) {
    const p = ctx.params["art7.2"];
    return [
      requireFact("art7.2/statistically-registered", "statisticallyRegistered", input.statisticallyRegistered, {
        en: "statistically registered (纳统) enterprise",
        zh: "纳统企业",
      }),
      thresholdCondition(
        {
          id: "art7.2/online-retail",
          field: "annualOnlineRetail",
          value: input.annualOnlineRetail,
          threshold: p.minAnnualOnlineRetail,
          unit: "yuan",
          label: { en: "annual online retail", zh: "年网络零售额" },
        },
        ctx.words,
        ctx.dec,
      ),
      thresholdCondition(
        {
          id: "art7.2/growth",
          field: "growthRate",
          value: input.growthRate,
          threshold: p.minGrowthRate,
          unit: "rate",
          label: { en: "growth of online retail", zh: "增速" },
        },
        ctx.words,
        ctx.dec,
      ),
      requireFact("art7.2/commercial-loan", "ownOperationsCommercialLoan", input.ownOperationsCommercialLoan, {
        en: "a commercial loan for the enterprise's own operations",
        zh: "自用发展经营的商业贷款",
      }),
      requireFact("art7.2/third-party-review", "thirdPartyReviewApproved", input.thirdPartyReviewApproved, {
        en: "approved by a third-party review body",
        zh: "经第三方评审机构认定",
      }),
    ];
  },
  amount(input, ctx, calc) {
    const p = ctx.params["art7.2"];
    const start = present(input.interestPeriodStart, "interestPeriodStart");
    const end = present(input.interestPeriodEnd, "interestPeriodEnd");
    const dayCount = ctx.switches.interestDayCount;
    // Multiply exactly first and divide once, last, so nothing is lost before the single rounding.
    const annualInterest = calc.multiply(
      { en: "principal × benchmark annual rate", zh: "本金 × 基准年利率" },
      present(input.principal, "principal"),
      present(input.benchmarkAnnualRate, "benchmarkAnnualRate"),
    );
    const subsidisedAnnual = calc.multiply(
      { en: "… × share of the benchmark subsidised", zh: "… × 贴息比例" },
      annualInterest,
      ctx.dec(p.shareOfBenchmark),
    );
    const counted = countedInterestPeriod(start, end, ctx);
    const periodDays = daysBetween(start, end);
    const days = counted.clipped
      ? calc.value(
          {
            en: `interest days inside the validity window (第十四条, A16): ${counted.start} to ${counted.end}`,
            zh: `有效期内的计息天数（第十四条，A16）：${counted.start} 至 ${counted.end}`,
          },
          new Dec(daysBetween(counted.start, counted.end)),
        )
      : calc.value({ en: "interest days (start day counted, end day not)", zh: "计息天数（算头不算尾）" }, new Dec(periodDays));
    if (counted.clipped) {
      const outside = CLAUSE_REASON_CODES.INTEREST_DAYS_OUTSIDE_WINDOW;
      calc.note({
        code: outside.code,
        en: `${outside.en} Period ${start} to ${end} (${periodDays} days); ${daysBetween(counted.start, counted.end)} of them inside the window.`,
        zh: `${outside.zh}计息期 ${start} 至 ${end}（${periodDays} 天），其中有效期内 ${daysBetween(counted.start, counted.end)} 天。`,
      });
    }
    const forDays = calc.multiply({ en: "… × interest days", zh: "… × 计息天数" }, subsidisedAnnual, days);
    const computed = calc.divide(
      dayCount === "actual/365"
        ? { en: "… ÷ 365 (actual/365, A8 alternative)", zh: "… ÷ 365（实际天数/365，A8 备选）" }
        : { en: "… ÷ 360 (actual/360 day count of RMB loans)", zh: "… ÷ 360（人民币贷款实际天数/360）" },
      forDays,
      new Dec(DAY_COUNT_DIVISOR[dayCount]),
    );
    const paid = present(input.interestPaid, "interestPaid");
    // "Never more than the interest actually paid" bounds the counted days' share of it (A16).
    const interestPaid =
      counted.clipped && periodDays > 0
        ? calc.divide(
            { en: "… ÷ days of the whole period: the counted days' share of the interest paid", zh: "… ÷ 计息期总天数：有效期内天数对应的实付利息" },
            calc.multiply(
              { en: "interest actually paid × interest days inside the window", zh: "实际支付利息 × 有效期内计息天数" },
              paid,
              new Dec(daysBetween(counted.start, counted.end)),
            ),
            new Dec(periodDays),
          )
        : paid;
    const result = calc.minimum(
      { en: "never more than the interest actually paid", zh: "不超过实际支付的利息" },
      computed,
      interestPaid,
    );
    if (interestPaid.lt(computed)) {
      const limit = CLAUSE_REASON_CODES.INTEREST_PAID_LIMIT;
      calc.note({
        code: limit.code,
        en: `${limit.en} Interest paid ${formatPlain(interestPaid)} is less than the computed subsidy ${formatPlain(computed)}.`,
        zh: `${limit.zh}实际支付利息 ${formatPlain(interestPaid)} 低于计算的贴息额 ${formatPlain(computed)}。`,
      });
    }
    return result;
  },
  caps(ctx) {
    return [
      {
        id: "art7.2/per-enterprise-per-year",
        limit: ctx.dec(ctx.params["art7.2"].capPerEnterprisePerYear),
        scope: "per-enterprise-per-year",
        label: { en: "the cap per enterprise per calendar year (每家每年最多不超过20万元)", zh: "每家企业每年最高限额" },
      },
    ];
  },
  once: () => undefined,
};

/** Article 7's clauses, in the order of the text. */
export const ARTICLE_7_RULES: readonly MeasuresRule[] = [art7_1Logistics, art7_1Express, art7_2];
