import { expect } from "vitest";
import { evaluateClause, type ClauseOptions } from "../src/evaluate-clause.js";
import { PolicyValidationError, type ValidationIssue } from "../src/kernel/errors.js";
import type { ClauseResult } from "../src/kernel/rule.js";

/** Evaluate and return the result (throws on validation errors, like the library). */
export function run(clauseId: string, input: Record<string, unknown>, options?: ClauseOptions): ClauseResult {
  return evaluateClause(clauseId, input, options);
}

/** The amount of an eligible result; fails the test if the clause is not eligible. */
export function amountOf(clauseId: string, input: Record<string, unknown>, options?: ClauseOptions): string {
  const result = run(clauseId, input, options);
  expect(result.status, JSON.stringify(result.reasons)).toBe("eligible");
  return result.amount as string;
}

/** The validation issues thrown for an input; fails the test if nothing is thrown. */
export function issuesOf(clauseId: string, input: unknown, options?: ClauseOptions): readonly ValidationIssue[] {
  try {
    evaluateClause(clauseId, input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError);
    return (error as PolicyValidationError).issues;
  }
  throw new Error("expected a PolicyValidationError");
}
