/**
 * Applications from a CSV file with one claim per row (the columns are documented in docs/cli.md).
 *
 * Rows group into applications by `creditCode`, in order of first appearance. The applicant's columns
 * may be repeated on every row or filled on one; filled values for the same credit code must agree. A
 * blank cell is an absent field — a missing fact, never 0 or false. Booleans are `true`/`false` (any
 * case, as Excel writes TRUE/FALSE) or `是`/`否`. Whole counts become JSON numbers, every other figure
 * stays text so decimals stay exact; the library validates them and this module only says which row
 * and column each of its issues is about.
 */
import { applicationJsonSchema, listClauseIds, type ValidationIssue } from "../../index.js";
import { isBlankRecord } from "./csv.js";
import type { Locator, Problem } from "./problems.js";

/** Applicant columns → field of `applicant`. */
export const APPLICANT_COLUMNS = {
  applicantName: "name",
  creditCode: "creditCode",
  registeredInPinggu: "registeredInPinggu",
  liveCommerceBusiness: "liveCommerceBusiness",
  restrictedCatalogue: "restrictedCatalogue",
  majorAccident: "majorAccident",
  otherReviewReason: "otherReviewFinding",
} as const;

/** One 第九条/第十三条 finding per row that fills `misconductKind`. */
export const FINDING_COLUMNS = {
  misconductKind: "kind",
  misconductFoundOn: "foundOn",
  misconductDescription: "description",
  misconductGrants: "grants",
} as const;

/** Claim columns → field of the claim (`otherPolicy*` → `otherPolicySupport`). */
export const CLAIM_COLUMNS = {
  claimId: "id",
  clauseId: "clauseId",
  factDate: "factDate",
  paymentDate: "paymentDate",
  projectId: "projectId",
  productId: "productId",
  otherPolicy: "otherPolicySupport.policy",
  otherPolicyAmount: "otherPolicySupport.amount",
} as const;

/** Columns of a grant row (a row that fills `grantId`): the applicant's grant history. */
export const GRANT_COLUMNS = {
  grantId: "id",
  clauseId: "clauseId",
  factDate: "factDate",
  paidOn: "paidOn",
  grantAmount: "amount",
  projectId: "projectId",
  productId: "productId",
} as const;

export const INPUT_PREFIX = "input.";

const BOOLEAN_APPLICANT_COLUMNS = new Set(["registeredInPinggu", "liveCommerceBusiness", "restrictedCatalogue", "majorAccident"]);
const TRUE_WORDS = new Set(["true", "是"]);
const FALSE_WORDS = new Set(["false", "否"]);

type FieldKind = "boolean" | "count" | "text";

let kindsCache: ReadonlyMap<string, ReadonlyMap<string, FieldKind>> | undefined;

/** Each clause's input fields and their kind, read from the library's own JSON Schema. */
export function inputFieldKinds(): ReadonlyMap<string, ReadonlyMap<string, FieldKind>> {
  if (kindsCache) return kindsCache;
  const schema = applicationJsonSchema() as { $defs?: Record<string, { properties?: Record<string, unknown> }> };
  const byClause = new Map<string, Map<string, FieldKind>>();
  for (const clauseId of listClauseIds()) {
    const fields = new Map<string, FieldKind>();
    for (const [name, property] of Object.entries(schema.$defs?.[`input-${clauseId}`]?.properties ?? {})) {
      fields.set(name, kindOf(property));
    }
    byClause.set(clauseId, fields);
  }
  kindsCache = byClause;
  return byClause;
}

function kindOf(property: unknown): FieldKind {
  const variants = (property as { anyOf?: unknown[] }).anyOf ?? [property];
  const types = variants.flatMap((variant) => {
    const type = (variant as { type?: unknown }).type;
    return Array.isArray(type) ? type : [type];
  });
  if (types.includes("boolean")) return "boolean";
  if (types.includes("integer")) return "count";
  return "text";
}

/** Every column a CSV file may have. */
export function knownColumns(): readonly string[] {
  const inputs = new Set<string>();
  for (const fields of inputFieldKinds().values()) for (const name of fields.keys()) inputs.add(`${INPUT_PREFIX}${name}`);
  return [
    ...Object.keys(APPLICANT_COLUMNS),
    ...Object.keys(FINDING_COLUMNS),
    ...Object.keys(CLAIM_COLUMNS),
    ...Object.keys(GRANT_COLUMNS).filter((column) => !(column in CLAIM_COLUMNS)),
    ...[...inputs].sort(),
  ];
}

