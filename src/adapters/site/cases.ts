/**
 * Policy officers' test cases: a case names a clause and its facts (or a whole application), the edition
 * (the draft, or an edition file) with any overrides and switches, and what the officer expects — the
 * status, the amount, reason codes; per claim and in total for an application. `runCase` decides it with
 * the library and lists every difference; `formatOutcome` says it in the officer's language with the
 * clause text beside it. docs/test-cases.md explains the format; schema/test-case.schema.json is its
 * JSON Schema (`caseFileJsonSchema`).
 *
 * No file access here: the caller (src/adapters/cli/commands/test.ts, the site builder) reads files and
 * passes a loader for the editions and applications a case names by path.
 */
import * as z from "zod";
import {
  CLAIM_STATUS_ZH,
  type ClauseResult,
  type Decision,
  DRAFT_EDITION,
  deriveEdition,
  type Edition,
  evaluate,
  evaluateClause,
  getRule,
  isClauseId,
  type Language,
  listClauseIds,
  PolicyValidationError,
  UnknownClauseError,
} from "../../index.js";
import { normaliseFacts } from "./fields.js";

// ---------------------------------------------------------------------------------------------------
// The format.

const CLAUSE_STATUSES = ["eligible", "ineligible", "undetermined"] as const;
const CLAIM_STATUSES = ["awarded", "reduced", "ineligible", "undetermined", "excluded", "duplicate", "out-of-window"] as const;

/** Money as text to the fen ("900000", "900000.00"); numbers in YAML are read as their text (see case-files.ts). */
const amountText = z
  .string()
  .regex(/^\d+(\.\d{1,2})?$/, "an amount in yuan as text, at most two decimals (\"900000.00\")")
  .meta({ description: "An amount in yuan, to the fen at most: \"900000.00\" / 金额（元），最多两位小数" });
const amountOrNull = z.union([amountText, z.null()]).meta({ description: "An amount in yuan, or null when undetermined / 金额（元）；待定时为 null" });
const editionRef = z
  .string()
  .min(1)
  .meta({ description: "\"draft\" (the text as published for comment), or the path of an edition file, relative to this file / 版本：draft（征求意见稿）或版本文件的相对路径" });
const reasonCodes = z.array(z.string().min(1)).meta({ description: "Reason codes that must all be among the result's (others may be there too) / 结果中须包含的理由代码" });

const clauseExpect = z
  .strictObject({
    status: z.enum(CLAUSE_STATUSES).optional().meta({ description: "eligible 符合条件 | ineligible 不符合条件 | undetermined 待定（事实不全）" }),
    amount: amountOrNull.optional(),
    reasons: reasonCodes.optional(),
    missingFacts: z.array(z.string()).optional().meta({ description: "The facts the result says are missing, exactly / 缺失的事实（须完全一致）" }),
    capBinding: z.union([z.string(), z.null()]).optional().meta({ description: "The id of the cap that bit, or null / 起作用的上限编号，或 null" }),
  })
  .meta({ description: "What the clause should give / 预期结果" });

export const clauseCaseSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: "What the case shows, in your words / 用例名称" }),
    clause: z.enum(listClauseIds() as [string, ...string[]]).meta({ description: "The clause id, e.g. art3.1 / 条款编号" }),
    facts: z.record(z.string(), z.unknown()).meta({ description: "The claim's facts, as in the clause's input (是/否 accepted for yes/no facts) / 申报事实" }),
    edition: editionRef.optional(),
    overrides: z.record(z.string(), z.unknown()).optional().meta({ description: "Changes to the edition: parameters, switches, publishedOn (as deriveEdition takes them) / 对版本的调整" }),
    switches: z.record(z.string(), z.string()).optional().meta({ description: "Interpretation switches for this case (docs/ambiguity-register.md) / 解释开关" }),
    note: z.string().optional(),
    expect: clauseExpect,
  })
  .meta({ title: "A clause case / 单个条款用例" });

const claimExpect = z.strictObject({
  status: z.enum(CLAIM_STATUSES).optional(),
  amount: amountOrNull.optional(),
  reasons: reasonCodes.optional(),
});

