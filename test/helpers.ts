import { expect } from "vitest";
import { evaluateClause, type ClauseOptions } from "../src/evaluate-clause.js";
import { PolicyValidationError, type ValidationIssue } from "../src/kernel/errors.js";
import type { ClauseResult } from "../src/kernel/rule.js";
import { getRule } from "../src/measures/registry.js";

/** Evaluate and return the result (throws on validation errors, like the library). */
export function run(clauseId: string, input: Record<string, unknown>, options?: Omit<ClauseOptions, "explain">): ClauseResult {
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

/**
 * A claim dated as its clause requires (A16, A18): 31 December of the drawn date's year for a clause
 * paid on a year's figure, the end of the period for one paid for a period; else as drawn. For
 * generators of claims: any other date is invalid input.
 */
export function datedAsRequired<T extends { clauseId: string; factDate: string; input: Record<string, unknown> }>(claim: T): T {
  const fixed = getRule(claim.clauseId).factDate;
  if (fixed === undefined) return claim;
  if (fixed === "year-end") return { ...claim, factDate: `${claim.factDate.slice(0, 4)}-12-31` };
  const end = claim.input[fixed.field];
  return typeof end === "string" ? { ...claim, factDate: end } : claim;
}

/** The validation issues `fn` throws; fails the test if it throws anything else, or nothing. */
export function thrownIssues(fn: () => unknown): readonly ValidationIssue[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError);
    return (error as PolicyValidationError).issues;
  }
  throw new Error("expected a PolicyValidationError");
}
