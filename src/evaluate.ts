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
 */
import {
  type Application,
  type ApplicationArgument,
  type ApplicationInput,
  applicationSchema,
  readApplicationFast,
  type Claim,
  type Grant,
  MAX_CLAIMS_PER_APPLICATION,
  MAX_GRANTS_PER_APPLICATION,
} from "./application.js";
import { canonicalizeIdentifiers } from "./application-identifiers.js";
import { recoveriesOf, type RecoveryReport } from "./art09-13-recoveries.js";
import { type PaidInstead, projectUnderArticle11, type Settlement, settleClaims } from "./art11-duplicates.js";
import { capPeriod, type Headrooms, type LedgerOutcome, periodWords } from "./claim-ledger.js";
import { factDateIssue, type Placement, placeClaim } from "./fact-dates.js";
import type { MeasuresRule } from "./measures/common.js";
import { type BoundClause, boundClause, contextOf } from "./evaluate-clause.js";
import { canonicalJsonSha256 } from "./kernel/canonical.js";
import type { CivilDate } from "./kernel/dates.js";
import { Dec, type Decimal, formatMoney, minDecimal, ZERO } from "./kernel/decimal.js";
import { makeIssue, PolicyValidationError, type ValidationIssue } from "./kernel/errors.js";
import { ambiguityKey } from "./kernel/identifiers.js";
import { knownFieldsIn, toValidationIssues } from "./kernel/fields.js";
import { inFactDateOrder } from "./kernel/fact-order.js";
import type { Reason } from "./kernel/reasons.js";
import {
  type CapScope,
  type CapSpec,
  type Citation,
  type ClauseResult,
  type ClauseStatus,
  decideFacts,
  evaluatePrepared,
  evaluateRule,
  type OnceScope,
  type ReadFacts,
  readFacts,
} from "./kernel/rule.js";
import { DRAFT_EDITION } from "./measures/edition-draft.js";
import { type ClauseId, type Edition, frozenEdition, type MeasuresContext, type Switches } from "./measures/edition.js";
import {
  APPLICATION_REASON_CODES as CODES,
  ARTICLE_10_ITEMS,
  ARTICLE_11,
  ARTICLE_13,
  ARTICLE_14,
  ARTICLE_2,
  ARTICLE_9,
  type ArticleCitation,
  type ValidityWindow,
  validityWindow,
} from "./measures/general-provisions.js";
import { getRule, isClauseId } from "./measures/registry.js";
import { LIBRARY_NAME, LIBRARY_VERSION } from "./version.js";

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

export interface ClaimDecision {
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
  readonly crossClaimCaps: readonly CrossClaimCap[];
  /** For a refused duplicate: the claim or grant that was paid instead, and its clause. */
  readonly paidInstead: { readonly id: string; readonly clauseId: string; readonly source: "claim" | "history" } | null;
  readonly citations: readonly ArticleCitation[];
  readonly reasons: readonly Reason[];
  /** The clause's own explanation (conditions, arithmetic, its caps). */
  readonly clause: ClauseResult;
}

