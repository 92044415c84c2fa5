/**
 * A whole decision as readable text, in Chinese or English: the edition and its window, findings about
 * the applicant, then each claim with its status, amount, the caps across claims and its reasons, and
 * the clause's own explanation (conditions and arithmetic) beneath it.
 */
import type { ClaimDecision, ClaimStatus, Decision } from "./evaluate.js";
import { periodWords } from "./claim-ledger.js";
import { checkExplaining, type Language, renderClause } from "./kernel/explain.js";
import { toValidationIssues } from "./kernel/fields.js";
import { makeIssue, type ValidationIssue } from "./kernel/errors.js";
import { claimDecisionSchema, decisionSchema } from "./schemas.js";

/** A claim's status in Chinese, for reports (the English is the status itself). */
export const CLAIM_STATUS_ZH: Readonly<Record<ClaimStatus, string>> = {
  awarded: "予以支持",
  reduced: "核减支持",
  ineligible: "不符合条件",
  undetermined: "待定（缺少事实）",
  excluded: "不予支持（排除情形）",
  duplicate: "不予重复支持",
  "out-of-window": "不在有效期内",
};

/** A claim decided only (`evaluate(…, { explain: false })`): its figures, no explanation. */
function isDecidedOnly(claim: unknown): boolean {
  return typeof claim === "object" && claim !== null && "status" in claim && "claimId" in claim && !("clause" in claim) && !("reasons" in claim);
}

/**
 * A decision summary (or one of its claims) given to be explained: one issue saying what it is and how
 * to get the explained document, instead of three missing fields per claim.
 */
function summaryIssue(raw: unknown, path: string): ValidationIssue | null {
  const claims = typeof raw === "object" && raw !== null ? (raw as { claims?: unknown }).claims : undefined;
  const summary = path === "claim" ? isDecidedOnly(raw) : Array.isArray(claims) && claims.length > 0 && claims.every(isDecidedOnly);
  if (!summary) return null;
  return makeIssue({
    code: "invalid_value",
    pathSegments: path === "claim" ? [path] : [path, "claims"],
    received: path === "claim" ? "a claim decided only" : "the claims of a decision summary",
    expected: "an explained decision: evaluate(application, edition) without { explain: false } gives each claim its reasons and its clause's explanation",
    expectedZh: "附说明的决定：调用 evaluate(application, edition) 时不带 { explain: false }，每项申请才有理由和条款说明",
  });
}

/** The document parsed with its schema (every field the text reads, typed) and the language checked. */
function checked<T>(schema: typeof decisionSchema | typeof claimDecisionSchema, raw: unknown, path: string, lang: unknown, context: string): T {
  const parsed = schema.safeParse(raw, { reportInput: true });
  const summary = parsed.success ? null : summaryIssue(raw, path);
  const issues: ValidationIssue[] = parsed.success ? [] : summary !== null ? [summary] : toValidationIssues(parsed.error.issues, [path]);
  checkExplaining(issues, lang, context);
  return parsed.data as T;
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");
}

/** One claim of a decision as text; a claim that is not one, or an unknown language, is refused. */
export function explainClaim(claim: ClaimDecision, lang: Language = "en"): string {
  return renderClaim(checked<ClaimDecision>(claimDecisionSchema, claim, "claim", lang, "explainClaim"), lang);
}

