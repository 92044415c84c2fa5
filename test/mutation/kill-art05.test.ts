/**
 * src/measures/art05.ts: what the example suites of Article 5 did not pin down. Each test names the
 * mutants it was written for; the figures are worked out from INTERPRETATION.md §6 (art5.1: the reviewed
 * rate, at most 1%, default 1%).
 */
import { describe, expect, it } from "vitest";
import { run } from "../helpers.js";
import { eligibleInput } from "./samples.js";

describe("art5.1 without a reviewed rate", () => {
  const { reviewedRate: _omitted, ...withoutRate } = eligibleInput("art5.1");

  it("uses the maximum, 1%: 1% × 20,000,000 = 200,000, and says so in a DEFAULT_RATE_USED note naming the rate", () => {
    const result = run("art5.1", withoutRate);
    expect(result.amount).toBe("200000.00");
    const note = result.reasons.find((reason) => reason.code === "DEFAULT_RATE_USED");
    // Mutants: the note's en / zh templates emptied (art05.ts, amount).
    expect(note?.en).toMatch(/maximum rate/);
    expect(note?.en).toContain("Rate used: 0.01.");
    expect(note?.zh).toMatch(/最高比例/);
    expect(note?.zh).toContain("0.01");
  });

  it("the rate step says it is the clause's maximum, in both languages", () => {
    const result = run("art5.1", withoutRate);
    const rateStep = result.steps.find((step) => step.kind === "value");
    expect(rateStep?.result).toBe("0.01");
    // Mutants: the en / zh label of this step emptied (art05.ts, amount).
    expect(rateStep?.label.en).toMatch(/maximum/);
    expect(rateStep?.label.zh).toMatch(/最高比例/);
  });

  it("with a reviewed rate of 0.5% there is no such note: 0.5% × 20,000,000 = 100,000", () => {
    const result = run("art5.1", eligibleInput("art5.1"));
    expect(result.amount).toBe("100000.00");
    expect(result.reasons.map((reason) => reason.code)).not.toContain("DEFAULT_RATE_USED");
    const rateStep = result.steps.find((step) => step.kind === "value");
    expect(rateStep?.label.en).toMatch(/review/);
    expect(rateStep?.label.zh).toMatch(/评审/);
  });
});
