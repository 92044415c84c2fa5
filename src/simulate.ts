/**
 * Budget impact at population scale: run every application of a population through the same evaluator
 * that decides single applications, under one or more editions (the draft and what-ifs derived from it),
 * and total the cost by clause and year, count the beneficiaries, keep the largest awards and the
 * distribution of award sizes, and compare each edition with the first.
 *
 * Money is totalled in integer fen (exact: every award has two decimals), never in floats. An optional
 * budget envelope (总额控制) scales awards pro rata when they exceed it, rounding to the fen by the
 * largest-remainder method so that the scaled awards add up to the envelope exactly.
 */
import { creditCodeOf, mergeApplications, sameApplicantIssue } from "./batch.js";
import { type ClaimStatus, settle } from "./evaluate.js";
import { type Decimal, formatMoney, isDecimal, MAX_MONEY, readDecimal, ZERO } from "./kernel/decimal.js";
import { issueAt, makeIssue, PolicyValidationError, type ValidationIssue } from "./kernel/errors.js";
import type { Bilingual } from "./kernel/conditions.js";
import type { Edition } from "./measures/edition.js";
import { validateEdition } from "./measures/edition-validation.js";
import { listClauseIds } from "./measures/registry.js";

export interface SimulationOptions {
  /** 总额控制: the most that may be paid in all, in yuan. Awards above it are scaled pro rata. */
  readonly budgetEnvelope?: string | number;
  /** How many of the largest single awards to keep per edition (default 10). */
  readonly largest?: number;
  /** How many invalid applications to describe in full per edition (default 20); all are counted. */
  readonly invalidDetails?: number;
  /**
   * One applicant, one ledger: applications with the credit code of an earlier one are refused as
   * invalid, naming the first (default), or — true — merged with it into one application (claims
   * together, histories as the union by grant id). Merging holds the population's applications until
   * the result is asked for; refusing holds only the credit codes seen.
   */
  readonly mergeSameApplicant?: boolean;
  /**
   * A simulation always decides only: it keeps totals, distributions and the largest awards, never a
   * claim's explanation (evaluate an application to explain it). `false` says so and is accepted, as
   * `evaluate` and `evaluateClause` accept it; `true` is refused.
   */
  readonly explain?: false;
}

export interface AwardRecord {
  readonly applicant: string;
  readonly creditCode: string;
  readonly claimId: string;
  readonly clauseId: string;
  readonly year: number;
  readonly amount: string;
}

export interface DistributionBand {
  /** Applicants whose total award lies in (from, to]; the first band is exactly 0. */
  readonly from: string;
  readonly to: string | null;
  readonly label: string;
  readonly applicants: number;
  readonly total: string;
}

export interface Difference {
  readonly overall: string;
  readonly byClause: Readonly<Record<string, string>>;
  readonly byYear: Readonly<Record<string, string>>;
}

export interface EnvelopeReport {
  readonly limit: string;
  /** Total the measures would pay without the envelope. */
  readonly requested: string;
  readonly scaled: boolean;
  /** Total actually paid (equals the limit exactly when scaled). */
  readonly paid: string;
  readonly note: Bilingual;
}

export interface EditionSummary {
  readonly edition: { readonly id: string; readonly name: Bilingual };
  readonly applications: number;
  readonly invalidApplications: number;
  /** The first invalid applications (index in the population), with every issue (path, expected, zh/en). */
  readonly invalid: readonly { readonly index: number; readonly message: string; readonly issues: readonly ValidationIssue[] }[];
  readonly claims: number;
  readonly beneficiaries: number;
  readonly byStatus: Readonly<Record<ClaimStatus, number>>;
  readonly totals: {
    readonly overall: string;
    readonly byClause: Readonly<Record<string, string>>;
    readonly byYear: Readonly<Record<string, string>>;
  };
  readonly largestAwards: readonly AwardRecord[];
  readonly distribution: readonly DistributionBand[];
  /** This edition minus the first (null for the first edition). */
  readonly differenceFromFirst: Difference | null;
  readonly envelope: EnvelopeReport | null;
}

