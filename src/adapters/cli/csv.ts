/**
 * CSV as RFC 4180 writes it, and as Excel and WPS export it: fields separated by commas, records by CRLF
 * (a bare LF or CR is accepted too), fields in double quotes may hold commas, line breaks and doubled
 * quotes (""), and a UTF-8 byte order mark at the start is dropped. Small and dependency-free.
 *
 * Rows are numbered as a spreadsheet numbers them: the first record (the header) is row 1, and a record
 * whose quoted field spans several lines is still one row.
 */

export class CsvSyntaxError extends Error {
  override readonly name = "CsvSyntaxError";
  constructor(
    /** 1-based record number (a spreadsheet's row number). */
    readonly row: number,
    /** 1-based line of the text where the problem is (differs from `row` after multi-line fields). */
    readonly line: number,
    readonly problem: string,
    readonly problemZh: string,
  ) {
    super(`row ${row} (line ${line}): ${problem}`);
  }
}

/**
 * Parse CSV text into records (arrays of cells, as written: no trimming). `records[i]` is row `i + 1`.
 * A record that is one empty cell (a blank line) is kept as `[""]` so the numbering stays that of the
 * spreadsheet; the end of the text does not start a record.
 */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let line = 1;
  let i = 0;
  const n = input.length;
  // Whether anything of the current record has been read (so a final newline does not add a record).
  let started = false;

  const endRecord = (): void => {
    record.push(field);
    records.push(record);
    record = [];
    field = "";
    started = false;
  };

  while (i < n) {
    const ch = input[i] as string;
    if (ch === '"' && field === "") {
      // A quoted field (a quote opens one only at the start of a field): read to the closing quote.
      const openedRow = records.length + 1;
      const openedLine = line;
      i += 1;
      let closed = false;
      while (i < n) {
        const c = input[i] as string;
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          closed = true;
          break;
        }
        if (c === "\n" || (c === "\r" && input[i + 1] !== "\n")) line += 1;
        field += c;
        i += 1;
      }
      if (!closed) {
        throw new CsvSyntaxError(
          openedRow,
          openedLine,
          "a quoted field is never closed (a missing closing \")",
          "带引号的字段没有结束（缺少右引号 \"）",
        );
      }
      started = true;
      const next = input[i];
      if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
        throw new CsvSyntaxError(
          records.length + 1,
          line,
          `unexpected ${JSON.stringify(next)} after a closing quote: a quote inside a field must be doubled ("")`,
          `右引号后出现了意外的 ${JSON.stringify(next)}：字段内的引号须写成两个（""）`,
        );
      }
      continue;
    }
    if (ch === ",") {
      record.push(field);
      field = "";
      started = true;
      i += 1;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line += 1;
      endRecord();
      continue;
    }
    if (ch === '"') {
      throw new CsvSyntaxError(
        records.length + 1,
        line,
        "a quote inside an unquoted field: put the whole field in quotes and double the quote (\"\")",
        "未加引号的字段中出现了引号：请将整个字段放在引号中，并将其中的引号写成两个（\"\"）",
      );
    }
    field += ch;
    started = true;
    i += 1;
  }
  if (started) endRecord();
  return records;
}

/** Whether a record is blank: every cell empty or spaces (a blank line, or a row of empty cells). */
export function isBlankRecord(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === "");
}

/** A plain decimal number ("1000000.01", "-1.50"): written as it is, so a spreadsheet reads a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Text a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) is
 * written with a leading single quote, so Excel, WPS and LibreOffice show it as text and never run it
 * (an applicant named `=HYPERLINK(…)` stays a name). A plain decimal number stays a number.
 * docs/cli.md, "Safe outputs".
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One cell as RFC 4180 writes it: quoted when it holds a comma, quote, line break or edge spaces. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRecord(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
