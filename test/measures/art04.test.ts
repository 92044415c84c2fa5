import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ARTICLE_4_RULES } from "../../src/measures/art04.js";
import { DRAFT_EDITION } from "../../src/measures/edition-draft.js";
import type { Edition } from "../../src/measures/edition.js";
import type { ClauseOptions } from "../../src/evaluate-clause.js";
import { amountOf, issuesOf, run } from "../helpers.js";

const SOURCE = readFileSync(new URL("../../docs/source/measures-draft.zh.txt", import.meta.url), "utf8");

describe("Article 4: the rules and their citations", () => {
  it("lists the clauses in the order of the text", () => {
    expect(ARTICLE_4_RULES.map((rule) => rule.id)).toEqual(["art4.1-investment", "art4.1-session", "art4.2"]);
  });

  it("quotes the item text and the provision verbatim from the source, without bookmark artifacts", () => {
    for (const rule of ARTICLE_4_RULES) {
      expect(SOURCE, rule.id).toContain(rule.citation.itemTextZh);
      expect(rule.citation.itemTextZh, rule.id).toContain(rule.citation.provisionZh);
      expect(rule.citation.itemTextZh, rule.id).not.toContain("[bookmark");
      expect(rule.citation.article).toBe(4);
    }
    expect(ARTICLE_4_RULES.map((rule) => rule.citation.labelZh)).toEqual(["第四条第（一）项", "第四条第（一）项", "第四条第（二）项"]);
  });
});

// ---------------------------------------------------------------------------------------------------

const origin = {
  annualOnlineRetail: "6000000",
  sellsPingguFarmProductsOut: true,
  bringsIndustrialProductsIn: false,
  liveRoomAndColdChainInvestment: "100000",
};

