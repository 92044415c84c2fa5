/**
 * `evaluate(application, edition?)`: how much an applicant gets, and why. Synchronous and pure.
 *
 * Order of reasoning for each claim (docs/applications.md, "How each claim is decided"):
 *   1. 第九条/第十三条 findings, 第十条 exclusions, 第二条 applicability — for the applicant as a whole;
 *   2. 第十四条 — the fact paid for must lie inside the validity window;
 *   3. 第十一条 — support already received under another Pinggu policy is not paid again;
 *   4. the clause itself (conditions, amount, its own caps);
 *   5. 第十一条 within the measures — one project paid once (switch `intraMeasuresDuplicates`);
 *   6. one-time scopes and caps across claims and years — grant history first, then claims in
 *      fact-date order (ties by claim id in natural order: "s2" before "s10"), so the input order of
 *      claims never changes a result.
 *
 * Each step lives in a file named for what it enforces: application-validation.ts (the document),
 * art02-09-10-13-standing.ts (1), art14-window.ts and fact-dates.ts (2), art11-duplicates.ts (3, 5),
 * the clauses in measures/ (4), claim-ledger.ts (6), decision-document.ts (the document written).
 * The clauses are decided without explanation (`decideVerdict`); the document explains each claim
 * afterwards, when asked (`explain`, the default), by a second pass over the same rule definitions.
 */
import type { Application, ApplicationArgument, ApplicationInput, Claim, Grant } from "./application.js";
import { validateApplication } from "./application-validation.js";
import { type ApplicantStanding, applicantStanding, reason } from "./art02-09-10-13-standing.js";
import {
  duplicateReason,
  ONLY_ARTICLE_11,
  otherPolicyReason,
  projectsSupportedElsewhere,
  projectUnderArticle11,
  type Settlement,
  settleClaims,
  twinUndeterminedReason,
} from "./art11-duplicates.js";
import { ONLY_ARTICLE_14, outOfWindowReason, windowOf } from "./art14-window.js";
import { type LedgerOutcome, onceTakenReason, takerOf } from "./claim-ledger.js";
import { type ClaimRecord, refuse } from "./claim-record.js";
import { boundClause, contextOf } from "./clause-binding.js";
import type { ClaimStatus, Decision, DecisionSummary } from "./decision.js";
import { documentOf } from "./decision-document.js";
import { placeClaim } from "./fact-dates.js";
import type { CivilDate } from "./kernel/dates.js";
import type { Decimal } from "./kernel/decimal.js";
import { ZERO } from "./kernel/decimal.js";
import { makeIssue, PolicyValidationError } from "./kernel/errors.js";
import { inFactDateOrder } from "./kernel/fact-order.js";
import type { ClauseVerdict, OnceScope, ReadFacts } from "./kernel/rule.js";
import type { MeasuresRule } from "./measures/common.js";
import { DRAFT_EDITION } from "./measures/edition-draft.js";
import { type ClauseId, type Edition, frozenEdition } from "./measures/edition.js";
import { APPLICATION_REASON_CODES as CODES, type ArticleCitation, type ValidityWindow } from "./measures/general-provisions.js";

export type { ClaimDecision, ClaimStatus, CrossClaimCap, DecidedClaim, Decision, DecisionOf, DecisionSummary } from "./decision.js";
export { editionHash } from "./decision-document.js";

/** Options of `evaluate` and `evaluateBatch`. */
export interface EvaluateOptions {
  /**
   * `false`: decide only — each claim's status and amounts, the totals and the audit stamp, without the
   * explanations (clause results, reasons, the caps across claims each claim met): a `DecisionSummary`.
   * The path for batch and population work. Default `true`: the whole `Decision`.
   */
  readonly explain?: boolean;
}

/**
 * The `explain` option read, or an error naming it. `context` names the function for the error.
 */
export function readExplainOption(options: unknown, context: string): boolean {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new PolicyValidationError(
      [makeIssue({ code: "invalid_type", pathSegments: ["options"], received: options, expected: "an object { explain? }", expectedZh: "对象 { explain? }" })],
      context,
    );
  }
  const explain = (options as { explain?: unknown }).explain;
  if (explain === undefined || typeof explain === "boolean") return explain !== false;
  throw new PolicyValidationError(
    [
      makeIssue({
        code: "invalid_type",
        pathSegments: ["options", "explain"],
        received: explain,
        expected: "true or false (false: decide only, without the explanations)",
        expectedZh: "true 或 false（false：只作判定，不附说明）",
      }),
    ],
    context,
  );
}

