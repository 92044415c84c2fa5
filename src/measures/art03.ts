/**
 * 第三条 做强直播电商产业集群 — Article 3: strengthen the live-commerce industry cluster.
 * Clauses: art3.1 (parks), art3.2 and art3.2-mofcom (demonstration bases), art3.3 (quality enterprises).
 */
import { factCondition, fieldComparisonCondition, requireFact, thresholdCondition } from "../kernel/conditions.js";
import { area, fact, facts, growthRate, money } from "../kernel/fields.js";
import { cite, type MeasuresRule, present, tieredAward } from "./common.js";
import type { MeasuresContext } from "./edition.js";

const ITEM_3_1 =
  "（一）建设直播电商园区。支持市场主体打造主题鲜明、特色突出的直播电商园区，对电商园区（基地）实际使用面积达3000平米以上，且年网络零售额5亿元以上、投资额不少于200万元的，按照园区投资额的30%给予一次性资金扶持，最高不超过200万元。";
const ITEM_3_2 =
  "（二）培育产业示范基地。对获得市级特色直播电商示范基地认定的，按照实际发生的房屋租赁、装修、购置设施设备等费用的30%给予扶持，单个企业最高不超过30万元；对获得商务部认定称号的，在上述条款基础上再给予一次性20万元奖励。";
const ITEM_3_3 =
  "（三）招引挖潜优质企业。围绕“人、货、场”核心要素，鼓励直播电商产业化发展，对通过网络平台开展自营销售业务的企业，网络零售额超过2000万元且当年同比增速不低于全市平均增速的，给予30万元的一次性奖励，每增加1000万元再奖励5万元，最高不超过50万元。";

// ---------------------------------------------------------------------------------------------------
// art3.1 建设直播电商园区

const art3_1Schema = facts({
  usedArea: area({ en: "actual used area of the park (base), m²", zh: "电商园区（基地）实际使用面积（平方米）" }),
  annualOnlineRetail: money({ en: "annual online retail sales of the park, yuan", zh: "园区年网络零售额（元）" }),
  investment: money({ en: "investment in the park, yuan", zh: "园区投资额（元）" }),
});

export const art3_1: MeasuresRule<typeof art3_1Schema> = {
  id: "art3.1",
  title: { zh: "建设直播电商园区", en: "Building live-commerce parks" },
  citation: cite(
    3,
    1,
    ITEM_3_1,
    "对电商园区（基地）实际使用面积达3000平米以上，且年网络零售额5亿元以上、投资额不少于200万元的，按照园区投资额的30%给予一次性资金扶持，最高不超过200万元。",
  ),
  reading: {
    en: "A park (base) with at least 3,000 m² in actual use, at least 500,000,000 yuan of annual online retail and at least 2,000,000 yuan of investment receives 30% of the investment once, at most 2,000,000 yuan per park.",
    zh: "园区（基地）实际使用面积≥3000平方米、年网络零售额≥5亿元、投资额≥200万元的，按投资额30%一次性扶持，每个园区最高200万元。",
  },
  formula: { en: "investment × 30%", zh: "投资额 × 30%" },
  schema: art3_1Schema,
  switches: [],
  amountFields: ["investment"],
  conditions(input, ctx) {
    const p = ctx.params["art3.1"];
    return [
      thresholdCondition(
        {
          id: "art3.1/used-area",
          field: "usedArea",
          value: input.usedArea,
          threshold: p.minUsedArea,
          unit: "m2",
          label: { en: "actual used area (m²)", zh: "实际使用面积（平方米）" },
        },
        ctx.words,
        ctx.dec,
      ),
      thresholdCondition(
        {
          id: "art3.1/online-retail",
          field: "annualOnlineRetail",
          value: input.annualOnlineRetail,
          threshold: p.minAnnualOnlineRetail,
          unit: "yuan",
          label: { en: "annual online retail of the park", zh: "园区年网络零售额" },
        },
        ctx.words,
        ctx.dec,
      ),
      thresholdCondition(
        {
          id: "art3.1/investment",
          field: "investment",
          value: input.investment,
          threshold: p.minInvestment,
          unit: "yuan",
          label: { en: "investment in the park", zh: "园区投资额" },
        },
        ctx.words,
        ctx.dec,
      ),
    ];
  },
  amount(input, ctx, calc) {
    const p = ctx.params["art3.1"];
    return calc.multiply(
      { en: "park investment × rate", zh: "园区投资额 × 扶持比例" },
      present(input.investment, "investment"),
      ctx.dec(p.rate),
    );
  },
  caps(ctx) {
    return [
      {
        id: "art3.1/per-park",
        limit: ctx.dec(ctx.params["art3.1"].capPerPark),
        scope: "per-claim",
        label: { en: "the cap per park (最高不超过200万元)", zh: "每个园区最高限额" },
      },
    ];
  },
  once: () => "per-project",
};

// ---------------------------------------------------------------------------------------------------
// art3.2 培育产业示范基地

