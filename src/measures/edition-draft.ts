/**
 * The first edition: 平谷区促进直播电商产业高质量发展若干措施（征求意见稿）, every figure as the draft
 * states it (INTERPRETATION.md §6). The draft has no publication date; callers supply `publishedOn`.
 * Each threshold keeps the word of the text, from which its operator follows (以上 ≥, 超过 >).
 */
import { deepFreeze, type Edition, sealEdition, type Switches } from "./edition.js";

export const DEFAULT_SWITCHES: Switches = deepFreeze({
  validityEnd: "day-before-anniversary",
  incrementCounting: "full-increments",
  art3_2MofcomAlone: "qualifies",
  art4_1ProductFlows: "at-least-one",
  art5_1CapScope: "per-year",
  art3_2CapScope: "per-term",
  intraMeasuresDuplicates: "highest",
  interestDayCount: "actual/360",
  rounding: "fen-half-up",
  annualCapYear: "fact-year",
  thresholdWords: "civil-code",
  art4_1InvestmentCapScope: "per-term",
  art7_2InterestPeriod: "clipped-to-window",
  art6_2ProjectScope: "one-time",
});

export const DRAFT_EDITION: Edition = sealEdition({
  id: "draft",
  name: {
    zh: "平谷区促进直播电商产业高质量发展若干措施（征求意见稿）",
    en: "Pinggu District measures to promote the high-quality development of live-streaming e-commerce (draft for comment)",
  },
  publishedOn: null,
  validUntil: null,
  // 第十四条：有效期两年。
  validityYears: 2,
  parameters: {
    // 第三条（一）：实际使用面积达3000平米以上，且年网络零售额5亿元以上、投资额不少于200万元，按投资额的30%，最高不超过200万元。
    "art3.1": {
      minUsedArea: { value: "3000", word: "以上" },
      minAnnualOnlineRetail: { value: "500000000", word: "以上" },
      minInvestment: { value: "2000000", word: "不少于" },
      rate: "0.30",
      capPerPark: "2000000",
    },
    // 第三条（二）：费用的30%，单个企业最高不超过30万元。
    "art3.2": { rate: "0.30", capPerEnterprise: "300000" },
    // 第三条（二）：获得商务部认定称号的，再给予一次性20万元奖励。
    "art3.2-mofcom": { award: "200000" },
    // 第三条（三）：网络零售额超过2000万元且增速不低于全市平均增速，30万元；每增加1000万元再奖励5万元，最高不超过50万元。
    "art3.3": {
      minAnnualOnlineRetail: { value: "20000000", word: "超过" },
      growthWord: "不低于",
      baseAward: "300000",
      incrementStep: "10000000",
      incrementAward: "50000",
      cap: "500000",
    },
    // 第四条（一）：年网络零售额500万元以上……按投资额的40%进行补贴，最高不超过50万元。
    "art4.1-investment": {
      minAnnualOnlineRetail: { value: "5000000", word: "以上" },
      rate: "0.40",
      capPerClaim: "500000",
    },
    // 第四条（一）：实际成交额不低于100万元，每场成交额1%，单场最高不超过5万元，单个企业年度累计不超过30万元。
    "art4.1-session": {
      minSessionTurnover: { value: "1000000", word: "不低于" },
      rate: "0.01",
      capPerSession: "50000",
      capPerEnterprisePerYear: "300000",
    },
    // 第四条（二）：按实际投资额的20%，单个企业年度最高不超过50万元。
    "art4.2": { rate: "0.20", capPerEnterprisePerYear: "500000" },
    // 第五条（一）：带动5家以上本地企业年度累计实际成交额1000万元以上，不超过实际成交额的1%，最高不超过100万元。
    "art5.1": {
      minLocalEnterprises: { value: "5", word: "以上" },
      minCumulativeTurnover: { value: "10000000", word: "以上" },
      maxRate: "0.01",
      capPerEnterprise: "1000000",
    },
    // 第五条（二）：创新产品年成交额首次超1000万元的，给予50万元。
    "art5.2": { minAnnualTurnover: { value: "10000000", word: "超" }, award: "500000" },
    // 第六条（一）：每年培训500人次以上……比例20%以上，最高不超过10万元。
    "art6.1": {
      minPersonTimes: { value: "500", word: "以上" },
      minPlacementRate: { value: "0.20", word: "以上" },
      cap: "100000",
    },
    // 第六条（二）：按实际费用的50%，最高不超过30万元。
    "art6.2": { rate: "0.50", capPerProject: "300000" },
    // 第七条（一）：按不超过项目审定实际投资额的50%（评审比例的上限，亦为缺省比例：A19），最高不超过50万元。
    "art7.1-logistics": { rate: "0.50", capPerProject: "500000" },
    // 第七条（一）：年度快递业务量超10万单，10万元；每增加1万单再奖励3000元，最高不超过30万元。
    "art7.1-express": {
      minAnnualParcels: { value: "100000", word: "超" },
      baseAward: "100000",
      incrementStep: "10000",
      incrementAward: "3000",
      capPerEnterprisePerYear: "300000",
    },
    // 第七条（二）：年网络零售额达到500万元以上、增速在10%以上……基准利率50%的贴息，每家每年最多不超过20万元。
    "art7.2": {
      minAnnualOnlineRetail: { value: "5000000", word: "以上" },
      minGrowthRate: { value: "0.10", word: "以上" },
      shareOfBenchmark: "0.50",
      capPerEnterprisePerYear: "200000",
    },
  },
  switches: DEFAULT_SWITCHES,
  wordDefinitions: {},
});