export const applicationCaseSchema = z
  .strictObject({
    name: z.string().min(1),
    application: z.record(z.string(), z.unknown()).optional().meta({ description: "The application document, inline / 申请（内嵌）" }),
    applicationFile: z.string().min(1).optional().meta({ description: "Or the path of an application .json file, relative to this file / 或申请文件的相对路径" }),
    edition: editionRef.optional(),
    overrides: z.record(z.string(), z.unknown()).optional(),
    note: z.string().optional(),
    expect: z.strictObject({
      claims: z.record(z.string(), claimExpect).optional().meta({ description: "Per claim id: status, amount, reason codes / 按事项编号的预期" }),
      totals: z
        .strictObject({
          overall: amountText.optional(),
          byClause: z.record(z.string(), amountText).optional(),
          byStatus: z
            .partialRecord(z.enum(CLAIM_STATUSES), z.union([z.number().int().min(0), z.string().regex(/^\d+$/, "a whole number of claims")]))
            .optional()
            .meta({ description: "How many claims end in each status / 各状态的事项数" }),
        })
        .optional(),
    }),
  })
  .meta({ title: "A whole-application case / 整份申请用例" });

export const caseFileSchema = z
  .strictObject({
    lang: z.enum(["zh", "en"]).optional().meta({ description: "The language of the report for this file (zh by default) / 报告语言" }),
    edition: editionRef.optional().meta({ description: "The edition of every case in the file that names none / 本文件用例的默认版本" }),
    cases: z.array(z.union([clauseCaseSchema, applicationCaseSchema])).min(1),
  })
  .meta({
    title: "Pinggu live-commerce measures: test cases / 平谷区直播电商措施测试用例",
    description: "docs/test-cases.md",
  });

export type ClauseCase = z.output<typeof clauseCaseSchema>;
export type ApplicationCase = z.output<typeof applicationCaseSchema>;
export type TestCase = ClauseCase | ApplicationCase;
export interface CaseFile {
  readonly lang?: Language | undefined;
  readonly edition?: string | undefined;
  readonly cases: readonly TestCase[];
}

/** schema/test-case.schema.json: the format for editors (autocompletion) and other tools. */
export function caseFileJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://github.com/pinggu-live-commerce/schema/test-case.schema.json",
    ...(z.toJSONSchema(caseFileSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>),
  };
}

/** A problem with the case file itself, located by its path in the document. */
export interface FormatProblem {
  readonly path: string;
  readonly en: string;
  readonly zh: string;
}

function pathText(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) text += typeof segment === "number" ? `[${segment}]` : `${text === "" ? "" : "."}${String(segment)}`;
  return text === "" ? "(root)" : text;
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let value = document;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function shortJson(value: unknown): string {
  const text = value === undefined ? "(nothing)" : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** The fields an object of the format accepts at `path`, for "no such field" messages. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  const last = path[path.length - 1];
  const inCase = path.length === 2 && path[0] === "cases";
  if (path.length === 0) return Object.keys(caseFileSchema.shape);
  if (inCase) return [...new Set([...Object.keys(clauseCaseSchema.shape), ...Object.keys(applicationCaseSchema.shape)])];
  if (last === "expect") return [...new Set([...Object.keys(clauseExpect.shape), ...Object.keys(applicationCaseSchema.shape.expect.shape)])];
  if (last === "totals") return ["overall", "byClause", "byStatus"];
  return Object.keys(claimExpect.shape);
}

/**
 * A case document (already parsed from YAML, JSON or CSV) checked against the format. Each case is
 * checked as the kind it says it is (with `clause` it is a clause case), so a mistake is reported on its
 * own field rather than as "matches neither kind".
 */
