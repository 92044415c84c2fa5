import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ARTICLE_5_RULES } from "../../src/measures/art05.js";
import { DRAFT_EDITION } from "../../src/measures/edition-draft.js";
import type { Edition } from "../../src/measures/edition.js";
import { amountOf, issuesOf, run } from "../helpers.js";

const SOURCE = readFileSync(new URL("../../docs/source/measures-draft.zh.txt", import.meta.url), "utf8");

describe("Article 5: the rules and their citations", () => {
  it("lists the clauses in the order of the text", () => {
    expect(ARTICLE_5_RULES.map((rule) => rule.id)).toEqual(["art5.1", "art5.2"]);
  });

  it("quotes the item text and the provision verbatim from the source, without bookmark artifacts", () => {
    for (const rule of ARTICLE_5_RULES) {
      expect(SOURCE, rule.id).toContain(rule.citation.itemTextZh);
      expect(rule.citation.itemTextZh, rule.id).toContain(rule.citation.provisionZh);
      expect(rule.citation.itemTextZh, rule.id).not.toContain("[bookmark");
    }
    expect(ARTICLE_5_RULES.map((rule) => rule.citation.labelZh)).toEqual(["第五条第（一）项", "第五条第（二）项"]);
  });
});

// ---------------------------------------------------------------------------------------------------

const mcn = { ecommerceServiceEnterprise: true, localEnterprisesDriven: 5, localEnterprisesCumulativeTurnover: "20000000" };