const art3_2Schema = facts({
  municipalRecognition: fact({
    en: "recognised as a municipal characteristic live-commerce demonstration base",
    zh: "获得市级特色直播电商示范基地认定",
  }),
  mofcomRecognition: fact({ en: "holds a recognition title of the Ministry of Commerce", zh: "获得商务部认定称号" }),
  rentCost: money({ en: "actual rent paid for premises, yuan", zh: "实际发生的房屋租赁费用（元）" }),
  renovationCost: money({ en: "actual renovation cost, yuan", zh: "实际发生的装修费用（元）" }),
  equipmentCost: money({ en: "actual cost of facilities and equipment purchased, yuan", zh: "实际发生的购置设施设备费用（元）" }),
});

function art3_2Cap(ctx: MeasuresContext) {
  const perYear = ctx.switches.art3_2CapScope === "per-year";
  return {
    id: perYear ? "art3.2/per-enterprise-per-year" : "art3.2/per-enterprise-per-term",
    limit: ctx.dec(ctx.params["art3.2"].capPerEnterprise),
    scope: perYear ? ("per-enterprise-per-year" as const) : ("per-enterprise-per-term" as const),
    label: perYear
      ? { en: "the cap per enterprise per calendar year (A6 alternative)", zh: "单个企业每年度最高限额（A6 备选）" }
      : { en: "the cap per enterprise over the policy term (单个企业最高不超过30万元)", zh: "单个企业政策期内最高限额" },
  };
}

export const art3_2: MeasuresRule<typeof art3_2Schema> = {
  id: "art3.2",
  title: { zh: "培育产业示范基地", en: "Demonstration bases" },
  citation: cite(
    3,
    2,
    ITEM_3_2,
    "对获得市级特色直播电商示范基地认定的，按照实际发生的房屋租赁、装修、购置设施设备等费用的30%给予扶持，单个企业最高不超过30万元；",
  ),
  reading: {
    en: "An enterprise recognised as a municipal characteristic live-commerce demonstration base (or, by default, by the Ministry of Commerce: A3) receives 30% of its actual rent, renovation and facility/equipment costs, at most 300,000 yuan per enterprise over the policy term (A6).",
    zh: "获得市级特色直播电商示范基地认定（默认商务部认定亦可：A3）的企业，按实际发生的房屋租赁、装修、购置设施设备费用的30%扶持，单个企业政策期内最高30万元（A6）。",
  },
  formula: { en: "(rent + renovation + equipment) × 30%", zh: "（房屋租赁 + 装修 + 购置设施设备费用）× 30%" },
  schema: art3_2Schema,
  switches: ["art3_2MofcomAlone", "art3_2CapScope"],
  amountFields: ["rentCost", "renovationCost", "equipmentCost"],
  conditions(input, ctx) {
    if (ctx.switches.art3_2MofcomAlone === "requires-municipal") {
      return [
        requireFact("art3.2/recognition", "municipalRecognition", input.municipalRecognition, {
          en: "recognised as a municipal demonstration base (A3: Ministry recognition alone does not qualify)",
          zh: "获得市级示范基地认定（A3：仅有商务部认定不符合）",
        }),
      ];
    }
    return [
      factCondition({
        id: "art3.2/recognition",
        label: {
          en: "recognised as a municipal demonstration base or by the Ministry of Commerce",
          zh: "获得市级示范基地认定或商务部认定",
        },
        facts: [
          { field: "municipalRecognition", value: input.municipalRecognition },
          { field: "mofcomRecognition", value: input.mofcomRecognition },
        ],
        combine: "any",
      }),
    ];
  },
  amount(input, ctx, calc) {
    const rentAndRenovation = calc.add(
      { en: "rent + renovation", zh: "房屋租赁 + 装修" },
      present(input.rentCost, "rentCost"),
      present(input.renovationCost, "renovationCost"),
    );
    const costs = calc.add(
      { en: "… + facilities and equipment = eligible costs", zh: "… + 购置设施设备 = 可扶持费用" },
      rentAndRenovation,
      present(input.equipmentCost, "equipmentCost"),
    );
    return calc.multiply({ en: "eligible costs × rate", zh: "可扶持费用 × 扶持比例" }, costs, ctx.dec(ctx.params["art3.2"].rate));
  },
  caps: (ctx) => [art3_2Cap(ctx)],
  once: () => undefined,
};

// ---------------------------------------------------------------------------------------------------
// art3.2-mofcom 商务部认定称号

const art3_2MofcomSchema = facts({
  mofcomRecognition: fact({ en: "holds a recognition title of the Ministry of Commerce", zh: "获得商务部认定称号" }),
});

