/**
 * The one cell reader of the adapters: what a clerk types in a spreadsheet cell (or a CSV field saved
 * from one) → the plain form the library's documents keep. The CSV reader and the workbook reader of
 * the `pinggu` command and the spreadsheet functions all read cells here, so two readers of one cell
 * cannot disagree. The library core stays strict: it never sees `2026/3/1`, `1,000,000` or `是`.
 *
 * Accepted (docs/cli.md, "How cells are read"; docs/spreadsheets.md):
 * - around every value: spaces (also U+3000), full-width digits and punctuation (１００，０００．５);
 * - numbers: `1000000.01`, `-1.50`, thousands separators in groups of three (`1,000,000.01`);
 * - (tables only, src/adapters/cells/table.ts: whole counts `12`, `1,200`; a 万元 column, scaled exactly);
 * - dates: `2026-03-01`, `2026-3-1`, `2026/3/1`, `2026.3.1`, `2026年3月1日`, a true date cell, an
 *   Excel serial number (whole days since 1899-12-30; serials below 61 are ambiguous in Excel);
 * - yes/no: true/false (any case), 是/否, √/×, ✓/✗, yes/no.
 * Text the reader does not recognise goes on to the library unchanged (only normalised as above), so
 * the library's own validation words the refusal (ranges, the days of a month…) and the caller says
 * where (file, sheet, row, column); the reader speaks for itself only where it knows better: thousands
 * separators not in groups of three, a date that is a number or a flag, a serial out of range.
 * A blank cell is a missing fact: never 0 and never false.
 *
 * Pure and dependency-free (it is bundled into the spreadsheet script, ES2019).
 */

/** What a field holds, as far as reading a cell is concerned (whole counts: see table.ts). */
export type CellKind = "boolean" | "date" | "number" | "text" | "any";

/** What was wrong with a cell (without its place: the caller knows the file, sheet, row and column). */
export interface CellProblem {
  readonly expected: string;
  readonly expectedZh: string;
  readonly hint?: string;
  readonly hintZh?: string;
}

/** A value read from a cell, nothing (a blank cell: a missing fact), or what was wrong with it. */
export type CellRead = { readonly value: unknown } | { readonly problem: CellProblem } | null;

/**
 * A numeric cell of a workbook with its exact text as stored in the file ("1000000.01"): the workbook
 * reader keeps the digits rather than a binary double, so amounts stay exact.
 */
export interface NumericCell {
  readonly numeric: string;
}

export interface CellOptions {
  /**
   * How a true date cell (a Date) is read: `beijing` (default: a Date is an instant, and the fact is
   * the calendar day in Beijing at that instant — what spreadsheet hosts hand to custom functions) or
   * `utc` (a workbook file's date has no time zone: its UTC fields are the date as the clerk typed it).
   */
  readonly dates?: "beijing" | "utc";
}

/** A Date from any realm (a spreadsheet engine's Date is not necessarily this script's Date). */
export function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

export function isNumericCell(value: unknown): value is NumericCell {
  return value !== null && typeof value === "object" && typeof (value as { numeric?: unknown }).numeric === "string";
}

/** A blank cell: nothing, or only spaces (ASCII or the ideographic space U+3000). */
export function isBlankCell(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && normalise(value) === "");
}

/**
 * Full-width digits, letters and punctuation (U+FF01–U+FF5E) to ASCII, the ideographic space to a space,
 * the minus sign U+2212 to a hyphen, and the text trimmed. 、 (the enumeration comma) is left alone.
 */
export function normalise(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/\u2212/g, "-")
    .trim();
}

const NUMBER = /^[-+]?\d+(\.\d+)?$/;
/** Thousands separators only in groups of three: 1,234,567.89 — not 1,00 or 12,34. */
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

const NUMBER_EXPECTED: CellProblem = {
  expected: "a number such as 1000000.01 or 1,000,000.01",
  expectedZh: "数字，例如 1000000.01 或 1,000,000.01",
  hint: "thousands separators only in groups of three",
  hintZh: "千位分隔符须每三位一组",
};
const DATE_EXPECTED: CellProblem = {
  expected: "a date such as 2026-03-01, 2026/3/1 or 2026年3月1日, a date cell, or an Excel date serial number",
  expectedZh: "日期，例如 2026-03-01、2026/3/1 或 2026年3月1日，日期单元格，或 Excel 日期序列号",
};

/** The shortest decimal text of a finite double, without exponent (the number a cell displays). */
function decimalOfNumber(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // 1e21 and above or 1e-7 and below: no amount of the measures is either; refuse rather than guess.
  return undefined;
}

/** Digits with commas that are not thousands separators in groups of three (1,00 or 4,50,00,000). */
export const MISGROUPED = /^[-+]?[\d,]*\d,[\d,]*(\.\d+)?$/;