describe("art4.1-investment 高大尚产业+产地直播（投资）", () => {
  it("pays 40% of the investment in live rooms and cold-chain storage", () => {
    const result = run("art4.1-investment", origin);
    expect(result.status).toBe("eligible");
    expect(result.amount).toBe("40000.00");
    expect(result.steps.map((s) => s.result)).toEqual(["40000", "40000.00", "40000.00"]);
    expect(result.once).toBeNull();
  });

  it("online retail: 5,000,000 qualifies (以上 includes the number)", () => {
    const at = run("art4.1-investment", { ...origin, annualOnlineRetail: "5000000" });
    expect(at.status).toBe("eligible");
    expect(at.conditions[0]?.comparison).toMatchObject({ left: "5000000.00", op: ">=", right: "5000000", holds: true });
  });

  it("online retail: 4,999,999.99 (one fen below) does not qualify", () => {
    const below = run("art4.1-investment", { ...origin, annualOnlineRetail: "4999999.99" });
    expect(below.status).toBe("ineligible");
    expect(below.amount).toBe("0.00");
    expect(below.failedConditions).toEqual(["art4.1-investment/online-retail"]);
    expect(below.reasons.map((r) => r.code)).toEqual(["THRESHOLD_NOT_MET"]);
  });

  it("online retail: 5,000,000.01 (one fen above) qualifies", () => {
    expect(amountOf("art4.1-investment", { ...origin, annualOnlineRetail: "5000000.01" })).toBe("40000.00");
  });

  it("40% of 1,000.01 is 400.004 and rounds down to 400.00", () => {
    const result = run("art4.1-investment", { ...origin, liveRoomAndColdChainInvestment: "1000.01" });
    expect(result.exactAmount).toBe("400.004");
    expect(result.amount).toBe("400.00");
  });

  it("40% of 1,000.04 is 400.016 and rounds up to 400.02", () => {
    expect(amountOf("art4.1-investment", { ...origin, liveRoomAndColdChainInvestment: "1000.04" })).toBe("400.02");
  });

  it("40% of 1,000.0125 is exactly 400.005 and rounds half-up to 400.01 (half-even would give 400.00)", () => {
    const result = run("art4.1-investment", { ...origin, liveRoomAndColdChainInvestment: "1000.0125" });
    expect(result.exactAmount).toBe("400.005");
    expect(result.amount).toBe("400.01");
    const even = run(
      "art4.1-investment",
      { ...origin, liveRoomAndColdChainInvestment: "1000.0125" },
      { switches: { rounding: "fen-half-even" } },
    );
    expect(even.amount).toBe("400.00");
  });

  it("cap 500,000 (per enterprise over the term, A12, and so on each claim): 1,250,000 reaches it exactly and it does not bite", () => {
    const at = run("art4.1-investment", { ...origin, liveRoomAndColdChainInvestment: "1250000" });
    expect(at.amount).toBe("500000.00");
    expect(at.capBinding).toBeNull();
    expect(at.caps).toEqual([
      expect.objectContaining({
        id: "art4.1-investment/per-enterprise-per-term",
        scope: "per-enterprise-per-term",
        limit: "500000.00",
        bit: false,
      }),
    ]);
  });

  it("cap: 1,249,999.97 gives 499,999.988 → 499,999.99, under the cap", () => {
    const under = run("art4.1-investment", { ...origin, liveRoomAndColdChainInvestment: "1249999.97" });
    expect(under.amount).toBe("499999.99");
    expect(under.capBinding).toBeNull();
  });

  it("cap: 1,249,999.99 gives 499,999.996, which rounds to the cap itself: reached, not biting", () => {
    const result = run("art4.1-investment", { ...origin, liveRoomAndColdChainInvestment: "1249999.99" });
    expect(result.exactAmount).toBe("499999.996");
    expect(result.amount).toBe("500000.00");
    expect(result.capBinding).toBeNull();
  });

  it("cap: 1,250,000.01 gives 500,000.004, which rounds to the cap: not biting", () => {
    const result = run("art4.1-investment", { ...origin, liveRoomAndColdChainInvestment: "1250000.01" });
    expect(result.exactAmount).toBe("500000.004");
    expect(result.roundedAmount).toBe("500000.00");
    expect(result.capBinding).toBeNull();
  });

  it("cap: 1,250,000.02 gives 500,000.008 → 500,000.01, and the cap bites", () => {
    const over = run("art4.1-investment", { ...origin, liveRoomAndColdChainInvestment: "1250000.02" });
    expect(over.roundedAmount).toBe("500000.01");
    expect(over.amount).toBe("500000.00");
    expect(over.capBinding).toBe("art4.1-investment/per-enterprise-per-term");
    expect(over.reasons.map((r) => r.code)).toContain("CAP_APPLIED");
  });

  it("A12 default per-term: one cap, scoped to the enterprise over the policy term, labelled with the text's words", () => {
    const result = run("art4.1-investment", origin);
    expect(result.caps.map((c) => [c.id, c.scope])).toEqual([["art4.1-investment/per-enterprise-per-term", "per-enterprise-per-term"]]);
    expect(result.caps[0]?.label.en).toContain("最高不超过50万元");
    expect(result.caps[0]?.label.en).toContain("A12");
    expect(result.switches).toMatchObject({ art4_1InvestmentCapScope: "per-term" });
  });

  it("A12 alternative per-year: the cap is scoped per enterprise per calendar year", () => {
    const result = run("art4.1-investment", origin, { switches: { art4_1InvestmentCapScope: "per-year" } });
    expect(result.caps.map((c) => [c.id, c.scope])).toEqual([["art4.1-investment/per-enterprise-per-year", "per-enterprise-per-year"]]);
    expect(result.caps[0]?.label.en).toContain("A12 alternative");
    expect(result.switches).toMatchObject({ art4_1InvestmentCapScope: "per-year" });
  });

  it("A12 alternative per-project: the cap is scoped per project", () => {
    const result = run("art4.1-investment", origin, { switches: { art4_1InvestmentCapScope: "per-project" } });
    expect(result.caps.map((c) => [c.id, c.scope])).toEqual([["art4.1-investment/per-project", "per-project"]]);
    expect(result.caps[0]?.label.zh).toContain("A12 备选");
  });

  it("A12: whatever the scope, a single claim alone never exceeds 500,000 (2,000,000 × 40% = 800,000 → 500,000)", () => {
    for (const scope of ["per-term", "per-year", "per-project"] as const) {
      const result = run("art4.1-investment", { ...origin, liveRoomAndColdChainInvestment: "2000000" }, { switches: { art4_1InvestmentCapScope: scope } });
      expect(result.amount, scope).toBe("500000.00");
      expect(result.capBinding, scope).toMatch(/^art4\.1-investment\//);
    }
  });

  it("A12: an unknown scope is refused, naming the switch and its values", () => {
    const issues = issuesOf("art4.1-investment", origin, { switches: { art4_1InvestmentCapScope: "per-claim" } as unknown as ClauseOptions["switches"] });
    expect(issues[0]?.path).toBe("switches.art4_1InvestmentCapScope");
  });

  it("A4 default at-least-one: farm products out alone qualifies", () => {
    const result = run("art4.1-investment", origin);
    expect(result.status).toBe("eligible");
    expect(result.conditions[1]?.combine).toBe("any");
    expect(result.switches).toEqual({ art4_1ProductFlows: "at-least-one", art4_1InvestmentCapScope: "per-term", rounding: "fen-half-up" });
  });

  it("A4 default: industrial products in alone qualifies", () => {
    const result = run("art4.1-investment", { ...origin, sellsPingguFarmProductsOut: false, bringsIndustrialProductsIn: true });
    expect(result.status).toBe("eligible");
  });

  it("A4 default: neither flow → ineligible", () => {
    const result = run("art4.1-investment", { ...origin, sellsPingguFarmProductsOut: false, bringsIndustrialProductsIn: false });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art4.1-investment/product-flows"]);
    expect(result.reasons.map((r) => r.code)).toEqual(["FACT_NOT_ESTABLISHED"]);
  });

  it("A4 default: one flow true and the other unknown is enough", () => {
    const result = run("art4.1-investment", { ...origin, bringsIndustrialProductsIn: undefined });
    expect(result.status).toBe("eligible");
    expect(result.missingFacts).toEqual([]);
  });

  it("A4 default: one flow false and the other unknown → undetermined, naming the unknown one", () => {
    const result = run("art4.1-investment", { ...origin, sellsPingguFarmProductsOut: false, bringsIndustrialProductsIn: null });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["bringsIndustrialProductsIn"]);
  });

  it("A4 alternative both: one flow alone → ineligible", () => {
    const result = run("art4.1-investment", origin, { switches: { art4_1ProductFlows: "both" } });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art4.1-investment/product-flows"]);
    expect(result.conditions[1]?.combine).toBe("all");
    expect(result.switches).toMatchObject({ art4_1ProductFlows: "both" });
  });

  it("A4 alternative both: both flows → eligible", () => {
    const both = { ...origin, bringsIndustrialProductsIn: true };
    expect(amountOf("art4.1-investment", both, { switches: { art4_1ProductFlows: "both" } })).toBe("40000.00");
  });

  it("A4 alternative both: one true, the other unknown → undetermined", () => {
    const result = run("art4.1-investment", { ...origin, bringsIndustrialProductsIn: undefined }, { switches: { art4_1ProductFlows: "both" } });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["bringsIndustrialProductsIn"]);
  });

  it("a missing investment makes the clause undetermined, never zero", () => {
    const result = run("art4.1-investment", { ...origin, liveRoomAndColdChainInvestment: null });
    expect(result.status).toBe("undetermined");
    expect(result.amount).toBeNull();
    expect(result.missingFacts).toEqual(["liveRoomAndColdChainInvestment"]);
  });

  it("every fact missing: undetermined, naming each field", () => {
    const result = run("art4.1-investment", {});
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual([
      "annualOnlineRetail",
      "sellsPingguFarmProductsOut",
      "bringsIndustrialProductsIn",
      "liveRoomAndColdChainInvestment",
    ]);
  });

  it("a failed threshold decides even when the investment is unknown", () => {
    const result = run("art4.1-investment", { ...origin, annualOnlineRetail: "100", liveRoomAndColdChainInvestment: undefined });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art4.1-investment/online-retail"]);
  });

  it('rejects "1,000" with a hint about thousands separators, naming the field', () => {
    const issues = issuesOf("art4.1-investment", { ...origin, liveRoomAndColdChainInvestment: "1,000" });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "liveRoomAndColdChainInvestment", code: "invalid_value" });
    expect(issues[0]?.hint).toContain("thousands separators");
    expect(issues[0]?.hintZh).toContain("千位分隔符");
  });

  it("rejects negative money, naming the field", () => {
    const issues = issuesOf("art4.1-investment", { ...origin, annualOnlineRetail: "-0.01" });
    expect(issues.map((i) => i.path)).toEqual(["annualOnlineRetail"]);
    expect(issues[0]?.hint).toContain("outside the accepted range");
  });

  it('rejects the text "true" for a yes/no fact', () => {
    const issues = issuesOf("art4.1-investment", { ...origin, sellsPingguFarmProductsOut: "true" });
    expect(issues.map((i) => i.path)).toEqual(["sellsPingguFarmProductsOut"]);
    expect(issues[0]?.hint).toContain("JSON boolean");
  });

  it("rejects an unknown field (art3.1's name for the investment) and reports every issue at once", () => {
    const issues = issuesOf("art4.1-investment", { ...origin, investment: "100000", annualOnlineRetail: "5万" });
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ["investment", "unknown_field"],
        ["annualOnlineRetail", "invalid_value"],
      ]),
    );
    expect(issues).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------------

