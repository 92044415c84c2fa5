/**
 * The decision document, written from the claims' records once every step of the evaluation has run:
 * each claim's figures and, when explaining, its explanation — the clause's own result derived again
 * from the facts (the second pass, checked against the verdict the first pass decided on), the caps
 * across claims it met and its reasons; the totals; the recoveries (第九条、第十三条); the audit stamp.
 * Plain, frozen data: nothing is computed when it is read.
 */
import type { Application, Grant } from "./application.js";
import type { ApplicantStanding } from "./art02-09-10-13-standing.js";
import { recoveriesOf } from "./art09-13-recoveries.js";
import { capPeriod, periodWords } from "./claim-ledger.js";
import type { ClaimRecord } from "./claim-record.js";
import type { ClaimDecision, ClaimStatus, CrossClaimCap, DecidedClaim, DecisionOf } from "./decision.js";
import { canonicalJsonSha256 } from "./kernel/canonical.js";
import { Dec, type Decimal, formatMoney, minDecimal, ZERO } from "./kernel/decimal.js";
import { freezeMade } from "./kernel/freeze.js";
import type { Reason } from "./kernel/reasons.js";
import { type CapSpec, type Citation, type ClauseResult, explainFacts, verdictDisagreement } from "./kernel/rule.js";
import { type Edition, frozenEdition } from "./measures/edition.js";
import { APPLICATION_REASON_CODES as CODES, type ArticleCitation, type ValidityWindow } from "./measures/general-provisions.js";
import { LIBRARY_NAME, LIBRARY_VERSION } from "./version.js";

/** What the document is written from: the application and its claims' records after every step. */
export interface Written {
  readonly application: Application;
  /** The claims' records, in the order of the application. */
  readonly records: readonly ClaimRecord[];
  readonly standing: ApplicantStanding;
  readonly window: ValidityWindow;
  readonly history: readonly Grant[];
}

const CLAUSE_CITATIONS = new WeakMap<Citation, ArticleCitation>();

/** A clause's citation as a decision cites it: one frozen object per clause, shared by its claims. */
function clauseCitation(clause: Citation): ArticleCitation {
  let citation = CLAUSE_CITATIONS.get(clause);
  if (citation === undefined) {
    citation = Object.freeze({
      article: clause.article,
      item: clause.item,
      labelZh: clause.labelZh,
      labelEn: clause.labelEn,
      textZh: clause.provisionZh,
    });
    CLAUSE_CITATIONS.set(clause, citation);
  }
  return citation;
}

/** A cap across claims as it met a claim: what its `crossClaimCaps` entry and reason are written from. */
interface CapNote {
  readonly cap: CapSpec;
  readonly limitText: string;
  readonly period: string;
  /** Headroom before this claim. */
  readonly before: Decimal;
  /** The amount that met the cap, and what it left of it. */
  readonly asked: Decimal;
  readonly fitted: Decimal;
  /** Headroom after the claim: the ledger takes the amount paid (after every cap) from each cap. */
  readonly after: Decimal;
}

/**
 * The caps across claims a paid claim met, from the headroom the ledger recorded for each: the same
 * caps, in the same order, as the ledger went through (those of the clause that count the claim's
 * year, term or project), each meeting what the one before left of the clause's amount.
 */
function capNotesOf(record: ClaimRecord): CapNote[] {
  const notes: CapNote[] = [];
  if (record.headrooms === null) return notes;
  const headrooms = Array.isArray(record.headrooms) ? (record.headrooms as readonly Decimal[]) : [record.headrooms as Decimal];
  let asked = new Dec(record.verdict.amount as string);
  let index = 0;
  for (const { spec: cap, limitText } of record.bound.prepared.caps) {
    const period = capPeriod(cap.scope, record.year as number, record.claim.projectId);
    if (period === null) continue;
    const before = headrooms[index++] as Decimal;
    const fitted = minDecimal(asked, before);
    notes.push({ cap, limitText, period, before, asked, fitted, after: before.minus(record.paid) });
    asked = fitted;
  }
  return notes;
}

