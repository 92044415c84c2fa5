/**
 * Applications from a table with one claim per row — a CSV file or a workbook's sheet (the columns are
 * documented in docs/cli.md).
 *
 * Rows group into applications by `creditCode`, in order of first appearance. The applicant's columns
 * may be repeated on every row or filled on one; filled values for the same credit code must agree. A
 * blank cell is an absent field — a missing fact, never 0 or false. Every cell is read by the adapters'
 * one cell reader (src/adapters/cells/read.ts) by the kind of its column: dates as clerks type them,
 * thousands separators, full-width digits, 是/否, √/×; a column headed `…(万元)` holds amounts in 万元.
 * Whole counts become JSON numbers, every other figure stays a decimal string so it stays exact; the
 * library validates the document and this module only says which row and column each issue is about.
 */
import { applicationJsonSchema, listClauseIds, type ValidationIssue } from "../../index.js";
import { type CellRead, isBlankCell } from "../cells/read.js";
import { readTableCell as readCell, type TableCellKind as CellKind } from "../cells/table.js";
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

/** The kind of each fixed column, for the cell reader (input.<field> columns take theirs from the schema). */
const COLUMN_KINDS: Readonly<Record<string, CellKind>> = {
  registeredInPinggu: "boolean",
  liveCommerceBusiness: "boolean",
  restrictedCatalogue: "boolean",
  majorAccident: "boolean",
  misconductFoundOn: "date",
  factDate: "date",
  paymentDate: "date",
  paidOn: "date",
  otherPolicyAmount: "number",
  grantAmount: "number",
};

type FieldKind = "boolean" | "count" | "date" | "number" | "text";

/** A column header may end in (万元) / （万元）: its amounts are in units of 10 000 yuan. */
const WAN_SUFFIX = /\s*[(（]\s*万元\s*[)）]$/;

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
  if (variants.some((variant) => (variant as { format?: unknown }).format === "date")) return "date";
  if (types.includes("number")) return "number";
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
  /** Problems of the rows themselves (a cell that is not what its column holds, a conflicting applicant value). */
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
  /** The raw cells of the row by column name (blank cells left out). */
  readonly cells: ReadonlyMap<string, unknown>;
  /** Problems of the row's shape (more cells than the header has columns). */
  readonly problems: readonly Problem[];
}

/** A column of the header: its name (without a unit suffix) and whether its amounts are in 万元. */
interface Column {
  readonly name: string;
  readonly wan: boolean;
}

function columnOf(cell: unknown): Column {
  const text = typeof cell === "string" ? cell.trim() : cell === null || cell === undefined ? "" : String(cell).trim();
  return WAN_SUFFIX.test(text) ? { name: text.replace(WAN_SUFFIX, ""), wan: true } : { name: text, wan: false };
}

/** Read the records of a CSV file (from `parseCsv`) as applications. */
export function applicationsFromCsv(records: readonly (readonly string[])[]): CsvRead {
  return applicationsFromTable(records);
}

/**
 * Read a table (a CSV file's records, or a sheet's rows with raw cell values: text, numbers, booleans,
 * dates) as applications. `records[i]` is row `i + 1`; the first row is the header.
 */
