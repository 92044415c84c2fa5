/**
 * Spreadsheet cells → the core's strict input, through the adapters' one cell reader
 * (src/adapters/cells/read.ts, shared with the CLI's CSV and workbook readers): spreadsheet habits
 * (numeric text with full-width digits or thousands separators, 是/否, √/×, Date objects, Excel serial
 * numbers) are read there; the core itself stays strict and refuses all of them.
 *
 * A blank cell ("" / null / undefined / only spaces) is a missing fact: the field is left out of the
 * input, so the core makes the clause undetermined. It is never read as 0 or false.
 */
import { makeIssue, type ValidationIssue } from "../../kernel/errors.js";
import { type CellProblem, isBlankCell, isDateObject, readCell } from "../cells/read.js";

export { isDateObject };

/** What a clause field holds, as far as the conversion of a cell is concerned. */
export type FieldKind = "boolean" | "date" | "number" | "text" | "any";

/** A converted cell: a value for the core, nothing (blank), or the adapter's own issue. */
export type Cell = { readonly value: unknown } | { readonly issue: ValidationIssue } | null;

/**
 * The value of a cell as the host hands it over. Hosts that pass a Range object instead of its value
 * (WPS JSA, VBA-style engines) are read through `Value2`, the raw value (dates as serial numbers).
 */
export function cellValue(raw: unknown): unknown {
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw) && !isDateObject(raw) && "Value2" in raw) {
    return (raw as { Value2: unknown }).Value2;
  }
  return raw;
}

export function isBlank(raw: unknown): boolean {
  return isBlankCell(cellValue(raw));
}

/**
 * Desktop Excel hands a blank cell inside a range to a custom function as 0. A range row whose cells are
 * all blank or all 0 is therefore a blank row (no applicant), not an applicant with every figure 0.
 * (A single blank among figures cannot be told from 0 there: docs/spreadsheets.md says how a clerk
 * keeps it blank — a cell holding ="" reaches the function as empty text.)
 */
export function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every(isBlank) || cells.every((cell) => isBlank(cell) || cellValue(cell) === 0);
}

function issue(field: string, received: unknown, problem: CellProblem): Cell {
  return {
    issue: makeIssue({
      code: "invalid_value",
      pathSegments: [field],
      received,
      expected: problem.expected,
      expectedZh: problem.expectedZh,
      hint: problem.hint,
      hintZh: problem.hintZh,
    }),
  };
}

/**
 * Convert one cell for one field. Values the adapter cannot make sense of are handed to the core
 * unchanged wherever the core's own message says what is wrong; the adapter speaks only for what is
 * specific to spreadsheets (a range where one cell belongs, a date that is not a date).
 */
export function convertCell(field: string, kind: FieldKind, raw: unknown): Cell {
  let value = cellValue(raw);
  // Google Sheets hands a one-cell range over as [[value]].
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) value = value[0][0];
  if (isBlank(value)) return null;
  if (Array.isArray(value)) {
    return issue(field, value, {
      expected: "one cell",
      expectedZh: "一个单元格",
      hint: "a range was given where one cell belongs; for a range of applicants use PINGGU_SUBSIDY_RANGE",
      hintZh: "此处应为一个单元格，却给了一个区域；多个申请人请用 PINGGU_SUBSIDY_RANGE",
    });
  }
  // The adapters' one cell reader (src/adapters/cells/read.ts), as the CLI's CSV and workbook readers use it.
  const read = readCell(kind, value);
  if (read === null) return null;
  return "problem" in read ? issue(field, value, read.problem) : { value: read.value };
}