/** One application read from the rows of one credit code. */
export interface CsvApplication {
  readonly document: unknown;
  /** The rows it was read from (spreadsheet numbering). */
  readonly rows: readonly number[];
  /** The row of each claim, in the order of `claims`. */
  readonly claimRows: readonly number[];
  /** Problems of the rows themselves (a bad boolean, a conflicting applicant value). */
  readonly problems: readonly Problem[];
  readonly locate: Locator;
}

export interface CsvRead {
  /** Problems of the file as a whole (its header): nothing in it can be read. */
  readonly fileProblems: readonly Problem[];
  readonly applications: readonly CsvApplication[];
}

interface Row {
  readonly number: number;
  readonly cells: ReadonlyMap<string, string>;
  /** Problems of the row's shape (more cells than the header has columns). */
  readonly problems: readonly Problem[];
}

/** Read the records of a CSV file (from `parseCsv`) as applications. */
export function applicationsFromCsv(records: readonly (readonly string[])[]): CsvRead {
  const header = (records[0] ?? []).map((cell) => cell.trim());
  const headerProblems = checkHeader(header, records.length);
  if (headerProblems.length > 0) return { fileProblems: headerProblems, applications: [] };

  const groups = new Map<string, Row[]>();
  const order: Row[][] = [];
  records.forEach((record, i) => {
    if (i === 0 || isBlankRecord(record)) return;
    const number = i + 1;
    const rowProblems: Problem[] = [];
    if (record.length > header.length && record.slice(header.length).some((cell) => cell.trim() !== "")) {
      rowProblems.push({
        code: "csv_shape",
        row: number,
        expected: `at most ${header.length} cells, one per column of the header`,
        expectedZh: `最多 ${header.length} 个单元格，与表头的列一一对应`,
        received: `${record.length} cells`,
        hint: "a comma inside a value needs the value in double quotes",
        hintZh: "值中含有逗号时，须将该值放在双引号中",
      });
    }
    const cells = new Map<string, string>();
    header.forEach((column, c) => {
      const value = (record[c] ?? "").trim();
      if (value !== "") cells.set(column, value);
    });
    const row: Row = { number, cells, problems: rowProblems };
    const creditCode = cells.get("creditCode");
    if (creditCode === undefined) {
      // No credit code: the row cannot be grouped; it stands alone, and the library says what is missing.
      order.push([row]);
      return;
    }
    const group = groups.get(creditCode);
    if (group) group.push(row);
    else {
      const fresh = [row];
      groups.set(creditCode, fresh);
      order.push(fresh);
    }
  });
  return { fileProblems: [], applications: order.map(applicationFromRows) };
}

function checkHeader(header: readonly string[], recordCount: number): Problem[] {
  if (recordCount === 0 || header.every((cell) => cell === "")) {
    return [
      {
        code: "csv_header",
        row: 1,
        expected: "a header row naming the columns (see docs/cli.md), e.g. applicantName,creditCode,claimId,clauseId,…",
        expectedZh: "列名表头（见 docs/cli.md），例如 applicantName,creditCode,claimId,clauseId,…",
        received: "an empty file",
      },
    ];
  }
  const known = new Set(knownColumns());
  const problems: Problem[] = [];
  const seen = new Set<string>();
  header.forEach((column, c) => {
    if (column === "" ) {
      problems.push({
        code: "csv_header",
        row: 1,
        column: `#${c + 1}`,
        expected: "a column name",
        expectedZh: "列名",
        received: "an empty header cell",
      });
      return;
    }
    if (seen.has(column)) {
      problems.push({ code: "csv_header", row: 1, column, field: column, expected: "each column once", expectedZh: "每列只出现一次", received: "a second column of the same name" });
    }
    seen.add(column);
    if (!known.has(column)) {
      const isInput = column.startsWith(INPUT_PREFIX);
      problems.push({
        code: "unknown_field",
        row: 1,
        column,
        field: column,
        expected: isInput
          ? `an input field of some clause (input.<field>, see docs/clauses.md); no clause has "${column.slice(INPUT_PREFIX.length)}"`
          : `a known column: ${[...Object.keys(APPLICANT_COLUMNS), ...Object.keys(FINDING_COLUMNS), ...Object.keys(CLAIM_COLUMNS), "grantId", "paidOn", "grantAmount"].join(", ")}, or input.<field>`,
        expectedZh: isInput
          ? `某一条款的输入字段（input.<字段名>，见 docs/clauses.md）；没有条款含有“${column.slice(INPUT_PREFIX.length)}”`
          : "已知列名（见 docs/cli.md）或 input.<字段名>",
        received: JSON.stringify(column),
        hint: "check the spelling: a misspelt column would lose every value in it",
        hintZh: "请检查拼写：列名拼错会使整列数据丢失",
      });
    }
  });
  if (!seen.has("creditCode")) {
    problems.push({
      code: "csv_header",
      row: 1,
      column: "creditCode",
      field: "creditCode",
      expected: "a creditCode column: rows are grouped into applications by the applicant's credit code",
      expectedZh: "creditCode 列：按申请主体的统一社会信用代码将各行归为申请",
      received: "no such column",
    });
  }
  return problems;
}