/**
 * Evaluate a whole application under an edition (the draft by default, which needs a publication date:
 * see `deriveEdition`). Throws PolicyValidationError carrying every issue of the document. With
 * `{ explain: false }` it decides only and returns a `DecisionSummary`.
 */
export function evaluate<T>(applicationInput: T & ApplicationArgument<T>, edition: Edition | undefined, options: EvaluateOptions & { readonly explain: false }): DecisionSummary;
export function evaluate<T>(applicationInput: T & ApplicationArgument<T>, edition?: Edition, options?: EvaluateOptions & { readonly explain?: true }): Decision;
export function evaluate<T>(applicationInput: T & ApplicationArgument<T>, edition?: Edition, options?: EvaluateOptions): Decision | DecisionSummary;
export function evaluate<T>(applicationInput: T & ApplicationArgument<T>, edition: Edition = DRAFT_EDITION, options?: EvaluateOptions): Decision | DecisionSummary {
  return decide(applicationInput, edition, true, readExplainOption(options, "evaluate"));
}

/**
 * The evaluation itself. `stamp` computes the audit hashes; population simulations skip them (the
 * stamp then carries empty hashes and is not an audit record).
 */
export function decide(applicationInput: ApplicationInput | unknown, given: Edition, stamp: boolean, explain: false): DecisionSummary;
export function decide(applicationInput: ApplicationInput | unknown, given: Edition, stamp: boolean, explain?: true): Decision;
export function decide(applicationInput: ApplicationInput | unknown, given: Edition, stamp: boolean, explain?: boolean): Decision | DecisionSummary;
export function decide(applicationInput: ApplicationInput | unknown, given: Edition, stamp: boolean, explain = true): Decision | DecisionSummary {
  const edition = frozenEdition(given);
  const settled = settle(applicationInput, edition, explain);
  return explain ? documentOf(applicationInput, edition, settled, true, stamp) : documentOf(applicationInput, edition, settled, false, stamp);
}

/** One claim as settled: its status, the amount paid (0 unless awarded or reduced), its cap year. */
export interface SettledClaim {
  readonly claim: Claim;
  readonly status: ClaimStatus;
  readonly paid: Decimal;
  readonly year: number | null;
}

/** An application decided, before the decision document is written (simulate reads only this). */
export interface Settled {
  readonly application: Application;
  /** The claims in the order of the application. */
  readonly claims: readonly SettledClaim[];
  /** Internal: what the decision document is written from, in the order of the application. */
  readonly records: readonly ClaimRecord[];
  readonly standing: ApplicantStanding;
  readonly window: ValidityWindow;
  readonly history: readonly Grant[];
}

// Fact-date order; on the same day, ids in natural order ("s2" before "s10"): see inFactDateOrder.
const claimDate = (w: ClaimRecord): CivilDate => w.claim.factDate;
const claimId = (w: ClaimRecord): string => w.claim.id;

const NO_CITATIONS: readonly ArticleCitation[] = Object.freeze([]);

/**
 * Decide every claim of an application: validation, applicability, exclusions, the window, double
 * dipping, one-time scopes and caps. Throws PolicyValidationError for a malformed document.
 * Clauses are always decided without explanation here (the decision document explains each claim
 * afterwards: decision-document.ts); `explain: false` also leaves out what the explanations of the caps
 * across claims are written from (the headroom of each cap): what the population simulation and
 * `evaluate(…, { explain: false })` need. Such a result must not be turned into an explained document.
 */
