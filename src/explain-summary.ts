/**
 * The second pass for a whole application: a `DecisionSummary` (`evaluate(…, { explain: false })`)
 * explained afterwards — the application evaluated again with its explanations, from the same facts and
 * edition, and checked against the summary figure by figure.
 */
import type { ApplicationArgument } from "./application.js";
import type { DecidedClaim, Decision, DecisionSummary } from "./decision.js";
import { decide } from "./evaluate.js";
import { makeIssue, PolicyValidationError } from "./kernel/errors.js";
import { toValidationIssues } from "./kernel/fields.js";
import { DRAFT_EDITION } from "./measures/edition-draft.js";
import type { Edition } from "./measures/edition.js";
import { decisionSummarySchema } from "./schemas.js";

/** The fields of a decided claim, in their order. */
const CLAIM_FIELDS: readonly (keyof DecidedClaim)[] = [
  "claimId",
  "clauseId",
  "factDate",
  "year",
  "sequence",
  "status",
  "amount",
  "amountBeforeCrossClaimCaps",
  "paidInstead",
  "citations",
];

interface Difference {
  readonly path: readonly (string | number)[];
  readonly summary: unknown;
  readonly explained: unknown;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The first place where the summary is not the explained decision's figures, or null. */
function summaryDifference(summary: DecisionSummary, decision: Decision): Difference | null {
  // The stamp first: another input or another edition is said as such, not as the first amount it moved.
  for (const field of ["inputHash", "editionHash"] as const) {
    if (summary.audit[field] !== decision.audit[field]) return { path: ["audit", field], summary: summary.audit[field], explained: decision.audit[field] };
  }
  if (summary.claims.length !== decision.claims.length) return { path: ["claims", "length"], summary: summary.claims.length, explained: decision.claims.length };
  for (let i = 0; i < decision.claims.length; i++) {
    const mine = summary.claims[i] as DecidedClaim;
    const theirs = decision.claims[i] as DecidedClaim;
    for (const field of CLAIM_FIELDS) {
      if (!same(mine[field], theirs[field])) return { path: ["claims", i, field], summary: mine[field], explained: theirs[field] };
    }
  }
  for (const field of ["applicant", "edition", "window", "applicantReasons", "totals", "recoveries", "audit"] as const) {
    if (!same(summary[field], decision[field])) return { path: [field], summary: summary[field], explained: decision[field] };
  }
  return null;
}

/**
 * The explained decision of an application whose summary `evaluate(application, edition, { explain: false })`
 * gave: the application evaluated again, explaining, under the same edition (the draft when absent, as
 * `evaluate`), and checked against the summary. Throws PolicyValidationError when `summary` is not a
 * decision summary, or not the summary of this application under this edition, naming the first field
 * that differs (the audit hashes first: another input or edition is said as such).
 */
export function explainSummary<T>(summary: DecisionSummary, applicationInput: T & ApplicationArgument<T>, edition: Edition = DRAFT_EDITION): Decision {
  const parsed = decisionSummarySchema.safeParse(summary, { reportInput: true });
  if (!parsed.success) throw new PolicyValidationError(toValidationIssues(parsed.error.issues, ["summary"]), "explainSummary");
  const decision = decide(applicationInput, edition, true, true);
  const difference = summaryDifference(summary, decision);
  if (difference === null) return decision;
  throw new PolicyValidationError(
    [
      makeIssue({
        code: "inconsistent",
        pathSegments: ["summary", ...difference.path],
        received: difference.summary,
        expected: `${JSON.stringify(difference.explained)}: the summary of this application under edition ${decision.edition.id} (give the application and edition it was decided with)`,
        expectedZh: `${JSON.stringify(difference.explained)}：即本申请在版本 ${decision.edition.id} 下的判定（请提供作出该判定时的申请和版本）`,
      }),
    ],
    "explainSummary",
  );
}
