/**
 * src/measures/art07.ts: what the example suites of Article 7 did not pin down. Each test names the
 * mutant it was written for; the figures are worked out from INTERPRETATION.md §6 and §7.
 */
import { describe, expect, it } from "vitest";
import { issuesOf, run } from "../helpers.js";
import { eligibleInput } from "./samples.js";

describe("art7.2: an interest period that ends before it starts", () => {
  it("is refused on interestPeriodEnd, naming the start date, with a hint in both languages", () => {
    const issues = issuesOf("art7.2", {
      ...eligibleInput("art7.2"),
      interestPeriodStart: "2025-07-01",
      interestPeriodEnd: "2025-01-01",
    });
    expect(issues).toHaveLength(1);
    const issue = issues[0];
    expect(issue?.code).toBe("inconsistent");
    expect(issue?.path).toBe("interestPeriodEnd");
    expect(issue?.expected).toContain("2025-07-01");
    // Mutants: expectedZh, hint and hintZh of this problem emptied (art07.ts, validate).
    expect(issue?.expectedZh).toContain("2025-07-01");
    expect(issue?.expectedZh).toMatch(/起始日/);
    expect(issue?.hint).toMatch(/swapped/);
    expect(issue?.hintZh).toMatch(/填反/);
    expect(issue?.messageZh).toContain(issue?.hintZh as string);
  });

  it("a one-day period (end the day after start) is accepted: start counted, end not", () => {
    // 3,600,000 × 0.04 × 50% × 1 ÷ 360 = 200
    const result = run("art7.2", { ...eligibleInput("art7.2"), interestPeriodStart: "2025-03-01", interestPeriodEnd: "2025-03-02" });
    expect(result.amount).toBe("200.00");
  });
});

describe("art7.2 under A8's alternative day count (actual/365)", () => {
  it("2025-01-01 to 2025-07-01 is 181 days: 3,600,000 × 0.04 × 50% × 181 ÷ 365 = 35,704.11", () => {
    // 72,000 a year subsidised × 181 = 13,032,000; ÷ 365 = 35,704.1095… → 35,704.11 (half-up to the fen).
    const result = run("art7.2", eligibleInput("art7.2"), { switches: { interestDayCount: "actual/365" } });
    expect(result.amount).toBe("35704.11");
    const divide = result.steps.find((step) => step.kind === "divide");
    expect(divide?.operands).toEqual(["13032000", "365"]);
    // Mutants: the label of the ÷ 365 step emptied, or its en / zh text emptied (art07.ts, amount).
    expect(divide?.label.en).toMatch(/365/);
    expect(divide?.label.en).toMatch(/A8/);
    expect(divide?.label.zh).toMatch(/365/);
    expect(divide?.label.zh).toMatch(/A8/);
  });

  it("the default actual/360 step says 360 in both languages", () => {
    const result = run("art7.2", eligibleInput("art7.2"));
    const divide = result.steps.find((step) => step.kind === "divide");
    expect(divide?.operands).toEqual(["13032000", "360"]);
    expect(divide?.label.en).toMatch(/360/);
    expect(divide?.label.zh).toMatch(/360/);
  });
});

describe("art7.2: never more than the interest actually paid", () => {
  it("interest paid 30,000 below the computed 36,200: pays 30,000 and says why, naming both figures", () => {
    // 3,600,000 × 0.04 × 50% × 181 ÷ 360 = 36,200 > 30,000 paid (INTERPRETATION.md §6, art7.2).
    const result = run("art7.2", { ...eligibleInput("art7.2"), interestPaid: "30000" });
    expect(result.amount).toBe("30000.00");
    const note = result.reasons.find((reason) => reason.code === "INTEREST_PAID_LIMIT");
    // Mutants: the en / zh templates of this note emptied (art07.ts, amount).
    expect(note?.en).toContain("Interest paid 30000 is less than the computed subsidy 36200.");
    expect(note?.zh).toContain("30000");
    expect(note?.zh).toContain("36200");
  });

  it("interest paid equal to the computed 36,200: pays it, with no such note", () => {
    const result = run("art7.2", { ...eligibleInput("art7.2"), interestPaid: "36200" });
    expect(result.amount).toBe("36200.00");
    expect(result.reasons.map((reason) => reason.code)).not.toContain("INTEREST_PAID_LIMIT");
  });
});
