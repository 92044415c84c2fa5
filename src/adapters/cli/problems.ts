/**
 * What is wrong with an input, and where: the file, the CSV row and column or the JSON path (or the line
 * of a JSON Lines file), the field, what was expected and what was received, in English and Chinese.
 */
import type { Language, ValidationIssue } from "../../index.js";

export interface Problem {
  /** A validation code of the library (`invalid_value`, `required`, …) or one of the reader's own. */
  readonly code: string;
  /** CSV: the row, numbered as a spreadsheet does (the header is row 1). */
  readonly row?: number;
  /** CSV: the column name. */
  readonly column?: string;
  /** JSON / JSON Lines: the line of the text (1-based). */
  readonly line?: number;
  /** JSON: the character on that line (1-based), for syntax errors. */
  readonly character?: number;
  /** JSON path inside the document, e.g. `[2].claims[0].input.investment`. */
  readonly path?: string;
  /** The field named: the CSV column, or the last name of the JSON path. */
  readonly field?: string;
  readonly expected: string;
  readonly expectedZh: string;
  /** A printable rendering of what was found; absent when it is not a value (e.g. a syntax error). */
  readonly received?: string;
  /** The same in Chinese, when `received` is words rather than the value itself ("an empty file"). */
  readonly receivedZh?: string;
  /** The workbook's sheet, for a problem in an .xlsx file. */
  readonly sheet?: string;
  readonly hint?: string;
  readonly hintZh?: string;
}

/** Where a problem is, as words: "row 4, column input.investment" / "第4行，“input.investment”列". */
export function describeWhere(problem: Problem, lang: Language): string {
  const parts: string[] = [];
  const zh = lang === "zh";
  if (problem.sheet !== undefined) parts.push(zh ? `工作表“${problem.sheet}”` : `sheet ${JSON.stringify(problem.sheet)}`);
  if (problem.row !== undefined) parts.push(zh ? `第${problem.row}行` : `row ${problem.row}`);
  if (problem.line !== undefined) {
    const at = problem.character !== undefined ? (zh ? `第${problem.character}个字符` : `column ${problem.character}`) : "";
    parts.push(zh ? `第${problem.line}行${at ? `${at}` : ""}` : `line ${problem.line}${at ? `, ${at}` : ""}`);
  }
  if (problem.column !== undefined) parts.push(zh ? `“${problem.column}”列` : `column ${problem.column}`);
  else if (problem.path !== undefined) parts.push(problem.path);
  return parts.join(zh ? "，" : ", ");
}

/** The whole sentence for one problem, without the file name. */
export function describeProblem(problem: Problem, lang: Language): string {
  const where = describeWhere(problem, lang);
  if (lang === "zh") {
    const seen = problem.receivedZh ?? problem.received;
    const received = seen !== undefined ? `；实际收到 ${seen}` : "";
    const hint = problem.hintZh ? `（${problem.hintZh}）` : "";
    return `${where ? `${where}：` : ""}应为${problem.expectedZh}${received}${hint}`;
  }
  const received = problem.received !== undefined ? `; received ${problem.received}` : "";
  const hint = problem.hint ? ` (${problem.hint})` : "";
  return `${where ? `${where}: ` : ""}expected ${problem.expected}${received}${hint}`;
}

/** Where an issue of the library (a JSON path inside one application) is in the input it was read from. */
export type Locator = (issue: ValidationIssue) => Pick<Problem, "row" | "column" | "line" | "path" | "field">;

/** The last name in a JSON path: `claims[0].input.investment` → `investment`. */
export function lastName(segments: readonly (string | number)[]): string | undefined {
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    const segment = segments[i];
    if (typeof segment === "string") return segment;
  }
  return undefined;
}

/** A problem from one of the library's validation issues, placed by a locator. */
export function fromIssue(issue: ValidationIssue, locate: Locator): Problem {
  return {
    code: issue.code,
    ...locate(issue),
    expected: issue.expected,
    expectedZh: issue.expectedZh,
    received: issue.received,
    ...(issue.hint ? { hint: issue.hint } : {}),
    ...(issue.hintZh ? { hintZh: issue.hintZh } : {}),
  };
}

/** Locates issues of a JSON document: its path, prefixed by where the document sits in the file. */
export function jsonLocator(prefix: string, line?: number): Locator {
  return (issue) => {
    const inner = issue.path === "(root)" ? "" : issue.path;
    const path = prefix === "" ? issue.path : inner === "" ? prefix : `${prefix}.${inner}`.replace(".[", "[");
    const field = lastName(issue.pathSegments);
    return { path, ...(line !== undefined ? { line } : {}), ...(field !== undefined ? { field } : {}) };
  };
}
