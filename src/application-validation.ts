/**
 * The whole application read and checked before anything is decided: every issue of the document, each
 * with its JSON path, in one PolicyValidationError (docs/applications.md, "Errors").
 */
import { type Application, applicationSchema, MAX_CLAIMS_PER_APPLICATION, MAX_GRANTS_PER_APPLICATION, readApplicationFast } from "./application.js";
import { canonicalizeIdentifiers } from "./application-identifiers.js";
import { type BoundClause, boundClause } from "./clause-binding.js";
import { factDateIssue } from "./fact-dates.js";
import { makeIssue, PolicyValidationError, type ValidationIssue } from "./kernel/errors.js";
import { knownFieldsIn, toValidationIssues } from "./kernel/fields.js";
import { ambiguityKey } from "./kernel/identifiers.js";
import { type ClauseVerdict, decideVerdict, evaluatePrepared, evaluateRule, type ReadFacts, readFacts } from "./kernel/rule.js";
import type { MeasuresRule } from "./measures/common.js";
import type { ClauseId, MeasuresContext } from "./measures/edition.js";
import { getRule, isClauseId } from "./measures/registry.js";

export interface Validated {
  readonly application: Application;
  /** Each claim's facts as read (a snapshot: see `readFacts`), in the order of the application. */
  readonly facts: readonly ReadFacts[];
  /** Each claim's clause decided without explanation (explained, when asked, in decision-document.ts). */
  readonly verdicts: readonly ClauseVerdict[];
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

/**
 * Read and check a whole application under an edition's context: the document, its ids, the findings'
 * references, each claim's facts under its clause and its fact date; and decide each clause (without
 * explanation). Throws one PolicyValidationError carrying every issue, each with its JSON path.
 */
export function validateApplication(raw: unknown, ctx: MeasuresContext): Validated {
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
  const verdicts = new Array<ClauseVerdict>(count);
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
      verdicts[index] = decideVerdict(bound.prepared, read, bound.env);
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      // Evaluated again with the claim's place in the document, so that every issue names it (the
      // evaluation is pure: it fails again, the same way). Only failures pay for the path.
      issues.push(...issuesAt(bound, input, ["claims", index, "input"], error));
    }
  });
  if (issues.length > 0) throw new PolicyValidationError(issues, "application");
  return { application, facts, verdicts };
}

const NO_PATH: readonly (string | number)[] = Object.freeze([]);
