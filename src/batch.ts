/**
 * One applicant, one ledger. The caps across claims (per enterprise per year, over the policy term) and
 * the one-time scopes count an enterprise's claims and grants together; two documents of one
 * enterprise decided apart would each get the full cap. So where several applications are decided
 * together (a batch, a simulation, a service call), two with the same credit code are refused, naming
 * both, unless the caller asks for them to be merged into one application: claims together, and the
 * grant history as the union by grant id (docs/applications.md, "Several documents of one applicant").
 */
import { canonicalJson } from "./kernel/canonical.js";
import { makeIssue, PolicyValidationError, type ValidationIssue, issueAt } from "./kernel/errors.js";
import { canonicalId } from "./kernel/identifiers.js";
import type { Decision, DecisionSummary } from "./decision.js";
import { evaluate, type EvaluateOptions, readExplainOption } from "./evaluate.js";
import { DRAFT_EDITION } from "./measures/edition-draft.js";
import type { Edition } from "./measures/edition.js";

export interface BatchOptions extends EvaluateOptions {
  /** Merge applications with the same credit code into one (default false: refuse them). */
  readonly merge?: boolean;
}

/** The applications of one applicant (or one that could not be told apart), as one document. */
export interface ApplicationGroup {
  /** Indexes of the batch's applications that make up the group, in batch order. */
  readonly sources: readonly number[];
  /** The document to evaluate: the application itself, or the merged one. */
  readonly application: unknown;
  /**
   * Where a path of the merged document comes from: `["claims", 3, "input"]` of the merged document
   * is `[2, "claims", 0, "input"]` of the batch (application 2's first claim).
   */
  readonly locate: (path: readonly (string | number)[]) => readonly (string | number)[];
}

interface Merged {
  readonly application: unknown;
  readonly claimOrigins: readonly (readonly [number, number])[];
  readonly grantOrigins: readonly (readonly [number, number])[];
}

function locator(sources: readonly number[], merged?: Merged): ApplicationGroup["locate"] {
  const first = sources[0] as number;
  return (path) => {
    const [list, position, ...rest] = path;
    const origins = merged === undefined ? undefined : list === "claims" ? merged.claimOrigins : list === "history" ? merged.grantOrigins : undefined;
    const origin = typeof position === "number" ? origins?.[position] : undefined;
    if (origin !== undefined) return [origin[0], list as string, origin[1], ...rest];
    return [first, ...path];
  };
}

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === "object" && value !== null && !Array.isArray(value);

/** The credit code as the application schema reads it, or null where there is none to read. */
export function creditCodeOf(application: unknown): string | null {
  if (!isRecord(application)) return null;
  const applicant = application.applicant;
  if (!isRecord(applicant) || typeof applicant.creditCode !== "string") return null;
  const code = canonicalId(applicant.creditCode).toUpperCase();
  return code === "" ? null : code;
}

export function sameApplicantIssue(first: number, second: number, code: string): ValidationIssue {
  return makeIssue({
    code: "inconsistent",
    pathSegments: [second, "applicant", "creditCode"],
    received: code,
    expected: `one application per applicant: application [${first}] has the same credit code ${code}, and the caps and one-time awards of one enterprise count all its claims together`,
    expectedZh: `每个申请主体一份申请：第 [${first}] 份申请的统一社会信用代码同为 ${code}，同一企业的年度、期限上限及一次性支持须合并计算`,
    hint: "put the claims in one application, or ask for the applications to be merged (merge: true; pinggu --merge-same-applicant)",
    hintZh: "请将其申请事项合并为一份申请，或选择合并（merge: true；pinggu --merge-same-applicant）",
  });
}

/**
 * Group a batch by applicant. Without `merge`, two applications with one credit code are refused
 * (PolicyValidationError naming both, by their index in the batch); with it, each applicant's
 * applications become one (see `mergeApplications`). An entry without a readable credit code is a
 * group of its own: evaluating it reports what is wrong with it.
 */
