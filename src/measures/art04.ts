/**
 * 第四条 创新直播电商应用场景 — Article 4: new application scenarios for live commerce.
 * Clauses: art4.1-investment (origin live-streaming investment), art4.1-session ("平谷好物" special
 * sessions), art4.2 (digital technology and immersive scenes).
 */
import { factCondition, requireFact, thresholdCondition } from "../kernel/conditions.js";
import { fact, facts, money } from "../kernel/fields.js";
import type { CapSpec } from "../kernel/rule.js";
import { cite, type MeasuresRule, present } from "./common.js";
import type { MeasuresContext, Switches } from "./edition.js";

const ITEM_4_1 =
  "（一）链入“高大尚产业+产地直播”。鼓励电商企业立足平谷区产业基础，通过溯源直播销售平谷产品。对年网络零售额500万元以上，实现平谷农产品上行、工业品下行的企业，搭建直播间、完善冷链仓储等按投资额的40%进行补贴，最高不超过50万元。对开展“平谷好物”专场直播，且实际成交额不低于100万元的企业，给予每场成交额1%的活动补贴，单场最高不超过5万元，单个企业年度累计不超过30万元。";
const ITEM_4_2 =
  "（二）融入“数字科技+智能直播”。鼓励数字化场景应用，通过培育数字人主播、创建数字直播基地等途径，加快数字赋能促进消费升级。对企业应用新技术开发沉浸式消费场景、促进消费成效突出并具有可推广价值的，按其实际投资额的20%给予补贴，单个企业年度最高不超过50万元。";

// ---------------------------------------------------------------------------------------------------
// art4.1-investment 链入“高大尚产业+产地直播”（投资）

const art4_1InvestmentSchema = facts({
  annualOnlineRetail: money({ en: "annual online retail sales of the enterprise, yuan", zh: "企业年网络零售额（元）" }),
  sellsPingguFarmProductsOut: fact({
    en: "sells Pinggu farm products out of the district (农产品上行)",
    zh: "实现平谷农产品上行",
  }),
  bringsIndustrialProductsIn: fact({
    en: "brings industrial products into the district (工业品下行)",
    zh: "实现工业品下行",
  }),
  liveRoomAndColdChainInvestment: money({
    en: "investment in building live-streaming rooms, improving cold-chain storage and similar, yuan",
    zh: "搭建直播间、完善冷链仓储等投资额（元）",
  }),
});

function art4_1ProductFlowsCondition(
  input: { sellsPingguFarmProductsOut?: boolean | undefined; bringsIndustrialProductsIn?: boolean | undefined },
  ctx: MeasuresContext,
) {
  const both = ctx.switches.art4_1ProductFlows === "both";
  return factCondition({
    id: "art4.1-investment/product-flows",
    label: both
      ? {
          en: "sells Pinggu farm products out and brings industrial products in, both (A4 alternative)",
          zh: "同时实现平谷农产品上行和工业品下行（A4 备选）",
        }
      : {
          en: "sells Pinggu farm products out or brings industrial products in, at least one (A4)",
          zh: "实现平谷农产品上行、工业品下行至少一项（A4）",
        },
    facts: [
      { field: "sellsPingguFarmProductsOut", value: input.sellsPingguFarmProductsOut },
      { field: "bringsIndustrialProductsIn", value: input.bringsIndustrialProductsIn },
    ],
    combine: both ? "all" : "any",
  });
}

/**
 * 最高不超过50万元 (A12): the sentence's subject is the enterprise, so the cap binds it over the policy
 * term, across its claims and earlier grants, as art3.2 reads the same words (A6): splitting one
 * investment into several claims, or across years, does not multiply it. The alternatives cap each
 * calendar year, or each project (the claims of one `projectId` together).
 */
const ART4_1_INVESTMENT_CAPS: { readonly [K in Switches["art4_1InvestmentCapScope"]]: Omit<CapSpec, "limit"> } = {
  "per-term": {
    id: "art4.1-investment/per-enterprise-per-term",
    scope: "per-enterprise-per-term",
    label: {
      en: "the cap per enterprise over the policy term (最高不超过50万元; A12)",
      zh: "单个企业政策期内最高限额（A12）",
    },
  },
  "per-year": {
    id: "art4.1-investment/per-enterprise-per-year",
    scope: "per-enterprise-per-year",
    label: { en: "the cap per enterprise per calendar year (A12 alternative)", zh: "单个企业每年度最高限额（A12 备选）" },
  },
  "per-project": {
    id: "art4.1-investment/per-project",
    scope: "per-project",
    label: { en: "the cap per project, all its claims together (A12 alternative)", zh: "单个项目最高限额（各次申报合计，A12 备选）" },
  },
};