export interface Decision {
  readonly applicant: { readonly name: string; readonly creditCode: string };
  readonly edition: {
    readonly id: string;
    readonly name: { readonly zh: string; readonly en: string };
    readonly switches: Switches;
  };
  readonly window: ValidityWindow;
  /** Applicant-level findings that apply to every claim (第二条, 第九条/第十三条, 第十条). */
  readonly applicantReasons: readonly Reason[];
  readonly claims: readonly ClaimDecision[];
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

function reason(def: { code: string; en: string; zh: string }, extra: Partial<Reason> = {}): Reason {
  return { code: def.code, en: def.en, zh: def.zh, ...extra };
}

// -------------------------------------------------------------------------------------------------
// Validation of the whole document: every issue, with its JSON path, in one error.

interface Validated {
  readonly application: Application;
  /** Each claim's facts as read (a snapshot: see `readFacts`), in the order of the application. */
  readonly facts: readonly ReadFacts[];
  /** Each claim's clause decided without explanation (explained on demand: see `claimDecision`). */
  readonly statuses: readonly ClauseStatus[];
  /** Each clause's amount after its own caps ("0.00" when ineligible, null when undetermined). */
  readonly amounts: readonly (string | null)[];
}

function claimInputIssues(clauseId: unknown, input: unknown, index: number, ctx: MeasuresContext): ValidationIssue[] {
  if (!isClauseId(clauseId)) return [];
  const rule = getRule(clauseId);
  try {
    evaluateRule(rule, input, ctx, {
      rounding: ctx.switches.rounding,
      editionName: ctx.edition.id,
      switches: {},
      path: ["claims", index, "input"],
    });
    return [];
  } catch (error) {
    if (error instanceof PolicyValidationError) return [...error.issues];
    throw error;
  }
}

/** When the envelope is malformed, still check each claim's facts, so one error carries every issue. */
function rawClaimIssues(raw: unknown, ctx: MeasuresContext): ValidationIssue[] {
  const claims = typeof raw === "object" && raw !== null ? (raw as { claims?: unknown }).claims : undefined;
  if (!Array.isArray(claims)) return [];
  return claims.flatMap((claim: unknown, index) => {
    if (typeof claim !== "object" || claim === null) return [];
    const { clauseId, input } = claim as { clauseId?: unknown; input?: unknown };
    return typeof input === "object" && input !== null ? claimInputIssues(clauseId, input, index, ctx) : [];
  });
}

/** Refuse an over-long list before reading a single element of it (bounded memory, one clear issue). */
function tooManyIssues(raw: unknown): ValidationIssue[] {
  if (typeof raw !== "object" || raw === null) return [];
  const doc = raw as { claims?: unknown; history?: unknown };
  const issues: ValidationIssue[] = [];
  // The common case, without building the table below for every application.
  const within = (list: unknown, limit: number) => !Array.isArray(list) || list.length <= limit;
  if (within(doc.claims, MAX_CLAIMS_PER_APPLICATION) && within(doc.history, MAX_GRANTS_PER_APPLICATION)) return issues;
  const limits = [
    ["claims", doc.claims, MAX_CLAIMS_PER_APPLICATION, "claims", "项申请"],
    ["history", doc.history, MAX_GRANTS_PER_APPLICATION, "grants", "条拨付记录"],
  ] as const;
  for (const [field, list, limit, what, whatZh] of limits) {
    if (!Array.isArray(list) || list.length <= limit) continue;
    issues.push(
      makeIssue({
        code: "invalid_value",
        pathSegments: [field],
        received: list,
        expected: `at most ${limit.toLocaleString("en-US")} ${what} in one application`,
        expectedZh: `每份申请最多 ${limit} ${whatZh}`,
        hint: `split the ${what} across several applications, or evaluate them in a batch (pinggu evaluate, simulate)`,
        hintZh: "请拆分为多份申请，或批量处理（pinggu evaluate、simulate）",
      }),
    );
  }
  return issues;
}

function issuesAt(
  bound: BoundClause,
  input: unknown,
  path: readonly (string | number)[],
  first: PolicyValidationError,
): readonly ValidationIssue[] {
  try {
    evaluatePrepared(bound.prepared, input, { ...bound.env, path });
  } catch (error) {
    if (error instanceof PolicyValidationError) return error.issues;
    throw error;
  }
  return first.issues;
}

const EMPTY_IDS: ReadonlySet<string> = new Set();

/** The fields known at each place of an application, for unknown-field errors. */
const APPLICATION_FIELDS = knownFieldsIn(applicationSchema);

function validate(raw: unknown, ctx: MeasuresContext): Validated {
  const tooMany = tooManyIssues(raw);
  if (tooMany.length > 0) throw new PolicyValidationError(tooMany, "application");
  let application = readApplicationFast(raw);
  if (application === undefined) {
    const parsed = applicationSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      throw new PolicyValidationError([...toValidationIssues(parsed.error.issues, [], APPLICATION_FIELDS), ...rawClaimIssues(raw, ctx)], "application");
    }
    application = parsed.data;
  }
  const history = application.history ?? [];
  // Ids in their canonical form, each unambiguous (a claim id and a grant id used once).
  const issues: ValidationIssue[] = canonicalizeIdentifiers(application);
  const findings = application.applicant.misconductFindings ?? [];
  // By ambiguity key: a reference spelt another way is already reported as ambiguous, not as missing.
  const grantIds = findings.length === 0 ? EMPTY_IDS : new Set(history.map((grant) => ambiguityKey(grant.id)));
  findings.forEach((finding, index) => {
    if (finding.grants === "all") return;
    finding.grants.forEach((id, position) => {
      if (grantIds.has(ambiguityKey(id))) return;
      issues.push(
        makeIssue({
          code: "inconsistent",
          pathSegments: ["applicant", "misconductFindings", index, "grants", position],
          received: id,
          expected: "the id of a grant in the application's history",
          expectedZh: "申请中已拨付记录（history）的编号",
        }),
      );
    });
  });
  if (ctx.switches.annualCapYear === "payment-year") {
    history.forEach((grant, index) => {
      if (grant.paidOn !== undefined) return;
      issues.push(
        makeIssue({
          code: "required",
          pathSegments: ["history", index, "paidOn"],
          received: undefined,
          expected: "the payment date: the edition counts annual caps by year of payment (A10)",
          expectedZh: "拨付日期：本版本按支付年度计算年度上限（A10）",
        }),
      );
    });
  }
  const count = application.claims.length;
  const facts = new Array<ReadFacts>(count);
  const statuses = new Array<ClauseStatus>(count);
  const amounts = new Array<string | null>(count);
  const rawClaims = (raw as { claims: { input: unknown }[] }).claims;
  application.claims.forEach((claim, index) => {
    const bound = boundClause(claim.clauseId as ClauseId, ctx.edition);
    // The raw facts, not zod's copy: a record copy would drop a "__proto__" key that the clause must
    // refuse as an unknown field, as evaluateClause does.
    const input = (rawClaims[index] as { input: unknown }).input;
    try {
      const read = readFacts(bound.prepared, input, NO_PATH);
      facts[index] = read;
      const dated = factDateIssue(bound.prepared.rule as MeasuresRule, claim, read, index);
      if (dated !== null) issues.push(dated);
      // Only the verdict is kept: the result object dies young (see claimDecision for its explanation).
      const decided = decideFacts(bound.prepared, read, bound.quiet);
      statuses[index] = decided.status;
      amounts[index] = decided.amount;
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      // Evaluated again with the claim's place in the document, so that every issue names it (the
      // evaluation is pure: it fails again, the same way). Only failures pay for the path.
      issues.push(...issuesAt(bound, input, ["claims", index, "input"], error));
    }
  });
  if (issues.length > 0) throw new PolicyValidationError(issues, "application");
  return { application, facts, statuses, amounts };
}

