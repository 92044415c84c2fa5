/**
 * The spreadsheet functions: thin calls into the pure core (evaluateClause, explainClause). No rule is
 * implemented here; this file only turns cells into the core's input and results into cell values.
 *
 * Nothing here throws at a spreadsheet: every problem comes back as text in the cell it concerns,
 * starting with "#", so that one bad row never costs the other 499 their answers.
 */
import { evaluateDraftClause } from "../../clause-binding.js";
import { PolicyValidationError, UnknownClauseError, type ValidationIssue } from "../../kernel/errors.js";
// renderClause, not explainClause: the result is the one just decided here and the language comes from
// languageOf, so there is nothing to check, and the check's code stays out of the 150,000-byte bundle.
import { type Language, renderClause } from "../../kernel/explain.js";
import type { ClauseResult } from "../../kernel/rule.js";
import { DRAFT_EDITION } from "../../measures/edition-draft.js";
import { LIBRARY_NAME, LIBRARY_VERSION } from "../../version.js";
import { cellValue, convertCell, isBlank, isBlankRow } from "./cells.js";
import { type SheetClause, sheetClause, sheetClauses } from "./clauses.js";

/** What a function hands back to a cell. */
export type CellOutput = number | string;

/** An evaluation that ran, or the problems (in both languages) that kept it from running. */
type Outcome =
  | { readonly kind: "blank" }
  | { readonly kind: "result"; readonly result: ClauseResult }
  | { readonly kind: "error"; readonly en: string; readonly zh: string };

function languageOf(raw: unknown): Language {
  const value = cellValue(raw);
  return typeof value === "string" && value.trim().toLowerCase().startsWith("en") ? "en" : "zh";
}

function issuesOutcome(issues: readonly ValidationIssue[]): Outcome {
  return {
    kind: "error",
    // The cell names each field: an issue's message alone does not.
    en: issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "),
    zh: issues.map((issue) => `${issue.path}：${issue.messageZh}`).join("；"),
  };
}

function thrownOutcome(error: unknown): Outcome {
  // First: an UnknownClauseError is also a PolicyValidationError, and its own words are shorter.
  if (error instanceof UnknownClauseError) {
    const known = error.knownIds.join(", ");
    return {
      kind: "error",
      en: `unknown clause id "${error.clauseId}"; known clause ids: ${known}`,
      zh: `未知的条款编号“${error.clauseId}”；已知编号：${known}`,
    };
  }
  if (error instanceof PolicyValidationError) return issuesOutcome(error.issues);
  // Not expected from the core; still an answer in the cell rather than a failure of the sheet.
  const text = error instanceof Error ? error.message : String(error);
  return { kind: "error", en: `internal error: ${text}`, zh: `内部错误：${text}` };
}

/** Evaluate one applicant's cells (in the order of the clause's fields) through the core. */
function evaluateCells(clause: SheetClause, cells: readonly unknown[], rangeRow = false): Outcome {
  // In a range, desktop Excel hands blank cells over as 0: a row of nothing but 0 and blanks is blank.
  if (rangeRow ? isBlankRow(cells) : cells.every(isBlank)) return { kind: "blank" };
  const { fields } = clause;
  const extra = cells.slice(fields.length).filter((cell) => !isBlank(cell)).length;
  if (extra > 0) {
    const names = fields.map((field) => field.name).join(", ");
    return {
      kind: "error",
      en: `clause ${clause.id} takes ${fields.length} inputs (${names}); ${cells.length} were given`,
      zh: `条款 ${clause.id} 需要 ${fields.length} 项输入（${names}），实际给出 ${cells.length} 项`,
    };
  }
  const input: Record<string, unknown> = {};
  const adapterIssues: ValidationIssue[] = [];
  fields.forEach((field, index) => {
    const cell = convertCell(field.name, field.kind, cells[index]);
    if (cell === null) return;
    if ("issue" in cell) adapterIssues.push(cell.issue);
    else input[field.name] = cell.value;
  });
  try {
    const result = evaluateDraftClause(clause.id, input);
    return adapterIssues.length > 0 ? issuesOutcome(adapterIssues) : { kind: "result", result };
  } catch (error) {
    if (!(error instanceof PolicyValidationError)) return thrownOutcome(error);
    // Every problem of the row at once, in the order of the columns.
    const order = (issue: ValidationIssue): number => fields.findIndex((field) => field.name === issue.pathSegments[0]);
    return issuesOutcome([...adapterIssues, ...error.issues].sort((a, b) => order(a) - order(b)));
  }
}