function art4_1InvestmentCap(ctx: MeasuresContext): CapSpec {
  return { ...ART4_1_INVESTMENT_CAPS[ctx.switches.art4_1InvestmentCapScope], limit: ctx.dec(ctx.params["art4.1-investment"].capPerClaim) };
}

export const art4_1Investment: MeasuresRule<typeof art4_1InvestmentSchema> = {
  id: "art4.1-investment",
  title: { zh: "链入“高大尚产业+产地直播”（投资补贴）", en: "Origin live-streaming of Pinggu products (investment)" },
  citation: cite(
    4,
    1,
    ITEM_4_1,
    "对年网络零售额500万元以上，实现平谷农产品上行、工业品下行的企业，搭建直播间、完善冷链仓储等按投资额的40%进行补贴，最高不超过50万元。",
  ),
  reading: {
    en: "An enterprise with at least 5,000,000 yuan of annual online retail (以上 includes the number) that sells Pinggu farm products out or brings industrial products in (by default at least one of the two: A4) receives 40% of its investment in live-streaming rooms, cold-chain storage and similar, at most 500,000 yuan per enterprise over the policy term, all its claims and earlier grants together (A12).",
    zh: "年网络零售额≥500万元、实现平谷农产品上行或工业品下行（默认至少一项：A4）的企业，按搭建直播间、完善冷链仓储等投资额的40%补贴，单个企业政策期内各次申报及已获支持合计最高50万元（A12）。",
  },
  formula: { en: "investment in live rooms, cold-chain storage etc. × 40%", zh: "搭建直播间、完善冷链仓储等投资额 × 40%" },
  schema: art4_1InvestmentSchema,
  switches: ["art4_1ProductFlows", "art4_1InvestmentCapScope"],
  amountFields: ["liveRoomAndColdChainInvestment"],
  conditions(input, ctx) {
    const p = ctx.params["art4.1-investment"];
    return [
      thresholdCondition(
        {
          id: "art4.1-investment/online-retail",
          field: "annualOnlineRetail",
          value: input.annualOnlineRetail,
          threshold: p.minAnnualOnlineRetail,
          unit: "yuan",
          label: { en: "annual online retail of the enterprise", zh: "企业年网络零售额" },
        },
        ctx.words,
        ctx.dec,
      ),
      art4_1ProductFlowsCondition(input, ctx),
    ];
  },
  amount(input, ctx, calc) {
    return calc.multiply(
      { en: "investment in live rooms, cold-chain storage etc. × rate", zh: "搭建直播间、完善冷链仓储等投资额 × 补贴比例" },
      present(input.liveRoomAndColdChainInvestment, "liveRoomAndColdChainInvestment"),
      ctx.dec(ctx.params["art4.1-investment"].rate),
    );
  },
  caps: (ctx) => [art4_1InvestmentCap(ctx)],
  once: () => undefined,
};

// ---------------------------------------------------------------------------------------------------
// art4.1-session “平谷好物”专场直播

const art4_1SessionSchema = facts({
  pingguGoodsSpecialSession: fact({
    en: "the claim is for a “平谷好物” (Pinggu Goods) special live-streaming session held by the enterprise",
    zh: "企业开展“平谷好物”专场直播",
  }),
  sessionTurnover: money({ en: "actual turnover of that session, yuan", zh: "该场直播实际成交额（元）" }),
});