/** A cap across claims as the decision shows it. */
function crossClaimCapOf(note: CapNote): CrossClaimCap {
  return {
    id: note.cap.id,
    scope: note.cap.scope,
    period: note.period,
    limit: note.limitText,
    headroomBefore: formatMoney(note.before),
    headroomAfter: formatMoney(note.after),
    bit: note.fitted.lt(note.asked),
  };
}

/** The reason of a cap across claims that reduced a claim. */
function crossClaimCapReason(note: CapNote): Reason {
  const { cap, period, limitText } = note;
  const before = formatMoney(note.before);
  const asked = formatMoney(note.asked);
  const fitted = formatMoney(note.fitted);
  return {
    code: CODES.CROSS_CLAIM_CAP_APPLIED.code,
    capId: cap.id,
    en: `${CODES.CROSS_CLAIM_CAP_APPLIED.en} ${cap.label.en} (${period}): headroom ${before} of ${limitText}; ${asked} reduced to ${fitted}.`,
    zh: `${CODES.CROSS_CLAIM_CAP_APPLIED.zh}${cap.label.zh}（${periodWords(period, "zh")}）：剩余额度 ${before}（上限 ${limitText}）；${asked} 核减为 ${fitted}。`,
  };
}

/**
 * The clause's own explanation: the claim's facts explained (the second pass) and checked against the
 * verdict the claim was decided on. They are two passes over one rule definition and must agree; if they
 * ever did not, the library has a bug, and no document is better than a wrong one.
 */
function explainedClause(record: ClaimRecord): ClauseResult {
  const result = explainFacts(record.bound.prepared, record.facts, record.bound.env);
  const difference = verdictDisagreement(record.verdict, result);
  if (difference !== null) {
    throw new Error(
      `pinggu-live-commerce internal error: claim ${record.claim.id} (${record.claim.clauseId}) explained with ${difference.field} ${JSON.stringify(difference.explained)} but decided with ${JSON.stringify(difference.verdict)}; please report this`,
    );
  }
  return result;
}

const ONLY_CITATIONS = new WeakMap<ArticleCitation, readonly ArticleCitation[]>();

/** The citations of a claim that cites its clause alone: one frozen list per clause, shared. */
function onlyCitation(citation: ArticleCitation): readonly ArticleCitation[] {
  let list = ONLY_CITATIONS.get(citation);
  if (list === undefined) {
    list = Object.freeze([citation]);
    ONLY_CITATIONS.set(citation, list);
  }
  return list;
}

/**
 * A claim's figures, without explanation: the fields every decision of a claim has, in their order.
 * Frozen as it is made (cheaper than walking 100,000 of them afterwards).
 */
function decidedClaim(record: ClaimRecord): DecidedClaim {
  const status = record.status as ClaimStatus;
  const paying = status === "awarded" || status === "reduced";
  const citation = clauseCitation(record.bound.prepared.rule.citation);
  return Object.freeze({
    claimId: record.claim.id,
    clauseId: record.claim.clauseId,
    factDate: record.claim.factDate,
    year: record.year,
    sequence: record.sequence,
    status,
    amount: paying ? formatMoney(record.paid) : status === "undetermined" ? null : "0.00",
    amountBeforeCrossClaimCaps: record.verdict.status === "eligible" ? record.verdict.amount : null,
    paidInstead: record.paidInstead === null ? null : Object.freeze(record.paidInstead),
    citations: record.citations === null ? onlyCitation(citation) : freezeMade([citation, ...record.citations]),
  });
}

/**
 * A claim's decision with its explanation. Its reasons: the evaluator's when it refused the claim; the
 * clause's when the clause did not find it eligible; else those of the caps across claims that reduced it.
 */
