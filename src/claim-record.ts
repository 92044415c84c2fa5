/**
 * One claim while its application is decided: the facts as read, the clause's verdict, where the window
 * places it, and what the evaluator's steps (第二、九、十、十一、十三、十四条, the ledger) made of it. The
 * decision document is written from these records (decision-document.ts).
 */
import type { Claim } from "./application.js";
import type { PaidInstead } from "./art11-duplicates.js";
import type { Headrooms } from "./claim-ledger.js";
import type { BoundClause } from "./clause-binding.js";
import type { ClaimStatus } from "./decision.js";
import type { Placement } from "./fact-dates.js";
import type { Decimal } from "./kernel/decimal.js";
import type { Reason } from "./kernel/reasons.js";
import type { ClauseVerdict, ReadFacts } from "./kernel/rule.js";
import type { ArticleCitation } from "./measures/general-provisions.js";

export interface ClaimRecord {
  readonly claim: Claim;
  /** Its place in the application, from 0. */
  readonly index: number;
  readonly bound: BoundClause;
  readonly facts: ReadFacts;
  /** The clause's verdict (decided without explanation); its amount is the clause's after its own caps. */
  readonly verdict: ClauseVerdict;
  /** Where 第十四条's window places the claim, and its cap year. */
  readonly placement: Placement;
  readonly year: number | null;
  /** Position in processing order, from 1. */
  sequence: number;
  status: ClaimStatus | null;
  /** The reasons of a refusal by the evaluator; null when the reasons are the clause's or the caps'. */
  reasons: readonly Reason[] | null;
  /** Articles cited besides the clause's own. */
  citations: readonly ArticleCitation[] | null;
  paid: Decimal;
  /**
   * The headroom of each cap across claims that counted the claim when it was paid, in the order of the
   * clause's caps (recorded only when explaining): numbers, from which the decision's cross-claim cap
   * entries and reasons are written.
   */
  headrooms: Headrooms;
  paidInstead: PaidInstead | null;
}

/** Refuse a claim for a reason of the evaluator's, citing `citations` besides the clause. */
export function refuse(record: ClaimRecord, status: ClaimStatus, reasons: readonly Reason[], citations: readonly ArticleCitation[]): void {
  record.status = status;
  record.reasons = reasons;
  record.citations = citations;
}