const session = { pingguGoodsSpecialSession: true, sessionTurnover: "2000000" };

/** A what-if edition whose annual cap is below the per-session cap, so that the annual cap can bite. */
const LOW_ANNUAL_CAP: Edition = {
  ...DRAFT_EDITION,
  id: "what-if-low-annual-cap",
  parameters: {
    ...DRAFT_EDITION.parameters,
    "art4.1-session": { ...DRAFT_EDITION.parameters["art4.1-session"], capPerEnterprisePerYear: "40000" },
  },
};

describe("art4.1-session 平谷好物专场直播", () => {
  it("pays 1% of the session's turnover", () => {
    const result = run("art4.1-session", session);
    expect(result.amount).toBe("20000.00");
    expect(result.once).toBeNull();
    expect(result.switches).toEqual({ rounding: "fen-half-up" });
  });

  it("session turnover: 1,000,000 qualifies (不低于 includes the number)", () => {
    const at = run("art4.1-session", { ...session, sessionTurnover: "1000000" });
    expect(at.amount).toBe("10000.00");
    expect(at.conditions[1]?.comparison).toMatchObject({ op: ">=", right: "1000000", word: "不低于", holds: true });
  });

  it("session turnover: 999,999.99 (one fen below) does not qualify", () => {
    const below = run("art4.1-session", { ...session, sessionTurnover: "999999.99" });
    expect(below.status).toBe("ineligible");
    expect(below.failedConditions).toEqual(["art4.1-session/session-turnover"]);
  });

  it("session turnover: 1,000,000.01 (one fen above) qualifies, 10,000.0001 rounds to 10,000.00", () => {
    const above = run("art4.1-session", { ...session, sessionTurnover: "1000000.01" });
    expect(above.exactAmount).toBe("10000.0001");
    expect(above.amount).toBe("10000.00");
  });

  it("1% of 1,000,000.50 is exactly 10,000.005 and rounds half-up to 10,000.01", () => {
    const result = run("art4.1-session", { ...session, sessionTurnover: "1000000.50" });
    expect(result.exactAmount).toBe("10000.005");
    expect(result.amount).toBe("10000.01");
  });

  it("1% of 1,000,000.49 is 10,000.0049 and rounds down to 10,000.00", () => {
    expect(amountOf("art4.1-session", { ...session, sessionTurnover: "1000000.49" })).toBe("10000.00");
  });

  it("applies the per-session cap, then the per-enterprise annual cap, in that order", () => {
    const result = run("art4.1-session", session);
    expect(result.caps.map((c) => [c.id, c.scope, c.limit])).toEqual([
      ["art4.1-session/per-session", "per-claim", "50000.00"],
      ["art4.1-session/per-enterprise-per-year", "per-enterprise-per-year", "300000.00"],
    ]);
  });

  it("per-session cap 50,000: 5,000,000 reaches it exactly, not biting", () => {
    const at = run("art4.1-session", { ...session, sessionTurnover: "5000000" });
    expect(at.amount).toBe("50000.00");
    expect(at.capBinding).toBeNull();
    expect(at.caps.map((c) => c.bit)).toEqual([false, false]);
  });

  it("per-session cap: 4,999,999.99 gives 49,999.9999, which rounds to the cap: not biting", () => {
    const result = run("art4.1-session", { ...session, sessionTurnover: "4999999.99" });
    expect(result.exactAmount).toBe("49999.9999");
    expect(result.amount).toBe("50000.00");
    expect(result.capBinding).toBeNull();
  });

  it("per-session cap: 5,000,000.49 gives 50,000.0049 → 50,000.00: not biting", () => {
    const result = run("art4.1-session", { ...session, sessionTurnover: "5000000.49" });
    expect(result.roundedAmount).toBe("50000.00");
    expect(result.capBinding).toBeNull();
  });

  it("per-session cap: 5,000,000.50 gives 50,000.005 → 50,000.01, and the per-session cap bites", () => {
    const over = run("art4.1-session", { ...session, sessionTurnover: "5000000.50" });
    expect(over.roundedAmount).toBe("50000.01");
    expect(over.amount).toBe("50000.00");
    expect(over.capBinding).toBe("art4.1-session/per-session");
    expect(over.caps.map((c) => c.bit)).toEqual([true, false]);
  });

  it("per-session cap: a 80,000,000 session still pays 50,000 (the annual cap of the draft never bites within one session)", () => {
    const big = run("art4.1-session", { ...session, sessionTurnover: "80000000" });
    expect(big.roundedAmount).toBe("800000.00");
    expect(big.amount).toBe("50000.00");
    expect(big.capBinding).toBe("art4.1-session/per-session");
    expect(big.caps[1]).toMatchObject({ before: "50000.00", after: "50000.00", bit: false });
  });

  it("annual cap (what-if edition at 40,000): 4,000,000 reaches it exactly, not biting", () => {
    const at = run("art4.1-session", { ...session, sessionTurnover: "4000000" }, { edition: LOW_ANNUAL_CAP });
    expect(at.amount).toBe("40000.00");
    expect(at.capBinding).toBeNull();
  });

  it("annual cap (what-if edition at 40,000): 4,000,000.50 → 40,000.01 is cut by the annual cap", () => {
    const over = run("art4.1-session", { ...session, sessionTurnover: "4000000.50" }, { edition: LOW_ANNUAL_CAP });
    expect(over.amount).toBe("40000.00");
    expect(over.capBinding).toBe("art4.1-session/per-enterprise-per-year");
    expect(over.edition).toBe("what-if-low-annual-cap");
  });

  it("both caps bite: capBinding names the last one that reduced the amount", () => {
    const over = run("art4.1-session", { ...session, sessionTurnover: "6000000" }, { edition: LOW_ANNUAL_CAP });
    expect(over.caps.map((c) => [c.before, c.after, c.bit])).toEqual([
      ["60000.00", "50000.00", true],
      ["50000.00", "40000.00", true],
    ]);
    expect(over.capBinding).toBe("art4.1-session/per-enterprise-per-year");
  });

  it("not a 平谷好物 special session → ineligible", () => {
    const result = run("art4.1-session", { ...session, pingguGoodsSpecialSession: false });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art4.1-session/special-session"]);
  });

  it("unknown whether it was a special session → undetermined", () => {
    const result = run("art4.1-session", { sessionTurnover: "2000000" });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["pingguGoodsSpecialSession"]);
  });

  it("unknown turnover → undetermined, naming it once", () => {
    const result = run("art4.1-session", { pingguGoodsSpecialSession: true });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["sessionTurnover"]);
  });

  it('rejects "1,000,000" and a negative turnover, naming the field', () => {
    const commas = issuesOf("art4.1-session", { ...session, sessionTurnover: "1,000,000" });
    expect(commas.map((i) => i.path)).toEqual(["sessionTurnover"]);
    expect(commas[0]?.hint).toContain("thousands separators");
    const negative = issuesOf("art4.1-session", { ...session, sessionTurnover: -5 });
    expect(negative.map((i) => i.path)).toEqual(["sessionTurnover"]);
  });
});