interface Where {
  readonly row: number;
  readonly column: string;
}

function parseBoolean(text: string): boolean | undefined {
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

function booleanProblem(row: number, column: string, text: string): Problem {
  return {
    code: "invalid_value",
    row,
    column,
    field: column,
    expected: "true or false (or 是 / 否); leave the cell blank when the fact is not known",
    expectedZh: "true 或 false（或 是 / 否）；事实未知时请留空",
    received: JSON.stringify(text),
  };
}

function applicationFromRows(rows: readonly Row[]): CsvApplication {
  const problems: Problem[] = rows.flatMap((row) => row.problems);
  const first = rows[0] as Row;

  // The applicant: the first filled value of each column; a different filled value later is a conflict.
  const applicant: Record<string, unknown> = {};
  const applicantWhere = new Map<string, Where>();
  for (const [column, field] of Object.entries(APPLICANT_COLUMNS)) {
    let taken: { text: string; row: number } | undefined;
    for (const row of rows) {
      const text = row.cells.get(column);
      if (text === undefined) continue;
      if (!taken) {
        taken = { text, row: row.number };
        continue;
      }
      if (text !== taken.text) {
        problems.push({
          code: "inconsistent",
          row: row.number,
          column,
          field: column,
          expected: `the same ${column} as row ${taken.row} (${JSON.stringify(taken.text)}): rows with the same creditCode are one applicant`,
          expectedZh: `与第${taken.row}行相同的 ${column}（${JSON.stringify(taken.text)}）：统一社会信用代码相同的各行属于同一申请主体`,
          received: JSON.stringify(text),
        });
      }
    }
    applicantWhere.set(field, { row: taken?.row ?? first.number, column });
    if (!taken) continue;
    if (BOOLEAN_APPLICANT_COLUMNS.has(column)) {
      const value = parseBoolean(taken.text);
      if (value === undefined) problems.push(booleanProblem(taken.row, column, taken.text));
      else applicant[field] = value;
    } else if (column === "otherReviewReason") {
      applicant[field] = { reason: taken.text };
    } else {
      applicant[field] = taken.text;
    }
  }

  // Findings: one per distinct set of misconduct cells.
  const findings: Record<string, unknown>[] = [];
  const findingRows: number[] = [];
  const findingKeys = new Map<string, number>();
  for (const row of rows) {
    const cells = Object.keys(FINDING_COLUMNS).map((column) => row.cells.get(column) ?? "");
    if (cells.every((cell) => cell === "")) continue;
    const key = JSON.stringify(cells);
    if (findingKeys.has(key)) continue;
    findingKeys.set(key, findings.length);
    const [kind, foundOn, description, grants] = cells as [string, string, string, string];
    const finding: Record<string, unknown> = {};
    if (kind !== "") finding.kind = kind;
    if (foundOn !== "") finding.foundOn = foundOn;
    if (description !== "") finding.description = description;
    if (grants !== "") {
      finding.grants = /^(all|全部)$/i.test(grants)
        ? "all"
        : grants
            .split(/[;；]/)
            .map((id) => id.trim())
            .filter((id) => id !== "");
    }
    findings.push(finding);
    findingRows.push(row.number);
  }
  if (findings.length > 0) applicant.misconductFindings = findings;

  // Claims and grants.
  const kinds = inputFieldKinds();
  const claims: Record<string, unknown>[] = [];
  const claimRows: number[] = [];
  const history: Record<string, unknown>[] = [];
  const grantRows: number[] = [];
  for (const row of rows) {
    if (row.cells.has("grantId")) {
      const grant: Record<string, unknown> = {};
      for (const [column, field] of Object.entries(GRANT_COLUMNS)) {
        const text = row.cells.get(column);
        if (text !== undefined) grant[field] = text;
      }
      for (const column of row.cells.keys()) {
        if (column in GRANT_COLUMNS || column in APPLICANT_COLUMNS || column in FINDING_COLUMNS) continue;
        problems.push({
          code: "unknown_field",
          row: row.number,
          column,
          field: column,
          expected: `a blank ${column} cell: a grant row (one with a grantId) records a past grant and has no ${column}`,
          expectedZh: `空白的 ${column}：已拨付记录行（填写了 grantId 的行）没有 ${column}`,
          received: JSON.stringify(row.cells.get(column)),
        });
      }
      history.push(grant);
      grantRows.push(row.number);
      continue;
    }
    const isClaim = [...row.cells.keys()].some((column) => column in CLAIM_COLUMNS || column.startsWith(INPUT_PREFIX) || column === "paidOn" || column === "grantAmount");
    if (!isClaim) continue;
    const claim: Record<string, unknown> = {};
    const other: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(CLAIM_COLUMNS)) {
      const text = row.cells.get(column);
      if (text === undefined) continue;
      if (field.startsWith("otherPolicySupport.")) other[field.slice("otherPolicySupport.".length)] = text;
      else claim[field] = text;
    }
    if (Object.keys(other).length > 0) claim.otherPolicySupport = other;
    for (const column of ["paidOn", "grantAmount"]) {
      const text = row.cells.get(column);
      if (text === undefined) continue;
      problems.push({
        code: "unknown_field",
        row: row.number,
        column,
        field: column,
        expected: `a blank ${column} cell, or a grantId: ${column} belongs to a grant row (a past grant)`,
        expectedZh: `空白的 ${column}，或填写 grantId：${column} 属于已拨付记录行`,
        received: JSON.stringify(text),
      });
    }
    const clauseFields = kinds.get(String(claim.clauseId));
    const input: Record<string, unknown> = {};
    for (const [column, text] of row.cells) {
      if (!column.startsWith(INPUT_PREFIX)) continue;
      const field = column.slice(INPUT_PREFIX.length);
      const kind = clauseFields?.get(field) ?? "text";
      if (kind === "boolean") {
        const value = parseBoolean(text);
        if (value === undefined) problems.push(booleanProblem(row.number, column, text));
        else input[field] = value;
      } else if (kind === "count" && /^\d+$/.test(text) && Number.isSafeInteger(Number(text))) {
        input[field] = Number(text);
      } else {
        input[field] = text;
      }
    }
    claim.input = input;
    claims.push(claim);
    claimRows.push(row.number);
  }

  const document: Record<string, unknown> = { applicant, claims };
  if (history.length > 0) document.history = history;

  const locate: Locator = (issue: ValidationIssue) => locateIssue(issue, { first: first.number, applicantWhere, findingRows, claimRows, grantRows });
  return { document, rows: rows.map((row) => row.number), claimRows, problems, locate };
}