function evaluateCall(clauseId: unknown, cells: readonly unknown[]): Outcome {
  let clause: SheetClause;
  try {
    clause = sheetClause(cellValue(clauseId));
  } catch (error) {
    return thrownOutcome(error);
  }
  return evaluateCells(clause, cells);
}

function missingText(result: ClauseResult, lang: Language): string {
  return lang === "zh" ? `缺少事实：${result.missingFacts.join("、")}` : `missing facts: ${result.missingFacts.join(", ")}`;
}

/**
 * The amount cell: a number for a decision (0 when ineligible), "" for a blank row, and text starting
 * with "#" when there is no figure. `exact` gives the two-place decimal string instead of a number.
 */
function amountCell(outcome: Outcome, lang: Language, exact: boolean): CellOutput {
  switch (outcome.kind) {
    case "blank":
      return "";
    case "error":
      return `#ERROR: ${outcome[lang]}`;
    case "result": {
      const { result } = outcome;
      if (result.amount === null) return `#UNDETERMINED: ${missingText(result, lang)}`;
      // Every amount is at most 10^12 yuan with two places (10^14 fen < 2^53): the number is the
      // double nearest the exact amount, and prints back as exactly the same two-place figure.
      return exact ? result.amount : Number(result.amount);
    }
  }
}

function reasonText(result: ClauseResult, lang: Language): string {
  return result.reasons.map((reason) => reason[lang]).join(lang === "zh" ? "；" : "; ");
}

/** One row of a range answer: amount, status, reason. */
function rowCells(outcome: Outcome, lang: Language): CellOutput[] {
  switch (outcome.kind) {
    case "blank":
      return ["", "", ""];
    case "error":
      return [amountCell(outcome, lang, false), "error", outcome[lang]];
    case "result":
      return [amountCell(outcome, lang, false), outcome.result.status, reasonText(outcome.result, lang)];
  }
}

/** A range as rows of cells, whatever shape the host hands over (a cell, a row, a 2D array). */
function rowsOf(range: unknown): unknown[][] {
  const value = cellValue(range);
  if (!Array.isArray(value)) return [[value]];
  if (!value.some(Array.isArray)) return [value];
  return value.map((row) => (Array.isArray(row) ? row : [row]));
}

// ---------------------------------------------------------------------------------------------------
// The functions. Their names are what a spreadsheet user types; keep them stable.

/**
 * PINGGU_SUBSIDY(clauseId, input1, input2, …): the subsidy of one clause for one applicant, as a
 * number of yuan (0 when ineligible). Inputs are the clause's fields in the order PINGGU_FIELDS lists.
 * All inputs blank → "". Undetermined → "#UNDETERMINED: …"; bad input → "#ERROR: …" (Chinese).
 */
export function PINGGU_SUBSIDY(clauseId: unknown, ...inputs: unknown[]): CellOutput {
  return amountCell(evaluateCall(clauseId, inputs), "zh", false);
}

/** PINGGU_SUBSIDY_TEXT(clauseId, …): as PINGGU_SUBSIDY, but the amount as exact text "1000000.01". */
export function PINGGU_SUBSIDY_TEXT(clauseId: unknown, ...inputs: unknown[]): CellOutput {
  return amountCell(evaluateCall(clauseId, inputs), "zh", true);
}