export function readCaseFile(document: unknown): { file: CaseFile } | { problems: FormatProblem[] } {
  const problems: FormatProblem[] = [];
  const top = z.strictObject({ lang: z.enum(["zh", "en"]).optional(), edition: editionRef.optional(), cases: z.array(z.unknown()).min(1) }).safeParse(document);
  const report = (issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[], root: unknown) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      const received = shortJson(valueAt(root, issue.path));
      if (issue.code === "unrecognized_keys") {
        const known = knownKeys(path).join(", ");
        problems.push({
          path: pathText(path),
          en: `${pathText(path)}: no field named ${issue.keys.join(", ")} here (check the spelling); known fields: ${known}`,
          zh: `${pathText(path)}：此处没有名为 ${issue.keys.join("、")} 的字段（请检查拼写）；已知字段：${known}`,
        });
        continue;
      }
      problems.push({
        path: pathText(path),
        en: `${pathText(path)}: ${issue.message} (found ${received})`,
        zh: `${pathText(path)}：${issue.message}（实际为 ${received}）`,
      });
    }
  };
  if (!top.success) {
    report(top.error.issues, [], document);
    return { problems };
  }
  const cases: TestCase[] = [];
  top.data.cases.forEach((raw, index) => {
    const isClause = typeof raw === "object" && raw !== null && "clause" in raw;
    const parsed = (isClause ? clauseCaseSchema : applicationCaseSchema).safeParse(raw);
    if (!parsed.success) report(parsed.error.issues, ["cases", index], raw);
    else if (!isClause && (parsed.data as ApplicationCase).application === undefined && (parsed.data as ApplicationCase).applicationFile === undefined) {
      problems.push({
        path: pathText(["cases", index]),
        en: `${pathText(["cases", index])}: a case needs "clause" and "facts", or "application" / "applicationFile"`,
        zh: `${pathText(["cases", index])}：用例须有 clause 与 facts，或 application / applicationFile`,
      });
    } else cases.push(parsed.data);
  });
  if (problems.length > 0) return { problems };
  return { file: { lang: top.data.lang, edition: top.data.edition, cases } };
}

export function isClauseCase(testCase: TestCase): testCase is ClauseCase {
  return "clause" in testCase;
}

// ---------------------------------------------------------------------------------------------------
// Running a case.

/** Reads what a case names by path (relative to its file): an edition document, an application. */
export interface CaseLoader {
  readJson(path: string): unknown;
}

export interface Difference {
  readonly what: { readonly en: string; readonly zh: string };
  readonly expected: string;
  readonly actual: string;
}

export interface CaseOutcome {
  readonly name: string;
  readonly index: number;
  readonly passed: boolean;
  /** The clause(s) the case is about (an application: those of the claims that differ, or all). */
  readonly clauseIds: readonly string[];
  readonly differences: readonly Difference[];
  /** The case could not be run (bad facts, an unknown edition file): why, in both languages. */
  readonly error: { readonly en: string; readonly zh: string } | null;
  /** What came out, for the site's list of cases. */
  readonly actual: { readonly status: string; readonly amount: string | null } | null;
}

const STATUS_ZH: Readonly<Record<string, string>> = {
  ...CLAIM_STATUS_ZH,
  eligible: "符合条件",
};

/** A status as shown to an officer: "符合条件（eligible）" or "eligible". */
export function statusText(status: string | null | undefined, lang: Language): string {
  if (status === null || status === undefined) return lang === "zh" ? "（无）" : "(none)";
  return lang === "zh" ? `${STATUS_ZH[status] ?? status}（${status}）` : status;
}

/** "900000" and "900000.00" are the same amount: compare to the fen, as text (never a float). */
export function sameAmount(expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  const canonical = (text: string) => {
    const [whole = "0", fraction = ""] = text.split(".");
    return `${whole.replace(/^0+(?=\d)/, "")}.${fraction.padEnd(2, "0")}`;
  };
  return canonical(expected) === canonical(actual);
}

function amountShown(amount: string | null): string {
  return amount === null ? "null" : amount;
}

function editionOf(ref: string | undefined, overrides: Record<string, unknown> | undefined, loader: CaseLoader): Edition {
  const base = ref === undefined || ref === "draft" ? DRAFT_EDITION : deriveEdition(loader.readJson(ref));
  return overrides === undefined ? base : deriveEdition(overrides, base);
}

