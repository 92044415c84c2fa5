/**
 * src/kernel/reasons.ts: the catalogue of the clause kernel's reasons. The codes are a stable interface
 * ("other systems store and branch on these strings: never rename one"), and the texts are what an
 * applicant reads. Three of the eight never occur in the golden decisions (FACT_NOT_ESTABLISHED,
 * DEFAULT_RATE_USED, INTEREST_PAID_LIMIT), and the tests that meet them compare a result's reason with
 * the catalogue entry itself, so a changed text changed both sides and the mutants survived. The
 * catalogue is written out here, and the two whose texts a result quotes (with its figures appended) are
 * met in a clause result. (A result's FACT_NOT_ESTABLISHED reason names the condition instead.)
 */
import { describe, expect, it } from "vitest";
import { evaluateClause } from "../../src/evaluate-clause.js";
import { CLAUSE_REASON_CODES } from "../../src/kernel/reasons.js";
import { eligibleInput } from "./samples.js";

describe("the clause reasons: codes and texts", () => {
  it("the catalogue, in order", () => {
    expect(CLAUSE_REASON_CODES).toEqual({
      ELIGIBLE: { code: "ELIGIBLE", en: "Every condition of the clause is met.", zh: "符合本条款全部条件。" },
      THRESHOLD_NOT_MET: { code: "THRESHOLD_NOT_MET", en: "A value does not reach the threshold the clause sets.", zh: "某项数值未达到条款规定的标准。" },
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
      CAP_APPLIED: { code: "CAP_APPLIED", en: "The computed amount exceeded a cap and was reduced to it.", zh: "计算金额超过上限，按上限核定。" },
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
      INTEREST_PAID_LIMIT: { code: "INTEREST_PAID_LIMIT", en: "The interest subsidy was limited to the interest actually paid.", zh: "贴息金额以实际支付的利息为限。" },
      INTEREST_DAYS_OUTSIDE_WINDOW: {
        code: "INTEREST_DAYS_OUTSIDE_WINDOW",
        en: "Interest days outside the validity window (Article 14) are not subsidised (A16).",
        zh: "有效期（第十四条）以外的计息天数不予贴息（A16）。",
      },
    });
    expect(Object.keys(CLAUSE_REASON_CODES)).toEqual([
      "ELIGIBLE",
      "THRESHOLD_NOT_MET",
      "FACT_NOT_ESTABLISHED",
      "FACTS_MISSING",
      "CAP_APPLIED",
      "AMOUNT_IS_CEILING",
      "DEFAULT_RATE_USED",
      "INTEREST_PAID_LIMIT",
      "INTEREST_DAYS_OUTSIDE_WINDOW",
    ]);
  });

  it("art5.1 without a reviewed rate: DEFAULT_RATE_USED, with its texts", () => {
    const { reviewedRate: _omitted, ...input } = eligibleInput("art5.1");
    const result = evaluateClause("art5.1", input);
    expect(result.reasons.find((reason) => reason.code === "DEFAULT_RATE_USED")).toMatchObject({
      en: "No reviewed rate was supplied: the maximum rate the clause allows was used. Rate used: 0.01.",
      zh: "未提供评审确定的比例：按条款允许的最高比例计算。采用比例：0.01。",
    });
  });

  it("art7.2 with less interest paid than the subsidy: INTEREST_PAID_LIMIT, with its texts", () => {
    const result = evaluateClause("art7.2", { ...eligibleInput("art7.2"), interestPaid: "1000" });
    expect(result.reasons.find((reason) => reason.code === "INTEREST_PAID_LIMIT")).toMatchObject({
      en: "The interest subsidy was limited to the interest actually paid. Interest paid 1000 is less than the computed subsidy 36200.",
      zh: "贴息金额以实际支付的利息为限。实际支付利息 1000 低于计算的贴息额 36200。",
    });
  });
});
