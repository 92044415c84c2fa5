/**
 * src/art14-window.ts (第十四条): the refusal of a claim outside the validity window, in both languages.
 * Written for the survivors of the 2026-12-03 afternoon Stryker run (docs/quality.md, "Session of
 * 2026-12-03 (afternoon): the redesigned evaluator").
 */
import { describe, expect, it } from "vitest";
import { outOfWindowReason } from "../../src/art14-window.js";
import { evaluate } from "../../src/evaluate.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { applicant, eligibleInput } from "./samples.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });
const WINDOW = { from: "2025-03-01", to: "2027-02-28" } as never;

describe("第十四条: why a claim outside the window is refused", () => {
  it("a span of days none of which lies in the window, in Chinese", () => {
    // Mutant: art14-window.ts:54 the span text `截至 ${factDate} 的期间没有一天在有效期内` → ``.
    const reason = outOfWindowReason("2025-03-01" as never, true, WINDOW);
    expect(reason.zh).toContain("截至 2025-03-01 的期间没有一天在有效期内；有效期 2025-03-01 至 2027-02-28（含首尾）。");
    expect(reason.en).toContain("No day of the period ending 2025-03-01 lies in the window; window 2025-03-01 to 2027-02-28 inclusive.");
  });

  it("a fact date outside the window, in both languages", () => {
    const reason = outOfWindowReason("2025-02-28" as never, false, WINDOW);
    expect(reason.zh).toContain("发生日期 2025-02-28；有效期 2025-03-01 至 2027-02-28（含首尾）。");
    expect(reason.en).toContain("Fact date 2025-02-28; window 2025-03-01 to 2027-02-28 inclusive.");
    expect(reason.article).toBe("第十四条");
    expect(reason.code).toBe("OUT_OF_WINDOW");
  });

  it("an art7.2 claim whose interest period ends on the publication day: the span reason, in Chinese too", () => {
    // Mutant: art14-window.ts:54, through evaluate.
    const input = { ...eligibleInput("art7.2"), interestPeriodStart: "2025-01-01", interestPeriodEnd: "2025-03-01" };
    const decision = evaluate({ applicant: applicant(), claims: [{ id: "l1", clauseId: "art7.2", factDate: "2025-03-01", input }] }, EDITION);
    const claim = decision.claims[0];
    expect(claim?.status).toBe("out-of-window");
    expect(claim?.reasons[0]?.zh).toContain("截至 2025-03-01 的期间没有一天在有效期内");
  });
});
