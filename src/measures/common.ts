/**
 * What every clause file shares: the rule type bound to the measures' context, citations, and the
 * helper that reads a fact the kernel has already checked is present.
 */
import type * as z from "zod";
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
