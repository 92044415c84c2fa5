/**
 * src/measures/art03.ts: what the example suites of Article 3 did not pin down. Each test names the
 * mutant it was written for; the figures are worked out from INTERPRETATION.md §6 and §7.
 */
import { describe, expect, it } from "vitest";
import { run } from "../helpers.js";
import { eligibleInput } from "./samples.js";

describe("art3.2 under A3's alternative (requires-municipal)", () => {
  it("Ministry recognition alone fails, and the condition says so in both languages, naming A3", () => {
    // A3 alternative: only municipal recognition qualifies for the 30% part; Ministry recognition alone does not.
    const result = run(
      "art3.2",
      { ...eligibleInput("art3.2"), municipalRecognition: false, mofcomRecognition: true },
      { switches: { art3_2MofcomAlone: "requires-municipal" } },
    );
    expect(result.status).toBe("ineligible");
    expect(result.failedConditions).toEqual(["art3.2/recognition"]);
    const label = result.conditions[0]?.label;
    expect(label?.en).toMatch(/municipal/);
    expect(label?.en).toMatch(/A3/);
    // Mutant: the Chinese label of this condition emptied (art03.ts, requires-municipal branch).
    expect(label?.zh).toMatch(/市级/);
    expect(label?.zh).toMatch(/A3/);
    expect(result.reasons[0]?.zh).toContain(label?.zh as string);
  });

  it("with municipal recognition it pays 30% of 200,000 of costs = 60,000", () => {
    const result = run("art3.2", eligibleInput("art3.2"), { switches: { art3_2MofcomAlone: "requires-municipal" } });
    expect(result.amount).toBe("60000.00");
  });
});