export interface SimulationResult {
  readonly editions: readonly EditionSummary[];
}

/** Award bands (yuan) for the distribution of applicants' totals; upper ends included. */
const BAND_EDGES = [0, 50_000, 100_000, 200_000, 300_000, 500_000, 1_000_000, 2_000_000];

const CLAIM_STATUSES: readonly ClaimStatus[] = ["awarded", "reduced", "ineligible", "undetermined", "excluded", "duplicate", "out-of-window"];

/** Two-decimal money string → integer fen. Exact: decisions always print two places. */
function toFen(amount: string): number {
  const negative = amount.startsWith("-");
  const digits = (negative ? amount.slice(1) : amount).replace(".", "");
  const fen = Number(digits);
  return negative ? -fen : fen;
}

/** An amount paid (whole fen at most) in fen, exactly: from its scaled integer when it has one. */
function fenOf(amount: Decimal): number {
  if (amount.big === null && amount.k <= 2) {
    const fen = amount.m * (amount.k === 2 ? 1 : amount.k === 1 ? 10 : 100);
    if (Number.isSafeInteger(fen)) return fen;
  }
  return toFen(formatMoney(amount));
}

function fenText(fen: number | bigint): string {
  const value = typeof fen === "bigint" ? fen : BigInt(fen);
  const negative = value < BigInt(0);
  const abs = negative ? -value : value;
  const yuan = abs / BigInt(100);
  const cents = (abs % BigInt(100)).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${yuan}.${cents}`;
}

function signedFenText(fen: number): string {
  return fen > 0 ? `+${fenText(fen)}` : fenText(fen);
}

function safeAdd(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError("simulation total exceeds the exactly representable range of fen");
  return sum;
}

interface ClaimAward {
  fen: number;
  clause: number;
  year: number;
  applicant: number;
  claimId: string;
}

function clauseIndex(clauseId: string): number {
  return (listClauseIds() as readonly string[]).indexOf(clauseId);
}

/** Larger first; ties by credit code then claim id, so the list does not depend on input order. */
function byLargest(a: AwardRecord, b: AwardRecord): number {
  return (
    toFen(b.amount) - toFen(a.amount) ||
    (a.creditCode < b.creditCode ? -1 : a.creditCode > b.creditCode ? 1 : a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0)
  );
}

/** Per-edition running totals. Keeps every paid award only when an envelope may need to scale them. */
class EditionAccumulator {
  applications = 0;
  invalidApplications = 0;
  readonly invalid: { index: number; message: string; issues: readonly ValidationIssue[] }[] = [];
  claims = 0;
  readonly byStatus: Record<ClaimStatus, number> = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  readonly byClauseFen = new Map<string, number>();
  readonly byYearFen = new Map<string, number>();
  overallFen = 0;
  readonly applicantTotals: number[] = [];
  readonly applicantNames: { name: string; creditCode: string }[] = [];
  largest: AwardRecord[] = [];
  readonly awards: ClaimAward[] = [];

  constructor(
    readonly edition: Edition,
    private readonly keepAwards: boolean,
    private readonly largestCount: number,
    private readonly invalidDetails: number,
  ) {}

  /** An application refused before it is decided (a second one of an applicant), counted as invalid. */
  refuse(error: PolicyValidationError, index: number): void {
    this.applications += 1;
    this.invalidApplications += 1;
    if (this.invalid.length < this.invalidDetails) this.invalid.push({ index, message: error.message, issues: error.issues });
  }

  add(application: unknown, index: number): void {
    this.applications += 1;
    let decision;
    try {
      // The claims as settled, without the decision document: the same decisions as evaluate(), which
      // writes its document from this (test/simulate.test.ts compares the totals).
      // Amounts only: the explanations of every clause would be written for nothing.
      decision = settle(application, this.edition, false);
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      this.invalidApplications += 1;
      if (this.invalid.length < this.invalidDetails) this.invalid.push({ index, message: error.message, issues: error.issues });
      return;
    }
    const applicantIndex = this.applicantTotals.length;
    let applicantFen = 0;
    const applicant = decision.application.applicant;
    for (const settled of decision.claims) {
      this.claims += 1;
      this.byStatus[settled.status] += 1;
      if (settled.status !== "awarded" && settled.status !== "reduced") continue;
      const fen = fenOf(settled.paid);
      if (fen === 0) continue;
      applicantFen += fen;
      const year = settled.year as number;
      const { id: claimId, clauseId } = settled.claim;
      if (this.keepAwards) {
        this.awards.push({ fen, clause: clauseIndex(clauseId), year, applicant: applicantIndex, claimId });
      } else {
        this.count(clauseId, year, fen);
        this.offerLargest(applicant.name, applicant.creditCode, claimId, clauseId, year, fen);
      }
    }
    this.applicantTotals.push(applicantFen);
    // Who each applicant is matters only when an envelope re-ranks the awards afterwards; otherwise
    // keeping a million applicants' names is memory for nothing (peak RSS 346 → 161 MB on 1M claims).
    if (this.keepAwards) this.applicantNames.push({ name: applicant.name, creditCode: applicant.creditCode });
  }

  count(clauseId: string, year: number, fen: number): void {
    this.overallFen = safeAdd(this.overallFen, fen);
    this.byClauseFen.set(clauseId, safeAdd(this.byClauseFen.get(clauseId) ?? 0, fen));
    const yearKey = String(year);
    this.byYearFen.set(yearKey, safeAdd(this.byYearFen.get(yearKey) ?? 0, fen));
  }

  offerLargest(applicant: string, creditCode: string, claimId: string, clauseId: string, year: number, fen: number): void {
    if (this.largestCount === 0) return;
    const award = { applicant, creditCode, claimId, clauseId, year, amount: fenText(fen) };
    const last = this.largest[this.largest.length - 1];
    // A full list takes only an award that ranks before its last one — by the same order as the sort,
    // ties included, so that which of two equal awards is kept never depends on which came first.
    if (this.largest.length >= this.largestCount && last && byLargest(award, last) >= 0) return;
    this.largest.push(award);
    this.largest.sort(byLargest);
    if (this.largest.length > this.largestCount) this.largest.length = this.largestCount;
  }

  /** Apply the envelope (if any) and aggregate the kept awards. */
  settle(envelopeFen: bigint | null): EnvelopeReport | null {
    if (!this.keepAwards) return null;
    const requested = this.awards.reduce((sum, award) => sum + BigInt(award.fen), BigInt(0));
    const scale = envelopeFen !== null && requested > envelopeFen;
    if (scale) scaleLargestRemainder(this.awards, requested, envelopeFen as bigint);
    this.applicantTotals.fill(0);
    const clauseIds = listClauseIds();
    for (const award of this.awards) {
      this.applicantTotals[award.applicant] = (this.applicantTotals[award.applicant] as number) + award.fen;
      if (award.fen === 0) continue;
      const clauseId = clauseIds[award.clause] as string;
      this.count(clauseId, award.year, award.fen);
      const who = this.applicantNames[award.applicant] as { name: string; creditCode: string };
      this.offerLargest(who.name, who.creditCode, award.claimId, clauseId, award.year, award.fen);
    }
    const limit = fenText(envelopeFen as bigint);
    return {
      limit,
      requested: fenText(requested),
      scaled: scale,
      paid: fenText(this.overallFen),
      note: scale
        ? {
            en: `Awards of ${fenText(requested)} exceed the budget envelope of ${limit}: every award was scaled pro rata and rounded to the fen by largest remainder, so they add up to ${limit} exactly.`,
            zh: `核定金额合计 ${fenText(requested)} 超过总额控制 ${limit}：各项金额按比例折算，并以最大余额法取整至分，合计恰为 ${limit}。`,
          }
        : {
            en: `Awards of ${fenText(requested)} are within the budget envelope of ${limit}: nothing was scaled.`,
            zh: `核定金额合计 ${fenText(requested)} 未超过总额控制 ${limit}：未作折算。`,
          },
    };
  }

  summary(first: EditionAccumulator | null, envelope: EnvelopeReport | null): EditionSummary {
    const sortedRecord = (map: Map<string, number>): Record<string, string> =>
      Object.fromEntries([...map.keys()].sort().map((key) => [key, fenText(map.get(key) as number)]));
    return {
      edition: { id: this.edition.id, name: this.edition.name },
      applications: this.applications,
      invalidApplications: this.invalidApplications,
      invalid: this.invalid,
      claims: this.claims,
      beneficiaries: this.applicantTotals.filter((fen) => fen > 0).length,
      byStatus: { ...this.byStatus },
      totals: { overall: fenText(this.overallFen), byClause: sortedRecord(this.byClauseFen), byYear: sortedRecord(this.byYearFen) },
      largestAwards: this.largest,
      distribution: distribution(this.applicantTotals),
      differenceFromFirst: first ? difference(this, first) : null,
      envelope,
    };
  }
}

/**
 * What `scaleLargestRemainder` needs: awards of whole fen ≥ 0 summing to `total` > 0, and a `target`
 * from 0 to `total` (it scales down, never up: the envelope is what may be paid at most).
 */
function scaleIssues(awards: unknown, total: unknown, target: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let sum = BigInt(0);
  if (!Array.isArray(awards)) {
    issues.push(makeIssue({ code: "invalid_type", pathSegments: ["awards"], received: awards, expected: "an array of { fen } awards", expectedZh: "{ fen } 奖励的数组" }));
  } else {
    awards.forEach((award: unknown, i) => {
      const fen = typeof award === "object" && award !== null ? (award as { fen?: unknown }).fen : undefined;
      if (typeof fen === "number" && Number.isSafeInteger(fen) && fen >= 0) sum += BigInt(fen);
      else issues.push(makeIssue({ code: "invalid_value", pathSegments: ["awards", i, "fen"], received: fen, expected: "a whole number of fen, 0 or more", expectedZh: "以分计的非负整数" }));
    });
  }
  if (typeof total !== "bigint" || total <= BigInt(0)) {
    issues.push(makeIssue({ code: "invalid_value", pathSegments: ["total"], received: total, expected: "a bigint of fen, more than 0", expectedZh: "大于 0 的 bigint（分）" }));
  } else if (issues.length === 0 && sum !== total) {
    issues.push(makeIssue({ code: "inconsistent", pathSegments: ["total"], received: total, expected: `the sum of the awards, ${sum} fen`, expectedZh: `各奖励之和 ${sum} 分` }));
  }
  if (typeof target !== "bigint" || target < BigInt(0) || (typeof total === "bigint" && target > total)) {
    issues.push(makeIssue({ code: "invalid_value", pathSegments: ["target"], received: target, expected: "a bigint of fen from 0 to total", expectedZh: "0 至 total 之间的 bigint（分）" }));
  }
  return issues;
}

/**
 * Scale fen amounts so that they sum to `target` exactly: each gets ⌊a·target/total⌋, and the fen left
 * over go one each to the largest remainders (ties: the earlier award, in population order).
 */
export function scaleLargestRemainder(awards: { fen: number }[], total: bigint, target: bigint): void {
  refuse(scaleIssues(awards, total, target), "scaleLargestRemainder");
  const remainders: { index: number; remainder: bigint }[] = [];
  let assigned = BigInt(0);
  awards.forEach((award, index) => {
    const numerator = BigInt(award.fen) * target;
    const scaled = numerator / total;
    assigned += scaled;
    remainders.push({ index, remainder: numerator % total });
    award.fen = Number(scaled);
  });
  let left = Number(target - assigned);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let i = 0; left > 0; i++, left--) {
    const award = awards[(remainders[i] as { index: number }).index] as { fen: number };
    award.fen += 1;
  }
}

function distribution(applicantTotals: readonly number[]): DistributionBand[] {
  // The first band is exactly 0; each later band is (from, to].
  const ranges = [{ from: 0, to: 0 as number | null }, ...BAND_EDGES.map((edge, i) => ({ from: edge, to: BAND_EDGES[i + 1] ?? null }))];
  const counts = ranges.map((range) => ({ ...range, applicants: 0, fen: 0 }));
  for (const fen of applicantTotals) {
    const yuan = fen / 100;
    let band = 0;
    if (fen > 0) {
      band = counts.findIndex((range, i) => i > 0 && yuan > range.from && (range.to === null || yuan <= range.to));
    }
    const target = counts[band] as { applicants: number; fen: number };
    target.applicants += 1;
    target.fen = safeAdd(target.fen, fen);
  }
  return counts.map((range, i) => ({
    from: fenText(range.from * 100),
    to: range.to === null ? null : fenText(range.to * 100),
    label: i === 0 ? "0" : range.to === null ? `> ${range.from.toLocaleString("en-US")}` : `${range.from.toLocaleString("en-US")} – ${range.to.toLocaleString("en-US")}`,
    applicants: range.applicants,
    total: fenText(range.fen),
  }));
}

function difference(edition: EditionAccumulator, first: EditionAccumulator): Difference {
  const diff = (a: Map<string, number>, b: Map<string, number>): Record<string, string> => {
    const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
    return Object.fromEntries(keys.map((key) => [key, signedFenText((a.get(key) ?? 0) - (b.get(key) ?? 0))]));
  };
  return {
    overall: signedFenText(edition.overallFen - first.overallFen),
    byClause: diff(edition.byClauseFen, first.byClauseFen),
    byYear: diff(edition.byYearFen, first.byYearFen),
  };
}

function envelopeFen(raw: string | number | undefined): bigint | null {
  if (raw === undefined) return null;
  const value = readDecimal(raw, { min: ZERO, max: MAX_MONEY, what: "a budget envelope in yuan", whatZh: "以元为单位的总额控制" });
  if (!isDecimal(value)) {
    throw new PolicyValidationError(
      [
        makeIssue({
          code: "invalid_value",
          pathSegments: ["options", "budgetEnvelope"],
          received: raw,
          expected: value.expected,
          expectedZh: value.expectedZh,
          hint: value.hintEn,
          hintZh: value.hintZh,
        }),
      ],
      "simulation options",
    );
  }
  return BigInt(value.times(100).round(0, 0).toFixed(0));
}

const OPTION_KEYS = ["budgetEnvelope", "largest", "invalidDetails", "mergeSameApplicant", "explain"];
/** A sanity ceiling for the lists a summary keeps (largest awards, invalid applications described). */
const MAX_LISTED = 1_000_000;

function refuse(issues: readonly ValidationIssue[], context: string): void {
  if (issues.length > 0) throw new PolicyValidationError(issues, context);
}

/** The population is something to iterate over (an array, a generator; for simulateAsync, a stream too). */
function populationIssues(population: unknown, async: boolean): ValidationIssue[] {
  // A string is iterable too, one character at a time: not a population.
  const iterable =
    (typeof population === "object" || typeof population === "function") &&
    population !== null &&
    (typeof (population as Iterable<unknown>)[Symbol.iterator] === "function" ||
      (async && typeof (population as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function"));
  if (iterable) return [];
  return [
    makeIssue({
      code: "invalid_type",
      pathSegments: ["population"],
      received: population,
      expected: async ? "an iterable or async iterable of application documents (an array, a generator, a stream)" : "an iterable of application documents (an array, a generator)",
      expectedZh: async ? "申请文件的可迭代对象或异步可迭代对象（数组、生成器、流）" : "申请文件的可迭代对象（数组、生成器）",
    }),
  ];
}

function countOption(raw: unknown, name: string, fallback: number, issues: ValidationIssue[]): number {
  if (raw === undefined) return fallback;
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0 && raw <= MAX_LISTED) return raw;
  issues.push(
    makeIssue({ code: "invalid_value", pathSegments: ["options", name], received: raw, expected: `a whole number from 0 to ${MAX_LISTED}`, expectedZh: `0 至 ${MAX_LISTED} 之间的整数` }),
  );
  return fallback;
}

/** `Simulation`'s arguments read once and checked: the editions validated and sealed, the options read. */
function readSimulationArguments(
  editions: unknown,
  options: unknown,
  issues: ValidationIssue[],
): { editions: Edition[]; envelope: bigint | null; largest: number; invalidDetails: number; mergeSameApplicant: boolean } {
  const checked: Edition[] = [];
  if (!Array.isArray(editions) || editions.length === 0) {
    issues.push(
      makeIssue({
        code: Array.isArray(editions) ? "invalid_value" : "invalid_type",
        pathSegments: ["editions"],
        received: editions,
        expected: "a list of at least one edition (the draft, one of deriveEdition, or a complete edition)",
        expectedZh: "至少包含一个版本的列表（草案、deriveEdition 派生的版本或完整的版本）",
      }),
    );
  } else {
    editions.forEach((edition: unknown, i) => {
      try {
        checked.push(validateEdition(edition, ["editions", i]));
      } catch (error) {
        if (!(error instanceof PolicyValidationError)) throw error;
        issues.push(...error.issues);
      }
    });
  }
  let envelope: bigint | null = null;
  let largest = 10;
  let invalidDetails = 20;
  let mergeSameApplicant = false;
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) {
    issues.push(makeIssue({ code: "invalid_type", pathSegments: ["options"], received: options, expected: "an object { budgetEnvelope?, largest?, invalidDetails?, mergeSameApplicant?, explain? }", expectedZh: "对象 { budgetEnvelope?, largest?, invalidDetails?, mergeSameApplicant?, explain? }" }));
  } else if (options !== undefined) {
    for (const key of Object.keys(options)) {
      if (!OPTION_KEYS.includes(key)) {
        issues.push(
          makeIssue({ code: "unknown_field", pathSegments: ["options", key], received: undefined, expected: `no option named "${key}"; known options: ${OPTION_KEYS.join(", ")}`, expectedZh: `没有名为“${key}”的选项；已知选项：${OPTION_KEYS.join("、")}` }),
        );
      }
    }
    const o = options as { budgetEnvelope?: unknown; largest?: unknown; invalidDetails?: unknown; mergeSameApplicant?: unknown; explain?: unknown };
    if (o.explain !== undefined && o.explain !== false) {
      issues.push(
        makeIssue({
          code: "invalid_value",
          pathSegments: ["options", "explain"],
          received: o.explain,
          expected: "false or nothing: a simulation decides only (evaluate an application to explain its claims)",
          expectedZh: "false 或不填：模拟只作判定（如需说明，请对单份申请调用 evaluate）",
        }),
      );
    }
    if (o.mergeSameApplicant !== undefined && typeof o.mergeSameApplicant !== "boolean") {
      issues.push(makeIssue({ code: "invalid_type", pathSegments: ["options", "mergeSameApplicant"], received: o.mergeSameApplicant, expected: "true or false", expectedZh: "true 或 false" }));
    }
    mergeSameApplicant = o.mergeSameApplicant === true;
    largest = countOption(o.largest, "largest", largest, issues);
    invalidDetails = countOption(o.invalidDetails, "invalidDetails", invalidDetails, issues);
    try {
      envelope = envelopeFen(o.budgetEnvelope as string | number | undefined);
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      issues.push(...error.issues);
    }
  }
  refuse(issues, issues.every((issue) => issue.pathSegments[0] === "options") ? "simulation options" : "simulation");
  return { editions: checked, envelope, largest, invalidDetails, mergeSameApplicant };
}

/** A running simulation: feed it applications one by one (from an array, a generator or a stream). */
export class Simulation {
  private readonly accumulators: EditionAccumulator[];
  private readonly envelope: bigint | null;
  private index = 0;
  /** Refusing: the index of the first application of each credit code seen. */
  private readonly firstOf = new Map<string, number>();
  /** Merging: the applications held, by credit code (or alone, without one), in order of first sight. */
  private readonly held: { readonly code: string | null; readonly indexes: number[]; readonly documents: unknown[] }[] | null;
  private readonly heldByCode = new Map<string, { readonly indexes: number[]; readonly documents: unknown[] }>();

  constructor(editions: readonly Edition[], options: SimulationOptions = {}) {
    // Every argument checked first, every problem at once (docs/conventions.md §4: editions validated
    // wherever they enter); validation seals each edition, so one edited while the simulation runs does
    // not change its figures halfway.
    const checked = readSimulationArguments(editions, options, []);
    this.held = checked.mergeSameApplicant ? [] : null;
    this.envelope = checked.envelope;
    const keep = this.envelope !== null;
    this.accumulators = checked.editions.map((edition) => new EditionAccumulator(edition, keep, checked.largest, checked.invalidDetails));
  }

  /** Evaluate one application under every edition (merging: hold it until the result is asked for). */
  add(application: unknown): void {
    const index = this.index++;
    const code = creditCodeOf(application);
    if (this.held !== null) {
      const group = code === null ? undefined : this.heldByCode.get(code);
      if (group !== undefined) {
        group.indexes.push(index);
        group.documents.push(application);
        return;
      }
      const fresh = { code, indexes: [index], documents: [application] };
      this.held.push(fresh);
      if (code !== null) this.heldByCode.set(code, fresh);
      return;
    }
    if (code !== null) {
      const first = this.firstOf.get(code);
      if (first !== undefined) {
        // The issue's path is within the application, as every other invalid application's is.
        const error = new PolicyValidationError([issueAt(sameApplicantIssue(first, index, code), ["applicant", "creditCode"])], "simulation");
        for (const accumulator of this.accumulators) accumulator.refuse(error, index);
        return;
      }
      this.firstOf.set(code, index);
    }
    for (const accumulator of this.accumulators) accumulator.add(application, index);
  }

  /** Merging: decide the held applications, each applicant's merged into one. */
  private decideHeld(): void {
    if (this.held === null) return;
    for (const group of this.held.splice(0)) {
      const index = group.indexes[0] as number;
      let document: unknown = group.documents[0];
      if (group.documents.length > 1) {
        try {
          document = mergeApplications(group.documents);
        } catch (error) {
          if (!(error instanceof PolicyValidationError)) throw error;
          // Paths of the merge name the group's documents by their place in the population.
          const located = new PolicyValidationError(
            error.issues.map((issue) => {
              const [at, ...rest] = issue.pathSegments;
              return issueAt(issue, typeof at === "number" ? [group.indexes[at] as number, ...rest] : issue.pathSegments);
            }),
            "simulation",
          );
          for (const accumulator of this.accumulators) accumulator.refuse(located, index);
          continue;
        }
      }
      for (const accumulator of this.accumulators) accumulator.add(document, index);
    }
    this.heldByCode.clear();
  }

  get applications(): number {
    return this.index;
  }

  result(): SimulationResult {
    this.decideHeld();
    const envelopes = this.accumulators.map((accumulator) => accumulator.settle(this.envelope));
    const first = this.accumulators[0] as EditionAccumulator;
    return {
      editions: this.accumulators.map((accumulator, i) =>
        accumulator.summary(i === 0 ? null : first, envelopes[i] ?? null),
      ),
    };
  }
}

/** Simulate a population (any iterable of application documents) under one or more editions. */
export function simulate(population: Iterable<unknown>, editions: readonly Edition[], options: SimulationOptions = {}): SimulationResult {
  refuse(populationIssues(population, false), "simulate");
  const simulation = new Simulation(editions, options);
  for (const application of population) simulation.add(application);
  return simulation.result();
}

/** The same over an async iterable (a Node stream of parsed JSON Lines, say). */
export async function simulateAsync(
  population: AsyncIterable<unknown> | Iterable<unknown>,
  editions: readonly Edition[],
  options: SimulationOptions = {},
): Promise<SimulationResult> {
  refuse(populationIssues(population, true), "simulateAsync");
  const simulation = new Simulation(editions, options);
  for await (const application of population) simulation.add(application);
  return simulation.result();
}