// ---------------------------------------------------------------------------------------------------

const scene = { immersiveSceneWithNewTechnology: true, reviewedOutstandingAndReplicable: true, actualInvestment: "1000000" };

describe("art4.2 数字科技+智能直播", () => {
  it("pays 20% of the actual investment", () => {
    const result = run("art4.2", scene);
    expect(result.amount).toBe("200000.00");
    expect(result.once).toBeNull();
  });

  it("20% of 1,000.02 is 200.004 and rounds down; of 1,000.03 is 200.006 and rounds up", () => {
    expect(amountOf("art4.2", { ...scene, actualInvestment: "1000.02" })).toBe("200.00");
    expect(amountOf("art4.2", { ...scene, actualInvestment: "1000.03" })).toBe("200.01");
  });

  it("20% of 1,000.025 is exactly 200.005 and rounds half-up to 200.01", () => {
    const result = run("art4.2", { ...scene, actualInvestment: "1000.025" });
    expect(result.exactAmount).toBe("200.005");
    expect(result.amount).toBe("200.01");
  });

  it("cap 500,000 per enterprise per year: 2,500,000 reaches it exactly, not biting", () => {
    const at = run("art4.2", { ...scene, actualInvestment: "2500000" });
    expect(at.amount).toBe("500000.00");
    expect(at.capBinding).toBeNull();
    expect(at.caps).toEqual([
      expect.objectContaining({ id: "art4.2/per-enterprise-per-year", scope: "per-enterprise-per-year", bit: false }),
    ]);
  });

  it("cap: 2,499,999.97 gives 499,999.994 → 499,999.99; 2,499,999.99 gives 499,999.998 → the cap, not biting", () => {
    expect(amountOf("art4.2", { ...scene, actualInvestment: "2499999.97" })).toBe("499999.99");
    const reached = run("art4.2", { ...scene, actualInvestment: "2499999.99" });
    expect(reached.amount).toBe("500000.00");
    expect(reached.capBinding).toBeNull();
  });

  it("cap: 2,500,000.02 gives 500,000.004 → 500,000.00: not biting", () => {
    const result = run("art4.2", { ...scene, actualInvestment: "2500000.02" });
    expect(result.exactAmount).toBe("500000.004");
    expect(result.capBinding).toBeNull();
  });

  it("cap: 2,500,000.03 gives 500,000.006 → 500,000.01, and the cap bites", () => {
    const over = run("art4.2", { ...scene, actualInvestment: "2500000.03" });
    expect(over.roundedAmount).toBe("500000.01");
    expect(over.amount).toBe("500000.00");
    expect(over.capBinding).toBe("art4.2/per-enterprise-per-year");
  });

  it("no immersive scene → ineligible", () => {
    const result = run("art4.2", { ...scene, immersiveSceneWithNewTechnology: false });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art4.2/immersive-scene"]);
  });

  it("not found outstanding and replicable by the review → ineligible", () => {
    const result = run("art4.2", { ...scene, reviewedOutstandingAndReplicable: false });
    expect(result.failedConditions).toEqual(["art4.2/review-finding"]);
  });

  it("both facts false → both conditions named", () => {
    const result = run("art4.2", { ...scene, immersiveSceneWithNewTechnology: false, reviewedOutstandingAndReplicable: false });
    expect(result.failedConditions).toEqual(["art4.2/immersive-scene", "art4.2/review-finding"]);
  });

  it("review not yet done → undetermined", () => {
    const result = run("art4.2", { ...scene, reviewedOutstandingAndReplicable: null });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["reviewedOutstandingAndReplicable"]);
  });

  it("unknown investment → undetermined", () => {
    const result = run("art4.2", { immersiveSceneWithNewTechnology: true, reviewedOutstandingAndReplicable: true });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["actualInvestment"]);
  });

  it('rejects "1,000" and a negative investment, naming the field', () => {
    expect(issuesOf("art4.2", { ...scene, actualInvestment: "1,000" }).map((i) => i.path)).toEqual(["actualInvestment"]);
    const negative = issuesOf("art4.2", { ...scene, actualInvestment: "-1" });
    expect(negative.map((i) => i.path)).toEqual(["actualInvestment"]);
    expect(negative[0]?.hint).toContain("outside the accepted range");
  });
});
