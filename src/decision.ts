/**
 * The decision document's types: what `evaluate` returns, explained (`Decision`) or decided only
 * (`DecisionSummary`). Plain, frozen, serialisable data: no getters, nothing computed on reading.
 */
import type { Reason } from "./kernel/reasons.js";
import type { CapScope, ClauseResult } from "./kernel/rule.js";
import type { Switches } from "./measures/edition.js";
import type { ArticleCitation, ValidityWindow } from "./measures/general-provisions.js";
import type { RecoveryReport } from "./art09-13-recoveries.js";

export type ClaimStatus = "awarded" | "reduced" | "ineligible" | "undetermined" | "excluded" | "duplicate" | "out-of-window";

export interface CrossClaimCap {
  readonly id: string;
  readonly scope: CapScope;
  /** The year the cap counts in ("2025"), "term", or the project ("project:centre-1"). */
  readonly period: string;
  readonly limit: string;
  readonly headroomBefore: string;
  readonly headroomAfter: string;
  readonly bit: boolean;
}

/** A claim decided: its status and amounts, without the explanation (`evaluate(…, { explain: false })`). */
export interface DecidedClaim {
  readonly claimId: string;
  readonly clauseId: string;
  readonly factDate: string;
  /** The calendar year the claim counts in for annual caps and totals (A10). */
  readonly year: number | null;
  /** Position in processing order (fact date, then claim id), from 1. */
  readonly sequence: number;
  readonly status: ClaimStatus;
  /** Amount paid: a two-place string; "0.00" when refused; null when undetermined. */
  readonly amount: string | null;
  /** The clause's amount after its own caps, before caps across claims; null unless eligible. */
  readonly amountBeforeCrossClaimCaps: string | null;
  /** For a refused duplicate: the claim or grant that was paid instead, and its clause. */
  readonly paidInstead: { readonly id: string; readonly clauseId: string; readonly source: "claim" | "history" } | null;
  readonly citations: readonly ArticleCitation[];
}

/** A claim decided and explained: the caps across claims it met, its reasons and its clause's result. */
export interface ClaimDecision extends DecidedClaim {
  readonly crossClaimCaps: readonly CrossClaimCap[];
  readonly reasons: readonly Reason[];
  /** The clause's own explanation (conditions, arithmetic, its caps). */
  readonly clause: ClauseResult;
}

/** An application decided, with each claim `C`. */
export interface DecisionOf<C extends DecidedClaim> {
  readonly applicant: { readonly name: string; readonly creditCode: string };
  readonly edition: {
    readonly id: string;
    readonly name: { readonly zh: string; readonly en: string };
    readonly switches: Switches;
  };
  readonly window: ValidityWindow;
  /** Applicant-level findings that apply to every claim (第二条, 第九条/第十三条, 第十条). */
  readonly applicantReasons: readonly Reason[];
  readonly claims: readonly C[];
  readonly totals: {
    readonly overall: string;
    readonly byClause: Readonly<Record<string, string>>;
    readonly byYear: Readonly<Record<string, string>>;
    readonly byStatus: Readonly<Record<ClaimStatus, number>>;
  };
  readonly recoveries: RecoveryReport;
  readonly audit: {
    readonly library: string;
    readonly version: string;
    readonly hashAlgorithm: "SHA-256";
    readonly canonicalization: "sorted-keys JSON (RFC 8785 style)";
    readonly editionHash: string;
    readonly inputHash: string;
  };
}

/** An application decided and explained: what `evaluate(application, edition)` returns. */
export type Decision = DecisionOf<ClaimDecision>;

/** An application decided only: what `evaluate(application, edition, { explain: false })` returns. */
export type DecisionSummary = DecisionOf<DecidedClaim>;