const NO_PATH: readonly (string | number)[] = Object.freeze([]);

// -------------------------------------------------------------------------------------------------
// Applicant-level findings.

interface ApplicantStanding {
  readonly status: "excluded" | "ineligible" | "undetermined" | null;
  readonly reasons: readonly Reason[];
  readonly citations: readonly ArticleCitation[];
}

function applicantStanding(application: Application): ApplicantStanding {
  const a = application.applicant;
  const excluded: Reason[] = [];
  const citations: ArticleCitation[] = [];
  if ((a.misconductFindings ?? []).length > 0) {
    excluded.push(reason(CODES.MISCONDUCT_FINDING, { article: "第九条、第十三条" }));
    citations.push(ARTICLE_9, ARTICLE_13);
  }
  if (a.restrictedCatalogue === true) {
    excluded.push(reason(CODES.EXCLUDED_RESTRICTED_CATALOGUE, { article: ARTICLE_10_ITEMS[0].labelZh }));
    citations.push(ARTICLE_10_ITEMS[0]);
  }
  if (a.majorAccident === true) {
    excluded.push(reason(CODES.EXCLUDED_MAJOR_ACCIDENT, { article: ARTICLE_10_ITEMS[1].labelZh }));
    citations.push(ARTICLE_10_ITEMS[1]);
  }
  if (a.otherReviewFinding) {
    const stated = a.otherReviewFinding.reason;
    excluded.push({
      code: CODES.EXCLUDED_BY_REVIEW.code,
      article: ARTICLE_10_ITEMS[2].labelZh,
      en: `${CODES.EXCLUDED_BY_REVIEW.en} Stated reason: ${stated}`,
      zh: `${CODES.EXCLUDED_BY_REVIEW.zh}理由：${stated}`,
    });
    citations.push(ARTICLE_10_ITEMS[2]);
  }
  const applicability: Reason[] = [];
  if (a.registeredInPinggu === false) applicability.push(reason(CODES.NOT_REGISTERED_IN_PINGGU, { article: "第二条" }));
  if (a.liveCommerceBusiness === false) applicability.push(reason(CODES.NOT_IN_LIVE_COMMERCE, { article: "第二条" }));
  const missingFacts = [
    a.registeredInPinggu === undefined ? "applicant.registeredInPinggu" : "",
    a.liveCommerceBusiness === undefined ? "applicant.liveCommerceBusiness" : "",
  ].filter(Boolean);
  const unknown =
    applicability.length === 0 && missingFacts.length > 0
      ? [
          {
            ...reason(CODES.APPLICABILITY_UNKNOWN, { article: "第二条" }),
            en: `${CODES.APPLICABILITY_UNKNOWN.en} Missing: ${missingFacts.join(", ")}.`,
            zh: `${CODES.APPLICABILITY_UNKNOWN.zh}缺少：${missingFacts.join("、")}。`,
          },
        ]
      : [];
  if (applicability.length > 0 || unknown.length > 0) citations.push(ARTICLE_2);
  const reasons = [...excluded, ...applicability, ...unknown];
  const status = excluded.length > 0 ? "excluded" : applicability.length > 0 ? "ineligible" : unknown.length > 0 ? "undetermined" : null;
  return { status, reasons, citations };
}

