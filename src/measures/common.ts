/**
 * What every clause file shares: the rule type bound to the measures' context, citations, and the
 * helper that reads a fact the kernel has already checked is present.
 */
import type * as z from "zod";
import type { Calculation } from "../kernel/calc.js";
import type { Bilingual } from "../kernel/conditions.js";
import { type Decimal, formatPlain } from "../kernel/decimal.js";
import { CLAUSE_REASON_CODES } from "../kernel/reasons.js";
import type { Citation, RuleDefinition, RuleProblem } from "../kernel/rule.js";
import type { MeasuresContext } from "./edition.js";

/** A clause of these measures: a kernel rule whose context is an edition of the measures. */
export type MeasuresRule<S extends z.ZodType = z.ZodType> = RuleDefinition<S, MeasuresContext>;

const ARTICLE_NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];
const ITEM_NUMERALS = ["", "一", "二", "三", "四", "五"];

/** Build a citation: article and item numbers, the verbatim item text and the sentence implemented. */
export function cite(article: number, item: number, itemTextZh: string, provisionZh: string): Citation {
  return {
    article,
    paragraph: 1,
    item,
    labelZh: `第${ARTICLE_NUMERALS[article]}条第（${ITEM_NUMERALS[item]}）项`,
    labelEn: `Article ${article}, item (${item})`,
    itemTextZh,
    provisionZh,
  };
}

/**
 * A fact the kernel has already checked is present (it is listed in the rule's `amountFields`, or a
 * condition on it was met). Reaching the throw would be a bug in the rule, not bad input.
 */
export function present<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`internal: ${field} used before its presence was checked`);
  return value;
}

export interface TierSpec {
  /** The applicant's value (retail, parcels) and the threshold the tiers start from. */
  readonly value: Decimal;
  readonly threshold: string;
  readonly baseAward: string;
  readonly step: string;
  readonly awardPerStep: string;
  /** What the value is, for the explanation ("retail", "parcels"). */
  readonly aboveLabel: Bilingual;
}

/**
 * A base award plus a fixed amount for each further step above the threshold (每增加…再奖励…):
 * art3.3 and art7.1-express. Full steps only by default; pro rata under switch `incrementCounting` (A2).
 */
export function tieredAward(ctx: MeasuresContext, calc: Calculation, tier: TierSpec): Decimal {
  const base = calc.value({ en: "base award", zh: "基础奖励" }, ctx.dec(tier.baseAward));
  const above = calc.subtract(tier.aboveLabel, tier.value, ctx.dec(tier.threshold));
  const increments =
    ctx.switches.incrementCounting === "pro-rata"
      ? calc.divide({ en: "increments, pro rata (A2 alternative)", zh: "增量档数，按比例（A2 备选）" }, above, ctx.dec(tier.step))
      : calc.floorDivide({ en: "full increments of the step", zh: "完整增量档数" }, above, ctx.dec(tier.step));
  const extra = calc.multiply({ en: "increments × award per increment", zh: "档数 × 每档奖励" }, increments, ctx.dec(tier.awardPerStep));
  return calc.add({ en: "base award + increments", zh: "基础奖励 + 增量奖励" }, base, extra);
}

/**
 * A rate that a review fixes under a ceiling of the text (按照不超过……的X%): art5.1 (A5's clause) and
 * art7.1-logistics (A19). The edition's rate is the ceiling and, when no reviewed rate is given, the
 * rate used.
 */
export interface ReviewedRateSpec {
  /** The input field of the reviewed rate. */
  readonly field: string;
  /** The ceiling as the edition writes it ("0.01", "0.5"). */
  readonly maxRateText: string;
  /** What is paid ("award" / "奖励") and what the rate is a share of ("the actual turnover" / "实际成交额"). */
  readonly paid: Bilingual;
  readonly of: Bilingual;
}

/** A reviewed rate above the ceiling is invalid input naming the field (below 0 the field refuses already). */
export function reviewedRateProblems(reviewed: Decimal | undefined, ctx: MeasuresContext, spec: ReviewedRateSpec): RuleProblem[] {
  const maxRate = ctx.dec(spec.maxRateText);
  if (reviewed === undefined || !reviewed.gt(maxRate)) return [];
  const percent = formatPlain(maxRate.times(100));
  return [
    {
      field: spec.field,
      received: formatPlain(reviewed),
      expected: `a reviewed rate not above the clause's maximum ${formatPlain(maxRate)} (不超过${spec.of.zh}的${percent}%)`,
      expectedZh: `不超过条款规定最高比例 ${formatPlain(maxRate)}（不超过${spec.of.zh}的${percent}%）的评审比例`,
      hint: `the ${spec.paid.en} may be at most ${percent}% of ${spec.of.en}; leave ${spec.field} out to use the maximum`,
      hintZh: `${spec.paid.zh}最高为${spec.of.zh}的${percent}%；省略 ${spec.field} 即按最高比例计算`,
    },
  ];
}

/**
 * The rate used, as a step of the calculation that says which it is: the reviewed rate, or — none
 * given — the ceiling, with a DEFAULT_RATE_USED note naming it.
 */
export function reviewedRateStep(reviewed: Decimal | undefined, ctx: MeasuresContext, calc: Calculation, maxRateText: string): Decimal {
  if (reviewed !== undefined) return calc.value({ en: "rate fixed by the review", zh: "评审确定的比例" }, reviewed);
  const note = CLAUSE_REASON_CODES.DEFAULT_RATE_USED;
  // Printed as a number ("0.50" in the draft and "0.5" in a derived edition are one rate).
  const shown = formatPlain(ctx.dec(maxRateText));
  calc.note({ code: note.code, en: `${note.en} Rate used: ${shown}.`, zh: `${note.zh}采用比例：${shown}。` });
  return calc.value({ en: "rate: the clause's maximum (no reviewed rate given)", zh: "比例：条款规定的最高比例（未提供评审比例）" }, ctx.dec(maxRateText));
}