/** PINGGU_EXPLAIN(clauseId, …): the decision explained step by step, in Chinese. */
export function PINGGU_EXPLAIN(clauseId: unknown, ...inputs: unknown[]): string {
  return explainCall(evaluateCall(clauseId, inputs), "zh");
}

/** PINGGU_EXPLAIN_EN(clauseId, …): the decision explained step by step, in English. */
export function PINGGU_EXPLAIN_EN(clauseId: unknown, ...inputs: unknown[]): string {
  return explainCall(evaluateCall(clauseId, inputs), "en");
}

function explainCall(outcome: Outcome, lang: Language): string {
  switch (outcome.kind) {
    case "blank":
      return "";
    case "error":
      return `#ERROR: ${outcome[lang]}`;
    case "result":
      return renderClause(outcome.result, lang);
  }
}

/**
 * PINGGU_SUBSIDY_RANGE(clauseId, range, [lang]): one row per applicant (columns = the clause's inputs),
 * answered with one row each of [amount, status, reason]. Blank rows give blank rows; a bad row gives
 * "#ERROR: …" in its own cells only. `lang` "en" gives English reasons; Chinese by default.
 */
export function PINGGU_SUBSIDY_RANGE(clauseId: unknown, range: unknown, lang?: unknown): CellOutput[][] {
  const language = languageOf(lang);
  const rows = rowsOf(range);
  let clause: SheetClause;
  try {
    clause = sheetClause(cellValue(clauseId));
  } catch (error) {
    const failed = rowCells(thrownOutcome(error), language);
    return rows.map(() => failed);
  }
  // A loop, not Math.max(...): a range of some 120,000 rows would overflow the call stack as arguments.
  let width = Number.NEGATIVE_INFINITY;
  for (const row of rows) width = Math.max(width, row.length);
  if (width !== clause.fields.length) {
    const names = clause.fields.map((field) => field.name).join(", ");
    const wrong = rowCells(
      {
        kind: "error",
        en: `clause ${clause.id} needs a range ${clause.fields.length} columns wide (${names}); this one is ${width} wide`,
        zh: `条款 ${clause.id} 需要 ${clause.fields.length} 列的区域（${names}），所选区域为 ${width} 列`,
      },
      language,
    );
    return rows.map((row) => (isBlankRow(row) ? ["", "", ""] : wrong));
  }
  return rows.map((row) => rowCells(evaluateCells(clause, row, true), language));
}

/** PINGGU_FIELDS(clauseId): the clause's input columns, as one row of names (a header row). */
export function PINGGU_FIELDS(clauseId: unknown): CellOutput[][] {
  try {
    return [sheetClause(cellValue(clauseId)).fields.map((field) => field.name)];
  } catch (error) {
    return [[amountCell(thrownOutcome(error), "zh", false)]];
  }
}

/** PINGGU_CLAUSES(): every clause, one row each: id, function, title (zh, en), citation, inputs. */
export function PINGGU_CLAUSES(): CellOutput[][] {
  return [
    ["clauseId", "function", "titleZh", "titleEn", "citation", "inputs"],
    ...sheetClauses().map((clause) => [
      clause.id,
      clause.functionName,
      clause.rule.title.zh,
      clause.rule.title.en,
      clause.rule.citation.labelZh,
      clause.fields.map((field) => field.name).join(", "),
    ]),
  ];
}

/** PINGGU_VERSION(): the library and edition that compute the figures, for the record. */
export function PINGGU_VERSION(): string {
  return `${LIBRARY_NAME} ${LIBRARY_VERSION}, edition ${DRAFT_EDITION.id}`;
}

/** The per-clause function of a clause id: PINGGU_ART3_3(a, b, c, d) = PINGGU_SUBSIDY("art3.3", a, b, c, d). */
export function clauseFunction(clauseId: string): (...inputs: unknown[]) => CellOutput {
  return (...inputs) => PINGGU_SUBSIDY(clauseId, ...inputs);
}
