/**
 * 第十一条 within these measures: one project or expenditure claimed under several clauses is paid once,
 * under the clause that gives the most (就高); the other claims are refused naming it. Switch
 * `intraMeasuresDuplicates` (A7): `highest` (default) | `first-claimed` | `allow`. The claims of one
 * project under one clause are not a 第十一条 case: that clause's caps and one-time scope bound them.
 *
 * How "the most" is found (A13, docs/applications.md "No double-dipping"): what each clause would
 * *actually pay the project* — all of the project's claims under it, after every cap, one-time scope
 * and the grant history. Projects claimed under several clauses are settled one at a time, in the order
 * of their earliest fact date (then the natural order of their project ids). For each clause of the
 * project the ledger runs from the grant history with: the amounts of the projects already settled,
 * reserved first; every claim that belongs to no such project, and the project's own claims under the
 * clause tried, each at its place in ledger order; the claims of projects not yet settled left out.
 * The clause that pays the project the most is chosen (ties: the clause of the earliest claim), and
 * the project's amounts are settled at what that run paid. The final run reserves every settled amount
 * first, so a settled project is never cut by a claim dated before it.
 *
 * - A project already paid under one clause in the grant history is paid under that clause only.
 * - A14: while any claim of such a project is undetermined, the clause that gives the most cannot be
 *   known: every claim of the project is undetermined, naming the claims whose facts are missing.
 * - A15: a clause whose award stands on top of another (art3.2-mofcom on art3.2) belongs to no project.
 */
import type { Grant } from "./application.js";
import { type LedgerEntry, type LedgerOutcome, type Reservation, runLedger } from "./claim-ledger.js";
import { type Decimal, ZERO } from "./kernel/decimal.js";
import { inFactDateOrder } from "./kernel/fact-order.js";
import { compareNatural } from "./kernel/natural-order.js";
import type { MeasuresContext } from "./measures/edition.js";
import { getRule } from "./measures/registry.js";
import type { Reason } from "./kernel/reasons.js";
import { APPLICATION_REASON_CODES as CODES, ARTICLE_11, type ArticleCitation } from "./measures/general-provisions.js";

/** The claim or grant a refused duplicate was paid instead of. */
export interface PaidInstead {
  readonly id: string;
  readonly clauseId: string;
  readonly source: "claim" | "history";
}

/** What 第十一条 and the ledger made of a claim. */
export type Settlement<W> =
  | { readonly kind: "ledger"; readonly outcome: LedgerOutcome }
  | { readonly kind: "duplicate"; readonly paidInstead: PaidInstead }
  | { readonly kind: "twin-undetermined"; readonly twins: readonly W[] };

export interface DuplicatesInput<W extends LedgerEntry> {
  /** The claims the ledger may pay (eligible, in the window, not supported elsewhere), in ledger order. */
  readonly candidates: readonly W[];
  /** The undetermined claims, in ledger order: they keep a project undetermined (A14). */
  readonly undetermined: readonly W[];
  readonly history: readonly Grant[];
  readonly ctx: MeasuresContext;
  readonly explain: boolean;
}

/** The project a claim stands for under 第十一条: none for a clause that stacks on another (A15). */
export function projectUnderArticle11(entry: Pick<LedgerEntry, "claim" | "bound">): string | undefined {
  return entry.bound.prepared.rule.stacksOn === undefined ? entry.claim.projectId : undefined;
}

/**
 * Settle every candidate (and refuse the undetermined claims of a project paid in the history under
 * another clause): the map has an entry for each candidate, and for such undetermined claims.
 */