function renderClaim(claim: ClaimDecision, lang: Language): string {
  const zh = lang === "zh";
  const lines: string[] = [];
  const status = zh ? CLAIM_STATUS_ZH[claim.status] : claim.status;
  const amount = claim.amount === null ? (zh ? "待定" : "undetermined") : `${claim.amount}${zh ? " 元" : " yuan"}`;
  lines.push(`${zh ? "申请" : "Claim"} ${claim.claimId} · ${claim.clauseId} · ${claim.factDate} — ${status}: ${amount}`);
  if (claim.amountBeforeCrossClaimCaps !== null && claim.amountBeforeCrossClaimCaps !== claim.amount) {
    lines.push(`  ${zh ? "跨申请上限前金额" : "before caps across claims"}: ${claim.amountBeforeCrossClaimCaps}`);
  }
  for (const cap of claim.crossClaimCaps) {
    lines.push(
      `  ${zh ? "上限" : "cap"} ${cap.id} (${periodWords(cap.period, lang)}): ${zh ? "剩余额度" : "headroom"} ${cap.headroomBefore} → ${cap.headroomAfter} / ${cap.limit}${cap.bit ? (zh ? "（触及）" : " (bit)") : ""}`,
    );
  }
  if (claim.paidInstead) {
    const source = zh ? (claim.paidInstead.source === "history" ? "已拨付记录" : "申请") : claim.paidInstead.source;
    lines.push(`  ${zh ? "已支持" : "paid instead"}: ${source} ${claim.paidInstead.id} (${claim.paidInstead.clauseId})`);
  }
  for (const reason of claim.reasons) lines.push(`  [${reason.code}] ${reason[lang]}`);
  for (const citation of claim.citations) lines.push(`  ${zh ? "依据" : "cites"} ${zh ? citation.labelZh : citation.labelEn}: ${citation.textZh}`);
  // The clause's own result is its quote; the claim's status above is the one conclusion.
  lines.push(indent(renderClause(claim.clause, lang, "quote"), "    | "));
  return lines.join("\n");
}

/** 第十四条's window: how its last day was found. */
const WINDOW_BASIS: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  "day-before-anniversary": { en: "the day before the two-year anniversary", zh: "满两年之日的前一日" },
  "civil-code-anniversary": { en: "the two-year anniversary (Civil Code count)", zh: "满两年之日（民法典计算方法）" },
  "explicit-valid-until": { en: "the edition's own last day", zh: "版本规定的截止日" },
};

/**
 * The whole decision as text. A document that is not a decision (an application, a decision read back
 * with a field missing) or a language other than "zh" and "en" is refused with the validation error.
 */
export function explainDecision(given: Decision, lang: Language = "en"): string {
  const decision = checked<Decision>(decisionSchema, given, "decision", lang, "explainDecision");
  const zh = lang === "zh";
  const lines: string[] = [];
  lines.push(`${decision.applicant.name} (${decision.applicant.creditCode})`);
  lines.push(`${zh ? "版本" : "Edition"}: ${decision.edition.id} — ${decision.edition.name[lang]}`);
  const basis = WINDOW_BASIS[decision.window.basis]?.[lang] ?? decision.window.basis;
  lines.push(`${zh ? "有效期" : "Validity window"}: ${decision.window.from} … ${decision.window.to} (${basis})`);
  for (const reason of decision.applicantReasons) lines.push(`[${reason.code}] ${reason[lang]}`);
  lines.push("");
  const ordered = [...decision.claims].sort((a, b) => a.sequence - b.sequence);
  for (const claim of ordered) {
    lines.push(renderClaim(claim, lang));
    lines.push("");
  }
  lines.push(`${zh ? "合计" : "Total"}: ${decision.totals.overall}${zh ? " 元" : " yuan"}`);
  for (const [clause, amount] of Object.entries(decision.totals.byClause)) lines.push(`  ${clause}: ${amount}`);
  for (const [year, amount] of Object.entries(decision.totals.byYear)) lines.push(`  ${year}: ${amount}`);
  if (decision.recoveries.items.length > 0) {
    lines.push(`${zh ? "应追回" : "To recover"}: ${decision.recoveries.total}`);
    for (const item of decision.recoveries.items) lines.push(`  ${item.grantId} ${item.clauseId} ${item.amount}`);
  }
  const edition = zh ? "版本摘要" : "edition";
  const input = zh ? "输入摘要" : "input";
  lines.push(`${zh ? "审计" : "Audit"}: ${decision.audit.library}@${decision.audit.version} ${edition} ${decision.audit.editionHash.slice(0, 16)}… ${input} ${decision.audit.inputHash.slice(0, 16)}…`);
  return lines.join("\n");
}