export function groupApplications(applications: readonly unknown[], options: BatchOptions = {}): ApplicationGroup[] {
  if (!Array.isArray(applications)) {
    throw new PolicyValidationError(
      [makeIssue({ code: "invalid_type", pathSegments: [], received: applications, expected: "an array of applications", expectedZh: "申请数组" })],
      "batch",
    );
  }
  const merge = readMergeOption(options);
  const byCode = new Map<string, number[]>();
  const order: (string | number)[] = [];
  const issues: ValidationIssue[] = [];
  // Every index, holes of a sparse array included: a hole is an application that is not one, reported
  // where it stands (forEach would skip it and lose it without a word).
  for (let index = 0; index < applications.length; index++) {
    const code = creditCodeOf(applications[index]);
    if (code === null) {
      order.push(index);
      continue;
    }
    const sources = byCode.get(code);
    if (sources === undefined) {
      byCode.set(code, [index]);
      order.push(code);
      continue;
    }
    if (!merge) issues.push(sameApplicantIssue(sources[0] as number, index, code));
    sources.push(index);
  }
  if (issues.length > 0) throw new PolicyValidationError(issues, "batch");
  const groups: ApplicationGroup[] = [];
  const mergeIssues: ValidationIssue[] = [];
  for (const key of order) {
    if (typeof key === "number") {
      groups.push({ sources: [key], application: applications[key], locate: locator([key]) });
      continue;
    }
    const sources = byCode.get(key) as number[];
    if (sources.length === 1) {
      groups.push({ sources, application: applications[sources[0] as number], locate: locator(sources) });
      continue;
    }
    const merged = mergeInto(sources, applications, mergeIssues);
    groups.push({ sources, application: merged.application, locate: locator(sources, merged) });
  }
  if (mergeIssues.length > 0) throw new PolicyValidationError(mergeIssues, "batch");
  return groups;
}

function readMergeOption(options: unknown): boolean {
  if (options === undefined) return false;
  const merge = isRecord(options) ? options.merge : undefined;
  if (isRecord(options) && (merge === undefined || typeof merge === "boolean")) return merge === true;
  throw new PolicyValidationError(
    [
      makeIssue({
        code: "invalid_type",
        pathSegments: isRecord(options) ? ["options", "merge"] : ["options"],
        received: isRecord(options) ? merge : options,
        expected: "options { merge?: boolean, explain?: boolean }",
        expectedZh: "选项 { merge?: 布尔值, explain?: 布尔值 }",
      }),
    ],
    "batch",
  );
}

/**
 * Merge applications of one applicant into one document: the applicant of the first (every other one
 * must state the same applicant, field for field), the claims of all in batch order, and the grant
 * histories as their union by grant id (one grant listed twice with the same contents is one grant;
 * with different contents it is refused). Throws PolicyValidationError naming the documents.
 */
export function mergeApplications(applications: readonly unknown[]): unknown {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(applications) || applications.length === 0) {
    throw new PolicyValidationError(
      [makeIssue({ code: "invalid_type", pathSegments: [], received: applications, expected: "a non-empty array of applications of one applicant", expectedZh: "同一申请主体的申请（非空数组）" })],
      "merge",
    );
  }
  const codes = applications.map(creditCodeOf);
  codes.forEach((code, index) => {
    if (code !== codes[0] || code === null)
      issues.push(
        makeIssue({
          code: "inconsistent",
          pathSegments: [index, "applicant", "creditCode"],
          received: code ?? undefined,
          expected: `the credit code of application [0]${codes[0] ? ` (${codes[0]})` : ""}: only applications of one applicant are merged`,
          expectedZh: `与第 [0] 份申请相同的统一社会信用代码：只合并同一申请主体的申请`,
        }),
      );
  });
  if (issues.length > 0) throw new PolicyValidationError(issues, "merge");
  const merged = mergeInto(
    applications.map((_, index) => index),
    applications,
    issues,
  );
  if (issues.length > 0) throw new PolicyValidationError(issues, "merge");
  return merged.application;
}