function claimDecision(record: ClaimRecord): ClaimDecision {
  const figures = decidedClaim(record);
  const clause = explainedClause(record);
  const notes = capNotesOf(record);
  const reasons =
    record.reasons !== null
      ? [...record.reasons]
      : record.verdict.status !== "eligible"
        ? [...clause.reasons]
        : notes.filter((note) => note.fitted.lt(note.asked)).map(crossClaimCapReason);
  // The order of the text documents (golden decisions compare them byte for byte).
  return freezeMade({
    claimId: figures.claimId,
    clauseId: figures.clauseId,
    factDate: figures.factDate,
    year: figures.year,
    sequence: figures.sequence,
    status: figures.status,
    amount: figures.amount,
    amountBeforeCrossClaimCaps: figures.amountBeforeCrossClaimCaps,
    crossClaimCaps: notes.map(crossClaimCapOf),
    paidInstead: figures.paidInstead,
    citations: figures.citations,
    reasons,
    clause,
  });
}

function emptyStatusCounts(): Record<ClaimStatus, number> {
  return { awarded: 0, reduced: 0, ineligible: 0, undetermined: 0, excluded: 0, duplicate: 0, "out-of-window": 0 };
}

/** Sums by key, their keys sorted and their amounts printed to the fen. */
function printedSums(record: Record<string, Decimal>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, formatMoney(record[key] as Decimal)]),
  );
}

/**
 * Write the decision document. `explain`: each claim with its explanation (`ClaimDecision`), else its
 * figures only (`DecidedClaim`). `stamp`: compute the audit hashes (population simulations skip them;
 * the stamp then carries empty hashes and is not an audit record).
 */
export function documentOf(applicationInput: unknown, edition: Edition, written: Written, explain: true, stamp: boolean): DecisionOf<ClaimDecision>;
export function documentOf(applicationInput: unknown, edition: Edition, written: Written, explain: boolean, stamp: boolean): DecisionOf<DecidedClaim>;
export function documentOf(applicationInput: unknown, edition: Edition, written: Written, explain: boolean, stamp: boolean): DecisionOf<DecidedClaim> {
  const { application, records, standing, window, history } = written;
  const byClause: Record<string, Decimal> = {};
  const byYear: Record<string, Decimal> = {};
  const byStatus = emptyStatusCounts();
  let overall: Decimal = ZERO;
  const claims: DecidedClaim[] = records.map((record) => {
    const status = record.status as ClaimStatus;
    byStatus[status] += 1;
    if (status === "awarded" || status === "reduced") {
      overall = overall.plus(record.paid);
      byClause[record.claim.clauseId] = (byClause[record.claim.clauseId] ?? ZERO).plus(record.paid);
      const yearKey = String(record.year);
      byYear[yearKey] = (byYear[yearKey] ?? ZERO).plus(record.paid);
    }
    return explain ? claimDecision(record) : decidedClaim(record);
  });

  return freezeMade({
    applicant: { name: application.applicant.name, creditCode: application.applicant.creditCode },
    edition: { id: edition.id, name: edition.name, switches: edition.switches },
    window,
    applicantReasons: standing.reasons,
    claims,
    totals: { overall: formatMoney(overall), byClause: printedSums(byClause), byYear: printedSums(byYear), byStatus },
    recoveries: recoveriesOf(history, application.applicant.misconductFindings ?? []),
    audit: {
      library: LIBRARY_NAME,
      version: LIBRARY_VERSION,
      hashAlgorithm: "SHA-256",
      canonicalization: "sorted-keys JSON (RFC 8785 style)",
      editionHash: stamp ? editionHash(edition) : "",
      inputHash: stamp ? canonicalJsonSha256(applicationInput) : "",
    },
  } as const);
}

const EDITION_HASHES = new WeakMap<Edition, string>();

/**
 * SHA-256 of the edition's canonical JSON: the same figures and switches give the same hash. Worked out
 * once per deep-frozen edition (see `frozenEdition`): for applications of a few claims it was most of
 * the time `evaluate` took.
 */
export function editionHash(given: Edition): string {
  const edition = frozenEdition(given);
  let hash = EDITION_HASHES.get(edition);
  if (hash === undefined) {
    hash = canonicalJsonSha256(edition);
    EDITION_HASHES.set(edition, hash);
  }
  return hash;
}