function readNumber(raw: unknown): CellRead {
  let text: string | undefined;
  if (isNumericCell(raw)) text = raw.numeric.trim();
  else if (typeof raw === "number") text = decimalOfNumber(raw);
  else if (typeof raw === "string") {
    const plain = normalise(raw);
    if (MISGROUPED.test(plain) && !GROUPED.test(plain)) return { problem: NUMBER_EXPECTED };
    text = GROUPED.test(plain) ? plain.replace(/,/g, "") : plain;
  } else return { value: raw };
  // Not a plain decimal: the library refuses it in its own words (a number the cell cannot print
  // without an exponent goes on as the number it is).
  if (text === undefined) return { value: raw };
  if (!NUMBER.test(text)) return { value: text };
  return { value: text.replace(/^\+/, "") };
}

const TRUE_WORDS: readonly string[] = ["true", "yes", "是", "√", "✓", "✔"];
const FALSE_WORDS: readonly string[] = ["false", "no", "否", "×", "✗", "✘"];

function readBoolean(raw: unknown): CellRead {
  if (typeof raw !== "string") return { value: raw };
  const word = normalise(raw).toLowerCase();
  if (TRUE_WORDS.includes(word)) return { value: true };
  if (FALSE_WORDS.includes(word)) return { value: false };
  // 1, 0, 对, maybe: not a yes or no; the library refuses it ("true or false").
  return { value: raw };
}

const DAY_MS = 86_400_000;
/** Beijing civil time is UTC+8 all year (China has kept no daylight saving time since 1991). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** Day 0 of Excel's (1900) date system: 1899-12-30, so that serial 61 is 1900-03-01. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2_958_465;

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** The UTC calendar date of an instant, YYYY-MM-DD. */
function utcDate(ms: number): string {
  const day = new Date(ms);
  return `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1, 2)}-${pad(day.getUTCDate(), 2)}`;
}

function serialDate(serial: number): CellRead {
  if (!Number.isFinite(serial) || serial < 61 || serial > MAX_SERIAL) {
    const digits = serial >= 19_000_101 && serial <= 21_991_231;
    return {
      problem: {
        ...DATE_EXPECTED,
        hint: digits
          ? "this looks like a date typed as digits (20250301); type it as 2025-03-01 or format the cell as a date"
          : "serial numbers below 61 (before 1900-03-01) are ambiguous in Excel, and above 2958465 there are no dates",
        hintZh: digits
          ? "这像是以数字写成的日期（20250301）；请写成 2025-03-01 或将单元格设为日期格式"
          : "序列号小于 61（1900-03-01 以前）在 Excel 中有歧义，大于 2958465 则不是日期",
      },
    };
  }
  // The whole part is the day; a time of day (the fraction) does not move the civil date.
  return { value: utcDate(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS) };
}

function readDate(raw: unknown, options: CellOptions): CellRead {
  if (isDateObject(raw)) {
    const ms = raw.getTime();
    if (Number.isNaN(ms)) return { problem: { ...DATE_EXPECTED, hint: "the cell holds an invalid date", hintZh: "单元格中的日期无效" } };
    return { value: utcDate(options.dates === "utc" ? ms : ms + BEIJING_OFFSET_MS) };
  }
  if (typeof raw === "number") return serialDate(raw);
  if (isNumericCell(raw)) return serialDate(Number(raw.numeric));
  if (typeof raw !== "string") return { problem: DATE_EXPECTED };
  const text = normalise(raw);
  const match = DATE_TEXT.exec(text);
  // Not a date form: the library says what a date is; 2025-02-30 goes on too, and the library says
  // how many days February has.
  if (!match) return /^\d{8}$/.test(text) ? serialDate(Number(text)) : { value: text };
  return { value: `${match[1]}-${pad(Number(match[2]), 2)}-${pad(Number(match[3]), 2)}` };
}

/**
 * Read one cell as a field of the given kind. The value is what the library's documents keep: a
 * decimal string for a number, a JSON number for a count, YYYY-MM-DD for a date, a boolean, trimmed
 * text. `null` for a blank cell.
 */
export function readCell(kind: CellKind, raw: unknown, options: CellOptions = {}): CellRead {
  if (isBlankCell(raw)) return null;
  switch (kind) {
    case "number":
      return readNumber(raw);
    case "boolean":
      return readBoolean(raw);
    case "date":
      return readDate(raw, options);
    case "text":
      if (isNumericCell(raw)) return { value: raw.numeric };
      if (typeof raw === "string") return { value: normaliseText(raw) };
      if (typeof raw === "number" || typeof raw === "boolean") return { value: String(raw) };
      if (isDateObject(raw)) return readDate(raw, options);
      return { value: raw };
    default:
      return { value: isNumericCell(raw) ? raw.numeric : raw };
  }
}

/** Text: trimmed of spaces (ASCII and ideographic); its characters are kept as typed. */
function normaliseText(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}