interface RowMap {
  readonly first: number;
  readonly applicantWhere: ReadonlyMap<string, Where>;
  readonly findingRows: readonly number[];
  readonly claimRows: readonly number[];
  readonly grantRows: readonly number[];
}

const CLAIM_FIELD_COLUMNS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CLAIM_COLUMNS).map(([column, field]) => [field, column]),
);
const GRANT_FIELD_COLUMNS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(GRANT_COLUMNS).map(([column, field]) => [field, column]),
);
const FINDING_FIELD_COLUMNS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FINDING_COLUMNS).map(([column, field]) => [field, column]),
);

/** The row and column of a library issue about an application read from CSV. */
function locateIssue(issue: ValidationIssue, map: RowMap): ReturnType<Locator> {
  const [head, index, field, sub] = issue.pathSegments;
  const at = (row: number | undefined, column: string | undefined) => ({
    row: row ?? map.first,
    ...(column !== undefined ? { column, field: column } : {}),
    path: issue.path,
  });
  if (head === "claims" && typeof index === "number") {
    const row = map.claimRows[index];
    if (field === "input") return at(row, typeof sub === "string" ? `${INPUT_PREFIX}${sub}` : "clauseId");
    if (field === "otherPolicySupport") return at(row, sub === "amount" ? "otherPolicyAmount" : "otherPolicy");
    return at(row, typeof field === "string" ? CLAIM_FIELD_COLUMNS[field] : undefined);
  }
  if (head === "history" && typeof index === "number") {
    return at(map.grantRows[index], typeof field === "string" ? GRANT_FIELD_COLUMNS[field] : undefined);
  }
  if (head === "applicant") {
    if (index === "misconductFindings") {
      const findingIndex = typeof field === "number" ? field : undefined;
      const row = findingIndex === undefined ? undefined : map.findingRows[findingIndex];
      return at(row, typeof sub === "string" ? FINDING_FIELD_COLUMNS[sub] : "misconductKind");
    }
    const where = typeof index === "string" ? map.applicantWhere.get(index) : undefined;
    return at(where?.row, where?.column);
  }
  return at(undefined, undefined);
}
