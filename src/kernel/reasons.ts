/**
 * Stable reason codes. Other systems store and branch on these strings: never rename one; add new ones.
 * Each result carries its reasons with a message in Chinese and English built from the facts at hand.
 */

export interface Reason {
  readonly code: string;
  readonly en: string;
  readonly zh: string;
  /** The condition, cap or claim the reason is about, where there is one. */
  readonly conditionId?: string;
  readonly capId?: string;
  readonly claimId?: string;
  readonly article?: string;
}

export interface ReasonDefinition {
  readonly code: string;
  readonly en: string;
  readonly zh: string;
}

/** Reasons the clause kernel itself gives. The evaluator of whole applications adds its own. */
export const CLAUSE_REASON_CODES = {
  ELIGIBLE: {
    code: "ELIGIBLE",
    en: "Every condition of the clause is met.",
    zh: "符合本条款全部条件。",
  },
  THRESHOLD_NOT_MET: {
    code: "THRESHOLD_NOT_MET",
    en: "A value does not reach the threshold the clause sets.",
    zh: "某项数值未达到条款规定的标准。",
  },
  FACT_NOT_ESTABLISHED: {
    code: "FACT_NOT_ESTABLISHED",
    en: "A fact the clause requires is not established (it was given as false).",
    zh: "条款要求的事实不成立（填报为否）。",
  },
  FACTS_MISSING: {
    code: "FACTS_MISSING",
    en: "Facts needed to decide are missing; the clause is undetermined, not refused.",
    zh: "缺少作出判断所需的事实；结论为“待定”，而非不予支持。",
  },
  CAP_APPLIED: {
    code: "CAP_APPLIED",
    en: "The computed amount exceeded a cap and was reduced to it.",
    zh: "计算金额超过上限，按上限核定。",
  },
  AMOUNT_IS_CEILING: {
    code: "AMOUNT_IS_CEILING",
    en: "The text gives only a ceiling and no approved amount was supplied: the figure is the maximum, not a computed amount.",
    zh: "条文仅规定上限且未提供核定金额：该数额为最高限额，而非计算结果。",
  },
  DEFAULT_RATE_USED: {
    code: "DEFAULT_RATE_USED",
    en: "No reviewed rate was supplied: the maximum rate the clause allows was used.",
    zh: "未提供评审确定的比例：按条款允许的最高比例计算。",
  },
  INTEREST_PAID_LIMIT: {
    code: "INTEREST_PAID_LIMIT",
    en: "The interest subsidy was limited to the interest actually paid.",
    zh: "贴息金额以实际支付的利息为限。",
  },
  INTEREST_DAYS_OUTSIDE_WINDOW: {
    code: "INTEREST_DAYS_OUTSIDE_WINDOW",
    en: "Interest days outside the validity window (Article 14) are not subsidised (A16).",
    zh: "有效期（第十四条）以外的计息天数不予贴息（A16）。",
  },
} as const satisfies Record<string, ReasonDefinition>;

export type ClauseReasonCode = keyof typeof CLAUSE_REASON_CODES;
