/**
 * src/measures/art04.ts: what the example suites of Article 4 did not pin down. Each test names the
 * mutant it was written for; the figures are worked out from INTERPRETATION.md §6 and §7.
 */
import { describe, expect, it } from "vitest";
import { run } from "../helpers.js";
import { eligibleInput } from "./samples.js";

describe("art4.1-investment under A4's alternative (both product flows)", () => {
  it("selling farm products out without bringing industrial products in fails, and the condition names A4 in both languages", () => {
    const result = run(
      "art4.1-investment",
      { ...eligibleInput("art4.1-investment"), sellsPingguFarmProductsOut: true, bringsIndustrialProductsIn: false },
      { switches: { art4_1ProductFlows: "both" } },
    );
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art4.1-investment/product-flows"]);
    const condition = result.conditions.find((c) => c.id === "art4.1-investment/product-flows");
    expect(condition?.combine).toBe("all");
    expect(condition?.label.en).toMatch(/both/);
    expect(condition?.label.en).toMatch(/A4/);
    // Mutant: the Chinese label of the "both" reading emptied (art04.ts, art4_1ProductFlowsCondition).
    expect(condition?.label.zh).toMatch(/同时/);
    expect(condition?.label.zh).toMatch(/A4/);
  });

  it("both flows: 40% of 1,000,000 = 400,000", () => {
    const result = run(
      "art4.1-investment",
      { ...eligibleInput("art4.1-investment"), bringsIndustrialProductsIn: true },
      { switches: { art4_1ProductFlows: "both" } },
    );
    expect(result.amount).toBe("400000.00");
  });
});
