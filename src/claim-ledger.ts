/**
 * Caps and one-time scopes across claims (Articles 3–7; docs/applications.md, "The ledger"): the grant
 * history first, then amounts settled ahead of the rest (第十一条's 就高, A13), then the claims in ledger
 * order (fact date, then claim id in natural order). Each claim is paid what its clause gives, less
 * what every cap across claims it counts in has left; a one-time scope already taken refuses it.
 *
 * Every ledger key is namespaced by its clause (`art4.2/per-enterprise-per-year|2025`,
 * `art3.3|once`): claims of different clauses never meet in the ledger, so a run may be limited to one
 * clause's claims (test/evaluator/art11-duplicates.test.ts holds every rule to this).
 */
import type { Claim, Grant } from "./application.js";
import type { BoundClause } from "./clause-binding.js";
import { yearOf } from "./kernel/dates.js";
import { Dec, type Decimal, minDecimal, ZERO } from "./kernel/decimal.js";
import { inFactDateOrder } from "./kernel/fact-order.js";
import { CapLedger } from "./kernel/ledger.js";
import { type CapScope, type ClauseVerdict, type OnceScope, prepareRule } from "./kernel/rule.js";
import { capYearOf } from "./fact-dates.js";
import type { MeasuresContext } from "./measures/edition.js";
import { getRule } from "./measures/registry.js";
import type { Reason } from "./kernel/reasons.js";
import { APPLICATION_REASON_CODES as CODES } from "./measures/general-provisions.js";

/** What the ledger needs of a claim. */
export interface LedgerEntry {
  readonly claim: Claim;
  readonly bound: BoundClause;
  /** The clause's verdict: its amount after its own caps (the claim is eligible). */
  readonly verdict: Pick<ClauseVerdict, "amount">;
  /** The year its annual caps count it in (known: claims without one never reach the ledger). */
  readonly year: number | null;
  /** Position in ledger order, from 1. */
  readonly sequence: number;
}

/** The headroom of each cap met: one cap (the common case) kept without a list around it. */
export type Headrooms = Decimal | readonly Decimal[] | null;

/** What the ledger did with a claim. */
export interface LedgerOutcome {
  /** The clause's amount, before the caps across claims. */
  readonly requested: Decimal;
  readonly paid: Decimal;
  /** Who holds the claim's one-time scope when it was already taken ("claim:ID", "history:ID"). */
  readonly takenBy: string | null;
  /** The headroom of each cap across claims that counted the claim (only when explaining). */
  readonly headrooms: Headrooms;
}

/** A claim whose amount was settled before the ledger runs (第十一条, A13): reserved first. */
export interface Reservation {
  readonly entry: LedgerEntry;
  readonly outcome: LedgerOutcome;
}

export function onceKey(clauseId: string, scope: OnceScope, year: number, projectId?: string, productId?: string): string | null {
  switch (scope) {
    case "per-enterprise":
      return `${clauseId}|once`;
    case "per-enterprise-per-year":
      return `${clauseId}|once|${year}`;
    case "per-project":
      return projectId === undefined ? null : `${clauseId}|project|${projectId}`;
    case "per-product":
      return productId === undefined ? null : `${clauseId}|product|${productId}`;
  }
}

/**
 * Where a cap across claims counts a claim or grant: its year, the term, or its project. Null for a cap
 * that does not run across claims: per claim, or per project for a claim without a project id (its own
 * project, capped by the clause already).
 */
export function capPeriod(scope: CapScope, year: number, projectId: string | undefined): string | null {
  switch (scope) {
    case "per-claim":
      return null;
    case "per-project":
      return projectId === undefined ? null : `project:${projectId}`;
    case "per-enterprise-per-term":
      return "term";
    case "per-enterprise-per-year":
      return String(year);
  }
}

/** A cap period in words: the year, the term, or the project (as `capPeriod` writes them). */
export function periodWords(period: string, lang: "zh" | "en"): string {
  if (lang === "en") return period;
  if (period === "term") return "政策期限内";
  if (period.startsWith("project:")) return `项目 ${period.slice("project:".length)}`;
  return /^\d{4}$/.test(period) ? `${period}年` : period;
}

const grantDate = (grant: Grant) => grant.factDate;
const grantId = (grant: Grant) => grant.id;

/** The grant history in the ledger: each grant takes its one-time scope and counts in its caps. */
function seedLedger(ledger: CapLedger, history: readonly Grant[], ctx: MeasuresContext): void {
  for (const grant of inFactDateOrder(history, grantDate, grantId)) {
    const rule = getRule(grant.clauseId);
    const year = capYearOf(ctx.switches, grant.factDate, grant.paidOn) ?? yearOf(grant.factDate);
    const scope = rule.once(ctx);
    if (scope && grant.amount.gt(0)) {
      const key = onceKey(grant.clauseId, scope, yearOf(grant.factDate), grant.projectId, grant.productId);
      if (key) ledger.take(key, `history:${grant.id}`);
    }
    for (const cap of rule.caps(ctx)) {
      const period = capPeriod(cap.scope, year, grant.projectId);
      if (period !== null) ledger.consume(`${cap.id}|${period}`, grant.amount);
    }
  }
}

