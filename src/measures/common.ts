/**
 * What every clause file shares: the rule type bound to the measures' context, citations, and the
 * helper that reads a fact the kernel has already checked is present.
 */
import type * as z from "zod";
import type { Calculation } from "../kernel/calc.js";
import type { Bilingual } from "../kernel/conditions.js";
import type { Decimal } from "../kernel/decimal.js";
import type { Citation, RuleDefinition } from "../kernel/rule.js";
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