// -------------------------------------------------------------------------------------------------
// The ledger pass.

// Fact-date order; on the same day, ids in natural order ("s2" before "s10"): see inFactDateOrder.
const claimDate = (w: Working): CivilDate => w.claim.factDate;
const claimId = (w: Working): string => w.claim.id;

/**
 * A cap across claims as it met a claim: what the decision's `crossClaimCaps` entry and reason are
 * written from, when they are read (see `capNotesOf`).
 */
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
 * One claim while the application is decided. Its explanation is kept as the facts it is written from:
 * the facts as read, the reasons of a refusal, the caps it met. `claimDecision` writes the texts.
 */
interface Working {
  readonly claim: Claim;
  readonly index: number;
  readonly bound: BoundClause;
  readonly facts: ReadFacts;
  /** The clause's verdict, decided without explanation. */
  readonly clauseStatus: ClauseStatus;
  /** The clause's amount after its own caps; "0.00" when ineligible, null when undetermined. */
  readonly clauseAmount: string | null;
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
   * clause's caps (recorded only when explaining). Numbers only — the texts of 100,000 claims, kept
   * until a caller reads them, were most of the memory and garbage-collection time of a large
   * application; capNotesOf works the rest out again.
   */
  headrooms: Headrooms;
  paidInstead: ClaimDecision["paidInstead"];
  /** The parts of the decision's explanation once one is read: see claimDecision. */
  shown: Shown | null;
}


/** The parts of a decision's explanation, each once written (or what a caller assigned). */
interface Shown {
  crossClaimCaps: readonly CrossClaimCap[] | typeof UNWRITTEN;
  reasons: readonly Reason[] | typeof UNWRITTEN;
  clause: ClauseResult | typeof UNWRITTEN;
}

/** A part of an explanation not yet written (a caller may assign any value, even undefined). */
const UNWRITTEN: unique symbol = Symbol("pinggu.unwritten");

