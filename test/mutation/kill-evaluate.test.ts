/**
 * src/evaluate.ts after the redesign (issue 16): the `explain` option of `evaluate` and the default of
 * `decide`. Written for the survivors of the 2026-12-03 afternoon Stryker run (docs/quality.md, "Session
 * of 2026-12-03 (afternoon): the redesigned evaluator").
 */
import { describe, expect, it } from "vitest";
import { decide, evaluate } from "../../src/evaluate.js";
import { PolicyValidationError } from "../../src/kernel/errors.js";
import { deriveEdition } from "../../src/measures/derive-edition.js";
import { thrownIssues } from "../helpers.js";
import { applicant, eligibleInput } from "./samples.js";

const EDITION = deriveEdition({ publishedOn: "2025-03-01" });

const application = () => ({
  applicant: applicant(),
  claims: [{ id: "s1", clauseId: "art4.1-session", factDate: "2025-04-10", input: eligibleInput("art4.1-session") }],
});

describe("evaluate's explain option", () => {
  it("{ explain: true } explains: each claim has its clause's result", () => {
    // Mutant: evaluate.ts:76 `return explain !== false` → `return false` (every option object decides only).
    const decision = evaluate(application(), EDITION, { explain: true });
    expect(decision.claims[0]).toHaveProperty("clause");
    expect(decision.claims[0]?.clause.status).toBe("eligible");
  });

  it("{} (no explain given) explains, as no options do", () => {
    // Mutant: evaluate.ts:76 `return explain !== false` → `return false`.
    const decision = evaluate(application(), EDITION, {});
    expect(decision.claims[0]).toHaveProperty("reasons");
    expect(decision.claims[0]).toHaveProperty("clause");
  });

  it("{ explain: false } decides only: no clause result, no reasons", () => {
    const summary = evaluate(application(), EDITION, { explain: false });
    expect(summary.claims[0]).not.toHaveProperty("clause");
    expect(summary.claims[0]).not.toHaveProperty("reasons");
    expect(summary.claims[0]?.amount).toBe("20000.00");
  });

  it("options that are not an object: invalid_type at options, saying what is expected in both languages", () => {
    // Mutant: evaluate.ts:71 `expected: "an object { explain? }"` → "".
    const issues = thrownIssues(() => evaluate(application(), EDITION, "quiet" as never));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("invalid_type");
    expect(issues[0]?.path).toBe("options");
    expect(issues[0]?.message).toContain("an object { explain? }");
    expect(issues[0]?.messageZh).toContain("对象 { explain? }");
  });

  it("an explain that is not a boolean: invalid_type at options.explain", () => {
    // Mutant: evaluate.ts:80 `code: "invalid_type"` → "".
    const issues = thrownIssues(() => evaluate(application(), EDITION, { explain: "no" } as never));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe("invalid_type");
    expect(issues[0]?.path).toBe("options.explain");
    expect(issues[0]?.message).toContain("true or false");
  });

  it("the error names evaluate as its context", () => {
    // Mutant: evaluate.ts:100 `readExplainOption(options, "evaluate")` → `readExplainOption(options, "")`.
    expect(() => evaluate(application(), EDITION, [] as never)).toThrow(PolicyValidationError);
    expect(() => evaluate(application(), EDITION, [] as never)).toThrow(/^evaluate: invalid input/);
  });
});

describe("decide", () => {
  it("without the explain argument explains (its default is true)", () => {
    // Mutant: evaluate.ts:110 `explain = true` → `explain = false` in decide().
    const decision = decide(application(), EDITION, false);
    expect(decision.claims[0]).toHaveProperty("clause");
    expect(decision.claims[0]).toHaveProperty("crossClaimCaps");
  });

  it("stamp false: empty hashes; stamp true: both hashes", () => {
    expect(decide(application(), EDITION, false).audit.inputHash).toBe("");
    expect(decide(application(), EDITION, true).audit.inputHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