export const art3_2Mofcom: MeasuresRule<typeof art3_2MofcomSchema> = {
  id: "art3.2-mofcom",
  title: { zh: "商务部认定称号奖励", en: "Ministry of Commerce recognition award" },
  citation: cite(3, 2, ITEM_3_2, "对获得商务部认定称号的，在上述条款基础上再给予一次性20万元奖励。"),
  reading: {
    en: "An enterprise holding a Ministry of Commerce recognition title receives a one-time award of 200,000 yuan, on top of art3.2.",
    zh: "获得商务部认定称号的企业，在第三条第（二）项基础上再给予一次性20万元奖励。",
  },
  formula: { en: "a fixed award of 200,000", zh: "定额奖励20万元" },
  schema: art3_2MofcomSchema,
  // A15: "在上述条款基础上再给予" — the MOFCOM award stacks on art3.2; it is no project's twin (第十一条).
  stacksOn: "art3.2",
  switches: [],
  amountFields: [],
  conditions(input) {
    return [
      requireFact("art3.2-mofcom/recognition", "mofcomRecognition", input.mofcomRecognition, {
        en: "holds a Ministry of Commerce recognition title",
        zh: "获得商务部认定称号",
      }),
    ];
  },
  amount(_input, ctx, calc) {
    return calc.value({ en: "fixed one-time award", zh: "一次性定额奖励" }, ctx.dec(ctx.params["art3.2-mofcom"].award));
  },
  caps: () => [],
  once: () => "per-enterprise",
};

// ---------------------------------------------------------------------------------------------------
// art3.3 招引挖潜优质企业

const art3_3Schema = facts({
  selfOperatedOnlineSales: fact({
    en: "conducts self-operated sales through online platforms",
    zh: "通过网络平台开展自营销售业务",
  }),
  annualOnlineRetail: money({ en: "online retail sales of the year, yuan", zh: "网络零售额（元）" }),
  growthRate: growthRate({ en: "year-on-year growth of online retail (0.10 = 10%)", zh: "当年同比增速（0.10 即 10%）" }),
  cityAverageGrowthRate: growthRate({ en: "the city's average growth rate that year", zh: "全市平均增速" }),
});

export const art3_3: MeasuresRule<typeof art3_3Schema> = {
  id: "art3.3",
  title: { zh: "招引挖潜优质企业", en: "Attracting quality enterprises" },
  citation: cite(
    3,
    3,
    ITEM_3_3,
    "对通过网络平台开展自营销售业务的企业，网络零售额超过2000万元且当年同比增速不低于全市平均增速的，给予30万元的一次性奖励，每增加1000万元再奖励5万元，最高不超过50万元。",
  ),
  reading: {
    en: "An enterprise selling on its own account through online platforms, with online retail above 20,000,000 yuan (exclusive) and year-on-year growth not below the city's average (which may be negative), receives 300,000 yuan once, plus 50,000 for each full further 10,000,000 (A2), at most 500,000.",
    zh: "通过网络平台自营销售的企业，网络零售额超过2000万元（不含本数）且当年同比增速不低于全市平均增速（可为负）的，一次性奖励30万元，每增加满1000万元再奖励5万元（A2），最高50万元。",
  },
  formula: {
    en: "300,000 + 50,000 × ⌊(retail − 20,000,000) ÷ 10,000,000⌋",
    zh: "30万元 + 5万元 × ⌊（网络零售额 − 2000万元）÷ 1000万元⌋",
  },
  schema: art3_3Schema,
  // A18: paid on a year's figure, dated 31 December of the year the figure counts.
  factDate: "year-end",
  switches: ["incrementCounting"],
  amountFields: ["annualOnlineRetail"],
  conditions(input, ctx) {
    const p = ctx.params["art3.3"];
    return [
      requireFact("art3.3/self-operated", "selfOperatedOnlineSales", input.selfOperatedOnlineSales, {
        en: "self-operated sales through online platforms",
        zh: "通过网络平台开展自营销售业务",
      }),
      thresholdCondition(
        {
          id: "art3.3/online-retail",
          field: "annualOnlineRetail",
          value: input.annualOnlineRetail,
          threshold: p.minAnnualOnlineRetail,
          unit: "yuan",
          label: { en: "online retail sales", zh: "网络零售额" },
        },
        ctx.words,
        ctx.dec,
      ),
      fieldComparisonCondition(
        {
          id: "art3.3/growth",
          field: "growthRate",
          value: input.growthRate,
          otherField: "cityAverageGrowthRate",
          otherValue: input.cityAverageGrowthRate,
          word: p.growthWord,
          unit: "rate",
          label: { en: "year-on-year growth against the city's average", zh: "当年同比增速与全市平均增速相比" },
        },
        ctx.words,
      ),
    ];
  },
  amount(input, ctx, calc) {
    const p = ctx.params["art3.3"];
    return tieredAward(ctx, calc, {
      value: present(input.annualOnlineRetail, "annualOnlineRetail"),
      threshold: p.minAnnualOnlineRetail.value,
      baseAward: p.baseAward,
      step: p.incrementStep,
      awardPerStep: p.incrementAward,
      aboveLabel: { en: "retail above the threshold", zh: "超出门槛的网络零售额" },
    });
  },
  caps(ctx) {
    return [
      {
        id: "art3.3/per-enterprise",
        limit: ctx.dec(ctx.params["art3.3"].cap),
        scope: "per-claim",
        label: { en: "the cap of the award (最高不超过50万元)", zh: "奖励最高限额" },
      },
    ];
  },
  once: () => "per-enterprise",
};

/** Article 3's clauses, in the order of the text. */
export const ARTICLE_3_RULES: readonly MeasuresRule[] = [art3_1, art3_2, art3_2Mofcom, art3_3];