/** Merge `applications[sources]`, pushing what cannot be merged to `issues`. */
function mergeInto(sources: readonly number[], applications: readonly unknown[], issues: ValidationIssue[]): Merged {
  const documents = sources.map((index) => applications[index] as Raw);
  const first = documents[0] as Raw;
  const firstApplicant = canonicalJson(applicantOf(first));
  const claims: unknown[] = [];
  const history: unknown[] = [];
  const claimOrigins: (readonly [number, number])[] = [];
  const grantOrigins: (readonly [number, number])[] = [];
  const grants = new Map<string, { readonly source: number; readonly position: number; readonly text: string }>();
  let anyHistory = false;
  documents.forEach((document, n) => {
    const source = sources[n] as number;
    if (n > 0 && canonicalJson(applicantOf(document)) !== firstApplicant) {
      issues.push(
        makeIssue({
          code: "inconsistent",
          pathSegments: [source, "applicant"],
          received: document.applicant,
          expected: `the same applicant as application [${sources[0]}], field for field (name, findings, 第二条 and 第十条 facts): merged applications are one applicant`,
          expectedZh: `与第 [${sources[0]}] 份申请逐项相同的申请主体信息（名称、认定事项、第二条及第十条事实）：合并的申请须为同一主体`,
        }),
      );
    }
    if (Array.isArray(document.claims)) {
      document.claims.forEach((claim: unknown, position) => {
        claims.push(claim);
        claimOrigins.push([source, position]);
      });
    } else {
      issues.push(
        makeIssue({ code: "invalid_type", pathSegments: [source, "claims"], received: document.claims, expected: "an array of claims", expectedZh: "申请事项数组" }),
      );
    }
    if (document.history === undefined) return;
    anyHistory = true;
    if (!Array.isArray(document.history)) {
      issues.push(
        makeIssue({ code: "invalid_type", pathSegments: [source, "history"], received: document.history, expected: "an array of grants", expectedZh: "拨付记录数组" }),
      );
      return;
    }
    document.history.forEach((grant: unknown, position) => {
      const id = isRecord(grant) && typeof grant.id === "string" ? canonicalId(grant.id) : null;
      if (id === null) {
        history.push(grant);
        grantOrigins.push([source, position]);
        return;
      }
      const text = canonicalJson(grant);
      const seen = grants.get(id);
      if (seen === undefined) {
        grants.set(id, { source, position, text });
        history.push(grant);
        grantOrigins.push([source, position]);
      } else if (seen.text !== text) {
        issues.push(
          makeIssue({
            code: "inconsistent",
            pathSegments: [source, "history", position],
            received: grant,
            expected: `grant ${JSON.stringify(id)} as application [${seen.source}] lists it (history[${seen.position}]): one grant has one content`,
            expectedZh: `与第 [${seen.source}] 份申请 history[${seen.position}] 内容相同的拨付记录 ${JSON.stringify(id)}：同一拨付记录只能有一种内容`,
          }),
        );
      }
    });
  });
  return { application: { ...first, claims, ...(anyHistory ? { history } : {}) }, claimOrigins, grantOrigins };
}

function applicantOf(document: Raw): unknown {
  const applicant = document.applicant;
  if (!isRecord(applicant)) return applicant;
  // The code is compared as read (upper case, NFKC, trimmed): its spelling is not a difference.
  return { ...applicant, creditCode: creditCodeOf(document) };
}

/**
 * Decide a batch of applications, one ledger per applicant (see `groupApplications`). Every
 * application's problems are reported together, each path starting with the application's index
 * in the batch; nothing is decided when any is invalid. Returns one decision per applicant, in the
 * order each applicant first appears. With `{ explain: false }`, each decides only (`DecisionSummary`).
 */
export function evaluateBatch(applications: readonly unknown[], edition: Edition | undefined, options: BatchOptions & { readonly explain: false }): DecisionSummary[];
export function evaluateBatch(applications: readonly unknown[], edition?: Edition, options?: BatchOptions & { readonly explain?: true }): Decision[];
export function evaluateBatch(applications: readonly unknown[], edition?: Edition, options?: BatchOptions): (Decision | DecisionSummary)[];
export function evaluateBatch(applications: readonly unknown[], edition: Edition = DRAFT_EDITION, options: BatchOptions = {}): (Decision | DecisionSummary)[] {
  const groups = groupApplications(applications, options);
  const explain = readExplainOption(options, "batch");
  const decisions: (Decision | DecisionSummary)[] = [];
  const issues: ValidationIssue[] = [];
  for (const group of groups) {
    try {
      decisions.push(evaluate(group.application, edition, { explain }));
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      // A problem of the edition is the same for every group: report it once, as it is.
      if (error.issues.every((issue) => issue.pathSegments[0] === "edition")) throw error;
      for (const issue of error.issues) issues.push(issueAt(issue, group.locate(issue.pathSegments)));
    }
  }
  if (issues.length > 0) throw new PolicyValidationError(issues, "batch");
  return decisions;
}