function errorText(error: unknown): { en: string; zh: string } {
  if (error instanceof PolicyValidationError) {
    // An issue's message does not name its path: the text for a person does.
    return { en: error.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "), zh: error.issues.map((issue) => `${issue.path}：${issue.messageZh}`).join("；") };
  }
  if (error instanceof UnknownClauseError || error instanceof Error) return { en: error.message, zh: error.message };
  return { en: String(error), zh: String(error) };
}

function compareClause(expect: ClauseCase["expect"], result: ClauseResult): Difference[] {
  const out: Difference[] = [];
  if (expect.status !== undefined && expect.status !== result.status) {
    out.push({ what: { en: "status", zh: "状态" }, expected: expect.status, actual: result.status });
  }
  if (expect.amount !== undefined && !sameAmount(expect.amount, result.amount)) {
    out.push({ what: { en: "amount (yuan)", zh: "金额（元）" }, expected: amountShown(expect.amount), actual: amountShown(result.amount) });
  }
  if (expect.reasons !== undefined) {
    const codes = result.reasons.map((reason) => reason.code);
    const absent = expect.reasons.filter((code) => !codes.includes(code));
    if (absent.length > 0) out.push({ what: { en: "reason codes", zh: "理由代码" }, expected: expect.reasons.join(", "), actual: codes.join(", ") || "(none)" });
  }
  if (expect.missingFacts !== undefined) {
    const want = [...expect.missingFacts].sort().join(", ");
    const got = [...result.missingFacts].sort().join(", ");
    if (want !== got) out.push({ what: { en: "missing facts", zh: "缺失的事实" }, expected: want || "(none)", actual: got || "(none)" });
  }
  if (expect.capBinding !== undefined && expect.capBinding !== result.capBinding) {
    out.push({ what: { en: "cap that bit", zh: "起作用的上限" }, expected: String(expect.capBinding), actual: String(result.capBinding) });
  }
  return out;
}

function compareDecision(expect: ApplicationCase["expect"], decision: Decision): { differences: Difference[]; clauseIds: string[] } {
  const out: Difference[] = [];
  const clauseIds = new Set<string>();
  for (const [claimId, want] of Object.entries(expect.claims ?? {})) {
    const claim = decision.claims.find((candidate) => candidate.claimId === claimId);
    if (!claim) {
      out.push({ what: { en: `claim ${claimId}`, zh: `事项 ${claimId}` }, expected: "present", actual: `absent; claims: ${decision.claims.map((c) => c.claimId).join(", ")}` });
      continue;
    }
    const before = out.length;
    if (want.status !== undefined && want.status !== claim.status) {
      out.push({ what: { en: `claim ${claimId} (${claim.clauseId}): status`, zh: `事项 ${claimId}（${claim.clauseId}）：状态` }, expected: want.status, actual: claim.status });
    }
    if (want.amount !== undefined && !sameAmount(want.amount, claim.amount)) {
      out.push({
        what: { en: `claim ${claimId} (${claim.clauseId}): amount (yuan)`, zh: `事项 ${claimId}（${claim.clauseId}）：金额（元）` },
        expected: amountShown(want.amount),
        actual: amountShown(claim.amount),
      });
    }
    if (want.reasons !== undefined) {
      const codes = claim.reasons.map((reason) => reason.code);
      if (want.reasons.some((code) => !codes.includes(code))) {
        out.push({ what: { en: `claim ${claimId}: reason codes`, zh: `事项 ${claimId}：理由代码` }, expected: want.reasons.join(", "), actual: codes.join(", ") || "(none)" });
      }
    }
    if (out.length > before) clauseIds.add(claim.clauseId);
  }
  const totals = expect.totals;
  if (totals?.overall !== undefined && !sameAmount(totals.overall, decision.totals.overall)) {
    out.push({ what: { en: "total (yuan)", zh: "合计（元）" }, expected: totals.overall, actual: decision.totals.overall });
  }
  for (const [clauseId, amount] of Object.entries(totals?.byClause ?? {})) {
    const actual = decision.totals.byClause[clauseId] ?? "0.00";
    if (!sameAmount(amount, actual)) {
      out.push({ what: { en: `total of ${clauseId} (yuan)`, zh: `${clauseId} 合计（元）` }, expected: amount, actual });
      clauseIds.add(clauseId);
    }
  }
  for (const [status, count] of Object.entries(totals?.byStatus ?? {})) {
    const actual = decision.totals.byStatus[status as keyof Decision["totals"]["byStatus"]] ?? 0;
    if (actual !== Number(count)) out.push({ what: { en: `claims ${status}`, zh: `${STATUS_ZH[status] ?? status}的事项数` }, expected: String(count), actual: String(actual) });
  }
  if (clauseIds.size === 0) for (const claim of decision.claims) clauseIds.add(claim.clauseId);
  return { differences: out, clauseIds: [...clauseIds] };
}

/** Decide one case with the library and compare. Never throws for bad facts: they are the case's error. */
export function runCase(testCase: TestCase, index: number, file: CaseFile, loader: CaseLoader): CaseOutcome {
  const editionRefOf = testCase.edition ?? file.edition;
  if (isClauseCase(testCase)) {
    try {
      const edition = editionOf(editionRefOf, testCase.overrides, loader);
      const facts = normaliseFacts(testCase.clause, testCase.facts);
      const result = evaluateClause(testCase.clause, facts, { edition, ...(testCase.switches ? { switches: testCase.switches } : {}) });
      const differences = compareClause(testCase.expect, result);
      return { name: testCase.name, index, passed: differences.length === 0, clauseIds: [testCase.clause], differences, error: null, actual: { status: result.status, amount: result.amount } };
    } catch (error) {
      return { name: testCase.name, index, passed: false, clauseIds: [testCase.clause], differences: [], error: errorText(error), actual: null };
    }
  }
  try {
    const edition = editionOf(editionRefOf, testCase.overrides, loader);
    const application = testCase.application ?? loader.readJson(testCase.applicationFile as string);
    const decision = evaluate(application, edition);
    const { differences, clauseIds } = compareDecision(testCase.expect, decision);
    return { name: testCase.name, index, passed: differences.length === 0, clauseIds, differences, error: null, actual: { status: `${decision.claims.length} claims`, amount: decision.totals.overall } };
  } catch (error) {
    return { name: testCase.name, index, passed: false, clauseIds: [], differences: [], error: errorText(error), actual: null };
  }
}

// ---------------------------------------------------------------------------------------------------
// Saying it.

function differenceLine(difference: Difference, lang: Language): string {
  const isStatus = difference.what.en.endsWith("status");
  const show = (value: string) => (isStatus ? statusText(value, lang) : value);
  return lang === "zh"
    ? `  ${difference.what.zh}：期望 ${show(difference.expected)}，实际 ${show(difference.actual)}`
    : `  ${difference.what.en}: expected ${show(difference.expected)}, got ${show(difference.actual)}`;
}

/** The clause beside a failure: id, title, citation and the verbatim sentence implemented. */
export function clauseTextLines(clauseId: string, lang: Language): string[] {
  if (!isClauseId(clauseId)) return [];
  const rule = getRule(clauseId);
  const c = rule.citation;
  return lang === "zh"
    ? [`  条款 ${rule.id} ${rule.title.zh}（${c.labelZh}）：`, `    ${c.provisionZh}`]
    : [`  Clause ${rule.id} ${rule.title.en} (${c.labelEn}, ${c.labelZh}):`, `    ${c.provisionZh}`];
}

/** A failing case in the officer's language: what was expected, what came out, the clause text beside it. */
export function formatFailure(where: string, outcome: CaseOutcome, lang: Language): string {
  const head = lang === "zh" ? `✗ ${where} 第 ${outcome.index + 1} 个用例「${outcome.name}」未通过` : `✗ ${where} case ${outcome.index + 1} "${outcome.name}" failed`;
  const lines = [head];
  if (outcome.error) lines.push(lang === "zh" ? `  无法计算：${outcome.error.zh}` : `  could not be decided: ${outcome.error.en}`);
  for (const difference of outcome.differences) lines.push(differenceLine(difference, lang));
  for (const clauseId of outcome.clauseIds.slice(0, 3)) lines.push(...clauseTextLines(clauseId, lang));
  return lines.join("\n");
}

export function formatFileSummary(where: string, outcomes: readonly CaseOutcome[], lang: Language): string {
  const failed = outcomes.filter((outcome) => !outcome.passed).length;
  if (lang === "zh") return failed === 0 ? `✓ ${where}：${outcomes.length} 个用例全部通过` : `✗ ${where}：${outcomes.length} 个用例，${failed} 个未通过`;
  return failed === 0 ? `✓ ${where}: all ${outcomes.length} cases passed` : `✗ ${where}: ${failed} of ${outcomes.length} cases failed`;
}

export function formatFormatProblems(where: string, problems: readonly FormatProblem[], lang: Language): string {
  const head = lang === "zh" ? `✗ ${where}：用例文件格式有误（见 docs/test-cases.md）` : `✗ ${where}: the case file is not in the format (see docs/test-cases.md)`;
  return [head, ...problems.map((problem) => `  ${lang === "zh" ? problem.zh : problem.en}`)].join("\n");
}