export const art4_1Session: MeasuresRule<typeof art4_1SessionSchema> = {
  id: "art4.1-session",
  title: { zh: "“平谷好物”专场直播", en: "“Pinggu Goods” special live sessions" },
  citation: cite(
    4,
    1,
    ITEM_4_1,
    "对开展“平谷好物”专场直播，且实际成交额不低于100万元的企业，给予每场成交额1%的活动补贴，单场最高不超过5万元，单个企业年度累计不超过30万元。",
  ),
  reading: {
    en: "A “平谷好物” special live session with an actual turnover of at least 1,000,000 yuan (不低于 includes the number) earns its enterprise 1% of that session's turnover, at most 50,000 yuan per session and 300,000 yuan per enterprise per calendar year, all sessions together.",
    zh: "“平谷好物”专场直播实际成交额≥100万元的，按该场成交额的1%给予活动补贴，单场最高5万元，单个企业每个自然年度累计最高30万元。",
  },
  formula: { en: "session turnover × 1%", zh: "该场成交额 × 1%" },
  schema: art4_1SessionSchema,
  switches: [],
  amountFields: ["sessionTurnover"],
  conditions(input, ctx) {
    const p = ctx.params["art4.1-session"];
    return [
      requireFact("art4.1-session/special-session", "pingguGoodsSpecialSession", input.pingguGoodsSpecialSession, {
        en: "a “平谷好物” special live-streaming session",
        zh: "开展“平谷好物”专场直播",
      }),
      thresholdCondition(
        {
          id: "art4.1-session/session-turnover",
          field: "sessionTurnover",
          value: input.sessionTurnover,
          threshold: p.minSessionTurnover,
          unit: "yuan",
          label: { en: "actual turnover of the session", zh: "该场实际成交额" },
        },
        ctx.words,
        ctx.dec,
      ),
    ];
  },
  amount(input, ctx, calc) {
    return calc.multiply(
      { en: "session turnover × rate", zh: "该场成交额 × 补贴比例" },
      present(input.sessionTurnover, "sessionTurnover"),
      ctx.dec(ctx.params["art4.1-session"].rate),
    );
  },
  caps(ctx) {
    const p = ctx.params["art4.1-session"];
    return [
      {
        id: "art4.1-session/per-session",
        limit: ctx.dec(p.capPerSession),
        scope: "per-claim",
        label: { en: "the cap per session (单场最高不超过5万元)", zh: "单场最高限额" },
      },
      {
        id: "art4.1-session/per-enterprise-per-year",
        limit: ctx.dec(p.capPerEnterprisePerYear),
        scope: "per-enterprise-per-year",
        label: {
          en: "the cap per enterprise per calendar year, all sessions together (单个企业年度累计不超过30万元)",
          zh: "单个企业年度累计限额",
        },
      },
    ];
  },
  once: () => undefined,
};

// ---------------------------------------------------------------------------------------------------
// art4.2 融入“数字科技+智能直播”

const art4_2Schema = facts({
  immersiveSceneWithNewTechnology: fact({
    en: "the enterprise applies new technology to develop an immersive consumption scene",
    zh: "企业应用新技术开发沉浸式消费场景",
  }),
  reviewedOutstandingAndReplicable: fact({
    en: "found by review to have outstanding effects in promoting consumption and to be worth replicating",
    zh: "经评审认定促进消费成效突出并具有可推广价值",
  }),
  actualInvestment: money({ en: "actual investment in the scene, yuan", zh: "实际投资额（元）" }),
});

export const art4_2: MeasuresRule<typeof art4_2Schema> = {
  id: "art4.2",
  title: { zh: "融入“数字科技+智能直播”", en: "Digital technology and smart live-streaming" },
  citation: cite(
    4,
    2,
    ITEM_4_2,
    "对企业应用新技术开发沉浸式消费场景、促进消费成效突出并具有可推广价值的，按其实际投资额的20%给予补贴，单个企业年度最高不超过50万元。",
  ),
  reading: {
    en: "An enterprise that applies new technology to develop an immersive consumption scene, found by review to be outstanding in promoting consumption and worth replicating, receives 20% of its actual investment, at most 500,000 yuan per enterprise per calendar year.",
    zh: "企业应用新技术开发沉浸式消费场景，经评审认定促进消费成效突出并具有可推广价值的，按实际投资额的20%补贴，单个企业每个自然年度最高50万元。",
  },
  formula: { en: "actual investment × 20%", zh: "实际投资额 × 20%" },
  schema: art4_2Schema,
  switches: [],
  amountFields: ["actualInvestment"],
  conditions(input) {
    return [
      requireFact("art4.2/immersive-scene", "immersiveSceneWithNewTechnology", input.immersiveSceneWithNewTechnology, {
        en: "applies new technology to develop an immersive consumption scene",
        zh: "应用新技术开发沉浸式消费场景",
      }),
      requireFact("art4.2/review-finding", "reviewedOutstandingAndReplicable", input.reviewedOutstandingAndReplicable, {
        en: "found by review to be outstanding in promoting consumption and worth replicating",
        zh: "经评审认定促进消费成效突出并具有可推广价值",
      }),
    ];
  },
  amount(input, ctx, calc) {
    return calc.multiply(
      { en: "actual investment × rate", zh: "实际投资额 × 补贴比例" },
      present(input.actualInvestment, "actualInvestment"),
      ctx.dec(ctx.params["art4.2"].rate),
    );
  },
  caps(ctx) {
    return [
      {
        id: "art4.2/per-enterprise-per-year",
        limit: ctx.dec(ctx.params["art4.2"].capPerEnterprisePerYear),
        scope: "per-enterprise-per-year",
        label: { en: "the cap per enterprise per calendar year (单个企业年度最高不超过50万元)", zh: "单个企业年度最高限额" },
      },
    ];
  },
  once: () => undefined,
};

/** Article 4's clauses, in the order of the text. */
export const ARTICLE_4_RULES: readonly MeasuresRule[] = [art4_1Investment, art4_1Session, art4_2];
