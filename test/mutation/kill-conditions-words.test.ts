/**
 * src/kernel/conditions.ts and src/kernel/words.ts, through the clauses that use them: a comparison of
 * two facts with one missing (art3.3's growth against the city's), facts that must all hold (art4.1
 * under A4's alternative), how values are printed, and a word an edition defines itself (A11).
 * Figures from INTERPRETATION.md §1, §6 and §7.
 */
import { describe, expect, it } from "vitest";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { run } from "../helpers.js";
import { eligibleInput } from "./samples.js";

describe("art3.3: growth compared with the city's average, one side missing", () => {
  it("the applicant's growth missing: undetermined, naming growthRate, the comparison open", () => {
    const { growthRate: _missing, ...input } = eligibleInput("art3.3");
    const result = run("art3.3", input);
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["growthRate"]);
    const growth = result.conditions.find((c) => c.id === "art3.3/growth");
    expect(growth?.outcome).toBe("missing");
    expect(growth?.missing).toEqual(["growthRate"]);
    expect(growth?.comparison?.holds).toBeNull();
    expect(growth?.comparison?.left).toBeNull();
  });

  it("the city's growth missing: undetermined, naming cityAverageGrowthRate", () => {
    const { cityAverageGrowthRate: _missing, ...input } = eligibleInput("art3.3");
    const result = run("art3.3", input);
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["cityAverageGrowthRate"]);
  });

  it("both missing: both named, in the order of the comparison", () => {
    const { growthRate: _a, cityAverageGrowthRate: _b, ...input } = eligibleInput("art3.3");
    expect(run("art3.3", input).missingFacts).toEqual(["growthRate", "cityAverageGrowthRate"]);
  });
});

describe("art4.1-investment under A4's alternative: both facts must hold", () => {
  it("both true: the condition is met and 40% of 1,000,000 = 400,000 is paid", () => {
    const result = run(
      "art4.1-investment",
      { ...eligibleInput("art4.1-investment"), bringsIndustrialProductsIn: true },
      { switches: { art4_1ProductFlows: "both" } },
    );
    const flows = result.conditions.find((c) => c.id === "art4.1-investment/product-flows");
    expect(flows?.outcome).toBe("met");
    expect(flows?.missing).toEqual([]);
    expect(result.amount).toBe("400000.00");
  });

  it("one true, one unknown: missing, naming only the unknown fact", () => {
    const { bringsIndustrialProductsIn: _unknown, ...input } = eligibleInput("art4.1-investment");
    const result = run("art4.1-investment", input, { switches: { art4_1ProductFlows: "both" } });
    expect(result.status).toBe("undetermined");
    expect(result.missingFacts).toEqual(["bringsIndustrialProductsIn"]);
  });
});

describe("facts reported missing only when knowing them could change the outcome", () => {
  it("art3.2, either recognition (A3 default): municipal true, Ministry unknown: met, nothing missing", () => {
    const { mofcomRecognition: _unknown, ...input } = eligibleInput("art3.2");
    const result = run("art3.2", input);
    const recognition = result.conditions.find((c) => c.id === "art3.2/recognition");
    expect(recognition?.outcome).toBe("met");
    expect(recognition?.missing).toEqual([]);
    expect(result.status).toBe("eligible");
    expect(result.missingFacts).toEqual([]);
  });

  it("art4.1-investment under 'both': one false, one unknown: failed, nothing missing", () => {
    const { bringsIndustrialProductsIn: _unknown, ...input } = eligibleInput("art4.1-investment");
    const result = run("art4.1-investment", { ...input, sellsPingguFarmProductsOut: false }, { switches: { art4_1ProductFlows: "both" } });
    const flows = result.conditions.find((c) => c.id === "art4.1-investment/product-flows");
    expect(flows?.outcome).toBe("failed");
    expect(flows?.missing).toEqual([]);
    expect(result.status).toBe("ineligible");
  });
});

describe("values printed in comparisons: money to the fen, everything else plainly", () => {
  it("art3.1: area 4000 m², retail 600,000,000.00 yuan", () => {
    const result = run("art3.1", eligibleInput("art3.1"));
    expect(result.conditions.map((c) => c.comparison?.left)).toEqual(["4000", "600000000.00", "3000000.00"]);
  });

  it("art3.3: growth rates as plain decimals (0.2 against 0.1)", () => {
    const growth = run("art3.3", eligibleInput("art3.3")).conditions.find((c) => c.id === "art3.3/growth");
    expect(growth?.comparison?.left).toBe("0.2");
    expect(growth?.comparison?.right).toBe("0.1");
  });
});

describe("a threshold word the edition defines itself (A11)", () => {
  it("以上 defined as '>' excludes the number: 3000 m² fails art3.1, and the meaning says so in both languages", () => {
    const edition = deriveEdition({ wordDefinitions: { 以上: ">" }, switches: { thresholdWords: "edition" } });
    const result = run("art3.1", { ...eligibleInput("art3.1"), usedArea: "3000" }, { edition });
    expect(result.failedConditions).toEqual(["art3.1/used-area"]);
    const meaning = result.conditions[0]?.comparison?.meaning;
    expect(meaning?.en).toMatch(/excludes the number itself/);
    expect(meaning?.zh).toMatch(/不包括本数/);
    expect(result.conditions[0]?.comparison?.source.en).toMatch(/A11/);
  });

  it("超过 defined as '>=' includes the number: retail of exactly 20,000,000 qualifies for art3.3 (300,000)", () => {
    const edition = deriveEdition({ wordDefinitions: { 超过: ">=" }, switches: { thresholdWords: "edition" } });
    const result = run("art3.3", { ...eligibleInput("art3.3"), annualOnlineRetail: "20000000" }, { edition });
    expect(result.amount).toBe("300000.00");
    const meaning = result.conditions.find((c) => c.id === "art3.3/online-retail")?.comparison?.meaning;
    expect(meaning?.zh).toMatch(/包括本数/);
    expect(meaning?.zh).not.toMatch(/不包括/);
  });
});