export function settleClaims<W extends LedgerEntry>(input: DuplicatesInput<W>): Map<W, Settlement<W>> {
  const { candidates, undetermined, history, ctx, explain } = input;
  const settlements = new Map<W, Settlement<W>>();
  if (ctx.switches.intraMeasuresDuplicates === "allow") {
    finalRun(candidates, [], history, ctx, explain, settlements);
    return settlements;
  }

  // No claim names a project: nothing for 第十一条 to settle (the common case, kept cheap).
  if (!candidates.some(hasProject) && !undetermined.some(hasProject)) {
    finalRun(candidates, [], history, ctx, explain, settlements);
    return settlements;
  }

  // A project already paid under one clause in the history is paid under that clause only.
  const paidInHistory = historyByProject(history);
  const open = (w: W): boolean => {
    const project = projectUnderArticle11(w);
    const grant = project === undefined ? undefined : paidInHistory.get(project)?.find((g) => g.clauseId !== w.claim.clauseId);
    if (grant === undefined) return true;
    settlements.set(w, { kind: "duplicate", paidInstead: { id: grant.id, clauseId: grant.clauseId, source: "history" } });
    return false;
  };
  const admitted = candidates.filter(open);
  const stillUndetermined = undetermined.filter(open);

  // Projects with claims under several clauses, undetermined claims included.
  const inProjects = [...admitted, ...stillUndetermined].filter((w) => projectUnderArticle11(w) !== undefined);
  const members = groupBy(inProjects, (w) => projectUnderArticle11(w) as string);
  const undeterminedSet = new Set<W>(stillUndetermined);
  const twinProjects: { project: string; claims: W[] }[] = [];
  const inTwinProject = new Set<W>();
  for (const [project, claims] of members) {
    const clauses = new Set(claims.map((w) => w.claim.clauseId));
    if (clauses.size < 2) continue;
    claims.sort((a, b) => a.sequence - b.sequence);
    const missing = claims.filter((w) => undeterminedSet.has(w));
    for (const w of claims) inTwinProject.add(w);
    if (missing.length > 0) {
      // A14: the clause that gives the most cannot be known.
      for (const w of claims) if (!undeterminedSet.has(w)) settlements.set(w, { kind: "twin-undetermined", twins: missing });
      continue;
    }
    twinProjects.push({ project, claims });
  }
  twinProjects.sort((a, b) => compareDates(a.claims[0] as W, b.claims[0] as W) || compareNatural(a.project, b.project));

  // The claims of no such project, by clause (ledger keys never cross clauses: see claim-ledger.ts).
  const rest = admitted.filter((w) => !inTwinProject.has(w));
  const reservations: Reservation[] = [];
  if (twinProjects.length === 0) {
    finalRun(rest, reservations, history, ctx, explain, settlements);
    return settlements;
  }
  const restByClause = groupBy(rest, (w) => w.claim.clauseId);
  const historyByClause = groupBy(history, (grant) => grant.clauseId);

  for (const { claims } of twinProjects) {
    const offers: Offer<W>[] = [];
    for (const [clauseId, own] of groupBy(claims, (w) => w.claim.clauseId)) {
      const entries = mergeInLedgerOrder(restByClause.get(clauseId) ?? [], own);
      const outcomes = runLedger(
        entries,
        reservations.filter((r) => r.entry.claim.clauseId === clauseId),
        historyByClause.get(clauseId) ?? [],
        ctx,
        explain,
      );
      const mine = new Set<W>(own);
      const ownOutcomes = outcomes.filter((_, i) => mine.has(entries[i] as W));
      offers.push({ clauseId, paid: ownOutcomes.reduce((sum, o) => sum.plus(o.paid), ZERO), outcomes: ownOutcomes, claims: own });
    }
    // Offers come in the order of their clause's earliest claim: the first of the best wins a tie.
    const paying = offers.filter((offer) => offer.paid.gt(0));
    const winner =
      ctx.switches.intraMeasuresDuplicates === "first-claimed"
        ? paying[0]
        : paying.reduce<Offer<W> | undefined>((best, offer) => (best === undefined || offer.paid.gt(best.paid) ? offer : best), undefined);
    if (winner === undefined) {
      // No clause would pay the project anything: there is nothing to choose, and each claim is
      // refused for its own reason (its one-time scope taken, its cap used up).
      for (const offer of offers) offer.claims.forEach((w, i) => settlements.set(w, { kind: "ledger", outcome: offer.outcomes[i] as LedgerOutcome }));
      continue;
    }
    const winnerClaim = winner.claims[0] as W;
    winner.claims.forEach((w, i) => {
      const outcome = winner.outcomes[i] as LedgerOutcome;
      reservations.push({ entry: w, outcome });
      settlements.set(w, { kind: "ledger", outcome });
    });
    for (const w of claims) {
      if (w.claim.clauseId === winner.clauseId) continue;
      settlements.set(w, { kind: "duplicate", paidInstead: { id: winnerClaim.claim.id, clauseId: winner.clauseId, source: "claim" } });
    }
  }

  rest.sort((a, b) => a.sequence - b.sequence);
  finalRun(rest, reservations, history, ctx, explain, settlements);
  return settlements;
}

/** What one clause would actually pay a project: its claims under the clause and their outcomes. */
interface Offer<W> {
  readonly clauseId: string;
  readonly paid: Decimal;
  readonly outcomes: readonly LedgerOutcome[];
  readonly claims: readonly W[];
}

