/**
 * The date a claim counts at: where 第十四条's window places it and which year its annual caps count it
 * in (§3 of docs/conventions.md; A10, A16, A18 of docs/ambiguity-register.md).
 *
 * - A clause paid on a year's figure (art3.3, art5.1, art6.1, art7.1-express) is dated 31 December of
 *   the year the figure counts (A18); a clause paid for a span of days (art7.2's interest period) is
 *   dated at the span's end (A16). Any other fact date is invalid input: a free date could move a claim
 *   into another year's cap, or into the window.
 * - art7.2 pays only the interest days inside the window: the claim lies in the window when at least one
 *   paid day does, and counts in the year of its last paid day (A16).
 */
import type { Claim } from "./application.js";
import { type CivilDate, isWithin, yearOf } from "./kernel/dates.js";
import { makeIssue, type ValidationIssue } from "./kernel/errors.js";
import type { ReadFacts } from "./kernel/rule.js";
import type { MeasuresRule } from "./measures/common.js";
import type { MeasuresContext, Switches } from "./measures/edition.js";
import type { ValidityWindow } from "./measures/general-provisions.js";

/** The issue of a claim whose fact date is not the one its clause fixes, or null. */
export function factDateIssue(rule: MeasuresRule, claim: Claim, facts: ReadFacts, index: number): ValidationIssue | null {
  const fixed = rule.factDate;
  if (fixed === undefined) return null;
  if (fixed === "year-end") {
    if (claim.factDate.endsWith("-12-31")) return null;
    const year = claim.factDate.slice(0, 4);
    return makeIssue({
      code: "inconsistent",
      pathSegments: ["claims", index, "factDate"],
      received: claim.factDate,
      expected: `31 December of the year the figure counts (${year}-12-31 for the year ${year}): ${rule.id} is paid on a year's figure (A18)`,
      expectedZh: `所依据年度数据所属年度的12月31日（${year}年即 ${year}-12-31）：${rule.id} 按年度数据支持（A18）`,
      hint: "the fact paid for is the year's figure, so its date is the year's last day, whenever the claim is filed",
      hintZh: "所支持的事项为年度数据，其发生日期为该年度最后一日，与申报时间无关",
    });
  }
  const end = (facts as Readonly<Record<string, unknown>>)[fixed.field];
  if (typeof end !== "string" || end === claim.factDate) return null;
  return makeIssue({
    code: "inconsistent",
    pathSegments: ["claims", index, "factDate"],
    received: claim.factDate,
    expected: `the end of the period paid for, input.${fixed.field} (${end}): ${rule.id} pays for a period, dated at its end (A16)`,
    expectedZh: `所支持期间的截止日 input.${fixed.field}（${end}）：${rule.id} 按期间支持，发生日期为期间截止日（A16）`,
  });
}

/** Where a claim lies: in 第十四条's window or not, and the year its annual caps count it in. */
export interface Placement {
  readonly inWindow: boolean;
  /** Null when the year cannot be known (payment year asked for, no payment date). */
  readonly year: number | null;
  /** The last day paid for, where the clause pays only part of a span (A16); null otherwise. */
  readonly lastPaidDay: CivilDate | "none" | null;
}

export function placeClaim(rule: MeasuresRule, claim: Claim, facts: ReadFacts, ctx: MeasuresContext, window: ValidityWindow): Placement {
  const lastPaid = rule.lastPaidDay?.(facts, ctx);
  if (lastPaid === undefined) {
    return { inWindow: isWithin(claim.factDate, window.from, window.to), year: capYearOf(ctx.switches, claim.factDate, claim.paymentDate), lastPaidDay: null };
  }
  if (lastPaid === "none") return { inWindow: false, year: capYearOf(ctx.switches, claim.factDate, claim.paymentDate), lastPaidDay: "none" };
  return { inWindow: true, year: capYearOf(ctx.switches, lastPaid, claim.paymentDate), lastPaidDay: lastPaid };
}

/** The year an annual cap counts a fact in: the fact's year, or the payment's (A10). */
export function capYearOf(switches: Switches, factDate: CivilDate, paymentDate: CivilDate | undefined): number | null {
  if (switches.annualCapYear === "payment-year") return paymentDate === undefined ? null : yearOf(paymentDate);
  return yearOf(factDate);
}