/** Refuse a claim for a reason of the evaluator's, citing `citations` besides the clause. */
function refuse(w: Working, status: ClaimStatus, reasons: readonly Reason[], citations: readonly ArticleCitation[]): void {
  w.status = status;
  w.reasons = reasons;
  w.citations = citations;
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

function refuseDuplicate(w: Working, paid: PaidInstead): void {
  w.paidInstead = paid;
  const where = paid.source === "history" ? `grant ${paid.id} in the history` : `claim ${paid.id}`;
  const whereZh = paid.source === "history" ? `已拨付记录 ${paid.id}` : `申请 ${paid.id}`;
  const text = {
    code: CODES.DUPLICATE_WITHIN_MEASURES.code,
    article: "第十一条",
    en: `${CODES.DUPLICATE_WITHIN_MEASURES.en} Paid under ${paid.clauseId} (${where}).`,
    zh: `${CODES.DUPLICATE_WITHIN_MEASURES.zh}已按 ${paid.clauseId} 支持（${whereZh}）。`,
  };
  refuse(w, "duplicate", [text], ONLY_ARTICLE_11);
}

const ONLY_ARTICLE_11: readonly ArticleCitation[] = Object.freeze([ARTICLE_11]);
const ONLY_ARTICLE_14: readonly ArticleCitation[] = Object.freeze([ARTICLE_14]);
const NO_CITATIONS: readonly ArticleCitation[] = Object.freeze([]);

/**
 * The caps across claims a paid claim met, worked out again from the headroom each had: the same caps,
 * in the same order, as `quote` went through (those of the clause that count the claim's year, term
 * or project), each meeting what the one before left of the clause's amount.
 */
function capNotesOf(w: Working): CapNote[] {
  const notes: CapNote[] = [];
  if (w.headrooms === null) return notes;
  const headrooms = Array.isArray(w.headrooms) ? (w.headrooms as readonly Decimal[]) : [w.headrooms as Decimal];
  let asked = new Dec(w.clauseAmount as string);
  let index = 0;
  for (const { spec: cap, limitText } of w.bound.prepared.caps) {
    const period = capPeriod(cap.scope, w.year as number, w.claim.projectId);
    if (period === null) continue;
    const before = headrooms[index++] as Decimal;
    const fitted = minDecimal(asked, before);
    notes.push({ cap, limitText, period, before, asked, fitted, after: before.minus(w.paid) });
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

/** What 第十一条 and the ledger made of a claim, on the claim. */
function applySettlement(w: Working, settlement: Settlement<Working>): void {
  switch (settlement.kind) {
    case "duplicate":
      refuseDuplicate(w, settlement.paidInstead);
      return;
    case "twin-undetermined": {
      const twins = settlement.twins.map((t) => `${t.claim.id} (${t.claim.clauseId})`);
      const text = {
        code: CODES.TWIN_UNDETERMINED.code,
        article: "第十一条",
        en: `${CODES.TWIN_UNDETERMINED.en} Undetermined: ${twins.join(", ")}; project ${w.claim.projectId}.`,
        zh: `${CODES.TWIN_UNDETERMINED.zh}尚无法判定：${twins.join("、")}；项目 ${w.claim.projectId}。`,
      };
      refuse(w, "undetermined", [text], ONLY_ARTICLE_11);
      return;
    }
    case "ledger":
      payFromLedger(w, settlement.outcome);
  }
}

/** A claim as the ledger paid it, or refused it for a one-time scope already taken. */
function payFromLedger(w: Working, outcome: LedgerOutcome): void {
  if (outcome.takenBy !== null) {
    const [source, id] = outcome.takenBy.split(/:(.*)/s) as [string, string];
    const scope = w.bound.prepared.once;
    w.paidInstead = { id, clauseId: w.claim.clauseId, source: source === "history" ? "history" : "claim" };
    const text = {
      code: CODES.ALREADY_AWARDED_ONCE.code,
      en: `${CODES.ALREADY_AWARDED_ONCE.en} Scope: ${scope}; awarded to ${source === "history" ? "grant" : "claim"} ${id}.`,
      zh: `${CODES.ALREADY_AWARDED_ONCE.zh}范围：${ONCE_SCOPE_ZH[scope as OnceScope]}；已支持：${id}。`,
    };
    refuse(w, "duplicate", [text], NO_CITATIONS);
    return;
  }
  w.headrooms = outcome.headrooms;
  w.paid = outcome.paid;
  w.status = outcome.paid.lt(outcome.requested) ? "reduced" : "awarded";
}

/** The one-time scopes in words, for Chinese reasons. */
const ONCE_SCOPE_ZH: Readonly<Record<OnceScope, string>> = {
  "per-enterprise": "每家企业一次",
  "per-enterprise-per-year": "每家企业每年一次",
  "per-project": "每个项目一次",
  "per-product": "每个产品一次",
};

// -------------------------------------------------------------------------------------------------

function editionWithPublication(edition: Edition): CivilDate {
  if (edition.publishedOn !== null) return edition.publishedOn;
  throw new PolicyValidationError(
    [
      makeIssue({
        code: "required",
        pathSegments: ["edition", "publishedOn"],
        received: null,
        expected: "the publication date of the edition (第十四条: in force from publication, valid two years)",
        expectedZh: "本版本的发布日期（第十四条：自发布之日起施行，有效期两年）",
        hint: 'the draft has no publication date: derive an edition, e.g. deriveEdition({ publishedOn: "2024-08-19" })',
        hintZh: '征求意见稿没有发布日期：请派生一个版本，例如 deriveEdition({ publishedOn: "2024-08-19" })',
      }),
    ],
    "edition",
  );
}

const WINDOWS = new WeakMap<Edition, ValidityWindow>();

/** 第十四条's window of an edition, worked out once per edition (editions never change), and frozen. */
function windowOf(edition: Edition, publishedOn: CivilDate): ValidityWindow {
  let window = WINDOWS.get(edition);
  if (window === undefined) {
    window = Object.freeze(validityWindow(edition, publishedOn));
    WINDOWS.set(edition, window);
  }
  return window;
}

/**
 * Evaluate a whole application under an edition (the draft by default, which needs a publication date:
 * see `deriveEdition`). Throws PolicyValidationError carrying every issue of the document.
 */
export function evaluate<T>(applicationInput: T & ApplicationArgument<T>, edition: Edition = DRAFT_EDITION): Decision {
  return decide(applicationInput, edition, true);
}

/**
 * The evaluation itself. `stamp` computes the audit hashes; population simulations skip them (the
 * stamp then carries empty hashes and is not an audit record).
 */
export function decide(applicationInput: ApplicationInput | unknown, given: Edition, stamp: boolean): Decision {
  const edition = frozenEdition(given);
  return documentOf(applicationInput, edition, settle(applicationInput, edition), stamp);
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
  /** Internal: what the decision document is written from. */
  readonly working: readonly Working[];
  readonly ordered: readonly Working[];
  readonly standing: ApplicantStanding;
  readonly window: ValidityWindow;
  readonly history: readonly Grant[];
}

/**
 * Decide every claim of an application: validation, applicability, exclusions, the window, double
 * dipping, one-time scopes and caps. Throws PolicyValidationError for a malformed document.
 * Clauses are always decided without explanation here (a decision document explains each claim when
 * it is read: see `claimDecision`); `explain: false` also leaves out what those explanations would be
 * written from (the headroom of each cap across claims): what the population simulation needs. Such a
 * result must not be turned into a decision document.
 */
export function settle(applicationInput: ApplicationInput | unknown, given: Edition, explain = true): Settled {
  const edition = frozenEdition(given);
  const ctx = contextOf(edition);
  const publishedOn = editionWithPublication(edition);
  const window = windowOf(edition, publishedOn);
  const { application, facts, statuses, amounts } = validate(applicationInput, ctx);
  const history = application.history ?? [];
  const standing = applicantStanding(application);

  const working: Working[] = application.claims.map((claim, index) => {
    const bound = boundClause(claim.clauseId as ClauseId, edition);
    const placement = placeClaim(bound.prepared.rule as MeasuresRule, claim, facts[index] as ReadFacts, ctx, window);
    return {
      claim,
      index,
      bound,
      facts: facts[index] as ReadFacts,
      clauseStatus: statuses[index] as ClauseStatus,
      clauseAmount: amounts[index] as string | null,
      placement,
      year: placement.year,
      sequence: 0,
      status: null,
      reasons: null,
      citations: null,
      paid: ZERO,
      headrooms: null,
      paidInstead: null,
      shown: null,
    };
  });
  const ordered = inFactDateOrder(working, claimDate, claimId);

  // Projects that a claim declares supported by another policy (the earliest such claim of each). The
  // passes over the claims in date order are few: at 100,000 claims each one is a walk through memory in
  // an order unrelated to where the claims lie.
  let supportedElsewhere: Map<string, Working> | undefined;
  if (application.claims.some((claim) => claim.otherPolicySupport !== undefined)) {
    for (const w of ordered) {
      const project = w.claim.projectId;
      if (!w.claim.otherPolicySupport || project === undefined) continue;
      supportedElsewhere ??= new Map();
      if (!supportedElsewhere.has(project)) supportedElsewhere.set(project, w);
    }
  }

  const candidates: Working[] = [];
  const undetermined: Working[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const w = ordered[i] as Working;
    w.sequence = i + 1;
    const { claim } = w;
    if (standing.status) {
      refuse(w, standing.status, standing.reasons, standing.citations);
      continue;
    }
    if (!w.placement.inWindow) {
      const span = w.placement.lastPaidDay === "none";
      const text = {
        code: CODES.OUT_OF_WINDOW.code,
        article: "第十四条",
        en: `${CODES.OUT_OF_WINDOW.en} ${span ? `No day of the period ending ${claim.factDate} lies in the window` : `Fact date ${claim.factDate}`}; window ${window.from} to ${window.to} inclusive.`,
        zh: `${CODES.OUT_OF_WINDOW.zh}${span ? `截至 ${claim.factDate} 的期间没有一天在有效期内` : `发生日期 ${claim.factDate}`}；有效期 ${window.from} 至 ${window.to}（含首尾）。`,
      };
      refuse(w, "out-of-window", [text], ONLY_ARTICLE_14);
      continue;
    }
    const project = projectUnderArticle11(w);
    const declared = claim.otherPolicySupport ? null : project === undefined ? undefined : supportedElsewhere?.get(project);
    if (claim.otherPolicySupport || declared) {
      // Declared on this claim, or on another claim of the same project: §5 refuses a claim whose
      // project or expenditure already received support under another policy.
      const support = (claim.otherPolicySupport ?? declared?.claim.otherPolicySupport) as NonNullable<Claim["otherPolicySupport"]>;
      const policy = support.policy;
      const via = declared ? ` (project ${claim.projectId}, declared on claim ${declared.claim.id})` : "";
      const viaZh = declared ? `（项目 ${claim.projectId}，见申请 ${declared.claim.id}）` : "";
      const text = {
        code: CODES.SUPPORTED_BY_OTHER_POLICY.code,
        article: "第十一条",
        en: `${CODES.SUPPORTED_BY_OTHER_POLICY.en} Other policy: ${policy}${via}.`,
        zh: `${CODES.SUPPORTED_BY_OTHER_POLICY.zh}其他政策：${policy}${viaZh}。`,
      };
      refuse(w, "duplicate", [text], ONLY_ARTICLE_11);
      continue;
    }
    if (w.clauseStatus !== "eligible") {
      // The clause's own reasons: written with its explanation, when read (see claimDecision).
      w.status = w.clauseStatus;
      if (w.clauseStatus === "undetermined") undetermined.push(w);
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
  return { application, claims: working as readonly SettledClaim[], working, ordered, standing, window, history };
}

/**
 * A claim's decision. Its figures are written now; its explanation — the cross-claim cap entries, the
 * reasons and the clause's own explanation (conditions, arithmetic, caps) — is written when first read
 * and then kept: the same text every time, since everything it is written from is immutable (the facts
 * as read, the edition, the numbers the ledger gave). An application of 100,000 claims keeps numbers
 * instead of 100,000 explanations that a caller may never read (their texts were most of its memory, and
 * of the garbage collector's time). The object is plain data all the same: `crossClaimCaps`, `reasons`
 * and `clause` are enumerable properties in their usual places, so JSON.stringify, structuredClone,
 * spreading and deep equality read them like any other, and assigning one replaces it.
 */
function claimDecision(w: Working): ClaimDecision {
  const status = w.status as ClaimStatus;
  const paying = status === "awarded" || status === "reduced";
  const decision = {
    claimId: w.claim.id,
    clauseId: w.claim.clauseId,
    factDate: w.claim.factDate,
    year: w.year,
    sequence: w.sequence,
    status,
    amount: paying ? formatMoney(w.paid) : status === "undetermined" ? null : "0.00",
    amountBeforeCrossClaimCaps: w.clauseStatus === "eligible" ? w.clauseAmount : null,
  };
  // Accessors shared by every decision (one set of functions; each object keeps a fast, shared shape),
  // added in the order of the fields, reading the claim's record from RECORDS.
  Object.defineProperty(decision, "crossClaimCaps", LAZY_CROSS_CLAIM_CAPS);
  const withCitations = decision as typeof decision & { paidInstead: ClaimDecision["paidInstead"]; citations: readonly ArticleCitation[] };
  withCitations.paidInstead = w.paidInstead;
  const citation = clauseCitation(w.bound.prepared.rule.citation);
  withCitations.citations = w.citations === null ? [citation] : [citation, ...w.citations];
  Object.defineProperty(decision, "reasons", LAZY_REASONS);
  Object.defineProperty(decision, "clause", LAZY_CLAUSE);
  RECORDS.set(decision, w);
  return decision as unknown as ClaimDecision;
}

/**
 * The claim behind each decision: what its explanation is written from, and the parts written. Kept
 * beside the decision, not in it: nothing of the library (its rules, their schemas, shared decimals) nor
 * the caller's input may be reachable from a decision, or a deep freeze of the decision (which walks
 * every own key, symbols too) would freeze them for the whole process.
 */
const RECORDS = new WeakMap<object, Working>();

function recordOf(decision: object): Working {
  return RECORDS.get(decision) as Working;
}

/** The clause's own explanation: its facts decided again, explaining (decideFacts is pure). */
function explainedClause(w: Working): ClauseResult {
  return shownPart(w, "clause", (record) => decideFacts(record.bound.prepared, record.facts, record.bound.env));
}

/**
 * A part of a claim's explanation: the one written (or assigned) before, else written now and kept. Not
 * kept when the caller has frozen the record (a deep freeze that walks symbol keys without reading the
 * accessors): then each read writes it again — the same text, from the same immutable facts.
 */
function shownPart<K extends keyof Shown>(w: Working, key: K, write: (w: Working) => Exclude<Shown[K], typeof UNWRITTEN>): Exclude<Shown[K], typeof UNWRITTEN> {
  // Anything but UNWRITTEN was written or assigned before (even undefined).
  if (w.shown !== null && w.shown[key] !== UNWRITTEN) return w.shown[key] as Exclude<Shown[K], typeof UNWRITTEN>;
  const value = write(w);
  const shown = w.shown ?? (Object.isFrozen(w) ? null : (w.shown = { crossClaimCaps: UNWRITTEN, reasons: UNWRITTEN, clause: UNWRITTEN }));
  if (shown !== null && !Object.isFrozen(shown)) shown[key] = value;
  return value;
}

function lazyAccessor<K extends keyof Shown>(key: K, write: (w: Working) => Exclude<Shown[K], typeof UNWRITTEN>): PropertyDescriptor {
  return Object.freeze({
    enumerable: true,
    configurable: true,
    get(this: object): unknown {
      return shownPart(recordOf(this), key, write);
    },
    // Assigning replaces the part, as it would a data field; on a frozen decision it fails as assigning
    // a frozen data field does in strict code.
    set(this: object, value: Exclude<Shown[K], typeof UNWRITTEN>): void {
      const w = recordOf(this);
      const shown = Object.isFrozen(this) || Object.isFrozen(w) ? null : (w.shown ??= { crossClaimCaps: UNWRITTEN, reasons: UNWRITTEN, clause: UNWRITTEN });
      if (shown === null || Object.isFrozen(shown)) throw new TypeError(`Cannot assign to read only property '${key}' of object`);
      shown[key] = value;
    },
  });
}

const LAZY_CROSS_CLAIM_CAPS = lazyAccessor("crossClaimCaps", (w) => capNotesOf(w).map(crossClaimCapOf));

/**
 * A claim's reasons: the evaluator's when it refused the claim; the clause's when the clause did not
 * find it eligible; else those of the caps across claims that reduced it.
 */
const LAZY_REASONS = lazyAccessor("reasons", (w) => {
  if (w.reasons !== null) return [...w.reasons];
  if (w.clauseStatus !== "eligible") return [...explainedClause(w).reasons];
  return capNotesOf(w)
    .filter((note) => note.fitted.lt(note.asked))
    .map(crossClaimCapReason);
});

const LAZY_CLAUSE = lazyAccessor("clause", explainedClause);

function documentOf(applicationInput: unknown, edition: Edition, settled: Settled, stamp: boolean): Decision {
  const { application, working, standing, window, history } = settled;
  const byClause: Record<string, Decimal> = {};
  const byYear: Record<string, Decimal> = {};
  const byStatus: Record<ClaimStatus, number> = {
    awarded: 0,
    reduced: 0,
    ineligible: 0,
    undetermined: 0,
    excluded: 0,
    duplicate: 0,
    "out-of-window": 0,
  };
  let overall: Decimal = ZERO;
  const claims: ClaimDecision[] = working.map((w) => {
    const status = w.status as ClaimStatus;
    byStatus[status] += 1;
    if (status === "awarded" || status === "reduced") {
      overall = overall.plus(w.paid);
      byClause[w.claim.clauseId] = (byClause[w.claim.clauseId] ?? ZERO).plus(w.paid);
      const yearKey = String(w.year);
      byYear[yearKey] = (byYear[yearKey] ?? ZERO).plus(w.paid);
    }
    return claimDecision(w);
  });

  const format = (record: Record<string, Decimal>): Record<string, string> =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, formatMoney(record[key] as Decimal)]),
    );

  return {
    applicant: { name: application.applicant.name, creditCode: application.applicant.creditCode },
    edition: { id: edition.id, name: edition.name, switches: edition.switches },
    window,
    applicantReasons: standing.reasons,
    claims,
    totals: { overall: formatMoney(overall), byClause: format(byClause), byYear: format(byYear), byStatus },
    recoveries: recoveriesOf(history, application.applicant.misconductFindings ?? []),
    audit: {
      library: LIBRARY_NAME,
      version: LIBRARY_VERSION,
      hashAlgorithm: "SHA-256",
      canonicalization: "sorted-keys JSON (RFC 8785 style)",
      editionHash: stamp ? editionHash(edition) : "",
      inputHash: stamp ? canonicalJsonSha256(applicationInput) : "",
    },
  };
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

export type { ClauseId };