function finalRun<W extends LedgerEntry>(
  entries: readonly W[],
  reservations: readonly Reservation[],
  history: readonly Grant[],
  ctx: MeasuresContext,
  explain: boolean,
  settlements: Map<W, Settlement<W>>,
): void {
  const outcomes = runLedger(entries, reservations, history, ctx, explain);
  entries.forEach((w, i) => settlements.set(w, { kind: "ledger", outcome: outcomes[i] as LedgerOutcome }));
}

const hasProject = (w: LedgerEntry): boolean => projectUnderArticle11(w) !== undefined;

function historyByProject(history: readonly Grant[]): Map<string, Grant[]> {
  if (history.length === 0) return new Map();
  const paid = inFactDateOrder(history, (grant) => grant.factDate, (grant) => grant.id).filter(
    // A15: an award stacking on another clause is no project's payment.
    (grant) => grant.projectId !== undefined && grant.amount.gt(0) && getRule(grant.clauseId).stacksOn === undefined,
  );
  return groupBy(paid, (grant) => grant.projectId as string);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function mergeInLedgerOrder<W extends LedgerEntry>(a: readonly W[], b: readonly W[]): W[] {
  const merged: W[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as W).sequence < (b[j] as W).sequence)) merged.push(a[i++] as W);
    else merged.push(b[j++] as W);
  }
  return merged;
}

function compareDates(a: LedgerEntry, b: LedgerEntry): number {
  return a.claim.factDate < b.claim.factDate ? -1 : a.claim.factDate > b.claim.factDate ? 1 : 0;
}

// -------------------------------------------------------------------------------------------------
// 第十一条 across policies, and the reasons of its refusals.

export const ONLY_ARTICLE_11: readonly ArticleCitation[] = Object.freeze([ARTICLE_11]);

/**
 * The projects that a claim declares supported by another policy, each with the earliest such claim
 * (`ordered` is in ledger order); undefined when no claim declares one.
 */
export function projectsSupportedElsewhere<W extends Pick<LedgerEntry, "claim">>(ordered: readonly W[]): Map<string, W> | undefined {
  let supported: Map<string, W> | undefined;
  for (const w of ordered) {
    const project = w.claim.projectId;
    if (!w.claim.otherPolicySupport || project === undefined) continue;
    supported ??= new Map();
    if (!supported.has(project)) supported.set(project, w);
  }
  return supported;
}

/**
 * Why a claim whose project or expenditure already received support under another policy is refused:
 * declared on the claim itself, or (`declaredOn`) on another claim of the same project.
 */
export function otherPolicyReason(policy: string, declaredOn: { readonly projectId: string | undefined; readonly claimId: string } | null): Reason {
  const via = declaredOn ? ` (project ${declaredOn.projectId}, declared on claim ${declaredOn.claimId})` : "";
  const viaZh = declaredOn ? `（项目 ${declaredOn.projectId}，见申请 ${declaredOn.claimId}）` : "";
  return {
    code: CODES.SUPPORTED_BY_OTHER_POLICY.code,
    article: "第十一条",
    en: `${CODES.SUPPORTED_BY_OTHER_POLICY.en} Other policy: ${policy}${via}.`,
    zh: `${CODES.SUPPORTED_BY_OTHER_POLICY.zh}其他政策：${policy}${viaZh}。`,
  };
}

/** Why a claim of a project paid under another clause of the measures is refused, naming what was paid. */
export function duplicateReason(paid: PaidInstead): Reason {
  const where = paid.source === "history" ? `grant ${paid.id} in the history` : `claim ${paid.id}`;
  const whereZh = paid.source === "history" ? `已拨付记录 ${paid.id}` : `申请 ${paid.id}`;
  return {
    code: CODES.DUPLICATE_WITHIN_MEASURES.code,
    article: "第十一条",
    en: `${CODES.DUPLICATE_WITHIN_MEASURES.en} Paid under ${paid.clauseId} (${where}).`,
    zh: `${CODES.DUPLICATE_WITHIN_MEASURES.zh}已按 ${paid.clauseId} 支持（${whereZh}）。`,
  };
}

/** A14: why every claim of a project with an undetermined twin is undetermined, naming the twins. */
export function twinUndeterminedReason(twins: readonly Pick<LedgerEntry, "claim">[], projectId: string | undefined): Reason {
  const names = twins.map((t) => `${t.claim.id} (${t.claim.clauseId})`);
  return {
    code: CODES.TWIN_UNDETERMINED.code,
    article: "第十一条",
    en: `${CODES.TWIN_UNDETERMINED.en} Undetermined: ${names.join(", ")}; project ${projectId}.`,
    zh: `${CODES.TWIN_UNDETERMINED.zh}尚无法判定：${names.join("、")}；项目 ${projectId}。`,
  };
}