export function applicationsFromTable(records: readonly (readonly unknown[])[]): CsvRead {
  const columns = (records[0] ?? []).map(columnOf);
  const header = columns.map((column) => column.name);
  const headerProblems = checkHeader(columns, records.length);
  if (headerProblems.length > 0) return { fileProblems: headerProblems, applications: [] };
  const wan = new Set(columns.filter((column) => column.wan).map((column) => column.name));

  const groups = new Map<string, Row[]>();
  const order: Row[][] = [];
  records.forEach((record, i) => {
    if (i === 0 || record.every(isBlankCell)) return;
    const number = i + 1;
    const rowProblems: Problem[] = [];
    if (record.length > header.length && record.slice(header.length).some((cell) => !isBlankCell(cell))) {
      rowProblems.push({
        code: "csv_shape",
        row: number,
        expected: `at most ${header.length} cells, one per column of the header`,
        expectedZh: `最多 ${header.length} 个单元格，与表头的列一一对应`,
        received: `${record.length} cells`,
        receivedZh: `${record.length} 个单元格`,
        hint: "a comma inside a value needs the value in double quotes",
        hintZh: "值中含有逗号时，须将该值放在双引号中",
      });
    }
    const cells = new Map<string, unknown>();
    header.forEach((column, c) => {
      const value = record[c];
      if (!isBlankCell(value)) cells.set(column, value);
    });
    const row: Row = { number, cells, problems: rowProblems };
    const code = readCell("text", cells.get("creditCode"));
    const creditCode = code !== null && "value" in code ? String(code.value) : undefined;
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
  return { fileProblems: [], applications: order.map((rows) => applicationFromRows(rows, wan)) };
}

function checkHeader(columns: readonly Column[], recordCount: number): Problem[] {
  const header = columns.map((column) => column.name);
  if (recordCount === 0 || header.every((cell) => cell === "")) {
    return [
      {
        code: "csv_header",
        row: 1,
        expected: "a header row naming the columns (see docs/cli.md), e.g. applicantName,creditCode,claimId,clauseId,…",
        expectedZh: "列名表头（见 docs/cli.md），例如 applicantName,creditCode,claimId,clauseId,…",
        received: "an empty file",
        receivedZh: "空文件",
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
        receivedZh: "空白的表头单元格",
      });
      return;
    }
    if (seen.has(column)) {
      problems.push({ code: "csv_header", row: 1, column, field: column, expected: "each column once", expectedZh: "每列只出现一次", received: "a second column of the same name", receivedZh: "同名的第二列" });
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
  columns.forEach((column) => {
    if (!column.wan || columnKind(column.name) === "number") return;
    problems.push({
      code: "csv_header",
      row: 1,
      column: `${column.name}(万元)`,
      field: column.name,
      expected: "(万元) only after a column of amounts (e.g. input.investment(万元))",
      expectedZh: "（万元）只能用于金额列（例如 input.investment(万元)）",
      received: JSON.stringify(`${column.name}(万元)`),
    });
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
      receivedZh: "没有这一列",
    });
  }
  return problems;
}

interface Where {
  readonly row: number;
  readonly column: string;
}

/** The kind of a column's cells: fixed for the named columns, from the clause's schema for input.<field>. */
function columnKind(column: string, clauseId?: unknown): FieldKind {
  const fixed = COLUMN_KINDS[column];
  if (fixed) return fixed as FieldKind;
  if (!column.startsWith(INPUT_PREFIX)) return "text";
  const field = column.slice(INPUT_PREFIX.length);
  const kinds = inputFieldKinds();
  const own = typeof clauseId === "string" ? kinds.get(clauseId)?.get(field) : undefined;
  if (own) return own;
  // No clause (or an unknown one) on the row: the kind the field has in the clauses that have it.
  for (const fields of kinds.values()) {
    const kind = fields.get(field);
    if (kind) return kind;
  }
  return "text";
}

/** Read one cell of a row for its column; a problem (with the row and column) when it is not readable. */
function cellOf(row: Row, column: string, wan: ReadonlySet<string>, problems: Problem[], clauseId?: unknown): { value: unknown } | undefined {
  const raw = row.cells.get(column);
  if (raw === undefined) return undefined;
  const read: CellRead = readCell(columnKind(column, clauseId), raw, { unit: wan.has(column) ? "wan" : "yuan", dates: "utc" });
  if (read === null) return undefined;
  if ("problem" in read) {
    problems.push({
      code: "invalid_value",
      row: row.number,
      column: wan.has(column) ? `${column}(万元)` : column,
      field: column,
      expected: read.problem.expected,
      expectedZh: read.problem.expectedZh,
      received: printable(raw),
      ...(read.problem.hint ? { hint: read.problem.hint } : {}),
      ...(read.problem.hintZh ? { hintZh: read.problem.hintZh } : {}),
    });
    return undefined;
  }
  return read;
}

/** A raw cell as the problem lines print it. */
function printable(raw: unknown): string {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? "an invalid date" : raw.toISOString().slice(0, 10);
  if (raw !== null && typeof raw === "object" && "numeric" in raw) return String((raw as { numeric: unknown }).numeric);
  return JSON.stringify(raw) ?? String(raw);
}

/** The same value of an applicant column, however it was typed (是 and TRUE agree). */
function sameValue(a: { value: unknown } | undefined, b: { value: unknown } | undefined): boolean {
  return JSON.stringify(a?.value) === JSON.stringify(b?.value);
}

function applicationFromRows(rows: readonly Row[], wan: ReadonlySet<string>): CsvApplication {
  const problems: Problem[] = rows.flatMap((row) => row.problems);
  const first = rows[0] as Row;

  // The applicant: the first filled value of each column; a different filled value later is a conflict.
  const applicant: Record<string, unknown> = {};
  const applicantWhere = new Map<string, Where>();
  for (const [column, field] of Object.entries(APPLICANT_COLUMNS)) {
    let taken: { read: { value: unknown } | undefined; raw: unknown; row: number } | undefined;
    for (const row of rows) {
      const raw = row.cells.get(column);
      if (raw === undefined) continue;
      if (!taken) {
        taken = { read: cellOf(row, column, wan, problems), raw, row: row.number };
        continue;
      }
      const read = readCell(columnKind(column), raw, { dates: "utc" });
      const value = read !== null && "value" in read ? read : undefined;
      if (!sameValue(value, taken.read) || (value === undefined && printable(raw) !== printable(taken.raw))) {
        problems.push({
          code: "inconsistent",
          row: row.number,
          column,
          field: column,
          expected: `the same ${column} as row ${taken.row} (${printable(taken.raw)}): rows with the same creditCode are one applicant`,
          expectedZh: `与第${taken.row}行相同的 ${column}（${printable(taken.raw)}）：统一社会信用代码相同的各行属于同一申请主体`,
          received: printable(raw),
        });
      }
    }
    applicantWhere.set(field, { row: taken?.row ?? first.number, column });
    if (!taken?.read) continue;
    applicant[field] = column === "otherReviewReason" ? { reason: taken.read.value } : taken.read.value;
  }

  // Findings: one per distinct set of misconduct cells.
  const findings: Record<string, unknown>[] = [];
  const findingRows: number[] = [];
  const findingKeys = new Set<string>();
  for (const row of rows) {
    const raws = Object.keys(FINDING_COLUMNS).map((column) => row.cells.get(column));
    if (raws.every((cell) => cell === undefined)) continue;
    const key = JSON.stringify(raws.map((raw) => (raw === undefined ? "" : printable(raw))));
    if (findingKeys.has(key)) continue;
    findingKeys.add(key);
    const finding: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(FINDING_COLUMNS)) {
      const read = cellOf(row, column, wan, problems);
      if (read === undefined) continue;
      if (field !== "grants") {
        finding[field] = read.value;
        continue;
      }
      const grants = String(read.value);
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
  const claims: Record<string, unknown>[] = [];
  const claimRows: number[] = [];
  const history: Record<string, unknown>[] = [];
  const grantRows: number[] = [];
  for (const row of rows) {
    if (row.cells.has("grantId")) {
      const grant: Record<string, unknown> = {};
      for (const [column, field] of Object.entries(GRANT_COLUMNS)) {
        const read = cellOf(row, column, wan, problems);
        if (read !== undefined) grant[field] = read.value;
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
          received: printable(row.cells.get(column)),
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
      const read = cellOf(row, column, wan, problems);
      if (read === undefined) continue;
      if (field.startsWith("otherPolicySupport.")) other[field.slice("otherPolicySupport.".length)] = read.value;
      else claim[field] = read.value;
    }
    if (Object.keys(other).length > 0) claim.otherPolicySupport = other;
    for (const column of ["paidOn", "grantAmount"]) {
      const raw = row.cells.get(column);
      if (raw === undefined) continue;
      problems.push({
        code: "unknown_field",
        row: row.number,
        column,
        field: column,
        expected: `a blank ${column} cell, or a grantId: ${column} belongs to a grant row (a past grant)`,
        expectedZh: `空白的 ${column}，或填写 grantId：${column} 属于已拨付记录行`,
        received: printable(raw),
      });
    }
    const input: Record<string, unknown> = {};
    for (const column of row.cells.keys()) {
      if (!column.startsWith(INPUT_PREFIX)) continue;
      const read = cellOf(row, column, wan, problems, claim.clauseId);
      if (read !== undefined) input[column.slice(INPUT_PREFIX.length)] = read.value;
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
