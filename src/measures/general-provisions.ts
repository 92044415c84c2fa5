/**
 * The articles that bind all clauses together: 第二条 (who the measures apply to), 第九条 and 第十三条
 * (false materials and recovery), 第十条 (exclusions), 第十一条 (no double-dipping), 第十四条 (the
 * two-year validity window). Their verbatim text, the reason codes they give, and the window.
 */
import { addCalendarDays, addCalendarYears, type CivilDate, isLeapYearNumber, yearOf } from "../kernel/dates.js";
import type { ReasonDefinition } from "../kernel/reasons.js";
import type { Edition } from "./edition.js";

export interface ArticleCitation {
  readonly article: number;
  /** 项 within the article, where the citation is to one item (第十条 lists three circumstances). */
  readonly item?: number;
  readonly labelZh: string;
  readonly labelEn: string;
  /** Verbatim text. */
  readonly textZh: string;
}

export const ARTICLE_2: ArticleCitation = {
  article: 2,
  labelZh: "第二条",
  labelEn: "Article 2",
  textZh: "本措施适用于依法进行工商注册，在平谷区从事直播电商相关领域经营、服务、管理的企业、其他市场主体及优秀人才。",
};

export const ARTICLE_9: ArticleCitation = {
  article: 9,
  labelZh: "第九条",
  labelEn: "Article 9",
  textZh: "对于伪造、提供虚假材料的项目申报主体，一经查实，应退回已获得的扶持资金。",
};

const ARTICLE_10_TEXT =
  "有下列情形的不予支持：被列入《北京市新增产业的禁止和限制目录》禁止类和限制类范围的；发生重大生产安全事故或重大火灾事故的；经审议具有其他不予支持情形的。";

export const ARTICLE_10_ITEMS: readonly [ArticleCitation, ArticleCitation, ArticleCitation] = [
  {
    article: 10,
    item: 1,
    labelZh: "第十条第（一）种情形",
    labelEn: "Article 10, circumstance (1)",
    textZh: "被列入《北京市新增产业的禁止和限制目录》禁止类和限制类范围的",
  },
  {
    article: 10,
    item: 2,
    labelZh: "第十条第（二）种情形",
    labelEn: "Article 10, circumstance (2)",
    textZh: "发生重大生产安全事故或重大火灾事故的",
  },
  {
    article: 10,
    item: 3,
    labelZh: "第十条第（三）种情形",
    labelEn: "Article 10, circumstance (3)",
    textZh: "经审议具有其他不予支持情形的",
  },
];

export const ARTICLE_10: ArticleCitation = {
  article: 10,
  labelZh: "第十条",
  labelEn: "Article 10",
  textZh: ARTICLE_10_TEXT,
};

export const ARTICLE_11: ArticleCitation = {
  article: 11,
  labelZh: "第十一条",
  labelEn: "Article 11",
  textZh: "本措施中的财政支持政策与平谷区现行相关财政政策不能重复享受。",
};

export const ARTICLE_13: ArticleCitation = {
  article: 13,
  labelZh: "第十三条",
  labelEn: "Article 13",
  textZh:
    "企业、个人在取得本措施的相关支持后，被发现存在虚报数据、伪造申请材料、违规转让补贴资金等不当行为或其他重大违法违规行为，平谷区有关部门有权停止政策支持，并保留相应的追索权。",
};

export const ARTICLE_14: ArticleCitation = {
  article: 14,
  labelZh: "第十四条",
  labelEn: "Article 14",
  textZh: "本措施自发布之日起施行，有效期两年。",
};