describe("art5.1 聚集引进MCN机构", () => {
  it("without a reviewed rate, pays the maximum 1% and says so", () => {
    const result = run("art5.1", mcn);
    expect(result.amount).toBe("200000.00");
    expect(result.steps.map((s) => s.result)).toEqual(["0.01", "200000", "200000.00", "200000.00"]);
    expect(result.reasons.map((r) => r.code)).toEqual(["ELIGIBLE", "DEFAULT_RATE_USED"]);
    expect(result.once).toBeNull();
  });

  it("a reviewed rate equal to the maximum (0.01) is accepted and no default is noted", () => {
    const result = run("art5.1", { ...mcn, reviewedRate: "0.01" });
    expect(result.amount).toBe("200000.00");
    expect(result.reasons.map((r) => r.code)).toEqual(["ELIGIBLE"]);
  });

  it("a reviewed rate of 0.0099 (one unit below the maximum) is used as given", () => {
    expect(amountOf("art5.1", { ...mcn, reviewedRate: "0.0099" })).toBe("198000.00");
  });

  it("a reviewed rate of 0.0101 (one unit above the maximum) is rejected through validation", () => {
    const issues = issuesOf("art5.1", { ...mcn, reviewedRate: "0.0101" });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "reviewedRate", code: "inconsistent", received: '"0.0101"' });
  });

  it("a reviewed rate of 0.011 is rejected with a bilingual expected and hint", () => {
    const issues = issuesOf("art5.1", { ...mcn, reviewedRate: 0.011 });
    expect(issues.map((i) => i.path)).toEqual(["reviewedRate"]);
    expect(issues[0]?.expected).toContain("0.01");
    expect(issues[0]?.expectedZh).toContain("不超过");
    expect(issues[0]?.hint).toContain("1%");
    expect(issues[0]?.hintZh).toContain("1%");
  });

  it("a reviewed rate above the maximum is rejected even when the clause would be ineligible anyway", () => {
    expect(issuesOf("art5.1", { ...mcn, localEnterprisesDriven: 1, reviewedRate: "0.02" }).map((i) => i.path)).toEqual([
      "reviewedRate",
    ]);
  });

  it('a reviewed rate written "1%" or above 1 is malformed, not merely inconsistent', () => {
    const percent = issuesOf("art5.1", { ...mcn, reviewedRate: "1%" });
    expect(percent[0]).toMatchObject({ path: "reviewedRate", code: "invalid_value" });
    expect(percent[0]?.hint).toContain("decimal fraction");
    expect(issuesOf("art5.1", { ...mcn, reviewedRate: "1.5" })[0]).toMatchObject({ path: "reviewedRate", code: "invalid_value" });
  });

  it("a reviewed rate of 0.005 on 10,000,001 gives exactly 50,000.005, rounded half-up to 50,000.01", () => {
    const result = run("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "10000001", reviewedRate: "0.005" });
    expect(result.exactAmount).toBe("50000.005");
    expect(result.amount).toBe("50000.01");
  });

  it("1% of 10,000,000.50 is exactly 100,000.005 and rounds half-up to 100,000.01", () => {
    const result = run("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "10000000.50" });
    expect(result.exactAmount).toBe("100000.005");
    expect(result.amount).toBe("100000.01");
  });

  it("local enterprises: 5 qualifies (以上 includes the number)", () => {
    const at = run("art5.1", { ...mcn, localEnterprisesDriven: 5 });
    expect(at.status).toBe("eligible");
    expect(at.conditions[1]?.comparison).toMatchObject({ left: "5", op: ">=", right: "5", unit: "count", holds: true });
  });

  it("local enterprises: 4 (one below) does not qualify", () => {
    const below = run("art5.1", { ...mcn, localEnterprisesDriven: 4 });
    expect(below.status).toBe("ineligible");
    expect(below.failedConditions).toEqual(["art5.1/local-enterprises"]);
  });

  it("local enterprises: 6 (one above) qualifies; counts may be given as strings", () => {
    expect(amountOf("art5.1", { ...mcn, localEnterprisesDriven: "6" })).toBe("200000.00");
  });

  it("cumulative turnover: 10,000,000 qualifies (以上 includes the number)", () => {
    expect(amountOf("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "10000000" })).toBe("100000.00");
  });

  it("cumulative turnover: 9,999,999.99 (one fen below) does not qualify", () => {
    const below = run("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "9999999.99" });
    expect(below.status).toBe("ineligible");
    expect(below.failedConditions).toEqual(["art5.1/cumulative-turnover"]);
  });

  it("cumulative turnover: 10,000,000.01 (one fen above) qualifies: 100,000.0001 → 100,000.00", () => {
    const above = run("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "10000000.01" });
    expect(above.exactAmount).toBe("100000.0001");
    expect(above.amount).toBe("100000.00");
  });

  it("cap 1,000,000: 100,000,000 reaches it exactly, not biting", () => {
    const at = run("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "100000000" });
    expect(at.amount).toBe("1000000.00");
    expect(at.capBinding).toBeNull();
  });

  it("cap: 99,999,999.99 gives 999,999.9999, which rounds to the cap: not biting", () => {
    const result = run("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "99999999.99" });
    expect(result.amount).toBe("1000000.00");
    expect(result.capBinding).toBeNull();
  });

  it("cap: 100,000,000.49 gives 1,000,000.0049 → 1,000,000.00: not biting", () => {
    const result = run("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "100000000.49" });
    expect(result.roundedAmount).toBe("1000000.00");
    expect(result.capBinding).toBeNull();
  });

  it("cap: 100,000,000.50 gives 1,000,000.005 → 1,000,000.01, and the cap bites", () => {
    const over = run("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "100000000.50" });
    expect(over.roundedAmount).toBe("1000000.01");
    expect(over.amount).toBe("1000000.00");
    expect(over.capBinding).toBe("art5.1/per-enterprise-per-year");
  });

  it("A5 default: the cap runs per enterprise per calendar year", () => {
    const result = run("art5.1", mcn);
    expect(result.caps.map((c) => [c.id, c.scope, c.limit])).toEqual([
      ["art5.1/per-enterprise-per-year", "per-enterprise-per-year", "1000000.00"],
    ]);
    expect(result.switches).toEqual({ art5_1CapScope: "per-year", rounding: "fen-half-up" });
  });

  it("A5 alternative per-term: the cap runs over the policy term, with its own id", () => {
    const over = run("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "150000000" }, { switches: { art5_1CapScope: "per-term" } });
    expect(over.caps.map((c) => [c.id, c.scope])).toEqual([["art5.1/per-enterprise-per-term", "per-enterprise-per-term"]]);
    expect(over.amount).toBe("1000000.00");
    expect(over.capBinding).toBe("art5.1/per-enterprise-per-term");
    expect(over.switches).toMatchObject({ art5_1CapScope: "per-term" });
  });

  it("not an e-commerce service enterprise → ineligible", () => {
    const result = run("art5.1", { ...mcn, ecommerceServiceEnterprise: false });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art5.1/service-enterprise"]);
  });

  it("missing facts → undetermined, naming each; a missing reviewed rate is not a missing fact", () => {
    const result = run("art5.1", { localEnterprisesDriven: 7 });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["ecommerceServiceEnterprise", "localEnterprisesCumulativeTurnover"]);
  });

  it('rejects "1,000" turnover, a negative turnover and a fractional count, naming each field', () => {
    const commas = issuesOf("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "1,000" });
    expect(commas.map((i) => i.path)).toEqual(["localEnterprisesCumulativeTurnover"]);
    expect(commas[0]?.hint).toContain("thousands separators");
    expect(issuesOf("art5.1", { ...mcn, localEnterprisesCumulativeTurnover: "-100" }).map((i) => i.path)).toEqual([
      "localEnterprisesCumulativeTurnover",
    ]);
    const fractional = issuesOf("art5.1", { ...mcn, localEnterprisesDriven: "5.5" });
    expect(fractional.map((i) => i.path)).toEqual(["localEnterprisesDriven"]);
    expect(fractional[0]?.hint).toContain("whole number");
  });
});

// ---------------------------------------------------------------------------------------------------

const product = { innovativeProductViaLiveStreaming: true, productAnnualTurnover: "12000000", firstYearAboveThreshold: true };

describe("art5.2 孵化平谷品牌", () => {
  it("pays a fixed 500,000 once per product", () => {
    const result = run("art5.2", product);
    expect(result.amount).toBe("500000.00");
    expect(result.once).toBe("per-product");
    expect(result.caps).toEqual([]);
    expect(result.steps.map((s) => s.result)).toEqual(["500000", "500000.00"]);
  });

  it("annual turnover of exactly 10,000,000 does not qualify (超 excludes the number)", () => {
    const at = run("art5.2", { ...product, productAnnualTurnover: "10000000" });
    expect(at.status).toBe("ineligible");
    expect(at.failedConditions).toEqual(["art5.2/annual-turnover"]);
    expect(at.conditions[1]?.comparison).toMatchObject({ left: "10000000.00", op: ">", right: "10000000", word: "超", holds: false });
  });

  it("annual turnover of 9,999,999.99 (one fen below) does not qualify", () => {
    expect(run("art5.2", { ...product, productAnnualTurnover: "9999999.99" }).status).toBe("ineligible");
  });

  it("annual turnover of 10,000,000.01 (one fen above) qualifies", () => {
    expect(amountOf("art5.2", { ...product, productAnnualTurnover: "10000000.01" })).toBe("500000.00");
  });

  it("an edition that defines 超 as ≥ (A11) lets exactly 10,000,000 qualify", () => {
    const edition: Edition = { ...DRAFT_EDITION, id: "what-if-words", wordDefinitions: { 超: ">=" } };
    const result = run("art5.2", { ...product, productAnnualTurnover: "10000000" }, { edition, switches: { thresholdWords: "edition" } });
    expect(result.status).toBe("eligible");
  });

  it("not the first time above the threshold → ineligible", () => {
    const result = run("art5.2", { ...product, firstYearAboveThreshold: false });
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art5.2/first-time"]);
  });

  it("not an innovative product launched through live-streaming → ineligible", () => {
    const result = run("art5.2", { ...product, innovativeProductViaLiveStreaming: false });
    expect(result.failedConditions).toEqual(["art5.2/innovative-product"]);
  });

  it("unknown whether it is the first time → undetermined", () => {
    const result = run("art5.2", { ...product, firstYearAboveThreshold: undefined });
    expect(result.status).toBe("undetermined");
    expect(result.amount).toBeNull();
    expect(result.missingFacts).toEqual(["firstYearAboveThreshold"]);
  });

  it("nothing known → undetermined, naming every fact", () => {
    expect(run("art5.2", {}).missingFacts).toEqual([
      "innovativeProductViaLiveStreaming",
      "productAnnualTurnover",
      "firstYearAboveThreshold",
    ]);
  });

  it('rejects "1,000" and a negative turnover, and "yes" for a yes/no fact, naming each field', () => {
    expect(issuesOf("art5.2", { ...product, productAnnualTurnover: "12,000,000" }).map((i) => i.path)).toEqual([
      "productAnnualTurnover",
    ]);
    expect(issuesOf("art5.2", { ...product, productAnnualTurnover: -1 }).map((i) => i.path)).toEqual(["productAnnualTurnover"]);
    const text = issuesOf("art5.2", { ...product, firstYearAboveThreshold: "yes" });
    expect(text.map((i) => i.path)).toEqual(["firstYearAboveThreshold"]);
    expect(text[0]?.hint).toContain("JSON boolean");
  });
});