interface Quote {
  readonly takenBy: string | null;
  readonly onceKey: string | null;
  readonly requested: Decimal;
  readonly amount: Decimal;
  /** The ledger key of each cap across claims that counts the claim. */
  readonly keys: readonly string[];
  readonly headrooms: Headrooms;
}

const NO_KEYS: readonly string[] = Object.freeze([]);

/** What a claim would be paid now, given the ledger, without changing it. */
function quote(entry: LedgerEntry, ledger: CapLedger, ctx: MeasuresContext, explain: boolean): Quote {
  const { claim } = entry;
  const rule = getRule(claim.clauseId);
  const year = entry.year as number;
  const scope = rule.once(ctx);
  // A one-time scope per year counts the year of the fact (the figure's year, A18), whichever year the
  // annual caps count in (A10): two years' figures paid on one day are two years.
  const key = scope ? onceKey(claim.clauseId, scope, yearOf(claim.factDate), claim.projectId, claim.productId) : null;
  const takenBy = key ? (ledger.takenBy(key) ?? null) : null;
  const requested = new Dec(entry.verdict.amount as string);
  if (takenBy) return { takenBy, onceKey: key, requested, amount: ZERO, keys: NO_KEYS, headrooms: null };
  let amount = requested;
  let keys: string[] | null = null;
  let headrooms: Decimal | Decimal[] | null = null;
  // The rule's caps as prepared for this edition (their limits printed once).
  for (const { spec: cap } of prepareRule(rule, ctx).caps) {
    const period = capPeriod(cap.scope, year, claim.projectId);
    if (period === null) continue;
    const capKey = `${cap.id}|${period}`;
    const before = ledger.headroom(capKey, cap.limit).headroom;
    (keys ??= []).push(capKey);
    if (explain) headrooms = headrooms === null ? before : Array.isArray(headrooms) ? [...headrooms, before] : [headrooms, before];
    amount = minDecimal(amount, before);
  }
  return { takenBy: null, onceKey: key, requested, amount, keys: keys ?? NO_KEYS, headrooms };
}

/** Record a payment: its one-time scope (a payment of more than 0 takes it: A17) and its caps. */
function record(ledger: CapLedger, entry: LedgerEntry, q: Pick<Quote, "onceKey" | "keys">, paid: Decimal): void {
  if (q.onceKey !== null && paid.gt(0)) ledger.take(q.onceKey, `claim:${entry.claim.id}`);
  for (const key of q.keys) ledger.consume(key, paid);
}

/**
 * Run the ledger: the history, then the reservations (their amounts as settled), then `entries` in the
 * order given (ledger order). Returns each entry's outcome, in the same order.
 */
export function runLedger(
  entries: readonly LedgerEntry[],
  reservations: readonly Reservation[],
  history: readonly Grant[],
  ctx: MeasuresContext,
  explain: boolean,
): LedgerOutcome[] {
  const ledger = new CapLedger();
  seedLedger(ledger, history, ctx);
  for (const { entry, outcome } of reservations) {
    if (outcome.takenBy !== null) continue;
    // The keys of the reserved claim, as it met them when it was settled.
    record(ledger, entry, quote(entry, ledger, ctx, false), outcome.paid);
  }
  const outcomes: LedgerOutcome[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as LedgerEntry;
    const q = quote(entry, ledger, ctx, explain);
    if (q.takenBy === null) record(ledger, entry, q, q.amount);
    outcomes[i] = { requested: q.requested, paid: q.amount, takenBy: q.takenBy, headrooms: q.headrooms };
  }
  return outcomes;
}

/** The one-time scopes in words, for Chinese reasons. */
const ONCE_SCOPE_ZH: Readonly<Record<OnceScope, string>> = {
  "per-enterprise": "每家企业一次",
  "per-enterprise-per-year": "每家企业每年一次",
  "per-project": "每个项目一次",
  "per-product": "每个产品一次",
};

/** Who took a one-time scope first ("claim:ID" or "history:ID", as the ledger records it). */
export function takerOf(takenBy: string): { readonly source: "claim" | "history"; readonly id: string } {
  const [source, id] = takenBy.split(/:(.*)/s) as [string, string];
  return { source: source === "history" ? "history" : "claim", id };
}

/** Why a claim whose one-time scope (一次性) another claim or grant took first is refused. */
export function onceTakenReason(takenBy: string, scope: OnceScope): Reason {
  const { source, id } = takerOf(takenBy);
  return {
    code: CODES.ALREADY_AWARDED_ONCE.code,
    en: `${CODES.ALREADY_AWARDED_ONCE.en} Scope: ${scope}; awarded to ${source === "history" ? "grant" : "claim"} ${id}.`,
    zh: `${CODES.ALREADY_AWARDED_ONCE.zh}范围：${ONCE_SCOPE_ZH[scope]}；已支持：${id}。`,
  };
}

export { ZERO };
