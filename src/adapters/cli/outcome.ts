/**
 * What the evaluate command produces per application — a decision, or the problems that kept it from
 * one — the running totals of a batch, and the interface every output format implements.
 */
import type { ClaimStatus, Decision, Language } from "../../index.js";
import { fen, STATUSES, yuan } from "./labels.js";
import { describeProblem, type Problem } from "./problems.js";
import type { Origin } from "./readers.js";

export type Outcome =
  | { readonly kind: "decision"; readonly origin: Origin; readonly decision: Decision }
  | {
      readonly kind: "invalid";
      readonly origin: Origin;
      readonly problems: readonly Problem[];
      /** A problem of a file (missing, empty, wrong encoding): counted as a file, not as an applicant. */
      readonly fileProblem?: boolean;
    };

/** Where text goes: standard output, with backpressure. */
export interface Sink {
  write(text: string): Promise<void>;
}

/** One output format. `add` is called once per application, in input order. */
export interface Writer {
  start(): Promise<void>;
  add(outcome: Outcome): Promise<void>;
  finish(summary: Summary): Promise<void>;
}

export interface WriterOptions {
  readonly lang: Language;
}

/** The totals of a batch, kept exactly (in fen) as outcomes arrive. */
export class Summary {
  applications = 0;
  /** Files that could not be read at all (missing, empty, wrong encoding): not applicants. */
  fileProblems = 0;
  evaluated = 0;
  invalid = 0;
  claims = 0;
  readonly byStatus: Record<ClaimStatus, number> = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;
  private totalFen = 0n;
  private recoverFen = 0n;
  private readonly clauseFen = new Map<string, bigint>();

  add(outcome: Outcome): void {
    if (outcome.kind === "invalid" && outcome.fileProblem) {
      this.fileProblems += 1;
      return;
    }
    this.applications += 1;
    if (outcome.kind === "invalid") {
      this.invalid += 1;
      return;
    }
    this.evaluated += 1;
    const { decision } = outcome;
    this.claims += decision.claims.length;
    for (const status of STATUSES) this.byStatus[status] += decision.totals.byStatus[status] ?? 0;
    this.totalFen += fen(decision.totals.overall);
    this.recoverFen += fen(decision.recoveries.total);
    for (const [clause, amount] of Object.entries(decision.totals.byClause)) {
      this.clauseFen.set(clause, (this.clauseFen.get(clause) ?? 0n) + fen(amount));
    }
  }

  get total(): string {
    return yuan(this.totalFen);
  }

  get toRecover(): string {
    return yuan(this.recoverFen);
  }

  /** Amount awarded per clause id, in clause-id order. */
  get byClause(): [string, string][] {
    return [...this.clauseFen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([clause, amount]) => [clause, yuan(amount)]);
  }
}

/** The problems of an invalid application as one block of text: "file rows 2–3: …" per problem. */
export function problemLines(origin: Origin, problems: readonly Problem[], lang: Language): string[] {
  return problems.map((problem) => `${origin.file}: ${describeProblem(problem, lang)}`);
}

/** The JSON form of an origin: file, application index, and its rows or line. */
export function originJson(origin: Origin): Record<string, unknown> {
  return {
    file: origin.file,
    ...(origin.index !== undefined ? { index: origin.index } : {}),
    ...(origin.rows !== undefined ? { rows: origin.rows } : {}),
    ...(origin.line !== undefined ? { line: origin.line } : {}),
    ...(origin.sheet !== undefined ? { sheet: origin.sheet } : {}),
    ...(origin.mergedFrom !== undefined ? { mergedFrom: origin.mergedFrom } : {}),
  };
}

/** The JSON form of a problem: where, what, and the sentence in the chosen language. */
export function problemJson(problem: Problem, lang: Language): Record<string, unknown> {
  return { ...problem, message: describeProblem(problem, lang) };
}