export function settle(applicationInput: ApplicationInput | unknown, given: Edition, explain = true): Settled {
  const edition = frozenEdition(given);
  const ctx = contextOf(edition);
  const window = windowOf(edition);
  const { application, facts, verdicts } = validateApplication(applicationInput, ctx);
  const history = application.history ?? [];
  const standing = applicantStanding(application);

  const records: ClaimRecord[] = application.claims.map((claim, index) => {
    const bound = boundClause(claim.clauseId as ClauseId, edition);
    const placement = placeClaim(bound.prepared.rule as MeasuresRule, claim, facts[index] as ReadFacts, ctx, window);
    return {
      claim,
      index,
      bound,
      facts: facts[index] as ReadFacts,
      verdict: verdicts[index] as ClauseVerdict,
      placement,
      year: placement.year,
      sequence: 0,
      status: null,
      reasons: null,
      citations: null,
      paid: ZERO,
      headrooms: null,
      paidInstead: null,
    };
  });
  const ordered = inFactDateOrder(records, claimDate, claimId);

  // Projects that a claim declares supported by another policy (the earliest such claim of each).
  const supportedElsewhere = projectsSupportedElsewhere(ordered);

  const candidates: ClaimRecord[] = [];
  const undetermined: ClaimRecord[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const w = ordered[i] as ClaimRecord;
    w.sequence = i + 1;
    const { claim } = w;
    if (standing.status) {
      refuse(w, standing.status, standing.reasons, standing.citations);
      continue;
    }
    if (!w.placement.inWindow) {
      refuse(w, "out-of-window", [outOfWindowReason(claim.factDate, w.placement.lastPaidDay === "none", window)], ONLY_ARTICLE_14);
      continue;
    }
    const project = projectUnderArticle11(w);
    const declared = claim.otherPolicySupport ? null : project === undefined ? undefined : supportedElsewhere?.get(project);
    if (claim.otherPolicySupport || declared) {
      // Declared on this claim, or on another claim of the same project: §5 refuses a claim whose
      // project or expenditure already received support under another policy.
      const support = (claim.otherPolicySupport ?? declared?.claim.otherPolicySupport) as NonNullable<Claim["otherPolicySupport"]>;
      const text = otherPolicyReason(support.policy, declared ? { projectId: claim.projectId, claimId: declared.claim.id } : null);
      refuse(w, "duplicate", [text], ONLY_ARTICLE_11);
      continue;
    }
    if (w.verdict.status !== "eligible") {
      // The clause's own reasons: written with its explanation (decision-document.ts).
      w.status = w.verdict.status;
      if (w.verdict.status === "undetermined") undetermined.push(w);
      continue;
    }
    const scope = w.bound.prepared.once;
    if ((scope === "per-project" && claim.projectId === undefined) || (scope === "per-product" && claim.productId === undefined)) {
      const text = {
        ...reason(CODES.SCOPE_ID_MISSING),
        en: `${CODES.SCOPE_ID_MISSING.en} Missing: claims[${w.index}].${scope === "per-project" ? "projectId" : "productId"}.`,
        zh: `${CODES.SCOPE_ID_MISSING.zh}缺少：claims[${w.index}].${scope === "per-project" ? "projectId" : "productId"}。`,
      };
      refuse(w, "undetermined", [text], NO_CITATIONS);
      undetermined.push(w);
      continue;
    }
    if (w.year === null) {
      const text = {
        ...reason(CODES.PAYMENT_DATE_MISSING),
        en: `${CODES.PAYMENT_DATE_MISSING.en} Missing: claims[${w.index}].paymentDate.`,
        zh: `${CODES.PAYMENT_DATE_MISSING.zh}缺少：claims[${w.index}].paymentDate。`,
      };
      refuse(w, "undetermined", [text], NO_CITATIONS);
      undetermined.push(w);
      continue;
    }
    candidates.push(w);
  }

  // 第十一条 within the measures, then the caps and one-time scopes across claims.
  const settlements = settleClaims({ candidates, undetermined, history, ctx, explain });
  for (const [w, settlement] of settlements) applySettlement(w, settlement);
  // Every claim has its status now (each step above either refuses it or hands it on).
  return { application, claims: records as readonly SettledClaim[], records, standing, window, history };
}


/** What 第十一条 and the ledger made of a claim, on the claim. */
function applySettlement(w: ClaimRecord, settlement: Settlement<ClaimRecord>): void {
  switch (settlement.kind) {
    case "duplicate":
      w.paidInstead = settlement.paidInstead;
      refuse(w, "duplicate", [duplicateReason(settlement.paidInstead)], ONLY_ARTICLE_11);
      return;
    case "twin-undetermined":
      refuse(w, "undetermined", [twinUndeterminedReason(settlement.twins, w.claim.projectId)], ONLY_ARTICLE_11);
      return;
    case "ledger":
      payFromLedger(w, settlement.outcome);
  }
}

/** A claim as the ledger paid it, or refused it for a one-time scope already taken. */
function payFromLedger(w: ClaimRecord, outcome: LedgerOutcome): void {
  if (outcome.takenBy !== null) {
    const taker = takerOf(outcome.takenBy);
    w.paidInstead = { id: taker.id, clauseId: w.claim.clauseId, source: taker.source };
    refuse(w, "duplicate", [onceTakenReason(outcome.takenBy, w.bound.prepared.once as OnceScope)], NO_CITATIONS);
    return;
  }
  w.headrooms = outcome.headrooms;
  w.paid = outcome.paid;
  w.status = outcome.paid.lt(outcome.requested) ? "reduced" : "awarded";
}

export type { ClauseId };
