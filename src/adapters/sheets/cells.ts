/**
 * Spreadsheet cells → the core's strict input. This is the ONLY place where spreadsheet habits are
 * tolerated (numeric text with full-width digits or thousands separators, 是/否, Date objects, Excel
 * serial numbers); the core itself stays strict and refuses all of them.
 *
 * A blank cell ("" / null / undefined / only spaces) is a missing fact: the field is left out of the
 * input, so the core makes the clause undetermined. It is never read as 0 or false.
 */
import { makeIssue, type ValidationIssue } from "../../kernel/errors.js";

/** What a clause field holds, as far as the conversion of a cell is concerned. */
export type FieldKind = "boolean" | "date" | "number" | "text" | "any";

/** A converted cell: a value for the core, nothing (blank), or the adapter's own issue. */
export type Cell = { readonly value: unknown } | { readonly issue: ValidationIssue } | null;

/** A Date from any realm (a spreadsheet engine's Date is not necessarily this script's Date). */
export function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

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
  const value = cellValue(raw);
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Full-width digits and signs (１２３．５) to ASCII; the ideographic comma stays a comma. */
function asciiDigits(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E/g, ".")
    .replace(/[\uFF0D\u2212]/g, "-")
    .replace(/\uFF0C/g, ",");
}

/** Thousands separators are dropped only where the grouping is unambiguous: 1,234,567.89 — not 1,00. */
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

function numberText(text: string): string {
  const ascii = asciiDigits(text.trim());
  return GROUPED.test(ascii) ? ascii.replace(/,/g, "") : ascii;
}

const TRUE_WORDS = ["true", "yes", "是"];
const FALSE_WORDS = ["false", "no", "否"];

function booleanCell(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return value;
}

const DAY_MS = 86_400_000;
/** Beijing civil time is UTC+8 all year (China has kept no daylight saving time since 1991). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** Day 0 of Excel's (1900) date system: 1899-12-30, so that serial 61 is 1900-03-01. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2_958_465;

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** The UTC calendar date of an instant, YYYY-MM-DD. */
function utcDate(ms: number): string {
  const day = new Date(ms);
  return `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1, 2)}-${pad(day.getUTCDate(), 2)}`;
}

interface Problem {
  readonly expected: string;
  readonly expectedZh: string;
  readonly hint?: string;
  readonly hintZh?: string;
}

const DATE_EXPECTED = {
  expected: "a date: a date cell, an Excel serial number, or text such as 2025-03-01",
  expectedZh: "日期：日期单元格、Excel 日期序列号，或 2025-03-01 这样的文字",
} as const;

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A date cell as the civil date YYYY-MM-DD, or the reason it is not one. */
export function civilDateOf(value: unknown): string | Problem {
  if (isDateObject(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { ...DATE_EXPECTED, hint: "the cell holds an invalid date", hintZh: "单元格中的日期无效" };
    // A Date is an instant; the fact is the calendar day in Beijing at that instant.
    return utcDate(ms + BEIJING_OFFSET_MS);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 61 || value > MAX_SERIAL) {
      return {
        ...DATE_EXPECTED,
        hint:
          value >= 19_000_101 && value <= 21_991_231
            ? "this looks like a date typed as digits (20250301); type it as 2025-03-01 or format the cell as a date"
            : "serial numbers below 61 (before 1900-03-01) are ambiguous in Excel, and above 2958465 there are no dates",
        hintZh:
          value >= 19_000_101 && value <= 21_991_231
            ? "这像是以数字写成的日期（20250301）；请写成 2025-03-01 或将单元格设为日期格式"
            : "序列号小于 61（1900-03-01 以前）在 Excel 中有歧义，大于 2958465 则不是日期",
      };
    }
    // The whole part is the day; a time of day (the fraction) does not move the civil date.
    return utcDate(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS);
  }
  if (typeof value === "string") {
    const text = asciiDigits(value.trim());
    const match = DATE_TEXT.exec(text);
    // Anything else goes to the core unchanged, which says what is wrong with it.
    return match ? `${match[1]}-${pad(Number(match[2]), 2)}-${pad(Number(match[3]), 2)}` : text;
  }
  return { ...DATE_EXPECTED };
}

function issue(field: string, received: unknown, problem: Problem): Cell {
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
  switch (kind) {
    case "number":
      return { value: typeof value === "string" ? numberText(value) : value };
    case "boolean":
      return { value: booleanCell(value) };
    case "date": {
      const date = civilDateOf(value);
      return typeof date === "string" ? { value: date } : issue(field, value, date);
    }
    case "text":
      return { value: typeof value === "string" ? value.trim() : value };
    default:
      return { value };
  }
}
