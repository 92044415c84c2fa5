/**
 * 第五条 培育直播电商产业生态 — Article 5: grow the live-commerce ecosystem.
 * Clauses: art5.1 (attracting MCN / e-commerce service enterprises), art5.2 (incubating Pinggu brands).
 */
import { requireFact, thresholdCondition } from "../kernel/conditions.js";
import { count, fact, facts, fraction, money } from "../kernel/fields.js";
import { cite, type MeasuresRule, present, type ReviewedRateSpec, reviewedRateProblems, reviewedRateStep } from "./common.js";
import type { MeasuresContext } from "./edition.js";

const ITEM_5_1 =
  "（一）聚集引进MCN机构。积极培育引进熟悉市场运作、选品包装、引流获客等服务的MCN服务商。对带动5家以上本地企业年度累计实际成交额1000万元以上的电商服务企业，按照不超过实际成交额的1%给予奖励，单家企业奖励最高不超过100万元。";
const ITEM_5_2 =
  "（二）孵化平谷品牌。鼓励企业通过直播电商孵化新产品、新品牌，支持农业中关村现代食品营养谷食品企业打造适合直播电商渠道的热销产品。对通过直播渠道推出的创新产品年成交额首次超1000万元的，给予50万元的品牌孵化奖励。";

// ---------------------------------------------------------------------------------------------------
// art5.1 聚集引进MCN机构

const art5_1Schema = facts({
  ecommerceServiceEnterprise: fact({
    en: "the applicant is an e-commerce service enterprise (such as an MCN agency)",
    zh: "申报主体为电商服务企业（如MCN服务商）",
  }),
  localEnterprisesDriven: count({
    en: "number of local (Pinggu) enterprises the applicant drove in the year",
    zh: "带动的本地企业数量（家）",
  }),
  localEnterprisesCumulativeTurnover: money({
    en: "cumulative actual turnover of those local enterprises in the calendar year, yuan",
    zh: "所带动本地企业年度累计实际成交额（元）",
  }),
  reviewedRate: fraction({
    en: "the award rate fixed by the review, as a fraction of the turnover (at most the clause's maximum; default the maximum)",
    zh: "评审确定的奖励比例（占实际成交额的小数，不超过条款规定的最高比例；缺省按最高比例）",
  }),
});

/** 按照不超过实际成交额的1%: the review fixes the rate, at most the edition's maximum. */
function art5_1RateSpec(ctx: MeasuresContext): ReviewedRateSpec {
  return {
    field: "reviewedRate",
    maxRateText: ctx.params["art5.1"].maxRate,
    paid: { en: "award", zh: "奖励" },
    of: { en: "the actual turnover", zh: "实际成交额" },
  };
}

function art5_1Cap(ctx: MeasuresContext) {
  const perTerm = ctx.switches.art5_1CapScope === "per-term";
  return {
    id: perTerm ? "art5.1/per-enterprise-per-term" : "art5.1/per-enterprise-per-year",
    limit: ctx.dec(ctx.params["art5.1"].capPerEnterprise),
    scope: perTerm ? ("per-enterprise-per-term" as const) : ("per-enterprise-per-year" as const),
    label: perTerm
      ? { en: "the cap per enterprise over the policy term (A5 alternative)", zh: "单家企业政策期内最高限额（A5 备选）" }
      : {
          en: "the cap per enterprise per calendar year (单家企业奖励最高不超过100万元; A5)",
          zh: "单家企业每年度奖励最高限额（A5）",
        },
  };
}

