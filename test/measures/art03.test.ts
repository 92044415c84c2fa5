import { describe, expect, it } from "vitest";
import { amountOf, run } from "../helpers.js";

const park = { usedArea: "3000", annualOnlineRetail: "500000000", investment: "2000000" };

describe("art3.1 建设直播电商园区", () => {
  it("used area: 3000 m² qualifies (以上 includes the number), 2999.99 does not", () => {
    expect(run("art3.1", { ...park, usedArea: "3000" }).status).toBe("eligible");
    expect(run("art3.1", { ...park, usedArea: "3000.01" }).status).toBe("eligible");
    const below = run("art3.1", { ...park, usedArea: "2999.99" });
    expect(below.status).toBe("ineligible");
    expect(below.failedConditions).toEqual(["art3.1/used-area"]);
  });

  it("park online retail: 500,000,000.00 qualifies, 499,999,999.99 does not", () => {
    expect(run("art3.1", { ...park, annualOnlineRetail: "500000000.00" }).status).toBe("eligible");
    expect(run("art3.1", { ...park, annualOnlineRetail: "500000000.01" }).status).toBe("eligible");
    expect(run("art3.1", { ...park, annualOnlineRetail: "499999999.99" }).failedConditions).toEqual(["art3.1/online-retail"]);
  });

  it("investment: 2,000,000 qualifies (不少于), 1,999,999.99 does not", () => {
    expect(amountOf("art3.1", { ...park, investment: "2000000" })).toBe("600000.00");
    expect(amountOf("art3.1", { ...park, investment: "2000000.01" })).toBe("600000.00");
    expect(run("art3.1", { ...park, investment: "1999999.99" }).failedConditions).toEqual(["art3.1/investment"]);
  });

  it("30% of 3,333,333.35 rounds half-up to 1,000,000.01", () => {
    const result = run("art3.1", { ...park, investment: "3333333.35" });
    expect(result.exactAmount).toBe("1000000.005");
    expect(result.amount).toBe("1000000.01");
  });

  it("cap 2,000,000 per park: not reached at 6,666,666.66, reached at 6,666,666.67", () => {
    const under = run("art3.1", { ...park, investment: "6666666.66" });
    expect(under.amount).toBe("2000000.00");
    expect(under.exactAmount).toBe("1999999.998");
    expect(under.capBinding).toBeNull();
    expect(run("art3.1", { ...park, investment: "6666666.63" }).amount).toBe("1999999.99");
    expect(run("art3.1", { ...park, investment: "6666666.63" }).capBinding).toBeNull();
    // 6,666,666.67 × 30% = 2,000,000.001 rounds to exactly the cap: reached, but it does not bite.
    const at = run("art3.1", { ...park, investment: "6666666.67" });
    expect(at.amount).toBe("2000000.00");
    expect(at.capBinding).toBeNull();
    const over = run("art3.1", { ...park, investment: "6666666.70" });
    expect(over.roundedAmount).toBe("2000000.01");
    expect(over.amount).toBe("2000000.00");
    expect(over.capBinding).toBe("art3.1/per-park");
    expect(over.reasons.map((r) => r.code)).toContain("CAP_APPLIED");
  });

  it("a missing fact makes the clause undetermined, naming the field", () => {
    const result = run("art3.1", { usedArea: "5000", annualOnlineRetail: "600000000" });
    expect(result.status).toBe("undetermined");
    expect(result.amount).toBeNull();
    expect(result.missingFacts).toEqual(["investment"]);
  });

  it("a failed condition decides even when another fact is missing", () => {
    const result = run("art3.1", { usedArea: "100", annualOnlineRetail: null });
    expect(result.status).toBe("ineligible");
    expect(result.amount).toBe("0.00");
  });

  it("is one-time per park", () => {
    expect(run("art3.1", park).once).toBe("per-project");
  });
});

const base = { municipalRecognition: true, mofcomRecognition: false, rentCost: "100000", renovationCost: "50000", equipmentCost: "50000" };

describe("art3.2 培育产业示范基地", () => {
  it("30% of rent + renovation + equipment", () => {
    const result = run("art3.2", base);
    expect(result.amount).toBe("60000.00");
    expect(result.steps.map((s) => s.result)).toEqual(["150000", "200000", "60000", "60000.00", "60000.00"]);
  });

  it("cap 300,000 per enterprise: costs of 1,000,000 hit it exactly, 999,999.99 do not", () => {
    expect(run("art3.2", { ...base, rentCost: "1000000", renovationCost: "0", equipmentCost: "0" }).amount).toBe("300000.00");
    const under = run("art3.2", { ...base, rentCost: "999999.99", renovationCost: "0", equipmentCost: "0" });
    expect(under.amount).toBe("300000.00");
    expect(under.exactAmount).toBe("299999.997");
    expect(under.capBinding).toBeNull();
    const over = run("art3.2", { ...base, rentCost: "1000000.02", renovationCost: "0", equipmentCost: "0" });
    expect(over.amount).toBe("300000.00");
    expect(over.capBinding).toBe("art3.2/per-enterprise-per-term");
  });

  it("A3 default: Ministry of Commerce recognition alone qualifies", () => {
    expect(run("art3.2", { ...base, municipalRecognition: false, mofcomRecognition: true }).status).toBe("eligible");
  });

  it("A3 alternative requires-municipal: Ministry recognition alone does not qualify", () => {
    const result = run(
      "art3.2",
      { ...base, municipalRecognition: false, mofcomRecognition: true },
      { switches: { art3_2MofcomAlone: "requires-municipal" } },
    );
    expect(result.status).toBe("ineligible");
    expect(result.switches).toMatchObject({ art3_2MofcomAlone: "requires-municipal" });
  });

  it("neither recognition: ineligible; one unknown and the other false: undetermined", () => {
    expect(run("art3.2", { ...base, municipalRecognition: false }).status).toBe("ineligible");
    const unknown = run("art3.2", { ...base, municipalRecognition: false, mofcomRecognition: undefined });
    expect(unknown.status).toBe("undetermined");
    expect(unknown.missingFacts).toEqual(["mofcomRecognition"]);
  });

  it("a missing cost item is a missing fact, never zero", () => {
    const result = run("art3.2", { ...base, renovationCost: null });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["renovationCost"]);
  });

  it("A6: the cap scope is the policy term by default and per year as the alternative", () => {
    const over = { ...base, rentCost: "2000000" };
    expect(run("art3.2", over).caps[0]?.scope).toBe("per-enterprise-per-term");
    expect(run("art3.2", over, { switches: { art3_2CapScope: "per-year" } }).caps[0]?.scope).toBe("per-enterprise-per-year");
  });
});