/** Reasons the whole-application evaluator gives. Stable codes: never rename one. */
export const APPLICATION_REASON_CODES = {
  NOT_REGISTERED_IN_PINGGU: {
    code: "NOT_REGISTERED_IN_PINGGU",
    en: "Article 2: the applicant is not registered (工商注册) in Pinggu District; the measures do not apply.",
    zh: "第二条：申请主体未在平谷区依法进行工商注册，不适用本措施。",
  },
  NOT_IN_LIVE_COMMERCE: {
    code: "NOT_IN_LIVE_COMMERCE",
    en: "Article 2: the applicant is not engaged in live-streaming e-commerce operation, service or management.",
    zh: "第二条：申请主体未从事直播电商相关领域经营、服务、管理。",
  },
  APPLICABILITY_UNKNOWN: {
    code: "APPLICABILITY_UNKNOWN",
    en: "Article 2: whether the applicant is registered in Pinggu and engaged in live commerce is not known.",
    zh: "第二条：申请主体是否在平谷区注册并从事直播电商尚不明确。",
  },
  EXCLUDED_RESTRICTED_CATALOGUE: {
    code: "EXCLUDED_RESTRICTED_CATALOGUE",
    en: "Article 10 (1): the applicant falls in the prohibited or restricted categories of the Beijing catalogue of new industries.",
    zh: "第十条：被列入《北京市新增产业的禁止和限制目录》禁止类和限制类范围，不予支持。",
  },
  EXCLUDED_MAJOR_ACCIDENT: {
    code: "EXCLUDED_MAJOR_ACCIDENT",
    en: "Article 10 (2): the applicant had a major production-safety accident or major fire accident.",
    zh: "第十条：发生重大生产安全事故或重大火灾事故，不予支持。",
  },
  EXCLUDED_BY_REVIEW: {
    code: "EXCLUDED_BY_REVIEW",
    en: "Article 10 (3): found by review to fall under another non-support circumstance.",
    zh: "第十条：经审议具有其他不予支持情形。",
  },
  MISCONDUCT_FINDING: {
    code: "MISCONDUCT_FINDING",
    en: "Articles 9 and 13: the applicant was found to have falsified materials or data, or transferred subsidy funds in violation of rules; no further support.",
    zh: "第九条、第十三条：申请主体经查实存在虚报数据、伪造材料或违规转让补贴资金等行为，停止政策支持。",
  },
  OUT_OF_WINDOW: {
    code: "OUT_OF_WINDOW",
    en: "Article 14: the fact paid for lies outside the measures' two-year validity window.",
    zh: "第十四条：所申请支持事项的发生日期不在本措施两年有效期内。",
  },
  SUPPORTED_BY_OTHER_POLICY: {
    code: "SUPPORTED_BY_OTHER_POLICY",
    en: "Article 11: this project or expenditure already received support under another Pinggu District fiscal policy.",
    zh: "第十一条：该项目或支出已享受平谷区其他财政政策支持，不能重复享受。",
  },
  DUPLICATE_WITHIN_MEASURES: {
    code: "DUPLICATE_WITHIN_MEASURES",
    en: "Article 11: the same project or expenditure is paid once under these measures.",
    zh: "第十一条：同一项目或支出在本措施内只支持一次。",
  },
  TWIN_UNDETERMINED: {
    code: "TWIN_UNDETERMINED",
    en: "Article 11: the project is claimed under several clauses and is paid under the one that gives the most, which cannot be known while a claim of the project is undetermined; complete or withdraw it.",
    zh: "第十一条：该项目按多个条款申报，应就高支持；其中有申请事项尚无法判定，无法确定哪一条款支持最多，请补全或撤回该申请事项。",
  },
  ALREADY_AWARDED_ONCE: {
    code: "ALREADY_AWARDED_ONCE",
    en: "The clause's award is one-time (一次性) and was already awarded in this scope.",
    zh: "该条款为一次性支持，此范围内已获支持。",
  },
  CROSS_CLAIM_CAP_APPLIED: {
    code: "CROSS_CLAIM_CAP_APPLIED",
    en: "A cap across claims and earlier grants (per enterprise per year, or over the policy term) reduced the amount.",
    zh: "跨申请累计上限（企业年度或政策期内）核减了金额。",
  },
  SCOPE_ID_MISSING: {
    code: "SCOPE_ID_MISSING",
    en: "The clause is one-time per project or product, and the claim names no project or product id.",
    zh: "该条款按项目或产品一次性支持，但申请未注明项目或产品编号。",
  },
  PAYMENT_DATE_MISSING: {
    code: "PAYMENT_DATE_MISSING",
    en: "The edition counts annual caps by year of payment (A10), and the claim has no payment date.",
    zh: "本版本按支付年度计算年度上限（A10），但申请未注明支付日期。",
  },
} as const satisfies Record<string, ReasonDefinition>;

export type ApplicationReasonCode = keyof typeof APPLICATION_REASON_CODES;

export interface ValidityWindow {
  readonly from: CivilDate;
  readonly to: CivilDate;
  /** How the last day was found. */
  readonly basis: "explicit-valid-until" | "day-before-anniversary" | "civil-code-anniversary";
}

/**
 * 第十四条: in force from the publication day, valid for `validityYears` years (A1).
 * - default: the day before the same calendar date `validityYears` later; a Feb 29 publication whose
 *   anniversary year has no Feb 29 ends on Feb 28 (the anniversary is then Mar 1);
 * - `civil-code-anniversary` (民法典 第二百零一、二百零二条: the start day is not counted): ends on the
 *   anniversary itself, Feb 28 when it has no Feb 29;
 * - an explicit `validUntil` always wins.
 */
export function validityWindow(edition: Edition, publishedOn: CivilDate): ValidityWindow {
  if (edition.validUntil !== null) return { from: publishedOn, to: edition.validUntil, basis: "explicit-valid-until" };
  // date-fns clamps Feb 29 to Feb 28 in a year without it.
  const anniversary = addCalendarYears(publishedOn, edition.validityYears);
  if (edition.switches.validityEnd === "civil-code-anniversary") {
    return { from: publishedOn, to: anniversary, basis: "civil-code-anniversary" };
  }
  const clamped = publishedOn.slice(5) === "02-29" && !isLeapYearNumber(yearOf(anniversary));
  // A clamped anniversary (Feb 28) stands for Mar 1: the day before it is Feb 28 itself.
  const to = clamped ? anniversary : addCalendarDays(anniversary, -1);
  return { from: publishedOn, to, basis: "day-before-anniversary" };
}
