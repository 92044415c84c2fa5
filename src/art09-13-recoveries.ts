/**
 * 第九条 / 第十三条: an applicant found to have forged or falsified materials or data, or to have
 * transferred subsidy funds in violation of the rules, gets no further support, and every grant tied to
 * the finding is recovered (追索). This works out what is to be recovered from the grant history.
 */
import * as z from "zod";
import { grantSchema, type Grant, type MisconductFinding, misconductFindingSchema } from "./application.js";
import { type Decimal, formatMoney, ZERO } from "./kernel/decimal.js";
import { inFactDateOrder } from "./kernel/fact-order.js";
import { parseOrThrow } from "./kernel/fields.js";
import { ARTICLE_13, ARTICLE_9, type ArticleCitation } from "./measures/general-provisions.js";

export interface RecoveryItem {
  readonly grantId: string;
  readonly clauseId: string;
  readonly factDate: string;
  readonly amount: string;
  /** Indexes of the findings that tie this grant. */
  readonly findings: readonly number[];
}

export interface RecoveryReport {
  readonly citations: readonly ArticleCitation[];
  readonly items: readonly RecoveryItem[];
  readonly total: string;
}

const recoveryArguments = z.strictObject({
  history: z.array(grantSchema).max(100_000),
  findings: z.array(misconductFindingSchema).max(1000),
});

/**
 * The grants to recover under 第九条 / 第十三条: every grant a finding ties (its listed ids, or all),
 * each listed once, with the total. Takes the grant history and the findings as an application document
 * writes them (JSON: amounts as decimal strings); throws PolicyValidationError for anything else.
 */
export function recoveries(history: unknown, findings: unknown): RecoveryReport {
  const parsed = parseOrThrow(recoveryArguments, { history, findings }, "recoveries");
  return recoveriesOf(parsed.history, parsed.findings);
}

/** `recoveries` of a history and findings already read by the application schema. */
export function recoveriesOf(history: readonly Grant[], findings: readonly MisconductFinding[]): RecoveryReport {
  const tied = new Map<string, number[]>();
  findings.forEach((finding, index) => {
    const ids = finding.grants === "all" ? history.map((grant) => grant.id) : finding.grants;
    for (const id of ids) {
      const indexes = tied.get(id);
      if (indexes) indexes.push(index);
      else tied.set(id, [index]);
    }
  });
  const items: RecoveryItem[] = [];
  let total: Decimal = ZERO;
  for (const grant of inFactDateOrder(history, (g) => g.factDate, (g) => g.id)) {
    const findingIndexes = tied.get(grant.id);
    if (!findingIndexes) continue;
    items.push({
      grantId: grant.id,
      clauseId: grant.clauseId,
      factDate: grant.factDate,
      amount: formatMoney(grant.amount),
      findings: findingIndexes,
    });
    total = total.plus(grant.amount);
  }
  return { citations: items.length > 0 ? [ARTICLE_9, ARTICLE_13] : [], items, total: formatMoney(total) };
}