describe("art3.2-mofcom 商务部认定称号", () => {
  it("pays a one-time 200,000", () => {
    const result = run("art3.2-mofcom", { mofcomRecognition: true });
    expect(result.amount).toBe("200000.00");
    expect(result.once).toBe("per-enterprise");
  });
  it("nothing without the title; undetermined when unknown", () => {
    expect(run("art3.2-mofcom", { mofcomRecognition: false }).status).toBe("ineligible");
    expect(run("art3.2-mofcom", {}).status).toBe("undetermined");
  });
});

const enterprise = { selfOperatedOnlineSales: true, growthRate: "0.12", cityAverageGrowthRate: "0.08" };

describe("art3.3 招引挖潜优质企业", () => {
  it("retail must exceed 20,000,000: at the number it fails (超过 excludes it), one fen above it qualifies", () => {
    const at = run("art3.3", { ...enterprise, annualOnlineRetail: "20000000" });
    expect(at.status).toBe("ineligible");
    expect(at.conditions[1]?.comparison).toMatchObject({ left: "20000000.00", op: ">", right: "20000000", holds: false });
    expect(amountOf("art3.3", { ...enterprise, annualOnlineRetail: "20000000.01" })).toBe("300000.00");
    expect(run("art3.3", { ...enterprise, annualOnlineRetail: "19999999.99" }).status).toBe("ineligible");
  });

  it("growth not below the city's: equal qualifies, 0.0001 below fails, negative growth counts", () => {
    const retail = { annualOnlineRetail: "25000000" };
    expect(run("art3.3", { ...enterprise, ...retail, growthRate: "0.08" }).status).toBe("eligible");
    expect(run("art3.3", { ...enterprise, ...retail, growthRate: "0.0801" }).status).toBe("eligible");
    expect(run("art3.3", { ...enterprise, ...retail, growthRate: "0.0799" }).status).toBe("ineligible");
    expect(run("art3.3", { ...enterprise, ...retail, growthRate: "-0.02", cityAverageGrowthRate: "-0.03" }).status).toBe(
      "eligible",
    );
  });

  it("50,000 per full 10,000,000 above 20,000,000 (A2 default: full increments only)", () => {
    expect(amountOf("art3.3", { ...enterprise, annualOnlineRetail: "29999999.99" })).toBe("300000.00");
    expect(amountOf("art3.3", { ...enterprise, annualOnlineRetail: "30000000" })).toBe("350000.00");
    expect(amountOf("art3.3", { ...enterprise, annualOnlineRetail: "30000000.01" })).toBe("350000.00");
    expect(amountOf("art3.3", { ...enterprise, annualOnlineRetail: "49999999.99" })).toBe("400000.00");
  });

  it("cap 500,000: reached at 60,000,000 exactly, never exceeded above", () => {
    const at = run("art3.3", { ...enterprise, annualOnlineRetail: "60000000" });
    expect(at.amount).toBe("500000.00");
    expect(at.capBinding).toBeNull();
    expect(amountOf("art3.3", { ...enterprise, annualOnlineRetail: "59999999.99" })).toBe("450000.00");
    const over = run("art3.3", { ...enterprise, annualOnlineRetail: "70000000" });
    expect(over.amount).toBe("500000.00");
    expect(over.capBinding).toBe("art3.3/per-enterprise");
  });

  it("A2 alternative pro-rata counts part increments", () => {
    const options = { switches: { incrementCounting: "pro-rata" as const } };
    expect(amountOf("art3.3", { ...enterprise, annualOnlineRetail: "25000000" }, options)).toBe("325000.00");
    expect(amountOf("art3.3", { ...enterprise, annualOnlineRetail: "20000000.01" }, options)).toBe("300000.00");
  });

  it("not self-operated: ineligible", () => {
    const result = run("art3.3", { ...enterprise, selfOperatedOnlineSales: false, annualOnlineRetail: "30000000" });
    expect(result.failedConditions).toEqual(["art3.3/self-operated"]);
  });
});