export const art5_1: MeasuresRule<typeof art5_1Schema> = {
  id: "art5.1",
  title: { zh: "聚集引进MCN机构", en: "Attracting MCN agencies" },
  citation: cite(
    5,
    1,
    ITEM_5_1,
    "对带动5家以上本地企业年度累计实际成交额1000万元以上的电商服务企业，按照不超过实际成交额的1%给予奖励，单家企业奖励最高不超过100万元。",
  ),
  reading: {
    en: "An e-commerce service enterprise that drove at least 5 local enterprises (以上 includes the number) to a cumulative actual turnover of at least 10,000,000 yuan in the calendar year receives the rate fixed by the review (at most 1%; 1% when no reviewed rate is given) of that cumulative turnover, at most 1,000,000 yuan per enterprise per calendar year (A5).",
    zh: "带动5家以上本地企业年度累计实际成交额1000万元以上的电商服务企业，按评审确定的比例（不超过1%；未提供时按1%）乘以该累计成交额给予奖励，单家企业每年度最高100万元（A5）。",
  },
  formula: {
    en: "reviewed rate (≤ 1%, default 1%) × cumulative actual turnover of the local enterprises",
    zh: "评审比例（≤1%，缺省1%）× 本地企业年度累计实际成交额",
  },
  schema: art5_1Schema,
  // A18: paid on a year's figure, dated 31 December of the year the figure counts.
  factDate: "year-end",
  switches: ["art5_1CapScope"],
  amountFields: ["localEnterprisesCumulativeTurnover"],
  validate(input, ctx) {
    return reviewedRateProblems(input.reviewedRate, ctx, art5_1RateSpec(ctx));
  },
  conditions(input, ctx) {
    const p = ctx.params["art5.1"];
    return [
      requireFact("art5.1/service-enterprise", "ecommerceServiceEnterprise", input.ecommerceServiceEnterprise, {
        en: "an e-commerce service enterprise",
        zh: "电商服务企业",
      }),
      thresholdCondition(
        {
          id: "art5.1/local-enterprises",
          field: "localEnterprisesDriven",
          value: input.localEnterprisesDriven,
          threshold: p.minLocalEnterprises,
          unit: "count",
          label: { en: "local enterprises driven", zh: "带动的本地企业数量" },
        },
        ctx.words,
        ctx.dec,
      ),
      thresholdCondition(
        {
          id: "art5.1/cumulative-turnover",
          field: "localEnterprisesCumulativeTurnover",
          value: input.localEnterprisesCumulativeTurnover,
          threshold: p.minCumulativeTurnover,
          unit: "yuan",
          label: { en: "cumulative actual turnover of the local enterprises in the year", zh: "本地企业年度累计实际成交额" },
        },
        ctx.words,
        ctx.dec,
      ),
    ];
  },
  amount(input, ctx, calc) {
    const rate = reviewedRateStep(input.reviewedRate, ctx, calc, ctx.params["art5.1"].maxRate);
    return calc.multiply(
      { en: "cumulative turnover × rate", zh: "年度累计实际成交额 × 奖励比例" },
      present(input.localEnterprisesCumulativeTurnover, "localEnterprisesCumulativeTurnover"),
      rate,
    );
  },
  caps: (ctx) => [art5_1Cap(ctx)],
  once: () => undefined,
};

// ---------------------------------------------------------------------------------------------------
// art5.2 孵化平谷品牌

const art5_2Schema = facts({
  innovativeProductViaLiveStreaming: fact({
    en: "the product is an innovative product launched through live-streaming channels",
    zh: "通过直播渠道推出的创新产品",
  }),
  productAnnualTurnover: money({ en: "annual turnover of the product, yuan", zh: "该产品年成交额（元）" }),
  firstYearAboveThreshold: fact({
    en: "this is the first year in which the product's annual turnover exceeds the clause's threshold (首次超)",
    zh: "该产品年成交额系首次超过条款规定的标准（首次超）",
  }),
});

export const art5_2: MeasuresRule<typeof art5_2Schema> = {
  id: "art5.2",
  title: { zh: "孵化平谷品牌", en: "Incubating Pinggu brands" },
  citation: cite(5, 2, ITEM_5_2, "对通过直播渠道推出的创新产品年成交额首次超1000万元的，给予50万元的品牌孵化奖励。"),
  reading: {
    en: "An innovative product launched through live-streaming channels whose annual turnover exceeds 10,000,000 yuan (超 excludes the number itself) for the first time earns a brand-incubation award of 500,000 yuan, once per product.",
    zh: "通过直播渠道推出的创新产品，年成交额首次超过1000万元（不含本数）的，给予50万元品牌孵化奖励，每个产品一次。",
  },
  formula: { en: "a fixed award of 500,000", zh: "定额奖励50万元" },
  schema: art5_2Schema,
  switches: [],
  amountFields: [],
  conditions(input, ctx) {
    const p = ctx.params["art5.2"];
    return [
      requireFact("art5.2/innovative-product", "innovativeProductViaLiveStreaming", input.innovativeProductViaLiveStreaming, {
        en: "an innovative product launched through live-streaming channels",
        zh: "通过直播渠道推出的创新产品",
      }),
      thresholdCondition(
        {
          id: "art5.2/annual-turnover",
          field: "productAnnualTurnover",
          value: input.productAnnualTurnover,
          threshold: p.minAnnualTurnover,
          unit: "yuan",
          label: { en: "annual turnover of the product", zh: "产品年成交额" },
        },
        ctx.words,
        ctx.dec,
      ),
      requireFact("art5.2/first-time", "firstYearAboveThreshold", input.firstYearAboveThreshold, {
        en: "the first year the product's annual turnover exceeds the threshold",
        zh: "年成交额首次超过标准",
      }),
    ];
  },
  amount(_input, ctx, calc) {
    return calc.value({ en: "fixed brand-incubation award", zh: "定额品牌孵化奖励" }, ctx.dec(ctx.params["art5.2"].award));
  },
  caps: () => [],
  once: () => "per-product",
};

/** Article 5's clauses, in the order of the text. */
export const ARTICLE_5_RULES: readonly MeasuresRule[] = [art5_1, art5_2];
