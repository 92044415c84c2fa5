/**
 * The contract between a clause and the kernel, through the public rule objects (getRule / listRules):
 * the kernel calls a rule's amount() only once every fact it lists in `amountFields` is present; a rule
 * that reached one of those facts without it would be a bug in the library, and must fail loudly, naming
 * the fact, rather than compute with a hole. Written to kill the mutants of the field names given to
 * present() in src/measures/art0*.ts, which no evaluation can reach (see docs/quality.md).
 */
import { describe, expect, it } from "vitest";
import { contextOf } from "../../src/evaluate-clause.js";
import { Calculation } from "../../src/kernel/calc.js";
import { DRAFT_EDITION } from "../../src/measures/edition-draft.js";
import type { ClauseId } from "../../src/measures/edition.js";
import { getRule, listRules } from "../../src/measures/registry.js";
import { eligibleInput } from "./samples.js";

/** The rule's amount() on its parsed eligible facts, with one of them taken away. */
function amountWithout(clauseId: ClauseId, field: string): () => unknown {
  const rule = getRule(clauseId);
  const ctx = contextOf(DRAFT_EDITION);
  const parsed = rule.schema.parse(eligibleInput(clauseId)) as Record<string, unknown>;
  const { [field]: _dropped, ...rest } = parsed;
  return () => rule.amount(rest as never, ctx, new Calculation());
}

describe("a rule's amount() never computes with a fact it was not given", () => {
  const cases: [ClauseId, string][] = [
    ["art3.1", "investment"],
    ["art3.2", "rentCost"],
    ["art3.2", "renovationCost"],
    ["art3.2", "equipmentCost"],
    ["art3.3", "annualOnlineRetail"],
    ["art4.1-investment", "liveRoomAndColdChainInvestment"],
    ["art4.1-session", "sessionTurnover"],
    ["art4.2", "actualInvestment"],
    ["art5.1", "localEnterprisesCumulativeTurnover"],
    ["art6.2", "actualCost"],
    ["art7.1-logistics", "auditedInvestment"],
    ["art7.1-express", "annualExpressParcels"],
    ["art7.2", "interestPeriodStart"],
    ["art7.2", "interestPeriodEnd"],
    ["art7.2", "principal"],
    ["art7.2", "benchmarkAnnualRate"],
    ["art7.2", "interestPaid"],
  ];

  for (const [clauseId, field] of cases) {
    it(`${clauseId} without ${field}: an internal error naming ${field}`, () => {
      expect(amountWithout(clauseId, field)).toThrow(new Error(`internal: ${field} used before its presence was checked`));
    });
  }

  it("covers every fact each rule lists as needed for its amount", () => {
    const listed = listRules().flatMap((rule) => rule.amountFields.map((field) => `${rule.id}/${field}`));
    expect(cases.map(([id, field]) => `${id}/${field}`).sort()).toEqual([...listed].sort());
  });

  it("with every fact given, amount() computes the clause's exact figure", () => {
    const rule = getRule("art7.2");
    const ctx = contextOf(DRAFT_EDITION);
    const parsed = rule.schema.parse(eligibleInput("art7.2"));
    // 3,600,000 × 0.04 × 50% × 181 days ÷ 360 = 36,200
    expect(rule.amount(parsed as never, ctx, new Calculation()).toFixed()).toBe("36200");
  });
});
